"""Limits on every engine call, and the error raised when one is hit."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.errors import AigcError


@dataclass(frozen=True)
class Limits:
    """Bounds on the engines' work.

    Attributes
    ----------
    time : float
        Seconds one Prolog query or one ASP grounding and solving may take
        (CLI ``--time-limit``).
    stack_mb : int
        SWI-Prolog's stack limit in MiB for the process (CLI ``--stack-limit``).
    models : int
        Answer sets an ASP enumeration may produce (CLI ``--model-limit``).
    isolate_grounding : bool | None
        Ground and solve ASP in a child process that is killed at the time
        limit (grounding cannot be interrupted in-process). ``None``: only for
        a kb other than the bundled one, whose program may blow up.
    """

    time: float = 10.0
    stack_mb: int = 1024
    models: int = 100_000
    isolate_grounding: bool | None = None


class LimitError(AigcError):
    """A limit was hit; the message names the limit and the option that raises it."""

    def __init__(self, what: str, value: object, option: str) -> None:
        self.what = what
        self.value = value
        self.option = option
        super().__init__(f"{what} limit of {value} exceeded; raise it with {option}")
