"""The data a case file holds: facts, open facts, readings and expectations."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fact:
    """One input fact, e.g. ``provider(acme, gen)``.

    Attributes
    ----------
    pred : str
        An input predicate of the vocabulary.
    args : tuple[str, ...]
        Entity names and enumerated values, as text.
    line : int | None
        Where the fact stands in its file (not part of equality).
    """

    pred: str
    args: tuple[str, ...]
    line: int | None = field(default=None, compare=False, hash=False)

    def __str__(self) -> str:
        return f"{self.pred}({', '.join(self.args)})"


@dataclass(frozen=True)
class Reading:
    """A regime and choice-point positions under which a case is read."""

    name: str = "default"
    regime: str | None = None
    positions: tuple[tuple[str, str], ...] = ()

    def position_dict(self) -> dict[str, str]:
        return dict(self.positions)


@dataclass(frozen=True)
class Expectation:
    """A conclusion that must hold (``holds``) or must not (``absent``).

    ``fields`` maps some or all argument names of the output predicate to a
    value; an omitted argument matches anything.
    """

    mode: str
    pred: str
    fields: tuple[tuple[str, str], ...]
    because: tuple[str, ...]
    line: int | None = None

    def __str__(self) -> str:
        inner = ", ".join(f"{k}: {v}" for k, v in self.fields)
        return f"{self.pred}{{{inner}}}"


@dataclass(frozen=True)
class ReadingExpectations:
    """The expectations of a case under one reading."""

    reading: Reading
    holds: tuple[Expectation, ...] = ()
    absent: tuple[Expectation, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Case:
    """A validated case.

    Attributes
    ----------
    id, title, source : str
        Identity and citation (or "constructed from §N").
    path : str
        The file it came from.
    facts : tuple[Fact, ...]
        The proven facts.
    unknown : tuple[Fact, ...]
        Open facts: not proven for ``evaluate``.
    positions : tuple[tuple[str, str], ...]
        Choice-point positions that apply to every reading.
    tests : tuple[tuple[str, str], ...]
        Doctrines exercised, each with ``+`` or ``-``.
    expect : tuple[ReadingExpectations, ...]
        Expectations per reading.
    variant_of : str | None
        The case this one differs from by ``differs_by``.
    differs_by : dict[str, object] | None
        ``{"added": Fact}``, ``{"removed": Fact}`` or ``{"position": (point, position)}``.
    position_lines : tuple[tuple[str, int | None], ...]
        Where each of ``positions`` stands in the file (not part of equality).
    """

    id: str
    path: str
    title: str = ""
    source: str = ""
    facts: tuple[Fact, ...] = ()
    unknown: tuple[Fact, ...] = ()
    positions: tuple[tuple[str, str], ...] = ()
    tests: tuple[tuple[str, str], ...] = ()
    expect: tuple[ReadingExpectations, ...] = ()
    variant_of: str | None = None
    differs_by: tuple[str, object] | None = None
    #: The line of each choice point's position in the case file, where known (for messages).
    position_lines: tuple[tuple[str, int | None], ...] = field(default=(), compare=False, repr=False)

    @property
    def size(self) -> int:
        """How many facts the case states, proven and open (the engines' time limit grows with it)."""
        return len(self.facts) + len(self.unknown)

    def reading(self, regime: str | None = None, positions: dict[str, str] | None = None,
                name: str = "default") -> Reading:
        """A reading of this case: its own positions overridden by ``positions``."""
        merged = dict(self.positions)
        merged.update(positions or {})
        return Reading(name=name, regime=regime, positions=tuple(sorted(merged.items())))
