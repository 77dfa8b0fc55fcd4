"""A conclusion given on the command line, e.g. ``liable(acme,_,reproduction,_)``.

It is parsed as a Prolog-syntax atom by :func:`aigc_kb.factfile.parse_atoms`
(never consulted) and checked against the vocabulary's output predicates and
the case's entities.  An argument written ``_`` (unquoted) stands for any value;
the pattern holds in a world when some conclusion matching it does.
"""

from __future__ import annotations

from dataclasses import dataclass

import clingo

from .errors import InputError, Problem
from .factfile import WILDCARD, parse_atoms
from .model import Case
from .quoting import symbol_text
from .vocabulary import ENTITY_TYPES, NONE, Vocabulary
from .wording import a, any_of

COMMAND_LINE = "<command line>"


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

    terms, problems = parse_atoms(text, COMMAND_LINE, wildcards=True)
    if problems:
        raise fail(problems[0].message)
    if len(terms) != 1:
        raise fail("expected one conclusion, e.g. liable(acme,_,_,_)")
    (term,) = terms
    spec = vocab.outputs.get(term.name)
    if spec is None or term.quoted or term.wildcard:
        raise fail(f"unknown output predicate {term.name!r} (one of {', '.join(vocab.outputs)})")
    if len(term.args) != spec.arity:
        raise fail(f"{term.name}({', '.join(spec.arg_names)}) takes {spec.arity} "
                   f"argument{'' if spec.arity == 1 else 's'}, {len(term.args)} given")
    entities: dict[str, set[str]] = {}
    for fact in case.facts:
        if fact.pred in ENTITY_TYPES:
            entities.setdefault(fact.args[0], set()).add(fact.pred)
    args: list[str | None] = []
    for arg, name, type_name in zip(term.args, spec.arg_names, spec.arg_types):
        if arg.args:
            raise fail(f"argument {name} must be a name or _, not a compound term")
        if arg.wildcard:
            args.append(None)
            continue
        value = arg.name
        enum = vocab.enum_values(type_name)
        if enum is not None:
            if value not in enum:
                raise fail(f"{name} {value!r} is not {a(type_name)} (one of {', '.join(enum)})")
        elif not (type_name.endswith("_or_none") and value == NONE):
            allowed = vocab.entity_types_of(type_name)
            if not entities.get(value, set()) & set(allowed):
                raise fail(f"{name} {value!r} is not {any_of(allowed)} of the case")
        args.append(value)
    return ConclusionPattern(term.name, tuple(args))
