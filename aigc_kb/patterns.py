"""Conclusion patterns: an output atom written on the command line, ``_`` for any value.

``liable(acme, _, reproduction, _)`` is parsed as a Prolog-syntax atom by
:func:`aigc_kb.core.factfile.parse_atoms` (never consulted) and checked against
the vocabulary's output predicates and the case's entities.  ``explain``
(``--query``, ``--why-not``) and the scenario analysis (``--goal``,
``--avoid``) read their conclusions through :func:`parse_conclusion`; an
assumed input fact (``--assume``) is read through :func:`parse_atom`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .core.errors import InputError, Problem
from .core.factfile import parse_atoms
from .core.model import Case
from .core.reading import COMMAND_LINE
from .core.vocabulary import ENTITY_TYPES, NONE, Vocabulary
from .core.wording import a, any_of
from .engines.quoting import prolog_atom

_PLAIN_NAME = re.compile(r"[a-z][A-Za-z0-9_]*")


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


def parse_atom(text: str, option: str, wildcards: bool) -> tuple[str, tuple[str | None, ...]]:
    """Parse one atom written on the command line (Prolog syntax).

    Returns the predicate and the arguments, ``None`` for ``_`` where
    ``wildcards`` allows it.

    Raises
    ------
    InputError
        For text that is not exactly one atom with names as arguments.
    """
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
        args.append(None if arg.wildcard else arg.name)
    return term.name, tuple(args)


def parse_conclusion(text: str, case: Case, vocab: Vocabulary, option: str = "--query") -> Pattern:
    """Read an output atom, e.g. ``liable(acme, _, reproduction, _)``, checked against the vocabulary.

    Raises
    ------
    InputError
        For bad syntax, an unknown output predicate, a wrong number of
        arguments, a value outside its enumeration or a name that is not an
        entity of the right type in ``case``.
    """
    def bad(message: str) -> InputError:
        return InputError([Problem(COMMAND_LINE, None, f"{option} {text!r}: {message}")])

    pred, args = parse_atom(text, option, wildcards=True)
    spec = vocab.outputs.get(pred)
    if spec is None:
        raise bad(f"unknown output predicate {pred!r} (one of {', '.join(vocab.outputs)})")
    if spec.arity != len(args):
        raise bad(f"{pred}({', '.join(spec.arg_names)}) takes {spec.arity} "
                  f"argument{'' if spec.arity == 1 else 's'}, {len(args)} given")
    entities: dict[str, set[str]] = {}
    for fact in case.facts:
        if fact.pred in ENTITY_TYPES:
            entities.setdefault(fact.args[0], set()).add(fact.pred)
    for value, name, type_name in zip(args, spec.arg_names, spec.arg_types):
        if value is None:
            continue
        enum = vocab.enum_values(type_name)
        if enum is not None:
            if value not in enum:
                raise bad(f"{name} {value!r} is not {a(type_name)} (one of {', '.join(enum)})")
        elif not (type_name.endswith("_or_none") and value == NONE):
            allowed = vocab.entity_types_of(type_name)
            if not entities.get(value, set()) & set(allowed):
                raise bad(f"{name} {value!r} is not {any_of(allowed)} of the case")
    return Pattern(pred, args)
