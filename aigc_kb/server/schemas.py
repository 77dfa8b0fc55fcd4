"""The JSON Schemas of the API's responses, version 1.

Each schema describes the JSON the matching CLI command prints with
``--format json`` (the API returns exactly that), or an answer only the API
gives (validation, bundled cases, errors).  They are published in the OpenAPI
document (``components/schemas``, named ``<Name>V1``) and one by one at
``GET /api/v1/schemas/<name>``.  A change that removes or retypes a field
makes a new version; adding a field does not.
"""

from __future__ import annotations

from typing import Any

#: The version of every schema here (and the ``v1`` of the API's paths).
VERSION = "1"
_BASE = "https://aigc-kb.invalid/schemas/v1/"

_STR = {"type": "string"}
_STRS = {"type": "array", "items": _STR}
_NSTR = {"type": ["string", "null"]}
_POSITIONS = {"type": "object", "additionalProperties": _STR}
_DOCTRINES = {"type": "array", "items": {"type": "string", "pattern": "^D[0-9]+$"}}
#: The law beside the reasoning (``cite: full``): the cited doctrines and the paper's sentences.
_LAW = {"type": "object", "required": ["doctrines", "sections"], "additionalProperties": False, "properties": {
    "doctrines": {"type": "object", "additionalProperties": {
        "type": "object", "required": ["name", "statement", "sections", "ext", "partly_ext"],
        "properties": {"name": _STR, "statement": _STR, "sections": _STRS, "ext": {"type": "boolean"},
                       "partly_ext": {"type": "boolean"}}}},
    "sections": {"type": "object", "additionalProperties": {
        "type": "object", "required": ["section", "title", "sentences"],
        "properties": {"section": _STR, "title": _STR, "sentences": _STRS}}},
}}


def _obj(required: dict[str, Any], optional: dict[str, Any] | None = None, extra: bool = True) -> dict[str, Any]:
    props = {**required, **(optional or {})}
    return {"type": "object", "required": sorted(required), "properties": props, "additionalProperties": extra}


#: The infringements a summary row is for: work, output (null: a training copy or a reposted item),
#: and for ``liable`` the right (and for a training copy the systems or models it was made for), for
#: damages the factors of that infringement.
_FOR = {"type": "array", "items": _obj({}, {"right": _STR, "work": _NSTR, "output": _NSTR, "factors": _STRS,
                                           "artefacts": _STRS}, extra=False)}


def _rows(fields: dict[str, Any], per_infringement: bool = False) -> dict[str, Any]:
    """A section of an evaluation: any argument may be null (the value ``none``); a per-party summary
    (``per_infringement``) has ``for``, the infringements each row is for."""
    nullable = {k: (_NSTR if v == _STR else v) for k, v in fields.items()}
    required = {**nullable, "doctrines": _DOCTRINES, **({"for": _FOR} if per_infringement else {})}
    return {"type": "array", "items": _obj(required, {"why": {"type": "array"}})}


_PROBLEM = _obj({"file": _STR, "line": {"type": ["integer", "null"], "minimum": 1}, "problem": _STR, "text": _STR},
                extra=False)

_NODE: dict[str, Any] = {
    "type": "object",
    "required": ["kind", "text"],
    "properties": {
        "kind": {"enum": ["conclusion", "derived", "fact", "absent", "underived", "absent_all", "present",
                          "regime", "position", "test", "attempt"]},
        "text": _STR, "pred": _STR, "args": {"type": "array", "items": _NSTR}, "rule": _STR,
        "doctrines": _DOCTRINES, "section": _STR, "ext": {"type": "boolean"}, "burden": _STR,
        "open": {"type": "boolean"}, "point": _STR, "value": _STR, "default": {"type": "boolean"},
        "holds": {"type": "boolean"}, "alternatives": {"type": "integer", "minimum": 0},
        "truncated": {"type": "boolean"},
        "children": {"type": "array", "items": {"$ref": "#/$defs/node"}},
        "failed": {"$ref": "#/$defs/node"},
        # for renderings in another language: a conjunction's goals, the reading a condition asks for, a test
        "goals": {"type": "array", "items": _obj({"pred": _STR, "args": {"type": "array", "items": _NSTR},
                                                  "vars": {"type": "array", "items": _NSTR},
                                                  "negated": {"type": "boolean"}}, extra=False)},
        "wanted": _STR, "op": _STR, "terms": _STRS,
    },
    "additionalProperties": False,
}
_SETTING = _obj({"name": _STR, "value": _STR, "default": {"type": "boolean"}, "cite": _STR}, extra=False)

