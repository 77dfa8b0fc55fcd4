"""The ASP encoding grounded once for a scenario, and the solver calls scenario analyses make.

One :class:`ScenarioSolver` holds one ``clingo.Control``: the encoding of
``kb/asp`` (never edited), the case with its open facts as ``unknown(F)`` and
its open points as ``set_position(P, open)``, and a few statements added here
through the API:

* ``#project`` over the outcome predicates, so that enumerating answer sets
  with ``--project`` yields each distinct outcome once;
* ``scenario_liable(S) :- liable(S, _, _, _).`` (shown), for per-subject
  cautious and brave consequences (asked of a solver grounded without
  outcome predicates: with a projection, clasp computes consequences over
  the projected atoms only);
* through the ground backend, with every atom taken from the grounding: a
  *differs* atom true when the outcome differs from a target outcome (set by
  externals), a *goal* atom, and guarded constraints that exclude cubes.

Every solve call runs asynchronously and is cancelled at the deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import clingo

from ..engines.asp import AspEngine
from ..core.errors import EngineError, KbError
from ..core.model import Case
from ..core.paths import KbPaths
from ..engines.quoting import asp_fact, asp_name
from ..core.reading import ResolvedReading
from .limits import Deadline, ScenarioLimitError
from .space import FALSE, TRUE, Cube, Space
from ..engines import asp_rules

#: Statements added to every scenario program (fixed text: no case data).
_AUX = "scenario_liable(S) :- liable(S, _, _, _).\n#show scenario_liable/1.\n"
#: The auxiliary predicate of per-subject liability.
SUBJECT_LIABLE = "scenario_liable"

Signature = tuple[str, int]


@dataclass(frozen=True)
class SolveResult:
    """One solver call: a world when satisfiable, else the cube literals in the unsatisfiable core."""

    satisfiable: bool
    world: dict[int, str] | None
    core: Cube | None


class ScenarioSolver:
    """The encoding grounded for one case under one (possibly partly open) reading.

    Parameters
    ----------
    paths : KbPaths
        The knowledge base.
    case : Case
        The case; its ``unknown`` facts are free.
    reading : ResolvedReading
        A regime (never ``open``) and positions, some possibly ``open``.
    space : Space
        The variables (built from the same case and reading).
    outcome : tuple[Signature, ...]
        The output predicates whose atoms form an outcome.
    deadline : Deadline
        The time left for every call.
    """

    def __init__(self, paths: KbPaths, case: Case, reading: ResolvedReading, space: Space,
                 outcome: tuple[Signature, ...], deadline: Deadline) -> None:
        self.space = space
        self.outcome_signatures = outcome
        self.deadline = deadline
        messages: list[str] = []

        def logger(code: clingo.MessageCode, message: str) -> None:
            messages.append(message.strip())

        self.ctl = clingo.Control(["--project=project", "--models=1"], logger=logger, message_limit=50)
        projection = "".join(f"#project {name}/{arity}.\n" for name, arity in outcome)
        try:
            asp_rules.add_program(self.ctl, paths.asp_files)
            self.ctl.add("base", [], AspEngine.instance_text(case, reading, with_unknown=True))
            self.ctl.add("base", [], projection + _AUX)
            self.ctl.ground([("base", [])])
        except RuntimeError as err:
            raise KbError(f"the ASP encoding failed ({err}):\n" + "\n".join(messages)) from None
        self._literals = self._variable_literals()
        self.possible = tuple(a.symbol for name, arity in outcome
                              for a in self.ctl.symbolic_atoms.by_signature(name, arity))
        self._targets: dict[clingo.Symbol, int] = {}
        self.differs = self._add_differs()

    # -- set-up ------------------------------------------------------------
    def _literal(self, symbol: clingo.Symbol) -> int:
        atom = self.ctl.symbolic_atoms[symbol]
        if atom is None:
            raise KbError(f"the ASP encoding does not ground {symbol}: is declarations.lp part of the kb? "
                          "(aigc-kb declarations --write generates it)")
        return atom.literal

    def _variable_literals(self) -> list[dict[str, int]]:
        """For each variable and value, the program literal that makes it so."""
        out: list[dict[str, int]] = []
        for var in self.space.variables:
            if var.fact is not None:
                lit = self._literal(asp_fact(var.fact))
                out.append({TRUE: lit, FALSE: -lit})
            else:
                assert var.point is not None
                out.append({pos: self._literal(clingo.Function("position", [asp_name(var.point), asp_name(pos)]))
                            for pos in var.domain})
        return out

    def _add_differs(self) -> int:
        with self.ctl.backend() as backend:
            differs = int(backend.add_atom())
            for symbol in self.possible:
                target = backend.add_atom()
                backend.add_external(target, clingo.TruthValue.False_)
                self._targets[symbol] = target
                lit = self._literal(symbol)
                backend.add_rule([differs], [target, -lit])
                backend.add_rule([differs], [-target, lit])
        return differs

    def set_target(self, outcome: frozenset[clingo.Symbol]) -> None:
        """Make the *differs* atom mean: the outcome is not exactly ``outcome``."""
        for symbol, target in self._targets.items():
            self.ctl.assign_external(target, symbol in outcome)

    def add_goal(self, signature: Signature, matches: Callable[[clingo.Symbol], bool]) -> int:
        """A fresh atom true exactly when some atom of ``signature`` accepted by ``matches`` holds."""
        symbols = [a.symbol for a in self.ctl.symbolic_atoms.by_signature(*signature) if matches(a.symbol)]
        with self.ctl.backend() as backend:
            goal = int(backend.add_atom())
            for symbol in symbols:
                backend.add_rule([goal], [self._literal(symbol)])
        return goal

    def add_block(self, cube: Cube) -> int:
        """A guard literal that, assumed true, excludes every world extending ``cube``."""
        with self.ctl.backend() as backend:
            guard = int(backend.add_atom())
            backend.add_external(guard, clingo.TruthValue.Free)
            backend.add_rule([], [self._literals[i][v] for i, v in cube] + [guard])
        return guard

    # -- solving -------------------------------------------------------------
    def assumptions(self, cube: Cube) -> list[int]:
        return [self._literals[i][v] for i, v in cube]

    def world_of(self, model: clingo.Model) -> dict[int, str]:
        """The values of the variables in ``model``."""
        world: dict[int, str] = {}
        for i, values in enumerate(self._literals):
            for value, lit in values.items():
                if model.is_true(lit):
                    world[i] = value
                    break
        return world

    def _run(self, assumptions: Sequence[int],
             on_model: Callable[[clingo.Model], bool] | None) -> tuple[clingo.SolveResult, list[int]]:
        """Solve asynchronously until the deadline; the core when unsatisfiable."""
        with self.ctl.solve(assumptions=list(assumptions), on_model=on_model, async_=True) as handle:
            if not handle.wait(self.deadline.remaining()):
                handle.cancel()
                raise self.deadline.error()
            result = handle.get()
            core = list(handle.core()) if result.unsatisfiable else []
        return result, core

    def check(self, cube: Cube, extra: Sequence[int] = ()) -> SolveResult:
        """Solve under ``cube`` and the ``extra`` literals: a world, or the core within ``cube``."""
        found: list[dict[int, str]] = []

        def on_model(model: clingo.Model) -> bool:
            found.append(self.world_of(model))
            return False

        result, core = self._run(self.assumptions(cube) + list(extra), on_model)
        if result.satisfiable:
            return SolveResult(True, found[0], None)
        in_core = set(core)
        return SolveResult(False, None, tuple((i, v) for i, v in cube if self._literals[i][v] in in_core))

    def outcomes(self, max_outcomes: int, limit: str = "max_outcomes"
                 ) -> list[tuple[frozenset[clingo.Symbol], dict[int, str]]]:
        """Every distinct outcome (projected enumeration) with one world that yields it.

        Raises :class:`ScenarioLimitError` for ``limit`` beyond ``max_outcomes``.
        """
        signatures = set(self.outcome_signatures)
        found: list[tuple[frozenset[clingo.Symbol], dict[int, str]]] = []

        def on_model(model: clingo.Model) -> bool:
            atoms = frozenset(s for s in model.symbols(shown=True)
                              if (s.name, len(s.arguments)) in signatures)
            found.append((atoms, self.world_of(model)))
            return len(found) <= max_outcomes

        self.ctl.configuration.solve.models = "0"   # type: ignore[union-attr]
        try:
            self._run([], on_model)
        finally:
            self.ctl.configuration.solve.models = "1"   # type: ignore[union-attr]
        if len(found) > max_outcomes:
            raise ScenarioLimitError(limit, "distinct outcomes per regime", max_outcomes)
        if not found:
            raise EngineError("the ASP encoding has no answer set for this case")
        return found

    def consequences(self, mode: str) -> list[clingo.Symbol]:
        """The shown atoms true in every world (``cautious``) or in some world (``brave``).

        Only for a solver grounded without outcome predicates: with a
        projection, clasp restricts consequences to the projected atoms.
        """
        if self.outcome_signatures:
            raise ValueError("consequences: ask a solver grounded without a projection")
        config = self.ctl.configuration.solve
        last: list[list[clingo.Symbol]] = []

        def on_model(model: clingo.Model) -> bool:
            last.append(list(model.symbols(shown=True)))
            return True

        config.enum_mode, config.project, config.models = mode, "no", "0"   # type: ignore[union-attr]
        try:
            self._run([], on_model)
        finally:
            config.enum_mode, config.project, config.models = "auto", "project", "1"   # type: ignore[union-attr]
        if not last:
            raise EngineError("the ASP encoding has no answer set for this case")
        return last[-1]
