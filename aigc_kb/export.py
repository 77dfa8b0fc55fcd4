"""Write a case as plain facts for the raw engines (``swipl``, ``clingo``)."""

from __future__ import annotations

import json

from .core.model import Case
from .engines.quoting import asp_fact, prolog_fact


def _comment(case: Case) -> list[str]:
    lines = [f"case {case.id}: {case.title}", f"source: {case.source}"]
    return ["% " + "".join(ch if ch.isprintable() else " " for ch in line) for line in lines]


def export_case(case: Case, to: str) -> str:
    """The case's facts (and ``unknown(...)`` open facts) as ``pl`` or ``lp`` text.

    Names are rendered through the quoting function (Prolog) or clingo
    symbols (ASP), so any name reads back as itself.
    """
    if to == "pl":
        body = [f"{prolog_fact(f)}." for f in case.facts]
        body += [f"unknown({prolog_fact(f)})." for f in case.unknown]
    elif to == "lp":
        body = [f"{asp_fact(f)}." for f in case.facts]
        body += [f"unknown({asp_fact(f)})." for f in case.unknown]
    else:
        raise ValueError(f"unknown export format {to!r}")
    return "\n".join(_comment(case) + body) + "\n"


def json_text(value: object, indent: int | None = None) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, by orjson where it writes the same text.

    orjson writes indented JSON (two spaces) exactly as the standard library
    does, 10 to 15 times faster (a platform case of 10,000 users: 0.22 s to
    0.016 s); compact JSON it writes without the spaces after ``,`` and
    ``:``, so one-line records stay with the standard library.  A value orjson
    refuses (a lone surrogate, an integer over 64 bits) or writes otherwise
    (a float NaN) goes to the standard library.
    """
    if indent == 2:
        try:
            import orjson
        except ImportError:  # pragma: no cover - a dependency, absent only from a broken install
            pass
        else:
            try:
                if not _has_float(value):
                    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
            except (TypeError, orjson.JSONEncodeError):
                pass
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _has_float(value: object) -> bool:
    """Whether a float occurs in ``value`` (evaluation results hold none: names, booleans, lists, objects)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return False
