"""The data of explanations: justification trees, why-not answers, the reading explained.

Read from the JSON that the Prolog explainer returns (``from_dict``) and
written back as stable JSON (``to_json``); rendered by
:mod:`aigc_kb.explain.render`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from ..core.paper import split_sections
from ..patterns import Pattern, atom_display
from .law import Law


@dataclass(frozen=True)
class Goal:
    """One goal of a conjunction (a node's ``goals``): its atom, the labels of the variables it shares with
    the other goals (``A``, ``B``, ... or ``None`` per argument), and whether it is negated."""

    pred: str
    args: tuple[str | None, ...] = ()
    vars: tuple[str | None, ...] = ()
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"pred": self.pred, "args": list(self.args), "vars": list(self.vars), "negated": self.negated}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Goal":
        return cls(str(data["pred"]), tuple(data.get("args", ())), tuple(data.get("vars", ())),
                   bool(data.get("negated", False)))


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
    #: For renderings in another language: the goals of a conjunction, the value a regime or position
    #: condition asks for, the operator and operands of a test.
    goals: tuple[Goal, ...] = ()
    wanted: str | None = None
    op: str | None = None
    terms: tuple[str, ...] = ()

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
        for name in ("pred", "rule", "section", "burden", "point", "value", "default", "holds", "wanted", "op"):
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
        if self.goals:
            out["goals"] = [g.to_dict() for g in self.goals]
        if self.terms:
            out["terms"] = list(self.terms)
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
            goals=tuple(Goal.from_dict(g) for g in data.get("goals", ())),
            wanted=data.get("wanted"),
            op=data.get("op"),
            terms=tuple(str(t) for t in data.get("terms", ())),
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

    Its JSON form is :meth:`to_json` (read back by :meth:`from_json`); the
    renderings (text, Markdown, HTML, Graphviz DOT) are in
    :mod:`aigc_kb.explain.render`.
    """

    case: str
    regime: Setting
    positions: tuple[Setting, ...]
    answers: tuple[Answer, ...]
    assumed: tuple[Assumption, ...] = ()
    open_facts: tuple[str, ...] = ()
    #: The law beside the reasoning (``--cite full``): the cited doctrines and the paper's sentences.
    law: Law | None = None
    #: The language of the texts (``en`` or ``zh``, see :func:`aigc_kb.explain.localize.localize`).
    lang: str = "en"

    def conclusions(self) -> Iterator[Node]:
        """Every ``conclusion`` node of every answer."""
        for answer in self.answers:
            yield from answer.conclusions

    def cited(self) -> tuple[set[str], set[str]]:
        """The doctrine IDs and section numbers cited anywhere: rules, regime and choice points."""
        doctrines = {p.cite for p in self.positions}
        sections = set(split_sections(self.regime.cite))
        for answer in self.answers:
            for top in (*answer.conclusions, *answer.attempts):
                for node in top.walk():
                    doctrines.update(node.doctrines)
                    sections.update(split_sections(node.section))
        return doctrines, sections

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "regime": self.regime.to_dict(),
            "positions": [p.to_dict() for p in self.positions],
            "assumed": [{"pred": a.pred, "args": list(a.args), "value": a.value} for a in self.assumed],
            "open_facts": list(self.open_facts),
            "answers": [a.to_dict() for a in self.answers],
            **({"law": self.law.to_dict()} if self.law is not None else {}),
            **({"lang": self.lang} if self.lang != "en" else {}),
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
            law=Law.from_dict(data["law"]) if "law" in data else None,
            lang=str(data.get("lang", "en")),
        )

    def to_json(self) -> str:
        """Stable, diffable JSON: sorted keys, children in the rules' order, no run-dependent ids."""
        return json.dumps(self.to_dict(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Explanation":
        return cls.from_dict(json.loads(text))
