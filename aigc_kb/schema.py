"""The JSON Schema of case files, generated from the vocabulary."""

from __future__ import annotations

from typing import Any

from .vocabulary import OPEN, Vocabulary

_NAME = {"type": "string", "minLength": 1}
_NAME_OR_NULL = {"type": ["string", "null"], "minLength": 1}


def _fact_value(arity: int) -> dict[str, Any]:
    if arity == 1:
        return {"oneOf": [_NAME, {"type": "array", "items": _NAME, "minItems": 1, "maxItems": 1}]}
    return {"type": "array", "items": _NAME, "minItems": arity, "maxItems": arity}


def _positions(vocab: Vocabulary, allow_open: bool) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            name: {"enum": list(point.positions) + ([OPEN] if allow_open else [])}
            for name, point in vocab.choice_points.items()
        },
    }


def case_schema(vocab: Vocabulary) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for case files of this vocabulary.

    It checks structure: names of predicates and keys, arities, enumerated
    positions and doctrine IDs.  Whether an argument names a declared entity of
    the right type is checked by the validator, which also knows lines.
    """
    fact = {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "propertyNames": {"enum": sorted(vocab.inputs)},
        "properties": {name: _fact_value(p.arity) for name, p in vocab.inputs.items()},
    }
    doctrine = {"enum": vocab.doctrine_ids()}
    expectation = {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 2,
        "propertyNames": {"enum": sorted(vocab.outputs) + ["because"]},
        "properties": {
            **{
                name: {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {arg: _NAME_OR_NULL for arg in p.arg_names},
                }
                for name, p in vocab.outputs.items()
            },
            "because": {"type": "array", "items": doctrine},
        },
    }
    reading = {
        "type": "object",
        "additionalProperties": False,
        "required": ["reading"],
        "properties": {
            "reading": _NAME,
            "regime": {"enum": list(vocab.regimes)},
            "positions": _positions(vocab, allow_open=False),
            "holds": {"type": "array", "items": expectation},
            "absent": {"type": "array", "items": expectation},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "aigc-kb case file",
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "facts"],
        "properties": {
            "id": {"type": "string", "pattern": "^[A-Za-z0-9_.-]+$"},
            "title": {"type": "string"},
            "source": {"type": "string"},
            "tests": {"type": "array", "items": {"type": "string", "pattern": "^D[0-9]{2}[+-]$"}},
            "variant_of": {"type": "string"},
            "differs_by": {
                "type": "object",
                "minProperties": 1,
                "maxProperties": 1,
                "additionalProperties": False,
                "properties": {"added": fact, "removed": fact,
                               "position": {**_positions(vocab, allow_open=False),
                                            "minProperties": 1, "maxProperties": 1}},
            },
            "facts": {"type": "array", "items": fact},
            "unknown": {"type": "array", "items": fact},
            "positions": _positions(vocab, allow_open=True),
            "expect": {"type": "array", "items": reading},
        },
    }
