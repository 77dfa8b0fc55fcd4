"""``aigc-kb export``: a case as plain facts for ``swipl`` or ``clingo``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ._common import CASE_HELP, EXIT_OK, case_path

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "export"
HELP = "a case as plain facts for swipl or clingo"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="CASE", help=CASE_HELP)
    parser.add_argument("--to", choices=["pl", "lp"], required=True,
                        help="pl: Prolog facts for swipl; lp: ASP facts for clingo")


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..export import export_case

    sys.stdout.write(export_case(kb.load_case(case_path(args.case)), args.to))
    return EXIT_OK
