"""The one way case data becomes engine input.

Prolog: every name becomes a quoted atom through :func:`prolog_atom`, the only
function that turns text into Prolog source; property tests attack it.
ASP: every name becomes a ``clingo.Symbol`` built through the API
(:func:`asp_name`); rendered text comes only from ``str(Symbol)``.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from ..core.model import Fact

if TYPE_CHECKING:  # clingo is imported where a symbol is made: Prolog runs never need it
    import clingo

_ASP_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*")
_ASP_KEYWORDS = frozenset({"not", "inf", "sup", "infimum", "supremum"})


def _check(text: str) -> None:
    if "\0" in text:
        raise ValueError("names cannot contain the NUL character (U+0000)")


def prolog_atom(text: str) -> str:
    """``text`` as a Prolog quoted atom that reads back as exactly ``text``.

    Backslash and single quote are escaped, every control character
    (C0, DEL, C1) is written as a ``\\xHEX\\`` escape, and everything else
    stands as itself (the query text reaches SWI-Prolog as UTF-8).

    Raises
    ------
    ValueError
        For text containing NUL, which neither engine's C interface carries.
    """
    _check(text)
    out = ["'"]
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:x}\\")
        else:
            out.append(ch)
    out.append("'")
    return "".join(out)


def prolog_term(name: str, args: tuple[str, ...]) -> str:
    """A compound (or atom) with every part quoted by :func:`prolog_atom`."""
    if not args:
        return prolog_atom(name)
    return f"{prolog_atom(name)}({','.join(prolog_atom(a) for a in args)})"


def prolog_fact(fact: Fact) -> str:
    return prolog_term(fact.pred, fact.args)


def prolog_list(items: list[str]) -> str:
    """A Prolog list of already-rendered terms."""
    return "[" + ",".join(items) + "]"


def asp_is_constant(text: str) -> bool:
    """Whether :func:`asp_name` makes ``text`` a constant (else a string), without making a symbol."""
    return _ASP_CONSTANT.fullmatch(text) is not None and text not in _ASP_KEYWORDS


def asp_name(text: str) -> clingo.Symbol:
    """A name as a clingo symbol: a constant when it is one, else a string."""
    import clingo

    _check(text)
    if asp_is_constant(text):
        return clingo.Function(text)
    return clingo.String(text)


def asp_fact(fact: Fact) -> clingo.Symbol:
    import clingo

    return clingo.Function(fact.pred, [asp_name(a) for a in fact.args])


def symbol_text(symbol: clingo.Symbol) -> str:
    """The name a result symbol stands for (inverse of :func:`asp_name`)."""
    import clingo

    if symbol.type == clingo.SymbolType.String:
        return symbol.string
    if symbol.type == clingo.SymbolType.Number:
        return str(symbol.number)
    if symbol.type == clingo.SymbolType.Function and not symbol.arguments:
        return symbol.name
    return str(symbol)


# A name as clingo writes it in an answer: a string in double quotes (escaping only ``\\``, ``"`` and a
# newline), or a constant or number as itself.
_ARG = r'"(?:[^"\\]|\\.)*"|[^,()"]+'
_ATOM = rf'(\w+)(?:\(((?:{_ARG})(?:,(?:{_ARG}))*)\))?'
#: A shown atom: ``because(Atom,Doctrine)`` (Atom whole, its name and arguments; Doctrine), or any other
#: atom (whole, name, arguments).
_SHOWN = re.compile(rf'because\(({_ATOM}),({_ARG})\)|({_ATOM})')
_ARGS = re.compile(_ARG)
_ESCAPE = re.compile(r'\\(.)', re.S)
_ESCAPED = {"n": "\n", "\\": "\\", '"': '"'}

#: A conclusion read from an answer: the atom's name, its arguments' names, its doctrines (upper case).
Shown = tuple[str, tuple[str, ...], tuple[str, ...]]


def _token_text(token: str) -> str:
    """The name an argument written as clingo writes it stands for (as :func:`symbol_text` of its symbol)."""
    if token[:1] != '"':
        return token  # a constant's name, or a number as str() of it
    inner = token[1:-1]
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m[1], m[1]), inner) if "\\" in inner else inner


def _args_text(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    if '"' not in text:
        return tuple(map(sys.intern, text.split(",")))  # a name held once, however many atoms name it
    return tuple(_token_text(t) for t in _ARGS.findall(text))


def shown_conclusions(text: str) -> list[Shown] | None:
    """The conclusions of an answer set given as one text, its shown atoms as clingo writes them, by commas.

    ``because(Atom, Doctrine)`` atoms give the doctrines of ``Atom``; every
    other atom is a conclusion: its name, its arguments' names (as
    :func:`symbol_text` reads each argument's symbol), its doctrines upper
    case and sorted.  The text is read with regular expressions, without a
    Python object per symbol; ``None`` when some part of it is not an atom
    whose arguments are names (constants, numbers or strings): the caller then
    reads it through clingo.
    """
    doctrines: dict[str, list[str]] = {}
    atoms: list[tuple[str, str, str | None]] = []
    match = _SHOWN.match
    position, end = 0, len(text)
    while position < end:
        found = match(text, position)
        if found is None:
            return None
        position = found.end()
        if position < end:
            if text[position] != ",":
                return None
            position += 1
            if position == end:
                return None
        inner, _, _, doctrine, whole, name, args = found.groups()
        if inner is not None:
            cites = doctrines.get(inner)
            if cites is None:
                doctrines[inner] = [doctrine]
            else:
                cites.append(doctrine)
        else:
            atoms.append((whole, name, args))
    # Each atom's doctrines as one tuple shared by every atom with the same doctrines (few distinct sets).
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    by_marks: dict[tuple[str, ...], tuple[str, ...]] = {}
    out: list[Shown] = []
    for whole, name, args in atoms:
        marks = doctrines.get(whole)
        if marks:
            key = tuple(marks)
            cited = by_marks.get(key)
            if cited is None:
                cited = tuple(sorted({_token_text(d).upper() for d in marks}))
                cited = by_marks[key] = shared.setdefault(cited, cited)
        else:
            cited = ()
        out.append((sys.intern(name), _args_text(args), cited))
    return out
