"""Shared fixtures: the bundled knowledge base and the bundled cases."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aigc_kb import Case, KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "cases"
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase()


@pytest.fixture(scope="session")
def all_cases(kb: KnowledgeBase) -> dict[str, Case]:
    return {c.id: c for c in (kb.load_case(p) for p in CASE_FILES)}


@pytest.fixture(scope="session")
def closed_cases(all_cases: dict[str, Case]) -> dict[str, Case]:
    """The cases ``evaluate`` takes as they are: no choice point left ``open``."""
    return {k: c for k, c in all_cases.items() if "open" not in dict(c.positions).values()}


def run_cli(*args: str, cwd: Path | None = None, input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m aigc_kb`` in a fresh process (pyswip holds one kb per process)."""
    return subprocess.run([sys.executable, "-m", "aigc_kb", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, input=input_text, timeout=300)


def tool(name: str) -> str:
    """The path of an executable, preferring the venv's own."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} is not installed")
    return found
