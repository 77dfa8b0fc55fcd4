"""Explanations: justification trees, why-not answers and their renderings.

The trees are built by the Prolog meta-interpreter ``kb/prolog/explain.pl``
over the registered rules, for the case and reading given, in one Prolog call
that returns one JSON string; this module only reads that JSON into
dataclasses and renders it (plain text, JSON, Graphviz DOT, Markdown, HTML).
It never decides anything the rules decide.

Conclusions are written as output atoms in Prolog syntax, with ``_`` for any
value: ``liable(acme, primary, _, generation)``; an assumption is an input
atom, ``provider(acme, gen)``.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from .errors import EngineError, InputError, Problem
from .factfile import parse_fact_file
from .loader import CaseValidator
from .model import Case, Fact
from .quoting import prolog_atom, prolog_fact, prolog_list
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
_NAME_CHAR = re.compile(r"[A-Za-z0-9_]")
#: A bare ``_`` is read as this quoted name, which no entity can have (names
#: cannot contain NUL), and then as "any value".
_WILDCARD = "\0"


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


def _mark_wildcards(text: str) -> str:
    """``text`` with every bare ``_`` (outside quotes, not part of a name) as a quoted NUL."""
    out: list[str] = []
    quote: str | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if quote is not None:
            out.append(ch)
            if ch == "\\" and i + 1 < len(text):
                out.append(text[i + 1])
                i += 2
                continue
            if ch == quote:
                if quote == "'" and text[i + 1:i + 2] == "'":
                    out.append("'")
                    i += 2
                    continue
                quote = None
            i += 1
            continue
        if ch in "'\"":
            quote = ch
        elif (ch == "_" and (i == 0 or not _NAME_CHAR.match(text[i - 1]))
              and (i + 1 == len(text) or not _NAME_CHAR.match(text[i + 1]))):
            out.append(f"'{_WILDCARD}'")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _parse_atom(text: str, option: str, wildcards: bool) -> tuple[str, tuple[str | None, ...]]:
    """Parse one atom written on the command line (Prolog syntax)."""
    def bad(message: str) -> InputError:
        return InputError.single(COMMAND_LINE, None, f"{option} {text!r}: {message}")

    source = _mark_wildcards(text) if wildcards else text
    if "\0" in text:
        raise bad("names cannot contain the NUL character")
    terms, problems = parse_fact_file(source.strip() + ".", COMMAND_LINE, "pl")
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
    if term.name == _WILDCARD:
        raise bad("expected an atom, not _")
    args: list[str | None] = []
    for arg in term.args:
        if arg.args:
            raise bad(f"argument {arg.name}(...) must be a name, not a compound term")
        if arg.quoted and arg.name == _WILDCARD:
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
def _facts_term(case: Case) -> str:
    return prolog_list([prolog_fact(f) for f in case.facts]
                       + [f"unknown({prolog_fact(f)})" for f in case.unknown])


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
    data = engine.call_json(EXPLAIN_PREDICATE, _facts_term(case), engine.options_term(reading),
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


# -------------------------------------------------------------- rendering --
def sections_text(section: str | None) -> str:
    """``"3.1, 4.3"`` as ``"§3.1, §4.3"``."""
    if not section:
        return ""
    return ", ".join(f"§{s.strip()}" for s in section.split(",") if s.strip())


def citation(node: Node) -> str:
    """``D07, D13; §5.1``: the doctrines and sections of a node's rule."""
    return f"{', '.join(node.doctrines)}; {sections_text(node.section)}"


def _ext(node: Node) -> str:
    return " [ext]" if node.ext else ""


def _burden(node: Node) -> str:
    notes = []
    if node.burden:
        notes.append(f"burden: {node.burden}")
    if node.open:
        notes.append("open in the case")
    return f"  ({'; '.join(notes)})" if notes else ""


