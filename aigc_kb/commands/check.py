"""``aigc-kb check``: hand-derived expectations on both engines, and agreement."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ._common import EXIT_FAILED, EXIT_OK, default_cases

NAME = "check"
HELP = "check cases' expectations on both engines and their agreement"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cases", nargs="*", metavar="CASE", help="default: every case in cases/")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..check import check_case

    paths = [Path(p) for p in args.cases] or default_cases()
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