SCHEMAS: dict[str, dict[str, Any]] = {
    "evaluation": _obj({
        "case": _STR, "engine": {"enum": ["prolog", "asp"]}, "regime": _STR, "positions": _POSITIONS,
        "open_facts": _STRS,
        "infringements": _rows({"subject": _STR, "right": _STR, "work": _STR, "output": _STR, "stage": _STR}),
        "liable": _rows({"subject": _STR, "kind": _STR, "stage": _STR, "rights": _STRS}, True),
        "joint_and_several": _rows({"subject": _STR, "with": _STR, "output": _STR, "extent": _STR}),
        "not_liable": _rows({"subject": _STR}, True),
        "defenses": _rows({"subject": _STR, "defense": _STR, "status": _STR}, True),
        "grounds": _rows({"subject": _STR, "ground": _STR}),
        "copyright": _rows({"output": _STR, "status": _STR, "owner": _NSTR}),
        "tangible_owner": _rows({}),
        "limitations": _rows({}, True),
        "remedies": _rows({"against": _STR, "remedy": _STR, "factors": _STRS}, True),
        "insurance": _rows({"covers": _STRS}, True),
        "recourse": _rows({}),
        "assessors": _rows({}),
        "provenance_conflicts": _rows({"work": _STR, "recorded": _STR, "owner": _STR}),
        "protection_undefined": _rows({"output": _STR}),
    }, {"lang": {"enum": ["en", "zh"]},
        "display": {"type": "object", "additionalProperties": _obj({"title": _STR, "lines": _STRS}, extra=False)}},
        extra=False),
    "explanation": {
        **_obj({
            "case": _STR, "regime": _SETTING, "positions": {"type": "array", "items": _SETTING},
            "assumed": {"type": "array", "items": _obj({"pred": _STR, "args": _STRS, "value": {"type": "boolean"}})},
            "open_facts": _STRS,
            "answers": {"type": "array", "items": _obj({
                "request": {"enum": ["explain", "why_not"]}, "pred": _STR,
                "args": {"type": "array", "items": _NSTR}, "text": _STR, "holds": {"type": "boolean"},
                "conclusions": {"type": "array", "items": {"$ref": "#/$defs/node"}},
                "attempts": {"type": "array", "items": {"$ref": "#/$defs/node"}},
            }, extra=False)},
        }, {"law": _LAW, "lang": {"enum": ["en", "zh"]}}, extra=False),
        "$defs": {"node": _NODE},
    },
    "comparison": _obj({
        "case": _STR, "regimes": _STRS, "positions": _POSITIONS,
        "unknown": {"type": "array", "items": _obj({"fact": _STR, "burden": _POSITIONS})},
        "rows": {"type": "array", "items": _obj({
            "conclusion": _STR, "pred": _STR, "args": _STRS, "divergent": {"type": "boolean"},
            "regimes": {"type": "object", "additionalProperties": {"anyOf": [_DOCTRINES, {"type": "null"}]}},
        })},
    }, extra=False),
    "enumeration": _obj({
        "case": _STR, "path": _STR, "unknown": _STRS, "open_points": _STRS, "outcome_predicates": _STRS,
        "regimes": {"type": "array", "items": _obj({
            "regime": _STR, "positions": _POSITIONS, "worlds": {"type": ["integer", "null"]},
            "outcomes": {"type": "array", "items": _obj({
                "conclusions": _STRS,
                "condition": {"type": "array", "items": _obj({"literals": {"type": "array"}, "text": _STR})},
            })},
            "subjects": {"type": "array"}, "listed_worlds": {"type": ["array", "null"]},
            "seconds": {"type": "number"},
        })},
    }, extra=False),
    "must_prove": _obj({
        "case": _STR, "goal": _STR, "mode": {"enum": ["goal", "avoid"]}, "regime": _STR, "positions": _POSITIONS,
        "unknown": _STRS, "possible": {"type": "boolean"},
        "sets": {"type": "array", "items": _obj({"literals": {"type": "array"}, "text": _STR, "explain": _STR})},
    }, extra=False),
    "flips": _obj({
        "case": _STR, "regime": _STR, "positions": _POSITIONS, "outcome_predicates": _STRS, "baseline": _STRS,
        "candidates": {"type": "integer", "minimum": 0}, "skipped": _STRS, "unknown": _STRS,
        "flips": {"type": "array", "items": _obj({
            "change": {"enum": ["added", "removed"]}, "fact": _STR, "gained": _STRS, "lost": _STRS, "explain": _STR,
        })},
    }, extra=False),
    "validation": _obj({
        "valid": {"type": "boolean"},
        "problems": {"type": "array", "items": _PROBLEM},
    }, {"case": _obj({
        "id": _STR, "title": _STR, "source": _STR, "facts": _STRS, "unknown": _STRS, "parties": _STRS,
        "positions": _POSITIONS,
        "expect": {"type": "array", "items": _obj({
            "reading": _STR, "regime": _NSTR, "positions": _POSITIONS, "holds": _STRS, "absent": _STRS,
        }, extra=False)},
    }, extra=False)}, extra=False),
    "vocabulary": _obj({
        "regimes": _STRS, "default_regime": _STR,
        "choice_points": {"type": "object", "additionalProperties": _obj(
            {"doctrine": _STR, "default": _STR, "positions": _STRS, "meaning": _STR}, extra=False)},
        "inputs": {"type": "object", "additionalProperties": _obj(
            {"args": _STRS, "meaning": _STR, "doctrines": _STRS, "burden": _STR}, extra=False)},
        "outputs": {"type": "object", "additionalProperties": _obj(
            {"arg_names": _STRS, "arg_types": _STRS, "meaning": _STR}, extra=False)},
        "enums": {"type": "object", "additionalProperties": _STRS},
        "case_schema": {"type": "object"},
    }, extra=False),
    "doctrines": _obj({
        "doctrines": {"type": "array", "items": _obj({
            "id": {"type": "string", "pattern": "^D[0-9]+$"}, "name": _STR, "sections": _STRS,
            "ext": {"type": "boolean"}, "partly_ext": {"type": "boolean"}, "statement": _STR,
        }, {"text": _obj({"name": _STR, "statement": _STR}, extra=False)}, extra=False)},
    }, {"lang": {"enum": ["en", "zh"]}}, extra=False),
    "cases": _obj({
        "cases": {"type": "array", "items": _obj({"name": _STR, "id": _STR, "title": _STR}, extra=False)},
    }, extra=False),
    "case_text": _obj({"name": _STR, "text": _STR}, extra=False),
    "error": _obj({
        "error": {"enum": ["invalid_input", "invalid_request", "limit_exceeded", "timeout", "busy",
                           "too_large", "unavailable", "not_found", "method_not_allowed", "internal"]},
        "message": _STR,
        "problems": {"type": "array", "items": _PROBLEM},
    }, extra=False),
}


