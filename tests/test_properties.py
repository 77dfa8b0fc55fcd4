"""Properties of the law that hold on every generated world, on both engines.

* the AI is never liable (D06): no party argument of any conclusion names a
  system, and every system named as defendant or author is `not_liable` as
  `ai` with `ai_not_legal_subject`;
* nobody owns copyright through an infringing output (D20);
* under `strict`, a provider's knowledge never changes who is liable (D16);
* the regime never changes training-stage liability (D02, D13);
* consistently renaming every entity (names with quotes, spaces, unicode …)
  never changes the conclusions, modulo the renaming;
* nobody falls through the cracks: a party liable for nothing gets a
  `not_liable` entry in every role it holds (docs/semantics.md §3, "Not liable").

Each property is checked on seeded worlds (random worlds and worlds of every
doctrine area, with the facts the property is about added at random: a fixed,
even sample) and on hypothesis-drawn worlds (shrunk on failure).  Which outputs
infringe, and which roles a party holds, are derived here from the facts by the
definitions of docs/semantics.md §1, independently of the engines.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigc_kb import ENGINES, Case, Evaluation, Fact, KnowledgeBase, Reading
from aigc_kb.devtools.generate import (
    AREAS,
    WorldSize,
    area,
    declared,
    random_case,
    random_reading,
    rename_case,
    rename_conclusion_args,
)

from .strategies import HOSTILE_NAMES, readings, renamings, worlds

SIZE = WorldSize(parties=4, systems=2, works=2, outputs=3, facts=20)
PROPERTY = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
#: Seeded worlds per property: random worlds, and worlds picked evenly from every area.
SEEDED_RANDOM = 30
SEEDED_PER_AREA = 3
KNOWLEDGE = ("provider_knew", "provider_should_have_known")
SIMILARITY = ("substantially_similar", "highly_similar", "derivative_of")
HOLDING = {"owns_copyright": (0, 1), "exclusive_licensee": (0, 1), "provenance_record": (1, 0)}

Coin = Callable[[], bool]
Pick = Callable[[list[str]], str]


def seeded_worlds(kb: KnowledgeBase) -> list[tuple[Case, random.Random]]:
    """Random worlds and evenly spaced worlds of every area, each with its own generator."""
    out = [(random_case(seed, SIZE, vocab=kb.vocab), random.Random(seed)) for seed in range(SEEDED_RANDOM)]
    for index, doctrine_area in enumerate(AREAS):
        found = list(doctrine_area.worlds(kb.vocab))
        step = max(1, len(found) // SEEDED_PER_AREA)
        out += [(world, random.Random(index * 1000 + k)) for k, world in enumerate(found[step // 2::step])]
    return out


def evaluations(kb: KnowledgeBase, case: Case, reading: Reading) -> dict[str, Evaluation]:
    return {engine: kb.evaluate_named_reading(case, reading, engine) for engine in ENGINES}


def with_facts(case: Case, facts: Iterable[Fact]) -> Case:
    present = set(case.facts)
    new = tuple(dict.fromkeys(f for f in facts if f not in present))
    return Case(id=case.id, path=case.path, title=case.title, source=case.source, facts=case.facts + new)


def of_type(case: Case, entity_type: str) -> list[str]:
    return sorted(n for n, t in declared(case).items() if t == entity_type)


def holders(case: Case) -> dict[str, set[str]]:
    """The holders of each work (docs/semantics.md §1): a provenance record counts only where no
    owner is proven (D28)."""
    facts = set(case.facts)
    owned = {f.args[1] for f in facts if f.pred == "owns_copyright"}
    out: dict[str, set[str]] = {}
    for f in facts:
        if f.pred in HOLDING and not (f.pred == "provenance_record" and f.args[0] in owned):
            party, work = (f.args[i] for i in HOLDING[f.pred])
            out.setdefault(work, set()).add(party)
    return out


def infringing_outputs(case: Case) -> set[str]:
    """Outputs that copy a protected work without authorisation (docs/semantics.md §1): not
    licensed (authorised_use), and neither the provider whose service generated the output nor
    the user who commissioned it holds the work (Terms, I01).  Outputs copying outputs are left
    out: the set is a subset of the infringing outputs, which is all the checks below need."""
    facts = set(case.facts)
    held = holders(case)
    self_run = {f.args[0] for f in facts if f.pred == "generated_by"
                for g in facts if g.pred == "requested_by" and g.args[0] == f.args[0]
                and Fact("runs_itself", (g.args[1], f.args[1])) in facts}
    generators: dict[str, set[str]] = {}
    for f in facts:
        if f.pred == "generated_by" and f.args[0] not in self_run:
            generators.setdefault(f.args[0], set()).update(
                g.args[0] for g in facts if g.pred == "provider" and g.args[1] == f.args[1])
        elif f.pred == "requested_by":
            generators.setdefault(f.args[0], set()).add(f.args[1])
    return {f.args[0] for f in facts
            if f.pred in SIMILARITY and f.args[1] in held
            and Fact("authorised_use", (f.args[0], f.args[1])) not in facts
            and not generators.get(f.args[0], set()) & held[f.args[1]]}


def roles(case: Case, result: Evaluation) -> dict[str, set[str]]:
    """The roles of every party (docs/semantics.md §1, "roles"); a rights holder is no third party."""
    out: dict[str, set[str]] = {n: set() for n in of_type(case, "party")}
    for f in case.facts:
        if f.pred in ("developer", "provider"):
            out[f.args[0]].add(f.pred)
        elif f.pred in ("user", "runs_itself"):
            out[f.args[0]].add("user")
        elif f.pred == "requested_by":
            out[f.args[1]].add("user")
    holding = {p for parties in holders(case).values() for p in parties}
    holding |= {c.args[2] for c in result.of("copyright") if c.args[1] == "work"}
    acts = {f.args[0] for f in case.facts if f.pred in ("made_available", "reproduced", "attribution_removed")}
    acts |= {f.args[1] for f in case.facts if f.pred in ("copy_made_by", "copy_distributed", "copy_made_available")}
    for party in acts - holding:
        if not out[party]:
            out[party].add("third_party")
    return out


# --------------------------------------------------------- world changes --
def name_the_ai(case: Case, coin: Coin) -> Case:
    systems, outputs = of_type(case, "system"), of_type(case, "output")
    named = [Fact("ai_named_defendant", (s,)) for s in systems if coin()]
    named += [Fact("ai_named_author", (s, o)) for s in systems for o in outputs if coin()]
    return with_facts(case, named)


def add_contributions(case: Case, coin: Coin, pick: Pick) -> Case:
    parties = of_type(case, "party")
    return with_facts(case, [Fact("human_contribution", (pick(parties), o))
                             for o in of_type(case, "output") if parties and coin()])


def knowledge_variants(case: Case, coin: Coin) -> tuple[Case, Case]:
    """The world without provider knowledge, and with some."""
    bare = Case(id=case.id, path=case.path, title=case.title, source=case.source,
                facts=tuple(f for f in case.facts if f.pred not in KNOWLEDGE))
    knowledge = [Fact(pred, (p, o)) for pred in KNOWLEDGE for p in of_type(bare, "party")
                 for o in of_type(bare, "output") if coin()]
    return bare, with_facts(bare, knowledge)


def add_training(case: Case, coin: Coin, pick: Pick) -> Case:
    parties = of_type(case, "party")
    added = [Fact("developer", (pick(parties), s)) for s in of_type(case, "system") if parties and coin()]
    for s in of_type(case, "system"):
        for w in of_type(case, "work"):
            if coin():
                added.append(Fact("trained_on", (s, w)))
                if coin():
                    added.append(Fact("training_authorised", (s, w)))
    return with_facts(case, added)


def hostile_renaming(case: Case, rng: random.Random) -> dict[str, str]:
    old = sorted(declared(case))
    pool = list(HOSTILE_NAMES) + [f"{rng.choice(HOSTILE_NAMES)} {i}\u00a0\u2028" for i in range(len(old))]
    return dict(zip(old, rng.sample(pool, len(old))))


# ----------------------------------------------------------------- checks --
def check_ai_never_liable(kb: KnowledgeBase, case: Case, reading: Reading) -> None:
    systems = set(of_type(case, "system"))
    named = {f.args[0] for f in case.facts if f.pred in ("ai_named_defendant", "ai_named_author")}
    for engine, result in evaluations(kb, case, reading).items():
        for c in result.conclusions:
            for type_name, value in zip(kb.vocab.outputs[c.pred].arg_types, c.args):
                if type_name in ("party", "party_or_none"):
                    assert value not in systems, f"{engine}: {c} names the system {value!r} as a party"
        ai = {c.args[0]: c.args[2] for c in result.of("not_liable") if c.args[1] == "ai"}
        expected = {s: "ai_not_legal_subject" for s in named}
        assert ai == expected, f"{engine}: not_liable as ai {ai}, expected {expected}"


def contributed_outputs(case: Case, reading: Reading) -> set[str]:
    """The outputs a human made an original contribution to (D17, docs/semantics.md §4): a finding,
    a revision or arrangement, or (threshold ``original_contribution``) prompting with parameter choices."""
    out = {f.args[1] for f in case.facts if f.pred == "human_contribution"}
    kinds: dict[tuple[str, str], set[str]] = {}
    for f in case.facts:
        if f.pred == "contributed_by":
            kinds.setdefault((f.args[0], f.args[1]), set()).add(f.args[2])
    prompting = dict(reading.positions).get("human_contribution_threshold", "original_contribution") \
        == "original_contribution"
    for (_, output), found in kinds.items():
        if found & {"substantial_revision", "creative_arrangement"} or \
                (prompting and {"iterative_prompting", "parameter_choices"} <= found):
            out.add(output)
    return out


def check_no_copyright_through_infringement(kb: KnowledgeBase, case: Case, reading: Reading) -> None:
    infringing = infringing_outputs(case)
    contributed = contributed_outputs(case, reading)
    for engine, result in evaluations(kb, case, reading).items():
        for c in result.of("copyright"):
            output, _, owner, reason = c.args
            if output in infringing:
                assert owner == "none", f"{engine}: {c} gives copyright in an infringing output"
                assert reason == ("infringing_output" if output in contributed else "no_human_contribution"), \
                    f"{engine}: {c}"
        for c in result.of("infringement"):
            assert c.args[2] not in infringing, f"{engine}: {c} infringes rights in an infringing output"


def check_knowledge_irrelevant_under_strict(kb: KnowledgeBase, bare: Case, knowing: Case,
                                            positions: tuple[tuple[str, str], ...]) -> None:
    strict = Reading("strict", "strict", positions)
    without, with_knowledge = evaluations(kb, bare, strict), evaluations(kb, knowing, strict)
    for engine in ENGINES:
        a = {c.key() for c in without[engine].conclusions if c.pred in ("liable", "not_liable")}
        b = {c.key() for c in with_knowledge[engine].conclusions if c.pred in ("liable", "not_liable")}
        assert a == b, f"{engine}: provider knowledge changed {sorted(a ^ b)}"


def _training(result: Evaluation) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(c.pred, c.args, c.doctrines) for c in result.conclusions
            if (c.pred in ("liable", "infringement") and c.args[-1] == "training")
            or (c.pred == "defense" and c.args[1] == "tdm_exception")}


def check_regime_irrelevant_to_training(kb: KnowledgeBase, case: Case,
                                        positions: tuple[tuple[str, str], ...]) -> None:
    for engine in ENGINES:
        seen = {regime: _training(kb.evaluate_named_reading(case, Reading(regime, regime, positions), engine))
                for regime in kb.vocab.regimes}
        first = seen[kb.vocab.default_regime]
        for regime, atoms in seen.items():
            assert atoms == first, f"{engine}: {regime} changes {sorted(atoms ^ first)}"


def check_renaming(kb: KnowledgeBase, case: Case, mapping: dict[str, str], reading: Reading) -> None:
    renamed = rename_case(case, mapping, kb.vocab)
    assert set(declared(renamed)) == set(mapping.values())
    original, after = evaluations(kb, case, reading), evaluations(kb, renamed, reading)
    for engine in ENGINES:
        expected = {(c.pred, rename_conclusion_args(c.pred, c.args, mapping, kb.vocab), c.doctrines)
                    for c in original[engine].conclusions}
        got = {(c.pred, c.args, c.doctrines) for c in after[engine].conclusions}
        assert got == expected, f"{engine}: {sorted(got ^ expected)[:6]}"


def check_every_role_has_a_reason(kb: KnowledgeBase, case: Case, reading: Reading) -> None:
    for engine, result in evaluations(kb, case, reading).items():
        liable = {c.args[0] for c in result.of("liable")}
        reasons = {(c.args[0], c.args[1]) for c in result.of("not_liable")}
        for party, held in roles(case, result).items():
            if party not in liable:
                missing = {role for role in held if (party, role) not in reasons}
                assert not missing, f"{engine}: {party} is liable for nothing but has no reason as {missing}"


# ---------------------------------------------------------- seeded worlds --
PROPERTIES = ["ai_never_liable", "no_copyright_through_infringement", "knowledge_irrelevant_under_strict",
              "regime_irrelevant_to_training", "renaming", "every_role_has_a_reason"]


@pytest.mark.parametrize("prop", PROPERTIES)
def test_property_on_seeded_worlds(kb: KnowledgeBase, prop: str) -> None:
    premise = 0
    for case, rng in seeded_worlds(kb):
        reading = random_reading(rng, kb.vocab)
        coin: Coin = lambda: rng.random() < 0.5  # noqa: E731
        if prop == "ai_never_liable":
            case = name_the_ai(case, coin)
            premise += any(f.pred.startswith("ai_named") for f in case.facts)
            check_ai_never_liable(kb, case, reading)
        elif prop == "no_copyright_through_infringement":
            case = add_contributions(case, coin, rng.choice)
            premise += bool(infringing_outputs(case) & {f.args[1] for f in case.facts
                                                        if f.pred == "human_contribution"})
            check_no_copyright_through_infringement(kb, case, reading)
        elif prop == "knowledge_irrelevant_under_strict":
            bare, knowing = knowledge_variants(case, coin)
            premise += any(f.pred == "provider" for f in bare.facts) and bool(infringing_outputs(bare))
            check_knowledge_irrelevant_under_strict(kb, bare, knowing, reading.positions)
        elif prop == "regime_irrelevant_to_training":
            case = add_training(case, coin, rng.choice)
            premise += any(f.pred == "trained_on" for f in case.facts)
            check_regime_irrelevant_to_training(kb, case, reading.positions)
        elif prop == "renaming":
            premise += 1
            check_renaming(kb, case, hostile_renaming(case, rng), reading)
        else:
            premise += any(f.pred == "requested_by" for f in case.facts)
            check_every_role_has_a_reason(kb, case, reading)
    assert premise >= 20, f"only {premise} seeded worlds exercise the property"


# ------------------------------------------------------ hypothesis worlds --
def _coin(data: st.DataObject) -> Coin:
    return lambda: data.draw(st.booleans())


def _pick(data: st.DataObject) -> Pick:
    return lambda items: data.draw(st.sampled_from(items))


def _world(data: st.DataObject, *areas: str) -> Case:
    return data.draw(worlds(SIZE, [area(n) for n in areas] if areas else AREAS))


@PROPERTY
@given(data=st.data(), reading=readings())
def test_the_ai_is_never_liable(kb: KnowledgeBase, data: st.DataObject, reading: Reading) -> None:
    check_ai_never_liable(kb, name_the_ai(_world(data), _coin(data)), reading)


@PROPERTY
@given(data=st.data(), reading=readings())
def test_nobody_owns_copyright_through_an_infringing_output(kb: KnowledgeBase, data: st.DataObject,
                                                           reading: Reading) -> None:
    case = add_contributions(_world(data, "ownership", "infringement"), _coin(data), _pick(data))
    check_no_copyright_through_infringement(kb, case, reading)


@PROPERTY
@given(data=st.data(), reading=readings())
def test_under_strict_provider_knowledge_never_changes_who_is_liable(kb: KnowledgeBase, data: st.DataObject,
                                                                    reading: Reading) -> None:
    bare, knowing = knowledge_variants(_world(data, "regimes", "limits", "risk", "users"), _coin(data))
    check_knowledge_irrelevant_under_strict(kb, bare, knowing, reading.positions)


@PROPERTY
@given(data=st.data(), reading=readings())
def test_the_regime_never_changes_training_stage_liability(kb: KnowledgeBase, data: st.DataObject,
                                                           reading: Reading) -> None:
    case = add_training(_world(data, "training", "developers"), _coin(data), _pick(data))
    check_regime_irrelevant_to_training(kb, case, reading.positions)


@PROPERTY
@given(data=st.data(), reading=readings())
def test_renaming_every_entity_never_changes_the_conclusions(kb: KnowledgeBase, data: st.DataObject,
                                                             reading: Reading) -> None:
    case = _world(data)
    check_renaming(kb, case, data.draw(renamings(case)), reading)


@PROPERTY
@given(case=worlds(SIZE), reading=readings())
def test_a_party_liable_for_nothing_gets_a_reason_in_every_role(kb: KnowledgeBase, case: Case,
                                                                reading: Reading) -> None:
    check_every_role_has_a_reason(kb, case, reading)
