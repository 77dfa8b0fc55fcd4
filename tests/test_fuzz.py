"""Hostile case files never give a traceback: exit 0 with a result both engines agree on, or exit 2 located.

A bounded, seeded run of :mod:`tests.fuzz_cases` (``make fuzz`` runs it long).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, seed, settings

from .fuzz_cases import Runner, raw_files, structured_files

_RUNNER: Runner | None = None
_SETTINGS = settings(max_examples=100, deadline=None, database=None, derandomize=True,
                     suppress_health_check=list(HealthCheck))


def _runner() -> Runner:
    global _RUNNER
    if _RUNNER is None:
        _RUNNER = Runner()
    return _RUNNER


@seed(18)
@_SETTINGS
@given(structured_files())
def test_structured_hostile_cases(item: tuple[str, bytes]) -> None:
    _runner().check("structured", *item)


@seed(19)
@_SETTINGS
@given(raw_files())
def test_raw_hostile_bytes(item: tuple[str, bytes]) -> None:
    _runner().check("raw", *item)
