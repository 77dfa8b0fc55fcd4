"""Scenario analysis checked against brute force: every completion evaluated one by one with Prolog.

The ASP-based analyses (enumerate, must-prove) are compared with a table
built here, independently of :mod:`aigc_kb.scenario.space`: every assignment
of the unknown facts and open points, minus those that state both sides of a
vocabulary conflict, each evaluated by ``KnowledgeBase.evaluate`` (Prolog) on
a case with the chosen facts added.  Compare is checked against the ASP
engine, flips by re-evaluation.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import replace
from functools import lru_cache
from itertools import combinations, product
from pathlib import Path

import pytest

from aigc_kb import Case, Fact, KnowledgeBase
from aigc_kb.core.factfile import parse_fact_file
from aigc_kb.scenario.outcomes import (DEFAULT_OUTCOME, Enumeration, ScenarioLimitError, ScenarioLimits, ScenarioLiteral,
                              compare_regimes, enumerate_outcomes, find_flips, must_prove)
from aigc_kb.core.errors import InputError
from aigc_kb.core.vocabulary import ENTITY_TYPES, UNION_TYPES
from aigc_kb.patterns import parse_conclusion
from aigc_kb.scenario.render import comparison_text

from .conftest import CASES_DIR, run_cli

REGIMES = ("strict", "presumed_fault", "fault", "notice_and_takedown")

Key = tuple[tuple[str, object], ...]          # a world: ((("fact", Fact) | ("point", name)), value) pairs
Outcome = frozenset[tuple[str, tuple[str, ...]]]


def _scenario_files() -> list[Path]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "\nunknown:" in text or ": open" in text:
            out.append(path)
    return out


SCENARIO_FILES = _scenario_files()


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase()


# ------------------------------------------------------------ brute force --
def _variables(kb: KnowledgeBase, case: Case) -> list[tuple[tuple[str, object], tuple[str, ...]]]:
    open_points = [p for p, v in case.positions if v == "open"]
    return ([(("fact", f), ("true", "false")) for f in case.unknown]
            + [(("point", p), kb.vocab.choice_points[p].positions) for p in open_points])


def _violates_conflict(kb: KnowledgeBase, facts: set[Fact]) -> bool:
    return any(f.pred == a and Fact(b, f.args) in facts for a, b in kb.vocab.conflicts for f in facts)


class Table(dict[Key, Outcome]):
    """Every valid world and its outcome, with the worlds (by number) of each literal."""

    def build_index(self) -> None:
        self.keys = list(self)
        index: dict[tuple[tuple[str, object], str], set[int]] = {}
        for number, world in enumerate(self.keys):
            for literal in world:
                index.setdefault(literal, set()).add(number)
        self.index = {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=None)
def brute(path: str, regime: str) -> Table:
    """Every valid world of the case and its outcome (DEFAULT_OUTCOME atoms), by Prolog."""
    kb = KnowledgeBase()
    case = kb.load_case(path)
    variables = _variables(kb, case)
    table = Table()
    for values in product(*(domain for _, domain in variables)):
        world = tuple((var, value) for (var, _), value in zip(variables, values))
        facts = set(case.facts) | {var[1] for var, value in world if var[0] == "fact" and value == "true"}
        if _violates_conflict(kb, facts):   # type: ignore[arg-type]
            continue
        positions = {str(var[1]): value for var, value in world if var[0] == "point"}
        changed = replace(case, facts=tuple(facts), unknown=())
        result = kb.evaluate(changed, "prolog", regime, positions)
        table[world] = frozenset((c.pred, c.args) for c in result.conclusions if c.pred in DEFAULT_OUTCOME)
    table.build_index()
    return table


def _literal_key(lit: ScenarioLiteral) -> tuple[tuple[str, object], str]:
    return (("fact", lit.fact), lit.value) if lit.fact is not None else (("point", lit.point), lit.value)


def _worlds_of(table: Table, cube: list[tuple[tuple[str, object], str]]) -> list[Key]:
    """The worlds of ``table`` that satisfy every literal of ``cube``."""
    sets = sorted((table.index.get(literal, frozenset()) for literal in cube), key=len)
    if not sets:
        return list(table.keys)
    numbers = set(sets[0]).intersection(*sets[1:])
    return [table.keys[n] for n in numbers]


def _outcome_key(conclusions: object) -> Outcome:
    return frozenset((c.pred, c.args) for c in conclusions)  # type: ignore[attr-defined]


# --------------------------------------------------------------- enumerate --
@pytest.fixture(scope="module")
def enumerations(kb: KnowledgeBase) -> dict[str, Enumeration]:
    return {str(p): enumerate_outcomes(kb, kb.load_case(p), regimes=REGIMES) for p in SCENARIO_FILES}


def test_there_are_scenario_cases_with_up_to_ten_unknowns(kb: KnowledgeBase) -> None:
    sizes = {p.stem: len(kb.load_case(p).unknown) for p in SCENARIO_FILES}
    assert max(sizes.values()) == 10
    assert {"unknown_fault_proven", "scenario_developer_open", "scenario_ownership_open"} <= set(sizes)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=[p.stem for p in SCENARIO_FILES])
def test_enumerate_matches_every_completion(path: Path, enumerations: dict[str, Enumeration]) -> None:
    result = enumerations[str(path)]
    for regime_result in result.regimes:
        table = brute(str(path), regime_result.regime)
        expected: dict[Outcome, list[Key]] = {}
        for world, outcome in table.items():
            expected.setdefault(outcome, []).append(world)
        found = {_outcome_key(o.conclusions): o for o in regime_result.outcomes}
        assert set(found) == set(expected), regime_result.regime
        assert regime_result.worlds == len(table)
        for key, outcome in found.items():
            worlds = set(expected[key])
            assert outcome.worlds == len(worlds)
            covered: list[set[Key]] = []
            for implicant in outcome.condition:
                cube = [_literal_key(x) for x in implicant.literals]
                mine = set(_worlds_of(table, cube))
                assert mine, f"{implicant} has no valid world"
                assert mine <= worlds, f"{implicant} does not suffice for its outcome"
                assert implicant.worlds == len(mine)
                for k in range(len(cube)):      # prime: no literal can be dropped
                    wider = _worlds_of(table, cube[:k] + cube[k + 1:])
                    assert any(table[w] != key for w in wider), f"{implicant}: {cube[k]} is redundant"
                covered.append(mine)
            assert set().union(*covered) == worlds, "the implicants do not cover the outcome"
            for k, mine in enumerate(covered):  # irredundant: each covers a world the others do not
                others = set().union(*(c for j, c in enumerate(covered) if j != k))
                assert mine - others, f"{outcome.condition[k]} is covered by the others"
            assert outcome.default == (_default_world(regime_result, table) in worlds)


def _default_world(result: object, table: Table) -> Key:
    """The world ``evaluate`` reads: every unknown fact false, every open point at its default."""
    vocab = KnowledgeBase().vocab
    (world,) = [w for w in table if all(
        v == "false" if var[0] == "fact" else v == vocab.choice_points[str(var[1])].default for var, v in w)]
    return world


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=[p.stem for p in SCENARIO_FILES])
def test_necessarily_and_possibly_liable_match_every_completion(
        path: Path, kb: KnowledgeBase, enumerations: dict[str, Enumeration]) -> None:
    for regime_result in enumerations[str(path)].regimes:
        table = brute(str(path), regime_result.regime)
        for status in regime_result.subjects:
            liable = [{args for pred, args in o if pred == "liable" and args[0] == status.subject}
                      for o in table.values()]
            expected = ("necessarily" if all(liable) else "possibly" if any(liable) else "never")
            assert status.status == expected, (regime_result.regime, status.subject)
            assert {c.args for c in status.necessarily} == set.intersection(*liable)
            assert {c.args for c in status.possibly} == set.union(*liable)


def test_inducement_outcomes_under_strict_by_hand(enumerations: dict[str, Enumeration]) -> None:
    """D11: intent, or repeated suggestive prompts with a highly similar output, makes the user primary
    and the provider joint; D10: knowledge (or a naming prompt) without inducement makes the user secondary."""
    result = enumerations[str(CASES_DIR / "scenario_inducement_unknowns.yaml")].regimes[0]
    assert result.regime == "strict"
    liable = {frozenset(c.args[:2] for c in o.conclusions if c.pred == "liable"): o for o in result.outcomes}
    assert set(liable) == {
        frozenset({("acme", "primary")}),
        frozenset({("acme", "joint"), ("bob", "primary")}),
        frozenset({("acme", "primary"), ("bob", "secondary")}),
    }
    induced = liable[frozenset({("acme", "joint"), ("bob", "primary")})]
    assert {str(i) for i in induced.condition} == {
        "intent_proven(bob, o1)", "highly_similar(o1, w1) and repeated_suggestive_prompts(bob, o1, w1)"}
    assert liable[frozenset({("acme", "primary")})].default
    # 7 free facts, fault_proven/fault_rebutted never both (3 ways), labels_outputs false (no_ai_labels stated)
    assert result.worlds == 2 ** 7 * 3
    statuses = {s.subject: s.status for s in result.subjects}
    assert statuses == {"acme": "necessarily", "bob": "possibly", "rh": "never"}


def test_open_points_are_part_of_conditions(enumerations: dict[str, Enumeration]) -> None:
    result = enumerations[str(CASES_DIR / "unknown_human_contribution.yaml")]
    assert result.open_points == ()
    own = enumerations[str(CASES_DIR / "scenario_ownership_open.yaml")]
    assert own.open_points == ("default_owner",)
    strict = own.regimes[0]
    provider_owns = [o for o in strict.outcomes
                     if ("copyright", ("o1", "work", "acme", "commissioned_provider")) in _outcome_key(o.conclusions)]
    assert provider_owns
    for outcome in provider_owns:
        for implicant in outcome.condition:
            assert ScenarioLiteral(None, "default_owner", "provider") in implicant.literals


def test_count_limit_and_outcome_limit(kb: KnowledgeBase) -> None:
    case = kb.load_case(CASES_DIR / "scenario_inducement_unknowns.yaml")
    uncounted = enumerate_outcomes(kb, case, limits=ScenarioLimits(count_limit=100))
    assert uncounted.regimes[0].worlds is None
    assert all(o.worlds is None for o in uncounted.regimes[0].outcomes)
    with pytest.raises(ScenarioLimitError) as err:
        enumerate_outcomes(kb, case, limits=ScenarioLimits(max_outcomes=2))
    assert "--max-outcomes" in str(err.value)
    with pytest.raises(ScenarioLimitError) as err:
        enumerate_outcomes(kb, case, limits=ScenarioLimits(time_limit=1e-9))
    assert "--time-limit" in str(err.value)


def test_listed_worlds_are_every_world_with_its_outcome(kb: KnowledgeBase) -> None:
    path = CASES_DIR / "scenario_ownership_open.yaml"
    result = enumerate_outcomes(kb, kb.load_case(path), list_worlds=True).regimes[0]
    table = brute(str(path), "strict")
    assert result.listed is not None and len(result.listed) == len(table)
    for world in result.listed:
        key = tuple(sorted((_literal_key(x) for x in world.literals), key=repr))
        match = [w for w in table if sorted(w, key=repr) == list(key)]
        assert len(match) == 1
        assert table[match[0]] == _outcome_key(result.outcomes[world.outcome].conclusions)


# -------------------------------------------------------- explain commands --
def test_explain_commands_name_the_world(kb: KnowledgeBase, enumerations: dict[str, Enumeration]) -> None:
    result = enumerations[str(CASES_DIR / "scenario_ownership_open.yaml")].regimes[0]
    seen_quoted = False
    for outcome in result.outcomes:
        for implicant in outcome.condition:
            words = shlex.split(implicant.explain)
            assert words[:3] == ["aigc-kb", "explain", str(CASES_DIR / "scenario_ownership_open.yaml")]
            assert words[words.index("--regime") + 1] == "strict"
            assumed = {}
            for k, word in enumerate(words):
                if word == "--assume":
                    text, _, value = words[k + 1].rpartition("=")
                    terms, problems = parse_fact_file(text + ".", "x", "pl")
                    assert not problems
                    fact = Fact(terms[0].name, tuple(a.name for a in terms[0].args))
                    assumed[fact] = value
                    seen_quoted |= "'Nakamura Studio'" in text
            expected = {x.fact: x.value for x in implicant.literals if x.fact is not None}
            assert assumed == expected
            assert "--set" in words and words[words.index("--set") + 1].startswith("default_owner=")
    assert seen_quoted


# -------------------------------------------------------------- must-prove --
def _goals(case: Case) -> list[tuple[str, bool]]:
    parties = [f.args[0] for f in case.facts if f.pred == "party"]
    goals = [(f"liable({p},_,_,_)", avoid) for p in parties if p.isidentifier() for avoid in (False, True)]
    goals += [("copyright(o1,work,_,_)", False), ("defense(acme,safe_harbor,accepted)", False)]
    return goals


def _holds(pattern: object, outcome: Outcome) -> bool:
    return any(pred == pattern.pred and pattern.matches(pred, args) for pred, args in outcome)  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=[p.stem for p in SCENARIO_FILES])
@pytest.mark.parametrize("regime", ["strict", "notice_and_takedown"])
def test_must_prove_sets_suffice_and_are_minimal(path: Path, regime: str, kb: KnowledgeBase) -> None:
    case = kb.load_case(path)
    table = brute(str(path), regime)
    facts = [f for f in case.unknown]
    for goal, avoid in _goals(case):
        if goal.startswith("defense(acme") and "acme" not in {f.args[0] for f in case.facts}:
            continue
        if goal.startswith("copyright(o1") and "o1" not in {f.args[0] for f in case.facts}:
            continue
        pattern = parse_conclusion(goal, case, kb.vocab)
        result = must_prove(kb, case, goal, avoid=avoid, regime=regime)

        def settles(cube: list[tuple[tuple[str, object], str]]) -> bool:
            worlds = _worlds_of(table, cube)
            return bool(worlds) and all(_holds(pattern, table[w]) != avoid for w in worlds)

        assert result.possible == any(_holds(pattern, o) != avoid for o in table.values())
        returned = [[_literal_key(x) for x in s.literals] for s in result.sets]
        for cube in returned:
            assert all(var[0] == "fact" for var, _ in cube)
            assert settles(cube), (goal, avoid, cube)
            for k in range(len(cube)):
                assert not settles(cube[:k] + cube[k + 1:]), (goal, avoid, cube, "not minimal")
        if len(facts) <= 7:   # completeness: every minimal set is returned
            expected = []
            for size in range(len(facts) + 1):
                for chosen in combinations(facts, size):
                    for values in product(("true", "false"), repeat=size):
                        cube = [(("fact", f), v) for f, v in zip(chosen, values)]
                        if settles(cube) and not any(set(e) <= set(cube) for e in expected):
                            expected.append(cube)
            assert {frozenset(c) for c in returned} == {frozenset(e) for e in expected}, (goal, avoid)


def test_must_prove_by_hand(kb: KnowledgeBase) -> None:
    case = kb.load_case(CASES_DIR / "scenario_inducement_unknowns.yaml")
    bob = must_prove(kb, case, "liable(bob,primary,_,_)")
    assert {str(s) for s in bob.sets} == {
        "intent_proven(bob, o1)", "highly_similar(o1, w1) and repeated_suggestive_prompts(bob, o1, w1)"}
    # under fault the provider is liable only on proven fault (D13), whatever else is proven
    acme = must_prove(kb, case, "liable(acme,_,_,_)", regime="fault")
    assert [str(s) for s in acme.sets] == ["fault_proven(acme)"]
    # to keep it off under notice-and-takedown: no notice, or prompt removal (D15)
    avoid = must_prove(kb, case, "liable(acme,_,_,_)", avoid=True, regime="notice_and_takedown")
    assert {str(s) for s in avoid.sets} == {"not notice_received(acme, o1)", "removed_promptly(acme, o1)"}
    always = must_prove(kb, case, "liable(acme,_,_,_)")
    assert [s.literals for s in always.sets] == [()]
    never = must_prove(kb, case, "liable(rh,_,_,_)")
    assert not never.possible and never.sets == ()


@pytest.mark.parametrize("text, message", [
    ("liable(acme,_,_)", "takes 4 arguments"),
    ("liable(zed,_,_,_)", "not a party of the case"),
    ("liable(acme,sole,_,_)", "not a kind"),
    ("owns_copyright(rh,w1)", "unknown output predicate"),
    ("liable(acme,_,_,_", "expected"),
    ("liable(X,_,_,_)", "X is a variable"),
    ("liable(acme,_,_,_). liable(bob,_,_,_)", "expected exactly one atom"),
])
def test_bad_goals_are_input_errors(kb: KnowledgeBase, text: str, message: str) -> None:
    case = kb.load_case(CASES_DIR / "scenario_inducement_unknowns.yaml")
    with pytest.raises(InputError) as err:
        parse_conclusion(text, case, kb.vocab)
    assert message in str(err.value)


def test_goal_wildcards_and_quoted_names(kb: KnowledgeBase) -> None:
    case = kb.load_case(CASES_DIR / "scenario_ownership_open.yaml")
    pattern = parse_conclusion("copyright(o2, work, 'Nakamura Studio', _)", case, kb.vocab)
    assert pattern.args == ("o2", "work", "Nakamura Studio", None)
    result = must_prove(kb, case, pattern)
    assert {str(s) for s in result.sets} == {
        "human_contribution(carol, o2) and acting_for(carol, Nakamura Studio)"}


# ----------------------------------------------------------------- compare --
REAL_FILES = sorted(CASES_DIR.glob("real_*.yaml"))


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.stem for p in REAL_FILES])
def test_compare_agrees_with_the_asp_engine_on_every_real_case(path: Path, kb: KnowledgeBase) -> None:
    case = kb.load_case(path)
    result = compare_regimes(kb, case)
    assert result.regimes == REGIMES
    for regime in REGIMES:
        asp = {c.key() for c in kb.evaluate(case, "asp", regime).conclusions}
        shown = {r.conclusion.key() for r in result.rows if r.holds(regime)}
        assert shown == asp, regime
    for row in result.rows:
        assert row.divergent == (len({row.holds(r) for r in REGIMES}) == 2)


def test_compare_by_hand(kb: KnowledgeBase) -> None:
    ultraman = compare_regimes(kb, kb.load_case(CASES_DIR / "real_ultraman.yaml"))
    rows = {str(r.conclusion): r for r in ultraman.rows}
    liable = rows["liable(tab_operator, primary, reproduction, generation)"]
    # strict regardless of fault; fault and presumed fault on the proven breaches and fault;
    # notice-and-takedown: no notice and no knowledge, so the safe harbour holds (D13, D15)
    assert [liable.holds(r) for r in REGIMES] == [True, True, True, False] and liable.divergent
    assert [rows["defense(tab_operator, safe_harbor, accepted)"].holds(r) for r in REGIMES] == [False] * 3 + [True]
    assert not rows["copyright(dyna_copy, not_a_work, none, no_human_contribution)"].divergent
    fault = compare_regimes(kb, kb.load_case(CASES_DIR / "unknown_fault_proven.yaml"))
    # fault_proven is no provider duty: the claimant bears it under every regime (catalogue, burden of proof)
    assert fault.unknown == (("fault_proven(acme)", tuple((r, "claimant") for r in REGIMES)),)
    rows = {str(r.conclusion): r for r in fault.rows}
    # the unknown fault_proven is not proven: under fault the claimant, who bears it, loses (D13)
    assert [rows["liable(acme, primary, reproduction, generation)"].holds(r) for r in REGIMES] == \
        [True, True, False, False]
    assert rows["liable(bob, primary, reproduction, generation)"].holds("notice_and_takedown")


def test_compare_takes_each_regimes_burden_from_the_kb(kb: KnowledgeBase) -> None:
    """Catalogue, burden of proof: "that the provider met every duty | the provider | presumed_fault with
    presumed_fault_burden=full_reversal"; otherwise the party relying on due diligence bears it."""
    case = kb.load_case(CASES_DIR / "unknown_fault_proven.yaml")
    case = replace(case, unknown=(Fact("due_diligence", ("acme", "gen")),))
    reversed_ = compare_regimes(kb, case, {"presumed_fault_burden": "full_reversal"})
    [(fact, burdens)] = reversed_.unknown
    assert fact == "due_diligence(acme, gen)"
    assert dict(burdens) == {"strict": "relying_party", "presumed_fault": "provider", "fault": "relying_party",
                             "notice_and_takedown": "relying_party"}
    assert "provider under presumed_fault" in comparison_text(reversed_)
    [(_, burdens)] = compare_regimes(kb, case).unknown  # breach proven, fault presumed: no shift
    assert {b for _, b in burdens} == {"relying_party"}


