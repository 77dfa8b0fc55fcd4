"""``aigc-kb check``: hand-derived expectations on both engines, and agreement.

Every case is checked even when others are bad: a bad case is reported with
its errors and the run goes on; the exit code is 2 if any case was bad input,
else 1 if any expectation or agreement failed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TYPE_CHECKING

from ..core.errors import AigcError, InputError, KbError, MissingDependency
from ._common import (COMMAND_LINE, EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, add_lang_argument, case_path, default_cases,
                      default_cases_dir, text_lang)

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "check"
HELP = "check cases' expectations on both engines and their agreement"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time", "stack_mb")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cases", nargs="*", metavar="CASE",
                        help="case files, directories of them, .jsonl files, or ids of bundled cases "
                             "(default: every case of ./cases, else every bundled case)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="text (default): one line per case; json: a list of records")
    add_lang_argument(parser)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..batch.pipeline import BatchItem, batch_items
    from ..check import check_case
    from ..core.lang import language

    words = language(text_lang(args), kb.paths.root)

    items: list[BatchItem] = []
    for arg in args.cases or [str(p) for p in default_cases()]:
        path = case_path(arg)
        if path.is_dir() or path.suffix.lower() == ".jsonl":
            items.extend(batch_items(path, kb))
        else:
            try:
                items.append(BatchItem(arg, kb.load_case(path)))
            except AigcError as err:
                problems = getattr(err, "problems", [])
                items.append(BatchItem(arg, None, tuple(problems)))
    if not items:
        where = " ".join(args.cases) if args.cases else str(default_cases_dir() or "./cases")
        raise InputError.single(COMMAND_LINE, None, f"no cases to check in {where} "
                                "(give case files or directories; `aigc-kb cases` lists the bundled ones)")
    siblings = {item.case.id: item.case for item in items if item.case is not None}
    records: list[dict[str, Any]] = []
    bad = failed = 0
    for item in items:
        record: dict[str, Any]
        if item.case is None:
            bad += 1
            record = {"case": None, "source": item.source, "ok": False, "bad_input": True,
                      "failures": [str(p) for p in item.problems]}
        else:
            try:
                report = check_case(kb, item.case, siblings)
                failures = [str(f) for f in report.failures]
                failed += not report.ok
                record = {"case": item.case.id, "source": item.source, "ok": report.ok, "bad_input": False,
                          "readings": report.readings, "expectations": report.expectations, "failures": failures,
                          "notes": report.notes}
            except MissingDependency:
                raise  # no case can be checked: one line, exit 2
            except KbError:
                raise  # the kb itself: refused once, not blamed on a case
            except AigcError as err:
                bad += 1
                record = {"case": item.case.id, "source": item.source, "ok": False, "bad_input": True,
                          "failures": [str(err)]}
        records.append(record)
        if args.format == "text":
            if record["ok"]:
                print(words.msg("check_ok", case=record["case"], readings=record["readings"],
                                expectations=record["expectations"]))
            else:
                label = "BAD " if record["bad_input"] else "FAIL"
                print(f"{label} {record['case'] or record['source']}")
                for failure in record["failures"]:
                    print(f"     {failure}")
            for note in record.get("notes", ()):
                print(words.msg("check_note", note=note))
    if args.format == "json":
        print(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        print(words.msg("check_summary", passed=len(items) - failed - bad, failed=failed + bad)
              + (words.msg("check_bad", bad=bad) if bad else ""))
    return EXIT_BAD_INPUT if bad else EXIT_FAILED if failed else EXIT_OK
