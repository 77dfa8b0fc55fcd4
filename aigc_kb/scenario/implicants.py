"""Prime implicants over the worlds of a scenario, found with solver checks.

A *target* is a set of worlds given by a solver literal: ``inside`` holds in
exactly the worlds of the target and ``outside`` in exactly the others (an
outcome and its *differs* atom, or a goal atom and its negation).  A cube
*suffices* when no valid completion of it lies outside: the solver finds no
answer set under the cube's literals and ``outside``.  A sufficient cube is a
*prime implicant* when no literal can be dropped from it.

* :func:`generalise` turns a sufficient cube (e.g. a world inside the target)
  into a prime implicant: the unsatisfiable core first, then one check per
  remaining literal.
* :func:`irredundant_cover` finds prime implicants until every world of the
  target is covered, then drops every implicant the others already cover
  (:func:`drop_redundant`).
* :func:`all_primes` finds every prime implicant over a subset of the
  variables (counterexample-guided: a generator proposes the smallest cube
  not yet refuted, the solver refutes it with a world outside the target or
  confirms it).
"""

from __future__ import annotations

import clingo

from .limits import Deadline, ScenarioLimitError
from .solver import ScenarioSolver
from .space import Cube


def generalise(solver: ScenarioSolver, cube: Cube, outside: int) -> Cube:
    """A prime implicant within the sufficient ``cube``.

    Raises
    ------
    ValueError
        If ``cube`` does not suffice.
    """
    result = solver.check(cube, [outside])
    if result.satisfiable or result.core is None:
        raise ValueError("generalise: the cube does not suffice")
    current = list(result.core)
    for lit in list(current):
        if lit not in current:
            continue
        trial = tuple(x for x in current if x != lit)
        attempt = solver.check(trial, [outside])
        if not attempt.satisfiable and attempt.core is not None:
            current = list(attempt.core)
    return tuple(current)


def irredundant_cover(solver: ScenarioSolver, inside: int, outside: int, seed: Cube,
                      max_implicants: int) -> list[Cube]:
    """Prime implicants whose union is exactly the target, none covered by the others.

    Parameters
    ----------
    seed : Cube
        A world inside the target.
    max_implicants : int
        Raise :class:`~aigc_kb.scenario.limits.ScenarioLimitError` beyond this many.
    """
    primes: list[Cube] = []
    guards: list[int] = []
    world: Cube | None = seed
    while world is not None:
        prime = generalise(solver, world, outside)
        primes.append(prime)
        if len(primes) > max_implicants:
            raise ScenarioLimitError("max_implicants", "prime implicants per outcome", max_implicants)
        guards.append(solver.add_block(prime))
        found = solver.check((), [inside] + guards)
        world = tuple(sorted(found.world.items())) if found.world is not None else None
    return drop_redundant(solver, primes, guards)


def drop_redundant(solver: ScenarioSolver, cubes: list[Cube], guards: list[int] | None = None) -> list[Cube]:
    """``cubes`` without every cube whose worlds the remaining ones cover (longest tried first).

    Parameters
    ----------
    guards : list[int], optional
        The guard of each cube from :meth:`ScenarioSolver.add_block` (added when not given).
    """
    if guards is None:
        guards = [solver.add_block(cube) for cube in cubes]
    keep = list(range(len(cubes)))
    for j in sorted(keep, key=lambda k: (-len(cubes[k]), k)):
        others = [guards[k] for k in keep if k != j]
        if not solver.check(cubes[j], others).satisfiable:
            keep.remove(j)
    return [cubes[k] for k in sorted(keep, key=lambda k: (len(cubes[k]), cubes[k]))]


class _Generator:
    """Candidate cubes over some variables, smallest first, with refuted ones excluded."""

    def __init__(self, domains: dict[int, tuple[str, ...]], deadline: Deadline) -> None:
        self.deadline = deadline
        self.ctl = clingo.Control(["--opt-mode=opt", "--models=0"], logger=lambda code, message: None)
        self.values = {i: list(d) for i, d in domains.items()}
        facts = "".join(f"{clingo.Function('dom', [clingo.Number(i), clingo.Number(k)])}.\n"
                        for i, d in domains.items() for k in range(len(d)))
        self.ctl.add("base", [], facts + "#defined dom/2.\n{ sel(I, K) : dom(I, K) }.\n"
                     ":- sel(I, K), sel(I, L), K < L.\n"
                     "#minimize { 1, I, K : sel(I, K) }.\n#show sel/2.\n")
        self.ctl.ground([("base", [])])
        self.lit: dict[tuple[int, str], int] = {}
        for i, d in domains.items():
            for k, value in enumerate(d):
                atom = self.ctl.symbolic_atoms[clingo.Function("sel", [clingo.Number(i), clingo.Number(k)])]
                assert atom is not None
                self.lit[(i, value)] = atom.literal

    def exclude_supersets(self, cube: Cube) -> None:
        """No later candidate contains every literal of ``cube``."""
        with self.ctl.backend() as backend:
            backend.add_rule([], [self.lit[x] for x in cube])

    def require_one_of(self, options: list[tuple[int, str]]) -> None:
        """Every later candidate contains one of ``options``."""
        with self.ctl.backend() as backend:
            backend.add_rule([], [-self.lit[x] for x in options])

    def next(self) -> Cube | None:
        best: list[Cube] = []

        def on_model(model: clingo.Model) -> bool:
            chosen = []
            for sym in model.symbols(shown=True):
                i, k = sym.arguments[0].number, sym.arguments[1].number
                chosen.append((i, self.values[i][k]))
            best.append(tuple(sorted(chosen)))
            return True

        with self.ctl.solve(on_model=on_model, async_=True) as handle:
            if not handle.wait(self.deadline.remaining()):
                handle.cancel()
                raise self.deadline.error()
            handle.get()
        return best[-1] if best else None


def all_primes(solver: ScenarioSolver, variables: list[int], outside: int,
               max_implicants: int) -> list[Cube]:
    """Every prime implicant of the target over ``variables`` (the others stay free).

    A cube over ``variables`` qualifies when it is consistent and every valid
    completion of it (over all variables) lies inside the target.
    """
    space = solver.space
    domains = {i: space.variables[i].domain for i in variables if i not in space.forced_false}
    generator = _Generator(domains, solver.deadline)
    primes: list[Cube] = []
    while (candidate := generator.next()) is not None:
        refuted = solver.check(candidate, [outside])
        if refuted.world is not None:
            world = refuted.world
            generator.require_one_of([(i, v) for i in domains for v in domains[i] if v != world[i]])
            continue
        consistent = solver.check(candidate)
        if not consistent.satisfiable:
            generator.exclude_supersets(consistent.core or candidate)
            continue
        prime = generalise(solver, candidate, outside)
        primes.append(prime)
        if len(primes) > max_implicants:
            raise ScenarioLimitError("max_implicants", "minimal set", max_implicants)
        generator.exclude_supersets(prime)
    return sorted(primes, key=lambda c: (len(c), c))
