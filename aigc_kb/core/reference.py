"""The vocabulary reference (``aigc-kb vocab``, ``docs/vocabulary.md``)."""

from __future__ import annotations

import textwrap

from .vocabulary import Doctrine, Vocabulary


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
        meaning = p.describe(tuple(f"*{a}*" for a in p.roles))
        out.append(f"| `{p.signature()}` | {meaning} | {p.burden} | {', '.join(p.doctrines)} |")
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
    """A compact plain-text listing for the terminal.

    Input predicates show the role of each argument where two share a type
    (``acting_for(agent: party, principal: party)``); then the outputs, the
    regimes, the choice points, the values of each enumeration and the pairs of
    facts that cannot both be proven.
    """
    out = ["Input predicates (case facts):"]
    for p in vocab.inputs.values():
        out.append(f"  {p.signature():50} {p.describe(p.roles)}  [{', '.join(p.doctrines)}]")
    out.append("Output predicates (conclusions):")
    for o in vocab.outputs.values():
        typed = tuple(f"{n}: {t}" for n, t in zip(o.arg_names, o.arg_types))
        out.append(f"  {_signature(o.name, typed):50} {o.meaning}")
    out.append("Regimes: " + ", ".join(vocab.regimes) + f" (default {vocab.default_regime})")
    out.append("Choice points (default first):")
    for c in vocab.choice_points.values():
        out.append(f"  {c.name} = {c.default} | {' | '.join(p for p in c.positions if p != c.default)}  [{c.doctrine}]")
    out.append("Enumerations (the values an argument of that type takes):")
    for name, values in vocab.enums.items():
        out.append(f"  {name}: {', '.join(values)}")
    out.append("Facts that cannot both be proven of the same arguments:")
    for first, second in vocab.conflicts:
        out.append(f"  {first} / {second}")
    out.append("Doctrines: `aigc-kb doctrines`.")
    return "\n".join(out) + "\n"


def doctrines_text(vocab: Vocabulary, only: str | None = None) -> str:
    """The doctrine table of ``kb/doctrines.yaml``: ID, name, sections, [ext] mark.

    With ``only`` (a doctrine ID), that doctrine with its statement.
    """
    if only is not None:
        d = vocab.doctrines[only]
        head = f"{d.id} {d.name}  (§{', §'.join(d.sections)}){_ext_mark(d)}"
        return f"{head}\n\n{_wrap(d.statement)}\n"
    out = [f"{len(vocab.doctrines)} doctrines (kb/doctrines.yaml); `aigc-kb doctrines ID` shows one's statement."]
    for d in vocab.doctrines.values():
        out.append(f"  {d.id}  {d.name:36} §{', §'.join(d.sections)}{_ext_mark(d)}")
    return "\n".join(out) + "\n"


def _ext_mark(d: Doctrine) -> str:
    return "  [ext]" if d.ext else ("  (partly [ext])" if d.partly_ext else "")


def _wrap(text: str, width: int = 100) -> str:
    return "\n".join(textwrap.fill(" ".join(part.split()), width) for part in text.split("\n\n"))