def condition_line(node: Node) -> str:
    """One node in one line of words (without its children)."""
    if node.kind in ("derived", "conclusion"):
        return f"{node.text}  [{node.rule}: {citation(node)}]{_ext(node)}" if node.rule else node.text
    if node.kind == "fact":
        return f"fact: {node.text}"
    if node.kind in ("absent", "underived"):
        none = "  (no rule concludes it)" if node.kind == "underived" and not node.children and not node.truncated else ""
        return f"not proven: {node.text}{_burden(node)}{none}"
    if node.kind == "absent_all":
        return f"not proven together: {node.text}"
    if node.kind == "present":
        return f"proven, and it excludes the rule: {node.text}"
    if node.kind == "attempt":
        return f"rule {node.rule} ({citation(node)}){_ext(node)} would conclude: {node.text}"
    return node.text


def _clean(text: str) -> str:
    """Control characters of names made visible, so that a line stays a line."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


def _setting_text(setting: Setting, cite_prefix: str) -> str:
    note = "the default" if setting.default else "not the default"
    return f"{setting.name} = {setting.value} ({cite_prefix}{setting.cite}; {note})"


def _reading_lines(expl: Explanation) -> list[str]:
    lines = [f"Case {_clean(expl.case)}, regime {expl.regime.value} "
             f"({sections_text(expl.regime.cite)}; {'the default' if expl.regime.default else 'not the default'})"]
    changed = [p for p in expl.positions if not p.default]
    lines.append("Choice points: " + ("; ".join(_setting_text(p, "") for p in changed) if changed else "all at their defaults"))
    if expl.assumed:
        lines.append("Assumed: " + "; ".join(_clean(str(a)) for a in expl.assumed))
    if expl.open_facts:
        lines.append("Open facts (not proven): " + "; ".join(_clean(f) for f in expl.open_facts))
    return lines


class _TextWriter:
    """Indented plain text; a derived atom proven twice in one conclusion is shown once."""

    def __init__(self, assumed: tuple[Assumption, ...]) -> None:
        self.lines: list[str] = []
        self.shown: set[tuple[str | None, tuple[str | None, ...], str | None]] = set()
        self.assumed = {(a.pred, a.args) for a in assumed if a.value}

    def node(self, node: Node, indent: int, marker: str = "- ") -> None:
        pad = " " * indent
        line = condition_line(node)
        if node.kind == "fact" and (node.pred, node.args) in self.assumed:
            line += "  (assumed)"
        key = (node.pred, node.args, node.rule)
        repeated = node.kind == "derived" and node.children and key in self.shown
        if repeated:
            line += "  (proven above)"
        if node.truncated:
            line += "  [not expanded]"
        self.lines.append(pad + marker + _clean(line))
        if repeated:
            return
        if node.kind == "derived":
            self.shown.add(key)
        for child in node.children:
            self.node(child, indent + 2)
        if node.failed is not None:
            self.node(node.failed, indent + 2, "x fails: ")
        if node.alternatives:
            self.lines.append(f"{pad}  (the same condition fails for {node.alternatives} other way(s) "
                              "of meeting the conditions before it)")

    def conclusion(self, node: Node) -> None:
        self.shown = set()
        self.lines.append("")
        self.lines.append(_clean(f"{node.atom}  [{', '.join(node.doctrines)}]"))
        self.lines.append(_clean(f"  {node.text}"))
        for proof in node.children:
            self.lines.append(_clean(f"  by rule {proof.rule} ({citation(proof)}){_ext(proof)}:"))
            for child in proof.children:
                self.node(child, 4)

    def answer(self, answer: Answer) -> None:
        if answer.request == "why_not":
            self.lines.append("")
            self.lines.append(_clean(f"Why not {answer.pattern}?"))
            if answer.holds:
                self.lines.append("  It holds:")
            elif not answer.attempts:
                self.lines.append(_clean(f"  {answer.text}: not concluded, and no rule concludes an atom of this form."))
            else:
                self.lines.append(_clean(f"  {answer.text}: not concluded. "
                                         f"{len(answer.attempts)} rule(s) could conclude it; each fails:"))
                for attempt in answer.attempts:
                    self.shown = set()
                    self.node(attempt, 2)
        elif not answer.conclusions:
            self.lines.append("")
            self.lines.append(_clean(f"No conclusion matches {answer.pattern}."))
        for conclusion in answer.conclusions:
            self.conclusion(conclusion)


def render_text(expl: Explanation) -> str:
    """Indented plain English: every step with its rule, doctrines and sections of the paper."""
    writer = _TextWriter(expl.assumed)
    writer.lines.extend(_reading_lines(expl))
    for answer in expl.answers:
        writer.answer(answer)
    return "\n".join(writer.lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _md(text: str) -> str:
    """``text`` with Markdown's special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _clean(text))


