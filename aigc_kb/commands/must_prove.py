"""``aigc-kb must-prove``: what must be established for a conclusion to hold, or to fail.

With ``--goal CONCLUSION``: every subset-minimal set of literals over the
case's unknown facts such that the conclusion holds in every completion of the
other unknown facts (what a rights holder must establish).  With ``--avoid``:
such that it fails in every completion (what a defendant must establish).
CONCLUSION is an output atom in Prolog syntax; an argument written ``_`` stands
for any value, e.g. ``liable(acme,_,_,_)``.  Open choice points must be
settled whatever their position.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ._common import CASE_HELP, EXIT_OK, add_reading_arguments, case_path, parse_assignments, add_lang_argument, text_lang

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "must-prove"
HELP = "minimal sets of unknown facts that make a conclusion hold (or fail) in every completion"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..scenario.options import add_limit_arguments

    parser.add_argument("case", metavar="CASE", help=CASE_HELP)
    goal = parser.add_mutually_exclusive_group(required=True)
    goal.add_argument("--goal", metavar="CONCLUSION", help="e.g. 'liable(acme,primary,reproduction,generation)'")
    goal.add_argument("--avoid", metavar="CONCLUSION", help="e.g. 'liable(acme,_,_,_)'")
    add_reading_arguments(parser)
    parser.add_argument("--open", action="append", default=[], metavar="POINT",
                        help="a choice point whose every position the sets must settle (repeatable)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    add_lang_argument(parser)
    add_limit_arguments(parser, "max_implicants")


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..scenario.outcomes import must_prove
    from ..scenario.options import limits_from
    from ..scenario.render import must_prove_text

    case = kb.load_case(case_path(args.case))
    avoid = args.avoid is not None
    result = must_prove(kb, case, args.avoid if avoid else args.goal, avoid=avoid, regime=args.regime,
                        positions=parse_assignments(args.set), open_points=args.open, limits=limits_from(args))
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(must_prove_text(result, lang=text_lang(args)))
    return EXIT_OK
