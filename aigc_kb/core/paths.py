"""Locate the knowledge base (``kb/``), the named queries (``queries/``), the example cases (``cases/``) and the engine's Prolog.

In a source checkout the kb and the queries sit beside the package; in an
installed wheel they are shipped inside it under ``aigc_kb/_data``.  The
Prolog that serves the package (explainer, batch driver, JSON writers, load
and lint support) is part of the package (``aigc_kb/prolog``), never of a kb:
an edited copy of ``kb/`` carries only the law.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"none of {', '.join(map(str, candidates))} exists")


#: The engine's own Prolog files.
ENGINE_PROLOG_DIR = _PACKAGE / "prolog"


def engine_prolog(name: str) -> Path:
    """The engine Prolog file ``name`` (``json.pl``, ``explain.pl``, ``batch.pl``, ...) of the package."""
    return ENGINE_PROLOG_DIR / name


def default_kb_dir() -> Path:
    """The bundled knowledge base directory."""
    return _first_existing(_PACKAGE / "_data" / "kb", _PACKAGE.parent / "kb")


def default_queries_dir() -> Path:
    """The bundled directory of named queries."""
    return _first_existing(_PACKAGE / "_data" / "queries", _PACKAGE.parent / "queries")


def bundled_cases_dir() -> Path | None:
    """The bundled example cases (``cases/`` of the project), or ``None`` when they are not installed."""
    for candidate in (_PACKAGE / "_data" / "cases", _PACKAGE.parent / "cases"):
        if candidate.is_dir():
            return candidate
    return None


@dataclass(frozen=True)
class KbPaths:
    """The files of one knowledge base.

    Attributes
    ----------
    root : Path
        The ``kb`` directory.
    queries : Path
        The directory of named queries that goes with it.
    """

    root: Path
    queries: Path

    @classmethod
    def locate(cls, kb_dir: str | Path | None = None) -> "KbPaths":
        """Resolve ``kb_dir`` (default: the bundled kb) and its queries directory.

        An edited copy of ``kb/`` uses the ``queries/`` directory beside it when
        there is one, else the bundled queries.
        """
        if kb_dir is None:
            return cls(default_kb_dir(), default_queries_dir())
        root = Path(kb_dir).resolve()
        if not root.is_dir():
            raise FileNotFoundError(f"{kb_dir}: no such knowledge-base directory")
        sibling = root.parent / "queries"
        return cls(root, sibling if sibling.is_dir() else default_queries_dir())

    @property
    def vocabulary(self) -> Path:
        return self.root / "vocabulary.yaml"

    @property
    def doctrines(self) -> Path:
        return self.root / "doctrines.yaml"

    @property
    def paper(self) -> Path:
        """The paper's own sentences per section (``paper.yaml``), shown beside the reasoning."""
        return self.root / "paper.yaml"

    @property
    def prolog_entry(self) -> Path:
        return self.root / "prolog" / "aigc.pl"

    @property
    def asp_files(self) -> list[Path]:
        return sorted((self.root / "asp").glob("*.lp"))
