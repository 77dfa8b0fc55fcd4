"""Plain-text renderings a lawyer can scan (the CLI prints them)."""

from __future__ import annotations

from typing import Any

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


def _owner(value: Any) -> str:
    return "nobody" if value is None else str(value)


def evaluation_lines(result: dict[str, Any], vocab: Vocabulary) -> list[tuple[str, list[str]]]:
    def c(item: dict[str, Any]) -> str:
        return _cite(item["doctrines"], vocab)

    # an output infringed as a protected work (D29): name whose copyright it is
    owners = {i["output"]: f" (copyright of {i['owner']})" for i in result["copyright"] if i["owner"]}

    return [
        ("Infringements", [
            f"{i['subject']}: {i['right']} of {i['work']}" + owners.get(i["work"], "")
            + (f" through {i['output']}" if i["output"] else "") + f" ({i['stage']} stage){c(i)}"
            for i in result["infringements"]]),
        ("Liable", [
            f"{i['subject']}: {i['kind']} for {', '.join(i['rights'])} ({i['stage']} stage){c(i)}"
            for i in result["liable"]]),
        ("Not liable", [f"{i['subject']} as {i['role']}: {words(i['reason'])}{c(i)}"
                        for i in result["not_liable"]]),
        ("Defences", [f"{i['subject']}: {words(i['defense'])} {i['status']}{c(i)}"
                      for i in result["defenses"]]),
        ("Grounds for the provider as infringing subject",
         [f"{i['subject']}: {words(i['ground'])}{c(i)}" for i in result["grounds"]]),
        ("Copyright", [
            f"{i['output']}: {words(i['status'])}; owner {_owner(i['owner'])} "
            f"({words(i['reason'])}){c(i)}" for i in result["copyright"]]),
        ("Tangible form", [f"{i['output']}: owned by {i['owner']}{c(i)}" for i in result["tangible_owner"]]),
        ("Limitations", [f"{i['subject']}: {i['effect']} ({words(i['reason'])}){c(i)}"
                         for i in result["limitations"]]),
        ("Remedies", [
            f"against {i['against']}: {words(i['remedy'])}"
            + (f" (weighing {', '.join(i['factors'])})" if i["factors"] else "") + c(i)
            for i in result["remedies"]]),
        ("Insurance and funds", [f"{i['coverer']} covers {i['insured']}{c(i)}" for i in result["insurance"]]),
        ("Recourse", [f"{i['from']} against {i['against']} ({words(i['ground'])}){c(i)}"
                      for i in result["recourse"]]),
        ("Assessment", [f"{i['assessor']} assesses disputes between {i['party']} and {i['other']}{c(i)}"
                        for i in result["assessors"]]),
    ]


def evaluation_text(result: dict[str, Any], vocab: Vocabulary, title: str = "", source: str = "") -> str:
    """An evaluation's JSON dict as an indented summary, headed by the case's title and source when given."""
    changed = {p: v for p, v in result["positions"].items() if vocab.choice_points[p].default != v}
    head = [f"Case {result['case']}" + (f": {title}" if title and title != result["case"] else "")]
    if source:
        head.append(f"Source: {source}")
    head.append(f"Engine {result['engine']}, regime {result['regime']}"
                + (", " + ", ".join(f"{p}={v}" for p, v in changed.items()) if changed else ", default positions"))
    if result["open_facts"]:
        head.append("Open facts (treated as not proven): " + "; ".join(result["open_facts"]))
    body = []
    for title, lines in evaluation_lines(result, vocab):
        if lines:
            body.append(f"{title}:")
            body.extend(f"  - {line}" for line in lines)
    return "\n".join(head + body) + "\n"
