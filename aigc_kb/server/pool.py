"""Engine worker processes: the engines run here, never in the server's process.

SWI-Prolog (through pyswip) allows one engine per process and one open query
at a time, so each worker is a process of its own with its own
:class:`~aigc_kb.KnowledgeBase`, answering one request at a time over a pipe.
The server hands each request to an idle worker; a request waits for one at
most ``queue_time`` seconds (then "busy", HTTP 503), and no more than
``max_waiting`` requests wait at once.  A worker that does not answer within
the hard deadline (the engines' own limits should have stopped it long before)
is killed and replaced, so one slow request never holds the server.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import sys
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ..engines.limits import Limits


class Busy(Exception):
    """Every worker is busy and too many requests are waiting."""


class Timeout(Exception):
    """A worker did not answer within the hard deadline (it was replaced)."""


class Crashed(Exception):
    """A worker died while answering (it was replaced)."""


@dataclass(frozen=True)
class Reply:
    """A worker's answer: ``status`` ``ok`` with ``data`` (JSON as UTF-8 bytes, or text), or an error
    kind with its message or problems."""

    status: str
    data: Any


def _serve(conn: Connection, kb_dir: str | None, limits: Limits) -> None:
    """A worker's life: load the knowledge base, then answer requests until the pipe closes."""
    from ..core.errors import AigcError, InputError
    from ..engines.limits import LimitError
    from ..api import KnowledgeBase
    from .work import OPERATIONS, Unavailable, problems_json

    kb = KnowledgeBase(kb_dir, limits)
    kb.engine("prolog")  # load the rules now, not on the first request
    while True:
        try:
            op, request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            data = OPERATIONS[op](kb, request)
            # JSON is written here, not in the server's process, which only passes the bytes on
            reply = Reply("ok", data if isinstance(data, str) else
                          json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        except InputError as err:
            reply = Reply("input", problems_json(err.problems))
        except LimitError as err:
            reply = Reply("limit", str(err))
        except Unavailable as err:
            reply = Reply("unavailable", str(err))
        except AigcError as err:
            reply = Reply("engine", str(err))
        except Exception:  # noqa: BLE001 - reported as an internal error, the worker goes on
            traceback.print_exc(file=sys.stderr)
            reply = Reply("internal", "internal error (see the server's log)")
        conn.send(reply)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, kb_dir: str | None, limits: Limits) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, kb_dir, limits), daemon=True,
                                   name="aigc-kb-engine")
        self.process.start()
        child.close()

    def call(self, op: str, request: dict[str, Any], deadline: float) -> Reply:
        """Send one request and wait for its reply (blocking; run in a thread)."""
        try:
            self.conn.send((op, request))
            if not self.conn.poll(deadline):
                raise Timeout()
            reply: Reply = self.conn.recv()
            return reply
        except (EOFError, OSError) as err:
            raise Crashed() from err

    def stop(self) -> None:
        self.process.kill()
        self.process.join(2)
        self.conn.close()


class EnginePool:
    """``size`` worker processes answering requests one at a time each.

    Parameters
    ----------
    size : int
        Worker processes (each loads the knowledge base and its own Prolog engine).
    kb_dir : str, optional
        An edited copy of ``kb/`` (default the bundled one).
    limits : Limits
        The engines' limits, applied in every worker.
    deadline : float
        Seconds after which a worker that has not answered is killed.
    queue_time : float
        Seconds a request may wait for an idle worker.
    max_waiting : int
        Requests that may wait at once; more are refused at once.
    """

    def __init__(self, size: int, kb_dir: str | None, limits: Limits, deadline: float,
                 queue_time: float = 30.0, max_waiting: int = 256) -> None:
        self.size, self.kb_dir, self.limits = size, kb_dir, limits
        self.deadline, self.queue_time, self.max_waiting = deadline, queue_time, max_waiting
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._waiting = 0

    def start(self) -> None:
        """Start the workers (they load the knowledge base in the background)."""
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._idle.put_nowait(self._new())

    def _new(self) -> _Worker:
        worker = _Worker(self.kb_dir, self.limits)
        self._all.add(worker)
        return worker

    def close(self) -> None:
        """Stop every worker."""
        for worker in list(self._all):
            worker.stop()
        self._all.clear()

    async def call(self, op: str, request: dict[str, Any]) -> Reply:
        """Run operation ``op`` of :mod:`aigc_kb.server.work` on ``request`` in an idle worker.

        Raises
        ------
        Busy, Timeout, Crashed
        """
        assert self._idle is not None, "EnginePool.start() was not called"
        if self._waiting >= self.max_waiting:
            raise Busy()
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.queue_time)
        except asyncio.TimeoutError:
            raise Busy() from None
        finally:
            self._waiting -= 1
        # The worker goes back to the idle queue only once its reply is in, even if the
        # request is cancelled (the client went away): a late reply can never reach another request.
        task = asyncio.ensure_future(self._run(worker, op, request))
        return await asyncio.shield(task)

    async def _run(self, worker: _Worker, op: str, request: dict[str, Any]) -> Reply:
        assert self._idle is not None
        try:
            return await asyncio.to_thread(worker.call, op, request, self.deadline)
        except (Timeout, Crashed):
            self._all.discard(worker)
            worker.stop()
            worker = self._new()
            raise
        finally:
            self._idle.put_nowait(worker)
