"""The renderings of a :class:`~aigc_kb.devtools.diff.DiffReport`: plain text and Markdown, in English or Chinese.

The JSON form is :meth:`DiffReport.to_dict` (docs/diff.md).  Explanations are
drawn with the renderers of :mod:`aigc_kb.explain.render`, worded in the
language asked for by :func:`aigc_kb.explain.localize.localize`.
"""

from __future__ import annotations

from ..core.lang import Kinds, Language, case_names, entity_kinds, language
from ..core.vocabulary import Vocabulary
from ..explain.localize import localize
from ..explain.model import Answer, Explanation, Setting
from ..explain.render import render_markdown, render_text
from .diff import GAINED, LOST, Change, DiffReport, ReadingDiff

_SIGN = {GAINED: "+", LOST: "-", "recited": "~"}


def _single(answer: Answer, vocab: Vocabulary | None = None, lang: Language | None = None,
            source: str = "", kinds: Kinds | None = None) -> Explanation:
    expl = Explanation(case="", regime=Setting("regime", "", True, ""), positions=(), answers=(answer,))
    if vocab is None or lang is None:
        return expl
    names = case_names(source) if source and not source.startswith("<") else {}
    return localize(expl, lang.code, vocab, names=names, kinds=kinds)


def _reading_text(diff: ReadingDiff, vocab: Vocabulary, lang: Language | None = None) -> str:
    lg = lang or language("en")
    reading = diff.subject.reading
    en = lg.code == "en"
    settings = [reading.regime or vocab.default_regime]
    if not en:
        settings = [lg.word(settings[0], "regime")]
    settings += [f"{p}={v if en else lg.word(v, 'position')}" for p, v in reading.positions
                 if p not in vocab.choice_points or vocab.choice_points[p].default != v]
    return lg.msg("diff_reading", name=reading.name, settings=(", " if en else "，").join(settings))


def _kind(change: Change, lang: Language) -> str:
    return change.kind if lang.code == "en" else lang.msg(f"diff_{change.kind}")


def _doctrines_text(change: Change, lang: Language | None = None) -> str:
    lg = lang or language("en")
    if change.kind == "recited":
        nothing = lg.msg("diff_nothing")
        return lg.msg("diff_cited", base=", ".join(change.base_doctrines) or nothing,
                      kb=", ".join(change.kb_doctrines) or nothing)
    return ", ".join(change.doctrines)


def _where(change: Change, lang: Language | None = None) -> str:
    lg = lang or language("en")
    return lg.msg("diff_where_kb") if change.kind != LOST else lg.msg("diff_where_base")


def _explanation_lines(change: Change, vocab: Vocabulary, lang: Language, source: str,
                       kinds: Kinds | None = None) -> list[str]:
    if change.explanation_error is not None:
        return [lang.msg("diff_no_explanation", error=" ".join(change.explanation_error.split()))]
    if change.explanation is None:
        if change.kind == "recited":
            return []
        return [lang.msg("diff_not_concluded", where=_where(change, lang))]
    text = render_text(_single(change.explanation, vocab, lang, source, kinds))
    body = text.split("\n\n", 1)[1].splitlines()[1:] if "\n\n" in text else []
    return [line[2:] if line.startswith("  ") else line for line in body]


def _diff_text(diff: ReadingDiff, vocab: Vocabulary, explain: bool, lang: Language) -> list[str]:
    lines = [f"{diff.subject.case.id}, {_reading_text(diff, vocab, lang)}  [{diff.subject.source}]"]
    for change in diff.changes:
        lines.append(f"  {_SIGN[change.kind]} {change.atom}  [{_doctrines_text(change, lang)}]  "
                     f"({_kind(change, lang)}; {', '.join(change.engines)})")
        if explain:
            lines.extend(f"      {line}" for line in _explanation_lines(change, vocab, lang, diff.subject.source,
                                                                 entity_kinds(diff.subject.case.facts)))
    return lines


