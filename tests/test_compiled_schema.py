"""The case schema compiled with msgspec: it accepts only what jsonschema accepts.

The loader trusts :meth:`aigc_kb.core.schema.CompiledSchema.valid` on the
happy path and skips the other checks of the schema, so a document it accepts
must be valid under JSON Schema; a document it refuses goes to the checked
path, which words the problems as before.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import jsonschema
import pytest
import yaml

from aigc_kb import InputError, KnowledgeBase
from aigc_kb.core import loader
from aigc_kb.core.schema import CompiledSchema, case_schema, compile_schema, compiled_schema

from .conftest import CASE_FILES
from .test_cold_start import _mutated


@pytest.fixture(scope="module")
def compiled(kb: KnowledgeBase) -> CompiledSchema:
    found = compiled_schema(case_schema(kb.vocab))
    assert found is not None
    return found


def _docs() -> list[Any]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in CASE_FILES]


def test_every_bundled_case_is_valid(compiled: CompiledSchema) -> None:
    assert all(compiled.valid(doc) for doc in _docs())


def test_it_agrees_with_jsonschema_on_mutated_cases(kb: KnowledgeBase, compiled: CompiledSchema) -> None:
    validator = jsonschema.Draft202012Validator(case_schema(kb.vocab))
    docs = _docs()
    rng = random.Random(11)
    valid = refused = 0
    for _ in range(3000):
        doc = _mutated(rng.choice(docs), rng)
        expected = not any(True for _ in validator.iter_errors(doc))
        got = compiled.valid(doc)
        assert not got or expected, doc  # never accepts an invalid document
        valid += expected
        refused += expected and not got
    assert 0 < valid < 3000
    assert refused == 0  # and on data read from text it refuses none that is valid


@pytest.mark.parametrize("doc", [
    {"id": "a", "facts": [{}]},                                   # minProperties of a fact
    {"id": "a", "facts": [{"party": "x", "work": "y"}]},          # maxProperties of a fact
    {"id": "a", "facts": [{"party": ["x", "y"]}]},                # arity
    {"id": "a", "facts": [{"party": [""]}]},                      # an empty name
    {"id": "a", "facts": [{"no_such_predicate": "x"}]},           # an unknown predicate
    {"id": "a b", "facts": []},                                   # the id's pattern
    {"id": "a", "facts": [], "tests": ["D7+"]},                   # a test's pattern
    {"id": "a", "facts": [], "expect": [{"holds": []}]},          # a reading without its name
    {"id": "a", "facts": [], "expect": [{"reading": "r", "holds": [{}]}]},
    {"id": "a", "facts": [], "expect": [{"reading": "r", "holds": [{"because": ["D07"]}], "x": 1}]},
    {"id": "a", "facts": [], "differs_by": {}},
    {"id": "a", "facts": [], "differs_by": {"added": {"party": "x"}, "removed": {"party": "y"}}},
    {"id": "a", "facts": [], "names": {"x": {}}},
    {"id": "a", "facts": [], "names": {"x": {"fr": "y"}}},
    {"id": "a", "facts": [], "title": None},
    {"id": "a", "facts": [], "positions": {"no_such_point": "x"}},
    {"facts": []},
])
def test_it_refuses(compiled: CompiledSchema, doc: dict[str, Any]) -> None:
    assert not compiled.valid(doc)


def test_forms_it_does_not_compile_are_left_to_the_checked_path() -> None:
    assert compiled_schema({"type": "integer"}) is None
    assert compiled_schema({"oneOf": [{"type": "string"}, {"type": "string", "minLength": 2}]}) is None
    assert compiled_schema({"type": "object", "properties": {"a": {"type": "string"}}}) is None  # open object
    with pytest.raises(Exception):
        compile_schema({"type": "array", "items": {"type": "string"}, "uniqueItems": True})


def test_data_not_read_from_text_skip_it(kb: KnowledgeBase) -> None:
    """msgspec takes a tuple for an array; a mapping built in code is checked the long way (and refused)."""
    doc = {"id": "a", "facts": ({"party": "x"},)}
    assert compiled_schema(case_schema(kb.vocab)).valid(doc)  # type: ignore[union-attr]
    with pytest.raises(InputError):
        loader.load_case_text(doc, "a.yaml", kb.vocab)


def test_a_refused_document_is_worded_as_before(kb: KnowledgeBase, tmp_path: Any) -> None:
    doc = yaml.safe_load(CASE_FILES[0].read_text(encoding="utf-8"))
    bad = copy.deepcopy(doc)
    bad["facts"].append({"party": ["x", "y"]})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, indent=1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        kb.load_case(path)
    (problem,) = err.value.problems
    index = len(bad["facts"]) - 1
    assert problem.message == f"facts[{index}].party: party(party) takes 1 argument, 2 given"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert problem.line == max(n for n, line in enumerate(lines, 1) if '"party": [' in line)
