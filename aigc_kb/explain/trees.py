"""Explanations: justification trees, why-not answers and their renderings.

The trees are built by the Prolog meta-interpreter ``aigc_kb/prolog/explain.pl``
over the registered rules, for the case and reading given, in one Prolog call
that returns one JSON string; this module only reads that JSON into
dataclasses and renders it (plain text, JSON, Graphviz DOT, Markdown, HTML).
It never decides anything the rules decide.  The renderings are in
:mod:`aigc_kb.explain.render` (and importable from here).

Conclusions are written as output atoms in Prolog syntax, with ``_`` for any
value: ``liable(acme, primary, _, generation)``; an assumption is an input
atom, ``provider(acme, gen)``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from ..core.errors import EngineError, InputError, Problem
from ..core.loader import CaseValidator
from ..core.model import Case, Fact
from ..core.paper import Paper
from ..core.reading import COMMAND_LINE, ResolvedReading
from ..core.vocabulary import ENTITY_TYPES, Vocabulary
from ..engines.quoting import prolog_atom, prolog_list
from ..patterns import Pattern, atom_display, parse_atom
from ..core.lang import case_names, entity_kinds, language
from .law import gather
from .localize import localize
from .model import Answer, Assumption, Explanation, Node, Setting
from .render import condition_line

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

#: The Prolog predicate that builds explanations (a fixed name, never data).
EXPLAIN_PREDICATE = "aigc_explain:explain_json"
#: What ``aigc-kb explain`` explains when no conclusion is named.
DEFAULT_PREDICATES = ("liable", "not_liable", "defense", "copyright", "tangible_owner")
#: How many levels of "why not" a --why-not answer goes into by default.
WHY_NOT_DEPTH = 3
#: ... and a negated condition inside a proof.
NEGATION_DEPTH = 1

def parse_assumption(text: str, case: Case, vocab: Vocabulary) -> tuple[Fact, bool]:
    """Read ``FACT=true`` or ``FACT=false``, FACT an input atom of the case's entities.

    Raises
    ------
    InputError
        For bad syntax, a value other than true/false, an entity declaration,
        an unknown input predicate or argument.
    """
    atom, sep, value = text.rpartition("=")
    if not sep or value.strip() not in ("true", "false"):
        raise InputError.single(COMMAND_LINE, None, f"--assume {text!r}: expected FACT=true or FACT=false")
    pred, args = parse_atom(atom, "--assume", wildcards=False)
    fact = Fact(pred, tuple(str(a) for a in args))
    if pred in ENTITY_TYPES:
        raise InputError.single(COMMAND_LINE, None,
                                f"--assume {text!r}: entity declarations cannot be assumed")
    check = CaseValidator(vocab, COMMAND_LINE)
    check.declare(list(case.facts))
    check.check_fact(fact)
    if check.problems:
        raise InputError([Problem(COMMAND_LINE, None, f"--assume {text!r}: {p.message}") for p in check.problems])
    return fact, value.strip() == "true"


def assume(case: Case, assumptions: Sequence[tuple[Fact, bool]], vocab: Vocabulary) -> Case:
    """``case`` with each fact made true (added, no longer open) or false (removed).

    Raises
    ------
    InputError
        When the facts that result contradict each other (the vocabulary's
        conflicts) or one fact is assumed both true and false.
    """
    facts = list(case.facts)
    unknown = list(case.unknown)
    seen: dict[Fact, bool] = {}
    for fact, value in assumptions:
        if seen.get(fact, value) != value:
            raise InputError.single(COMMAND_LINE, None, f"--assume {fact}: assumed both true and false")
        seen[fact] = value
        facts = [f for f in facts if f != fact]
        unknown = [f for f in unknown if f != fact]
        if value:
            facts.append(fact)
    check = CaseValidator(vocab, COMMAND_LINE)
    check.check_facts(facts, unknown)
    if check.problems:
        raise InputError(check.problems)
    return replace(case, facts=tuple(facts), unknown=tuple(unknown))


# ---------------------------------------------------------------- compute --
def _setting_from_prolog(name: str, data: dict[str, Any], cite_key: str) -> Setting:
    return Setting(name, str(data["value"]), bool(data["default"]), str(data[cite_key]))


def explain(kb: "KnowledgeBase", case: Case, reading: ResolvedReading,
            requests: Sequence[tuple[str, Pattern]], *, why_depth: int = NEGATION_DEPTH,
            depth: int | None = None, assumed: Sequence[tuple[Fact, bool]] = ()) -> Explanation:
    """Explain ``case`` under ``reading``: one Prolog call for every request.

    Parameters
    ----------
    kb : KnowledgeBase
        The knowledge base (its Prolog engine builds the trees).
    case : Case
        The case, with any assumptions already applied (see :func:`assume`).
    reading : ResolvedReading
        The regime and positions.
    requests : sequence of (str, Pattern)
        ``("explain", pattern)`` or ``("why_not", pattern)``.
    why_depth : int
        How many levels of "why not" to go into (for negated conditions in
        proofs and for why-not requests).
    depth : int, optional
        Expand proofs this many rule levels deep (default: fully).
    assumed : sequence of (Fact, bool)
        The assumptions applied, recorded in the result.

    Returns
    -------
    Explanation
    """
    from ..engines.prolog import PrologEngine

    engine = kb.engine("prolog")
    if not isinstance(engine, PrologEngine):  # pragma: no cover - engine() guarantees it
        raise EngineError("explanations need the Prolog engine")
    request_terms = prolog_list([f"{kind}({pattern.prolog()})" for kind, pattern in requests])
    settings = [f"why_depth({int(why_depth)})"] + ([f"depth({int(depth)})"] if depth is not None else [])
    data = engine.call_json(EXPLAIN_PREDICATE, engine.case_term(case), engine.options_term(reading),
                            request_terms, prolog_list(settings), facts=case.size)
    answers = tuple(
        Answer(request=str(a["request"]), pattern=pattern, text=str(a["text"]), holds=bool(a["holds"]),
               conclusions=tuple(Node.from_dict(c) for c in a["conclusions"]),
               attempts=tuple(Node.from_dict(t) for t in a["attempts"]))
        for (_, pattern), a in zip(requests, data["answers"])
    )
    return Explanation(
        case=case.id,
        regime=_setting_from_prolog("regime", data["reading"]["regime"], "section"),
        positions=tuple(_setting_from_prolog(str(p["point"]), p, "doctrine") for p in data["reading"]["positions"]),
        answers=answers,
        assumed=tuple(Assumption(f.pred, f.args, v) for f, v in assumed),
        open_facts=tuple(str(f) for f in case.unknown),
    )


def reasons(explanation: Explanation) -> dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]]:
    """Short reasons per concluded atom: each rule that concluded it and its conditions, in words.

    Meant for an explanation built with ``depth=1`` (``aigc-kb evaluate --explain``).
    """
    out: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    words = language(explanation.lang)
    for node in explanation.conclusions():
        key = (str(node.pred), tuple(str(a) for a in node.args))
        out[key] = [{"rule": p.rule, "doctrines": list(p.doctrines), "section": p.section, "ext": p.ext,
                     "conditions": [condition_line(c, words) for c in p.children]}
                    for p in node.children]
    return out


# ------------------------------------------------- evaluate --explain --
def _row_keys(pred: str, row: dict[str, Any], vocab: Vocabulary) -> list[tuple[str, tuple[str, ...]]]:
    """The concluded atoms one row of an evaluation's JSON form stands for."""
    def value(v: Any) -> str:
        return "none" if v is None else str(v)

    if pred == "liable" and "for" in row:
        # a summary row is explained by the rules of the infringements it is for (liable_for/6)
        return [("liable_for", (row["subject"], row["kind"], f["right"], value(f["work"]), value(f["output"]),
                                row["stage"])) for f in row["for"]]
    if pred == "liable":
        return [("liable", (row["subject"], row["kind"], right, row["stage"])) for right in row["rights"]]
    if pred == "remedy":
        return ([("remedy", (row["against"], row["remedy"]))]
                + [("remedy_factor", (row["against"], f)) for f in row.get("factors", ())])
    return [(pred, tuple(value(row[name]) for name in vocab.outputs[pred].arg_names))]


