"""Plain-text renderings of scenario results (the scenario commands print them), in English or Chinese.

The messages are those of ``kb/lang`` (:mod:`aigc_kb.core.lang`); conclusions, facts and the
``aigc-kb explain`` commands that replay a world stay as they are (identifiers).
"""

from __future__ import annotations

from ..core.lang import Language, language
from ..core.result import Conclusion
from .outcomes import Enumeration, MustProve, RegimeOutcomes
from .compare import Comparison
from .flips import ADDED, FlipReport


def _plural(n: int | None, word: str, lg: Language) -> str:
    if n is None:
        return lg.msg("sc_not_counted", word=lg.msg(f"sc_word_{word}"))
    return lg.msg("sc_count", n=n, word=lg.msg(f"sc_word_{word}" + ("" if n == 1 else "s")))


def _list(items: list[str] | tuple[str, ...], lg: Language) -> str:
    return ", ".join(items) or lg.msg("sc_none_word")


def _regime(regime: str, lg: Language) -> str:
    return regime if lg.code == "en" else lg.word(regime, "regime")


def _conclusions(items: tuple[Conclusion, ...] | list[Conclusion], indent: str, lg: Language,
                 mark: str = "") -> list[str]:
    return [f"{indent}{mark}{c}" for c in items] or [f"{indent}{lg.msg('sc_none')}"]


def _regime_text(result: RegimeOutcomes, lg: Language) -> list[str]:
    lines = [lg.msg("sc_regime", regime=_regime(result.regime, lg), outcomes=_plural(len(result.outcomes), "outcome", lg),
                    worlds=_plural(result.worlds, "world", lg))]
    common = result.common()
    if len(result.outcomes) > 1:
        lines.append(lg.msg("sc_every_outcome"))
        lines += _conclusions(common, "  ", lg)
    for k, outcome in enumerate(result.outcomes, 1):
        note = lg.msg("sc_default_note") if outcome.default else ""
        lines.append(lg.msg("sc_outcome", k=k, worlds=_plural(outcome.worlds, "world", lg), note=note))
        own = [c for c in outcome.conclusions if c not in common] if len(result.outcomes) > 1 else list(outcome.conclusions)
        if own or len(result.outcomes) == 1:
            lines += _conclusions(own, "    ", lg, "+ " if len(result.outcomes) > 1 else "")
        else:
            lines.append(lg.msg("sc_nothing_beyond"))
        lines.append(lg.msg("sc_arises_any") if len(outcome.condition) > 1 else lg.msg("sc_arises"))
        for implicant in outcome.condition:
            lines.append(f"  - {implicant}" + (f"  [{_plural(implicant.worlds, 'world', lg)}]" if implicant.worlds else ""))
            lines.append(f"      {implicant.explain}")
    lines.append(lg.msg("sc_liability"))
    for subject in result.subjects:
        lines.append(f"  {subject.subject}: {lg.msg('sc_status_' + subject.status)}")
        for c in subject.necessarily:
            lines.append(lg.msg("sc_necessarily", c=c))
        for c in subject.possibly:
            if c not in subject.necessarily:
                lines.append(lg.msg("sc_possibly", c=c))
    if result.listed is not None:
        lines.append(lg.msg("sc_worlds"))
        for world in result.listed:
            text = ", ".join(map(str, world.literals)) or lg.msg("sc_only_world")
            lines.append(lg.msg("sc_world_outcome", n=world.outcome + 1, text=text))
            lines.append(f"      {world.explain}")
    return lines


def enumeration_text(result: Enumeration, lang: str = "en") -> str:
    """The outcomes of every regime analysed, in ``lang`` (``en`` or ``zh``)."""
    lg = language(lang)
    lines = [lg.msg("sc_case_path", case=result.case, path=result.path),
             lg.msg("sc_unknown", list=_list(result.unknown, lg)),
             lg.msg("sc_open_points", list=_list(result.open_points, lg)),
             lg.msg("sc_outcome_def", list=", ".join(result.outcome_predicates))]
    for regime in result.regimes:
        lines.append("")
        lines += _regime_text(regime, lg)
    return "\n".join(lines)


