"""The world generator: valid cases, exhaustive enumeration, strategies, YAML, shrinking, CLI."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigc_kb import Case, Fact, KnowledgeBase, Reading
from aigc_kb.devtools.generate import (
    AREAS,
    Area,
    WorldSize,
    area,
    case_to_yaml,
    declared,
    exhaustive,
    one_at_a_time_readings,
    parse_fact,
    random_case,
    random_reading,
    rename_case,
)

from .strategies import HOSTILE_NAMES, area_worlds, cases, names, readings, renamings
from aigc_kb.devtools.shrink import shrink_case, shrink_reading
from aigc_kb.core.vocabulary import ENTITY_TYPES

from .conftest import run_cli

QUICK = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                        HealthCheck.function_scoped_fixture])


def round_trip(kb: KnowledgeBase, case: Case, directory: Path, readings_: tuple[Reading, ...] = ()) -> Case:
    """Write ``case`` as YAML, load it back with the validating loader."""
    path = directory / f"{case.id}.yaml"
    path.write_text(case_to_yaml(case, readings_), encoding="utf-8")
    return kb.load_case(path)


def assert_same_case(loaded: Case, case: Case) -> None:
    assert loaded.id == case.id
    assert loaded.facts == case.facts  # same facts in the same order (lines are not compared)
    assert loaded.title == case.title and loaded.source == case.source


# ----------------------------------------------------------------- random --
def test_random_worlds_load_back_through_yaml(kb: KnowledgeBase, tmp_path: Path) -> None:
    sizes = [WorldSize(), WorldSize(parties=1, systems=1, works=1, outputs=1, facts=40),
             WorldSize(parties=6, systems=3, works=3, outputs=4, facts=30)]
    for seed in range(60):
        case = random_case(seed, sizes[seed % len(sizes)], vocab=kb.vocab)
        assert case.title == case.source == f"generated (seed {seed})"
        assert_same_case(round_trip(kb, case, tmp_path), case)


def test_random_worlds_declare_the_sizes_and_repeat_for_a_seed(kb: KnowledgeBase) -> None:
    size = WorldSize(parties=5, systems=3, works=2, outputs=4, copies=2, facts=10)
    case = random_case(11, size, vocab=kb.vocab)
    kinds = Counter(f.pred for f in case.facts if f.pred in ENTITY_TYPES)
    assert kinds == {"party": 5, "system": 3, "work": 2, "output": 4, "model": 1, "copy": 2}
    assert random_case(11, size, vocab=kb.vocab) == case
    assert random_case(random.Random(11), size, vocab=kb.vocab).facts == case.facts
    assert len({random_case(s, size, vocab=kb.vocab).facts for s in range(20)}) == 20
    extra = [f for f in case.facts if f.pred not in ENTITY_TYPES]
    assert len(extra) == len(set(extra)), "no fact twice"


def test_random_worlds_have_overlapping_roles_and_infringing_outputs(kb: KnowledgeBase) -> None:
    """The skeleton makes the interesting worlds common (counted over 100 seeds)."""
    overlapping = copying = 0
    for seed in range(100):
        facts = random_case(seed, vocab=kb.vocab).facts
        roles: dict[str, set[str]] = {}
        for f in facts:
            if f.pred in ("provider", "developer", "user"):
                roles.setdefault(f.args[0], set()).add(f.pred)
            if f.pred == "requested_by":
                roles.setdefault(f.args[1], set()).add("user")
        overlapping += any(len(r) > 1 for r in roles.values())
        owned = {f.args[1] for f in facts if f.pred == "owns_copyright"}
        copying += any(f.pred in ("substantially_similar", "highly_similar", "derivative_of") and f.args[1] in owned
                       for f in facts)
    assert overlapping >= 50 and copying >= 50, (overlapping, copying)


def test_restricted_predicates_and_conflicts(kb: KnowledgeBase, tmp_path: Path) -> None:
    conflicting = [p for pair in kb.vocab.conflicts for p in pair]
    for seed in range(30):
        case = random_case(seed, WorldSize(parties=1, systems=1, works=1, outputs=1, facts=40), vocab=kb.vocab,
                           predicates=conflicting, skeleton=False)
        facts = set(case.facts)
        assert {f.pred for f in facts} <= set(conflicting) | set(ENTITY_TYPES)
        for first, second in kb.vocab.conflicts:
            assert not any(f.pred == first and Fact(second, f.args) in facts for f in facts), (seed, first)
        assert_same_case(round_trip(kb, case, tmp_path), case)
    with pytest.raises(ValueError, match="not input predicates"):
        random_case(0, vocab=kb.vocab, predicates=["liable"])


# ------------------------------------------------------------- exhaustive --
def test_exhaustive_enumerates_every_subset_except_conflicting_ones(kb: KnowledgeBase) -> None:
    base = Case(id="b", path="", facts=tuple(parse_fact(t) for t in ("party(acme)", "work(w1)", "output(o1)")))
    candidates = [parse_fact(t) for t in ("fault_proven(acme)", "fault_rebutted(acme)", "risk_warning(acme)",
                                          "no_risk_warning(acme)", "well_known(w1)")]
    worlds = list(exhaustive(base, candidates, kb.vocab))
    # 2**5 subsets; the two conflicting pairs each rule out one of their four combinations: 32 * 3/4 * 3/4
    assert len(worlds) == 18
    assert len({w.facts for w in worlds}) == 18
    assert all(w.facts[:3] == base.facts for w in worlds)
    # the last subset by mask: well_known, no_risk_warning and fault_rebutted (the higher of each pair)
    assert worlds[0].id == "b_00000" and worlds[-1].id == "b_01011"
    with pytest.raises(ValueError, match="not a declared party"):
        list(exhaustive(base, [parse_fact("fault_proven(nobody)")], kb.vocab))
    with pytest.raises(ValueError, match="listed twice"):
        list(exhaustive(base, [parse_fact("well_known(w1)")] * 2, kb.vocab))
    with pytest.raises(ValueError, match="fact of the base"):
        list(exhaustive(base, [parse_fact("party(acme)")], kb.vocab))


@pytest.mark.parametrize("doctrine_area", AREAS, ids=[a.name for a in AREAS])
def test_each_area_is_enumerable_and_its_worlds_are_valid_cases(kb: KnowledgeBase, tmp_path: Path,
                                                               doctrine_area: Area) -> None:
    worlds = list(doctrine_area.worlds(kb.vocab))
    conflicts = sum(1 for a, b in kb.vocab.conflicts
                    if any(f.pred == a and Fact(b, f.args) in doctrine_area.candidates
                           for f in doctrine_area.candidates))
    assert len(worlds) == 2 ** len(doctrine_area.candidates) * 3 ** conflicts // 4 ** conflicts
    assert len(worlds) * len(doctrine_area.readings) <= 1024, "too many to evaluate exhaustively in CI"
    assert set(doctrine_area.doctrines) <= set(kb.vocab.doctrines)
    for reading in doctrine_area.readings:
        kb.resolve(worlds[0], reading.regime, reading.position_dict())
    for world in (worlds[0], worlds[len(worlds) // 2], worlds[-1]):
        assert_same_case(round_trip(kb, world, tmp_path, doctrine_area.readings), world)
    noisy = doctrine_area.base_case(seed=3, noise=6, vocab=kb.vocab)
    assert len(noisy.facts) > len(doctrine_area.base)
    for world in list(exhaustive(noisy, doctrine_area.candidates, kb.vocab))[::97]:
        round_trip(kb, world, tmp_path)


# ------------------------------------------------------------- strategies --
@QUICK
@given(case=st.one_of(cases(), area_worlds()))
def test_hypothesis_worlds_are_valid_cases(kb: KnowledgeBase, tmp_path: Path, case: Case) -> None:
    assert_same_case(round_trip(kb, case, tmp_path), case)


@QUICK
@given(reading=readings())
def test_drawn_readings_resolve(kb: KnowledgeBase, reading: Reading) -> None:
    resolved = kb.resolve(Case(id="x", path=""), reading.regime, reading.position_dict())
    assert resolved.positions == reading.position_dict()


@QUICK
@given(data=st.data())
def test_renamed_worlds_with_hostile_names_load_back(kb: KnowledgeBase, tmp_path: Path, data: st.DataObject) -> None:
    case = data.draw(cases(WorldSize(parties=3, systems=1, works=1, outputs=2, facts=8)))
    mapping = data.draw(renamings(case))
    assert sorted(mapping) == sorted(declared(case)) and len(set(mapping.values())) == len(mapping)
    renamed = rename_case(case, mapping, kb.vocab)
    assert_same_case(round_trip(kb, renamed, tmp_path), renamed)


def test_every_hostile_name_loads_back_through_yaml(kb: KnowledgeBase, tmp_path: Path) -> None:
    size = WorldSize(parties=4, systems=2, works=2, outputs=3, models=0, copies=0, facts=12)  # 11 entities
    for start in range(0, len(HOSTILE_NAMES), 11):
        case = random_case(start, size, vocab=kb.vocab)
        chunk = [HOSTILE_NAMES[(start + i) % len(HOSTILE_NAMES)] for i in range(11)]
        renamed = rename_case(case, dict(zip(sorted(declared(case)), chunk)), kb.vocab)
        assert_same_case(round_trip(kb, renamed, tmp_path), renamed)


def test_renaming_keeps_enumerated_values_that_share_an_entity_name(kb: KnowledgeBase) -> None:
    case = Case(id="x", path="", facts=tuple(parse_fact(t) for t in (
        "party(research)", "output(o1)", "purpose(research, o1, research)")))
    renamed = rename_case(case, {"research": "R. Search", "o1": "o1"}, kb.vocab)
    assert renamed.facts[-1] == Fact("purpose", ("R. Search", "o1", "research"))


@QUICK
@given(name=names())
def test_drawn_names_are_names_the_loader_accepts(name: str) -> None:
    assert name and "\0" not in name and name not in ("none", "open")


def test_the_generator_works_without_hypothesis() -> None:
    code = ("import sys; sys.modules['hypothesis'] = None\n"
            "from aigc_kb.devtools.generate import random_case, case_to_yaml, AREAS\n"
            "print(len(case_to_yaml(random_case(1))) > 0, len(list(AREAS[0].worlds())))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", str(2 ** len(AREAS[0].candidates))]


def test_hostile_names_are_distinct() -> None:
    assert len(set(HOSTILE_NAMES)) == len(HOSTILE_NAMES)


# --------------------------------------------------------------- readings --
def test_one_at_a_time_readings(kb: KnowledgeBase) -> None:
    sweep = one_at_a_time_readings(kb.vocab)
    # 4 regimes, then every non-default position of every choice point, one at a time
    assert len(sweep) == 4 + sum(len(cp.positions) - 1 for cp in kb.vocab.choice_points.values())
    assert Reading("provider_own_dissemination=under_regime", None,
                   (("provider_own_dissemination", "under_regime"),)) in sweep
    assert [r.regime for r in sweep[:4]] == ["strict", "presumed_fault", "fault", "notice_and_takedown"]
    assert all(len(r.positions) == 1 for r in sweep[4:])
    assert Reading("presumed_fault_burden=full_reversal", "presumed_fault",
                   (("presumed_fault_burden", "full_reversal"),)) in sweep
    full = random_reading(5, kb.vocab)
    assert {p for p, _ in full.positions} == set(kb.vocab.choice_points)


# ------------------------------------------------------------------- yaml --
def test_yaml_of_a_reading_and_comments(kb: KnowledgeBase, tmp_path: Path) -> None:
    case = rename_case(random_case(4, vocab=kb.vocab), {"p1": "O'Brien \"AI\"", "o1": "yes", "w1": "- item"},
                       kb.vocab)
    case = Case(id="regress_x", path="", title="a: title", source="generated (seed 4)", facts=case.facts)
    reading = Reading("court", "fault", (("default_owner", "contributing_human"),))
    text = case_to_yaml(case, [reading], comment=["only asp concludes x(a)", "two\nlines"], tests=["D07+"])
    assert text.startswith("# only asp concludes x(a)\n# two lines\nid: regress_x\n")
    loaded = round_trip_text(kb, text, tmp_path / "regress_x.yaml")
    assert_same_case(loaded, case)
    assert loaded.tests == (("D07", "+"),)
    (block,) = loaded.expect
    assert block.reading == reading and not block.holds and not block.absent


def round_trip_text(kb: KnowledgeBase, text: str, path: Path) -> Case:
    path.write_text(text, encoding="utf-8")
    return kb.load_case(path)


# ---------------------------------------------------------------- shrink --
def test_shrinking_stops_at_a_one_minimal_valid_world(kb: KnowledgeBase) -> None:
    """A failure that needs two facts: the shrinker keeps them and the declarations they need."""
    world = random_case(7, vocab=kb.vocab)
    extra = (Fact("fault_proven", ("p1",)), Fact("force_majeure", ("o2",)))
    world = Case(id=world.id, path="", facts=tuple(f for f in world.facts if f not in extra) + extra)
    calls = []

    def fails(case: Case) -> bool:
        calls.append(case)
        return set(extra) <= set(case.facts)

    small = shrink_case(world, fails)
    assert set(small.facts) == {*extra, Fact("party", ("p1",)), Fact("output", ("o2",))}
    for tried in calls:  # no intermediate case names an undeclared entity
        names = declared(tried)
        for f in tried.facts:
            if f.pred not in ENTITY_TYPES:
                types = kb.vocab.inputs[f.pred].args
                assert all(a in names for t, a in zip(types, f.args) if kb.vocab.entity_types_of(t)), f
    with pytest.raises(ValueError):
        shrink_case(small, lambda case: False)


def test_shrinking_a_reading_moves_what_does_not_matter_to_the_defaults() -> None:
    reading = Reading("r", "fault", (("remedy", "licence_fee"), ("tdm_exception", "accepted")))
    small = shrink_reading(reading, lambda r: dict(r.positions).get("tdm_exception") == "accepted")
    assert small.regime is None and small.positions == (("tdm_exception", "accepted"),)
    kept = shrink_reading(reading, lambda r: r.regime == "fault")
    assert kept.regime == "fault" and kept.positions == ()


# -------------------------------------------------------------------- cli --
def test_generate_command_writes_loadable_case_files(kb: KnowledgeBase, tmp_path: Path) -> None:
    one = run_cli("generate", "--seed", "3", "--parties", "2", "--facts", "5")
    assert one.returncode == 0, one.stderr
    path = tmp_path / "generated_3.yaml"
    path.write_text(one.stdout, encoding="utf-8")
    assert kb.load_case(path).facts == random_case(3, WorldSize(parties=2, facts=5), vocab=kb.vocab).facts

    many = run_cli("generate", "--seed", "10", "--count", "3", "--out", str(tmp_path / "random"))
    assert many.returncode == 0, many.stderr
    assert sorted(p.name for p in (tmp_path / "random").iterdir()) == [
        "generated_10.yaml", "generated_11.yaml", "generated_12.yaml"]

    users = run_cli("generate", "--area", "users", "--out", str(tmp_path / "users"))
    assert users.returncode == 0, users.stderr
    files = sorted((tmp_path / "users").glob("*.yaml"))
    assert len(files) == 2 ** len(area("users").candidates)
    loaded = kb.load_case(files[-1])
    assert [b.reading for b in loaded.expect] == list(area("users").readings)

    check = run_cli("check", str(files[0]), str(files[-1]))
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("args, message", [
    (["--count", "2"], "give --out DIR"),
    (["--area", "nowhere"], "no area 'nowhere'"),
    (["--parties", "0"], "--parties must be at least 1"),
])
def test_generate_command_usage_errors(args: list[str], message: str) -> None:
    proc = run_cli("generate", *args)
    assert proc.returncode == 2 and message in proc.stderr, proc.stderr
