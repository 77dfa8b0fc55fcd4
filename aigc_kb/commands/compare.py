"""``aigc-kb compare``: a case's conclusions under every liability regime, side by side.

Rows are conclusions, columns the regimes ``strict``, ``presumed_fault``,
``fault`` and ``notice_and_takedown``; a row on which the regimes differ is
marked ``<>``.  Unknown facts are not proven, so each regime's burden of proof
(catalogue D13, encoded in the rules) decides them, as in ``evaluate``.  The
Prolog engine evaluates each regime.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ._common import CASE_HELP, EXIT_OK, case_path, parse_assignments, add_lang_argument, text_lang

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "compare"
HELP = "conclusions under every regime side by side, divergences marked"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time", "stack_mb")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="CASE", help=CASE_HELP)
    parser.add_argument("--set", action="append", default=[], metavar="POINT=POSITION",
                        help="set a choice point (repeatable)")
    parser.add_argument("--divergent", action="store_true", help="show only the conclusions the regimes differ on")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    add_lang_argument(parser)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..scenario.compare import compare_regimes
    from ..scenario.render import comparison_text

    case = kb.load_case(case_path(args.case))
    result = compare_regimes(kb, case, parse_assignments(args.set))
    if args.format == "json":
        data = result.as_dict()
        if args.divergent:
            data["rows"] = [r for r in data["rows"] if r["divergent"]]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(comparison_text(result, only_divergent=args.divergent, lang=text_lang(args)))
    return EXIT_OK
