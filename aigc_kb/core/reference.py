"""The vocabulary reference (``aigc-kb vocab``, ``docs/vocabulary.md``)."""

from __future__ import annotations

from .vocabulary import Vocabulary


def _signature(name: str, args: tuple[str, ...]) -> str:
    return f"{name}({', '.join(args)})" if args else name


def vocabulary_markdown(vocab: Vocabulary) -> str:
    """The whole vocabulary as a Markdown page (generated; do not edit by hand)."""
    out = [
        "# Vocabulary reference",
        "",
        "Generated from `kb/vocabulary.yaml` by `aigc-kb vocab --format markdown`; do not edit.",
        "",
        f"{len(vocab.inputs)} input predicates, {len(vocab.outputs)} output predicates, "
        f"{len(vocab.choice_points)} choice points, {len(vocab.regimes)} regimes.",
        "",
        "## Input predicates (case facts)",
        "",
        "| predicate | meaning | burden | read by |",
        "|---|---|---|---|",
    ]
    for p in vocab.inputs.values():
        meaning = p.describe(tuple(f"*{a}*" for a in p.args))
        out.append(f"| `{_signature(p.name, p.args)}` | {meaning} | {p.burden} | {', '.join(p.doctrines)} |")
    out += ["", "## Output predicates (conclusions)", "", "| predicate | meaning |", "|---|---|"]
    for o in vocab.outputs.values():
        typed = tuple(f"{n}: {t}" for n, t in zip(o.arg_names, o.arg_types))
        out.append(f"| `{_signature(o.name, typed)}` | {o.meaning} |")
    out += ["", "## Regimes", "", f"Default: `{vocab.default_regime}`. " + ", ".join(f"`{r}`" for r in vocab.regimes), ""]
    out += ["## Choice points", "", "| point | doctrine | default | positions | meaning |", "|---|---|---|---|---|"]
    for c in vocab.choice_points.values():
        out.append(f"| `{c.name}` | {c.doctrine} | `{c.default}` | {', '.join(f'`{p}`' for p in c.positions)} | {c.meaning} |")
    out += ["", "The position `open` is reserved for scenario commands: it means every position.", ""]
    out += ["## Enumerations", "", "| type | values |", "|---|---|"]
    for name, values in vocab.enums.items():
        out.append(f"| `{name}` | {', '.join(f'`{v}`' for v in values)} |")
    out += ["", "## Facts that cannot both be proven", ""]
    out += [f"- `{a}` and `{b}` of the same arguments" for a, b in vocab.conflicts]
    out += ["", "## Doctrines", "", "| ID | name | § | ext |", "|---|---|---|---|"]
    for d in vocab.doctrines.values():
        ext = "[ext]" if d.ext else ("partly [ext]" if d.partly_ext else "")
        out.append(f"| {d.id} | {d.name} | {', '.join(d.sections)} | {ext} |")
    return "\n".join(out) + "\n"


def vocabulary_text(vocab: Vocabulary) -> str:
    """A compact plain-text listing for the terminal."""
    out = ["Input predicates:"]
    for p in vocab.inputs.values():
        out.append(f"  {_signature(p.name, p.args):50} {p.describe(p.args)}  [{', '.join(p.doctrines)}]")
    out.append("Output predicates:")
    for o in vocab.outputs.values():
        out.append(f"  {_signature(o.name, o.arg_names):50} {o.meaning}")
    out.append("Regimes: " + ", ".join(vocab.regimes) + f" (default {vocab.default_regime})")
    out.append("Choice points:")
    for c in vocab.choice_points.values():
        out.append(f"  {c.name} = {c.default} | {' | '.join(p for p in c.positions if p != c.default)}  [{c.doctrine}]")
    return "\n".join(out) + "\n"
