"""Limits on every engine call, and the error raised when one is hit."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from ..core.errors import AigcError


#: The facts of a case one ``Limits.time`` covers (a platform case of about 15,000 users).
FACT_BLOCK = 100_000


@dataclass(frozen=True)
class Limits:
    """Bounds on the engines' work.

    Attributes
    ----------
    time : float
        Seconds one Prolog query or one ASP grounding and solving may take
        per started :data:`FACT_BLOCK` facts of the case (CLI ``--time-limit``,
        which also bounds loading an edited kb): the engines' work grows
        linearly with a case, so a platform case of 100,000 users (about
        650,000 facts) gets 7 times the limit of a small case.
    stack_mb : int
        SWI-Prolog's stack limit in MiB for the process (CLI ``--stack-limit``).
    models : int
        Answer sets an ASP enumeration may produce (CLI ``--model-limit``).
    isolate_grounding : bool | None
        Ground and solve ASP in a child process that is killed at the time
        limit (grounding cannot be interrupted in-process). ``None``: only for
        a kb other than the bundled one, whose program may blow up.
    read : float | None
        Seconds reading and validating one case file may take (``None``: no
        bound).  The CLI sets it to ``--time-limit``, so that the limit covers
        the whole command.
    case_bytes : int
        Bytes a case file may have (CLI ``--case-size-limit`` in MiB; default
        64 MiB, room for a platform case of 100,000 users, about 20 MB).
    """

    time: float = 10.0
    stack_mb: int = 1024
    models: int = 100_000
    isolate_grounding: bool | None = None
    read: float | None = None
    case_bytes: int = 64 * 1024 * 1024

    def time_for(self, facts: int) -> float:
        """Seconds an engine call on a case of ``facts`` facts may take: ``time`` per started :data:`FACT_BLOCK`."""
        return self.time * max(1, -(-facts // FACT_BLOCK))


class LimitError(AigcError):
    """A limit was hit; the message names the limit and the option that raises it."""

    def __init__(self, what: str, value: object, option: str) -> None:
        self.what = what
        self.value = value
        self.option = option
        super().__init__(f"{what} limit of {value} exceeded; raise it with {option}")


@contextmanager
def time_bound(seconds: float, what: str) -> Iterator[None]:
    """Raise :class:`LimitError` in the block's Python code once it has run ``seconds``.

    For work done in Python (reading and validating a case file), which no
    engine limit covers.  The bound is a ``SIGALRM`` timer, so it holds only in
    the main thread (elsewhere, and inside another bound, the block runs
    unbounded) and is checked between Python instructions: a single call into
    C code finishes before it is seen.
    """
    if (threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer")
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0 or seconds <= 0):
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise LimitError(what, f"{seconds:g} s", "--time-limit SECONDS")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
