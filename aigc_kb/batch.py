"""Batch runs that lose nothing: every case gives one record, failed ones included.

A batch is a directory of case files or a JSON Lines file with one case
object per line.  Cases are read and evaluated one at a time (constant
memory); a bad case yields an error record and the run goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .api import KnowledgeBase
from .errors import AigcError, InputError, Problem
from .loader import CASE_SUFFIXES, load_case_json_line
from .model import Case


@dataclass(frozen=True)
class BatchItem:
    """One entry of a batch: a loaded case, or the problems that stopped it."""

    source: str
    case: Case | None
    problems: tuple[Problem, ...] = ()


def batch_items(path: str | Path, kb: KnowledgeBase) -> Iterator[BatchItem]:
    """The cases of a batch, loaded lazily, in a stable order.

    Parameters
    ----------
    path : str or Path
        A directory (its case files, sorted by name) or a ``.jsonl`` file.
    """
    path = Path(path)
    if path.is_dir():
        for file in sorted(p for p in path.iterdir() if p.suffix.lower() in CASE_SUFFIXES and p.is_file()):
            try:
                yield BatchItem(str(file), kb.load_case(file))
            except InputError as err:
                yield BatchItem(str(file), None, tuple(err.problems))
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
                yield BatchItem(f"{path}:{number + 1}", None,
                                (Problem(str(path), number + 1, "not valid UTF-8 text"),))
                return
            if not text:
                return
            number += 1
            if not text.strip():
                continue
            try:
                yield BatchItem(f"{path}:{number}", load_case_json_line(text, str(path), number, kb.vocab))
            except InputError as err:
                yield BatchItem(f"{path}:{number}", None, tuple(err.problems))


def error_record(item: BatchItem, problems: list[Problem] | None = None, message: str | None = None) -> dict[str, Any]:
    """The JSON record of a case that could not be evaluated."""
    errors = [str(p) for p in (problems if problems is not None else item.problems)]
    if message is not None:
        errors.append(message)
    return {"case": item.case.id if item.case else None, "source": item.source, "ok": False, "errors": errors}


def evaluate_batch(kb: KnowledgeBase, path: str | Path, engine: str = "prolog", regime: str | None = None,
                   positions: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
    """One JSON record per case of the batch, in order: the evaluation, or the errors.

    A successful record is exactly what ``evaluate --format json`` prints for
    that case alone.
    """
    for item in batch_items(path, kb):
        if item.case is None:
            yield error_record(item)
            continue
        try:
            yield kb.evaluate(item.case, engine=engine, regime=regime, positions=positions).as_dict(kb.vocab)
        except InputError as err:
            yield error_record(item, err.problems)
        except AigcError as err:
            yield error_record(item, [], str(err))
