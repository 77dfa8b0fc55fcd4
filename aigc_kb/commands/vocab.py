"""``aigc-kb vocab``: the fact vocabulary."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ._common import EXIT_OK, add_lang_argument, text_lang

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "vocab"
HELP = "the fact vocabulary"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "markdown", "schema"], default="text",
                        help="text (default), markdown (docs/vocabulary.md) or schema (the JSON Schema of case files)")
    add_lang_argument(parser)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..core.reference import vocabulary_markdown, vocabulary_text
    from ..core.schema import case_schema

    if args.format == "markdown":
        sys.stdout.write(vocabulary_markdown(kb.vocab))
    elif args.format == "schema":
        print(json.dumps(case_schema(kb.vocab), indent=2))
    elif text_lang(args) == "zh":
        sys.stdout.write(vocabulary_text_zh(kb))
    else:
        sys.stdout.write(vocabulary_text(kb.vocab))
    return EXIT_OK


def vocabulary_text_zh(kb: KnowledgeBase) -> str:
    """The listing of ``vocabulary_text`` in Chinese: each predicate's Chinese template with its arguments'
    roles in angle brackets (identifiers, as a case file writes them), the values with their words."""
    from ..core.lang import fill, language

    lg = language("zh", kb.paths.root)
    vocab = kb.vocab
    out = [lg.msg("vocab_inputs")]
    for p in vocab.inputs.values():
        said = fill(lg.templates.get(p.name, p.meaning), [f"〈{r}〉" for r in p.roles])
        out.append(f"  {p.signature():50} {said}  [{', '.join(p.doctrines)}]")
    out.append(lg.msg("vocab_outputs"))
    for o in vocab.outputs.values():
        typed = ", ".join(f"{n}: {t}" for n, t in zip(o.arg_names, o.arg_types))
        said = fill(lg.outputs.get(o.name, o.meaning), {n: f"〈{n}〉" for n in o.arg_names})
        out.append(f"  {o.name + '(' + typed + ')':50} {said}")
    out.append(lg.msg("vocab_regimes", list="、".join(f"{r}（{lg.word(r, 'regime')}）" for r in vocab.regimes),
                      default=vocab.default_regime))
    out.append(lg.msg("vocab_choice_points"))
    for c in vocab.choice_points.values():
        positions = " | ".join(f"{p}（{lg.word(p, 'position')}）" for p in (c.default, *(q for q in c.positions
                                                                                       if q != c.default)))
        out.append(f"  {c.name} = {positions}  [{c.doctrine}]  {lg.choice_points.get(c.name, '')}")
    out.append(lg.msg("vocab_enums"))
    for name, values in vocab.enums.items():
        out.append(f"  {name}: " + ", ".join(f"{v}（{lg.word(v, name)}）" for v in values))
    out.append(lg.msg("vocab_conflicts"))
    for first, second in vocab.conflicts:
        out.append(f"  {first} / {second}")
    out.append(lg.msg("vocab_doctrines"))
    return "\n".join(out) + "\n"
