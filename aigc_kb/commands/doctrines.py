"""``aigc-kb doctrines``: the doctrines of the catalogue, with their names and sections.

The table is ``kb/doctrines.yaml`` of the kb in use; ``aigc-kb doctrines D07``
shows one doctrine with its statement, its rules in both engines (file and
line), the bundled cases that test it (``tests:``) and the paper's sentences
of its sections (``kb/paper.yaml``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._common import EXIT_OK

NAME = "doctrines"
HELP = ("list the doctrines with their names and sections, or show one doctrine: its statement, its rules in "
        "both engines, the cases that test it and the paper's sentences")
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doctrine", nargs="?", metavar="ID", help="a doctrine ID, e.g. D07: show its statement")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="text (default) or JSON (a list of {id, name, sections, ext, partly_ext, statement}; with "
                             "an ID also rules {prolog, asp}, cases and paper)")


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..core.errors import InputError
    from ..core.reference import doctrines_text

    vocab = kb.vocab
    only = args.doctrine.upper() if args.doctrine else None
    if only is not None and only not in vocab.doctrines:
        raise InputError.single("<command line>", None, f"no doctrine {args.doctrine!r} "
                                f"(the IDs run from {min(vocab.doctrines)} to {max(vocab.doctrines)})")
    if only is not None:
        from ..core.paths import bundled_cases_dir
        from ..devtools.doctrine_detail import doctrine_detail

        detail = doctrine_detail(kb, only, bundled_cases_dir())
        if args.format == "json":
            print(json.dumps([detail.to_dict()], ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(doctrines_text(vocab, only) + detail_text(detail))
    elif args.format == "json":
        print(json.dumps([{"id": d.id, "name": d.name, "sections": list(d.sections), "ext": d.ext,
                           "partly_ext": d.partly_ext, "statement": d.statement} for d in vocab.doctrines.values()],
                         ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(doctrines_text(vocab, only))
    return EXIT_OK


def detail_text(detail: Any) -> str:
    """The rules, cases and paper's sentences of one doctrine (a ``DoctrineDetail``) as text."""
    from ..explain.law import plain, section_label

    out: list[str] = []
    for engine, title in (("prolog", "Prolog rules"), ("asp", "ASP rules")):
        rules = [r for r in detail.rules if r.engine == engine]
        out += ["", f"{title} ({len(rules)}):"]
        out += [f"  {r.id:44} {r.file}:{r.line if r.line is not None else '?'}" for r in rules]
    out += ["", f"Bundled cases that test it ({len(detail.cases)}):"]
    out += [f"  {sign} {case}" for case, sign in detail.cases] or ["  (none)"]
    out += ["", "The paper:"]
    for cited, entry in detail.paper:
        out.append(f"  {section_label(cited, entry)}")
        out += [f"    {plain(s)}" for s in entry.sentences]
    if not detail.paper:
        out.append("  (no excerpt in kb/paper.yaml)")
    return "\n".join(out) + "\n"
