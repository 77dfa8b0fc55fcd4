"""Running a batch: in this process through the pipeline, or in worker processes through the pool.

The one entry point of the batch API; :mod:`aigc_kb.batch.pipeline` evaluates
chunks of cases in one process, :mod:`aigc_kb.batch.pool` spreads them over
worker processes, each running the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from ..api import KnowledgeBase
from ..engines.limits import Limits
from .pipeline import batch_items, evaluate_items, record_text
from .pool import run_on_executor, run_parallel


def run_batch(kb_dir: str | Path | KnowledgeBase | None, path: str | Path, engine: str = "prolog",
              regime: str | None = None, positions: dict[str, str] | None = None, workers: int = 1,
              limits: Limits | None = None, executor: Executor | None = None) -> Iterator[dict[str, Any]]:
    """Evaluate a batch, streaming one JSON-ready record per entry in input order.

    Parameters
    ----------
    kb_dir : str, Path, KnowledgeBase or None
        The knowledge base (``None``: the bundled one; a :class:`KnowledgeBase`
        is used as it is when ``workers`` is 1).
    path : str or Path
        A directory of case files or a ``.jsonl`` file.
    engine : str
        ``prolog`` or ``asp``.
    regime, positions : optional
        The reading applied to every case (with each case's own positions).
    workers : int
        Worker processes; 1 evaluates in this process.  Each worker holds its
        own engine; records come back in input order and a worker that dies
        loses no case (its entries are run again one by one; an entry that
        kills its worker again gets an error record).  Workers are started
        with ``spawn``: a script calling this with ``workers`` > 1 must guard
        its entry point with ``if __name__ == "__main__":``.
    limits : Limits, optional
        Limits of every engine call (default: the kb's, or the defaults).
    executor : concurrent.futures.Executor, optional
        Run the chunks on this executor instead (``workers`` is then the
        number of its workers, for how many tasks to keep in flight): Dask's
        ``Client.get_executor()`` or Ray's executor spreads a batch over a
        cluster (see :func:`aigc_kb.batch.pool.run_on_executor`).  Records
        are the same, in input order, failed cases kept.

    Raises
    ------
    InputError
        When ``path`` is not a directory or a ``.jsonl`` file (raised when
        iteration starts).
    """
    if executor is not None or workers > 1:
        root = kb_dir.paths.root if isinstance(kb_dir, KnowledgeBase) else kb_dir
        limits = limits or (kb_dir.limits if isinstance(kb_dir, KnowledgeBase) else Limits())
        if executor is not None:
            yield from run_on_executor(executor, root, path, engine, regime, positions, limits, workers)
        else:
            yield from run_parallel(root, path, engine, regime, positions, workers, limits)
        return
    kb = kb_dir if isinstance(kb_dir, KnowledgeBase) and limits in (None, kb_dir.limits) \
        else KnowledgeBase(kb_dir.paths.root if isinstance(kb_dir, KnowledgeBase) else kb_dir, limits)
    yield from evaluate_items(kb, batch_items(path, kb), engine, regime, positions)


def run_batch_lines(kb_dir: str | Path | KnowledgeBase | None, path: str | Path, engine: str = "prolog",
                    regime: str | None = None, positions: dict[str, str] | None = None, workers: int = 1,
                    limits: Limits | None = None, executor: Executor | None = None) -> Iterator[str]:
    """As :func:`run_batch`, each record as one line of JSON (:func:`record_text`), for printing.

    With workers the lines are written by the workers, so that the parent
    process, which shares the machine with them, only passes them on.
    """
    if executor is not None or workers > 1:
        root = kb_dir.paths.root if isinstance(kb_dir, KnowledgeBase) else kb_dir
        limits = limits or (kb_dir.limits if isinstance(kb_dir, KnowledgeBase) else Limits())
        if executor is not None:
            yield from run_on_executor(executor, root, path, engine, regime, positions, limits, workers, as_text=True)
        else:
            yield from run_parallel(root, path, engine, regime, positions, workers, limits, as_text=True)
        return
    for record in run_batch(kb_dir, path, engine, regime, positions, 1, limits):
        yield record_text(record)
