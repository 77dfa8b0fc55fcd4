"""The issue-13 areas of the generator: valid, seeded worlds that reach each edge the invariants guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_kb import Fact, KnowledgeBase
from aigc_kb.devtools.generate import AREAS, FIX_AREAS, Area, area, case_to_yaml

from .conftest import run_cli


@pytest.mark.parametrize("fix_area", FIX_AREAS, ids=[a.name for a in FIX_AREAS])
def test_fix_area_worlds_are_valid_seeded_and_vary(kb: KnowledgeBase, tmp_path: Path, fix_area: Area) -> None:
    assert set(fix_area.doctrines) <= set(kb.vocab.doctrines)
    assert fix_area.world_count(kb.vocab) * len(fix_area.readings) <= 2048
    worlds = [fix_area.random_world(seed, vocab=kb.vocab) for seed in range(12)]
    assert fix_area.random_world(5, vocab=kb.vocab) == worlds[5]
    assert len({w.facts for w in worlds}) > 6
    for world in worlds[:4]:
        path = tmp_path / f"{world.id}.yaml"
        path.write_text(case_to_yaml(world, fix_area.readings), encoding="utf-8")
        assert kb.load_case(path).facts == world.facts
        for reading in fix_area.readings:
            kb.resolve(world, reading.regime, reading.position_dict())
    assert area(fix_area.name) is fix_area and fix_area not in AREAS


def _reach(*facts: str) -> set[str]:
    """The fix areas whose base and candidates hold all of ``facts`` (names as written in the area)."""
    wanted = {Fact(p.split("(")[0], tuple(a.strip() for a in p.split("(")[1].rstrip(")").split(","))) for p in facts}
    return {a.name for a in FIX_AREAS if wanted <= set(a.base) | set(a.candidates)}


def test_the_areas_reach_each_edge_of_issue_13() -> None:
    # a holder as provider, developer and user; an exclusive licensee
    assert _reach("owns_copyright(acme, w1)", "provider(acme, gen)", "developer(acme, gen)",
                  "owns_copyright(bob, w1)", "requested_by(o1, bob)", "exclusive_licensee(bob, w1)")
    # an exemption with several victims, beside another output and a training copy
    assert _reach("force_majeure(o1)", "holder_misconduct(rh1, o1)", "derivative_of(o1, w2)",
                  "substantially_similar(o2, w2)", "trained_on(gen, w2)")
    # several users under one term
    assert _reach("terms_assign_copyright(acme, bob)", "terms_assign_copyright(acme, carol)",
                  "requested_by(o1, bob)", "requested_by(o2, carol)")
    # a self-run copy of an offered model
    assert _reach("runs_itself(bob, gen)", "provider(acme, gen)", "requested_by(o1, bob)")
    # a provenance record against the owner
    assert _reach("owns_copyright(own, w1)", "provenance_record(w1, rec)", "made_available(rec, w1)")
    # an output reposted by another (outputs as protected works)
    assert _reach("human_contribution(bob, o1)", "made_available(carol, o1)", "attribution_removed(carol, o1)")
    # staff acting for an insured provider
    assert _reach("acting_for(bob, acme)", "covered_by(acme, ins, insurance)", "user_knew(bob, o1)")
    # copies of outputs in other media: a third party's, the owner's, an authorised one (issue 14)
    assert _reach("human_contribution(bob, o1)", "copy_made_by(c1, dan)", "copy_similar(c1, o1)",
                  "copy_distributed(c1, dan)", "copy_made_by(c2, bob)", "copy_authorised(c1)",
                  "substantially_similar(o1, w1)")


def test_the_areas_reach_the_last_items_of_issue_14() -> None:
    # a principal beside its agent, under force majeure, the holder's misconduct or gross negligence
    assert _reach("acting_for(emp, corp)", "requested_by(o1, emp)", "made_available(emp, o1)", "force_majeure(o1)",
                  "holder_misconduct(rh, o1)", "holder_gross_negligence(rh, o1)")
    assert any(dict(r.positions).get("exemption_scope") == "all_parties" for r in area("fix_staff_exemption").readings)
    # notice about a model trained on one work and named after another; filtering either or not
    assert _reach("model_notice_received(acme, m1)", "model_trained_on(m1, w1)", "model_named_after(m1, w2)",
                  "no_filtering(acme, w1)", "filters_updated_after_notice(acme, w2)", "substantially_similar(o2, w2)")


def test_generate_command_writes_a_fix_area(tmp_path: Path) -> None:
    proc = run_cli("generate", "--area", "fix_terms", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert len(list(tmp_path.glob("fix_terms_*.yaml"))) == area("fix_terms").world_count()
    listed = run_cli("generate", "--list-areas")
    assert "fix_terms" in listed.stdout