def _md_code(text: str) -> str:
    """``text`` as an inline code span, whatever backticks it holds."""
    text = _clean(text)
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_line(node: Node) -> str:
    cite = ""
    if node.rule:
        cite = f" — **{_md(node.rule)}** ({_md(citation(node))})" + (" \\[ext\\]" if node.ext else "")
    if node.kind == "derived":
        return _md(node.text) + cite
    if node.kind == "attempt":
        return f"rule{cite}: would conclude {_md(node.text)}"
    if node.kind in ("fact", "absent", "underived", "absent_all", "present"):
        line = condition_line(replace(node, rule=None))
        head, _, rest = line.partition(": ")
        return f"*{_md(head)}:* {_md(rest)}"
    return _md(node.text)


def _md_nodes(node: Node, depth: int, out: list[str], marker: str = "") -> None:
    pad = "  " * depth
    out.append(f"{pad}- {marker}{_md_line(node)}")
    for child in node.children:
        _md_nodes(child, depth + 1, out)
    if node.failed is not None:
        _md_nodes(node.failed, depth + 1, out, "**fails:** ")


def render_markdown(expl: Explanation) -> str:
    """Markdown: a heading per conclusion, its proofs as nested lists."""
    out = [f"# Explanation: {_md(expl.case)}", "",
           f"Regime **{_md(expl.regime.value)}** ({_md(sections_text(expl.regime.cite))}; "
           f"{'the default' if expl.regime.default else 'not the default'})  "]
    out.extend(f"{_md(line)}  " for line in _reading_lines(expl)[1:])
    for answer in expl.answers:
        if answer.request == "why_not":
            out += ["", f"## Why not {_md_code(str(answer.pattern))}?", ""]
            if answer.holds:
                out.append("It holds.")
            elif not answer.attempts:
                out.append(f"{_md(answer.text)}: not concluded, and no rule concludes an atom of this form.")
            else:
                out += [f"{_md(answer.text)}: not concluded; each rule that could conclude it fails:", ""]
                for attempt in answer.attempts:
                    _md_nodes(attempt, 0, out)
        elif not answer.conclusions:
            out += ["", f"No conclusion matches {_md_code(str(answer.pattern))}."]
        for node in answer.conclusions:
            out += ["", f"## {_md_code(str(node.atom))}", "",
                    f"{_md(node.text)} — {_md(', '.join(node.doctrines))}", ""]
            for proof in node.children:
                proof_line = f"- by **{_md(str(proof.rule))}** ({_md(citation(proof))})" + (
                    " \\[ext\\]" if proof.ext else "")
                out.append(proof_line)
                for child in proof.children:
                    _md_nodes(child, 1, out)
    return "\n".join(out) + "\n"


def _html_nodes(node: Node, marker: str = "") -> str:
    items = [_html_nodes(c) for c in node.children]
    if node.failed is not None:
        items.append(_html_nodes(node.failed, "fails: "))
    inner = f"<ul>{''.join(items)}</ul>" if items else ""
    return f"<li>{html.escape(marker + _clean(condition_line(node)))}{inner}</li>"


def render_html(expl: Explanation) -> str:
    """HTML for a notebook: a list per conclusion or why-not answer."""
    parts = [f"<div><p><b>{html.escape(_clean(line))}</b></p>" if i == 0 else f"<p>{html.escape(_clean(line))}</p>"
             for i, line in enumerate(_reading_lines(expl))]
    for answer in expl.answers:
        if answer.request == "why_not" and not answer.holds:
            parts.append(f"<p><b>Why not {html.escape(_clean(str(answer.pattern)))}?</b> "
                         f"{html.escape(_clean(answer.text))}: not concluded.</p>")
            parts.append("<ul>" + "".join(_html_nodes(a) for a in answer.attempts) + "</ul>")
        for node in answer.conclusions:
            parts.append(f"<p><b>{html.escape(_clean(str(node.atom)))}</b> "
                         f"[{html.escape(', '.join(node.doctrines))}]</p>")
            parts.append("<ul>" + "".join(_html_nodes(p) for p in node.children) + "</ul>")
    return "".join(parts) + "</div>"


