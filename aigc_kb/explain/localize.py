"""Explanations in another language: the one point where the texts of a tree are worded anew.

The Prolog explainer words every node in English from the templates of the
knowledge base.  :func:`localize` words the same nodes in the language asked for
from their predicates and arguments (:func:`aigc_kb.core.lang.atom_text`), the
reading nodes from their values, and the law beside the reasoning from
``kb/lang``; the paper's sentences stay in the paper's language.  It also puts
the display names of a case's entities (its ``names:`` block) in place of their
identifiers.  Nothing is decided here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..core.lang import Kinds, Language, Names, argument_text, atom_text, language
from ..core.vocabulary import Doctrine, Vocabulary
from .law import Law
from .model import Answer, Explanation, Node


class _Worder:
    def __init__(self, lang: Language, vocab: Vocabulary, names: Names | None, kb_dir: str | Path | None,
                 kinds: Kinds | None = None) -> None:
        self.lang = lang
        self.vocab = vocab
        self.names = names or {}
        self.kb_dir = kb_dir
        self.kinds = kinds or {}

    def atom(self, pred: str | None, args: tuple[str | None, ...], labels: tuple[str | None, ...] = ()) -> str | None:
        if pred is None:
            return None
        return atom_text(self.lang, pred, args, names=self.names, labels=labels, kb_dir=self.kb_dir,
                         kinds=self.kinds)

    def word(self, value: str | None, *types: str) -> str:
        return self.lang.word(value or "", *types)

    def text(self, node: Node) -> str:
        lang = self.lang
        if node.goals:
            parts = []
            for goal in node.goals:
                said = self.atom(goal.pred, goal.args, goal.vars) or atom_text_fallback(goal.pred, goal.args)
                parts.append(lang.msg("not_goal", text=said) if goal.negated else said)
            return lang.msg("and").join(parts)
        if node.kind in ("regime", "position") and lang.code == "en":
            return node.text  # no entity in it: as the Prolog explainer worded it
        if node.kind == "regime":
            if node.default:
                note = lang.msg("the_default")
            else:
                note = lang.msg("not_the_default_is", default=self.word(self.vocab.default_regime, "regime"))
            text = lang.msg("regime_node", value=self.word(node.value, "regime"), section=node.section or "", note=note)
            return self.wanted(text, node, "regime")
        if node.kind == "position":
            point = self.vocab.choice_points.get(node.point or "")
            if node.default or point is None:
                note = lang.msg("the_default")
            else:
                note = lang.msg("not_the_default_is", default=self.word(point.default, "position"))
            text = lang.msg("position_node", point=node.point or "", doctrine=", ".join(node.doctrines),
                            value=self.word(node.value, "position"), note=note)
            return self.wanted(text, node, "position")
        if node.kind == "test":
            if node.op is not None and len(node.terms) == 2:
                x, y = (argument_text(lang, "party", t, self.names) for t in node.terms)
                same = (node.op == "==") == bool(node.holds)
                return lang.msg("test_is" if same else "test_is_not", x=x, y=y)
            if node.holds is False:
                return lang.msg("test_not", text=node.text.removeprefix("it is not the case that "))
            return node.text
        return self.atom(node.pred, node.args) or node.text

    def wanted(self, text: str, node: Node, type_: str) -> str:
        if node.wanted is None or node.wanted == node.value:
            return text
        return self.lang.msg("not_wanted", text=text, wanted=self.word(node.wanted, type_))

    def node(self, node: Node) -> Node:
        return replace(node, text=self.text(node), children=tuple(self.node(c) for c in node.children),
                       failed=self.node(node.failed) if node.failed is not None else None)

    def answer(self, answer: Answer) -> Answer:
        said = self.atom(answer.pattern.pred, answer.pattern.args) or answer.text
        return replace(answer, text=said, conclusions=tuple(self.node(c) for c in answer.conclusions),
                       attempts=tuple(self.node(a) for a in answer.attempts))


def atom_text_fallback(pred: str, args: tuple[str | None, ...]) -> str:
    """An atom without a template, written as a term (``_`` for an unbound argument)."""
    return f"{pred}({', '.join('_' if a is None else a for a in args)})" if args else pred


def localize_law(law: Law, lang: Language) -> Law:
    """``law`` with each doctrine's name and statement in ``lang`` (the paper's sentences are left as they are)."""
    if lang.code == "en":
        return law
    doctrines = {}
    for key, d in law.doctrines.items():
        words = lang.doctrines.get(key, {})
        doctrines[key] = Doctrine(d.id, words.get("name", d.name), d.sections, d.ext, d.partly_ext,
                                  words.get("statement", d.statement))
    return replace(law, doctrines=doctrines)


def localize(expl: Explanation, lang: str | None, vocab: Vocabulary, *, names: Names | None = None,
             kb_dir: str | Path | None = None, kinds: Kinds | None = None) -> Explanation:
    """``expl`` worded in ``lang`` (default: the locale's), with the display names of ``names``; ``kinds``
    gives the entity types of the case's entities (a copy is named a copy: :func:`aigc_kb.core.lang.entity_kinds`).

    In English without display names the explanation is returned as the Prolog explainer worded it.
    """
    words = language(lang, kb_dir)
    if words.code == "en" and not any("en" in n for n in (names or {}).values()):
        return expl
    worder = _Worder(words, vocab, names, kb_dir, kinds)
    return replace(expl, answers=tuple(worder.answer(a) for a in expl.answers),
                   law=localize_law(expl.law, words) if expl.law is not None else None, lang=words.code)


__all__ = ["atom_text_fallback", "localize", "localize_law"]
