"""What each API endpoint does, as a plain function of a knowledge base and a request.

Every function takes the request's fields as a dict (already checked for
shape by the web layer) and returns the JSON-ready answer the matching CLI
command prints with ``--format json``.  They only load the case, call the
package's own functions and format; no legal logic lives here.  They run in
the engine worker processes (see :mod:`aigc_kb.server.pool`), one request at a
time per process.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

import yaml

from ..api import KnowledgeBase
from ..scenario.limits import ScenarioLimits
from ..core.errors import InputError, Problem
from ..core.model import Case
from .cases import bundled_case_file

#: The name a case sent without one is known by in problems (its suffix chooses the format).
DEFAULT_CASE_NAME = "case.yaml"
#: The file name problems about the request itself (not its case) carry.
REQUEST = "<request>"
#: Seconds Graphviz may take to lay out one tree.
DOT_TIME = 10.0


class Unavailable(Exception):
    """A tool the request needs is not installed (Graphviz for SVG)."""


def load(kb: KnowledgeBase, req: dict[str, Any]) -> Case:
    """The request's case: a bundled one by name, or the text or mapping it carries.

    Raises
    ------
    InputError
        When no case or two are given, a bundled name is unknown, or the case is invalid.
    """
    from ..core.loader import load_case_text

    name = req.get("case_name")
    case = req.get("case")
    if (name is None) == (case is None):
        raise InputError.single(REQUEST, None, "give exactly one of `case` (text or mapping) and `case_name`")
    if name is not None:
        file = bundled_case_file(str(name))
        if file is None:
            raise InputError.single(REQUEST, None, f"case_name {name!r}: no such bundled case (see GET /api/v1/cases)")
        return load_case_text(file.read_text(encoding="utf-8"), f"cases/{file.name}", kb.vocab)
    if not isinstance(case, (str, dict)):
        raise InputError.single(REQUEST, None, "`case` must be the text of a case file or the mapping it holds")
    file_name = req.get("file") or (DEFAULT_CASE_NAME if isinstance(case, str) else "case.json")
    return load_case_text(case, Path(str(file_name)).name or DEFAULT_CASE_NAME, kb.vocab)



def _world(kb: KnowledgeBase, case: Case, req: dict[str, Any]) -> tuple[Case, list[Any]]:
    """The case with the request's assumptions applied, and the assumptions."""
    from ..explain.trees import assume, parse_assumption

    items = req.get("assume") or []
    assumptions = [parse_assumption(f"{item['fact']}={'true' if item['value'] else 'false'}", case, kb.vocab)
                   for item in items]
    return (assume(case, assumptions, kb.vocab) if assumptions else case), assumptions


def _limits(req: dict[str, Any]) -> ScenarioLimits:
    """Scenario limits: the defaults, lowered (never raised) by the request's."""
    limits = ScenarioLimits()
    given = req.get("limits") or {}
    out: dict[str, int] = {}
    for field in ("max_outcomes", "max_implicants", "count_limit", "max_candidates", "max_worlds"):
        value = given.get(field)
        if value is not None:
            out[field] = min(int(value), getattr(limits, field))
    return replace(limits, **out)


def evaluate(kb: KnowledgeBase, req: dict[str, Any]) -> dict[str, Any]:
    """``aigc-kb evaluate --format json`` (``reasons``: with ``--explain``), assumptions applied first."""
    case = load(kb, req)
    world, _ = _world(kb, case, req)
    reading = kb.resolve(world, req.get("regime"), req.get("positions") or {})
    result: dict[str, Any] = kb.evaluate_reading(world, reading, engine=req.get("engine") or "prolog").as_dict(kb.vocab)
    lang = req.get("lang")
    if req.get("reasons"):
        from ..explain.trees import with_reasons

        result = with_reasons(kb, world, reading, result, lang=lang or "en", names=names_of(req))
    if lang:
        from ..core.render import evaluation_lines
        from ..core.result import SECTIONS

        lines = evaluation_lines(result, kb.vocab, lang=lang, names=names_of(req))
        result["lang"] = lang
        result["display"] = {key: {"title": title, "lines": rows} for (title, rows), (key, _) in zip(lines, SECTIONS)}
    return result


