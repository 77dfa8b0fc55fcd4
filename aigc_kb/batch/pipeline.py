"""Batch runs that lose nothing: every case gives one record, failed ones included.

A batch is a directory of case files or a JSON Lines file with one case
object per line.  Cases are read lazily and evaluated in chunks (constant
memory): each chunk is one engine call (:mod:`aigc_kb.batch.prolog`,
:mod:`aigc_kb.batch.asp`); a case the chunk could not settle is evaluated
alone, so every record is exactly the one the case gets alone; a bad case
yields an error record and the run goes on.  The engine call of one chunk
runs in an engine thread while the calling thread reads the next chunk and
makes the records of the last (:func:`evaluate_items`).  :func:`run_batch`
runs chunks in worker processes when asked (:mod:`aigc_kb.batch.pool`),
records still in input order.
"""

from __future__ import annotations

import gc
import json
import threading
import time
import weakref
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..api import ENGINES, KnowledgeBase
from .load import FastCaseLoader
from .record import Row, evaluation_record
from ..core.errors import AigcError, InputError, Problem
from ..engines.limits import Limits
from ..core.loader import CASE_SUFFIXES
from ..core.model import Case
from ..core.reading import ResolvedReading

#: Cases per engine call: the first chunk, and the largest (see :class:`ChunkSizer`).
FIRST_CHUNK = 100
MAX_CHUNK = {"prolog": 1000, "asp": 1000}
_ENGINE_THREAD: ThreadPoolExecutor | None = None
_ENGINE_THREAD_LOCK = threading.Lock()


@dataclass(frozen=True)
class BatchItem:
    """One entry of a batch: a loaded case, or the problems that stopped it."""

    source: str
    case: Case | None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class BatchUnit:
    """One entry of a batch before loading: a JSON line, a case file, or an unreadable rest.

    Attributes
    ----------
    source : str
        ``FILE`` or ``FILE:LINE``, as records name it.
    file : str
        The case file, or the JSON Lines file.
    line : int
        The line of a JSON Lines entry (0 for a case file).
    text : str | None
        The JSON line (``None`` for a case file).
    problems : tuple[Problem, ...]
        Why the rest of the file cannot be read (the unit is then an error).
    """

    source: str
    file: str
    line: int = 0
    text: str | None = None
    problems: tuple[Problem, ...] = ()


def batch_units(path: str | Path) -> Iterator[BatchUnit]:
    """The entries of a batch, unread, in a stable order.

    Parameters
    ----------
    path : str or Path
        A directory (its case files, sorted by name) or a ``.jsonl`` file.

    Raises
    ------
    InputError
        When ``path`` is neither (raised when iteration starts).
    """
    path = Path(path)
    if path.is_dir():
        for file in sorted(p for p in path.iterdir() if p.suffix.lower() in CASE_SUFFIXES and p.is_file()):
            yield BatchUnit(str(file), str(file))
        return
    if path.suffix.lower() != ".jsonl":
        raise InputError.single(str(path), None, "a batch is a directory of case files or a .jsonl file")
    if not path.is_file():
        raise InputError.single(str(path), None, "no such file")
    with path.open(encoding="utf-8", errors="strict") as handle:
        number = 0
        while True:
            try:
                text = handle.readline()
            except UnicodeDecodeError:
                yield BatchUnit(f"{path}:{number + 1}", str(path), number + 1, None,
                                (Problem(str(path), number + 1, "not valid UTF-8 text"),))
                return
            if not text:
                return
            number += 1
            if text.strip():
                yield BatchUnit(f"{path}:{number}", str(path), number, text)


_LOADERS: weakref.WeakKeyDictionary[KnowledgeBase, FastCaseLoader] = weakref.WeakKeyDictionary()


def load_unit(unit: BatchUnit, kb: KnowledgeBase) -> BatchItem:
    """Load one entry: the case, or the problems (exactly as the loader reports them)."""
    if unit.problems:
        return BatchItem(unit.source, None, unit.problems)
    try:
        if unit.text is None:
            return BatchItem(unit.source, kb.load_case(unit.file))
        loader = _LOADERS.get(kb)
        if loader is None:
            loader = _LOADERS[kb] = FastCaseLoader(kb.vocab)
        return BatchItem(unit.source, loader.load_line(unit.text, unit.file, unit.line))
    except InputError as err:
        return BatchItem(unit.source, None, tuple(err.problems))
    except Exception as err:  # never expected: the loader reports every problem as an InputError
        return BatchItem(unit.source, None, (Problem(unit.file, unit.line or None,
                                                     f"cannot read this case ({type(err).__name__}: {err})"),))


def batch_items(path: str | Path, kb: KnowledgeBase) -> Iterator[BatchItem]:
    """The cases of a batch, loaded lazily, in a stable order (see :func:`batch_units`)."""
    for unit in batch_units(path):
        yield load_unit(unit, kb)


def record_text(record: dict[str, Any]) -> str:
    """A record as one line of JSON, as ``evaluate --format json`` writes a record of several."""
    return json.dumps(record, ensure_ascii=False)


