"""Write a case as plain facts for the raw engines (``swipl``, ``clingo``)."""

from __future__ import annotations

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
