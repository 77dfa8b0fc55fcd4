"""Every bundled case: hand-derived expectations hold on both engines, which agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_kb import Case, KnowledgeBase, check_case

from .conftest import CASE_FILES


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case_expectations_and_agreement(kb: KnowledgeBase, all_cases: dict[str, Case], path: Path) -> None:
    case = kb.load_case(path)
    assert case.id == path.stem, "a case's id is its file name"
    report = check_case(kb, case, all_cases)
    assert report.ok, "\n".join(str(f) for f in report.failures)


def test_every_doctrine_has_a_positive_and_a_negative_case(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    signs: dict[str, set[str]] = {d: set() for d in kb.vocab.doctrines}
    for case in all_cases.values():
        for doctrine, sign in case.tests:
            signs[doctrine].add(sign)
    missing = {d: {"+", "-"} - s for d, s in signs.items() if s != {"+", "-"}}
    assert not missing, missing


def test_every_doctrine_pair_differs_by_one_named_change(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    for doctrine in kb.vocab.doctrines:
        negatives = [c for c in all_cases.values() if (doctrine, "-") in c.tests and c.variant_of]
        positives = [c for c in all_cases.values() if (doctrine, "+") in c.tests and c.variant_of]
        assert negatives or positives, f"{doctrine}: no case pair linked by variant_of/differs_by"


def test_every_case_with_expectations_expects_something(all_cases: dict[str, Case]) -> None:
    for case in all_cases.values():
        for block in case.expect:
            assert block.holds or block.absent, f"{case.id}/{block.reading.name} expects nothing"
