"""``aigc-kb flips``: single facts whose addition or removal changes who is liable, or how.

Every type-correct input fact over the case's declared entities is tried:
added when not stated (unless it contradicts a stated fact), removed when
stated (entity declarations excepted).  Each change that changes the
``liable`` conclusions is printed with what it gains and loses, and the
``aigc-kb explain`` command of the changed case.  The Prolog engine
evaluates each candidate; unknown facts stay not proven.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ._common import CASE_HELP, EXIT_OK, add_reading_arguments, case_path, parse_assignments, add_lang_argument, text_lang

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "flips"
HELP = "single facts whose addition or removal changes who is liable or how"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time", "stack_mb")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..scenario.options import add_limit_arguments

    parser.add_argument("case", metavar="CASE", help=CASE_HELP)
    add_reading_arguments(parser)
    parser.add_argument("--outcome", action="append", metavar="PREDICATE",
                        help="an output predicate whose change counts (repeatable; default liable)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    add_lang_argument(parser)
    add_limit_arguments(parser, "max_candidates")


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..scenario.flips import FLIP_OUTCOME, find_flips
    from ..scenario.options import limits_from
    from ..scenario.render import flips_text

    case = kb.load_case(case_path(args.case))
    result = find_flips(kb, case, regime=args.regime, positions=parse_assignments(args.set),
                        outcome=args.outcome or FLIP_OUTCOME, limits=limits_from(args))
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(flips_text(result, lang=text_lang(args)))
    return EXIT_OK
