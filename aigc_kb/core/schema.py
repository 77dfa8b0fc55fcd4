"""The JSON Schema of case files, generated from the vocabulary, compiled, and a quick check against it.

:func:`compile_schema` turns the schema into msgspec types once per
vocabulary; the loader's happy path asks them alone (one pass in C).

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


# ------------------------------------------------------- compiled check --
#: A path to the objects a check applies to: keys, ``"*"`` for every item of an array and ``"**"`` for
#: every value of an object.
Path = tuple[str, ...]


class CompiledSchema:
    """A case schema compiled once into msgspec types: decides validity in one pass in C.

    :func:`compile_schema` builds it from the schema :func:`case_schema`
    generates, for the keywords that schema uses.  :meth:`valid` answers
    ``True`` only for a document the schema accepts (msgspec checks types,
    lengths, enumerations and patterns and refuses unknown keys; the counts of
    keys, ``minProperties`` and ``maxProperties``, are checked after it on the
    objects that have them).  It may answer ``False`` for a valid document;
    the caller then settles it with :func:`conforms` and ``jsonschema``, which
    also word the problems.  Only for data read from YAML or JSON text (lists,
    mappings and scalars): msgspec would take a tuple or a set for an array.
    """

    def __init__(self, root: Any, counts: list[tuple[Path, int, int]]) -> None:
        self._root = root
        self._counts = counts

    def valid(self, instance: Any) -> bool:
        """Whether ``instance`` is valid (``False`` also when it may be but this cannot tell)."""
        import msgspec

        try:
            msgspec.convert(instance, self._root)
        except (msgspec.ValidationError, ValueError, TypeError):  # ValueError: a lone surrogate
            return False
        return all(_counts_hold(instance, path, low, high) for path, low, high in self._counts)


def _counts_hold(instance: Any, path: Path, low: int, high: int) -> bool:
    """Whether every object at ``path`` in ``instance`` (already checked by msgspec) has ``low``..``high`` keys."""
    if not path:
        return low <= len(instance) <= high
    step, rest = path[0], path[1:]
    if step == "*":
        if not rest:
            return all(low <= len(item) <= high for item in instance)
        return all(_counts_hold(item, rest, low, high) for item in instance)
    if step == "**":
        return all(_counts_hold(item, rest, low, high) for item in instance.values())
    return step not in instance or _counts_hold(instance[step], rest, low, high)


_COMPILED: dict[str, CompiledSchema | None] = {}


def compiled_schema(schema: dict[str, Any]) -> CompiledSchema | None:
    """``schema`` compiled (once per distinct schema), or ``None`` when it uses a form not compiled here."""
    import json

    key = json.dumps(schema, sort_keys=True)
    if key not in _COMPILED:
        try:
            _COMPILED[key] = compile_schema(schema)
        except _Unhandled:
            _COMPILED[key] = None
    return _COMPILED[key]


def compile_schema(schema: dict[str, Any]) -> CompiledSchema:
    """Compile ``schema`` into msgspec types.

    Raises
    ------
    _Unhandled
        For a keyword, or a form of one, that has no exact msgspec equivalent here.
    """
    counts: list[tuple[Path, int, int]] = []
    root = _compile(schema, (), counts, [0])
    return CompiledSchema(root, counts)


def _compile(schema: dict[str, Any], path: Path, counts: list[tuple[Path, int, int]], serial: list[int]) -> Any:
    """The msgspec type of ``schema`` (at ``path`` in documents); counts of keys to check go to ``counts``."""
    from typing import Literal, Union

    keywords = {k: v for k, v in schema.items() if k not in _ANNOTATIONS}
    if "oneOf" in keywords:
        alternatives = keywords.pop("oneOf")
        if keywords:
            raise _Unhandled("oneOf")
        kinds = [_kind(sub) for sub in alternatives]
        if len(set(kinds)) != len(kinds):  # msgspec's union picks by kind: exactly one must be possible
            raise _Unhandled("oneOf")
        return Union[tuple(_compile(sub, path, counts, serial) for sub in alternatives)]  # noqa: UP007
    if "enum" in keywords:
        values = keywords.pop("enum")
        if keywords or not values or not all(isinstance(v, str) for v in values):
            raise _Unhandled("enum")
        return Literal.__getitem__(tuple(values))
    types = keywords.pop("type", None)
    types = types if isinstance(types, list) else [types]
    nullable = "null" in types
    kinds = [t for t in types if t != "null"]
    if len(kinds) != 1:
        raise _Unhandled("type")
    (kind,) = kinds
    if kind == "string":
        meta = {"min_length": keywords.pop("minLength", None), "pattern": keywords.pop("pattern", None)}
        compiled: Any = _annotated(str, meta)
    elif kind == "array":
        items = keywords.pop("items", None)
        if not isinstance(items, dict):
            raise _Unhandled("items")
        element = _compile(items, path + ("*",), counts, serial)
        compiled = _annotated(list[element],  # type: ignore[valid-type]
                              {"min_length": keywords.pop("minItems", None),
                               "max_length": keywords.pop("maxItems", None)})
    elif kind == "object":
        compiled = _compile_object(keywords, path, counts, serial)
        keywords.clear()
    else:
        raise _Unhandled(kind)
    if keywords:
        raise _Unhandled(", ".join(keywords))
    return Union[compiled, None] if nullable else compiled  # noqa: UP007


def _annotated(base: Any, meta: dict[str, Any]) -> Any:
    from typing import Annotated

    import msgspec

    given = {k: v for k, v in meta.items() if v is not None}
    return Annotated[base, msgspec.Meta(**given)] if given else base


def _kind(schema: dict[str, Any]) -> str:
    types = schema.get("type")
    if not isinstance(types, str) or types == "null":
        raise _Unhandled("oneOf")
    return types


def _compile_object(keywords: dict[str, Any], path: Path, counts: list[tuple[Path, int, int]],
                    serial: list[int]) -> Any:
    import msgspec

    properties: dict[str, Any] = keywords.pop("properties", {})
    additional = keywords.pop("additionalProperties", None)
    names = keywords.pop("propertyNames", None)
    required = keywords.pop("required", [])
    low, high = keywords.pop("minProperties", 0), keywords.pop("maxProperties", None)
    if keywords:
        raise _Unhandled(", ".join(keywords))
    if low or high is not None:
        counts.append((path, low, high if high is not None else 1 << 62))
    if isinstance(additional, dict):  # a map of any keys (the `names:` map)
        if properties or names is not None or required:
            raise _Unhandled("additionalProperties")
        return dict[str, _compile(additional, path + ("**",), counts, serial)]  # type: ignore[misc]
    # Unknown keys are refused: by `additionalProperties: false`, or by `propertyNames` naming exactly
    # the properties.
    if not (additional is False or (isinstance(names, dict) and set(names) == {"enum"}
                                    and set(names["enum"]) == set(properties))):
        raise _Unhandled("properties")
    if names is not None and not (isinstance(names, dict) and set(names["enum"]) == set(properties)):
        raise _Unhandled("propertyNames")
    fields = []
    rename = {}
    for number, (key, sub) in enumerate(properties.items()):
        field = f"f{number}"
        rename[field] = key
        value = _compile(sub, path + (key,), counts, serial)
        fields.append((field, value) if key in required else (field, value, msgspec.UNSET))
    if not set(required) <= set(properties):
        raise _Unhandled("required")
    fields.sort(key=lambda f: len(f) == 3)  # the fields without a default first
    serial[0] += 1
    return msgspec.defstruct(f"CaseObject{serial[0]}", fields, rename=rename, forbid_unknown_fields=True)
