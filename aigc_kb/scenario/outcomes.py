"""Scenario analysis: what a case can come to when facts are unknown and doctrine is open.

A *world* decides every unknown fact of a case (true or false) and gives every
open choice point a position; the vocabulary's ``conflicts`` rule some worlds
out.  An *outcome* is the set of conclusions of a world over the *outcome
predicates* (by default :data:`DEFAULT_OUTCOME`: who is liable, in which kind,
for which right and stage; every defence and its status; every output's
copyright status, owner and reason; every tangible owner).  Other conclusions
(infringing acts, ``not_liable`` reasons, remedies, grounds…) follow from
these or explain them and are not part of an outcome unless asked for.

* :func:`enumerate_outcomes` — the distinct outcomes, each with an irredundant
  set of prime implicants (the condition under which it arises), its number
  of worlds, and the ``aigc-kb explain`` command of a world of it; per regime
  also what is liable in every world and in some (cautious and brave
  consequences).
* :func:`must_prove` — the subset-minimal sets of literals over the unknown
  facts that make a conclusion hold (or fail) in every completion.
* :func:`~aigc_kb.scenario.compare.compare_regimes` and
  :func:`~aigc_kb.scenario.flips.find_flips` (re-exported here) use the
  Prolog engine.

Everything runs on the ASP encoding through one grounding per regime; limits
on time and on the number of results raise
:class:`~aigc_kb.scenario.limits.ScenarioLimitError`, which names the option that
raises them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Iterable

import clingo

from ..api import KnowledgeBase
from ..patterns import Pattern, parse_conclusion
from ..core.errors import InputError
from ..core.model import Case
from ..engines.quoting import symbol_text
from ..core.reading import COMMAND_LINE, ResolvedReading, resolve
from ..core.result import Conclusion
from .compare import Comparison, ComparisonRow, compare_regimes
from .flips import Flip, FlipReport, find_flips
from .implicants import all_primes, irredundant_cover
from .limits import Deadline, ScenarioLimitError, ScenarioLimits
from .replay import ScenarioLiteral, canonical_world, literals, world_command
from .solver import SUBJECT_LIABLE, ScenarioSolver
from .space import Cube, Space
from ..core.vocabulary import OPEN

#: The output predicates whose atoms make up an outcome by default.
DEFAULT_OUTCOME = ("liable", "defense", "copyright", "tangible_owner")

__all__ = [
    "DEFAULT_OUTCOME", "Comparison", "ComparisonRow", "Enumeration", "Flip", "FlipReport", "Implicant",
    "ListedWorld", "MinimalSet", "MustProve", "Outcome", "RegimeOutcomes",
    "ScenarioLimitError", "ScenarioLimits", "ScenarioLiteral", "SubjectStatus", "compare_regimes", "enumerate_outcomes", "find_flips", "must_prove",
    "scenario_reading",
]


# ------------------------------------------------------------------ results --
@dataclass(frozen=True)
class Implicant:
    """A conjunction of literals that suffices for an outcome (or a goal); none can be dropped.

    Attributes
    ----------
    literals : tuple[ScenarioLiteral, ...]
        The conjunction (empty: in every world).
    worlds : int | None
        How many worlds satisfy it (``None`` when not counted).
    explain : str
        The ``aigc-kb explain`` command of one of its worlds: its literals
        assumed, every other unknown fact left unassumed (not proven, as in
        ``evaluate``), every other open point at its default.
    """

    literals: tuple[ScenarioLiteral, ...]
    worlds: int | None
    explain: str

    def __str__(self) -> str:
        return " and ".join(map(str, self.literals)) if self.literals else "(always)"

    def as_dict(self) -> dict[str, Any]:
        return {"literals": [x.as_dict() for x in self.literals], "text": str(self),
                "worlds": self.worlds, "explain": self.explain}


@dataclass(frozen=True)
class Outcome:
    """One distinct outcome and when it arises.

    Attributes
    ----------
    conclusions : tuple[Conclusion, ...]
        The outcome atoms (without doctrines), sorted.
    condition : tuple[Implicant, ...]
        An irredundant set of prime implicants: the outcome arises in exactly
        the worlds that satisfy one of them.
    worlds : int | None
        The exact number of worlds with this outcome (``None``: not counted).
    explain : str
        The explain command of one world with this outcome.
    default : bool
        Whether it is the outcome of the world ``evaluate`` reads (every unknown
        fact not proven, every open point at its default).
    """

    conclusions: tuple[Conclusion, ...]
    condition: tuple[Implicant, ...]
    worlds: int | None
    explain: str
    default: bool

    def as_dict(self) -> dict[str, Any]:
        return {"conclusions": [str(c) for c in self.conclusions],
                "condition": [i.as_dict() for i in self.condition],
                "worlds": self.worlds, "explain": self.explain, "default": self.default}


@dataclass(frozen=True)
class SubjectStatus:
    """Whether a party is liable in every world, in some, or in none.

    Attributes
    ----------
    subject : str
        A party of the case.
    status : str
        ``necessarily``, ``possibly`` or ``never``.
    necessarily, possibly : tuple[Conclusion, ...]
        Its ``liable`` conclusions true in every world (cautious consequences)
        and in some world (brave consequences).
    """

    subject: str
    status: str
    necessarily: tuple[Conclusion, ...]
    possibly: tuple[Conclusion, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "status": self.status,
                "necessarily": [str(c) for c in self.necessarily], "possibly": [str(c) for c in self.possibly]}


@dataclass(frozen=True)
class ListedWorld:
    """One world, the index of its outcome, and its explain command."""

    literals: tuple[ScenarioLiteral, ...]
    outcome: int
    explain: str

    def as_dict(self) -> dict[str, Any]:
        return {"literals": [x.as_dict() for x in self.literals], "outcome": self.outcome, "explain": self.explain}


@dataclass(frozen=True)
class RegimeOutcomes:
    """The outcomes of a case under one regime.

    Attributes
    ----------
    regime : str
        The regime.
    positions : dict[str, str]
        Every choice point's position, ``open`` for the open ones.
    outcomes : tuple[Outcome, ...]
        The distinct outcomes: the one ``evaluate`` reads first, then by
        number of worlds (most first).
    worlds : int | None
        The number of valid worlds, when at most the count limit.
    subjects : tuple[SubjectStatus, ...]
        Every party of the case with its status.
    listed : tuple[ListedWorld, ...] | None
        Every world, when asked for.
    seconds : float
        Time spent on this regime.
    """

    regime: str
    positions: dict[str, str]
    outcomes: tuple[Outcome, ...]
    worlds: int | None
    subjects: tuple[SubjectStatus, ...]
    listed: tuple[ListedWorld, ...] | None
    seconds: float

    def common(self) -> tuple[Conclusion, ...]:
        """Conclusions shared by every outcome."""
        sets = [set(o.conclusions) for o in self.outcomes]
        shared = set.intersection(*sets) if sets else set()
        return tuple(sorted(shared))

    def as_dict(self) -> dict[str, Any]:
        return {"regime": self.regime, "positions": dict(sorted(self.positions.items())),
                "worlds": self.worlds, "outcomes": [o.as_dict() for o in self.outcomes],
                "subjects": [s.as_dict() for s in self.subjects],
                "listed_worlds": None if self.listed is None else [w.as_dict() for w in self.listed],
                "seconds": round(self.seconds, 4)}


@dataclass(frozen=True)
class Enumeration:
    """The result of :func:`enumerate_outcomes`.

    Attributes
    ----------
    case, path : str
        The case id and file.
    unknown : tuple[str, ...]
        The unknown facts (the fact variables).
    open_points : tuple[str, ...]
        The open choice points (the point variables).
    outcome_predicates : tuple[str, ...]
        The predicates an outcome is made of.
    regimes : tuple[RegimeOutcomes, ...]
        One entry per regime analysed.
    """

    case: str
    path: str
    unknown: tuple[str, ...]
    open_points: tuple[str, ...]
    outcome_predicates: tuple[str, ...]
    regimes: tuple[RegimeOutcomes, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"case": self.case, "path": self.path, "unknown": list(self.unknown),
                "open_points": list(self.open_points), "outcome_predicates": list(self.outcome_predicates),
                "regimes": [r.as_dict() for r in self.regimes]}


@dataclass(frozen=True)
class MinimalSet:
    """A subset-minimal set of literals over the unknown facts that settles a goal."""

    literals: tuple[ScenarioLiteral, ...]
    explain: str

    def __str__(self) -> str:
        return " and ".join(map(str, self.literals)) if self.literals else "(nothing: it holds in every world)"

    def as_dict(self) -> dict[str, Any]:
        return {"literals": [x.as_dict() for x in self.literals], "text": str(self), "explain": self.explain}


@dataclass(frozen=True)
class MustProve:
    """The result of :func:`must_prove`.

    Attributes
    ----------
    goal : str
        The conclusion pattern.
    avoid : bool
        ``False``: the sets make the goal hold in every completion (what a
        rights holder must establish); ``True``: they make it fail in every
        completion (what a defendant must establish).
    regime : str
        The regime.
    positions : dict[str, str]
        The positions; open points are quantified universally: a set must
        settle the goal whatever their positions.
    sets : tuple[MinimalSet, ...]
        Every subset-minimal set, smallest first (empty tuple: none exists).
    possible : bool
        Whether the goal holds (or, with ``avoid``, fails) in some world.
    """

    case: str
    goal: str
    avoid: bool
    regime: str
    positions: dict[str, str]
    unknown: tuple[str, ...]
    sets: tuple[MinimalSet, ...]
    possible: bool

    def as_dict(self) -> dict[str, Any]:
        return {"case": self.case, "goal": self.goal, "mode": "avoid" if self.avoid else "goal",
                "regime": self.regime, "positions": dict(sorted(self.positions.items())),
                "unknown": list(self.unknown), "possible": self.possible,
                "sets": [s.as_dict() for s in self.sets]}


# ------------------------------------------------------------------ readings --
def scenario_reading(kb: KnowledgeBase, case: Case, regime: str | None = None,
                     positions: dict[str, str] | None = None,
                     open_points: Iterable[str] = ()) -> ResolvedReading:
    """The case's reading with ``positions`` applied and ``open_points`` open.

    Raises
    ------
    InputError
        For an unknown regime, point or position, or the regime ``open``
        (analyse every regime instead).
    """
    if regime == OPEN:
        raise InputError.single(COMMAND_LINE, None, "the regime cannot be open: analyse every regime instead (--all-regimes)")
    merged = dict(positions or {})
    for point in open_points:
        merged[point] = OPEN
    return resolve(kb.vocab, case.reading(regime, merged), allow_open=True)


def _outcome_signatures(kb: KnowledgeBase, predicates: Iterable[str]) -> tuple[tuple[str, int], ...]:
    out = []
    for name in predicates:
        spec = kb.vocab.outputs.get(name)
        if spec is None:
            raise InputError.single(COMMAND_LINE, None,
                                    f"unknown output predicate {name!r} (one of {', '.join(kb.vocab.outputs)})")
        out.append((name, spec.arity))
    return tuple(out)


def _conclusion(symbol: clingo.Symbol) -> Conclusion:
    return Conclusion(symbol.name, tuple(symbol_text(a) for a in symbol.arguments))


def _fixed_positions(reading: ResolvedReading) -> dict[str, str]:
    return {p: v for p, v in reading.positions.items() if v != OPEN}


# ---------------------------------------------------------------- enumerate --
def _regime_outcomes(kb: KnowledgeBase, case: Case, reading: ResolvedReading,
                     predicates: tuple[str, ...], limits: ScenarioLimits, deadline: Deadline,
                     list_worlds: bool) -> RegimeOutcomes:
    start = time.monotonic()
    space = Space.of(case, reading, kb.vocab)
    solver = ScenarioSolver(kb.paths, case, reading, space, _outcome_signatures(kb, predicates), deadline)
    total = space.count(())
    counted = total <= limits.count_limit
    fixed = _fixed_positions(reading)
    default_world = canonical_world(space, (), kb.vocab)

    def command(world: Cube, assumed: Cube | None = None) -> str:
        return world_command(case, reading.regime, fixed, space, world, kb.vocab, assumed)

    rows: list[tuple[Outcome, list[Cube]]] = []
    # the projected answer sets are the outcomes: the common --model-limit bounds them too
    bound, which = ((limits.max_outcomes, "max_outcomes") if limits.max_outcomes <= kb.limits.models
                    else (kb.limits.models, "model_limit"))
    for atoms, seed in solver.outcomes(bound, which):
        solver.set_target(atoms)
        cover = irredundant_cover(solver, -solver.differs, solver.differs, space.world_cube(seed),
                                  limits.max_implicants)
        implicants = tuple(
            Implicant(literals(space, cube), space.count(cube) if counted else None,
                      command(canonical_world(space, cube, kb.vocab), cube))
            for cube in cover)
        worlds = space.count_union(cover) if counted else None
        is_default = any(all(dict(default_world)[i] == v for i, v in cube) for cube in cover)
        conclusions = tuple(sorted(_conclusion(s) for s in atoms))
        rows.append((Outcome(conclusions, implicants, worlds, implicants[0].explain, is_default), cover))
    rows.sort(key=lambda r: (not r[0].default, -(r[0].worlds or 0), r[0].conclusions))
    listed = _list_worlds(space, [c for _, c in rows], command, limits, total) if list_worlds else None
    return RegimeOutcomes(reading.regime, dict(reading.positions), tuple(o for o, _ in rows),
                          total if counted else None,
                          _subjects(case, ScenarioSolver(kb.paths, case, reading, space, (), deadline)),
                          listed, time.monotonic() - start)


def _subjects(case: Case, solver: ScenarioSolver) -> tuple[SubjectStatus, ...]:
    """Per party: liable in every world, in some, or in none (cautious and brave consequences)."""
    cautious = solver.consequences("cautious")
    brave = solver.consequences("brave")
    out = []
    for party in sorted(f.args[0] for f in case.facts if f.pred == "party"):
        def liable_of(symbols: list[clingo.Symbol]) -> tuple[Conclusion, ...]:
            return tuple(sorted(_conclusion(s) for s in symbols
                                if s.name == "liable" and symbol_text(s.arguments[0]) == party))

        def subject_in(symbols: list[clingo.Symbol]) -> bool:
            return any(s.name == SUBJECT_LIABLE and symbol_text(s.arguments[0]) == party for s in symbols)

        status = "necessarily" if subject_in(cautious) else "possibly" if subject_in(brave) else "never"
        out.append(SubjectStatus(party, status, liable_of(cautious), liable_of(brave)))
    return tuple(out)


def _list_worlds(space: Space, covers: list[list[Cube]], command: Any, limits: ScenarioLimits,
                 total: int) -> tuple[ListedWorld, ...]:
    if total > limits.max_worlds:
        raise ScenarioLimitError("max_worlds", "listed world", limits.max_worlds)
    out: list[ListedWorld] = []
    seen: set[Cube] = set()
    for index, cover in enumerate(covers):
        for cube in cover:
            for world in space.completions(cube):
                if world not in seen:
                    seen.add(world)
                    out.append(ListedWorld(literals(space, world), index, command(world)))
    out.sort(key=lambda w: tuple(x.value for x in w.literals))
    return tuple(out)


def enumerate_outcomes(kb: KnowledgeBase, case: Case, regimes: Iterable[str | None] = (None,),
                       positions: dict[str, str] | None = None, open_points: Iterable[str] = (),
                       outcome: Iterable[str] = DEFAULT_OUTCOME, limits: ScenarioLimits | None = None,
                       list_worlds: bool = False) -> Enumeration:
    """The distinct outcomes of ``case`` over its unknown facts and open points.

    Parameters
    ----------
    kb : KnowledgeBase
        The knowledge base (its ASP encoding is used).
    case : Case
        The case; its ``unknown`` facts may be true or false.
    regimes : iterable of str or None
        The regimes to analyse, one after the other (``None``: the default).
    positions : dict[str, str], optional
        Positions overriding the case's; the value ``open`` opens a point.
    open_points : iterable of str
        Choice points that take each of their positions.
    outcome : iterable of str
        The output predicates an outcome is made of.
    limits : ScenarioLimits, optional
        Time, outcomes per regime, implicants per outcome, the world count
        limit, and the number of worlds listed.
    list_worlds : bool
        Also list every world with its outcome and explain command.

    Raises
    ------
    InputError
        For a bad regime, point, position or predicate.
    ScenarioLimitError
        When a limit is hit (the message names the option that raises it).
    """
    limits = limits or ScenarioLimits()
    deadline = Deadline(limits.time_limit or kb.limits.time_for(case.size))
    predicates = tuple(outcome)
    open_points = tuple(open_points)
    results = []
    readings = [scenario_reading(kb, case, r, positions, open_points) for r in regimes]
    for reading in readings:
        results.append(_regime_outcomes(kb, case, reading, predicates, limits, deadline, list_worlds))
    first = readings[0]
    return Enumeration(
        case=case.id, path=case.path, unknown=tuple(str(f) for f in case.unknown),
        open_points=tuple(p for p in kb.vocab.choice_points if first.positions.get(p) == OPEN),
        outcome_predicates=predicates, regimes=tuple(results))


# --------------------------------------------------------------- must-prove --
def must_prove(kb: KnowledgeBase, case: Case, goal: str | Pattern, avoid: bool = False,
               regime: str | None = None, positions: dict[str, str] | None = None,
               open_points: Iterable[str] = (), limits: ScenarioLimits | None = None) -> MustProve:
    """The subset-minimal sets of literals over the unknown facts that settle ``goal``.

    A set qualifies when it is consistent and ``goal`` holds (``avoid``: fails)
    in every valid completion of it — every value of the other unknown facts
    and every position of the open points.

    Parameters
    ----------
    goal : str or Pattern
        An output atom in Prolog syntax, ``_`` for any value of an argument.

    Raises
    ------
    InputError
        For a goal that is not an output atom over the case's entities.
    ScenarioLimitError
        When a limit is hit.
    """
    limits = limits or ScenarioLimits()
    deadline = Deadline(limits.time_limit or kb.limits.time_for(case.size))
    pattern = goal if isinstance(goal, Pattern) else parse_conclusion(
        goal, case, kb.vocab, "--avoid" if avoid else "--goal")
    reading = scenario_reading(kb, case, regime, positions, open_points)
    space = Space.of(case, reading, kb.vocab)
    solver = ScenarioSolver(kb.paths, case, reading, space, (), deadline)
    holds = solver.add_goal((pattern.pred, len(pattern.args)),
                           lambda symbol: pattern.matches(symbol.name, [symbol_text(a) for a in symbol.arguments]))
    inside, outside = (-holds, holds) if avoid else (holds, -holds)
    possible = solver.check((), [inside]).satisfiable
    facts = [i for i, v in enumerate(space.variables) if v.is_fact]
    primes = all_primes(solver, facts, outside, limits.max_implicants) if possible else []
    fixed = _fixed_positions(reading)
    sets = tuple(
        MinimalSet(literals(space, cube),
                   world_command(case, reading.regime, fixed, space, canonical_world(space, cube, kb.vocab),
                                 kb.vocab, cube))
        for cube in primes)
    return MustProve(case.id, str(pattern), avoid, reading.regime, dict(reading.positions),
                     tuple(str(f) for f in case.unknown), sets, possible)

