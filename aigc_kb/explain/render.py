"""Renderings of explanations: plain text, Markdown, HTML and Graphviz DOT.

Every function here reads an :class:`aigc_kb.explain.model.Explanation` (or one of
its nodes) and returns text; nothing is computed or decided.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import replace
from typing import Any, Callable, Sequence

from ..core.render import evaluation_lines, evaluation_text
from ..core.result import SECTIONS
from ..core.vocabulary import Vocabulary
from ..core.paper import Paper, split_sections
from .law import Law, doctrine_label, gather, law_lines, plain, section_label, step_law
from .model import Answer, Assumption, Explanation, Node, Setting


def sections_text(section: str | None) -> str:
    """``"3.1, 4.3"`` as ``"§3.1, §4.3"``."""
    if not section:
        return ""
    return ", ".join(f"§{s.strip()}" for s in section.split(",") if s.strip())


def citation(node: Node) -> str:
    """``D07, D13; §5.1``: the doctrines and sections of a node's rule."""
    return f"{', '.join(node.doctrines)}; {sections_text(node.section)}"


def _ext(node: Node) -> str:
    return " [ext]" if node.ext else ""


def _burden(node: Node) -> str:
    notes = []
    if node.burden:
        notes.append(f"burden: {node.burden}")
    if node.open:
        notes.append("open in the case")
    return f"  ({'; '.join(notes)})" if notes else ""


def condition_line(node: Node) -> str:
    """One node in one line of words (without its children)."""
    if node.kind in ("derived", "conclusion"):
        return f"{node.text}  [{node.rule}: {citation(node)}]{_ext(node)}" if node.rule else node.text
    if node.kind == "fact":
        return f"fact: {node.text}"
    if node.kind in ("absent", "underived"):
        none = "  (no rule concludes it)" if node.kind == "underived" and not node.children and not node.truncated else ""
        return f"not proven: {node.text}{_burden(node)}{none}"
    if node.kind == "absent_all":
        return f"not proven together: {node.text}"
    if node.kind == "present":
        return f"proven, and it excludes the rule: {node.text}"
    if node.kind == "attempt":
        return f"rule {node.rule} ({citation(node)}){_ext(node)} would conclude: {node.text}"
    return node.text