def error_record(item: BatchItem, problems: list[Problem] | None = None, message: str | None = None) -> dict[str, Any]:
    """The JSON record of a case that could not be evaluated."""
    errors = [_located(item, p) for p in (problems if problems is not None else item.problems)]
    if message is not None:
        # An engine failure or a limit concerns the case as a whole: it is named by its source.
        errors.append(message if message.startswith(item.source + ":") else f"{_source_line(item.source)}: {message}")
    return {"case": item.case.id if item.case else None, "source": item.source, "ok": False, "errors": errors}


def _source_line(source: str) -> str:
    """``FILE:LINE`` of a source: a JSON Lines entry has its line; a case file is named at line 1."""
    head, _, tail = source.rpartition(":")
    return source if head and tail.isdigit() else f"{source}:1"


def _located(item: BatchItem, problem: Problem) -> str:
    """A problem as ``FILE:LINE: problem``; one without a line is put at its entry's line."""
    if problem.line is not None:
        return str(problem)
    return f"{_source_line(item.source)}: {problem.message}"


def evaluate_alone(kb: KnowledgeBase, item: BatchItem, engine: str = "prolog", regime: str | None = None,
                   positions: dict[str, str] | None = None) -> dict[str, Any]:
    """The record of one entry evaluated on its own: what ``evaluate --format json`` prints, or the errors."""
    if item.case is None:
        return error_record(item)
    try:
        return kb.evaluate(item.case, engine=engine, regime=regime, positions=positions).as_dict(kb.vocab)
    except InputError as err:
        return error_record(item, err.problems)
    except AigcError as err:
        return error_record(item, [], str(err))
    except Exception as err:  # a failure of this case must never touch another's record
        return error_record(item, [], f"cannot evaluate this case ({type(err).__name__}: {err})")


class _Evaluator(Protocol):
    """An engine's batch evaluator: one engine call per chunk, between two steps that need no engine."""

    def prepare(self, items: Sequence[tuple[Case, ResolvedReading]]) -> Any: ...

    def call(self, request: Any) -> Any: ...

    def decode(self, count: int, request: Any, reply: Any) -> list[list[Row] | None]: ...


_EVALUATORS: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, _Evaluator]] = weakref.WeakKeyDictionary()


def batch_evaluator(kb: KnowledgeBase, engine: str) -> _Evaluator:
    """The batch evaluator of ``engine`` for ``kb``, made on first use.

    Raises
    ------
    AigcError
        When the engine is unknown or its encoding does not load.
    """
    evaluators = _EVALUATORS.setdefault(kb, {})
    if engine not in evaluators:
        if engine not in ENGINES:
            raise InputError.single("<command line>", None, f"unknown engine {engine!r} (prolog or asp)")
        if engine == "prolog":
            from .prolog import PrologBatch

            evaluators[engine] = PrologBatch(kb)
        else:
            from .asp import AspBatch

            evaluators[engine] = AspBatch(kb)
    return evaluators[engine]


@dataclass
class _Chunk:
    """A chunk of items on its way through one engine call.

    ``records`` holds each item's record once known (an error found before
    the call); ``pending`` the items the call evaluates, with their case and
    reading; ``request`` what the evaluator sends.
    """

    items: Sequence[BatchItem]
    records: list[dict[str, Any] | None]
    pending: list[tuple[int, Case, ResolvedReading]]
    request: Any = None


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused: a chunk makes many thousand small acyclic objects,
    and collections that walk every long-lived object would cost up to a fifth of the time."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _prepare(kb: KnowledgeBase, evaluator: _Evaluator, items: Sequence[BatchItem], regime: str | None,
             positions: dict[str, str] | None) -> _Chunk:
    """Readings resolved, error records made, and the evaluator's request: all but the engine call."""
    chunk = _Chunk(items, [None] * len(items), [])
    readings: dict[tuple[tuple[str, str], ...], ResolvedReading] = {}
    with _gc_paused():
        for index, item in enumerate(items):
            if item.case is None:
                chunk.records[index] = error_record(item)
                continue
            reading = readings.get(item.case.positions)
            if reading is None:
                try:
                    reading = readings[item.case.positions] = kb.resolve(item.case, regime, positions)
                except InputError as err:
                    chunk.records[index] = error_record(item, err.problems)
                    continue
            chunk.pending.append((index, item.case, reading))
        chunk.request = evaluator.prepare([(case, reading) for _, case, reading in chunk.pending])
    return chunk


def _complete(kb: KnowledgeBase, evaluator: _Evaluator, chunk: _Chunk, reply: Any, engine: str,
              regime: str | None, positions: dict[str, str] | None) -> list[dict[str, Any]]:
    """The records of a chunk from the engine's reply; a case the call did not settle is evaluated alone."""
    with _gc_paused():
        results = evaluator.decode(len(chunk.pending), chunk.request, reply)
        for (index, case, reading), rows in zip(chunk.pending, results):
            if rows is not None:
                chunk.records[index] = evaluation_record(kb.vocab, case, engine, reading, rows)
    return [record if record is not None else evaluate_alone(kb, item, engine, regime, positions)
            for record, item in zip(chunk.records, chunk.items)]


