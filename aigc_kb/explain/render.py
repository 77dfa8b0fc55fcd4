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

from ..core.lang import Language, Names, language
from ..core.render import evaluation_lines, evaluation_text
from ..core.result import SECTIONS
from ..core.vocabulary import Vocabulary
from ..core.paper import Paper, split_sections
from .law import Law, doctrine_label, gather, law_lines, plain, section_label, step_law
from .localize import localize_law
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


def _burden(node: Node, lang: Language) -> str:
    notes = []
    if node.burden:
        bearer = node.burden if lang.code == "en" else lang.word(node.burden, "burden")
        notes.append(lang.msg("burden", bearer=bearer))
    if node.open:
        notes.append(lang.msg("open_in_case"))
    return lang.msg("notes", notes=lang.msg("list_sep").join(notes)) if notes else ""


def _lang(lang: Language | None) -> Language:
    return lang if lang is not None else language("en")


def condition_line(node: Node, lang: Language | None = None) -> str:
    """One node in one line of words (without its children), in ``lang`` (default English)."""
    lg = _lang(lang)
    if node.kind in ("derived", "conclusion"):
        return lg.msg("derived_line", text=node.text, rule=node.rule, cite=citation(node),
                      ext=_ext(node)) if node.rule else node.text
    if node.kind == "fact":
        return lg.msg("fact", text=node.text)
    if node.kind in ("absent", "underived"):
        none = lg.msg("no_rule") if node.kind == "underived" and not node.children and not node.truncated else ""
        return lg.msg("not_proven", text=node.text, notes=_burden(node, lg), none=none)
    if node.kind == "absent_all":
        return lg.msg("not_proven_together", text=node.text)
    if node.kind == "present":
        return lg.msg("present", text=node.text)
    if node.kind == "attempt":
        return lg.msg("attempt", rule=node.rule, cite=citation(node), ext=_ext(node), text=node.text)
    return node.text


