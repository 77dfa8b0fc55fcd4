"""Explanations: justification trees, why-not answers and their renderings.

The trees are built by the Prolog meta-interpreter ``aigc_kb/prolog/explain.pl``
over the registered rules, for the case and reading given, in one Prolog call
that returns one JSON string; this module only reads that JSON into
dataclasses and renders it (plain text, JSON, Graphviz DOT, Markdown, HTML).
It never decides anything the rules decide.  The renderings are in
:mod:`aigc_kb.explain_render` (and importable from here).

Conclusions are written as output atoms in Prolog syntax, with ``_`` for any
value: ``liable(acme, primary, _, generation)``; an assumption is an input
atom, ``provider(acme, gen)``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from .errors import EngineError, InputError, Problem
from .explain_render import citation as citation
from .explain_render import condition_line as condition_line
from .explain_render import explained_evaluation_text, render_dot, render_html, render_markdown, render_text
from .explain_render import sections_text as sections_text
from .factfile import parse_atoms
from .loader import CaseValidator
from .model import Case, Fact
from .quoting import prolog_atom, prolog_list
from .reading import COMMAND_LINE, ResolvedReading
from .vocabulary import ENTITY_TYPES, Vocabulary

if TYPE_CHECKING:  # pragma: no cover
    from .api import KnowledgeBase

#: The Prolog predicate that builds explanations (a fixed name, never data).
EXPLAIN_PREDICATE = "aigc_explain:explain_json"
#: What ``aigc-kb explain`` explains when no conclusion is named.
DEFAULT_PREDICATES = ("liable", "not_liable", "defense", "copyright", "tangible_owner")
#: How many levels of "why not" a --why-not answer goes into by default.
WHY_NOT_DEPTH = 3
#: ... and a negated condition inside a proof.
NEGATION_DEPTH = 1

_PLAIN_NAME = re.compile(r"[a-z][A-Za-z0-9_]*")


# ------------------------------------------------------------------ atoms --
def atom_display(pred: str, args: Sequence[str | None]) -> str:
    """An atom in Prolog syntax: names quoted where needed, ``_`` for any value."""
    def show(value: str | None) -> str:
        if value is None:
            return "_"
        return value if _PLAIN_NAME.fullmatch(value) else prolog_atom(value)

    return f"{pred}({', '.join(show(a) for a in args)})" if args else pred


@dataclass(frozen=True)
class Pattern:
    """An atom of an output predicate; ``None`` stands for any value.

    Attributes
    ----------
    pred : str
        The predicate.
    args : tuple[str | None, ...]
        Its arguments, ``None`` for ``_``.
    """

    pred: str
    args: tuple[str | None, ...]

    def __str__(self) -> str:
        return atom_display(self.pred, self.args)

    def prolog(self) -> str:
        """The pattern as a Prolog term: names quoted, ``_`` for any value."""
        if not self.args:
            return prolog_atom(self.pred)
        parts = ["_" if a is None else prolog_atom(a) for a in self.args]
        return f"{prolog_atom(self.pred)}({','.join(parts)})"

    def matches(self, pred: str, args: Sequence[str]) -> bool:
        """Whether the ground atom ``pred(args)`` is an instance of the pattern."""
        return (pred == self.pred and len(args) == len(self.args)
                and all(p is None or p == a for p, a in zip(self.args, args)))

    @classmethod
    def any_of(cls, pred: str, vocab: Vocabulary) -> "Pattern":
        """Every atom of the output predicate ``pred``."""
        return cls(pred, (None,) * vocab.outputs[pred].arity)


def _parse_atom(text: str, option: str, wildcards: bool) -> tuple[str, tuple[str | None, ...]]:
    """Parse one atom written on the command line (Prolog syntax)."""
    def bad(message: str) -> InputError:
        return InputError.single(COMMAND_LINE, None, f"{option} {text!r}: {message}")

    if "\0" in text:
        raise bad("names cannot contain the NUL character")
    terms, problems = parse_atoms(text, COMMAND_LINE, wildcards=wildcards)
    if problems:
        message = problems[0].message
        variable = re.match(r"variable (\S+) ", message)
        if variable:
            message = (f"{variable.group(1)} is a variable: "
                       + ("write _ for any value, " if wildcards else "an assumed fact names its values, ")
                       + "and quote names that start with a capital or _")
        raise bad(message.replace("a case file holds facts only", "expected an atom"))
    if len(terms) != 1:
        raise bad("expected exactly one atom")
    term = terms[0]
    if term.wildcard:
        raise bad("expected an atom, not _")
    args: list[str | None] = []
    for arg in term.args:
        if arg.args:
            raise bad(f"argument {arg.name}(...) must be a name, not a compound term")
        if arg.wildcard:
            args.append(None)
        else:
            args.append(arg.name)
    return term.name, tuple(args)


def _entity_checker(case: Case, vocab: Vocabulary) -> CaseValidator:
    check = CaseValidator(vocab, COMMAND_LINE)
    check.declare(list(case.facts))
    return check


def parse_conclusion(text: str, case: Case, vocab: Vocabulary, option: str = "--query") -> Pattern:
    """Read an output atom, e.g. ``liable(acme, _, reproduction, _)``, checked against the vocabulary.

    Raises
    ------
    InputError
        For bad syntax, an unknown output predicate, a wrong number of
        arguments, a value outside its enumeration or an entity the case
        does not declare.
    """
    pred, args = _parse_atom(text, option, wildcards=True)
    spec = vocab.outputs.get(pred)
    if spec is None:
        raise InputError.single(COMMAND_LINE, None,
                                f"{option} {text!r}: unknown output predicate {pred!r} (see `aigc-kb vocab`)")
    if spec.arity != len(args):
        raise InputError.single(COMMAND_LINE, None,
                                f"{option} {text!r}: {pred} takes {spec.arity} argument(s), {len(args)} given")
    check = _entity_checker(case, vocab)
    for type_name, value in zip(spec.arg_types, args):
        if value is not None:
            check.check_value(type_name, value, None, f"{option} {text}")
    if check.problems:
        raise InputError(check.problems)
    return Pattern(pred, args)


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
    pred, args = _parse_atom(atom, "--assume", wildcards=False)
    fact = Fact(pred, tuple(str(a) for a in args))
    if pred in ENTITY_TYPES:
        raise InputError.single(COMMAND_LINE, None,
                                f"--assume {text!r}: entity declarations cannot be assumed")
    check = _entity_checker(case, vocab)
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


# ------------------------------------------------------------------ trees --
@dataclass(frozen=True)
class Node:
    """One node of a justification tree or of a why-not answer.

    ``kind`` is one of

    - ``conclusion``: a concluded output atom; ``children`` are its proofs,
      one ``derived`` node per rule that concludes it;
    - ``derived``: an atom derived by ``rule`` (``doctrines``, ``section``,
      ``ext``); ``children`` are the conditions of the rule's body that held;
    - ``fact``: an input fact of the case;
    - ``absent``: an input fact that is not proven (a negated condition that
      held, or the condition a rule failed at); ``burden`` names who bore the
      burden, ``open`` marks an open fact of the case;
    - ``underived``: a derived atom that is not concluded; ``children`` are
      ``attempt`` nodes, one per rule that could conclude it (none: no rule
      can; ``truncated``: not gone into);
    - ``absent_all``: a conjunction that is not proven; ``children`` are the
      conditions that held and ``failed`` the first that did not, for every
      way of meeting them;
    - ``present``: a negated condition that failed because its atom holds;
      ``children`` are its proof;
    - ``regime`` and ``position``: the reading read by a rule, with ``value``,
      whether it is the ``default`` and whether the condition ``holds``;
    - ``test``: a built-in test (e.g. two names differ);
    - ``attempt``: a rule that could conclude the atom; ``children`` are the
      conditions that held, ``failed`` the first that did not, for every way
      of meeting them (``alternatives``: how many other ways there were).
    """

    kind: str
    text: str
    pred: str | None = None
    args: tuple[str | None, ...] = ()
    rule: str | None = None
    doctrines: tuple[str, ...] = ()
    section: str | None = None
    ext: bool = False
    burden: str | None = None
    open: bool = False
    point: str | None = None
    value: str | None = None
    default: bool | None = None
    holds: bool | None = None
    alternatives: int = 0
    truncated: bool = False
    children: tuple["Node", ...] = ()
    failed: "Node | None" = None

    @property
    def atom(self) -> str | None:
        """The node's atom in Prolog syntax (``None`` for a conjunction or a reading)."""
        return atom_display(self.pred, self.args) if self.pred is not None else None

    def walk(self) -> Iterator["Node"]:
        """This node and every node below it, depth first, in order."""
        yield self
        for child in self.children:
            yield from child.walk()
        if self.failed is not None:
            yield from self.failed.walk()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every field that differs from its default."""
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        for name in ("pred", "rule", "section", "burden", "point", "value", "default", "holds"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.pred is not None:
            out["args"] = list(self.args)
        if self.doctrines:
            out["doctrines"] = list(self.doctrines)
        for flag in ("ext", "open", "truncated"):
            if getattr(self, flag):
                out[flag] = True
        if self.alternatives:
            out["alternatives"] = self.alternatives
        if self.children:
            out["children"] = [c.to_dict() for c in self.children]
        if self.failed is not None:
            out["failed"] = self.failed.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Node":
        """Read the JSON form (of :meth:`to_dict` or of the Prolog explainer)."""
        failed = data.get("failed")
        return cls(
            kind=str(data["kind"]),
            text=str(data.get("text", "")),
            pred=data.get("pred"),
            args=tuple(data.get("args", ())),
            rule=data.get("rule"),
            doctrines=tuple(data.get("doctrines", ())),
            section=data.get("section"),
            ext=bool(data.get("ext", False)),
            burden=data.get("burden"),
            open=bool(data.get("open", False)),
            point=data.get("point"),
            value=data.get("value"),
            default=data.get("default"),
            holds=data.get("holds"),
            alternatives=int(data.get("alternatives", 0)),
            truncated=bool(data.get("truncated", False)),
            children=tuple(cls.from_dict(c) for c in data.get("children", ())),
            failed=cls.from_dict(failed) if failed is not None else None,
        )


@dataclass(frozen=True)
class Answer:
    """The answer to one request: explain the atoms matching ``pattern``, or say why there are none.

    Attributes
    ----------
    request : str
        ``explain`` or ``why_not``.
    pattern : Pattern
        The atom asked about.
    text : str
        The pattern in words.
    holds : bool
        Whether some atom matching the pattern is concluded.
    conclusions : tuple[Node, ...]
        ``conclusion`` nodes, one per matching atom concluded.
    attempts : tuple[Node, ...]
        For ``why_not`` when nothing matches: one ``attempt`` node per rule
        that could conclude such an atom (none: no rule can).
    """

    request: str
    pattern: Pattern
    text: str
    holds: bool
    conclusions: tuple[Node, ...] = ()
    attempts: tuple[Node, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"request": self.request, "pred": self.pattern.pred, "args": list(self.pattern.args),
                "text": self.text, "holds": self.holds,
                "conclusions": [c.to_dict() for c in self.conclusions],
                "attempts": [a.to_dict() for a in self.attempts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Answer":
        return cls(request=str(data["request"]), pattern=Pattern(str(data["pred"]), tuple(data.get("args", ()))),
                   text=str(data["text"]), holds=bool(data["holds"]),
                   conclusions=tuple(Node.from_dict(c) for c in data.get("conclusions", ())),
                   attempts=tuple(Node.from_dict(a) for a in data.get("attempts", ())))


@dataclass(frozen=True)
class Setting:
    """The regime or one choice point of the reading explained.

    ``cite`` is the regime's section of the paper, or the choice point's doctrine.
    """

    name: str
    value: str
    default: bool
    cite: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "default": self.default, "cite": self.cite}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Setting":
        return cls(str(data["name"]), str(data["value"]), bool(data["default"]), str(data["cite"]))


@dataclass(frozen=True)
class Assumption:
    """An input fact fixed true or false for the explanation (``--assume``)."""

    pred: str
    args: tuple[str, ...]
    value: bool

    def __str__(self) -> str:
        return f"{atom_display(self.pred, self.args)}={'true' if self.value else 'false'}"


@dataclass(frozen=True)
class Explanation:
    """The explanations of one case under one reading.

    Renders itself as plain text (:meth:`to_text`), JSON (:meth:`to_json`,
    read back by :meth:`from_json`), Graphviz DOT (:meth:`to_dot`),
    Markdown (:meth:`to_markdown`) and, in a notebook, Markdown or HTML.
    """

    case: str
    regime: Setting
    positions: tuple[Setting, ...]
    answers: tuple[Answer, ...]
    assumed: tuple[Assumption, ...] = ()
    open_facts: tuple[str, ...] = ()

    def conclusions(self) -> Iterator[Node]:
        """Every ``conclusion`` node of every answer."""
        for answer in self.answers:
            yield from answer.conclusions

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "regime": self.regime.to_dict(),
            "positions": [p.to_dict() for p in self.positions],
            "assumed": [{"pred": a.pred, "args": list(a.args), "value": a.value} for a in self.assumed],
            "open_facts": list(self.open_facts),
            "answers": [a.to_dict() for a in self.answers],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Explanation":
        return cls(
            case=str(data["case"]),
            regime=Setting.from_dict(data["regime"]),
            positions=tuple(Setting.from_dict(p) for p in data["positions"]),
            answers=tuple(Answer.from_dict(a) for a in data["answers"]),
            assumed=tuple(Assumption(str(a["pred"]), tuple(a["args"]), bool(a["value"]))
                          for a in data.get("assumed", ())),
            open_facts=tuple(data.get("open_facts", ())),
        )

    def to_json(self) -> str:
        """Stable, diffable JSON: sorted keys, children in the rules' order, no run-dependent ids."""
        return json.dumps(self.to_dict(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Explanation":
        return cls.from_dict(json.loads(text))

    def to_text(self) -> str:
        return render_text(self)

    def to_markdown(self) -> str:
        return render_markdown(self)

    def to_dot(self) -> str:
        return render_dot(self)

    def to_html(self) -> str:
        return render_html(self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return self.to_html()


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
    from .prolog_engine import PrologEngine

    engine = kb.engine("prolog")
    if not isinstance(engine, PrologEngine):  # pragma: no cover - engine() guarantees it
        raise EngineError("explanations need the Prolog engine")
    request_terms = prolog_list([f"{kind}({pattern.prolog()})" for kind, pattern in requests])
    settings = [f"why_depth({int(why_depth)})"] + ([f"depth({int(depth)})"] if depth is not None else [])
    data = engine.call_json(EXPLAIN_PREDICATE, engine.case_term(case), engine.options_term(reading),
                            request_terms, prolog_list(settings))
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
    for node in explanation.conclusions():
        key = (str(node.pred), tuple(str(a) for a in node.args))
        out[key] = [{"rule": p.rule, "doctrines": list(p.doctrines), "section": p.section, "ext": p.ext,
                     "conditions": [condition_line(c) for c in p.children]}
                    for p in node.children]
    return out


#: The renderings by ``--format`` name.
RENDERERS: dict[str, Callable[[Explanation], str]] = {
    "text": render_text,
    "json": Explanation.to_json,
    "dot": render_dot,
    "markdown": render_markdown,
}


# ------------------------------------------------- evaluate --explain --
def _row_keys(pred: str, row: dict[str, Any], vocab: Vocabulary) -> list[tuple[str, tuple[str, ...]]]:
    """The concluded atoms one row of an evaluation's JSON form stands for."""
    def value(v: Any) -> str:
        return "none" if v is None else str(v)

    if pred == "liable":
        return [("liable", (row["subject"], row["kind"], right, row["stage"])) for right in row["rights"]]
    if pred == "remedy":
        return ([("remedy", (row["against"], row["remedy"]))]
                + [("remedy_factor", (row["against"], f)) for f in row.get("factors", ())])
    return [(pred, tuple(value(row[name]) for name in vocab.outputs[pred].arg_names))]


def with_reasons(kb: "KnowledgeBase", case: Case, reading: ResolvedReading,
                 result: dict[str, Any]) -> dict[str, Any]:
    """An evaluation's JSON form with a ``why`` list on every row: the rules that concluded it, one level deep.

    The reasons come from the Prolog rules (one call for the whole case),
    whichever engine produced ``result``.
    """
    from .result import SECTIONS

    requests = [("explain", Pattern.any_of(pred, kb.vocab)) for pred in kb.vocab.outputs]
    found = reasons(explain(kb, case, reading, requests, why_depth=0, depth=1))
    out = dict(result)
    for key, pred in SECTIONS:
        rows = []
        for row in result[key]:
            why = [{"conclusion": atom_display(p, args), **reason}
                   for p, args in _row_keys(pred, row, kb.vocab) for reason in found.get((p, args), [])]
            rows.append({**row, "why": why})
        out[key] = rows
    return out


__all__ = [
    "DEFAULT_PREDICATES", "RENDERERS", "Answer", "Assumption", "Explanation", "Node", "Pattern", "Setting",
    "assume", "atom_display", "explain", "explained_evaluation_text", "parse_assumption", "parse_conclusion",
    "reasons", "render_dot", "render_html", "render_markdown", "render_text", "with_reasons",
]
