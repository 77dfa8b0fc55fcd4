"""The paper's own sentences per section (``kb/paper.yaml``) as typed Python objects.

The excerpts are data of the knowledge base, copied verbatim from the paper;
they are shown beside the reasoning (``explain --cite full``, ``doctrines ID``)
and never read by a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import KbError


@dataclass(frozen=True)
class PaperSection:
    """One section of the paper: its number, title and the sentences that state its rule."""

    section: str
    title: str
    sentences: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "title": self.title, "sentences": list(self.sentences)}


@dataclass(frozen=True)
class Paper:
    """The excerpts of one knowledge base, by section number (``"5.3"``)."""

    sections: dict[str, PaperSection] = field(default_factory=dict)
    source: str = ""

    def excerpt(self, section: str) -> PaperSection | None:
        """The entry of ``section``, else of its nearest parent (``5.3`` → ``5``), else ``None``."""
        number = section.strip().lstrip("§")
        while number:
            if number in self.sections:
                return self.sections[number]
            number = number.rpartition(".")[0]
        return None


def split_sections(section: str | None) -> list[str]:
    """``"3.1, 4.3"`` as ``["3.1", "4.3"]``."""
    return [s.strip() for s in (section or "").split(",") if s.strip()]


@lru_cache(maxsize=8)
def load_paper(path: Path) -> Paper:
    """Read ``kb/paper.yaml``; an empty :class:`Paper` when the kb has none.

    Raises
    ------
    KbError
        When the file is not a list of ``{section, title, sentences}`` entries.
    """
    if not path.is_file():
        return Paper()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise KbError(f"{path}: not YAML: {' '.join(str(err).split())}") from None
    entries = raw.get("sections") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise KbError(f"{path}: expected a mapping with a `sections` list")
    sections: dict[str, PaperSection] = {}
    for entry in entries:
        ok = (isinstance(entry, dict) and isinstance(entry.get("section"), str) and isinstance(entry.get("title"), str)
              and isinstance(entry.get("sentences"), list) and all(isinstance(s, str) for s in entry["sentences"]))
        if not ok:
            raise KbError(f"{path}: every entry needs `section` and `title` (strings) and `sentences` (a list of "
                          f"strings): {entry!r}"[:300])
        if entry["section"] in sections:
            raise KbError(f"{path}: section {entry['section']} is given twice")
        sections[entry["section"]] = PaperSection(entry["section"], entry["title"], tuple(entry["sentences"]))
    return Paper(sections, str(raw.get("source", "")))


__all__ = ["Paper", "PaperSection", "load_paper", "split_sections"]
