"""Shrink a case (and its reading) to a smallest one that still shows a failure.

Greedy and deterministic: facts are removed one at a time, as long as the
failure persists, until no single fact can go; a declaration goes only once no
fact names its entity, so every intermediate case stays valid.  The reading is
moved towards the defaults the same way.

Used by ``aigc-kb diff --worlds`` (:mod:`aigc_kb.devtools.diff`) and by the
agreement tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..core.model import Case, Fact, Reading
from ..core.vocabulary import ENTITY_TYPES


def _without(case: Case, fact: Fact) -> Case | None:
    """``case`` without ``fact``, or None where that would leave an entity undeclared."""
    facts = tuple(f for f in case.facts if f != fact)
    if fact.pred in ENTITY_TYPES:
        name = fact.args[0]
        if any(name in f.args for f in facts + case.unknown if f.pred not in ENTITY_TYPES):
            return None
    return replace(case, facts=facts)


def shrink_case(case: Case, fails: Callable[[Case], bool]) -> Case:
    """A case with a subset of ``case``'s facts for which ``fails`` still holds.

    Parameters
    ----------
    case : Case
        A case for which ``fails(case)`` is true.
    fails : callable
        The failure to keep, e.g. "the engines disagree on it".

    Returns
    -------
    Case
        1-minimal: removing any one of its facts (that can be removed without
        leaving an undeclared entity) makes ``fails`` false.  Facts are tried
        from the last to the first, declarations after the other facts.

    Raises
    ------
    ValueError
        If ``fails(case)`` is false to begin with.
    """
    if not fails(case):
        raise ValueError(f"{case.id}: nothing to shrink, the case does not fail")
    current = case
    progress = True
    while progress:
        progress = False
        order = ([f for f in reversed(current.facts) if f.pred not in ENTITY_TYPES]
                 + [f for f in reversed(current.facts) if f.pred in ENTITY_TYPES])
        for fact in order:
            candidate = _without(current, fact)
            if candidate is not None and fails(candidate):
                current = candidate
                progress = True
    return current


def shrink_reading(reading: Reading, fails: Callable[[Reading], bool], default_regime: str = "strict") -> Reading:
    """``reading`` with the regime and as many positions as possible back at their defaults,
    ``fails`` still holding.  A position missing from a reading is at its default."""
    current = reading
    if current.regime not in (None, default_regime):
        candidate = replace(current, regime=None)
        if fails(candidate):
            current = candidate
    for point in [p for p, _ in reading.positions]:
        candidate = replace(current, positions=tuple((p, v) for p, v in current.positions if p != point))
        if fails(candidate):
            current = candidate
    return current
