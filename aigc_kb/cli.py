"""The ``aigc-kb`` command line.

Exit codes: 0 success; 1 an expectation or agreement failed; 2 bad input or
usage (2 wins).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from .errors import AigcError, InputError, KbError, Problem

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # usage errors exit 2, one line
        self.print_usage(sys.stderr)
        print(f"aigc-kb: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def _positions(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        point, sep, position = item.partition("=")
        if not sep or not point or not position:
            raise InputError.single("<command line>", None, f"--set {item!r}: expected POINT=POSITION")
        out[point.strip()] = position.strip()
    return out


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="aigc-kb", description="Who is liable when AI-generated content infringes copyright, and why.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--kb", metavar="DIR", help="use an edited copy of kb/ (default: the bundled kb)")

    def reading(p: argparse.ArgumentParser) -> None:
        p.add_argument("--regime", choices=None, help="strict (default), presumed_fault, fault, notice_and_takedown")
        p.add_argument("--set", action="append", default=[], metavar="POINT=POSITION",
                       help="set a choice point (repeatable)")

    p = sub.add_parser("evaluate", help="evaluate cases on one engine")
    p.add_argument("cases", nargs="+", metavar="CASE")
    p.add_argument("--engine", choices=["prolog", "asp"], default="prolog")
    p.add_argument("--format", choices=["text", "json"], default="text")
    reading(p)
    common(p)

    p = sub.add_parser("check", help="check cases' expectations on both engines and their agreement")
    p.add_argument("cases", nargs="*", metavar="CASE", help="default: every case in cases/")
    p.add_argument("--format", choices=["text", "json"], default="text")
    common(p)

    p = sub.add_parser("query", help="run a named query from queries/")
    p.add_argument("name")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--engine", choices=["prolog", "asp"], default="prolog")
    p.add_argument("--format", choices=["text", "json"], default="text")
    reading(p)
    common(p)

    p = sub.add_parser("vocab", help="the fact vocabulary")
    p.add_argument("--format", choices=["text", "markdown", "schema"], default="text")
    common(p)

    p = sub.add_parser("export", help="a case as plain facts for swipl or clingo")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--to", choices=["pl", "lp"], required=True)
    common(p)
    return parser


def _default_cases() -> list[Path]:
    here = Path.cwd() / "cases"
    if not here.is_dir():
        from .paths import default_kb_dir

        here = default_kb_dir().parent / "cases"
    return sorted(p for p in here.glob("*.yaml"))


def _cmd_evaluate(kb: Any, args: argparse.Namespace) -> int:
    from .render import evaluation_text

    positions = _positions(args.set)
    cases = [kb.load_case(path) for path in args.cases]  # all validated before any output
    for case in cases:
        result = kb.evaluate(case, engine=args.engine, regime=args.regime, positions=positions).as_dict(kb.vocab)
        if args.format == "json":
            print(json.dumps(result, ensure_ascii=False, indent=None if len(cases) > 1 else 2))
        else:
            print(evaluation_text(result, kb.vocab))
    return EXIT_OK


def _cmd_check(kb: Any, args: argparse.Namespace) -> int:
    from .check import check_case

    paths = [Path(p) for p in args.cases] or _default_cases()
    if not paths:
        raise InputError.single("cases/", None, "no case files to check")
    problems: list[Problem] = []
    cases = []
    for path in paths:
        try:
            cases.append(kb.load_case(path))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    siblings = {c.id: c for c in cases}
    failed = 0
    reports = []
    for case in cases:
        report = check_case(kb, case, siblings)
        reports.append(report)
        failed += not report.ok
        if args.format == "text":
            status = "ok  " if report.ok else "FAIL"
            print(f"{status} {case.id}: {report.readings} reading(s), {report.expectations} expectation checks")
            for failure in report.failures:
                print(f"     {failure}")
    if args.format == "json":
        print(json.dumps([{"case": r.case, "file": r.file, "ok": r.ok, "readings": r.readings,
                           "expectations": r.expectations,
                           "failures": [str(f) for f in r.failures]} for r in reports], indent=2))
    else:
        print(f"{len(cases) - failed} passed, {failed} failed")
    return EXIT_FAILED if failed else EXIT_OK


def _cmd_query(kb: Any, args: argparse.Namespace) -> int:
    case = kb.load_case(args.case)
    rows = kb.query(args.name, case, engine=args.engine, regime=args.regime, positions=_positions(args.set))
    if args.format == "json":
        print(json.dumps({"query": args.name, "case": case.id, "engine": args.engine,
                          "answers": [list(r) for r in rows]}, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print("\t".join(row))
    return EXIT_OK


def _cmd_vocab(kb: Any, args: argparse.Namespace) -> int:
    from .reference import vocabulary_markdown, vocabulary_text
    from .schema import case_schema

    if args.format == "markdown":
        sys.stdout.write(vocabulary_markdown(kb.vocab))
    elif args.format == "schema":
        print(json.dumps(case_schema(kb.vocab), indent=2))
    else:
        sys.stdout.write(vocabulary_text(kb.vocab))
    return EXIT_OK


def _cmd_export(kb: Any, args: argparse.Namespace) -> int:
    from .export import export_case

    sys.stdout.write(export_case(kb.load_case(args.case), args.to))
    return EXIT_OK


COMMANDS = {"evaluate": _cmd_evaluate, "check": _cmd_check, "query": _cmd_query,
            "vocab": _cmd_vocab, "export": _cmd_export}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    args = _build_parser().parse_args(argv)
    try:
        from .api import KnowledgeBase

        kb = KnowledgeBase(args.kb)
        return COMMANDS[args.command](kb, args)
    except InputError as err:
        for problem in err.problems:
            print(f"aigc-kb: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except FileNotFoundError as err:
        print(f"aigc-kb: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KbError as err:
        print(f"aigc-kb: knowledge base: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except AigcError as err:
        print(f"aigc-kb: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT


def run() -> None:
    raise SystemExit(main())
