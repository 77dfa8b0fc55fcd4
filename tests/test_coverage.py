"""``aigc-kb coverage``: which rules of each engine the cases fire.

The expected firings are read off the rules and the case files by hand:
a rule fires for a case reading when its body holds with the case's facts.
"""

from __future__ import annotations

import json

import pytest

from aigc_kb import KnowledgeBase
from aigc_kb.devtools.coverage import CoverageReport, coverage
from aigc_kb.core.model import Case

from .conftest import CASES_DIR, run_cli

#: The rules no case fires, and why.  Coverage may only shrink this list.
KNOWN_UNFIRED = {
    "prolog": set(),
    "asp": {
        # the reading of a case always sets the regime and every choice point
        # (set_regime/1, set_position/2): the defaults of declarations.lp fire only
        # for an instance that leaves them out (kb/asp_tests), ...
        "r_d13_regime_default", "r_d03_cp_default", "r_d08_cp_default", "r_d11_cp_default",
        "r_d12_cp_default", "r_d13_cp_default", "r_d19_cp_default", "r_d22_cp_default",
        "r_d25_cp_default", "r_d17_cp_default", "r_d13_cp_provider_own_dissemination_default",
        # ... and the choice over every position only for the position `open`,
        # which evaluation refuses (scenario commands enumerate it)
        "r_d13_regime_open", "r_d03_cp_open", "r_d08_cp_open", "r_d11_cp_open",
        "r_d12_cp_open", "r_d13_cp_open", "r_d19_cp_open", "r_d22_cp_open",
        "r_d25_cp_open", "r_d17_cp_open", "r_d13_cp_provider_own_dissemination_open",
    },
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase()


@pytest.fixture(scope="module")
def all_cases(kb: KnowledgeBase) -> list[Case]:
    return [kb.load_case(path) for path in sorted(CASES_DIR.glob("*.yaml"))]


@pytest.fixture(scope="module")
def full(kb: KnowledgeBase, all_cases: list[Case]) -> CoverageReport:
    return coverage(kb, all_cases)


def case(kb: KnowledgeBase, name: str) -> Case:
    return kb.load_case(CASES_DIR / f"{name}.yaml")


def test_every_doctrine_has_rules_in_both_engines_and_cases(kb: KnowledgeBase, full: CoverageReport) -> None:
    assert [d.doctrine for d in full.doctrines] == kb.vocab.doctrine_ids()
    for d in full.doctrines:
        assert d.prolog_rules, f"{d.doctrine}: no Prolog rule"
        assert d.asp_rules, f"{d.doctrine}: no ASP rule"
        assert {sign for _, sign in d.cases} == {"+", "-"}, f"{d.doctrine}: cases {d.cases}"


def test_rules_no_case_fires_are_the_known_ones(full: CoverageReport) -> None:
    for engine, known in KNOWN_UNFIRED.items():
        unfired = {r.id for r in full.unfired(engine)}
        assert unfired <= known, f"{engine}: newly unfired {sorted(unfired - known)}"
    assert len(full.unfired("prolog")) == 0
    assert len(full.unfired("asp")) <= len(KNOWN_UNFIRED["asp"])


def test_known_unfired_rules_exist(full: CoverageReport) -> None:
    # the list above names real rules (a renamed rule must be renamed there too)
    for engine, known in KNOWN_UNFIRED.items():
        ids = {r.id for r in full.engine_rules(engine)}
        assert known <= ids, sorted(known - ids)


def test_rules_fire_per_rule_and_per_reading(kb: KnowledgeBase) -> None:
    # d13_fault_regime_pos: acme provides gen, runs no complaint mechanism,
    # its fault is proven; read under `fault` and under `paper` (strict).
    report = coverage(kb, [case(kb, "d13_fault_regime_pos")])
    both = ("d13_fault_regime_pos/fault", "d13_fault_regime_pos/paper")
    for engine in ("prolog", "asp"):
        # breach(P) by a missing complaint mechanism holds whatever the regime
        assert report.rule(engine, "r_d14_breach_no_complaint_mechanism").fired_by == both
        # another rule for the same head breach/1 needs breach_proven/1: not stated
        assert report.rule(engine, "r_d14_breach_proven").fired_by == ()
        # fault-based provider liability needs the regime fault
        assert report.rule(engine, "r_d13_fault").fired_by == ("d13_fault_regime_pos/fault",)
    assert report.cases == 1 and report.readings == 2


def test_case_data_reaches_prolog_intact(kb: KnowledgeBase) -> None:
    # names_arbitrary_syntax: the user '%p %s' prompts naming the work 'C:\new\table',
    # which output '42' copies; no user_knew/2 fact
    report = coverage(kb, [case(kb, "names_arbitrary_syntax")])
    for engine in ("prolog", "asp"):
        assert report.rule(engine, "r_d10_prompt_names_work").fired_by == ("names_arbitrary_syntax/paper",)
        assert report.rule(engine, "r_d10_user_knew").fired_by == ()


def test_no_cases_fire_no_rule(kb: KnowledgeBase) -> None:
    report = coverage(kb, [])
    assert report.rules and not [r for r in report.rules if r.fired]
    assert all(not d.cases for d in report.doctrines)


def test_cli_text_and_json() -> None:
    path = str(CASES_DIR / "d13_fault_regime_pos.yaml")
    proc = run_cli("coverage", path, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    rules = {(r["engine"], r["id"]): r for r in data["rules"]}
    assert rules[("prolog", "r_d13_fault")]["fired_by"] == ["d13_fault_regime_pos/fault"]
    d13 = next(d for d in data["doctrines"] if d["doctrine"] == "D13")
    assert {"case": "d13_fault_regime_pos", "sign": "+"} in d13["cases"]
    assert data["summary"]["cases"] == 1
    proc = run_cli("coverage", path)
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.splitlines()[-1]
    assert last.startswith(f"{len(KnowledgeBase().vocab.doctrines)} doctrines") and "1 cases, 2 readings" in last
