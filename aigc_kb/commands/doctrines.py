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

from ._common import EXIT_OK, add_lang_argument, json_lang, text_lang

NAME = "doctrines"
HELP = ("list the doctrines with their names and sections, or show one doctrine: its statement, its rules in "
        "both engines, the cases that test it and the paper's sentences")
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doctrine", nargs="?", metavar="ID", help="a doctrine ID, e.g. D07: show its statement")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="text (default) or JSON (a list of {id, name, sections, ext, partly_ext, statement}; with "
                             "an ID also rules {prolog, asp}, cases and paper; with --lang also text {name, "
                             "statement} in that language)")
    add_lang_argument(parser)


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..core.errors import InputError
    from ..core.lang import language

    vocab = kb.vocab
    lang = language(json_lang(args) if args.format == "json" else text_lang(args), kb.paths.root)
    only = args.doctrine.upper() if args.doctrine else None
    if only is not None and only not in vocab.doctrines:
        raise InputError.single("<command line>", None, f"no doctrine {args.doctrine!r} "
                                f"(the IDs run from {min(vocab.doctrines)} to {max(vocab.doctrines)})")
    asked = getattr(args, "lang", None) is not None

    def text_of(d: Any) -> dict[str, Any]:
        return {"text": {"name": _name(d, lang), "statement": _statement(d, lang)}} if asked else {}

    if only is not None:
        from ..core.paths import bundled_cases_dir
        from ..devtools.doctrine_detail import doctrine_detail

        detail = doctrine_detail(kb, only, bundled_cases_dir())
        if args.format == "json":
            print(json.dumps([{**detail.to_dict(), **text_of(detail.doctrine)}], ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(doctrine_text(vocab.doctrines[only], lang) + detail_text(detail, lang))
    elif args.format == "json":
        print(json.dumps([{"id": d.id, "name": d.name, "sections": list(d.sections), "ext": d.ext,
                           "partly_ext": d.partly_ext, "statement": d.statement, **text_of(d)}
                          for d in vocab.doctrines.values()],
                         ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(table_text(vocab.doctrines.values(), lang))
    return EXIT_OK


def _name(d: Any, lang: Any) -> str:
    return str(lang.doctrines.get(d.id, {}).get("name", d.name))


def _statement(d: Any, lang: Any) -> str:
    return str(lang.doctrines.get(d.id, {}).get("statement", d.statement))


def _ext(d: Any, lang: Any) -> str:
    return str(lang.msg("ext_mark") if d.ext else (lang.msg("partly_ext_mark") if d.partly_ext else ""))


def table_text(doctrines: Any, lang: Any) -> str:
    """The doctrine table: ID, name (in ``lang``), sections, [ext] mark."""
    rows = list(doctrines)
    out = [lang.msg("doctrines_head", n=len(rows))]
    out += [lang.msg("doctrine_row", id=d.id, name=_name(d, lang), sections="§" + ", §".join(d.sections),
                     ext=_ext(d, lang)) for d in rows]
    return "\n".join(out) + "\n"


def doctrine_text(d: Any, lang: Any) -> str:
    """One doctrine with its statement (in ``lang``; the English is kb/doctrines.yaml, wrapped at 100 columns)."""
    import textwrap

    head = lang.msg("doctrine_title", id=d.id, name=_name(d, lang), sections="§" + ", §".join(d.sections),
                    ext=_ext(d, lang))
    if lang.code == "en":
        body = "\n".join(textwrap.fill(" ".join(part.split()), 100) for part in d.statement.split("\n\n"))
    else:
        body = _statement(d, lang)  # Chinese has no spaces to break at: the terminal wraps it
    return f"{head}\n\n{body}\n"


def detail_text(detail: Any, lang: Any = None) -> str:
    """The rules, cases and paper's sentences of one doctrine (a ``DoctrineDetail``) as text, in ``lang``."""
    from ..core.lang import language
    from ..explain.law import plain, section_label

    lang = lang if lang is not None else language("en")
    out: list[str] = []
    for engine, title in (("prolog", "prolog_rules"), ("asp", "asp_rules")):
        rules = [r for r in detail.rules if r.engine == engine]
        out += ["", lang.msg(title, n=len(rules))]
        out += [f"  {r.id:44} {r.file}:{r.line if r.line is not None else '?'}" for r in rules]
    out += ["", lang.msg("cases_testing", n=len(detail.cases))]
    out += [f"  {sign} {case}" for case, sign in detail.cases] or [lang.msg("none_listed")]
    out += ["", lang.msg("the_paper")]
    for cited, entry in detail.paper:
        out.append(f"  {section_label(cited, entry, lang)}")
        out += [f"    {plain(s)}" for s in entry.sentences]
    if not detail.paper:
        out.append(lang.msg("no_excerpt"))
    return "\n".join(out) + "\n"
