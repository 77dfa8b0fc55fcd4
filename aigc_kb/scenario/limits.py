"""Limits on scenario analyses: how many results, how much time, and the error when one is hit."""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..engines.limits import LimitError


class ScenarioLimitError(LimitError):
    """A scenario analysis hit a limit; the message names the option that raises it.

    Attributes
    ----------
    limit : str
        The :class:`ScenarioLimits` field that was hit (e.g. ``max_outcomes``).
    """

    def __init__(self, limit: str, what: str, value: object) -> None:
        self.limit = limit
        super().__init__(what, value, OPTIONS[limit])


@dataclass(frozen=True)
class ScenarioLimits:
    """Bounds on one analysis.

    Attributes
    ----------
    time_limit : float | None
        Seconds for the whole analysis (CLI ``--time-limit``); ``None``: the
        knowledge base's time limit for the case (``KnowledgeBase.limits.time_for``).
    max_outcomes : int
        Distinct outcomes per regime (``--max-outcomes``).
    max_implicants : int
        Prime implicants per outcome, or minimal sets for ``must-prove`` (``--max-implicants``).
    count_limit : int
        Worlds are counted only when there are at most this many (``--count-limit``).
    max_candidates : int
        Candidate facts tried by ``flips`` (``--max-candidates``).
    max_worlds : int
        Worlds listed one by one (``--list-worlds``; ``--max-worlds``).
    """

    time_limit: float | None = None
    max_outcomes: int = 200
    max_implicants: int = 200
    count_limit: int = 2 ** 20
    max_candidates: int = 20_000
    max_worlds: int = 1024


#: The option of each limit (as the CLI spells it).
OPTIONS = {
    "time_limit": "--time-limit SECONDS",
    "max_outcomes": "--max-outcomes N",
    "max_implicants": "--max-implicants N",
    "count_limit": "--count-limit N",
    "max_candidates": "--max-candidates N",
    "max_worlds": "--max-worlds N",
    "model_limit": "--model-limit N",
}


class Deadline:
    """The time left of an analysis started now."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left; raises :class:`ScenarioLimitError` when none are."""
        left = self._end - time.monotonic()
        if left <= 0:
            raise self.error()
        return left

    def error(self) -> ScenarioLimitError:
        return ScenarioLimitError("time_limit", "scenario analysis time", f"{self.seconds:g} s")
