"""The worlds of a scenario: every unknown fact true or false, every open point at a position.

A *variable* is an unknown fact of the case (domain ``true``/``false``) or a
choice point the reading leaves ``open`` (domain: the point's positions).  A
*cube* is a partial assignment, a sorted tuple of ``(variable index, value)``
pairs: a conjunction of literals.  A *world* assigns every variable and is
*valid* when it respects the vocabulary's ``conflicts``: an unknown fact and its
conflicting partner are never both true (``kb/asp/declarations.lp`` discards such
worlds, and a case cannot state both sides as facts).

Everything here is plain arithmetic over the space; the engines are called
elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Iterator

from ..core.model import Case, Fact
from ..core.reading import ResolvedReading
from ..core.vocabulary import ENTITY_TYPES, OPEN, Vocabulary

TRUE, FALSE = "true", "false"
FACT_DOMAIN = (TRUE, FALSE)

Cube = tuple[tuple[int, str], ...]
"""A conjunction of literals: ``(variable index, value)`` pairs sorted by index."""


@dataclass(frozen=True)
class Variable:
    """One dimension of the space: an unknown fact or an open choice point.

    Attributes
    ----------
    fact : Fact | None
        The unknown fact (``None`` for a choice point).
    point : str | None
        The open choice point (``None`` for a fact).
    domain : tuple[str, ...]
        ``("true", "false")`` for a fact; the point's positions.
    """

    fact: Fact | None
    point: str | None
    domain: tuple[str, ...]

    @property
    def is_fact(self) -> bool:
        return self.fact is not None

    def __str__(self) -> str:
        return str(self.fact) if self.fact is not None else str(self.point)


@dataclass(frozen=True)
class Space:
    """The variables of a scenario and the conflicts that restrict their worlds.

    Attributes
    ----------
    variables : tuple[Variable, ...]
        Unknown facts first (in case order), then open points (in vocabulary order).
    partner : dict[int, int]
        For an unknown fact whose conflicting partner is also unknown: the partner's index.
    forced_false : frozenset[int]
        Unknown facts whose conflicting partner is a proven fact: false in every valid world.
    """

    variables: tuple[Variable, ...]
    partner: dict[int, int]
    forced_false: frozenset[int]

    # -- construction ----------------------------------------------------
    @classmethod
    def of(cls, case: Case, reading: ResolvedReading, vocab: Vocabulary) -> "Space":
        """The space of ``case`` under ``reading`` (whose open points become variables)."""
        unique = list(dict.fromkeys(f for f in case.unknown if f.pred not in ENTITY_TYPES))
        facts = [Variable(f, None, FACT_DOMAIN) for f in unique]
        points = [Variable(None, name, spec.positions) for name, spec in vocab.choice_points.items()
                  if reading.positions.get(name) == OPEN]
        variables = tuple(facts + points)
        index = {v.fact: i for i, v in enumerate(variables) if v.fact is not None}
        proven = set(case.facts)
        partner: dict[int, int] = {}
        forced: set[int] = set()
        for first, second in vocab.conflicts:
            for a, b in ((first, second), (second, first)):
                for fact, i in index.items():
                    if fact.pred != a:
                        continue
                    other = Fact(b, fact.args)
                    if other in index:
                        partner[i] = index[other]
                    elif other in proven:
                        forced.add(i)
        return cls(variables, partner, frozenset(forced))

    # -- cubes -----------------------------------------------------------
    def world_cube(self, world: dict[int, str]) -> Cube:
        return tuple(sorted(world.items()))

    def consistent(self, cube: Cube) -> bool:
        """Whether ``cube`` has at least one valid completion."""
        return self.count(cube) > 0

    def count(self, cube: Cube) -> int:
        """The number of valid worlds that extend ``cube``."""
        fixed = dict(cube)
        total = 1
        done: set[int] = set()
        for i, var in enumerate(self.variables):
            if i in done:
                continue
            done.add(i)
            if i in self.forced_false:
                total *= 0 if fixed.get(i) == TRUE else 1
            elif i in self.partner:
                j = self.partner[i]
                done.add(j)
                total *= self._pair_count(fixed.get(i), fixed.get(j))
            else:
                total *= 1 if i in fixed else len(var.domain)
            if total == 0:
                return 0
        return total

    @staticmethod
    def _pair_count(a: str | None, b: str | None) -> int:
        """Valid assignments of two conflicting facts, given what the cube fixes."""
        options = [(x, y) for x in FACT_DOMAIN for y in FACT_DOMAIN if not (x == TRUE and y == TRUE)]
        return sum(1 for x, y in options if a in (None, x) and b in (None, y))

    def completions(self, cube: Cube) -> Iterator[Cube]:
        """Every valid world that extends ``cube`` (for small spaces: it enumerates)."""
        fixed = dict(cube)
        free = [i for i in range(len(self.variables)) if i not in fixed]
        for values in product(*(self.variables[i].domain for i in free)):
            world = dict(fixed)
            world.update(zip(free, values))
            candidate = tuple(sorted(world.items()))
            if self.count(candidate) == 1:
                yield candidate

    def count_union(self, cubes: list[Cube], budget: int = 100_000) -> int | None:
        """The number of valid worlds in the union of ``cubes``.

        Each cube is counted without the worlds of the cubes before it, by
        splitting it into disjoint cubes.  ``None`` when that takes more than
        ``budget`` splits.
        """
        steps = [0]
        total = 0
        for k, cube in enumerate(cubes):
            part = self._count_minus(cube, cubes[:k], steps, budget)
            if part is None:
                return None
            total += part
        return total

    def _count_minus(self, cube: Cube, others: list[Cube], steps: list[int], budget: int) -> int | None:
        steps[0] += 1
        if steps[0] > budget:
            return None
        if not others:
            return self.count(cube)
        fixed = dict(cube)
        first, rest = others[0], others[1:]
        if any(i in fixed and fixed[i] != v for i, v in first):
            return self._count_minus(cube, rest, steps, budget)   # disjoint from ``first``
        total = 0
        current = dict(fixed)
        for i, value in first:
            if i in current:
                continue
            for other in self.variables[i].domain:
                if other != value:
                    part = self._count_minus(tuple(sorted({**current, i: other}.items())), rest, steps, budget)
                    if part is None:
                        return None
                    total += part
            current[i] = value
        return total   # what is left of ``current`` lies inside ``first``
