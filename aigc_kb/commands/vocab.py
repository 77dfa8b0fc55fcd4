"""``aigc-kb vocab``: the fact vocabulary."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ._common import EXIT_OK

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "vocab"
HELP = "the fact vocabulary"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "markdown", "schema"], default="text",
                        help="text (default), markdown (docs/vocabulary.md) or schema (the JSON Schema of case files)")


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..core.reference import vocabulary_markdown, vocabulary_text
    from ..core.schema import case_schema

    if args.format == "markdown":
        sys.stdout.write(vocabulary_markdown(kb.vocab))
    elif args.format == "schema":
        print(json.dumps(case_schema(kb.vocab), indent=2))
    else:
        sys.stdout.write(vocabulary_text(kb.vocab))
    return EXIT_OK
