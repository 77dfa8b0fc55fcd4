"""``aigc-kb evaluate``: evaluate cases on one engine."""

from __future__ import annotations

import argparse
import json
from typing import Any, TYPE_CHECKING

from ..core.errors import InputError
from ._common import (EXIT_BAD_INPUT, EXIT_OK, add_engine_argument, add_reading_arguments, expand_case_args,
                      parse_assignments)

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "evaluate"
HELP = "evaluate cases on one engine"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time", "stack_mb")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cases", nargs="*", metavar="CASE",
                        help="case files, directories of them, or ids of bundled cases (`aigc-kb cases`)")
    parser.add_argument("--batch", metavar="DIR|FILE.jsonl",
                        help="evaluate every case of a directory or a JSON Lines file, streaming one JSON "
                             "record per case (failed cases included) in input order")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="with --batch: worker processes, each with its own engine (default 1)")
    add_engine_argument(parser)
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="text (default): a summary per case; json: an object per case (one line each "
                             "when there are several)")
    parser.add_argument("--explain", action="store_true",
                        help="add the short reasons: under each conclusion the rules that concluded it "
                             "(from the Prolog rules) and their conditions, one level deep")
    add_reading_arguments(parser)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..core.render import evaluation_text

    positions = parse_assignments(args.set)
    if args.batch is not None:
        return _run_batch(kb, args, positions)
    if not args.cases:
        raise InputError.single("<command line>", None, "give one or more CASE files, directories or bundled "
                                "case ids (`aigc-kb cases` lists them), or --batch DIR|FILE.jsonl")
    cases = [kb.load_case(path) for path in expand_case_args(args.cases)]  # all validated before any output
    if not cases:
        raise InputError.single("<command line>", None, f"no case files in {' '.join(args.cases)}")
    for case in cases:
        reading = kb.resolve(case, args.regime, positions)
        result = kb.evaluate_reading(case, reading, engine=args.engine).as_dict(kb.vocab)
        if args.explain:
            from ..explain.render import explained_evaluation_text
            from ..explain.trees import with_reasons

            result = with_reasons(kb, case, reading, result)
        if args.format == "json":
            print(json.dumps(result, ensure_ascii=False, indent=None if len(cases) > 1 else 2))
        elif args.explain:
            print(explained_evaluation_text(result, kb.vocab, title=case.title, source=case.source))
        else:
            print(evaluation_text(result, kb.vocab, title=case.title, source=case.source))
    return EXIT_OK


def _run_batch(kb: Any, args: argparse.Namespace, positions: dict[str, str]) -> int:
    """Stream one JSON line per case of the batch; exit 2 if any case failed."""
    from ..batch.pipeline import run_batch

    if args.cases or args.explain:
        raise InputError.single("<command line>", None, "--batch takes no CASE and writes JSON Lines")
    if args.workers < 1:
        raise InputError.single("<command line>", None, "--workers must be at least 1")
    failed = 0
    for record in run_batch(kb if args.workers == 1 else kb.paths.root, args.batch, engine=args.engine,
                            regime=args.regime, positions=positions, workers=args.workers, limits=kb.limits):
        failed += record.get("ok") is False
        print(json.dumps(record, ensure_ascii=False), flush=False)
    return EXIT_BAD_INPUT if failed else EXIT_OK
