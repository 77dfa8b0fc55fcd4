"""aigc-kb declarations: the declarations of both encodings, generated from the vocabulary.

The input predicates, their templates and burdens, the output predicates, the
doctrine list, the regimes and choice points, the choice rules over open facts
and #show are generated from kb/vocabulary.yaml and kb/doctrines.yaml into
kb/prolog/declarations.pl, kb/asp/declarations.lp and kb/asp/show.lp.  Without
an option, says for each whether it is current; --check exits 1 when one is
stale; --write regenerates the stale ones.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import EXIT_FAILED, EXIT_OK

NAME = "declarations"
HELP = "regenerate (--write) or check (--check) the declarations generated from the vocabulary"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="write every stale generated file")
    action.add_argument("--check", action="store_true", help="exit 1 when a generated file is stale")


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..devtools.declarations import generate, write_declarations

    root = kb.paths.root
    if args.write:
        for path in write_declarations(kb.paths):
            print(f"wrote {path}")
        return EXIT_OK
    stale = 0
    for item in generate(kb.paths):
        current = item.is_current(root)
        stale += not current
        print(f"{item.path(root)}: {'current' if current else 'stale'}")
    if stale and args.check:
        print(f"aigc-kb: {stale} generated file(s) stale; run `aigc-kb declarations --write`", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
