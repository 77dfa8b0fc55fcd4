"""Plain-text renderings a lawyer can scan (the CLI prints them)."""

from __future__ import annotations

from typing import Any

from .lang import Language, Names, display_name, language
from .vocabulary import Vocabulary


def _cite(doctrines: list[str], vocab: Vocabulary) -> str:
    """The doctrines a conclusion rests on, ``[ext]`` after an extension as a whole.

    Sections of the paper are cited by rules, not by conclusions: ``evaluate --explain`` and
    ``explain`` name each concluding rule with the sections it cites.
    """
    marks = []
    for d in doctrines:
        spec = vocab.doctrines.get(d)
        marks.append(f"{d} [ext]" if spec and spec.ext else d)
    return f"  [{', '.join(marks)}]" if marks else ""


#: Identifiers whose words are spelt otherwise in the text (the identifier is a contract).
_SPELLING = {"safe harbor": "safe harbour"}


def words(identifier: str) -> str:
    """An identifier of the vocabulary as words: ``safe_harbor`` reads "safe harbour"."""
    text = identifier.replace("_", " ")
    return _SPELLING.get(text, text)


#: How many infringements a summary line names before "N more" (the JSON's ``for`` lists them all).
FOR_SHOWN = 6


def _for(item: dict[str, Any], lang: Language, names: Names | None) -> str:
    """What a summary line is for: the infringements (work through output) of its ``for`` list; a training
    copy names the systems or models it was copied to train (its ``artefacts``)."""
    parts: list[str] = []
    for entry in item.get("for", []):
        work, output = entry.get("work"), entry.get("output")
        artefacts = entry.get("artefacts") or []
        if work is not None and output is not None:
            part = lang.msg("for_item", work=display_name(work, lang, names), output=display_name(output, lang, names))
        elif work is not None and artefacts:
            # a training copy: the systems or models it was copied to train
            part = lang.msg("for_training", work=display_name(work, lang, names),
                            artefacts=lang.msg("item_sep").join(display_name(a, lang, names) for a in artefacts))
        elif work is not None:
            part = lang.msg("for_work", work=display_name(work, lang, names))
        elif output is not None:
            part = lang.msg("for_output", output=display_name(output, lang, names))
        else:
            continue
        if part not in parts:
            parts.append(part)
    if not parts:
        return ""
    if len(parts) > FOR_SHOWN:
        parts = parts[:FOR_SHOWN] + [lang.msg("for_more", n=len(parts) - FOR_SHOWN)]
    return lang.msg("for_list", list=lang.msg("item_sep").join(parts))


def _owner(value: Any, lang: Language, names: Names | None) -> str:
    if value is None:
        return lang.msg("nobody")
    return display_name(str(value), lang, names)


