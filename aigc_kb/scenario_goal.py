"""A conclusion given on the command line, e.g. ``liable(acme,_,reproduction,_)``.

It is parsed as a Prolog-syntax fact by :func:`aigc_kb.factfile.parse_fact_file`
(never consulted) and checked against the vocabulary's output predicates and
the case's entities.  An argument written ``_`` (unquoted) stands for any value;
the pattern holds in a world when some conclusion matching it does.
"""

from __future__ import annotations

from dataclasses import dataclass

import clingo

from .errors import InputError, Problem
from .factfile import parse_fact_file
from .model import Case
from .quoting import symbol_text
from .vocabulary import ENTITY_TYPES, NONE, Vocabulary

COMMAND_LINE = "<command line>"
WILDCARD = "_"


@dataclass(frozen=True)
class ConclusionPattern:
    """An output predicate with some arguments fixed (``None``: any value)."""

    pred: str
    args: tuple[str | None, ...]

    def matches_args(self, args: tuple[str, ...]) -> bool:
        return len(args) == len(self.args) and all(p is None or p == a for p, a in zip(self.args, args))

    def matches(self, symbol: clingo.Symbol) -> bool:
        """Whether the clingo atom ``symbol`` is a conclusion this pattern stands for."""
        if symbol.type != clingo.SymbolType.Function or symbol.name != self.pred:
            return False
        return self.matches_args(tuple(symbol_text(a) for a in symbol.arguments))

    def __str__(self) -> str:
        return f"{self.pred}({','.join(WILDCARD if a is None else a for a in self.args)})"


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _mark_wildcards(text: str) -> tuple[str, str]:
    """``text`` with every unquoted ``_`` argument replaced by a name not otherwise in it."""
    marker = "any"
    while marker in text:
        marker += "_"
    out: list[str] = []
    quote: str | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if quote is not None:
            out.append(ch)
            if ch == "\\" and i + 1 < len(text):
                out.append(text[i + 1])
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif (ch == WILDCARD and (i == 0 or not _is_name_char(text[i - 1]))
              and (i + 1 == len(text) or not _is_name_char(text[i + 1]))):
            out.append(marker)
        else:
            out.append(ch)
        i += 1
    return "".join(out), marker


def parse_conclusion(text: str, vocab: Vocabulary, case: Case, option: str = "--goal") -> ConclusionPattern:
    """Parse and check a conclusion pattern.

    Raises
    ------
    InputError
        For text that is not one output atom, an unknown predicate, a wrong
        number of arguments, a value outside its enumeration, or a name that
        is not an entity of the right type in ``case``.
    """
    def fail(message: str) -> InputError:
        return InputError([Problem(COMMAND_LINE, None, f"{option} {text!r}: {message}")])

    marked, marker = _mark_wildcards(text.strip())
    terms, problems = parse_fact_file(marked + ".", COMMAND_LINE, "pl")
    if problems:
        raise fail(problems[0].message.replace(marker, WILDCARD))
    if len(terms) != 1:
        raise fail("expected one conclusion, e.g. liable(acme,_,_,_)")
    (term,) = terms
    spec = vocab.outputs.get(term.name)
    if spec is None or term.quoted:
        raise fail(f"unknown output predicate {term.name!r} (one of {', '.join(vocab.outputs)})")
    if len(term.args) != spec.arity:
        raise fail(f"{term.name} takes {spec.arity} arguments ({', '.join(spec.arg_names)}), {len(term.args)} given")
    entities: dict[str, set[str]] = {}
    for fact in case.facts:
        if fact.pred in ENTITY_TYPES:
            entities.setdefault(fact.args[0], set()).add(fact.pred)
    args: list[str | None] = []
    for arg, name, type_name in zip(term.args, spec.arg_names, spec.arg_types):
        if arg.args:
            raise fail(f"argument {name} must be a name or _, not a compound term")
        if arg.name == marker and not arg.quoted:
            args.append(None)
            continue
        value = arg.name
        enum = vocab.enum_values(type_name)
        if enum is not None:
            if value not in enum:
                raise fail(f"{name} {value!r} is not a {type_name} (one of {', '.join(enum)})")
        elif not (type_name.endswith("_or_none") and value == NONE):
            allowed = vocab.entity_types_of(type_name)
            if not entities.get(value, set()) & set(allowed):
                raise fail(f"{name} {value!r} is not a {' or '.join(allowed)} of the case")
        args.append(value)
    return ConclusionPattern(term.name, tuple(args))
