"""The renderings of a :class:`~aigc_kb.devtools.diff.DiffReport`: plain text and Markdown.

The JSON form is :meth:`DiffReport.to_dict` (docs/diff.md).  Explanations are
drawn with the renderers of :mod:`aigc_kb.explain.render`.
"""

from __future__ import annotations

from ..core.vocabulary import Vocabulary
from ..explain.model import Answer, Explanation, Setting
from ..explain.render import render_markdown, render_text
from .diff import GAINED, LOST, Change, DiffReport, ReadingDiff

_SIGN = {GAINED: "+", LOST: "-", "recited": "~"}


def _single(answer: Answer) -> Explanation:
    return Explanation(case="", regime=Setting("regime", "", True, ""), positions=(), answers=(answer,))


def _reading_text(diff: ReadingDiff, vocab: Vocabulary) -> str:
    reading = diff.subject.reading
    settings = [reading.regime or vocab.default_regime]
    settings += [f"{p}={v}" for p, v in reading.positions
                 if p not in vocab.choice_points or vocab.choice_points[p].default != v]
    return f"reading {reading.name} ({', '.join(settings)})"


def _doctrines_text(change: Change) -> str:
    if change.kind == "recited":
        return f"cited {', '.join(change.base_doctrines) or 'nothing'} -> {', '.join(change.kb_doctrines) or 'nothing'}"
    return ", ".join(change.doctrines)


def _where(change: Change) -> str:
    return "the kb" if change.kind != LOST else "the base"


def _explanation_lines(change: Change) -> list[str]:
    if change.explanation_error is not None:
        return [f"(no explanation: {' '.join(change.explanation_error.split())})"]
    if change.explanation is None:
        if change.kind == "recited":
            return []
        return [f"(no explanation: the Prolog rules of {_where(change)} do not conclude it)"]
    text = render_text(_single(change.explanation))
    body = text.split("\n\n", 1)[1].splitlines()[1:] if "\n\n" in text else []
    return [line[2:] if line.startswith("  ") else line for line in body]


def _diff_text(diff: ReadingDiff, vocab: Vocabulary, explain: bool) -> list[str]:
    lines = [f"{diff.subject.case.id}, {_reading_text(diff, vocab)}  [{diff.subject.source}]"]
    for change in diff.changes:
        lines.append(f"  {_SIGN[change.kind]} {change.atom}  [{_doctrines_text(change)}]  "
                     f"({change.kind}; {', '.join(change.engines)})")
        if explain:
            lines.extend(f"      {line}" for line in _explanation_lines(change))
    return lines


def report_text(report: DiffReport, vocab: Vocabulary, explain: bool = True) -> str:
    """Plain text: each case and reading that differs, its changes (``+`` gained, ``-`` lost,
    ``~`` cited by other doctrines) with their explanations; empty when nothing differs.
    Errors are not shown (the command reports them on standard error)."""
    if not report.differs:
        return ""
    lines: list[str] = []
    for diff in report.differences:
        lines.extend(_diff_text(diff, vocab, explain))
        lines.append("")
    for world in report.shrunk:
        lines.append(f"generated world {world.world} ({world.facts_before} facts), shrunk to "
                     f"{len(world.diff.subject.case.facts)} facts" + (f": {world.file}" if world.file else ":"))
        lines.extend(f"  {line}" for line in _diff_text(world.diff, vocab, explain))
        if world.file is None:
            lines.extend(f"    | {line}" for line in world.text.splitlines())
        lines.append("")
    changed = sum(len(d.changes) for d in report.differences)
    parts = []
    if report.compared:
        parts.append(f"{changed} conclusion(s) changed in {len(report.differences)} of {report.compared} "
                     f"case reading(s)")
    if report.worlds:
        parts.append(f"{report.differing_worlds} of {report.worlds} generated world(s) differ, "
                     f"{len(report.shrunk)} shrunk")
    lines.append("; ".join(parts))
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def _md_code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}"


def _explanation_markdown(change: Change) -> list[str]:
    if change.explanation_error is not None:
        return [f"No explanation: {_md(' '.join(change.explanation_error.split()))}", ""]
    if change.explanation is None:
        return [] if change.kind == "recited" else \
            [f"No explanation: the Prolog rules of {_where(change)} do not conclude it.", ""]
    lines = render_markdown(_single(change.explanation)).splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    return lines[start + 2:] + [""]


def _diff_markdown(diff: ReadingDiff, vocab: Vocabulary, explain: bool, level: str) -> list[str]:
    out = [f"{level} {_md_code(diff.subject.case.id)}, {_reading_text(diff, vocab)}", ""]
    if not diff.subject.source.startswith("<"):  # a case file, not a generated world
        out += [f"From {_md_code(diff.subject.source)}.", ""]
    out += ["| change | conclusion | doctrines | engines |", "|---|---|---|---|"]
    out += [f"| {c.kind} | {_md_code(c.atom)} | {_md(_doctrines_text(c))} | {', '.join(c.engines)} |"
            for c in diff.changes]
    out.append("")
    if explain:
        for change in diff.changes:
            if change.kind == "recited" and change.explanation is None:
                continue
            out += [f"{level}# {change.kind} {_md_code(change.atom)}", ""]
            out += _explanation_markdown(change)
    return out


def report_markdown(report: DiffReport, vocab: Vocabulary, explain: bool = True) -> str:
    """A Markdown report: a summary, then each case and reading that differs, each shrunk world."""
    out = ["# What the edit changed", "",
           f"Base {_md_code(report.base)}, kb {_md_code(report.kb)}; engines {', '.join(report.engines)}.", ""]
    changed = sum(len(d.changes) for d in report.differences)
    if report.compared or not report.worlds:
        out.append(f"- {report.compared} case reading(s) compared; {len(report.differences)} differ, "
                   f"{changed} conclusion(s) changed")
    if report.worlds:
        out.append(f"- {report.worlds} generated world(s) compared; {report.differing_worlds} differ, "
                   f"{len(report.shrunk)} shrunk")
    if report.errors:
        out.append(f"- {len(report.errors)} evaluation(s) failed")
    out.append("")
    if not report.differs and not report.errors:
        out += ["No conclusion changed.", ""]
    if report.differences:
        out += ["## Cases", ""]
        for diff in report.differences:
            out += _diff_markdown(diff, vocab, explain, "###")
    if report.shrunk:
        out += ["## Generated worlds", ""]
        for world in report.shrunk:
            out += _diff_markdown(world.diff, vocab, explain, "###")
            out += [f"Shrunk from {world.world} ({world.facts_before} facts)"
                    + (f", written to {_md_code(world.file)}" if world.file else "") + ":", "",
                    "```yaml", *world.text.splitlines(), "```", ""]
    if report.errors:
        out += ["## Errors", ""]
        out += [f"- {_md_code(e.subject.case.id)}, reading {e.subject.reading.name}, {e.side} "
                f"knowledge base, {e.engine}: {_md(e.message)}" for e in report.errors]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
