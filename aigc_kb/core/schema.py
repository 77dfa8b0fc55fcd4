"""The JSON Schema of case files, generated from the vocabulary, and a quick check against it.

:func:`conforms` decides, for the few keywords :func:`case_schema` uses, that
a document is valid without importing a full validator; anything it does not
know makes it answer ``False``, and the caller then runs ``jsonschema``, which
also words the problems.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from .lang import LANGUAGES
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
            # display names of the entities per language (identifiers never change): names.tencent.zh
            "names": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": False,
                    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
                },
            },
        },
    }


# ------------------------------------------------------------ quick check --
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}
#: Keywords that never make a document invalid.
_ANNOTATIONS = frozenset({"$schema", "title", "description"})


class _Unhandled(Exception):
    """A keyword, or a form of one, that :func:`conforms` does not decide."""


def conforms(schema: dict[str, Any], instance: Any) -> bool:
    """Whether ``instance`` is valid against ``schema``, for the keywords :func:`case_schema` uses.

    ``True`` only when the instance is valid under JSON Schema draft 2020-12;
    ``False`` when it is not, or when deciding needs a keyword (or a form of
    one) not handled here.  A ``False`` is therefore to be settled by a full
    validator.
    """
    try:
        return _valid(schema, instance)
    except _Unhandled:
        return False


def _valid(schema: dict[str, Any], instance: Any) -> bool:
    """Whether ``instance`` is valid against ``schema``; :class:`_Unhandled` when that cannot be told here."""
    return all(keyword in _ANNOTATIONS or _holds(keyword, value, schema, instance)
               for keyword, value in schema.items())


def _holds(keyword: str, value: Any, schema: dict[str, Any], instance: Any) -> bool:
    """Whether ``instance`` satisfies one keyword of ``schema``."""
    if keyword == "type":
        types = value if isinstance(value, list) else [value]
        if not all(t in _TYPES for t in types):
            raise _Unhandled(keyword)
        return any(_TYPES[t](instance) for t in types)
    if keyword == "enum":
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise _Unhandled(keyword)
        # jsonschema compares strings by equality only: a non-string never equals a string.
        return isinstance(instance, str) and instance in value
    if keyword == "oneOf":
        return sum(_valid(sub, instance) for sub in value) == 1
    applies = _APPLICABLE.get(keyword)
    if applies is None:
        raise _Unhandled(keyword)
    if not applies(instance):  # a keyword for another kind of instance holds
        return True
    if keyword == "minLength":
        return bool(len(instance) >= value)
    if keyword == "pattern":
        return re.search(value, instance) is not None
    if keyword == "items":
        if not isinstance(value, dict) or "prefixItems" in schema:
            raise _Unhandled(keyword)
        return all(_valid(value, item) for item in instance)
    if keyword in ("minItems", "minProperties"):
        return bool(len(instance) >= value)
    if keyword in ("maxItems", "maxProperties"):
        return bool(len(instance) <= value)
    if keyword == "properties":
        return all(_valid(sub, instance[key]) for key, sub in value.items() if key in instance)
    if keyword == "additionalProperties":
        if "patternProperties" in schema or not (value is False or isinstance(value, dict)):
            raise _Unhandled(keyword)
        named = schema.get("properties", {})
        if value is False:
            return all(key in named for key in instance)
        return all(_valid(value, instance[key]) for key in instance if key not in named)  # the `names:` map
    if keyword == "required":
        return all(key in instance for key in value)
    # propertyNames
    return all(_valid(value, key) for key in instance)


#: The keywords handled for one kind of instance, and the test of that kind.
_APPLICABLE: dict[str, Callable[[Any], bool]] = {
    **{k: _TYPES["string"] for k in ("minLength", "pattern")},
    **{k: _TYPES["array"] for k in ("items", "minItems", "maxItems")},
    **{k: _TYPES["object"] for k in ("properties", "additionalProperties", "required", "propertyNames",
                                     "minProperties", "maxProperties")},
}
