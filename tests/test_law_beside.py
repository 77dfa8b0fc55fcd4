"""The law beside the reasoning: the paper's sentences as kb data, shown beside every explained step.

``kb/paper.yaml`` holds the paper's own sentences per section; ``explain --cite
full``, ``evaluate --explain --cite full``, the Markdown and HTML renderings and
the explanation JSON show each step's doctrines (name, statement) and the
sentences of its sections; ``doctrines ID`` lists the doctrine's rules in both
engines and the bundled cases that test it.  Expectations are read from the
kb's data files and the paper, not from the code's output.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from aigc_kb import KnowledgeBase
from aigc_kb.core.paper import Paper, PaperSection, load_paper
from aigc_kb.core.vocabulary import Doctrine
from aigc_kb.devtools.lint import asp_labels, lint_prolog, parse_asp
from aigc_kb.explain.law import Law
from aigc_kb.explain.model import Explanation, Node
from aigc_kb.explain.render import render_html, render_markdown

from .conftest import ROOT, run_cli

PAPER = ROOT.parent / "shared" / "paper" / "aigc-liability-paper.txt"
ULTRAMAN = "cases/real_ultraman.yaml"
#: §5.1 of the paper, copied by hand (with the paper's typographic apostrophe).
FAULT_SENTENCE = "Under the fault-based principle, the burden of proof falls on the plaintiff to demonstrate the defendant’s fault"


def _plain(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def doctrines_table() -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in yaml.safe_load((ROOT / "kb" / "doctrines.yaml").read_text(encoding="utf-8"))["doctrines"]}


@pytest.fixture(scope="module")
def excerpts() -> dict[str, dict[str, Any]]:
    raw = yaml.safe_load((ROOT / "kb" / "paper.yaml").read_text(encoding="utf-8"))
    return {e["section"]: e for e in raw["sections"]}


@pytest.fixture(scope="module")
def fault_json() -> dict[str, Any]:
    proc = run_cli("explain", ULTRAMAN, "--regime", "fault", "--cite", "full", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def _nodes(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
        yield node
        for child in node.get("children", ()):
            yield from walk(child)
        if "failed" in node:
            yield from walk(node["failed"])

    for answer in data["answers"]:
        for top in answer["conclusions"] + answer["attempts"]:
            yield from walk(top)


def _sections(section: str | None) -> list[str]:
    return [s.strip() for s in (section or "").split(",") if s.strip()]


# --------------------------------------------------------------- the data --
@pytest.mark.skipif(not PAPER.is_file(), reason="the paper's text is not beside the repository")
def test_every_excerpt_is_verbatim_from_the_paper(excerpts: dict[str, dict[str, Any]]) -> None:
    paper = PAPER.read_text(encoding="utf-8")
    headings = set(paper.split("\n"))
    assert len(excerpts) >= 19
    for section, entry in excerpts.items():
        assert entry["sentences"], section
        missing = [s for s in entry["sentences"] if s not in paper]
        assert missing == [], section
        # the title is the paper's heading of that section ("5.1 The Dilemma …", "5. Attribution …")
        assert f"{section} {entry['title']}" in headings or f"{section}. {entry['title']}" in headings, section


def test_every_cited_section_has_an_excerpt(kb: KnowledgeBase, excerpts: dict[str, dict[str, Any]]) -> None:
    paper = load_paper(kb.paths.paper)
    cited = {s for d in kb.vocab.doctrines.values() for s in d.sections}
    _, prolog = lint_prolog(kb.paths, kb.vocab)
    cited |= {s for r in prolog for _, s in r.citations}
    cited |= {s for lbl in asp_labels(parse_asp(kb.paths.asp_files)) for _, s in lbl.citations}
    assert {"2.1", "4.3", "5.3", "6.1"} <= cited
    assert sorted(s for s in cited if paper.excerpt(s) is None) == []
    # the subsections of §5 that rules cite each have their own entry
    for section in ("5.1", "5.2", "5.3"):
        assert section in excerpts and paper.excerpt(section) == paper.sections[section]


def test_a_subsection_without_an_entry_falls_back_to_its_parent() -> None:
    five = PaperSection("5", "Attribution", ("s",))
    paper = Paper({"5": five})
    assert paper.excerpt("5.3") is five and paper.excerpt("§5") is five
    assert paper.excerpt("4.3") is None and paper.excerpt("53") is None


def test_an_edited_kb_carries_its_own_excerpts(tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "kb"
    shutil.copytree(ROOT / "kb", copy)
    (copy / "paper.yaml").write_text("sections:\n- section: '4.3'\n  title: T\n  sentences: [Edited.]\n", encoding="utf-8")
    paper = KnowledgeBase(copy).paper
    assert paper.excerpt("4.3") == PaperSection("4.3", "T", ("Edited.",)) and paper.excerpt("5.1") is None


# ------------------------------------------------------------ explain ----
def test_json_carries_the_law_of_every_step(fault_json: dict[str, Any], doctrines_table: dict[str, dict[str, Any]],
                                            excerpts: dict[str, dict[str, Any]]) -> None:
    law = fault_json["law"]
    steps = [n for n in _nodes(fault_json) if n.get("rule")]
    assert len(steps) > 20
    for node in steps:
        for d in node["doctrines"]:
            assert law["doctrines"][d]["name"] == doctrines_table[d]["name"]
            assert law["doctrines"][d]["statement"] == doctrines_table[d]["statement"]
        for s in _sections(node.get("section")):
            assert law["sections"][s]["sentences"] == excerpts[s]["sentences"]
    # the D13 step under the fault regime: §5.1's sentence on the plaintiff's burden
    d13 = [n for n in steps if n["rule"] == "r_d13_fault"]
    assert d13 and all("D13" in n["doctrines"] and "5.1" in _sections(n["section"]) for n in d13)
    assert any(FAULT_SENTENCE in s for s in law["sections"]["5.1"]["sentences"])
    assert law["sections"]["5.1"]["title"] == "The Dilemma of the Fault-Based Liability Principle"
    assert law["doctrines"]["D13"]["partly_ext"] is True and law["doctrines"]["D07"]["ext"] is False


def test_the_default_json_is_unchanged_but_for_the_law(fault_json: dict[str, Any]) -> None:
    proc = run_cli("explain", ULTRAMAN, "--regime", "fault", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    default = json.loads(proc.stdout)
    assert "law" not in default
    assert {k: v for k, v in fault_json.items() if k != "law"} == default
    # read back: the law survives the round trip
    expl = Explanation.from_json(json.dumps(fault_json))
    assert expl.law is not None and json.loads(expl.to_json()) == fault_json


def test_text_shows_each_steps_doctrines_and_sentences(doctrines_table: dict[str, dict[str, Any]],
                                                       excerpts: dict[str, dict[str, Any]]) -> None:
    proc = run_cli("explain", ULTRAMAN, "--regime", "fault", "--cite", "full")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split("\n")
    step = re.compile(r"\[(r_\w+): ([D0-9, ]+); ([§0-9., ]+)\]|by rule (r_\w+) \(([D0-9, ]+); ([§0-9., ]+)\)")
    checked = 0
    for i, line in enumerate(lines):
        m = step.search(line)
        if not m or "(proven above)" in line:
            continue
        doctrines = (m.group(2) or m.group(5)).split(", ")
        sections = [s.strip("§ ") for s in (m.group(3) or m.group(6)).split(",")]
        law = []
        for following in lines[i + 1:]:
            if not following.lstrip().startswith("|"):
                break
            law.append(following.lstrip()[1:].strip())
        for d in doctrines:
            entry = doctrines_table[d]
            mark = " [ext]" if entry["ext"] else " [partly ext]" if entry["partly_ext"] else ""
            assert f"{d} {entry['name']}{mark}: {_plain(entry['statement'])}" in law, (line, d)
        for s in sections:
            assert any(l.startswith(f"§{s} {excerpts[s]['title']}") for l in law), (line, s)
            for sentence in excerpts[s]["sentences"]:
                assert _plain(sentence) in law, (line, s)
        checked += 1
    assert checked > 20
    # the D13 step under fault, by hand
    at = next(i for i, l in enumerate(lines) if "[r_d13_fault:" in l)
    block = "\n".join(lines[at + 1:at + 40])
    assert "| D13 regime [partly ext]: The regime governs" in block and FAULT_SENTENCE in block


def test_the_default_text_shows_no_law() -> None:
    proc = run_cli("explain", ULTRAMAN, "--regime", "fault")
    assert proc.returncode == 0 and FAULT_SENTENCE not in proc.stdout
    assert not any(l.lstrip().startswith("|") for l in proc.stdout.split("\n"))


def test_markdown_and_html_show_the_law(fault_json: dict[str, Any], doctrines_table: dict[str, dict[str, Any]]) -> None:
    expl = Explanation.from_json(json.dumps(fault_json))
    md = render_markdown(expl)
    assert FAULT_SENTENCE in md and "*D13 regime \\[partly ext\\]:*" in md
    page = render_html(expl)
    root = ET.fromstring(page)          # well-formed
    laws = root.findall(".//div[@class='law']")
    assert len(laws) > 20
    texts = ["".join(div.itertext()) for div in laws]
    assert any(FAULT_SENTENCE in t for t in texts)
    # statements with quotes and backticks come out as the table has them, once unescaped
    assert any(_plain(doctrines_table["D13"]["statement"]) in t for t in texts)
    without = render_html(Explanation.from_json(json.dumps({k: v for k, v in fault_json.items() if k != "law"})))
    assert "class=\"law\"" not in without and FAULT_SENTENCE not in without


def test_html_escapes_the_law() -> None:
    node = Node(kind="derived", text="x", pred="p", rule="r_x", doctrines=("D99",), section="9.9")
    conclusion = Node(kind="conclusion", text="c", pred="p", doctrines=("D99",), children=(node,))
    law = Law({"D99": Doctrine("D99", "n<b>", ("9.9",), False, False, "a <script>x</script> & b")},
              {"9.9": PaperSection("9.9", "T&<", ("<i>said</i>",))})
    data = {"case": "c", "regime": {"name": "regime", "value": "strict", "default": True, "cite": "5.3"},
            "positions": [], "answers": [{"request": "explain", "pred": "p", "args": [], "text": "t", "holds": True,
                                          "conclusions": [conclusion.to_dict()], "attempts": []}]}
    expl = Explanation.from_dict({**data, "law": law.to_dict()})
    root = ET.fromstring(render_html(expl))
    assert root.find(".//script") is None and root.find(".//i") is None
    text = "".join(root.itertext())
    assert "a <script>x</script> & b" in text and "<i>said</i>" in text and "§9.9 T&<" in text


# ------------------------------------------------------------ evaluate ---
def test_evaluate_explain_cite_full() -> None:
    proc = run_cli("evaluate", ULTRAMAN, "--regime", "fault", "--explain", "--cite", "full")
    assert proc.returncode == 0, proc.stderr
    at = proc.stdout.index("by r_d13_liable_fault")
    assert FAULT_SENTENCE in proc.stdout[at:] and "| D13 regime [partly ext]:" in proc.stdout[at:]
    plain = run_cli("evaluate", ULTRAMAN, "--regime", "fault", "--explain")
    assert FAULT_SENTENCE not in plain.stdout
    data = json.loads(run_cli("evaluate", ULTRAMAN, "--regime", "fault", "--explain", "--cite", "full",
                              "--format", "json").stdout)
    assert any(FAULT_SENTENCE in s for s in data["law"]["sections"]["5.1"]["sentences"])
    alone = run_cli("evaluate", ULTRAMAN, "--cite", "full")
    assert alone.returncode == 2 and alone.stdout == "" and "--explain" in alone.stderr


# ----------------------------------------------------------- doctrines ---
def _tested_by(doctrine: str) -> list[tuple[str, str]]:
    out = []
    for file in sorted((ROOT / "cases").glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for entry in data.get("tests", []):
            if entry[:-1] == doctrine:
                out.append((file.stem, entry[-1]))
    return out


def test_doctrines_d07_lists_rules_of_both_engines_and_its_cases(excerpts: dict[str, dict[str, Any]]) -> None:
    proc = run_cli("doctrines", "D07", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    [d07] = json.loads(proc.stdout)
    prolog = {r["id"]: r for r in d07["rules"]["prolog"]}
    asp = {r["id"]: r for r in d07["rules"]["asp"]}
    # §4.3/§5.3: the provider is strictly liable; both engines carry the rule, cited where it stands
    for rules, ext in ((prolog, ".pl"), (asp, ".lp")):
        rule = rules["r_d07_liable_strict"]
        assert rule["file"].endswith(ext)
        source = (ROOT / "kb" / rule["file"]).read_text(encoding="utf-8").split("\n")
        assert "r_d07_liable_strict" in "\n".join(source[max(rule["line"] - 3, 0):rule["line"] + 2])
    expected = _tested_by("D07")
    assert ("d07_provider_primary_pos", "+") in expected and ("d07_provider_primary_neg", "-") in expected
    assert sorted((c["case"], c["sign"]) for c in d07["cases"]) == sorted(expected)
    assert [p["cited"] for p in d07["paper"]] == ["3.1", "4.3"]
    assert d07["paper"][1]["sentences"] == excerpts["4.3"]["sentences"]
    text = run_cli("doctrines", "D07")
    assert text.returncode == 0
    assert re.search(r"Prolog rules \(\d+\):\n(  .*\n)*  r_d07_liable_strict +prolog/liability\.pl:\d+", text.stdout)
    assert re.search(r"ASP rules \(\d+\):\n(  .*\n)*  r_d07_liable_strict +asp/liability\.lp:\d+", text.stdout)
    assert "  - d07_provider_primary_neg" in text.stdout and "§4.3 AI Service Providers" in text.stdout
