"""The bundled cases (``cases/``): the only files the server reads on a request's behalf.

A request names a bundled case by its file name; the name is looked up among
the files listed here, never joined to a path.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..core.paths import bundled_cases_dir


@lru_cache(maxsize=1)
def cases_dir() -> Path | None:
    """The bundled cases: ``aigc_kb/_data/cases`` in a wheel, ``cases/`` in a source checkout."""
    return bundled_cases_dir()


@lru_cache(maxsize=1)
def _files() -> dict[str, Path]:
    folder = cases_dir()
    if folder is None:
        return {}
    return {p.name: p for p in sorted(folder.glob("*.yaml")) if p.is_file()}


def bundled_case_names() -> list[str]:
    """The file names of the bundled cases, sorted."""
    return list(_files())


def bundled_case_file(name: str) -> Path | None:
    """The bundled case file called ``name`` (e.g. ``real_ultraman.yaml``), or ``None``."""
    return _files().get(name)
