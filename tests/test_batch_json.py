"""JSON text written by orjson is the standard library's text, character for character."""

from __future__ import annotations

import json
from typing import Any

import pytest

from aigc_kb import KnowledgeBase
from aigc_kb.commands.evaluate import json_text

from .conftest import CASE_FILES


@pytest.mark.parametrize("engine", ["prolog", "asp"])
def test_evaluation_json_is_the_standard_library_s_text(kb: KnowledgeBase, engine: str) -> None:
    # every fifth case that evaluate reads (the scenario cases leave a choice point open: enumerate reads them)
    for path in [p for p in CASE_FILES if not p.name.startswith("scenario_")][::5]:
        result = kb.evaluate(kb.load_case(path), engine=engine).as_dict(kb.vocab)
        assert json_text(result, indent=2) == json.dumps(result, ensure_ascii=False, indent=2)
        assert json_text(result) == json.dumps(result, ensure_ascii=False)


@pytest.mark.parametrize("value", [
    {"name": "ünïcødé \u2028 \"quoted\" \\ tab\t", "ok": True, "none": None, "empty": [], "nested": {"a": [{}]}},
    {"surrogate": "\ud800"},
    {"big": 2 ** 70},
    {"nan": float("nan"), "x": 1.5},
    {1: "int key"},
])
def test_odd_values_are_written_as_the_standard_library_writes_them(value: Any) -> None:
    assert json_text(value, indent=2) == json.dumps(value, ensure_ascii=False, indent=2)