def must_prove_text(result: MustProve, lang: str = "en") -> str:
    """The minimal sets of a must-prove analysis, in ``lang``."""
    lg = language(lang)
    verb = lg.msg("sc_fail") if result.avoid else lg.msg("sc_hold")
    verbs = lg.msg("sc_fails") if result.avoid else lg.msg("sc_holds")
    opened = [p for p, v in result.positions.items() if v == "open"]
    lines = [lg.msg("sc_avoid" if result.avoid else "sc_goal", goal=result.goal, case=result.case,
                    regime=_regime(result.regime, lg)),
             lg.msg("sc_unknown", list=_list(result.unknown, lg))]
    if opened:
        lines.append(lg.msg("sc_open_every", list=", ".join(opened)))
    if not result.possible:
        lines.append(lg.msg("sc_cannot", verb=verb))
    elif not result.sets:
        lines.append(lg.msg("sc_no_set", verb=verb))
    elif len(result.sets) == 1 and not result.sets[0].literals:
        lines.append(lg.msg("sc_always", verbs=verbs))
        lines.append(f"    {result.sets[0].explain}")
    else:
        lines.append(lg.msg("sc_avoid_establish") if result.avoid else lg.msg("sc_establish"))
        for k, minimal in enumerate(result.sets, 1):
            lines.append(f"  {k}. {minimal}")
            lines.append(f"      {minimal.explain}")
    return "\n".join(lines)


def comparison_text(result: Comparison, only_divergent: bool = False, lang: str = "en") -> str:
    """The regimes side by side; a divergent row is marked ``<>``; in ``lang``."""
    lg = language(lang)
    lines = [lg.msg("sc_compare_head", case=result.case)]
    if result.unknown:
        lines.append(lg.msg("sc_unknown_burden"))
        lines += [f"  {fact}: {_burdens(burdens, lg)}" for fact, burdens in result.unknown]
    rows = result.divergences() if only_divergent else result.rows
    labels = [str(r.conclusion) for r in rows] or [lg.msg("sc_no_conclusion")]
    title = lg.msg("sc_conclusion")
    width = max(len(x) for x in labels + [title])
    header = "   " + title.ljust(width) + "  " + "  ".join(result.regimes)
    lines += ["", header, "   " + "-" * (len(header) - 3)]
    for row, label in zip(rows, labels):
        cells = "  ".join(("x" if row.holds(r) else "-").center(len(r)) for r in result.regimes)
        lines.append((("<> " if row.divergent else "   ") + label.ljust(width) + "  " + cells).rstrip())
    lines.append("")
    lines.append(lg.msg("sc_differ", n=len(result.divergences()), total=len(result.rows)))
    return "\n".join(lines)


def flips_text(result: FlipReport, lang: str = "en") -> str:
    """The facts that flip the outcome, with the change each makes; in ``lang``."""
    lg = language(lang)
    preds = ", ".join(result.outcome_predicates)
    lines = [lg.msg("sc_flips_head", case=result.case, regime=_regime(result.regime, lg), candidates=result.candidates,
                    n=len(result.flips), preds=preds)]
    if result.unknown:
        lines.append(lg.msg("sc_unknown_here", list=", ".join(result.unknown)))
    if result.skipped:
        lines.append(lg.msg("sc_skipped", list=", ".join(map(str, result.skipped))))
    lines.append(lg.msg("sc_now", preds=preds))
    lines += _conclusions(result.baseline, "    ", lg)
    for flip in result.flips:
        lines.append(f"{'+' if flip.change == ADDED else '-'} {flip.fact}")
        lines += [lg.msg("sc_gains", c=c) for c in flip.gained] + [lg.msg("sc_loses", c=c) for c in flip.lost]
        lines.append(f"      {flip.explain}")
    return "\n".join(lines)


def _burdens(burdens: tuple[tuple[str, str], ...], lg: Language | None = None) -> str:
    """One bearer if every regime has the same, else each regime's."""
    lg = lg or language("en")

    def bearer(b: str) -> str:
        return b if lg.code == "en" else lg.word(b, "burden")

    bearers = {b for _, b in burdens}
    if len(bearers) == 1:
        return bearer(bearers.pop())
    return ", ".join(lg.msg("sc_under", bearer=bearer(b), regime=_regime(r, lg)) for r, b in burdens)