def evaluate_chunk(kb: KnowledgeBase, items: Sequence[BatchItem], engine: str = "prolog",
                   regime: str | None = None, positions: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The records of ``items``, in order, the cases evaluated together (one engine call) where they can be."""
    try:
        evaluator = batch_evaluator(kb, engine)
    except AigcError:
        return [evaluate_alone(kb, item, engine, regime, positions) for item in items]
    try:
        chunk = _prepare(kb, evaluator, items, regime, positions)
        return _complete(kb, evaluator, chunk, evaluator.call(chunk.request), engine, regime, positions)
    except Exception:  # the chunk as a whole failed: each case alone gets its own record
        return [evaluate_alone(kb, item, engine, regime, positions) for item in items]


class ChunkSizer:
    """How many cases the next engine call takes.

    Small at first (records start flowing at once), then growing to the
    engine's maximum while a call takes well under the time limit: a call
    that hits the limit makes its cases be evaluated one by one, which is
    slow but gives the same records.
    """

    def __init__(self, engine: str, limits: Limits) -> None:
        self.size = FIRST_CHUNK
        self.largest = MAX_CHUNK.get(engine, 500)
        self.fits = self.largest
        self.limits = limits

    def take(self) -> int:
        """The size of the chunk cut now; the next one may be four times larger."""
        size = self.size
        self.size = max(1, min(self.largest, 4 * size, self.fits))
        return size

    def update(self, count: int, seconds: float) -> None:
        """A call of ``count`` cases took ``seconds``: no chunk is to take more than a quarter of the limit."""
        self.fits = max(1, int(count * self.limits.time / (4.0 * max(seconds, 1e-6))))
        self.size = min(self.size, self.fits)


def _engine_thread() -> ThreadPoolExecutor:
    """The one thread of this process that runs batch engine calls (made on first use).

    One thread for the life of the process, not one per batch: pyswip attaches
    a Prolog engine to every thread that calls Prolog.
    """
    global _ENGINE_THREAD
    with _ENGINE_THREAD_LOCK:
        if _ENGINE_THREAD is None:
            _ENGINE_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aigc-kb-batch")
        return _ENGINE_THREAD


def _timed_call(evaluator: _Evaluator, request: Any) -> tuple[Any, float]:
    started = time.monotonic()
    reply = evaluator.call(request)
    return reply, time.monotonic() - started


def _chunks(items: Iterable[BatchItem], sizer: ChunkSizer) -> Iterator[list[BatchItem]]:
    chunk: list[BatchItem] = []
    size = sizer.take()
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
            size = sizer.take()
    if chunk:
        yield chunk


def evaluate_items(kb: KnowledgeBase, items: Iterable[BatchItem], engine: str = "prolog",
                   regime: str | None = None, positions: dict[str, str] | None = None,
                   sizer: ChunkSizer | None = None) -> Iterator[dict[str, Any]]:
    """One record per item, in order, evaluated in chunks in this process.

    The engine works on one chunk while this thread does everything else:
    each chunk's engine call runs in the engine thread (:func:`_engine_thread`;
    Prolog runs there without Python's lock, and clingo in a process of its
    own), and meanwhile this thread reads the next chunk's cases and writes
    its request, and turns the last chunk's reply into records.  At most two
    chunks are held at a time, and the records come out in input order.
    """
    sizer = sizer or ChunkSizer(engine, kb.limits)
    try:
        evaluator = batch_evaluator(kb, engine)
    except AigcError:
        for item in items:
            yield evaluate_alone(kb, item, engine, regime, positions)
        return
    pool = _engine_thread()
    running: tuple[_Chunk, Future[tuple[Any, float]]] | None = None
    for part in _chunks(items, sizer):
        try:
            chunk = _prepare(kb, evaluator, part, regime, positions)
        except Exception:  # the chunk as a whole failed: each case alone gets its own record
            chunk = _Chunk(part, [evaluate_alone(kb, item, engine, regime, positions) for item in part], [])
        submitted = pool.submit(_timed_call, evaluator, chunk.request)
        if running is not None:
            yield from _finished(kb, evaluator, running, sizer, engine, regime, positions)
        running = (chunk, submitted)
    if running is not None:
        yield from _finished(kb, evaluator, running, sizer, engine, regime, positions)


def _finished(kb: KnowledgeBase, evaluator: _Evaluator, running: tuple[_Chunk, Future[tuple[Any, float]]],
              sizer: ChunkSizer, engine: str, regime: str | None,
              positions: dict[str, str] | None) -> list[dict[str, Any]]:
    chunk, future = running
    if not chunk.pending:
        future.cancel()
        return [record if record is not None else evaluate_alone(kb, item, engine, regime, positions)
                for record, item in zip(chunk.records, chunk.items)]
    try:
        reply, seconds = future.result()
        sizer.update(len(chunk.items), seconds)
        return _complete(kb, evaluator, chunk, reply, engine, regime, positions)
    except Exception:  # the engine call failed as a whole: each case alone gets its own record
        return [evaluate_alone(kb, item, engine, regime, positions) for item in chunk.items]
