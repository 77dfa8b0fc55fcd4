"""``aigc-kb query``: a named query from ``queries/``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ._common import CASE_HELP, EXIT_OK, add_engine_argument, add_reading_arguments, case_path, parse_assignments, query_names

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "query"
HELP = "run a named query from queries/"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time", "stack_mb")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help=f"the query: {', '.join(query_names()) or 'none found'} "
                        "(the .pl and .lp files of queries/)")
    parser.add_argument("case", metavar="CASE", help=CASE_HELP)
    add_engine_argument(parser)
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    add_reading_arguments(parser)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    case = kb.load_case(case_path(args.case))
    rows = kb.query(args.name, case, engine=args.engine, regime=args.regime, positions=parse_assignments(args.set))
    if args.format == "json":
        print(json.dumps({"query": args.name, "case": case.id, "engine": args.engine,
                          "answers": [list(r) for r in rows]}, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print("\t".join(row))
    return EXIT_OK
