"""Literals of scenario results and the ``aigc-kb explain`` command that replays a world."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Any

from ..core.model import Case, Fact
from ..engines.quoting import prolog_atom
from .space import TRUE, Cube, Space
from ..core.vocabulary import Vocabulary

_PLAIN = re.compile(r"[a-z][A-Za-z0-9_]*")


@dataclass(frozen=True)
class ScenarioLiteral:
    """A condition on a world: an unknown fact true or false, or an open point at a position.

    Attributes
    ----------
    fact : Fact | None
        The unknown fact, or ``None`` for a choice point.
    point : str | None
        The open choice point, or ``None`` for a fact.
    value : str
        ``true``/``false`` for a fact; the position for a point.
    """

    fact: Fact | None
    point: str | None
    value: str

    def __str__(self) -> str:
        if self.fact is not None:
            return str(self.fact) if self.value == TRUE else f"not {self.fact}"
        return f"{self.point}={self.value}"

    def as_dict(self) -> dict[str, Any]:
        if self.fact is not None:
            return {"fact": fact_text(self.fact), "value": self.value == TRUE}
        return {"point": self.point, "position": self.value}


def literals(space: Space, cube: Cube) -> tuple[ScenarioLiteral, ...]:
    """``cube`` as literals, in variable order."""
    out = []
    for i, value in cube:
        var = space.variables[i]
        out.append(ScenarioLiteral(var.fact, var.point, value))
    return tuple(out)


def _name(text: str) -> str:
    return text if _PLAIN.fullmatch(text) else prolog_atom(text)


def fact_text(fact: Fact) -> str:
    """A fact in Prolog syntax: names quoted unless plain lowercase identifiers."""
    if not fact.args:
        return fact.pred
    return f"{fact.pred}({','.join(_name(a) for a in fact.args)})"


def canonical_world(space: Space, cube: Cube, vocab: Vocabulary) -> Cube:
    """The world of ``cube`` with every other fact false and every other open point at its default.

    A valid world whenever ``cube`` is consistent (false facts never conflict).
    """
    fixed = dict(cube)
    for i, var in enumerate(space.variables):
        if i not in fixed:
            if var.fact is not None:
                fixed[i] = "false"
            else:
                assert var.point is not None
                fixed[i] = vocab.choice_points[var.point].default
    return tuple(sorted(fixed.items()))


_SHELL_SAFE = re.compile(r"[A-Za-z0-9_@%+=:,./-]+")


def shell_word(text: str) -> str:
    """``text`` as one shell word: bare when safe, in double quotes when it holds only
    single quotes as specials, else single-quoted by :func:`shlex.quote`."""
    if _SHELL_SAFE.fullmatch(text):
        return text
    if "'" in text and not any(ch in text for ch in '"$`\\!'):
        return f'"{text}"'
    return shlex.quote(text)


def explain_command(case: Case, regime: str, positions: dict[str, str], assume: list[tuple[Fact, bool]],
                    vocab: Vocabulary) -> str:
    """The shell command that explains ``case`` in one world.

    Parameters
    ----------
    case : Case
        The case (its file path is used as given).
    regime : str
        The regime of the world.
    positions : dict[str, str]
        Every choice point's position in the world (none ``open``).
    assume : list[tuple[Fact, bool]]
        Facts assumed true or false.
    vocab : Vocabulary
        For the default positions.

    Returns
    -------
    str
        ``aigc-kb explain CASE --regime R [--set P=V]... [--assume 'FACT=true|false']...``,
        with ``--set`` for every position the case file does not already give.
    """
    own = dict(case.positions)
    parts = ["aigc-kb", "explain", shell_word(case.path), "--regime", shell_word(regime)]
    for point, value in sorted(positions.items()):
        if own.get(point, vocab.choice_points[point].default) != value:
            parts += ["--set", shell_word(f"{point}={value}")]
    for fact, truth in assume:
        parts += ["--assume", shell_word(f"{fact_text(fact)}={'true' if truth else 'false'}")]
    return " ".join(parts)


def world_command(case: Case, regime: str, positions: dict[str, str], space: Space, world: Cube,
                  vocab: Vocabulary, assumed: Cube | None = None) -> str:
    """The explain command of a full ``world`` of ``space``.

    Every open point gets its ``--set``; the unknown facts of ``assumed``
    (default: every unknown fact) get an ``--assume``.  An unknown fact not
    assumed is not proven, as in ``evaluate``: leave out only facts the world
    makes false.
    """
    merged = dict(positions)
    assume: list[tuple[Fact, bool]] = []
    shown = {i for i, _ in (world if assumed is None else assumed)}
    for i, value in world:
        var = space.variables[i]
        if var.fact is not None:
            if i in shown:
                assume.append((var.fact, value == TRUE))
        else:
            assert var.point is not None
            merged[var.point] = value
    return explain_command(case, regime, merged, assume, vocab)