def _clean(text: str) -> str:
    """Control characters of names made visible, so that a line stays a line."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


def _setting_text(setting: Setting, cite_prefix: str) -> str:
    note = "the default" if setting.default else "not the default"
    return f"{setting.name} = {setting.value} ({cite_prefix}{setting.cite}; {note})"


def _reading_lines(expl: Explanation) -> list[str]:
    lines = [f"Case {_clean(expl.case)}, regime {expl.regime.value} "
             f"({sections_text(expl.regime.cite)}; {'the default' if expl.regime.default else 'not the default'})"]
    changed = [p for p in expl.positions if not p.default]
    lines.append("Choice points: " + ("; ".join(_setting_text(p, "") for p in changed) if changed else "all at their defaults"))
    if expl.assumed:
        lines.append("Assumed: " + "; ".join(_clean(str(a)) for a in expl.assumed))
    if expl.open_facts:
        lines.append("Open facts (not proven): " + "; ".join(_clean(f) for f in expl.open_facts))
    return lines


class _TextWriter:
    """Indented plain text; a derived atom proven twice in one conclusion is shown once."""

    def __init__(self, assumed: tuple[Assumption, ...], law: Law | None = None) -> None:
        self.law = law
        self.lines: list[str] = []
        self.shown: set[tuple[str | None, tuple[str | None, ...], str | None]] = set()
        self.assumed = {(a.pred, a.args) for a in assumed if a.value}

    def node(self, node: Node, indent: int, marker: str = "- ") -> None:
        pad = " " * indent
        line = condition_line(node)
        if node.kind == "fact" and (node.pred, node.args) in self.assumed:
            line += "  (assumed)"
        key = (node.pred, node.args, node.rule)
        repeated = node.kind == "derived" and node.children and key in self.shown
        if repeated:
            line += "  (proven above)"
        if node.truncated:
            line += "  [not expanded]"
        self.lines.append(pad + marker + _clean(line))
        if repeated:
            return
        if node.rule:
            self.law_lines(node, indent + len(marker))
        if node.kind == "derived":
            self.shown.add(key)
        for child in node.children:
            self.node(child, indent + 2)
        if node.failed is not None:
            self.node(node.failed, indent + 2, "x fails: ")
        if node.alternatives:
            self.lines.append(f"{pad}  (the same condition fails for {node.alternatives} other way(s) "
                              "of meeting the conditions before it)")

    def law_lines(self, node: Node, indent: int) -> None:
        """The law beside one step (with ``--cite full``): its doctrines' statements and the paper's sentences."""
        if self.law is not None:
            self.lines.extend(_clean(f"{' ' * indent}| {line}") for line in law_lines(self.law, node.doctrines, node.section))

    def conclusion(self, node: Node) -> None:
        self.shown = set()
        self.lines.append("")
        self.lines.append(_clean(f"{node.atom}  [{', '.join(node.doctrines)}]"))
        self.lines.append(_clean(f"  {node.text}"))
        for proof in node.children:
            self.lines.append(_clean(f"  by rule {proof.rule} ({citation(proof)}){_ext(proof)}:"))
            self.law_lines(proof, 4)
            for child in proof.children:
                self.node(child, 4)

    def answer(self, answer: Answer) -> None:
        if answer.request == "why_not":
            self.lines.append("")
            self.lines.append(_clean(f"Why not {answer.pattern}?"))
            if answer.holds:
                self.lines.append("  It holds:")
            elif not answer.attempts:
                self.lines.append(_clean(f"  {answer.text}: not concluded, and no rule concludes an atom of this form."))
            else:
                self.lines.append(_clean(f"  {answer.text}: not concluded. "
                                         f"{len(answer.attempts)} rule(s) could conclude it; each fails:"))
                for attempt in answer.attempts:
                    self.shown = set()
                    self.node(attempt, 2)
        elif not answer.conclusions:
            self.lines.append("")
            self.lines.append(_clean(f"No conclusion matches {answer.pattern}."))
        for conclusion in answer.conclusions:
            self.conclusion(conclusion)


def render_text(expl: Explanation) -> str:
    """Indented plain English: every step with its rule, doctrines and sections of the paper."""
    writer = _TextWriter(expl.assumed, expl.law)
    writer.lines.extend(_reading_lines(expl))
    if expl.law is not None:
        writer.lines.extend(_clean(f"  | {line}") for line in law_lines(expl.law, (), expl.regime.cite))
    for answer in expl.answers:
        writer.answer(answer)
    return "\n".join(writer.lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _md(text: str) -> str:
    """``text`` with Markdown's special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _clean(text))


def _md_code(text: str) -> str:
    """``text`` as an inline code span, whatever backticks it holds."""
    text = _clean(text)
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_line(node: Node) -> str:
    cite = ""
    if node.rule:
        cite = f" — **{_md(node.rule)}** ({_md(citation(node))})" + (" \\[ext\\]" if node.ext else "")
    if node.kind == "derived":
        return _md(node.text) + cite
    if node.kind == "attempt":
        return f"rule{cite}: would conclude {_md(node.text)}"
    if node.kind in ("fact", "absent", "underived", "absent_all", "present"):
        line = condition_line(replace(node, rule=None))
        head, _, rest = line.partition(": ")
        return f"*{_md(head)}:* {_md(rest)}"
    return _md(node.text)


def _md_law(law: Law | None, node: Node, depth: int, out: list[str]) -> None:
    """The law beside one step as list items: each doctrine's statement, each section's sentences quoted."""
    if law is None or not node.rule:
        return
    pad = "  " * depth
    doctrines, entries = step_law(law, node.doctrines, node.section)
    for d in doctrines:
        out.append(f"{pad}- *{_md(doctrine_label(d))}:* {_md(plain(d.statement))}")
    for cited, entry in entries:
        out.append(f"{pad}- *{_md(section_label(cited, entry))}:* "
                   + " ".join(f"“{_md(plain(s))}”" for s in entry.sentences))


def _md_nodes(node: Node, depth: int, out: list[str], marker: str = "", law: Law | None = None) -> None:
    pad = "  " * depth
    out.append(f"{pad}- {marker}{_md_line(node)}")
    _md_law(law, node, depth + 1, out)
    for child in node.children:
        _md_nodes(child, depth + 1, out, law=law)
    if node.failed is not None:
        _md_nodes(node.failed, depth + 1, out, "**fails:** ", law)


