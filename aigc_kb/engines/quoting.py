"""The one way case data becomes engine input.

Prolog: every name becomes a quoted atom through :func:`prolog_atom`, the only
function that turns text into Prolog source; property tests attack it.
ASP: every name becomes a ``clingo.Symbol`` built through the API
(:func:`asp_name`); rendered text comes only from ``str(Symbol)``.
"""

from __future__ import annotations

import re
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
