"""``aigc-kb lint``: static checks of both encodings, the catalogue and the cases.

Prints one line per finding, ``file:line: kind: message`` (or a JSON list),
and exits 1 when there is any finding.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ._common import EXIT_FAILED, EXIT_OK

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "lint"
HELP = "check both encodings, the catalogue and the cases for editing mistakes"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()
#: lint reports a kb's problems itself: the CLI does not refuse a kb that does not load before it runs.
CHECKS_KB = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cases", metavar="DIR",
                        help="lint a set of case files: each must load, test only doctrines of the table, "
                             "and have its file name as id (default: the project's cases/ beside the kb, "
                             "which must also test every doctrine positively and negatively)")
    parser.add_argument("--complete", action="store_true",
                        help="with --cases: also demand a positive and a negative case for every doctrine")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..core.errors import InputError
    from ..devtools.lint import display_path, lint

    cases_dir = None
    if args.cases is not None:
        cases_dir = Path(args.cases)
        if not cases_dir.is_dir():
            raise InputError.single("<command line>", None, f"--cases {args.cases}: no such directory")
    report = lint(kb, cases_dir=cases_dir, complete=cases_dir is None or args.complete)
    if args.format == "json":
        print(json.dumps([dict(f.as_dict(), file=display_path(f.file)) for f in report.findings],
                         ensure_ascii=False, indent=2))
    else:
        for f in report.findings:
            where = display_path(f.file) + (f":{f.line}" if f.line is not None else "")
            print(f"{where}: {f.kind}: {f.message}")
    return EXIT_FAILED if report.findings else EXIT_OK
