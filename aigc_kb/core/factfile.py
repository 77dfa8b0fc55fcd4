"""Read plain ``.pl`` / ``.lp`` fact files as data.

A fact file holds ground facts ``pred(arg, ...).`` and open facts
``unknown(pred(arg, ...)).``, in Prolog syntax (quoted atoms ``'…'``) or ASP
syntax (strings ``"…"``).  It is tokenised and parsed here, never consulted
or grounded: rules, directives, variables and anything else that is code are
reported as errors with their line.

An atom written on the command line (``liable(acme, _, _, _)``) is read by
the same parser (:func:`parse_atoms`), where a bare ``_`` may stand for any
value: it is returned as a term marked ``wildcard``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem

_NAME = re.compile(r"[a-z][A-Za-z0-9_]*")
_VAR = re.compile(r"[A-Z_][A-Za-z0-9_]*")
_INT = re.compile(r"-?[0-9]+")
_NAME_CHAR = re.compile(r"[A-Za-z0-9_]")
#: An unquoted ``_`` standing alone (in :func:`parse_atoms` with wildcards).
WILDCARD = "_"
_MAX_DEPTH = 3


@dataclass(frozen=True)
class Term:
    """A parsed term: a name (with arguments, possibly none) or a quoted text.

    ``wildcard`` marks a bare ``_`` read as "any value" (its ``name`` is
    ``_``, ``quoted`` false); a quoted ``'_'`` is a plain name.
    """

    name: str
    args: tuple["Term", ...]
    quoted: bool
    line: int
    wildcard: bool = False


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    line: int


class _Lexer:
    def __init__(self, text: str, file: str, dialect: str, wildcards: bool = False) -> None:
        self.text = text
        self.file = file
        self.dialect = dialect
        self.wildcards = wildcards
        self.pos = 0
        self.line = 1

    def _advance(self, n: int) -> str:
        chunk = self.text[self.pos:self.pos + n]
        self.line += chunk.count("\n")
        self.pos += n
        return chunk

    def _quoted(self, quote: str) -> str:
        start_line = self.line
        self._advance(1)
        out: list[str] = []
        while True:
            if self.pos >= len(self.text):
                raise _ParseError(start_line, f"unterminated quoted text starting here ({quote})")
            ch = self.text[self.pos]
            if ch == quote:
                if quote == "'" and self.text[self.pos + 1:self.pos + 2] == "'":
                    out.append("'")
                    self._advance(2)
                    continue
                self._advance(1)
                return "".join(out)
            if ch == "\n" and quote == "'":
                raise _ParseError(self.line, "newline inside a quoted atom (write \\n)")
            if ch == "\\":
                out.append(self._escape())
                continue
            out.append(ch)
            self._advance(1)

    def _escape(self) -> str:
        nxt = self.text[self.pos + 1:self.pos + 2]
        simple = {"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"', "`": "`",
                  "a": "\a", "b": "\b", "f": "\f", "v": "\v", "r": "\r", "0": "\0", "e": "\x1b",
                  "s": " "}
        if nxt == "x":
            match = re.compile(r"\\x([0-9a-fA-F]+)\\?").match(self.text, self.pos)
            if not match:
                raise _ParseError(self.line, "bad \\x escape")
            self._advance(match.end() - self.pos)
            code = int(match.group(1), 16)
            if code > 0x10FFFF:
                raise _ParseError(self.line, "\\x escape out of range")
            return chr(code)
        if nxt == "\n":
            self._advance(2)
            return ""
        if nxt in simple:
            self._advance(2)
            return simple[nxt]
        raise _ParseError(self.line, f"unknown escape sequence \\{nxt}")

    def tokens(self) -> list[_Token]:
        out: list[_Token] = []
        text = self.text
        while self.pos < len(text):
            ch = text[self.pos]
            if ch in " \t\r\n\f\v":
                self._advance(1)
            elif text.startswith("%*", self.pos) and self.dialect == "lp":
                end = text.find("*%", self.pos + 2)
                if end < 0:
                    raise _ParseError(self.line, "unterminated block comment")
                self._advance(end + 2 - self.pos)
            elif text.startswith("/*", self.pos) and self.dialect == "pl":
                end = text.find("*/", self.pos + 2)
                if end < 0:
                    raise _ParseError(self.line, "unterminated block comment")
                self._advance(end + 2 - self.pos)
            elif ch == "%":
                end = text.find("\n", self.pos)
                self._advance((len(text) if end < 0 else end) - self.pos)
            elif ch in "(),":
                out.append(_Token(ch, ch, self.line))
                self._advance(1)
            elif ch == ".":
                out.append(_Token(".", ".", self.line))
                self._advance(1)
            elif ch == "'" and self.dialect == "pl":
                line = self.line
                out.append(_Token("quoted", self._quoted("'"), line))
            elif ch == '"':
                line = self.line
                out.append(_Token("quoted", self._quoted('"'), line))
            elif text.startswith(":-", self.pos) or text.startswith("#", self.pos):
                raise _ParseError(self.line, "rules and directives are code; a case file holds facts only")
            else:
                for kind, pattern in (("name", _NAME), ("int", _INT), ("var", _VAR)):
                    match = pattern.match(text, self.pos)
                    if match:
                        if kind == "var" and self._is_wildcard(match.group()):
                            out.append(_Token("wildcard", WILDCARD, self.line))
                            self._advance(1)
                            break
                        if kind == "var":
                            raise _ParseError(self.line, f"variable {match.group()} in a fact file (facts must be ground; quote names that start with a capital)")
                        out.append(_Token(kind, match.group(), self.line))
                        self._advance(match.end() - self.pos)
                        break
                else:
                    raise _ParseError(self.line, f"unexpected character {ch!r}")
        return out

    def _is_wildcard(self, var: str) -> bool:
        """Whether the variable ``var`` at the current position is a bare ``_`` read as a wildcard.

        The ``_`` must not touch a name character on either side (``1_`` is
        not one: the ``_`` follows the number).
        """
        return (self.wildcards and var == WILDCARD
                and not (self.pos > 0 and _NAME_CHAR.match(self.text[self.pos - 1])))


class _ParseError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Parser:
    def __init__(self, tokens: list[_Token], last_line: int) -> None:
        self.tokens = tokens
        self.i = 0
        self.last_line = last_line

    def _peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self, kind: str) -> _Token:
        tok = self._peek()
        if tok is None:
            raise _ParseError(self.last_line, f"unexpected end of file, expected {kind!r}")
        if tok.kind != kind:
            raise _ParseError(tok.line, f"expected {kind!r}, found {tok.text!r}")
        self.i += 1
        return tok

    def term(self, depth: int) -> Term:
        if depth > _MAX_DEPTH:
            tok = self._peek()
            raise _ParseError(tok.line if tok else self.last_line, "terms nested too deeply for a fact")
        tok = self._peek()
        if tok is None:
            raise _ParseError(self.last_line, "unexpected end of file, expected a term")
        if tok.kind == "int":
            self.i += 1
            return Term(tok.text, (), False, tok.line)
        if tok.kind not in ("name", "quoted", "wildcard"):
            raise _ParseError(tok.line, f"expected a term, found {tok.text!r}")
        self.i += 1
        args: list[Term] = []
        nxt = self._peek()
        if nxt is not None and nxt.kind == "(":
            self.i += 1
            args.append(self.term(depth + 1))
            while (sep := self._peek()) is not None and sep.kind == ",":
                self.i += 1
                args.append(self.term(depth + 1))
            self._take(")")
        return Term(tok.text, tuple(args), tok.kind == "quoted", tok.line, tok.kind == "wildcard")

    def facts(self) -> list[Term]:
        out: list[Term] = []
        while self._peek() is not None:
            term = self.term(1)
            self._take(".")
            out.append(term)
        return out


def parse_fact_file(text: str, file: str, dialect: str, *,
                    wildcards: bool = False) -> tuple[list[Term], list[Problem]]:
    """Parse ``text`` as a fact file.

    Parameters
    ----------
    text : str
        The file's content.
    file : str
        Its name, for messages.
    dialect : {"pl", "lp"}
        Prolog (``'quoted'`` atoms, ``/* */`` comments) or ASP syntax.
    wildcards : bool
        Read a bare ``_`` (unquoted, not part of a longer name) as a term
        marked ``wildcard`` instead of refusing it as a variable.  Other
        variables are refused either way.

    Returns
    -------
    terms, problems
        The parsed terms, or the problem that stopped the parse.
    """
    try:
        tokens = _Lexer(text, file, dialect, wildcards).tokens()
        return _Parser(tokens, text.count("\n") + 1).facts(), []
    except _ParseError as err:
        return [], [Problem(file, err.line, err.message)]


def parse_atoms(text: str, file: str, *, wildcards: bool = False) -> tuple[list[Term], list[Problem]]:
    """Parse atoms written without their final full stop, e.g. a command-line argument.

    ``text`` is read in Prolog syntax as a fact file holding
    ``text.strip() + "."``: ``liable(acme, _, 'Acme Ltd', _)``.

    Parameters
    ----------
    text : str
        The atoms (normally one; the caller checks how many it got).
    file : str
        Where they come from, for messages (e.g. ``<command line>``).
    wildcards : bool
        Read a bare ``_`` as "any value": a term with ``wildcard`` set,
        wherever a term may stand (the caller refuses it where it has no
        meaning, e.g. as the predicate).  A quoted ``'_'`` is a plain name.
        Without it, ``_`` is a variable and refused like any other.

    Returns
    -------
    terms, problems
        The parsed terms, or the problem that stopped the parse (file, line,
        message, as :func:`parse_fact_file`).
    """
    return parse_fact_file(text.strip() + ".", file, "pl", wildcards=wildcards)