def report_text(report: DiffReport, vocab: Vocabulary, explain: bool = True, lang: str = "en") -> str:
    """Plain text: each case and reading that differs, its changes (``+`` gained, ``-`` lost,
    ``~`` cited by other doctrines) with their explanations; empty when nothing differs.
    Errors are not shown (the command reports them on standard error).  In ``lang`` (``en`` or ``zh``)."""
    if not report.differs:
        return ""
    lg = language(lang)
    colon = ":" if lg.code == "en" else "："
    lines: list[str] = []
    for diff in report.differences:
        lines.extend(_diff_text(diff, vocab, explain, lg))
        lines.append("")
    for world in report.shrunk:
        lines.append(lg.msg("diff_world", world=world.world, before=world.facts_before,
                            after=len(world.diff.subject.case.facts)) + (f"{colon} {world.file}" if world.file else colon))
        lines.extend(f"  {line}" for line in _diff_text(world.diff, vocab, explain, lg))
        if world.file is None:
            lines.extend(f"    | {line}" for line in world.text.splitlines())
        lines.append("")
    changed = sum(len(d.changes) for d in report.differences)
    parts = []
    if report.compared:
        parts.append(lg.msg("diff_summary_cases", changed=changed, differ=len(report.differences),
                            compared=report.compared))
    if report.worlds:
        parts.append(lg.msg("diff_summary_worlds", differing=report.differing_worlds, worlds=report.worlds,
                            shrunk=len(report.shrunk)))
    lines.append(lg.msg("list_sep").join(parts))
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def _md_code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}"


def _explanation_markdown(change: Change, vocab: Vocabulary, lang: Language, source: str,
                          kinds: Kinds | None = None) -> list[str]:
    if change.explanation_error is not None:
        return [lang.msg("md_diff_no_explanation", error=_md(" ".join(change.explanation_error.split()))), ""]
    if change.explanation is None:
        return [] if change.kind == "recited" else \
            [lang.msg("md_diff_not_concluded", where=_where(change, lang)), ""]
    lines = render_markdown(_single(change.explanation, vocab, lang, source, kinds)).splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    return lines[start + 2:] + [""]


def _diff_markdown(diff: ReadingDiff, vocab: Vocabulary, explain: bool, level: str, lang: Language) -> list[str]:
    out = [f"{level} {_md_code(diff.subject.case.id)}, {_reading_text(diff, vocab, lang)}", ""]
    if not diff.subject.source.startswith("<"):  # a case file, not a generated world
        out += [lang.msg("md_diff_from", source=_md_code(diff.subject.source)), ""]
    out += [lang.msg("md_diff_table"), "|---|---|---|---|"]
    out += [f"| {_kind(c, lang)} | {_md_code(c.atom)} | {_md(_doctrines_text(c, lang))} | {', '.join(c.engines)} |"
            for c in diff.changes]
    out.append("")
    if explain:
        for change in diff.changes:
            if change.kind == "recited" and change.explanation is None:
                continue
            out += [f"{level}# {_kind(change, lang)} {_md_code(change.atom)}", ""]
            out += _explanation_markdown(change, vocab, lang, diff.subject.source,
                                         entity_kinds(diff.subject.case.facts))
    return out


def report_markdown(report: DiffReport, vocab: Vocabulary, explain: bool = True, lang: str = "en") -> str:
    """A Markdown report: a summary, then each case and reading that differs, each shrunk world; in ``lang``."""
    lg = language(lang)
    colon = ":" if lg.code == "en" else "："
    out = [f"# {lg.msg('md_diff_title')}", "",
           lg.msg("md_diff_base", base=_md_code(report.base), kb=_md_code(report.kb),
                  engines=", ".join(report.engines)), ""]
    changed = sum(len(d.changes) for d in report.differences)
    if report.compared or not report.worlds:
        out.append("- " + lg.msg("md_diff_compared", compared=report.compared, differ=len(report.differences),
                                 changed=changed))
    if report.worlds:
        out.append("- " + lg.msg("md_diff_worlds", worlds=report.worlds, differing=report.differing_worlds,
                                 shrunk=len(report.shrunk)))
    if report.errors:
        out.append("- " + lg.msg("md_diff_failed", n=len(report.errors)))
    out.append("")
    if not report.differs and not report.errors:
        out += [lg.msg("md_diff_none"), ""]
    if report.differences:
        out += [f"## {lg.msg('md_diff_cases')}", ""]
        for diff in report.differences:
            out += _diff_markdown(diff, vocab, explain, "###", lg)
    if report.shrunk:
        out += [f"## {lg.msg('md_diff_worlds_heading')}", ""]
        for world in report.shrunk:
            out += _diff_markdown(world.diff, vocab, explain, "###", lg)
            out += [lg.msg("md_diff_shrunk", world=world.world, before=world.facts_before)
                    + (lg.msg("md_diff_written", file=_md_code(world.file)) if world.file else "") + colon, "",
                    "```yaml", *world.text.splitlines(), "```", ""]
    if report.errors:
        out += [f"## {lg.msg('md_diff_errors')}", ""]
        out += ["- " + lg.msg("md_diff_error", case=_md_code(e.subject.case.id), reading=e.subject.reading.name,
                              side=e.side, engine=e.engine, message=_md(e.message)) for e in report.errors]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
