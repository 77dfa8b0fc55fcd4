"""Typed results of an evaluation and their JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .loader import paused_gc
from .vocabulary import NONE, Vocabulary

#: Keys of the JSON result in order, and the output predicate each is built from.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("infringements", "infringement"),
    ("liable", "liable"),
    ("joint_and_several", "joint_and_several"),
    ("not_liable", "not_liable"),
    ("defenses", "defense"),
    ("grounds", "provider_ground"),
    ("copyright", "copyright"),
    ("tangible_owner", "tangible_owner"),
    ("limitations", "limitation"),
    ("remedies", "remedy"),
    ("insurance", "insurance"),
    ("recourse", "recourse"),
    ("assessors", "assessor"),
    ("provenance_conflicts", "provenance_conflict"),
    ("protection_undefined", "protection_undefined"),
)

#: What an insurer or fund covers (D26: "legal fees and potential compensation").
INSURANCE_COVERS = ("legal_fees", "compensation")

#: A per-party summary's per-infringement sibling (catalogue D22-D26, I03-I05) and the fields a
#: summary row shares with it: the row's ``for`` lists the sibling's rows with the same values, by
#: the fields the summary does not have (e.g. ``work`` and ``output``).
PER_INFRINGEMENT: dict[str, tuple[str, tuple[str, ...]]] = {
    "liable": ("liable_for", ("subject", "kind", "stage")),
    "not_liable": ("not_liable_for", ("subject", "role", "reason")),
    "defense": ("defense_for", ("subject", "defense", "status")),
    "limitation": ("limitation_for", ("subject", "effect", "reason")),
    "remedy": ("remedy_for", ("against", "remedy")),
    "insurance": ("insurance_for", ("insured", "coverer")),
}


@dataclass(frozen=True, order=True, slots=True)
class Conclusion:
    """One output atom and the doctrines of the rules that concluded it (slots: a large case has a million)."""

    pred: str
    args: tuple[str, ...]
    doctrines: tuple[str, ...] = field(default=(), compare=False)

    def key(self) -> tuple[str, tuple[str, ...]]:
        return (self.pred, self.args)

    def __str__(self) -> str:
        return f"{self.pred}({', '.join(self.args)})"


def _value(v: str) -> str | None:
    return None if v == NONE else v


def attach_for(record: dict[str, Any], args_of: Callable[[str], Iterable[tuple[str, ...]]],
               vocab: Vocabulary) -> None:
    """Give every summary row of ``record`` the infringements it is for (``for``), in place.

    ``args_of(pred)`` yields the arguments of every concluded atom of ``pred``.  A row of
    ``liable`` gets ``{"right", "work", "output"}`` items, one of ``remedies`` ``{"work",
    "output"}`` (with the ``factors`` of that infringement for damages), and so on; ``None``
    stands for ``none`` (a training copy, a reposted item, no output involved).  An item of a
    training-stage ``liable`` row also names the ``artefacts`` (systems or models) whose training
    data its copy of the work was made for (``infringing_training_copy``).
    """
    factors: dict[tuple[str | None, ...], list[str]] = {}
    if "remedy_factor_for" in vocab.outputs:
        for against, factor, work, output in args_of("remedy_factor_for"):
            factors.setdefault((against, _value(work), _value(output)), []).append(factor)
    artefacts: dict[tuple[str, str], list[str]] = {}
    if "infringing_training_copy" in vocab.outputs:
        for subject, work, artefact in args_of("infringing_training_copy"):
            artefacts.setdefault((subject, work), []).append(artefact)
    for key, pred in SECTIONS:
        if pred not in PER_INFRINGEMENT or PER_INFRINGEMENT[pred][0] not in vocab.outputs:
            continue
        sibling, shared = PER_INFRINGEMENT[pred]
        names = vocab.outputs[sibling].arg_names
        at = [names.index(n) for n in shared]
        rest = [(i, n) for i, n in enumerate(names) if n not in shared]
        index: dict[tuple[str | None, ...], list[dict[str, Any]]] = {}
        for args in args_of(sibling):
            item: dict[str, Any] = {n: _value(args[i]) for i, n in rest}
            if sibling == "remedy_for" and args[1] == "damages":
                item["factors"] = sorted(factors.get((args[0], item["work"], item["output"]), []))
            if sibling == "liable_for" and args[names.index("stage")] == "training":
                item["artefacts"] = sorted(artefacts.get((args[0], args[names.index("work")]), []))
            index.setdefault(tuple(_value(args[i]) for i in at), []).append(item)
        for row in record[key]:
            items = index.get(tuple(row[n] for n in shared), [])
            row["for"] = sorted(items, key=lambda i: tuple(map(str, i.values())))


def _doctrines(items: list[Conclusion]) -> list[str]:
    return sorted({d for c in items for d in c.doctrines})


@dataclass(frozen=True)
class Evaluation:
    """The conclusions of one case under one reading on one engine.

    Attributes
    ----------
    case : str
        The case id.
    engine : str
        ``prolog`` or ``asp``.
    regime : str
        The regime applied.
    positions : dict[str, str]
        Every choice point with the position applied.
    open_facts : list[str]
        Facts the case lists as unknown (treated as not proven).
    conclusions : tuple[Conclusion, ...]
        Every output atom the kb concluded, sorted.
    """

    case: str
    engine: str
    regime: str
    positions: dict[str, str]
    open_facts: list[str]
    conclusions: tuple[Conclusion, ...]

    def of(self, pred: str) -> list[Conclusion]:
        return [c for c in self.conclusions if c.pred == pred]

    def as_dict(self, vocab: Vocabulary) -> dict[str, Any]:
        """The JSON form: one key per kind of conclusion, each item with its doctrines.

        Python's cyclic collector is paused meanwhile: the rows of a large case are many objects that
        all live on, and each collection would walk them again (see :func:`aigc_kb.core.loader.paused_gc`).
        """
        with paused_gc():
            return self._as_dict(vocab)

    def _as_dict(self, vocab: Vocabulary) -> dict[str, Any]:
        out: dict[str, Any] = {
            "case": self.case,
            "engine": self.engine,
            "regime": self.regime,
            "positions": dict(sorted(self.positions.items())),
            "open_facts": list(self.open_facts),
        }
        # The conclusions of each predicate, in their order, found in one pass (not one per section).
        by_pred: dict[str, list[Conclusion]] = {}
        for c in self.conclusions:
            found = by_pred.get(c.pred)
            if found is None:
                by_pred[c.pred] = [c]
            else:
                found.append(c)
        for key, pred in SECTIONS:
            out[key] = self._section(pred, vocab, by_pred)
        attach_for(out, lambda pred: (c.args for c in by_pred.get(pred, ())), vocab)
        return out

    def _section(self, pred: str, vocab: Vocabulary, by_pred: dict[str, list[Conclusion]]) -> list[dict[str, Any]]:
        def of(name: str) -> list[Conclusion]:
            return by_pred.get(name, [])

        items = of(pred)
        names = vocab.outputs[pred].arg_names
        if pred == "liable":
            return self._grouped(items, ("subject", "kind", "stage"), "right", "rights")
        if pred == "remedy":
            factors = {c.args[0]: [] for c in of("remedy_factor")}  # type: dict[str, list[Conclusion]]
            for c in of("remedy_factor"):
                factors[c.args[0]].append(c)
            rows = []
            for c in items:
                extra = factors.get(c.args[0], []) if c.args[1] == "damages" else []
                rows.append({"against": c.args[0], "remedy": c.args[1],
                             "factors": sorted(f.args[1] for f in extra),
                             "doctrines": _doctrines([c, *extra])})
            return rows
        rows = []
        for c in items:
            row: dict[str, Any] = {name: _value(v) for name, v in zip(names, c.args)}
            if pred == "insurance":
                row["covers"] = list(INSURANCE_COVERS)
            row["doctrines"] = list(c.doctrines)
            rows.append(row)
        return rows

    @staticmethod
    def _grouped(items: list[Conclusion], keys: tuple[str, ...], member: str,
                 plural: str) -> list[dict[str, Any]]:
        groups: dict[tuple[str, ...], list[Conclusion]] = {}
        names = ("subject", "kind", "right", "stage")
        for c in items:
            values = dict(zip(names, c.args))
            groups.setdefault(tuple(values[k] for k in keys), []).append(c)
        rows = []
        for group_key, members in sorted(groups.items()):
            row: dict[str, Any] = dict(zip(keys, group_key))
            row[plural] = sorted(dict(zip(names, c.args))[member] for c in members)
            row["doctrines"] = _doctrines(members)
            rows.append(row)
        return rows