def with_reasons(kb: "KnowledgeBase", case: Case, reading: ResolvedReading,
                 result: dict[str, Any], lang: str = "en",
                 names: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """An evaluation's JSON form with a ``why`` list on every row: the rules that concluded it, one level deep.

    The reasons come from the Prolog rules (one call for the whole case),
    whichever engine produced ``result``; their conditions are worded in ``lang``
    with the display names ``names`` (default: the case file's ``names:`` block).
    """
    from ..core.result import SECTIONS

    requests = [("explain", Pattern.any_of(pred, kb.vocab)) for pred in kb.vocab.outputs]
    explained = explain(kb, case, reading, requests, why_depth=0, depth=1)
    found = reasons(localize(explained, lang, kb.vocab, names=case_names(case.path) if names is None else names,
                            kb_dir=kb.paths.root, kinds=entity_kinds(case.facts)))
    out = dict(result)
    for key, pred in SECTIONS:
        rows = []
        for row in result[key]:
            why = [{"conclusion": atom_display(p, args), **reason}
                   for p, args in _row_keys(pred, row, kb.vocab) for reason in found.get((p, args), [])]
            rows.append({**row, "why": why})
        out[key] = rows
    return out


def with_law(expl: Explanation, vocab: Vocabulary, paper: Paper) -> Explanation:
    """``expl`` with the law of everything it cites (:attr:`Explanation.law`), for ``--cite full``."""
    doctrines, sections = expl.cited()
    return replace(expl, law=gather(vocab, paper, doctrines, sections))


__all__ = [
    "DEFAULT_PREDICATES", "assume", "explain", "parse_assumption", "reasons", "with_law", "with_reasons",
]
