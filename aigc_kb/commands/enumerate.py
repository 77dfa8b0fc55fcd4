"""``aigc-kb enumerate``: the distinct outcomes of a case over its unknown facts and open points.

Facts under ``unknown:`` may be true or false; a choice point given with
``--open`` (or ``open`` in the case file) takes each of its positions.  For each
distinct outcome (by default the ``liable``, ``defense``, ``copyright`` and
``tangible_owner`` conclusions) it prints the condition under which it arises,
as an irredundant set of prime implicants, the number of worlds, and the
``aigc-kb explain`` command of a world; then, per party, whether it is liable
in every world, in some, or in none.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ._common import CASE_HELP, EXIT_OK, case_path, parse_assignments, add_lang_argument, text_lang

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "enumerate"
HELP = "distinct outcomes over the unknown facts and open choice points (ASP)"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time", "models")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..scenario.outcomes import DEFAULT_OUTCOME
    from ..scenario.options import add_limit_arguments

    parser.add_argument("case", metavar="CASE", help=CASE_HELP)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--regime", help="strict (default), presumed_fault, fault, notice_and_takedown")
    which.add_argument("--all-regimes", action="store_true", help="analyse every regime, one after the other")
    parser.add_argument("--set", action="append", default=[], metavar="POINT=POSITION",
                        help="set a choice point (repeatable; POSITION may be open)")
    parser.add_argument("--open", action="append", default=[], metavar="POINT",
                        help="let a choice point take each of its positions (repeatable)")
    parser.add_argument("--outcome", action="append", metavar="PREDICATE",
                        help=f"an output predicate that makes up outcomes (repeatable; default {' '.join(DEFAULT_OUTCOME)})")
    parser.add_argument("--list-worlds", action="store_true", help="also list every world with its explain command")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    add_lang_argument(parser)
    add_limit_arguments(parser, "max_outcomes", "max_implicants", "count_limit", "max_worlds")


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..scenario.outcomes import DEFAULT_OUTCOME, enumerate_outcomes
    from ..scenario.options import limits_from
    from ..scenario.render import enumeration_text

    case = kb.load_case(case_path(args.case))
    regimes = list(kb.vocab.regimes) if args.all_regimes else [args.regime]
    result = enumerate_outcomes(kb, case, regimes=regimes, positions=parse_assignments(args.set),
                                open_points=args.open, outcome=args.outcome or DEFAULT_OUTCOME,
                                limits=limits_from(args), list_worlds=args.list_worlds)
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(enumeration_text(result, lang=text_lang(args)))
    return EXIT_OK