def test_compare_refuses_open_points(kb: KnowledgeBase) -> None:
    case = kb.load_case(CASES_DIR / "scenario_ownership_open.yaml")
    with pytest.raises(InputError) as err:
        compare_regimes(kb, case)
    assert "default_owner" in str(err.value)
    assert compare_regimes(kb, case, {"default_owner": "contributing_human"}).rows


# ------------------------------------------------------------------- flips --
def test_flips_are_confirmed_by_the_asp_engine(kb: KnowledgeBase) -> None:
    case = kb.load_case(CASES_DIR / "unknown_user_knowledge.yaml")
    report = find_flips(kb, case)

    def liable(c: Case) -> set[tuple[str, ...]]:
        return {x.args for x in kb.evaluate(c, "asp").of("liable")}

    before = liable(case)
    assert {c.args for c in report.baseline} == before
    for flip in report.flips:
        facts = (case.facts + (flip.fact,)) if flip.change == "added" else tuple(f for f in case.facts if f != flip.fact)
        after = liable(replace(case, facts=facts))
        assert {c.args for c in flip.gained} == after - before, str(flip)
        assert {c.args for c in flip.lost} == before - after, str(flip)
        assert after != before
    flips = {str(f): f for f in report.flips}
    # by hand: D10 knowledge makes the user secondary; D11 intent makes it primary and the provider joint
    assert [str(c) for c in flips["+ user_knew(bob, o1)"].gained] == ["liable(bob, secondary, reproduction, generation)"]
    assert {str(c) for c in flips["+ intent_proven(bob, o1)"].gained} == {
        "liable(acme, joint, reproduction, generation)", "liable(bob, primary, reproduction, generation)"}
    assert [str(c) for c in flips["- substantially_similar(o1, w1)"].lost] == [
        "liable(acme, primary, reproduction, generation)"]
    assert "+ risk_warning(acme)" not in flips      # strict: duties do not matter (D13)


