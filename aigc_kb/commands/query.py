"""``aigc-kb query``: a named query from ``queries/``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ._common import EXIT_OK, add_reading_arguments, parse_assignments

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "query"
HELP = "run a named query from queries/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name")
    parser.add_argument("case", metavar="CASE")
    parser.add_argument("--engine", choices=["prolog", "asp"], default="prolog")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_reading_arguments(parser)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    case = kb.load_case(args.case)
    rows = kb.query(args.name, case, engine=args.engine, regime=args.regime, positions=parse_assignments(args.set))
    if args.format == "json":
        print(json.dumps({"query": args.name, "case": case.id, "engine": args.engine,
                          "answers": [list(r) for r in rows]}, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print("\t".join(row))
    return EXIT_OK
