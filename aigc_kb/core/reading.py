"""Resolve a reading (regime and positions) against the vocabulary."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError, Problem
from .model import Reading
from .vocabulary import OPEN, Vocabulary

COMMAND_LINE = "<command line>"


@dataclass(frozen=True)
class ResolvedReading:
    """A regime and a position for every choice point."""

    regime: str
    positions: dict[str, str]

    def options(self) -> list[tuple[str, ...]]:
        """The reading as engine options: ``regime(R)`` and ``position(P, V)``."""
        return [("regime", self.regime)] + [("position", p, v) for p, v in sorted(self.positions.items())]


def resolve(vocab: Vocabulary, reading: Reading, allow_open: bool = False,
            source: str = COMMAND_LINE) -> ResolvedReading:
    """Fill in defaults and check every name and position.

    Raises
    ------
    InputError
        For an unknown regime, choice point or position, or ``open`` where
        it is not allowed (only scenario commands enumerate positions).
    """
    problems = []
    regime = reading.regime or vocab.default_regime
    if regime == OPEN and not allow_open:
        problems.append(Problem(source, None, "the regime `open` is only for scenario commands (enumerate)"))
    elif regime != OPEN and regime not in vocab.regimes:
        problems.append(Problem(source, None, f"unknown regime {regime!r} (one of {', '.join(vocab.regimes)})"))
    positions = {name: point.default for name, point in vocab.choice_points.items()}
    for point, position in reading.positions:
        spec = vocab.choice_points.get(point)
        if spec is None:
            problems.append(Problem(source, None, f"unknown choice point {point!r} (one of {', '.join(vocab.choice_points)})"))
        elif position == OPEN and not allow_open:
            problems.append(Problem(source, None, f"{point}=open: the position `open` is only for scenario commands (enumerate)"))
        elif position != OPEN and position not in spec.positions:
            problems.append(Problem(source, None, f"unknown position {position!r} of {point} (one of {', '.join(spec.positions)})"))
        else:
            positions[point] = position
    if problems:
        raise InputError(problems)
    return ResolvedReading(regime, positions)
