"""Enumeration time with projection for 20, 30 and 40 unknown facts the rules read.

Usage: python bench/enumerate_scaling.py [N ...] [--repeat R] [--naive N]

Builds a case per N and family: a provider ``acme`` of ``gen``, a user
``bob``, a rights holder ``rh`` of ``w1`` and outputs of ``gen`` requested by
``bob``, each substantially similar to ``w1``, with unknown facts per output
that the liability rules read:

* ``knew``: ``user_knew(bob, o)`` and ``user_should_have_known(bob, o)`` (D10);
* ``knowledge``: those two, ``intent_proven(bob, o)`` and
  ``prompt_names_work(bob, o, w1)`` (D10, D11);
* ``rights``: ``substantially_similar(o, w1)`` and ``derivative_of(o, w1)``
  (D04: which rights the provider is liable for; no similarity is stated);
* ``notice``: ``notice_received(acme, o)`` and ``removed_promptly(acme, o)``
  (D15, under ``notice_and_takedown``).

For each it reports, under ``strict`` (``notice``: ``notice_and_takedown``):

* ``project``: grounding plus the projected enumeration of the distinct
  outcomes (``ScenarioSolver.outcomes``), the figure the targets are about
  (30 unknowns under 0.5 s, 40 under 2 s);
* ``full``: the whole ``enumerate_outcomes`` analysis — prime-implicant
  covers, world counts, cautious and brave consequences — when the covers
  stay within the implicant limit;
* with ``--naive N``: plain enumeration of every answer set for N unknowns,
  for comparison.

Times are the best of ``--repeat`` runs, in seconds.
"""

from __future__ import annotations

import argparse
import time
from typing import Callable

import clingo

from aigc_kb import Case, Fact, KnowledgeBase
from aigc_kb.engines import asp_rules  # noqa: E402
from aigc_kb.engines.asp import AspEngine
from aigc_kb.scenario.outcomes import DEFAULT_OUTCOME, ScenarioLimitError, ScenarioLimits, enumerate_outcomes, scenario_reading
from aigc_kb.scenario.limits import Deadline
from aigc_kb.scenario.solver import ScenarioSolver
from aigc_kb.scenario.space import Space

PER_OUTPUT: dict[str, list[Callable[[str], Fact]]] = {
    "knew": [lambda o: Fact("user_knew", ("bob", o)), lambda o: Fact("user_should_have_known", ("bob", o))],
    "knowledge": [lambda o: Fact("intent_proven", ("bob", o)), lambda o: Fact("user_knew", ("bob", o)),
                  lambda o: Fact("user_should_have_known", ("bob", o)),
                  lambda o: Fact("prompt_names_work", ("bob", o, "w1"))],
    "rights": [lambda o: Fact("substantially_similar", (o, "w1")), lambda o: Fact("derivative_of", (o, "w1"))],
    "notice": [lambda o: Fact("notice_received", ("acme", o)), lambda o: Fact("removed_promptly", ("acme", o))],
}
REGIME = {"knew": "strict", "knowledge": "strict", "rights": "strict", "notice": "notice_and_takedown"}


def make_case(family: str, n: int) -> Case:
    """A case with exactly ``n`` unknown facts of ``family``."""
    makers = PER_OUTPUT[family]
    outputs = [f"o{i}" for i in range((n + len(makers) - 1) // len(makers))]
    facts = [Fact("party", ("acme",)), Fact("party", ("bob",)), Fact("party", ("rh",)), Fact("system", ("gen",)),
             Fact("work", ("w1",)), Fact("provider", ("acme", "gen")), Fact("user", ("bob", "gen")),
             Fact("owns_copyright", ("rh", "w1"))]
    for o in outputs:
        facts += [Fact("output", (o,)), Fact("generated_by", (o, "gen")), Fact("requested_by", (o, "bob"))]
        if family != "rights":
            facts.append(Fact("substantially_similar", (o, "w1")))
    unknown = [make(o) for make in makers for o in outputs][:n]
    return Case(id=f"{family}_{n}", path=f"<{family} {n}>", facts=tuple(facts), unknown=tuple(unknown))


def best(repeat: int, run: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def projected(kb: KnowledgeBase, case: Case, regime: str) -> int:
    reading = scenario_reading(kb, case, regime)
    space = Space.of(case, reading, kb.vocab)
    signatures = tuple((p, kb.vocab.outputs[p].arity) for p in DEFAULT_OUTCOME)
    solver = ScenarioSolver(kb.paths, case, reading, space, signatures, Deadline(600))
    return len(solver.outcomes(10_000))


def naive(kb: KnowledgeBase, case: Case, regime: str) -> int:
    """Every answer set, no projection."""
    reading = scenario_reading(kb, case, regime)
    ctl = clingo.Control(["0"])
    asp_rules.add_program(ctl, kb.paths.asp_files)
    ctl.add("base", [], AspEngine.instance_text(case, reading, with_unknown=True))
    ctl.ground([("base", [])])
    ctl.solve()
    return int(ctl.statistics["summary"]["models"]["enumerated"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[20, 30, 40])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--naive", type=int, metavar="N", help="also enumerate every answer set for N unknowns")
    args = parser.parse_args()
    kb = KnowledgeBase()
    print(f"{'family':10} {'unknowns':>8} {'worlds':>14} {'outcomes':>8} {'project s':>10} "
          f"{'full s':>8} {'implicants':>10}")
    for family in PER_OUTPUT:
        regime = REGIME[family]
        for n in args.sizes:
            case = make_case(family, n)
            seconds, outcomes = best(args.repeat, lambda: projected(kb, case, regime))
            limits = ScenarioLimits(time_limit=600, count_limit=2 ** 62)
            try:
                full, result = best(args.repeat, lambda: enumerate_outcomes(kb, case, [regime], limits=limits))
                assert not isinstance(result, type(None))
                regime_result = result.regimes[0]   # type: ignore[attr-defined]
                implicants = str(sum(len(o.condition) for o in regime_result.outcomes))
                full_text = f"{full:8.3f}"
                worlds = str(regime_result.worlds)
            except ScenarioLimitError as err:
                full_text, implicants, worlds = "-", f"({err.limit})", str(2 ** n)
            print(f"{family:10} {n:8} {worlds:>14} {outcomes:8} {seconds:10.3f} {full_text:>8} {implicants:>10}")
    if args.naive:
        case = make_case("knowledge", args.naive)
        seconds, models = best(1, lambda: naive(kb, case, "strict"))
        print(f"naive: {args.naive} unknowns, {models} answer sets enumerated without projection in {seconds:.3f} s")


if __name__ == "__main__":
    main()