def names_of(req: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The display names (``names:``) of the request's case: a bundled file's, or those of the text or mapping."""
    from ..core.lang import case_names

    if req.get("case_name") is not None:
        file = bundled_case_file(str(req["case_name"]))
        return case_names(file) if file is not None else {}
    data = req.get("case")
    if isinstance(data, str):
        try:
            data = yaml.safe_load(data)
        except yaml.YAMLError:
            return {}
    names = data.get("names") if isinstance(data, dict) else None
    if not isinstance(names, dict):
        return {}
    return {str(k): {str(lg): str(n) for lg, n in v.items()} for k, v in names.items() if isinstance(v, dict)}


def explanation(kb: KnowledgeBase, req: dict[str, Any]) -> Any:
    """``aigc-kb explain``: trees for ``query`` (default every liability, defence and ownership
    conclusion) or the answer to ``why_not``; JSON, or DOT/SVG/text/Markdown text."""
    from ..explain.render import render_dot, render_markdown, render_text
    from ..explain.trees import DEFAULT_PREDICATES, NEGATION_DEPTH, WHY_NOT_DEPTH, explain, with_law
    from ..patterns import Pattern, parse_conclusion

    case = load(kb, req)
    world, assumptions = _world(kb, case, req)
    reading = kb.resolve(world, req.get("regime"), req.get("positions") or {})
    depth = req.get("depth")
    if req.get("why_not") is not None:
        requests = [("why_not", parse_conclusion(req["why_not"], world, kb.vocab, "why_not"))]
        why_depth = WHY_NOT_DEPTH if depth is None else depth
    else:
        if req.get("query") is not None:
            requests = [("explain", parse_conclusion(req["query"], world, kb.vocab, "query"))]
        else:
            requests = [("explain", Pattern.any_of(pred, kb.vocab)) for pred in DEFAULT_PREDICATES]
        why_depth = NEGATION_DEPTH if depth is None else depth
    result = explain(kb, world, reading, requests, why_depth=why_depth, assumed=assumptions)
    if req.get("cite") == "full":
        result = with_law(result, kb.vocab, kb.paper)
    if req.get("lang"):
        from ..explain.localize import localize

        from ..core.lang import entity_kinds

        result = localize(result, req["lang"], kb.vocab, names=names_of(req), kb_dir=kb.paths.root,
                          kinds=entity_kinds(world.facts))
    fmt = req.get("format") or "json"
    if fmt == "json":
        return result.to_dict()
    if fmt == "svg":
        return svg(render_dot(result))
    text: str = {"dot": render_dot, "text": render_text, "markdown": render_markdown}[fmt](result)
    return text


def svg(dot_text: str) -> str:
    """Lay a DOT graph out as SVG with Graphviz's ``dot``.

    Raises
    ------
    Unavailable
        When ``dot`` is not installed.
    """
    dot = shutil.which("dot")
    if dot is None:
        raise Unavailable("Graphviz `dot` is not installed; SVG needs it (ask for format dot instead)")
    try:
        done = subprocess.run([dot, "-Tsvg"], input=dot_text, capture_output=True, text=True,
                              timeout=DOT_TIME, check=False)
    except subprocess.TimeoutExpired:
        raise Unavailable(f"Graphviz took longer than {DOT_TIME:g} s to lay the tree out") from None
    if done.returncode != 0:
        raise Unavailable(f"Graphviz failed: {done.stderr.strip()[:200]}")
    return done.stdout


def enumerate_(kb: KnowledgeBase, req: dict[str, Any]) -> dict[str, Any]:
    """``aigc-kb enumerate --format json``."""
    from ..scenario.outcomes import enumerate_outcomes
    from ..scenario.outcomes import DEFAULT_OUTCOME

    case = load(kb, req)
    regimes = list(kb.vocab.regimes) if req.get("all_regimes") else [req.get("regime")]
    result = enumerate_outcomes(kb, case, regimes=regimes, positions=req.get("positions") or {},
                                open_points=req.get("open") or [], outcome=req.get("outcome") or DEFAULT_OUTCOME,
                                limits=_limits(req), list_worlds=bool(req.get("list_worlds")))
    out: dict[str, Any] = result.as_dict()
    return out


def compare(kb: KnowledgeBase, req: dict[str, Any]) -> dict[str, Any]:
    """``aigc-kb compare --format json`` (``divergent``: only the rows the regimes differ on)."""
    from ..scenario.compare import compare_regimes

    case = load(kb, req)
    data: dict[str, Any] = compare_regimes(kb, case, req.get("positions") or {}).as_dict()
    if req.get("divergent"):
        data["rows"] = [r for r in data["rows"] if r["divergent"]]
    return data


def must_prove(kb: KnowledgeBase, req: dict[str, Any]) -> dict[str, Any]:
    """``aigc-kb must-prove --format json`` for ``goal`` or ``avoid``."""
    from ..scenario.outcomes import must_prove as analyse

    case = load(kb, req)
    goal, avoid = req.get("goal"), req.get("avoid")
    if (goal is None) == (avoid is None):
        raise InputError.single(REQUEST, None, "give exactly one of `goal` and `avoid`")
    result = analyse(kb, case, str(avoid if avoid is not None else goal), avoid=avoid is not None,
                     regime=req.get("regime"), positions=req.get("positions") or {},
                     open_points=req.get("open") or [], limits=_limits(req))
    out: dict[str, Any] = result.as_dict()
    return out


def flips(kb: KnowledgeBase, req: dict[str, Any]) -> dict[str, Any]:
    """``aigc-kb flips --format json``."""
    from ..scenario.flips import find_flips
    from ..scenario.flips import FLIP_OUTCOME

    case = load(kb, req)
    result = find_flips(kb, case, regime=req.get("regime"), positions=req.get("positions") or {},
                        outcome=req.get("outcome") or FLIP_OUTCOME, limits=_limits(req))
    out: dict[str, Any] = result.as_dict()
    return out


def validate(kb: KnowledgeBase, req: dict[str, Any]) -> dict[str, Any]:
    """Whether the case is valid: its problems, or what the page needs of it."""
    from ..patterns import atom_display

    try:
        case = load(kb, req)
    except InputError as err:
        return {"valid": False, "problems": problems_json(err.problems)}
    return {
        "valid": True,
        "problems": [],
        "case": {
            "id": case.id, "title": case.title, "source": case.source,
            "facts": [atom_display(f.pred, f.args) for f in case.facts],
            "unknown": [atom_display(f.pred, f.args) for f in case.unknown],
            "parties": sorted(f.args[0] for f in case.facts if f.pred == "party"),
            "positions": dict(case.positions),
            "expect": [{"reading": r.reading.name, "regime": r.reading.regime,
                        "positions": dict(r.reading.positions),
                        "holds": [str(e) for e in r.holds], "absent": [str(e) for e in r.absent]}
                       for r in case.expect],
        },
    }


def problems_json(problems: list[Problem]) -> list[dict[str, Any]]:
    """Problems as JSON: ``file``, ``line`` (or null), ``problem``, and the CLI's one-line ``text``."""
    out = []
    for p in problems:
        file = REQUEST if p.file == "<command line>" else p.file
        shown = Problem(file, p.line, p.message)
        out.append({"file": file, "line": p.line, "problem": p.message, "text": str(shown)})
    return out


#: The operations by name, as the pool calls them.
OPERATIONS: dict[str, Callable[[KnowledgeBase, dict[str, Any]], Any]] = {
    "evaluate": evaluate,
    "explain": explanation,
    "enumerate": enumerate_,
    "compare": compare,
    "must-prove": must_prove,
    "flips": flips,
    "validate": validate,
}


def vocabulary(kb: KnowledgeBase) -> dict[str, Any]:
    """The vocabulary as JSON: regimes, choice points, input and output predicates, the case schema."""
    from ..core.schema import case_schema

    v = kb.vocab
    return {
        "regimes": list(v.regimes), "default_regime": v.default_regime,
        "choice_points": {n: {"doctrine": c.doctrine, "default": c.default, "positions": list(c.positions),
                              "meaning": c.meaning} for n, c in v.choice_points.items()},
        "inputs": {n: {"args": list(p.args), "meaning": p.meaning, "doctrines": list(p.doctrines),
                       "burden": p.burden} for n, p in v.inputs.items()},
        "outputs": {n: {"arg_names": list(p.arg_names), "arg_types": list(p.arg_types), "meaning": p.meaning}
                    for n, p in v.outputs.items()},
        "enums": {n: list(values) for n, values in v.enums.items()},
        "case_schema": case_schema(v),
    }


def doctrines(kb: KnowledgeBase, lang: str | None = None) -> dict[str, Any]:
    """The doctrine catalogue's entries as JSON, in ID order; with ``lang``, each with its name and statement
    in that language (``text``)."""
    from ..core.lang import language

    words = language(lang, kb.paths.root) if lang else None

    def text(d: Any) -> dict[str, Any]:
        if words is None:
            return {}
        own = words.doctrines.get(d.id, {})
        return {"text": {"name": own.get("name", d.name), "statement": own.get("statement", d.statement)}}

    out: dict[str, Any] = {"doctrines": [{"id": d.id, "name": d.name, "sections": list(d.sections), "ext": d.ext,
                                          "partly_ext": d.partly_ext, "statement": d.statement, **text(d)}
                                         for d in (kb.vocab.doctrines[i] for i in kb.vocab.doctrine_ids())]}
    if lang:
        out["lang"] = lang
    return out
