"""``aigc-kb coverage``: which rules of each engine the cases fire, per doctrine.

For each doctrine: the cases testing it (``tests:``) and the rules encoding
it in each engine, each with the number of case readings that fire it; then
every rule that no case fires, and a summary line of counts.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TYPE_CHECKING

from ._common import EXIT_OK

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "coverage"
HELP = "show, per doctrine and per rule, which cases exercise the rules of each engine"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time", "stack_mb")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cases", nargs="*", metavar="CASE", help="default: every case in cases/ beside the kb")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")


def _where(file: str, line: int | None) -> str:
    from ..devtools.lint import display_path

    return display_path(file) + (f":{line}" if line is not None else "")


def _text(report: Any) -> list[str]:
    out = []
    for d in report.doctrines:
        signs = [s for _, s in d.cases]
        out.append(f"{d.doctrine} {d.name}: {len(d.cases)} case(s) "
                   f"({signs.count('+')} positive, {signs.count('-')} negative)")
        if d.cases:
            out.append("  cases: " + ", ".join(f"{c} ({s})" for c, s in d.cases))
        for engine, ids in (("prolog", d.prolog_rules), ("asp", d.asp_rules)):
            if not ids:
                out.append(f"  {engine:6} NO RULE")
            for rule_id in ids:
                rule = report.rule(engine, rule_id)
                fired = f"fired by {len(rule.fired_by)} reading(s)" if rule.fired else "NOT FIRED"
                out.append(f"  {engine:6} {rule_id:48} {fired}")
    for engine in ("prolog", "asp"):
        unfired = report.unfired(engine)
        out.append(f"not fired by any case ({engine}): {len(unfired)}")
        for rule in unfired:
            out.append(f"  {rule.id:48} {', '.join(rule.doctrines):12} {_where(rule.file, rule.line)}")
    s = report.summary()
    out.append(f"{s['doctrines']} doctrines ({s['doctrines_without_cases']} without cases, "
               f"{s['doctrines_without_prolog_rule']} without a Prolog rule, "
               f"{s['doctrines_without_asp_rule']} without an ASP rule); "
               f"{s['cases']} cases, {s['readings']} readings; "
               f"prolog {s['prolog_rules']} rules, {s['prolog_rules'] - s['prolog_unfired']} fired, "
               f"{s['prolog_unfired']} not fired; "
               f"asp {s['asp_rules']} rules, {s['asp_rules'] - s['asp_unfired']} fired, "
               f"{s['asp_unfired']} not fired")
    return out


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..devtools.coverage import coverage
    from ..core.errors import InputError, Problem
    from ..devtools.lint import cases_dir_for

    if args.cases:
        paths = [Path(p) for p in args.cases]
    else:
        directory = cases_dir_for(kb.paths)
        paths = sorted(directory.glob("*.yaml")) if directory is not None else []
    problems: list[Problem] = []
    cases = []
    for path in paths:
        try:
            cases.append(kb.load_case(path))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    report = coverage(kb, cases)
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_text(report)))
    return EXIT_OK
