"""``aigc-kb doctrines``: the doctrines of the catalogue, with their names and sections.

The table is ``kb/doctrines.yaml`` of the kb in use; ``aigc-kb doctrines D07``
shows one doctrine with its statement.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._common import EXIT_OK

NAME = "doctrines"
HELP = "list the doctrines with their names and sections, or show one doctrine's statement"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doctrine", nargs="?", metavar="ID", help="a doctrine ID, e.g. D07: show its statement")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="text (default) or JSON (a list of {id, name, sections, ext, partly_ext, statement})")


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..core.errors import InputError
    from ..core.reference import doctrines_text

    vocab = kb.vocab
    only = args.doctrine.upper() if args.doctrine else None
    if only is not None and only not in vocab.doctrines:
        raise InputError.single("<command line>", None, f"no doctrine {args.doctrine!r} "
                                f"(the IDs run from {min(vocab.doctrines)} to {max(vocab.doctrines)})")
    if args.format == "json":
        chosen = [vocab.doctrines[only]] if only else list(vocab.doctrines.values())
        print(json.dumps([{"id": d.id, "name": d.name, "sections": list(d.sections), "ext": d.ext,
                           "partly_ext": d.partly_ext, "statement": d.statement} for d in chosen],
                         ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(doctrines_text(vocab, only))
    return EXIT_OK