def evaluation_lines(result: dict[str, Any], vocab: Vocabulary, lang: str = "en",
                     names: Names | None = None) -> list[tuple[str, list[str]]]:
    """The sections of an evaluation's summary, each a title and its lines, in ``lang`` (``en`` or ``zh``).

    ``names`` are the display names of the case's entities (its ``names:`` block), used where given for
    ``lang``; identifiers are shown otherwise.
    """
    lg = language(lang)
    en = lg.code == "en"

    def c(item: dict[str, Any]) -> str:
        return _cite(item["doctrines"], vocab)

    def n(entity: Any) -> str:
        return display_name(str(entity), lg, names)

    def w(value: str, type_: str, english: str | None = None) -> str:
        """A value in words: in English as the summary has always shown it (``english``), else from kb/lang."""
        if en:
            return value if english is None else english
        return lg.word(value, type_)

    # an output infringed as a protected work (D29): name whose copyright it is
    owners = {i["output"]: lg.msg("owner_of", owner=n(i["owner"])) for i in result["copyright"] if i["owner"]}
    sep = lg.msg("item_sep")

    return [
        (lg.msg("section_infringements"), [
            lg.msg("line_infringement", subject=n(i["subject"]), right=w(i["right"], "right"), work=n(i["work"]),
                   owner=owners.get(i["work"], ""),
                   through=lg.msg("through", output=n(i["output"])) if i["output"] else "",
                   stage=w(i["stage"], "stage"), cite=c(i))
            for i in result["infringements"]]),
        (lg.msg("section_liable"), [
            lg.msg("line_liable", subject=n(i["subject"]), kind=w(i["kind"], "kind"),
                   rights=sep.join(w(r, "right") for r in i["rights"]), stage=w(i["stage"], "stage"),
                   **{"for": _for(i, lg, names)}, cite=c(i))
            for i in result["liable"]]),
        (lg.msg("section_joint"), [
            lg.msg("line_joint", subject=n(i["subject"]), **{"with": n(i["with"])}, output=n(i["output"]),
                   extent=w(i["extent"], "joint_extent", words(i["extent"])), cite=c(i))
            for i in result["joint_and_several"]]),
        (lg.msg("section_not_liable"), [
            lg.msg("line_not_liable", subject=n(i["subject"]), role=w(i["role"], "role"),
                   reason=w(i["reason"], "not_liable_reason", words(i["reason"])), **{"for": _for(i, lg, names)}, cite=c(i))
            for i in result["not_liable"]]),
        (lg.msg("section_defenses"), [
            lg.msg("line_defense", subject=n(i["subject"]), defense=w(i["defense"], "defense", words(i["defense"])),
                   status=w(i["status"], "status"), **{"for": _for(i, lg, names)}, cite=c(i))
            for i in result["defenses"]]),
        (lg.msg("section_grounds"), [
            lg.msg("line_ground", subject=n(i["subject"]),
                   ground=w(i["ground"], "provider_ground", words(i["ground"])), cite=c(i))
            for i in result["grounds"]]),
        (lg.msg("section_copyright"), [
            lg.msg("line_copyright", output=n(i["output"]),
                   status=w(i["status"], "copyright_status", words(i["status"])), owner=_owner(i["owner"], lg, names),
                   reason=w(i["reason"], "copyright_reason", words(i["reason"])), cite=c(i))
            for i in result["copyright"]]),
        (lg.msg("section_tangible"), [lg.msg("line_tangible", output=n(i["output"]), owner=n(i["owner"]), cite=c(i))
                                      for i in result["tangible_owner"]]),
        (lg.msg("section_limitations"), [
            lg.msg("line_limitation", subject=n(i["subject"]), effect=w(i["effect"], "effect"),
                   reason=w(i["reason"], "limitation_reason", words(i["reason"])), **{"for": _for(i, lg, names)}, cite=c(i))
            for i in result["limitations"]]),
        (lg.msg("section_remedies"), [
            lg.msg("line_remedy", against=n(i["against"]), remedy=w(i["remedy"], "remedy", words(i["remedy"])),
                   factors=lg.msg("weighing", factors=sep.join(w(f, "factor") for f in i["factors"]))
                   if i["factors"] else "", **{"for": _for(i, lg, names)}, cite=c(i))
            for i in result["remedies"]]),
        (lg.msg("section_insurance"), [lg.msg("line_insurance", coverer=n(i["coverer"]), insured=n(i["insured"]),
                                              **{"for": _for(i, lg, names)}, cite=c(i)) for i in result["insurance"]]),
        (lg.msg("section_recourse"), [
            lg.msg("line_recourse", **{"from": n(i["from"])}, against=n(i["against"]),
                   ground=w(i["ground"], "recourse_ground", words(i["ground"])), cite=c(i))
            for i in result["recourse"]]),
        (lg.msg("section_assessment"), [
            lg.msg("line_assessment", assessor=n(i["assessor"]), party=n(i["party"]), other=n(i["other"]), cite=c(i))
            for i in result["assessors"]]),
        (lg.msg("section_provenance"), [
            lg.msg("line_provenance", work=n(i["work"]), recorded=n(i["recorded"]), owner=n(i["owner"]), cite=c(i))
            for i in result["provenance_conflicts"]]),
        (lg.msg("section_undefined"), [lg.msg("line_undefined", output=n(i["output"]), cite=c(i))
                                       for i in result["protection_undefined"]]),
    ]


def evaluation_text(result: dict[str, Any], vocab: Vocabulary, title: str = "", source: str = "",
                    lang: str = "en", names: Names | None = None) -> str:
    """An evaluation's JSON dict as an indented summary, headed by the case's title and source when given,
    in ``lang`` (``en`` or ``zh``) with the display names ``names``."""
    lg = language(lang)
    en = lg.code == "en"
    changed = {p: v for p, v in result["positions"].items() if vocab.choice_points[p].default != v}
    if title and title != result["case"]:
        head = [lg.msg("case_title", case=result["case"], title=title)]
    else:
        head = [lg.msg("case_head", case=result["case"])]
    if source:
        head.append(lg.msg("source", source=source))
    regime = result["regime"] if en else lg.word(str(result["regime"]), "regime")
    head.append(lg.msg("engine_regime", engine=result["engine"], regime=regime)
                + ((", " if en else "，") + lg.msg("item_sep").join(
                    f"{p}={v if en else lg.word(str(v), 'position')}" for p, v in changed.items())
                   if changed else lg.msg("default_positions")))
    if result["open_facts"]:
        head.append(lg.msg("open_treated", list=lg.msg("list_sep").join(result["open_facts"])))
    body = []
    for title, lines in evaluation_lines(result, vocab, lang=lang, names=names):
        if lines:
            body.append(f"{title}{':' if en else '：'}")
            body.extend(f"  - {line}" for line in lines)
    return "\n".join(head + body) + "\n"
