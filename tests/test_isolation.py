"""Each case's facts are kept apart: A then B gives exactly B's answer."""

from __future__ import annotations

import itertools

import pytest

from aigc_kb import Case, KnowledgeBase

from .conftest import CASE_FILES


@pytest.mark.parametrize("engine", ["prolog", "asp"])
def test_a_then_b_equals_b_alone(kb: KnowledgeBase, closed_cases: dict[str, Case], engine: str) -> None:
    cases = list(closed_cases.values())
    assert len(cases) >= 2
    alone = {c.id: kb.evaluate(c, engine=engine).conclusions for c in cases}
    for a, b in itertools.islice(itertools.permutations(cases, 2), 0, None, max(1, len(cases) // 3)):
        kb.evaluate(a, engine=engine)
        assert kb.evaluate(b, engine=engine).conclusions == alone[b.id], (a.id, b.id)


def test_same_case_twice_is_identical(kb: KnowledgeBase, closed_cases: dict[str, Case]) -> None:
    case = closed_cases[CASE_FILES[0].stem]
    first = kb.evaluate(case, regime="fault")
    kb.evaluate(case, regime="notice_and_takedown")
    assert kb.evaluate(case, regime="fault") == first
