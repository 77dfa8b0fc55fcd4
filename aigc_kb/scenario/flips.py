"""Single facts whose addition or removal changes who is liable, or how.

Candidates are every type-correct input atom over the case's declared
entities (and the values of enumerated arguments), entity declarations
excluded: each one not stated is tried as an addition, each one stated as a
removal.  An addition whose conflicting partner (vocabulary ``conflicts``) is
stated is skipped.  Each candidate case is evaluated with the Prolog engine;
unknown facts stay not proven, as in ``evaluate``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import product
from math import prod
from typing import Any, Iterable, Iterator

from ..api import KnowledgeBase
from ..core.errors import InputError
from ..core.model import Case, Fact
from ..core.result import Conclusion
from .limits import Deadline, ScenarioLimitError, ScenarioLimits
from .replay import explain_command, fact_text
from ..core.vocabulary import ENTITY_TYPES, NONE, Vocabulary

#: What a flip changes by default: who is liable, in which kind, for which right and stage.
FLIP_OUTCOME = ("liable",)
ADDED, REMOVED = "added", "removed"


@dataclass(frozen=True)
class Flip:
    """One fact whose addition or removal changes the outcome.

    Attributes
    ----------
    change : str
        ``added`` or ``removed``.
    fact : Fact
        The fact added or removed.
    gained, lost : tuple[Conclusion, ...]
        Outcome conclusions that appear and that disappear.
    explain : str
        The explain command of the changed case.
    """

    change: str
    fact: Fact
    gained: tuple[Conclusion, ...]
    lost: tuple[Conclusion, ...]
    explain: str

    def __str__(self) -> str:
        return f"{'+' if self.change == ADDED else '-'} {self.fact}"

    def as_dict(self) -> dict[str, Any]:
        return {"change": self.change, "fact": fact_text(self.fact),
                "gained": [str(c) for c in self.gained], "lost": [str(c) for c in self.lost],
                "explain": self.explain}


@dataclass(frozen=True)
class FlipReport:
    """The result of :func:`find_flips`.

    Attributes
    ----------
    baseline : tuple[Conclusion, ...]
        The outcome conclusions of the case as stated.
    candidates : int
        Candidate changes evaluated.
    skipped : tuple[Fact, ...]
        Additions skipped because their conflicting partner is stated.
    flips : tuple[Flip, ...]
        The changes that change the outcome: removals first, then additions.
    """

    case: str
    regime: str
    positions: dict[str, str]
    outcome_predicates: tuple[str, ...]
    baseline: tuple[Conclusion, ...]
    candidates: int
    skipped: tuple[Fact, ...]
    flips: tuple[Flip, ...]
    unknown: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"case": self.case, "regime": self.regime, "positions": dict(sorted(self.positions.items())),
                "outcome_predicates": list(self.outcome_predicates),
                "baseline": [str(c) for c in self.baseline], "candidates": self.candidates,
                "skipped": [fact_text(f) for f in self.skipped], "unknown": list(self.unknown),
                "flips": [f.as_dict() for f in self.flips]}


def _domains(case: Case, vocab: Vocabulary) -> dict[str, list[str]]:
    """The values each argument type can take in ``case``."""
    by_type: dict[str, list[str]] = {t: [] for t in ENTITY_TYPES}
    for fact in case.facts:
        if fact.pred in ENTITY_TYPES and fact.args[0] not in by_type[fact.pred]:
            by_type[fact.pred].append(fact.args[0])
    out: dict[str, list[str]] = {}
    for spec in vocab.inputs.values():
        for type_name in spec.args:
            enum = vocab.enum_values(type_name)
            if enum is not None:
                out[type_name] = list(enum)
            else:
                values = [v for t in vocab.entity_types_of(type_name) for v in by_type[t]]
                out[type_name] = values + ([NONE] if type_name.endswith("_or_none") else [])
    return out


def candidate_count(case: Case, vocab: Vocabulary) -> int:
    """How many type-correct facts there are over the case's entities (entity declarations excluded)."""
    domains = _domains(case, vocab)
    return sum(prod(len(domains[t]) for t in spec.args)
               for name, spec in vocab.inputs.items() if name not in ENTITY_TYPES)


def candidate_facts(case: Case, vocab: Vocabulary) -> Iterator[Fact]:
    """Every type-correct fact over the case's entities (entity declarations excluded)."""
    domains = _domains(case, vocab)
    for name, spec in vocab.inputs.items():
        if name in ENTITY_TYPES:
            continue
        for args in product(*(domains[t] for t in spec.args)):
            yield Fact(name, tuple(args))


def _outcome(kb: KnowledgeBase, case: Case, regime: str | None, positions: dict[str, str] | None,
             predicates: tuple[str, ...]) -> frozenset[Conclusion]:
    result = kb.evaluate(case, "prolog", regime, positions)
    return frozenset(Conclusion(c.pred, c.args) for c in result.conclusions if c.pred in predicates)


def find_flips(kb: KnowledgeBase, case: Case, regime: str | None = None,
               positions: dict[str, str] | None = None, outcome: Iterable[str] = FLIP_OUTCOME,
               limits: ScenarioLimits | None = None) -> FlipReport:
    """Every single fact whose addition or removal changes the outcome of ``case``.

    Raises
    ------
    InputError
        For a bad regime, point, position or predicate.
    ScenarioLimitError
        When there are more candidates than ``limits.max_candidates``, or time runs out.
    """
    limits = limits or ScenarioLimits()
    deadline = Deadline(limits.time_limit or kb.limits.time_for(case.size))
    predicates = tuple(outcome)
    for name in predicates:
        if name not in kb.vocab.outputs:
            raise InputError.single("<command line>", None,
                                    f"unknown output predicate {name!r} (one of {', '.join(kb.vocab.outputs)})")
    count = candidate_count(case, kb.vocab)
    if count > limits.max_candidates:
        raise ScenarioLimitError("max_candidates", f"candidate ({count} facts)", limits.max_candidates)
    reading = kb.resolve(case, regime, positions)
    base = _outcome(kb, case, regime, positions, predicates)
    stated = set(case.facts)
    partners = {a: b for x, y in kb.vocab.conflicts for a, b in ((x, y), (y, x))}
    changes: list[tuple[str, Fact]] = [(REMOVED, f) for f in case.facts if f.pred not in ENTITY_TYPES]
    skipped: list[Fact] = []
    for fact in candidate_facts(case, kb.vocab):
        if fact in stated:
            continue
        partner = partners.get(fact.pred)
        if partner is not None and Fact(partner, fact.args) in stated:
            skipped.append(fact)
        else:
            changes.append((ADDED, fact))
    flips = []
    for change, fact in changes:
        deadline.remaining()
        facts = tuple(f for f in case.facts if f != fact) if change == REMOVED else case.facts + (fact,)
        after = _outcome(kb, replace(case, facts=facts), regime, positions, predicates)
        if after != base:
            command = explain_command(case, reading.regime, reading.positions, [(fact, change == ADDED)], kb.vocab)
            flips.append(Flip(change, fact, tuple(sorted(after - base)), tuple(sorted(base - after)), command))
    return FlipReport(case.id, reading.regime, dict(reading.positions), predicates, tuple(sorted(base)),
                      len(changes), tuple(skipped), tuple(flips), tuple(str(f) for f in case.unknown))