def render_markdown(expl: Explanation) -> str:
    """Markdown: a heading per conclusion, its proofs as nested lists."""
    out = [f"# Explanation: {_md(expl.case)}", "",
           f"Regime **{_md(expl.regime.value)}** ({_md(sections_text(expl.regime.cite))}; "
           f"{'the default' if expl.regime.default else 'not the default'})  "]
    out.extend(f"{_md(line)}  " for line in _reading_lines(expl)[1:])
    if expl.law is not None:
        out.extend(["", *(f"- *{_md(section_label(c, e))}:* " + " ".join(f"“{_md(plain(t))}”" for t in e.sentences)
                          for c, e in step_law(expl.law, (), expl.regime.cite)[1])])
    for answer in expl.answers:
        if answer.request == "why_not":
            out += ["", f"## Why not {_md_code(str(answer.pattern))}?", ""]
            if answer.holds:
                out.append("It holds.")
            elif not answer.attempts:
                out.append(f"{_md(answer.text)}: not concluded, and no rule concludes an atom of this form.")
            else:
                out += [f"{_md(answer.text)}: not concluded; each rule that could conclude it fails:", ""]
                for attempt in answer.attempts:
                    _md_nodes(attempt, 0, out, law=expl.law)
        elif not answer.conclusions:
            out += ["", f"No conclusion matches {_md_code(str(answer.pattern))}."]
        for node in answer.conclusions:
            out += ["", f"## {_md_code(str(node.atom))}", "",
                    f"{_md(node.text)} — {_md(', '.join(node.doctrines))}", ""]
            for proof in node.children:
                proof_line = f"- by **{_md(str(proof.rule))}** ({_md(citation(proof))})" + (
                    " \\[ext\\]" if proof.ext else "")
                out.append(proof_line)
                _md_law(expl.law, proof, 1, out)
                for child in proof.children:
                    _md_nodes(child, 1, out, law=expl.law)
    return "\n".join(out) + "\n"


def _html_law(law: Law | None, node: Node) -> str:
    """The law beside one step: a ``<div class="law">`` with each doctrine's statement and the quoted sentences."""
    if law is None or not node.rule:
        return ""
    doctrines, entries = step_law(law, node.doctrines, node.section)
    parts = [f"<p><b>{html.escape(doctrine_label(d))}</b>: {html.escape(plain(d.statement))}</p>" for d in doctrines]
    for cited, entry in entries:
        quotes = "".join(f"<p>{html.escape(plain(s))}</p>" for s in entry.sentences)
        parts.append(f"<blockquote><p><b>{html.escape(section_label(cited, entry))}</b></p>{quotes}</blockquote>")
    return f'<div class="law">{"".join(parts)}</div>' if parts else ""


def _html_nodes(node: Node, marker: str = "", law: Law | None = None) -> str:
    items = [_html_nodes(c, law=law) for c in node.children]
    if node.failed is not None:
        items.append(_html_nodes(node.failed, "fails: ", law))
    inner = f"<ul>{''.join(items)}</ul>" if items else ""
    return f"<li>{html.escape(marker + _clean(condition_line(node)))}{_html_law(law, node)}{inner}</li>"


def render_html(expl: Explanation) -> str:
    """HTML for a notebook: a list per conclusion or why-not answer."""
    parts = [f"<div><p><b>{html.escape(_clean(line))}</b></p>" if i == 0 else f"<p>{html.escape(_clean(line))}</p>"
             for i, line in enumerate(_reading_lines(expl))]
    if expl.law is not None:
        parts.append(_html_law(expl.law, Node(kind="regime", text="", rule="regime", section=expl.regime.cite)))
    for answer in expl.answers:
        if answer.request == "why_not" and not answer.holds:
            parts.append(f"<p><b>Why not {html.escape(_clean(str(answer.pattern)))}?</b> "
                         f"{html.escape(_clean(answer.text))}: not concluded.</p>")
            parts.append("<ul>" + "".join(_html_nodes(a, law=expl.law) for a in answer.attempts) + "</ul>")
        for node in answer.conclusions:
            parts.append(f"<p><b>{html.escape(_clean(str(node.atom)))}</b> "
                         f"[{html.escape(', '.join(node.doctrines))}]</p>")
            parts.append("<ul>" + "".join(_html_nodes(p, law=expl.law) for p in node.children) + "</ul>")
    return "".join(parts) + "</div>"