def test_flips_are_complete(kb: KnowledgeBase) -> None:
    """Every single-fact change not reported leaves the liable conclusions as they are."""
    case = kb.load_case(CASES_DIR / "unknown_fault_proven.yaml")
    report = find_flips(kb, case, regime="fault")
    reported = {(f.change, f.fact) for f in report.flips}
    entities: dict[str, list[str]] = {}
    for f in case.facts:
        if f.pred in ENTITY_TYPES:
            entities.setdefault(f.pred, []).append(f.args[0])
    by_type = {**entities, **{union: [name for member in members for name in entities.get(member, [])]
                              for union, members in UNION_TYPES.items()}}
    stated = set(case.facts)
    base = {c.args for c in kb.evaluate(case, "prolog", "fault").of("liable")}
    tried = 0
    for name, spec in kb.vocab.inputs.items():
        if name in ENTITY_TYPES:
            continue
        domains = [kb.vocab.enums.get(t) or by_type.get(t, []) for t in spec.args]
        for args in product(*domains):
            fact = Fact(name, tuple(args))
            if fact in stated:
                change, facts = "removed", tuple(f for f in case.facts if f != fact)
            elif _violates_conflict(kb, stated | {fact}):
                assert fact in report.skipped
                continue
            else:
                change, facts = "added", case.facts + (fact,)
            tried += 1
            after = {c.args for c in kb.evaluate(replace(case, facts=facts), "prolog", "fault").of("liable")}
            assert ((change, fact) in reported) == (after != base), (change, fact)
    assert tried == report.candidates
    # under fault, a proven fault makes the provider liable (D13)
    assert ("added", Fact("fault_proven", ("acme",))) in reported
    assert Fact("complaint_mechanism", ("acme",)) in report.skipped