def schema(name: str) -> dict[str, Any]:
    """The full JSON Schema document ``name`` (one of :data:`SCHEMAS`), with its ``$id`` and version."""
    body = SCHEMAS[name]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{_BASE}{name}.json",
            "title": f"aigc-kb {name.replace('_', ' ')} (version {VERSION})", "x-version": VERSION, **body}


def component_name(name: str) -> str:
    """The schema's name among the OpenAPI document's components: ``must_prove`` -> ``MustProveV1``."""
    return "".join(part.capitalize() for part in name.split("_")) + f"V{VERSION}"


def openapi_component(name: str) -> dict[str, Any]:
    """The schema as an OpenAPI 3.1 component: ``$defs`` references rewritten to live under it."""
    body = dict(SCHEMAS[name])
    defs = body.pop("$defs", {})
    comp = component_name(name)
    text: dict[str, Any] = _rewrite(body, comp)
    for key, value in defs.items():
        text.setdefault("$defs", {})[key] = _rewrite(value, comp)
    return text


def _rewrite(value: Any, comp: str) -> Any:
    if isinstance(value, dict):
        return {k: (f"#/components/schemas/{comp}/$defs/{v[len('#/$defs/'):]}"
                    if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/") else _rewrite(v, comp))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite(v, comp) for v in value]
    return value
