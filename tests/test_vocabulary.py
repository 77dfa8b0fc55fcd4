"""The vocabulary is well formed, and everything generated from it is current."""

from __future__ import annotations

import re

import jsonschema

from aigc_kb import KnowledgeBase
from aigc_kb.core.reference import vocabulary_markdown
from aigc_kb.core.schema import case_schema

from .conftest import ROOT


def test_every_argument_type_is_known(kb: KnowledgeBase) -> None:
    for pred in kb.vocab.inputs.values():
        for type_name in pred.args:
            assert kb.vocab.is_known_type(type_name), (pred.name, type_name)
    for out in kb.vocab.outputs.values():
        for type_name in out.arg_types:
            assert kb.vocab.is_known_type(type_name), (out.name, type_name)


def test_inputs_cite_existing_doctrines_and_every_doctrine_is_read_or_concluded(kb: KnowledgeBase) -> None:
    ids = set(kb.vocab.doctrines)
    assert sorted(ids) == [f"D{n:02d}" for n in range(1, len(ids) + 1)], "doctrine ids D01.. without a gap"
    for pred in kb.vocab.inputs.values():
        assert set(pred.doctrines) <= ids, pred.name
        assert pred.burden in {"claimant", "relying_party", "copyright_claimant"}, pred.name


def test_choice_point_defaults_are_positions(kb: KnowledgeBase) -> None:
    for point in kb.vocab.choice_points.values():
        assert point.default in point.positions
        assert "open" not in point.positions
        assert point.doctrine in kb.vocab.doctrines


def test_conflicting_predicates_have_equal_signatures(kb: KnowledgeBase) -> None:
    for first, second in kb.vocab.conflicts:
        assert kb.vocab.inputs[first].args == kb.vocab.inputs[second].args


def test_case_schema_is_a_valid_json_schema(kb: KnowledgeBase) -> None:
    jsonschema.Draft202012Validator.check_schema(case_schema(kb.vocab))


def test_generated_vocabulary_page_is_current(kb: KnowledgeBase) -> None:
    page = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert page == vocabulary_markdown(kb.vocab), "run `make docs` to regenerate docs/vocabulary.md"


def test_doctrine_table_matches_the_catalogue_ids_and_sections(kb: KnowledgeBase) -> None:
    for doctrine in kb.vocab.doctrines.values():
        assert re.fullmatch(r"D\d\d", doctrine.id)
        assert doctrine.sections and all(re.fullmatch(r"\d(\.\d)?", s) for s in doctrine.sections), doctrine