def _dot_label(lines: Sequence[str]) -> str:
    def escape(line: str) -> str:
        return _clean(line).replace("\\", "\\\\").replace('"', '\\"')

    wrapped = [w for line in lines for w in (textwrap.wrap(line, 48) or [""])]
    return '"' + "\\n".join(escape(w) for w in wrapped) + '"'


_DOT_STYLE = {
    "conclusion": 'shape=box, style="rounded,bold"',
    "derived": "shape=box, style=rounded",
    "fact": "shape=note",
    "absent": "shape=note, style=dashed",
    "underived": "shape=box, style=dashed",
    "absent_all": "shape=box, style=dashed",
    "present": "shape=box, style=bold",
    "regime": "shape=hexagon",
    "position": "shape=hexagon",
    "test": "shape=plaintext",
    "attempt": 'shape=box, style="rounded,dashed"',
    "why_not": 'shape=box, style="bold,dashed"',
}


class _DotWriter:
    def __init__(self) -> None:
        self.lines = ["digraph explanation {", "  rankdir=LR;",
                      '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];']
        self.count = 0

    def add(self, kind: str, label: Sequence[str]) -> str:
        name = f"n{self.count}"
        self.count += 1
        self.lines.append(f"  {name} [{_DOT_STYLE.get(kind, 'shape=box')}, label={_dot_label(label)}];")
        return name

    def node(self, node: Node) -> str:
        label = [condition_line(replace(node, rule=None))]
        if node.rule:
            label.append(f"{node.rule}: {citation(node)}{_ext(node)}")
        name = self.add(node.kind, label)
        for child in node.children:
            self.lines.append(f"  {name} -> {self.node(child)};")
        if node.failed is not None:
            self.lines.append(f'  {name} -> {self.node(node.failed)} [label="fails", style=dashed];')
        return name


def render_dot(expl: Explanation) -> str:
    """A Graphviz digraph: one tree per conclusion or why-not answer."""
    writer = _DotWriter()
    for answer in expl.answers:
        if answer.request == "why_not" and not answer.holds:
            root = writer.add("why_not", [f"why not {answer.pattern}?", answer.text])
            for attempt in answer.attempts:
                writer.lines.append(f"  {root} -> {writer.node(attempt)};")
        for node in answer.conclusions:
            root = writer.add("conclusion", [str(node.atom), node.text, ", ".join(node.doctrines)])
            for proof in node.children:
                writer.lines.append(f"  {root} -> {writer.node(proof)};")
    writer.lines.append("}")
    return "\n".join(writer.lines) + "\n"


# ------------------------------------------------- evaluate --explain --
def explained_evaluation_text(result: dict[str, Any], vocab: Vocabulary, title: str = "", source: str = "",
                              paper: Paper | None = None) -> str:
    """The evaluation text with the short reasons under each line (a result of :func:`with_reasons`).

    With ``paper`` (``--cite full``), each reason is followed by its doctrines' statements and the
    paper's sentences of its sections.
    """
    head = evaluation_text({**result, **{key: [] for key, _ in SECTIONS}}, vocab, title,
                           source).rstrip("\n").split("\n")
    body: list[str] = []
    for (title, lines), (key, _) in zip(evaluation_lines(result, vocab), SECTIONS):
        if not lines:
            continue
        body.append(f"{title}:")
        for line, row in zip(lines, result[key]):
            body.append(f"  - {line}")
            several = len({w["conclusion"] for w in row["why"]}) > 1
            for why in row["why"]:
                cite = f"{', '.join(why['doctrines'])}; {sections_text(why['section'])}"
                ext = " [ext]" if why["ext"] else ""
                atom = f"{why['conclusion']} " if several else ""
                body.append(_clean(f"      {atom}by {why['rule']} ({cite}){ext}: " + "; ".join(why["conditions"])))
                if paper is not None:
                    law = gather(vocab, paper, why["doctrines"], split_sections(why["section"]))
                    body.extend(_clean(f"        | {line}") for line in law_lines(law, why["doctrines"], why["section"]))
    return "\n".join(head + body) + "\n"


#: The renderings by ``--format`` name.
RENDERERS: dict[str, Callable[[Explanation], str]] = {
    "text": render_text,
    "json": Explanation.to_json,
    "dot": render_dot,
    "markdown": render_markdown,
}



__all__ = [
    "RENDERERS", "citation", "condition_line", "explained_evaluation_text", "render_dot", "render_html",
    "render_markdown", "render_text", "sections_text",
]
