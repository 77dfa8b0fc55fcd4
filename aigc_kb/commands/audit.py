"""``aigc-kb audit``: check the invariants of the law (catalogue I01-I10) on cases and generated worlds.

The invariants are stated in ``kb/invariants.lp`` (docs/audit.md): each result
of either engine is checked by clingo with that file, and the invariants that
compare two evaluations (a renaming, an unrelated fact, another regime) by
running the engine again.  Without CASES and without ``--worlds`` every
bundled case is audited.  Exit 1 when any invariant is violated, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import InputError
from ._common import CASE_HELP, EXIT_FAILED, EXIT_OK, case_path, default_cases

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase
    from ..core.model import Case, Reading

NAME = "audit"
HELP = "check the invariants I01-I10 on cases and generated worlds, on both engines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cases", nargs="*", metavar="CASE", help=CASE_HELP + " (default: every bundled case)")
    parser.add_argument("--readings", choices=["declared", "every"], default="declared",
                        help="declared (default): the readings each case's expect declares; every: also every "
                             "regime and every other position of each choice point, one at a time")
    parser.add_argument("--worlds", type=int, default=0, metavar="N",
                        help="also audit N generated worlds (random worlds and worlds of each issue-13 area)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first generated world (default 0)")
    parser.add_argument("--engine", choices=["prolog", "asp", "both"], default="both",
                        help="the engine whose results are checked (default both)")
    parser.add_argument("--invariant", action="append", default=[], metavar="ID",
                        help="report only this invariant (i01 ... i10; repeatable)")
    parser.add_argument("--rules-only", action="store_true",
                        help="only kb/invariants.lp, not the checks that run the engine again")
    parser.add_argument("--shrink-to", metavar="DIR",
                        help="write each violated invariant of each case, shrunk to a small case file, into DIR")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")


def _usage(message: str) -> InputError:
    return InputError.single("<command line>", None, message)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..devtools.audit import AuditReport, Auditor, declared_readings, every_reading, generated_worlds
    from ..devtools.generate import case_to_yaml

    if args.worlds < 0:
        raise _usage("--worlds must be at least 0")
    engines = ("prolog", "asp") if args.engine == "both" else (args.engine,)
    auditor = Auditor(kb, engines, second=not args.rules_only)
    known = {i.id for i in auditor.invariants}
    wanted = {i.lower() for i in args.invariant}
    if wanted - known:
        raise _usage(f"--invariant: unknown {', '.join(sorted(wanted - known))} (one of {', '.join(sorted(known))})")
    names = list(args.cases)
    if not names and not args.worlds:
        names = [str(p) for p in default_cases()]
        if not names:
            raise _usage("no bundled cases installed: name the case files to audit")
    items: list[tuple[Case, list[Reading]]] = []
    problems = []
    for name in names:
        try:
            case = kb.load_case(case_path(name))
        except InputError as err:
            problems.extend(err.problems)
            continue
        items.append((case, every_reading(kb, case) if args.readings == "every" else declared_readings(case)))
    if problems:
        raise InputError(problems)
    items.extend(generated_worlds(args.worlds, args.seed))
    report: AuditReport = auditor.audit(items)
    if wanted:
        report.violations = [v for v in report.violations if v.invariant in wanted]
    shrunk: list[str] = []
    if args.shrink_to:
        out = Path(args.shrink_to)
        if out.exists() and not out.is_dir():
            raise _usage(f"--shrink-to {args.shrink_to}: not a directory")
        out.mkdir(parents=True, exist_ok=True)
        cases = {case.id: (case, readings) for case, readings in items}
        done: set[tuple[str, str, str]] = set()
        for violation in report.violations:
            key = (violation.case, violation.invariant, violation.check)
            if key in done:
                continue
            done.add(key)
            case, readings = cases[violation.case]
            reading = next(r for r in readings if r.name == violation.reading)
            small = auditor.shrink(case, violation, reading)
            file = out / f"{small.id}.yaml"
            file.write_text(case_to_yaml(small, [reading], comment=[f"violates {violation}"]), encoding="utf-8")
            shrunk.append(str(file))
    counts = report.cases_violating()
    if args.format == "json":
        print(json.dumps({
            "evaluations": report.evaluations,
            "invariants": [{"id": i.id, "statement": i.statement, "sources": list(i.sources),
                            "checks": ["rules", *i.checks]} for i in auditor.invariants],
            "cases_violating": counts,
            "violations": [v.as_dict() for v in report.violations],
            "skipped": report.skipped,
            "shrunk": shrunk,
        }, indent=2, ensure_ascii=False))
    else:
        for violation in report.violations:
            print(violation)
        for line in report.skipped:
            print(f"skipped: {line}")
        for written in shrunk:
            print(f"wrote {written}")
        print(f"{len(items)} case(s), {report.evaluations} evaluation(s) (case x reading x engine): "
              f"{len(report.violations)} violation(s)")
        for invariant in auditor.invariants:
            if invariant.id in counts:
                per = ", ".join(f"{e} {n}" for e, n in sorted(counts[invariant.id].items()))
                print(f"  {invariant.id.upper()}: cases violating: {per}")
    return EXIT_FAILED if report.violations else EXIT_OK
