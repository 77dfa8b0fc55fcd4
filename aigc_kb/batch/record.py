"""The JSON record of one evaluated case, built straight from the engine's rows.

:meth:`aigc_kb.core.result.Evaluation.as_dict` builds the record from
:class:`~aigc_kb.core.result.Conclusion` objects; for a batch of many thousand
cases :func:`evaluation_record` builds the identical record from plain
``(pred, args, doctrines)`` rows without the objects (tests compare the two on
every bundled case and on generated ones).
"""

from __future__ import annotations

from typing import Any, Iterable

from ..core.model import Case
from ..core.reading import ResolvedReading
from ..core.result import INSURANCE_COVERS, SECTIONS, attach_for
from ..core.vocabulary import NONE, Vocabulary

#: One conclusion: predicate, arguments, doctrines (upper case, sorted).
Row = tuple[str, tuple[str, ...], tuple[str, ...]]


def _first(item: tuple[tuple[str, ...], tuple[str, ...]]) -> tuple[str, ...]:
    return item[0]


def _union(*lists: tuple[str, ...]) -> list[str]:
    return sorted({d for ds in lists for d in ds})


def evaluation_record(vocab: Vocabulary, case: Case, engine: str, reading: ResolvedReading,
                      rows: Iterable[Row]) -> dict[str, Any]:
    """The record ``Evaluation(...).as_dict(vocab)`` gives for these conclusions.

    Parameters
    ----------
    rows : iterable of (str, tuple of str, tuple of str)
        Every conclusion: predicate, arguments and its doctrines, upper case
        and sorted, each conclusion once.
    """
    by_pred: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for pred, args, doctrines in rows:
        found = by_pred.get(pred)
        if found is None:
            by_pred[pred] = [(args, doctrines)]
        else:
            found.append((args, doctrines))
    for items in by_pred.values():
        if len(items) > 1:
            items.sort(key=_first)
    out: dict[str, Any] = {
        "case": case.id,
        "engine": engine,
        "regime": reading.regime,
        "positions": dict(sorted(reading.positions.items())),
        "open_facts": [str(f) for f in case.unknown],
    }
    for key, pred in SECTIONS:
        items = by_pred.get(pred, [])
        if pred == "liable":
            out[key] = _liable(items)
        elif pred == "remedy":
            out[key] = _remedies(items, by_pred.get("remedy_factor", []))
        else:
            names = vocab.outputs[pred].arg_names
            section = []
            for args, doctrines in items:
                row: dict[str, Any] = (dict(zip(names, args)) if NONE not in args
                                       else {name: None if v == NONE else v for name, v in zip(names, args)})
                if pred == "insurance":
                    row["covers"] = list(INSURANCE_COVERS)
                row["doctrines"] = list(doctrines)
                section.append(row)
            out[key] = section
    attach_for(out, lambda pred: (args for args, _ in by_pred.get(pred, [])), vocab)
    return out


def _liable(items: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> list[dict[str, Any]]:
    """Liability grouped by subject, kind and stage, with the rights (as ``Evaluation._grouped``)."""
    groups: dict[tuple[str, str, str], list[tuple[str, tuple[str, ...]]]] = {}
    for (subject, kind, right, stage), doctrines in items:
        groups.setdefault((subject, kind, stage), []).append((right, doctrines))
    rows = []
    for (subject, kind, stage), members in sorted(groups.items()):
        rows.append({"subject": subject, "kind": kind, "stage": stage,
                     "rights": sorted(right for right, _ in members),
                     "doctrines": _union(*(ds for _, ds in members))})
    return rows


def _remedies(items: list[tuple[tuple[str, ...], tuple[str, ...]]],
              factor_items: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> list[dict[str, Any]]:
    """Remedies, damages with their factors (as ``Evaluation._section`` for ``remedy``)."""
    factors: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for item in factor_items:
        factors.setdefault(item[0][0], []).append(item)
    rows = []
    for args, doctrines in items:
        extra = factors.get(args[0], []) if args[1] == "damages" else []
        rows.append({"against": args[0], "remedy": args[1],
                     "factors": sorted(f[0][1] for f in extra),
                     "doctrines": _union(doctrines, *(f[1] for f in extra))})
    return rows
