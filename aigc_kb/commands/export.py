"""``aigc-kb export``: a case as plain facts for ``swipl`` or ``clingo``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ._common import EXIT_OK

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "export"
HELP = "a case as plain facts for swipl or clingo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("--to", choices=["pl", "lp"], required=True)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..export import export_case

    sys.stdout.write(export_case(kb.load_case(args.case), args.to))
    return EXIT_OK
