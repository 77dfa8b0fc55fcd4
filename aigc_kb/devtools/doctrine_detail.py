"""One doctrine in full: its rules in both engines, the bundled cases that test it, the paper's sentences.

Gathered for ``aigc-kb doctrines ID``.  The rule listings are lint's (the
Prolog rules with their files and lines, the ASP rule labels with theirs);
the cases are the ``tests:`` entries of the bundled cases (or a directory).
Nothing is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.paper import PaperSection
from ..core.vocabulary import Doctrine
from .lint import asp_labels, lint_prolog, parse_asp


@dataclass(frozen=True)
class RulePlace:
    """A rule of one engine that cites the doctrine: its id, file (relative to the kb) and line."""

    engine: str
    id: str
    file: str
    line: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"engine": self.engine, "id": self.id, "file": self.file, "line": self.line}


@dataclass(frozen=True)
class DoctrineDetail:
    """A doctrine with its rules, the cases that test it (``+`` or ``-``) and the paper's sentences."""

    doctrine: Doctrine
    rules: tuple[RulePlace, ...]
    cases: tuple[tuple[str, str], ...]
    paper: tuple[tuple[str, PaperSection], ...]

    def to_dict(self) -> dict[str, Any]:
        d = self.doctrine
        return {"id": d.id, "name": d.name, "sections": list(d.sections), "ext": d.ext, "partly_ext": d.partly_ext,
                "statement": d.statement,
                "rules": {engine: [r.to_dict() for r in self.rules if r.engine == engine] for engine in ("prolog", "asp")},
                "cases": [{"case": c, "sign": s} for c, s in self.cases],
                "paper": [{"cited": cited, **entry.to_dict()} for cited, entry in self.paper]}


def _relative(file: str, root: Path) -> str:
    try:
        return str(Path(file).resolve().relative_to(root.resolve()))
    except ValueError:
        return file


def doctrine_detail(kb: Any, doctrine_id: str, cases_dir: Path | None) -> DoctrineDetail:
    """The :class:`DoctrineDetail` of ``doctrine_id`` in ``kb`` (a :class:`aigc_kb.KnowledgeBase`).

    A bundled case that does not load is left out (``aigc-kb check`` reports it).
    """
    from ..core.errors import AigcError

    doctrine: Doctrine = kb.vocab.doctrines[doctrine_id]
    _, prolog = lint_prolog(kb.paths, kb.vocab)  # its findings are `aigc-kb lint`'s to report
    root: Path = kb.paths.root
    rules = [RulePlace("prolog", r.id, _relative(r.file, root), r.line) for r in prolog if doctrine_id in r.doctrines]
    rules += [RulePlace("asp", lbl.label, _relative(lbl.file, root), lbl.line)
              for lbl in asp_labels(parse_asp(kb.paths.asp_files)) if doctrine_id in lbl.doctrines]
    cases: list[tuple[str, str]] = []
    for file in sorted(cases_dir.glob("*.yaml")) if cases_dir is not None else ():
        try:
            case = kb.load_case(file)
        except AigcError:
            continue  # `aigc-kb check` reports a case that does not load
        cases.extend((case.id, sign) for d, sign in case.tests if d == doctrine_id)
    paper = []
    for section in doctrine.sections:
        entry = kb.paper.excerpt(section)
        if entry is not None:
            paper.append((section, entry))
    return DoctrineDetail(doctrine, tuple(rules), tuple(cases), tuple(paper))


__all__ = ["DoctrineDetail", "RulePlace", "doctrine_detail"]
