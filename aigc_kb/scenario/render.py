"""Plain-text renderings of scenario results (the scenario commands print them)."""

from __future__ import annotations

from ..core.result import Conclusion
from .outcomes import Enumeration, MustProve, RegimeOutcomes
from .compare import Comparison
from .flips import ADDED, FlipReport

_STATUS = {"necessarily": "liable in every world", "possibly": "liable in some worlds", "never": "liable in no world"}


def _plural(n: int | None, word: str) -> str:
    if n is None:
        return f"{word}s not counted"
    return f"{n} {word}{'' if n == 1 else 's'}"


def _conclusions(items: tuple[Conclusion, ...] | list[Conclusion], indent: str, mark: str = "") -> list[str]:
    return [f"{indent}{mark}{c}" for c in items] or [f"{indent}(none)"]


def _regime_text(result: RegimeOutcomes) -> list[str]:
    lines = [f"== Regime {result.regime}: {_plural(len(result.outcomes), 'outcome')}, "
             f"{_plural(result.worlds, 'world')}"]
    common = result.common()
    if len(result.outcomes) > 1:
        lines.append("In every outcome:")
        lines += _conclusions(common, "  ")
    for k, outcome in enumerate(result.outcomes, 1):
        note = "; what evaluate concludes" if outcome.default else ""
        lines.append(f"Outcome {k} ({_plural(outcome.worlds, 'world')}{note}):")
        own = [c for c in outcome.conclusions if c not in common] if len(result.outcomes) > 1 else list(outcome.conclusions)
        if own or len(result.outcomes) == 1:
            lines += _conclusions(own, "    ", "+ " if len(result.outcomes) > 1 else "")
        else:
            lines.append("    (nothing beyond the conclusions in every outcome)")
        lines.append("  arises when" + (" any of:" if len(outcome.condition) > 1 else ":"))
        for implicant in outcome.condition:
            lines.append(f"  - {implicant}" + (f"  [{_plural(implicant.worlds, 'world')}]" if implicant.worlds else ""))
            lines.append(f"      {implicant.explain}")
    lines.append("Liability:")
    for subject in result.subjects:
        lines.append(f"  {subject.subject}: {_STATUS[subject.status]}")
        for c in subject.necessarily:
            lines.append(f"      necessarily {c}")
        for c in subject.possibly:
            if c not in subject.necessarily:
                lines.append(f"      possibly {c}")
    if result.listed is not None:
        lines.append("Worlds:")
        for world in result.listed:
            text = ", ".join(map(str, world.literals)) or "(the only world)"
            lines.append(f"  outcome {world.outcome + 1}: {text}")
            lines.append(f"      {world.explain}")
    return lines


def enumeration_text(result: Enumeration) -> str:
    """The outcomes of every regime analysed."""
    lines = [f"Case {result.case} ({result.path})",
             f"Unknown facts: {', '.join(result.unknown) or 'none'}",
             f"Open choice points: {', '.join(result.open_points) or 'none'}",
             f"An outcome is the set of conclusions of: {', '.join(result.outcome_predicates)}"]
    for regime in result.regimes:
        lines.append("")
        lines += _regime_text(regime)
    return "\n".join(lines)


def must_prove_text(result: MustProve) -> str:
    """The minimal sets of a must-prove analysis."""
    verb = "fail" if result.avoid else "hold"
    who = "To avoid it, establish" if result.avoid else "To establish it, prove"
    opened = [p for p, v in result.positions.items() if v == "open"]
    lines = [f"{'Avoid' if result.avoid else 'Goal'}: {result.goal} in {result.case} under {result.regime}",
             f"Unknown facts: {', '.join(result.unknown) or 'none'}"]
    if opened:
        lines.append(f"Open choice points (every position must do): {', '.join(opened)}")
    if not result.possible:
        lines.append(f"It cannot {verb}: it does not {verb} in any world.")
    elif not result.sets:
        lines.append(f"No set of facts makes it {verb} whatever the other unknown facts and open positions are.")
    elif len(result.sets) == 1 and not result.sets[0].literals:
        lines.append(f"It {verb}s in every world: nothing needs to be established.")
        lines.append(f"    {result.sets[0].explain}")
    else:
        lines.append(f"{who} one of:")
        for k, minimal in enumerate(result.sets, 1):
            lines.append(f"  {k}. {minimal}")
            lines.append(f"      {minimal.explain}")
    return "\n".join(lines)


def comparison_text(result: Comparison, only_divergent: bool = False) -> str:
    """The regimes side by side; a divergent row is marked ``<>``."""
    lines = [f"Case {result.case}: conclusions under each regime (x: concluded; <>: the regimes differ)"]
    if result.unknown:
        lines.append("Unknown facts, not proven, decided by each regime's burden (who loses):")
        lines += [f"  {fact}: {_burdens(burdens)}" for fact, burdens in result.unknown]
    rows = result.divergences() if only_divergent else result.rows
    labels = [str(r.conclusion) for r in rows] or ["(no conclusion)"]
    width = max(len(x) for x in labels + ["conclusion"])
    header = "   " + "conclusion".ljust(width) + "  " + "  ".join(result.regimes)
    lines += ["", header, "   " + "-" * (len(header) - 3)]
    for row, label in zip(rows, labels):
        cells = "  ".join(("x" if row.holds(r) else "-").center(len(r)) for r in result.regimes)
        lines.append((("<> " if row.divergent else "   ") + label.ljust(width) + "  " + cells).rstrip())
    lines.append("")
    lines.append(f"{len(result.divergences())} of {len(result.rows)} conclusions differ between regimes.")
    return "\n".join(lines)


def flips_text(result: FlipReport) -> str:
    """The facts that flip the outcome, with the change each makes."""
    lines = [f"Case {result.case} under {result.regime}: {result.candidates} single-fact changes tried, "
             f"{len(result.flips)} change {', '.join(result.outcome_predicates)}"]
    if result.unknown:
        lines.append(f"Unknown facts, not proven here: {', '.join(result.unknown)}")
    if result.skipped:
        lines.append(f"Skipped (contradict a stated fact): {', '.join(map(str, result.skipped))}")
    lines.append(f"Now ({', '.join(result.outcome_predicates)}):")
    lines += _conclusions(result.baseline, "    ")
    for flip in result.flips:
        lines.append(f"{'+' if flip.change == ADDED else '-'} {flip.fact}")
        lines += [f"    gains {c}" for c in flip.gained] + [f"    loses {c}" for c in flip.lost]
        lines.append(f"      {flip.explain}")
    return "\n".join(lines)


def _burdens(burdens: tuple[tuple[str, str], ...]) -> str:
    """One bearer if every regime has the same, else each regime's."""
    bearers = {b for _, b in burdens}
    if len(bearers) == 1:
        return bearers.pop()
    return ", ".join(f"{b} under {r}" for r, b in burdens)
