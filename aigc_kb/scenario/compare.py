"""Regimes side by side: every conclusion of a case under each liability regime.

Unknown facts are decided by each regime's burden of proof (catalogue D13):
the case is evaluated with its unknown facts *not proven*, exactly as
``evaluate`` does, and the rules of the knowledge base already encode who loses
when a fact is not proven (e.g. the claimant for ``fault_proven`` under
``fault``, the provider for ``fault_rebutted`` under ``presumed_fault``).  The
Prolog engine evaluates each regime and says, under each, who bears the burden
of each unknown fact (``aigc_explain:open_burdens_json/3``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..api import KnowledgeBase
from ..core.errors import InputError
from ..core.model import Case
from ..engines.prolog import PrologEngine
from ..core.reading import COMMAND_LINE
from ..core.result import SECTIONS, Conclusion
from ..core.vocabulary import OPEN

_ORDER: dict[str, float] = {pred: k for k, (_, pred) in enumerate(SECTIONS)}
_ORDER["remedy_factor"] = _ORDER["remedy"] + 0.5


@dataclass(frozen=True)
class ComparisonRow:
    """One conclusion and, per regime, the doctrines that concluded it (``None``: not concluded)."""

    conclusion: Conclusion
    cells: tuple[tuple[str, tuple[str, ...] | None], ...]

    @property
    def divergent(self) -> bool:
        """Whether the regimes disagree on this conclusion."""
        return len({doctrines is None for _, doctrines in self.cells}) > 1

    def holds(self, regime: str) -> bool:
        return dict(self.cells)[regime] is not None

    def as_dict(self) -> dict[str, Any]:
        return {"conclusion": str(self.conclusion), "pred": self.conclusion.pred,
                "args": list(self.conclusion.args), "divergent": self.divergent,
                "regimes": {r: (None if d is None else list(d)) for r, d in self.cells}}


@dataclass(frozen=True)
class Comparison:
    """The conclusions of a case under every regime.

    Attributes
    ----------
    case : str
        The case id.
    regimes : tuple[str, ...]
        The columns, in the vocabulary's order.
    positions : dict[str, str]
        The choice-point positions applied (the same for every regime).
    unknown : tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
        Each unknown fact with, per regime, who bears its burden (loses when it is not
        proven), as the knowledge base says (the vocabulary's burden, shifted by D13).
    rows : tuple[ComparisonRow, ...]
        Every conclusion of some regime, by kind of conclusion, then by name.
    """

    case: str
    regimes: tuple[str, ...]
    positions: dict[str, str]
    unknown: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    rows: tuple[ComparisonRow, ...]

    def divergences(self) -> tuple[ComparisonRow, ...]:
        return tuple(r for r in self.rows if r.divergent)

    def as_dict(self) -> dict[str, Any]:
        return {"case": self.case, "regimes": list(self.regimes),
                "positions": dict(sorted(self.positions.items())),
                "unknown": [{"fact": f, "burden": dict(b)} for f, b in self.unknown],
                "rows": [r.as_dict() for r in self.rows]}


def compare_regimes(kb: KnowledgeBase, case: Case, positions: dict[str, str] | None = None) -> Comparison:
    """Evaluate ``case`` under every regime with the Prolog engine and line the conclusions up.

    Raises
    ------
    InputError
        When a choice point is ``open`` (a comparison needs one position each).
    """
    merged = dict(case.positions)
    merged.update(positions or {})
    opened = sorted(p for p, v in merged.items() if v == OPEN)
    if opened:
        raise InputError.single(COMMAND_LINE, None,
                                f"compare needs a position for every choice point; {', '.join(opened)} "
                                f"is open (give one with --set POINT=POSITION, or use enumerate)")
    regimes = kb.vocab.regimes
    results = {r: kb.evaluate(case, "prolog", r, positions) for r in regimes}
    resolved = kb.resolve(case, regimes[0], positions).positions
    found: dict[tuple[str, tuple[str, ...]], dict[str, tuple[str, ...]]] = {}
    for regime, result in results.items():
        for c in result.conclusions:
            found.setdefault(c.key(), {})[regime] = c.doctrines
    rows = tuple(
        ComparisonRow(Conclusion(pred, args), tuple((r, cells.get(r)) for r in regimes))
        for (pred, args), cells in sorted(found.items(), key=lambda kv: (_ORDER.get(kv[0][0], 99), kv[0])))
    engine = kb.engine("prolog")
    assert isinstance(engine, PrologEngine)
    burdens = {r: dict(engine.open_burdens(case, kb.resolve(case, r, positions))) for r in regimes}
    unknown = tuple((str(f), tuple((r, burdens[r][f]) for r in regimes)) for f in case.unknown)
    return Comparison(case.id, regimes, dict(resolved), unknown, rows)
