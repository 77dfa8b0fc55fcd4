"""Process-parallel batches: chunks of entries to worker processes, records back in order.

pyswip holds one Prolog engine per process, so parallel batches use processes
(started with ``spawn``: nothing of the parent's engines is inherited), each
with its own knowledge base and engines.  The parent reads the batch (cheap),
sends chunks of unread entries to the workers, keeps a bounded number in
flight (constant memory) and yields the records in input order.  A worker
that dies takes no case with it: its chunk is run again one entry per task,
and an entry that kills its worker again gets an error record.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from ..api import KnowledgeBase
from .pipeline import (BatchItem, BatchUnit, ChunkSizer, batch_evaluator, batch_units, error_record, evaluate_items,
                    load_unit, record_text)
from ..core.errors import AigcError
from ..engines.limits import Limits

#: Entries per task sent to a worker: the first ones, and at most.
FIRST_TASK = 100
TASK_SIZE = 1000
#: Tasks in flight per worker.
AHEAD = 2

_WORKER: dict[str, Any] = {}


def _start_worker(root: str | None, limits: Limits, engine: str, regime: str | None,
                  positions: dict[str, str] | None, as_text: bool) -> None:
    kb = KnowledgeBase(root, limits)
    _WORKER.update(kb=kb, engine=engine, regime=regime, positions=positions, sizer=ChunkSizer(engine, limits),
                   as_text=as_text)
    try:
        batch_evaluator(kb, engine)  # load the engine now, not with the first task
    except AigcError:
        pass  # every case will report it


def _run_task(units: list[BatchUnit]) -> list[Any]:
    kb: KnowledgeBase = _WORKER["kb"]
    items = (load_unit(unit, kb) for unit in units)
    records = evaluate_items(kb, items, _WORKER["engine"], _WORKER["regime"], _WORKER["positions"], _WORKER["sizer"])
    if _WORKER["as_text"]:
        return [record_text(record) for record in records]
    return list(records)


def _tasks(units: Iterable[BatchUnit], workers: int) -> Iterator[list[BatchUnit]]:
    """Tasks of entries: small ones first (every worker starts at once), then up to :data:`TASK_SIZE`."""
    task: list[BatchUnit] = []
    size, made = FIRST_TASK, 0
    for unit in units:
        task.append(unit)
        if len(task) >= size:
            yield task
            task = []
            made += 1
            if made % workers == 0:
                size = min(TASK_SIZE, 2 * size)
    if task:
        yield task


def _died(unit: BatchUnit, why: str) -> dict[str, Any]:
    return _failed(unit, f"the worker process evaluating this entry died ({why})")


def _failed(unit: BatchUnit, message: str) -> dict[str, Any]:
    return error_record(BatchItem(unit.source, None), [], message)


class _Pool:
    """A process pool that can be started again after a worker dies."""

    def __init__(self, workers: int, initargs: tuple[Any, ...]) -> None:
        self.workers = workers
        self.initargs = initargs
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=self.initargs)

    def submit(self, task: list[BatchUnit]) -> Future[list[Any]]:
        return self.executor.submit(_run_task, task)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def one_by_one(self, task: list[BatchUnit]) -> list[Any]:
        """The records of ``task`` with each entry in a task of its own (after a worker died)."""
        records = []
        for unit in task:
            try:
                records.extend(self.submit([unit]).result())
            except BrokenProcessPool as err:
                records.append(_died(unit, str(err) or "killed"))
                self.restart()
            except Exception as err:  # a failure of the worker's code on this entry alone
                records.append(_failed(unit, f"cannot evaluate this case ({type(err).__name__}: {err})"))
        return records

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def run_parallel(root: str | Path | None, path: str | Path, engine: str, regime: str | None,
                 positions: dict[str, str] | None, workers: int, limits: Limits,
                 as_text: bool = False) -> Iterator[Any]:
    """The records of a batch evaluated by ``workers`` processes, in input order (see :func:`aigc_kb.batch.run.run_batch`).

    With ``as_text`` each record comes as its JSON text (written by the
    worker: the parent only passes it on).
    """
    units = batch_units(path)
    first = next(units, None)  # raises InputError for a bad path before any process starts
    if first is None:
        return
    pool = _Pool(workers, (None if root is None else str(root), limits, engine, regime, positions, as_text))
    pending: deque[tuple[list[BatchUnit], Future[list[Any]]]] = deque()

    def collect() -> list[Any]:
        task, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            waiting = [task] + [t for t, _ in pending]
            pending.clear()
            pool.restart()
            records = []
            for lost in waiting:
                records.extend(pool.one_by_one(lost))
        except Exception:  # a failure of the worker's code: run the task's entries one by one, so
            records = pool.one_by_one(task)  # that the failure stays with the entry that caused it
        return [record_text(r) if as_text and isinstance(r, dict) else r for r in records]

    try:
        for task in _tasks(_chain(first, units), workers):
            pending.append((task, pool.submit(task)))
            while len(pending) >= AHEAD * workers:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        pool.close()


def _chain(first: BatchUnit, rest: Iterator[BatchUnit]) -> Iterator[BatchUnit]:
    yield first
    yield from rest


# --- Any executor: a Dask or Ray cluster, or a pool the caller owns -------------------------------

#: The knowledge base and settings of each batch this process has run tasks of, by their key.
_CONTEXTS: dict[tuple[Any, ...], dict[str, Any]] = {}
#: One engine per process: a process's tasks run one at a time, whatever threads the executor has.
_CONTEXT_LOCK = threading.Lock()


def run_chunk(key: tuple[Any, ...], units: list[BatchUnit]) -> list[Any]:
    """The records of one task of entries, in the process the executor chose.

    ``key`` is ``(root, limits, engine, regime, positions, as_text)`` with
    ``positions`` as sorted pairs; the knowledge base and engine of a key are
    made at the first task of the process and kept for the next ones.
    Module-level, so that every executor can send it by reference.
    """
    root, limits, engine, regime, positions, as_text = key
    with _CONTEXT_LOCK:
        if key not in _CONTEXTS:
            _CONTEXTS.clear()  # one batch's engines at a time
            _start_worker(root, limits, engine, regime, None if positions is None else dict(positions), as_text)
            _CONTEXTS[key] = dict(_WORKER)
        _WORKER.clear()
        _WORKER.update(_CONTEXTS[key])
        return _run_task(units)


def run_on_executor(executor: Executor, root: str | Path | None, path: str | Path, engine: str,
                    regime: str | None, positions: dict[str, str] | None, limits: Limits,
                    slots: int = 2, as_text: bool = False) -> Iterator[Any]:
    """The records of a batch whose tasks run on ``executor``, in input order.

    Parameters
    ----------
    executor : concurrent.futures.Executor
        Any executor whose workers can import :mod:`aigc_kb` and reach the kb
        at ``root`` (``None``: the bundled one) and the case files of a
        directory batch (a JSON Lines batch sends its lines): Dask's
        ``Client.get_executor()``, Ray's ``RayExecutor``, or a local pool.
        The caller owns it (it is not shut down here).
    slots : int
        About the number of workers: twice as many tasks are kept in flight
        (memory stays bounded by that, however long the batch).
    as_text : bool
        Each record as its JSON text, written on the worker.

    Notes
    -----
    A task that fails (a worker lost, an exception) is run again one entry
    per task; an entry that fails alone gets an error record, so every entry
    gives exactly one record.
    """
    units = batch_units(path)
    first = next(units, None)  # raises InputError for a bad path before any task is sent
    if first is None:
        return
    slots = max(1, slots)
    key = (None if root is None else str(root), limits, engine, regime,
           None if positions is None else tuple(sorted(positions.items())), as_text)
    pending: deque[tuple[list[BatchUnit], Future[list[Any]]]] = deque()

    def alone(unit: BatchUnit) -> list[Any]:
        try:
            return executor.submit(run_chunk, key, [unit]).result()
        except Exception as err:  # the entry fails alone: it keeps its record
            return [_failed(unit, f"cannot evaluate this case ({type(err).__name__}: {err})")]

    def collect() -> list[Any]:
        task, future = pending.popleft()
        try:
            records = future.result()
        except Exception:
            records = [record for unit in task for record in alone(unit)]
        return [record_text(r) if as_text and isinstance(r, dict) else r for r in records]

    for task in _tasks(_chain(first, units), slots):
        pending.append((task, executor.submit(run_chunk, key, task)))
        while len(pending) >= AHEAD * slots:
            yield from collect()
    while pending:
        yield from collect()
