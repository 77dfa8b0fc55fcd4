"""``aigc-kb evaluate``: evaluate cases on one engine."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ._common import EXIT_OK, add_reading_arguments, parse_assignments

NAME = "evaluate"
HELP = "evaluate cases on one engine"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cases", nargs="+", metavar="CASE")
    parser.add_argument("--engine", choices=["prolog", "asp"], default="prolog")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--explain", action="store_true",
                        help="add the short reasons: under each conclusion the rules that concluded it "
                             "(from the Prolog rules) and their conditions, one level deep")
    add_reading_arguments(parser)


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..render import evaluation_text

    positions = parse_assignments(args.set)
    cases = [kb.load_case(path) for path in args.cases]  # all validated before any output
    for case in cases:
        reading = kb.resolve(case, args.regime, positions)
        result = kb.evaluate_reading(case, reading, engine=args.engine).as_dict(kb.vocab)
        if args.explain:
            from ..explain import explained_evaluation_text, with_reasons

            result = with_reasons(kb, case, reading, result)
        if args.format == "json":
            print(json.dumps(result, ensure_ascii=False, indent=None if len(cases) > 1 else 2))
        elif args.explain:
            print(explained_evaluation_text(result, kb.vocab))
        else:
            print(evaluation_text(result, kb.vocab))
    return EXIT_OK