def test_flips_candidate_limit(kb: KnowledgeBase) -> None:
    case = kb.load_case(CASES_DIR / "real_ultraman.yaml")
    with pytest.raises(ScenarioLimitError) as err:
        find_flips(kb, case, limits=ScenarioLimits(max_candidates=10))
    assert "--max-candidates" in str(err.value)


# --------------------------------------------------------------------- CLI --
def test_cli_commands() -> None:
    case = str(CASES_DIR / "scenario_inducement_unknowns.yaml")
    done = run_cli("enumerate", case, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["regimes"][0]["regime"] == "strict" and len(data["regimes"][0]["outcomes"]) == 3
    assert all(o["explain"].startswith("aigc-kb explain ") for o in data["regimes"][0]["outcomes"])
    done = run_cli("enumerate", case, "--max-outcomes", "1")
    assert done.returncode == 2 and "--max-outcomes" in done.stderr
    done = run_cli("must-prove", case, "--goal", "liable(bob,primary,_,_)")
    assert done.returncode == 0 and "intent_proven(bob, o1)" in done.stdout
    done = run_cli("must-prove", case, "--goal", "liable(nobody,_,_,_)")
    assert done.returncode == 2 and "<command line>" in done.stderr and done.stdout == ""
    done = run_cli("compare", str(CASES_DIR / "real_ultraman.yaml"), "--divergent")
    assert done.returncode == 0 and "<> liable(tab_operator, primary, reproduction, generation)" in done.stdout
    done = run_cli("flips", str(CASES_DIR / "unknown_user_knowledge.yaml"), "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["flips"]


# ------------------------------------------------------------- the solver --
def test_drop_redundant_removes_covered_cubes(kb: KnowledgeBase) -> None:
    """The irredundancy step on its own: a cover plus cubes it already covers loses exactly those."""
    from aigc_kb.scenario.outcomes import scenario_reading
    from aigc_kb.scenario.implicants import drop_redundant
    from aigc_kb.scenario.limits import Deadline
    from aigc_kb.scenario.solver import ScenarioSolver
    from aigc_kb.scenario.space import Space

    case = kb.load_case(CASES_DIR / "scenario_inducement_unknowns.yaml")
    reading = scenario_reading(kb, case, "strict")
    space = Space.of(case, reading, kb.vocab)
    solver = ScenarioSolver(kb.paths, case, reading, space, (), Deadline(60))
    index = {str(v.fact): i for i, v in enumerate(space.variables)}
    intent, similar, prompts = (index["intent_proven(bob, o1)"], index["highly_similar(o1, w1)"],
                                index["repeated_suggestive_prompts(bob, o1, w1)"])
    knew = index["user_knew(bob, o1)"]
    cover = [((intent, "true"),), ((similar, "true"), (prompts, "true"))]
    inside_both = ((intent, "true"), (knew, "true"))                        # inside the first cube
    consensus = ((similar, "true"), (prompts, "true"), (knew, "false"))     # inside the second
    assert drop_redundant(solver, cover + [inside_both, consensus]) == sorted(cover, key=lambda c: (len(c), c))
    # a cube covered only by two others together is redundant as well
    split = [((knew, "true"),), ((knew, "false"),)]
    assert drop_redundant(solver, [((intent, "true"),)] + split) == [((knew, "false"),), ((knew, "true"),)]