def _dot_label(lines: Sequence[str]) -> str:
    def escape(line: str) -> str:
        return _clean(line).replace("\\", "\\\\").replace('"', '\\"')

    wrapped = [w for line in lines for w in (textwrap.wrap(line, 48) or [""])]
    return '"' + "\\n".join(escape(w) for w in wrapped) + '"'


_DOT_STYLE = {
    "conclusion": 'shape=box, style="rounded,bold"',
    "derived": "shape=box, style=rounded",
    "fact": "shape=note",
    "absent": "shape=note, style=dashed",
    "underived": "shape=box, style=dashed",
    "absent_all": "shape=box, style=dashed",
    "present": "shape=box, style=bold",
    "regime": "shape=hexagon",
    "position": "shape=hexagon",
    "test": "shape=plaintext",
    "attempt": 'shape=box, style="rounded,dashed"',
    "why_not": 'shape=box, style="bold,dashed"',
}


class _DotWriter:
    def __init__(self) -> None:
        self.lines = ["digraph explanation {", "  rankdir=LR;",
                      '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];']
        self.count = 0

    def add(self, kind: str, label: Sequence[str]) -> str:
        name = f"n{self.count}"
        self.count += 1
        self.lines.append(f"  {name} [{_DOT_STYLE.get(kind, 'shape=box')}, label={_dot_label(label)}];")
        return name

    def node(self, node: Node) -> str:
        label = [condition_line(replace(node, rule=None))]
        if node.rule:
            label.append(f"{node.rule}: {citation(node)}{_ext(node)}")
        name = self.add(node.kind, label)
        for child in node.children:
            self.lines.append(f"  {name} -> {self.node(child)};")
        if node.failed is not None:
            self.lines.append(f'  {name} -> {self.node(node.failed)} [label="fails", style=dashed];')
        return name


def render_dot(expl: Explanation) -> str:
    """A Graphviz digraph: one tree per conclusion or why-not answer."""
    writer = _DotWriter()
    for answer in expl.answers:
        if answer.request == "why_not" and not answer.holds:
            root = writer.add("why_not", [f"why not {answer.pattern}?", answer.text])
            for attempt in answer.attempts:
                writer.lines.append(f"  {root} -> {writer.node(attempt)};")
        for node in answer.conclusions:
            root = writer.add("conclusion", [str(node.atom), node.text, ", ".join(node.doctrines)])
            for proof in node.children:
                writer.lines.append(f"  {root} -> {writer.node(proof)};")
    writer.lines.append("}")
    return "\n".join(writer.lines) + "\n"


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


def explained_evaluation_text(result: dict[str, Any], vocab: Vocabulary) -> str:
    """The evaluation text with the short reasons under each line (a result of :func:`with_reasons`)."""
    from .render import _lines, evaluation_text
    from .result import SECTIONS

    head = evaluation_text({**result, **{key: [] for key, _ in SECTIONS}}, vocab).rstrip("\n").split("\n")
    body: list[str] = []
    for (title, lines), (key, _) in zip(_lines(result, vocab), SECTIONS):
        if not lines:
            continue
        body.append(f"{title}:")
        for line, row in zip(lines, result[key]):
            body.append(f"  - {line}")
            several = len({w["conclusion"] for w in row["why"]}) > 1
            for why in row["why"]:
                cite = f"{', '.join(why['doctrines'])}; {sections_text(why['section'])}"
                ext = " [ext]" if why["ext"] else ""
                atom = f"{why['conclusion']} " if several else ""
                body.append(_clean(f"      {atom}by {why['rule']} ({cite}){ext}: " + "; ".join(why["conditions"])))
    return "\n".join(head + body) + "\n"


__all__ = [
    "DEFAULT_PREDICATES", "RENDERERS", "Answer", "Assumption", "Explanation", "Node", "Pattern", "Setting",
    "assume", "atom_display", "explain", "explained_evaluation_text", "parse_assumption", "parse_conclusion",
    "reasons", "render_dot", "render_html", "render_markdown", "render_text", "with_reasons",
]
