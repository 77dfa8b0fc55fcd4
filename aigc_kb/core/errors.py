"""The one family of errors the library raises for bad input and engine trouble."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file.

    Attributes
    ----------
    file : str
        The file the problem is in (or ``"<command line>"``).
    line : int | None
        1-based line number, when known.
    message : str
        What is wrong, in words.
    """

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return one_line(f"{where}: {self.message}")


#: Every character that ends a line for ``str.splitlines``, written as its escape.
_LINE_BREAKS = {code: repr(chr(code))[1:-1] for code in (0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)}


def one_line(text: str) -> str:
    """``text`` with every line break written as an escape (``\\n``): a problem is one line, whatever names it quotes."""
    return text.translate(_LINE_BREAKS)


class AigcError(Exception):
    """Base class of every error aigc-kb raises on purpose."""


class InputError(AigcError):
    """Bad input: one or more located problems. The CLI exits 2 on it.

    Parameters
    ----------
    problems : list[Problem]
        Every problem found (all of a file's problems are reported at once).
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str, line: int | None, message: str) -> "InputError":
        return cls([Problem(file, line, message)])


class KbError(AigcError):
    """The knowledge base itself failed to load or misbehaved (exit 2).

    ``problems`` holds the located problems when they are known (one per
    file and line), else it is empty and the message says what happened.
    """

    problems: list[Problem] = []

    @classmethod
    def located(cls, problems: list[Problem]) -> "KbError":
        """The error of a kb that does not load, with every problem found."""
        err = cls("the knowledge base does not load cleanly:\n" + "\n".join(str(p) for p in problems))
        err.problems = list(problems)
        return err


class EngineError(AigcError):
    """An engine call failed while evaluating a valid case."""


class MissingDependency(AigcError):
    """A system package the command needs is not installed (exit 2); the message names what to install."""
