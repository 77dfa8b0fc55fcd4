"""The law beside the reasoning: the doctrines and the paper's sentences an explanation cites.

:func:`law_of` collects, for every doctrine and section of the paper cited by
an explanation (its rules, its regime, its choice points), the doctrine's name
and statement (``kb/doctrines.yaml``) and the paper's sentences of the section
(``kb/paper.yaml``).  Nothing is decided here: the data is only gathered so
that the renderings can show it beside each step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..core.lang import Language
from ..core.paper import Paper, PaperSection, split_sections
from ..core.vocabulary import Doctrine, Vocabulary


@dataclass(frozen=True)
class Law:
    """The doctrines (by ID) and the paper's sections (by the number cited) an explanation cites.

    A cited section without an entry of its own maps to its parent's entry
    (whose ``section`` field tells which one); one with no entry at all is absent.
    """

    doctrines: dict[str, Doctrine] = field(default_factory=dict)
    sections: dict[str, PaperSection] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doctrines": {d.id: {"name": d.name, "statement": d.statement, "sections": list(d.sections),
                                 "ext": d.ext, "partly_ext": d.partly_ext} for d in self.doctrines.values()},
            "sections": {cited: entry.to_dict() for cited, entry in self.sections.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Law":
        return cls(
            doctrines={i: Doctrine(i, str(d["name"]), tuple(d["sections"]), bool(d["ext"]), bool(d["partly_ext"]),
                                   str(d["statement"])) for i, d in data.get("doctrines", {}).items()},
            sections={s: PaperSection(str(e["section"]), str(e["title"]), tuple(e["sentences"]))
                      for s, e in data.get("sections", {}).items()},
        )


def gather(vocab: Vocabulary, paper: Paper, doctrines: Iterable[str], sections: Iterable[str]) -> Law:
    """The :class:`Law` of the given doctrine IDs and section numbers (unknown ones left out), sorted."""
    found = {d: vocab.doctrines[d] for d in sorted(set(doctrines)) if d in vocab.doctrines}
    entries = {}
    for cited in sorted(set(sections), key=lambda s: [int(p) if p.isdigit() else 0 for p in s.split(".")]):
        entry = paper.excerpt(cited)
        if entry is not None:
            entries[cited] = entry
    return Law(found, entries)


def doctrine_label(doctrine: Doctrine) -> str:
    """``D07 provider_liability`` with ``[ext]`` or ``[partly ext]`` for the project's extensions."""
    mark = " [ext]" if doctrine.ext else " [partly ext]" if doctrine.partly_ext else ""
    return f"{doctrine.id} {doctrine.name}{mark}"


def step_law(law: Law, doctrines: Iterable[str], section: str | None) -> tuple[list[Doctrine], list[tuple[str, PaperSection]]]:
    """The doctrines and the (cited number, paper entry) pairs of one step, in the step's order."""
    return ([law.doctrines[d] for d in doctrines if d in law.doctrines],
            [(s, law.sections[s]) for s in split_sections(section) if s in law.sections])


def plain(text: str) -> str:
    """``text`` on one line with single spaces (the paper's no-break spaces and the YAML's folds undone)."""
    return " ".join(text.split())


def section_label(cited: str, entry: PaperSection, lang: Language | None = None) -> str:
    """``§5.1 The Dilemma of …``; a fallback names the parent: ``§5.3 (in §5 Title)`` (the paper's titles stay in
    the paper's language)."""
    if entry.section == cited:
        return f"§{cited} {entry.title}"
    if lang is not None:
        return lang.msg("section_in", cited=cited, section=entry.section, title=entry.title)
    return f"§{cited} (in §{entry.section} {entry.title})"


def law_lines(law: Law, doctrines: Iterable[str], section: str | None, lang: Language | None = None) -> list[str]:
    """One step's law in plain lines: each doctrine with its statement, each section with its sentences."""
    found, entries = step_law(law, doctrines, section)
    lines = [f"{doctrine_label(d)}: {plain(d.statement)}" for d in found]
    for cited, entry in entries:
        lines.append(f"{section_label(cited, entry, lang)}:")
        lines.extend(f"  {plain(sentence)}" for sentence in entry.sentences)
    return lines


__all__ = ["Law", "doctrine_label", "gather", "law_lines", "plain", "section_label", "step_law"]
