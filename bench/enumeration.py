"""Enumeration over unknown facts: with projection onto the outcome, and without.

    python bench/enumeration.py --unknowns 10,20,30,40 --plain-up-to 20 [--seed 1]

For each count N, a generated case gets N unknown facts (type-correct facts
over its entities that it does not state, drawn with the seed; every input
predicate is read by the rules).  Measured, each in seconds:

* ``enumerate``: :func:`aigc_kb.scenario.outcomes.enumerate_outcomes` end to end (the
  distinct outcomes with their conditions), when that module is there;
* ``projected``: the encoding with the unknowns, every answer set projected
  onto the outcome predicates (``--project``), counted by clingo;
* ``plain``: every answer set (world) without projection, counted by clingo
  (only up to ``--plain-up-to`` unknowns: 2**N worlds).

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import clingo  # noqa: E402

from aigc_kb import Case, KnowledgeBase  # noqa: E402
from aigc_kb.engines import asp_rules  # noqa: E402
from aigc_kb.engines.asp import AspEngine  # noqa: E402
from cases import generate  # noqa: E402

OUTCOME = ("liable", "defense", "copyright", "tangible_owner")


def unknown_case(kb: KnowledgeBase, count: int, seed: int) -> Case:
    """A generated case with ``count`` unknown facts."""
    from itertools import product

    base = next(generate(seed, 1, kb))
    names: dict[str, list[str]] = {}
    for fact in base.facts:
        if fact.pred in ("party", "system", "work", "output"):
            names.setdefault(fact.pred, []).append(fact.args[0])
    stated = set(base.facts)
    pools: list[Any] = []
    for name, spec in sorted(kb.vocab.inputs.items()):
        if name in names:
            continue
        domains = []
        for type_name in spec.args:
            enum = kb.vocab.enum_values(type_name)
            domains.append(list(enum) if enum else [n for t in kb.vocab.entity_types_of(type_name)
                                                     for n in names.get(t, [])])
        pools.extend((name, args) for args in product(*domains))
    from aigc_kb import Fact

    candidates = [Fact(name, tuple(args)) for name, args in pools if Fact(name, tuple(args)) not in stated]
    random.Random(seed * 7919 + count).shuffle(candidates)
    return replace(base, unknown=tuple(candidates[:count]))


def _count(kb: KnowledgeBase, case: Case, project: bool, seconds: float) -> dict[str, Any]:
    reading = kb.resolve(case)
    options = ["--models=0"] + (["--project=project"] if project else [])
    ctl = clingo.Control(options, logger=lambda code, message: None, message_limit=0)
    start = time.perf_counter()
    asp_rules.add_program(ctl, kb.paths.asp_files)
    extra = "".join(f"#project {p}/{kb.vocab.outputs[p].arity}.\n" for p in OUTCOME) if project else ""
    ctl.add("base", [], AspEngine.instance_text(case, reading, with_unknown=True) + extra)
    ctl.ground([("base", [])])
    with ctl.solve(async_=True) as handle:
        finished = handle.wait(seconds)
        if not finished:
            handle.cancel()
        handle.get()
    elapsed = time.perf_counter() - start
    models = int(ctl.statistics["summary"]["models"]["enumerated"])
    return {"seconds": elapsed, "models": models, "finished": finished}


def _enumerate(kb: KnowledgeBase, case: Case, seconds: float) -> dict[str, Any]:
    try:
        from aigc_kb.scenario.outcomes import ScenarioLimits, enumerate_outcomes
    except ImportError as err:
        return {"skipped": f"aigc_kb.scenario.outcomes: {err}"}
    start = time.perf_counter()
    try:
        result = enumerate_outcomes(kb, case, limits=ScenarioLimits(time_limit=seconds))
    except Exception as err:  # a limit or a missing feature: report, go on
        return {"seconds": time.perf_counter() - start, "error": f"{type(err).__name__}: {err}"}
    return {"seconds": time.perf_counter() - start, "outcomes": sum(len(r.outcomes) for r in result.regimes)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unknowns", default="10,20,30,40")
    parser.add_argument("--plain-up-to", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=60.0, help="cap on each measurement")
    args = parser.parse_args()
    kb = KnowledgeBase()
    rows = []
    for count in (int(n) for n in args.unknowns.split(",")):
        case = unknown_case(kb, count, args.seed)
        row: dict[str, Any] = {"unknowns": count, "facts": len(case.facts)}
        row["projected"] = _count(kb, case, True, args.seconds)
        row["plain"] = _count(kb, case, False, args.seconds) if count <= args.plain_up_to else None
        row["enumerate"] = _enumerate(kb, case, args.seconds)
        rows.append(row)
    json.dump({"rows": rows}, sys.stdout)


if __name__ == "__main__":
    main()
