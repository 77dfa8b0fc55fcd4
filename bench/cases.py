"""Seeded benchmark cases and the files each engine reads them from.

Cases come from :func:`aigc_kb.devtools.generate.random_case` (a small local generator
stands in when that module is missing): three parties, two systems, two works,
two outputs and at least :data:`MIN_FACTS` facts each (about 35 on average),
drawn again with the next seed until they are that large.  The same cases are written three ways:
JSON Lines for the API, ``case(Id, Facts).`` terms for the native Prolog
driver (facts written exactly as the API sends them) and, per group of
cases, the renamed-apart ASP program the API grounds.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aigc_kb import Case, Fact, KnowledgeBase

MIN_FACTS = 30
#: Entities per generated world: at least 3 parties, 2 works, 2 outputs.
SIZE = {"parties": 3, "systems": 2, "works": 2, "outputs": 2, "facts": 20}


def generate(seed: int, count: int, kb: KnowledgeBase) -> Iterator[Case]:
    """``count`` cases, the same for the same seed."""
    try:
        from aigc_kb.devtools.generate import WorldSize, random_case
    except ImportError:  # pragma: no cover - only before aigc_kb.devtools.generate exists
        yield from _fallback(seed, count, kb)
        return
    size = WorldSize(**SIZE)
    for index in range(count):
        attempt = 0
        while True:
            case = random_case(seed * 1_000_003 + index * 101 + attempt, size, vocab=kb.vocab,
                               case_id=f"bench_{seed}_{index}")
            if len(case.facts) >= MIN_FACTS:
                break
            attempt += 1
        yield case


def _fallback(seed: int, count: int, kb: KnowledgeBase) -> Iterator[Case]:
    """A plain generator: entities, roles, outputs copying works, and random facts."""
    inputs = {name: spec.args for name, spec in kb.vocab.inputs.items()
              if name not in ("party", "system", "work", "output")}
    for index in range(count):
        rng = random.Random(seed * 1_000_003 + index)
        names = {"party": ["p1", "p2", "p3", "p4"], "system": ["s1", "s2"], "work": ["w1", "w2"],
                 "output": ["o1", "o2", "o3"]}
        facts = [Fact(t, (n,)) for t, ns in names.items() for n in ns]
        seen = set(facts)
        while len(facts) < MIN_FACTS + 6:
            pred = rng.choice(sorted(inputs))
            args = []
            for type_name in inputs[pred]:
                enum = kb.vocab.enum_values(type_name)
                pool = list(enum) if enum else [n for t in kb.vocab.entity_types_of(type_name) for n in names[t]]
                args.append(rng.choice(pool))
            fact = Fact(pred, tuple(args))
            if fact not in seen and not any(Fact(b, fact.args) in seen for a, b in kb.vocab.conflicts if a == pred) \
                    and not any(Fact(a, fact.args) in seen for a, b in kb.vocab.conflicts if b == pred):
                seen.add(fact)
                facts.append(fact)
        yield Case(id=f"bench_{seed}_{index}", path="<bench>", facts=tuple(facts))


def case_json(case: Case) -> dict[str, Any]:
    """The case as one JSON Lines object."""
    return {"id": case.id, "facts": [{f.pred: f.args[0] if len(f.args) == 1 else list(f.args)} for f in case.facts]}


def write_jsonl(cases: Iterator[Case], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for case in cases:
            handle.write(json.dumps(case_json(case), ensure_ascii=False) + "\n")
            count += 1
    return count


def head(source: Path, target: Path, count: int) -> None:
    """The first ``count`` lines of ``source`` as ``target``."""
    with source.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for _, line in zip(range(count), src):
            dst.write(line)


def read_cases(path: Path, kb: KnowledgeBase) -> list[Case]:
    from aigc_kb.batch.pipeline import batch_items

    return [item.case for item in batch_items(path, kb) if item.case is not None]