def _clean(text: str) -> str:
    """Control characters of names made visible, so that a line stays a line."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


def _note(default: bool, lang: Language) -> str:
    return lang.msg("the_default") if default else lang.msg("not_the_default")


def _setting_text(setting: Setting, cite_prefix: str, lang: Language) -> str:
    value = setting.value if lang.code == "en" else lang.word(setting.value, "position")
    return lang.msg("setting", name=setting.name, value=value, cite=f"{cite_prefix}{setting.cite}",
                    note=_note(setting.default, lang))


def _regime_word(expl: Explanation, lang: Language) -> str:
    return expl.regime.value if lang.code == "en" else lang.word(expl.regime.value, "regime")


def _reading_lines(expl: Explanation) -> list[str]:
    lang = language(expl.lang)
    sep = lang.msg("list_sep")
    lines = [lang.msg("reading", case=_clean(expl.case), regime=_regime_word(expl, lang),
                      cite=sections_text(expl.regime.cite), note=_note(expl.regime.default, lang))]
    changed = [p for p in expl.positions if not p.default]
    lines.append(lang.msg("choice_points", list=sep.join(_setting_text(p, "", lang) for p in changed)
                          if changed else lang.msg("all_defaults")))
    if expl.assumed:
        lines.append(lang.msg("assumed", list=sep.join(_clean(str(a)) for a in expl.assumed)))
    if expl.open_facts:
        lines.append(lang.msg("open_facts", list=sep.join(_clean(f) for f in expl.open_facts)))
    return lines


class _TextWriter:
    """Indented plain text; a derived atom proven twice in one conclusion is shown once."""

    def __init__(self, assumed: tuple[Assumption, ...], law: Law | None = None, lang: Language | None = None) -> None:
        self.law = law
        self.lang = _lang(lang)
        self.lines: list[str] = []
        self.shown: set[tuple[str | None, tuple[str | None, ...], str | None]] = set()
        self.assumed = {(a.pred, a.args) for a in assumed if a.value}

    def node(self, node: Node, indent: int, marker: str = "- ") -> None:
        pad = " " * indent
        lg = self.lang
        line = condition_line(node, lg)
        if node.kind == "fact" and (node.pred, node.args) in self.assumed:
            line += lg.msg("assumed_mark")
        key = (node.pred, node.args, node.rule)
        repeated = node.kind == "derived" and node.children and key in self.shown
        if repeated:
            line += lg.msg("proven_above")
        if node.truncated:
            line += lg.msg("not_expanded")
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
            self.node(node.failed, indent + 2, lg.msg("fails_marker"))
        if node.alternatives:
            self.lines.append(f"{pad}  " + lg.msg("alternatives", n=node.alternatives))

    def law_lines(self, node: Node, indent: int) -> None:
        """The law beside one step (with ``--cite full``): its doctrines' statements and the paper's sentences."""
        if self.law is not None:
            self.lines.extend(_clean(f"{' ' * indent}| {line}")
                              for line in law_lines(self.law, node.doctrines, node.section, self.lang))

    def conclusion(self, node: Node) -> None:
        self.shown = set()
        self.lines.append("")
        self.lines.append(_clean(f"{node.atom}  [{', '.join(node.doctrines)}]"))
        self.lines.append(_clean(f"  {node.text}"))
        for proof in node.children:
            self.lines.append(_clean("  " + self.lang.msg("by_rule", rule=proof.rule, cite=citation(proof),
                                                          ext=_ext(proof))))
            self.law_lines(proof, 4)
            for child in proof.children:
                self.node(child, 4)

    def answer(self, answer: Answer) -> None:
        lg = self.lang
        if answer.request == "why_not":
            self.lines.append("")
            self.lines.append(_clean(lg.msg("why_not", pattern=answer.pattern)))
            if answer.holds:
                self.lines.append("  " + lg.msg("it_holds"))
            elif not answer.attempts:
                self.lines.append(_clean("  " + lg.msg("no_rule_concludes", text=answer.text)))
            else:
                self.lines.append(_clean("  " + lg.msg("each_fails", text=answer.text, n=len(answer.attempts))))
                for attempt in answer.attempts:
                    self.shown = set()
                    self.node(attempt, 2)
        elif not answer.conclusions:
            self.lines.append("")
            self.lines.append(_clean(lg.msg("no_match", pattern=answer.pattern)))
        for conclusion in answer.conclusions:
            self.conclusion(conclusion)


def render_text(expl: Explanation) -> str:
    """Indented plain text (in the explanation's language): every step with its rule, doctrines and sections of
    the paper."""
    lang = language(expl.lang)
    writer = _TextWriter(expl.assumed, expl.law, lang)
    writer.lines.extend(_reading_lines(expl))
    if expl.law is not None:
        writer.lines.extend(_clean(f"  | {line}") for line in law_lines(expl.law, (), expl.regime.cite, lang))
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


def _md_line(node: Node, lang: Language | None = None) -> str:
    lg = _lang(lang)
    cite = ""
    if node.rule:
        cite = f" — **{_md(node.rule)}** ({_md(citation(node))})" + (" \\[ext\\]" if node.ext else "")
    if node.kind == "derived":
        return _md(node.text) + cite
    if node.kind == "attempt":
        return f"{lg.msg('md_rule')}{cite}: {lg.msg('md_would_conclude')} {_md(node.text)}"
    if node.kind in ("fact", "absent", "underived", "absent_all", "present"):
        line = condition_line(replace(node, rule=None), lg)
        head, sep, rest = line.partition(": ")
        if not sep:
            head, sep, rest = line.partition("：")
            return f"*{_md(head)}：*{_md(rest)}"
        return f"*{_md(head)}:* {_md(rest)}"
    return _md(node.text)


def _md_law(law: Law | None, node: Node, depth: int, out: list[str], lang: Language | None = None) -> None:
    """The law beside one step as list items: each doctrine's statement, each section's sentences quoted."""
    if law is None or not node.rule:
        return
    pad = "  " * depth
    doctrines, entries = step_law(law, node.doctrines, node.section)
    for d in doctrines:
        out.append(f"{pad}- *{_md(doctrine_label(d))}:* {_md(plain(d.statement))}")
    for cited, entry in entries:
        out.append(f"{pad}- *{_md(section_label(cited, entry, lang))}:* "
                   + " ".join(f"“{_md(plain(s))}”" for s in entry.sentences))


def _md_nodes(node: Node, depth: int, out: list[str], marker: str = "", law: Law | None = None,
              lang: Language | None = None) -> None:
    pad = "  " * depth
    out.append(f"{pad}- {marker}{_md_line(node, lang)}")
    _md_law(law, node, depth + 1, out, lang)
    for child in node.children:
        _md_nodes(child, depth + 1, out, law=law, lang=lang)
    if node.failed is not None:
        _md_nodes(node.failed, depth + 1, out, f"**{_lang(lang).msg('md_fails')}** ", law, lang)


def render_markdown(expl: Explanation) -> str:
    """Markdown: a heading per conclusion, its proofs as nested lists."""
    lang = language(expl.lang)
    out = [f"# {lang.msg('md_title', case=_md(expl.case))}", "",
           lang.msg("md_regime", regime=_md(_regime_word(expl, lang)), cite=_md(sections_text(expl.regime.cite)),
                    note=_note(expl.regime.default, lang)) + "  "]
    out.extend(f"{_md(line)}  " for line in _reading_lines(expl)[1:])
    if expl.law is not None:
        out.extend(["", *(f"- *{_md(section_label(c, e, lang))}:* " + " ".join(f"“{_md(plain(t))}”" for t in e.sentences)
                          for c, e in step_law(expl.law, (), expl.regime.cite)[1])])
    for answer in expl.answers:
        if answer.request == "why_not":
            out += ["", f"## {lang.msg('why_not', pattern=_md_code(str(answer.pattern)))}", ""]
            if answer.holds:
                out.append(lang.msg("it_holds_md"))
            elif not answer.attempts:
                out.append(lang.msg("no_rule_concludes", text=_md(answer.text)))
            else:
                out += [lang.msg("each_fails_md", text=_md(answer.text)), ""]
                for attempt in answer.attempts:
                    _md_nodes(attempt, 0, out, law=expl.law, lang=lang)
        elif not answer.conclusions:
            out += ["", lang.msg("no_match", pattern=_md_code(str(answer.pattern)))]
        for node in answer.conclusions:
            out += ["", f"## {_md_code(str(node.atom))}", "",
                    f"{_md(node.text)} — {_md(', '.join(node.doctrines))}", ""]
            for proof in node.children:
                proof_line = f"- {lang.msg('md_by')} **{_md(str(proof.rule))}** ({_md(citation(proof))})" + (
                    " \\[ext\\]" if proof.ext else "")
                out.append(proof_line)
                _md_law(expl.law, proof, 1, out, lang)
                for child in proof.children:
                    _md_nodes(child, 1, out, law=expl.law, lang=lang)
    return "\n".join(out) + "\n"


def _html_law(law: Law | None, node: Node, lang: Language | None = None) -> str:
    """The law beside one step: a ``<div class="law">`` with each doctrine's statement and the quoted sentences."""
    if law is None or not node.rule:
        return ""
    doctrines, entries = step_law(law, node.doctrines, node.section)
    parts = [f"<p><b>{html.escape(doctrine_label(d))}</b>: {html.escape(plain(d.statement))}</p>" for d in doctrines]
    for cited, entry in entries:
        quotes = "".join(f"<p>{html.escape(plain(s))}</p>" for s in entry.sentences)
        parts.append(f"<blockquote><p><b>{html.escape(section_label(cited, entry, lang))}</b></p>{quotes}</blockquote>")
    return f'<div class="law">{"".join(parts)}</div>' if parts else ""


def _html_nodes(node: Node, marker: str = "", law: Law | None = None, lang: Language | None = None) -> str:
    items = [_html_nodes(c, law=law, lang=lang) for c in node.children]
    if node.failed is not None:
        items.append(_html_nodes(node.failed, _lang(lang).msg("fails"), law, lang))
    inner = f"<ul>{''.join(items)}</ul>" if items else ""
    return f"<li>{html.escape(marker + _clean(condition_line(node, lang)))}{_html_law(law, node, lang)}{inner}</li>"


def render_html(expl: Explanation) -> str:
    """HTML for a notebook: a list per conclusion or why-not answer."""
    lang = language(expl.lang)
    parts = [f"<div><p><b>{html.escape(_clean(line))}</b></p>" if i == 0 else f"<p>{html.escape(_clean(line))}</p>"
             for i, line in enumerate(_reading_lines(expl))]
    if expl.law is not None:
        parts.append(_html_law(expl.law, Node(kind="regime", text="", rule="regime", section=expl.regime.cite), lang))
    for answer in expl.answers:
        if answer.request == "why_not" and not answer.holds:
            parts.append(f"<p><b>{html.escape(lang.msg('why_not', pattern=_clean(str(answer.pattern))))}</b> "
                         f"{html.escape(lang.msg('not_concluded', text=_clean(answer.text)))}</p>")
            parts.append("<ul>" + "".join(_html_nodes(a, law=expl.law, lang=lang) for a in answer.attempts) + "</ul>")
        for node in answer.conclusions:
            parts.append(f"<p><b>{html.escape(_clean(str(node.atom)))}</b> "
                         f"[{html.escape(', '.join(node.doctrines))}]</p>")
            parts.append("<ul>" + "".join(_html_nodes(p, law=expl.law, lang=lang) for p in node.children) + "</ul>")
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
    def __init__(self, lang: Language | None = None) -> None:
        self.lang = _lang(lang)
        self.lines = ["digraph explanation {", "  rankdir=LR;",
                      '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];']
        self.count = 0

    def add(self, kind: str, label: Sequence[str]) -> str:
        name = f"n{self.count}"
        self.count += 1
        self.lines.append(f"  {name} [{_DOT_STYLE.get(kind, 'shape=box')}, label={_dot_label(label)}];")
        return name

    def node(self, node: Node) -> str:
        label = [condition_line(replace(node, rule=None), self.lang)]
        if node.rule:
            label.append(f"{node.rule}: {citation(node)}{_ext(node)}")
        name = self.add(node.kind, label)
        for child in node.children:
            self.lines.append(f"  {name} -> {self.node(child)};")
        if node.failed is not None:
            fails = self.lang.msg("fails").rstrip(":： ").replace('"', '\\"')
            self.lines.append(f'  {name} -> {self.node(node.failed)} [label="{fails}", style=dashed];')
        return name


def render_dot(expl: Explanation) -> str:
    """A Graphviz digraph: one tree per conclusion or why-not answer."""
    writer = _DotWriter(language(expl.lang))
    for answer in expl.answers:
        if answer.request == "why_not" and not answer.holds:
            root = writer.add("why_not", [writer.lang.msg("dot_why_not", pattern=answer.pattern), answer.text])
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
                              paper: Paper | None = None, lang: str = "en", names: Names | None = None) -> str:
    """The evaluation text with the short reasons under each line (a result of :func:`with_reasons`).

    With ``paper`` (``--cite full``), each reason is followed by its doctrines' statements and the
    paper's sentences of its sections.  ``lang`` and ``names`` as for :func:`aigc_kb.core.render.evaluation_text`
    (the reasons are worded by :func:`aigc_kb.explain.trees.with_reasons` in the same language).
    """
    words = language(lang)
    head = evaluation_text({**result, **{key: [] for key, _ in SECTIONS}}, vocab, title,
                           source, lang=lang, names=names).rstrip("\n").split("\n")
    body: list[str] = []
    for (title, lines), (key, _) in zip(evaluation_lines(result, vocab, lang=lang, names=names), SECTIONS):
        if not lines:
            continue
        body.append(f"{title}{':' if words.code == 'en' else '：'}")
        for line, row in zip(lines, result[key]):
            body.append(f"  - {line}")
            several = len({w["conclusion"] for w in row["why"]}) > 1
            for why in row["why"]:
                cite = f"{', '.join(why['doctrines'])}; {sections_text(why['section'])}"
                ext = " [ext]" if why["ext"] else ""
                atom = f"{why['conclusion']} " if several else ""
                body.append(_clean("      " + words.msg("reason_line", atom=atom, rule=why["rule"], cite=cite, ext=ext,
                                                        conditions=words.msg("list_sep").join(why["conditions"]))))
                if paper is not None:
                    law = localize_law(gather(vocab, paper, why["doctrines"], split_sections(why["section"])), words)
                    body.extend(_clean(f"        | {line}")
                                for line in law_lines(law, why["doctrines"], why["section"], words))
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
