"""``aigc-kb lint``: static checks of both encodings, the catalogue and the cases.

Prints one line per finding, ``file:line: kind: message`` (or a JSON list),
and exits 1 when there is any finding.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ._common import EXIT_FAILED, EXIT_OK

NAME = "lint"
HELP = "check both encodings, the catalogue and the cases for editing mistakes"
#: lint reports a kb's problems itself: the CLI does not refuse a kb that does not load before it runs.
CHECKS_KB = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cases", metavar="DIR",
                        help="the case files whose tests: are checked (default: cases/ beside the kb)")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..lint import display_path, lint

    cases_dir = None
    if args.cases is not None:
        cases_dir = Path(args.cases)
        if not cases_dir.is_dir():
            raise InputError.single("<command line>", None, f"--cases {args.cases}: no such directory")
    report = lint(kb, cases_dir=cases_dir)
    if args.format == "json":
        print(json.dumps([dict(f.as_dict(), file=display_path(f.file)) for f in report.findings],
                         ensure_ascii=False, indent=2))
    else:
        for f in report.findings:
            where = display_path(f.file) + (f":{f.line}" if f.line is not None else "")
            print(f"{where}: {f.kind}: {f.message}")
    return EXIT_FAILED if report.findings else EXIT_OK
