"""``aigc-kb diff``: what an edit of the knowledge base changed.

Each test edits a copy of ``kb/`` by a small textual substitution (the
``*_EDIT`` tables below: a file, a regular expression that must match exactly
once, and its replacement; update them when the rule files are reformatted)
and derives by hand, from the catalogue and the case files, what must change.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from aigc_kb import KnowledgeBase

from .conftest import CASES_DIR, ROOT, run_cli

KB_DIR = ROOT / "kb"

#: D26 (§6.3) insurance loses its exclusion of intentional infringement: "intentional
#: infringement is not covered" (catalogue D26) is dropped from r_d26_insurance_for, both engines.
INTENT_EDIT = (
    ("prolog/risk.pl", r"(inadvertent\(X, O\),\s*\\\+ knows_of\(X, O\),)\s*\\\+ intends_of\(X, O\),", r"\1"),
    ("asp/risk.lp", r"not intends_of\(X, O\), ", ""),
)

#: D07 (§3.1, §4.3) made not to hold of a provider that also runs the system itself:
#: r_d07_provider_output gets the condition that the provider does not run the system (Prolog only).
#: No bundled case has a provider that runs its own system; generated worlds do.
SELF_RUN_PROVIDER_EDIT = (
    ("prolog/liability.pl", r"(provider_output\(P, O\) :-\s*provider_of_output\(P, O\),)",
     r"\1\n           \\+ ( generated_by(O, S), runs_itself(P, S) ),"),
)


def edited_kb(tmp_path: Path, edits: tuple[tuple[str, str, str], ...], name: str = "kb") -> Path:
    """A copy of ``kb/`` with each substitution applied; fails loudly when a target is not found once."""
    copy = tmp_path / name
    shutil.copytree(KB_DIR, copy)
    for file, pattern, replacement in edits:
        path = copy / file
        text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"))
        assert count == 1, f"the edit of {file} found its target {count} times, not once: update the *_EDIT table"
        path.write_text(text, encoding="utf-8")
    return copy


def changes(report: dict[str, object]) -> set[tuple[str, str, str, str, tuple[str, ...]]]:
    """(case, reading, change, atom, engines) of every case difference in a JSON report."""
    out = set()
    for diff in report["differences"]:  # type: ignore[attr-defined]
        for change in diff["changes"]:
            out.add((diff["case"], diff["reading"], change["change"], change["atom"], tuple(change["engines"])))
    return out


def test_one_rule_changed_lists_exactly_its_conclusions(tmp_path: Path) -> None:
    """Without D26's exclusion of intent, cover reaches an infringement of an insured liable provider or
    developer that it committed inadvertently *and* intended (itself or through someone acting for it).
    By hand, over the bundled cases, the infringements through an output for which a covered
    (``covered_by``) party liable as provider is inadvertent and intends it, under their one reading
    (paper, strict): x_d26_neg (p, o, covered by ins) and x_d26_insurance_fund_intentional (prov, o,
    covered by ins).  Where the intent is an agent's (fix04_insurance_per_infringement_neg: dan for beta;
    x_insurance_agents: c for prov), the provider knows of the infringement through its agent (D13
    [ext], acts of staff), and knowledge excludes cover without the intent exclusion too.
    x_insurance_intent intends o2 but is inadvertent only for o1, already covered, and the others with
    ``intent_proven`` (d09_good_faith_user_neg: bob, uncovered; scenario_inducement_unknowns: open, so
    not proven) gain nothing.  Both engines gain the cover of those two infringements and their
    summaries per party, and nothing else changes anywhere."""
    edited = edited_kb(tmp_path, INTENT_EDIT)
    done = run_cli("diff", "--base", str(KB_DIR), "--kb", str(edited), "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    both = ("prolog", "asp")
    assert changes(report) == {
        ("x_d26_neg", "paper", "gained", "insurance_for(p, ins, w, o)", both),
        ("x_d26_neg", "paper", "gained", "insurance(p, ins)", both),
        ("x_d26_insurance_fund_intentional", "paper", "gained", "insurance_for(prov, ins, w, o)", both),
        ("x_d26_insurance_fund_intentional", "paper", "gained", "insurance(prov, ins)", both)}
    assert report["compared"]["readings"] > len(list(CASES_DIR.glob("*.yaml")))
    (difference,) = [d for d in report["differences"] if d["case"] == "x_d26_neg"]
    by_atom = {change["atom"]: change for change in difference["changes"]}
    for change in by_atom.values():
        assert change["kb_doctrines"] == ["D26"] and change["base_doctrines"] == []
    summary = by_atom["insurance(p, ins)"]["explanation"]["conclusions"][0]["children"][0]
    assert summary["rule"] == "r_d26_insurance"  # explained by the edited kb, which concludes it
    assert [c.get("pred") for c in summary["children"]] == ["insurance_for"]
    proof = by_atom["insurance_for(p, ins, w, o)"]["explanation"]["conclusions"][0]["children"][0]
    assert proof["rule"] == "r_d26_insurance_for"
    assert [c.get("pred") for c in proof["children"]] == ["liable_infringement", "insurable_for", "covered_by",
                                                          "inadvertent", "knows_of", "notified_of"]
    # The other way round it is lost, explained by the base (now the edited kb).
    back = run_cli("diff", "--base", str(edited), "--kb", str(KB_DIR), "--cases",
                   str(CASES_DIR / "x_d26_neg.yaml"), str(CASES_DIR / "d26_insurance_pos.yaml"))
    assert back.returncode == 1, back.stderr
    assert "- insurance(p, ins)  [D26]  (lost; prolog, asp)" in back.stdout
    assert "by rule r_d26_insurance" in back.stdout
    assert "d26_insurance_pos" not in back.stdout


def test_an_unchanged_copy_prints_nothing_and_exits_0(tmp_path: Path) -> None:
    copy = edited_kb(tmp_path, ())
    cases = [str(CASES_DIR / f"{name}.yaml") for name in ("real_ultraman", "x_insurance_intent", "d27_contract_neg")]
    done = run_cli("diff", "--base", str(copy), "--cases", *cases, "--every-regime")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    as_json = run_cli("diff", "--base", str(copy), "--cases", cases[0], "--format", "json")
    assert as_json.returncode == 0
    report = json.loads(as_json.stdout)
    assert report["differs"] is False and report["differences"] == [] and report["compared"]["readings"] == 2


def test_worlds_find_and_shrink_a_difference_no_bundled_case_shows(tmp_path: Path) -> None:
    """A provider that also runs its system itself appears in no bundled case, so the edit changes
    nothing there; on generated worlds it takes that provider's liability away for an infringing output
    of the system, and the shrunk case shows exactly that."""
    edited = edited_kb(tmp_path, SELF_RUN_PROVIDER_EDIT)
    bundled = run_cli("diff", "--base", str(KB_DIR), "--kb", str(edited), "--engine", "prolog")
    assert (bundled.returncode, bundled.stdout, bundled.stderr) == (0, "", "")
    # the worlds of a seed come from a stream that depends on the vocabulary (a new input or entity
    # type shifts it): the first of ten seeds of 40 worlds each whose worlds reach a provider that
    # runs its own system (one in a few does)
    for seed in range(1, 11):
        out = tmp_path / f"shrunk_{seed}"
        found = run_cli("diff", "--base", str(KB_DIR), "--kb", str(edited), "--engine", "prolog", "--no-cases",
                        "--worlds", "40", "--seed", str(seed), "--out", str(out), "--format", "json")
        assert found.returncode in (0, 1), found.stderr
        if found.returncode == 1:
            break
    assert found.returncode == 1, "no seed of ten reached a self-running provider"
    report = json.loads(found.stdout)
    assert report["differences"] == [] and report["worlds"]
    files = sorted(out.glob("*.yaml"))
    assert [Path(w["file"]) for w in report["worlds"]] == files and files
    for file in files:
        text = file.read_text(encoding="utf-8")
        providers = set(re.findall(r"^  - provider: \[(.*), (.*)\]$", text, re.M))
        self_run = set(re.findall(r"^  - runs_itself: \[(.*), (.*)\]$", text, re.M))
        # a provider running its own system: the condition the edit added
        both = providers & self_run
        assert both, text
        again = run_cli("diff", "--base", str(KB_DIR), "--kb", str(edited), "--engine", "prolog",
                        "--cases", str(file), "--format", "json")
        assert again.returncode == 1, again.stderr
        lost = {atom for (_, _, kind, atom, _) in changes(json.loads(again.stdout)) if kind == "lost"}
        assert any(atom.startswith(f"liable({p}, ") for p, _ in both for atom in lost), lost


def test_base_rev_head_on_an_unchanged_tree_finds_nothing() -> None:
    inside = subprocess.run(["git", "-C", str(KB_DIR), "status", "--porcelain", "--", "."],
                            capture_output=True, text=True, check=False)
    if inside.returncode != 0 or inside.stdout.strip():
        pytest.skip("kb/ is not in a git work tree, or differs from HEAD there")
    done = run_cli("diff", "--base-rev", "HEAD", "--cases", str(CASES_DIR / "real_feilin.yaml"),
                   str(CASES_DIR / "d26_insurance_pos.yaml"))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    bad = run_cli("diff", "--base-rev", "no-such-revision-anywhere", "--cases", str(CASES_DIR / "real_feilin.yaml"))
    assert bad.returncode == 2 and bad.stdout == "" and "no such revision" in bad.stderr


def test_an_edited_kb_that_does_not_load_is_reported_once_with_file_and_line(tmp_path: Path) -> None:
    broken = edited_kb(tmp_path, (("prolog/risk.pl", r"(rule\(r_d27_assessor,)", r"this is not prolog.\n\1"),))
    done = run_cli("diff", "--base", str(KB_DIR), "--kb", str(broken), "--cases", str(CASES_DIR / "d27_contract_pos.yaml"))
    assert done.returncode == 2 and done.stdout == ""
    assert re.search(r"risk\.pl:\d+:", done.stderr), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_markdown_report_and_usage_errors(tmp_path: Path) -> None:
    edited = edited_kb(tmp_path, INTENT_EDIT)
    done = run_cli("diff", "--base", str(KB_DIR), "--kb", str(edited), "--cases",
                   str(CASES_DIR / "x_d26_neg.yaml"), "--format", "markdown")
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("# What the edit changed\n")
    assert "| gained | `insurance(p, ins)` | D26 | prolog, asp |" in done.stdout
    assert "r\\_d26\\_insurance" in done.stdout  # its explanation, in Markdown
    for args in (["--cases", "x.yaml"], ["--base", str(KB_DIR), "--out", str(tmp_path)],
                 ["--base", str(tmp_path / "missing")], ["--base", str(KB_DIR), "--no-cases"]):
        usage = run_cli("diff", *args)
        assert usage.returncode == 2 and usage.stdout == "", args


#: D24 added to the doctrines r_d26_insurance cites (Prolog): the same conclusions, other citations.
RECITE_EDIT = (
    ("prolog/risk.pl", r"rule\(r_d26_insurance, \[d26-'6\.3'\],", "rule(r_d26_insurance, [d24-'6.1', d26-'6.3'],"),
)


def test_a_changed_citation_is_a_recited_conclusion(tmp_path: Path) -> None:
    """Of the five cases with an insured party, insurance is concluded only where the insured is liable
    for an infringement through an output it was inadvertent for and did not know of or intend:
    d26_insurance_pos (acme, ins_co; paper reading only: under fault acme is not liable),
    x_insurance_intent (acme, ins_co: o1 is inadvertent, only o2 intended) and
    x_developer_unlawful_data (dev, fund1).  Those three summaries, and nothing else (not the
    per-infringement insurance_for, which another rule concludes), now cite D24 and D26."""
    edited = edited_kb(tmp_path, RECITE_EDIT)
    names = ("d26_insurance_pos", "d26_insurance_neg", "x_insurance_intent", "x_developer_lawful_data",
             "x_developer_unlawful_data")
    done = run_cli("diff", "--base", str(KB_DIR), "--kb", str(edited), "--engine", "prolog", "--no-explain",
                   "--format", "json", "--cases", *[str(CASES_DIR / f"{n}.yaml") for n in names])
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert changes(report) == {("d26_insurance_pos", "paper", "recited", "insurance(acme, ins_co)", ("prolog",)),
                               ("x_insurance_intent", "paper", "recited", "insurance(acme, ins_co)", ("prolog",)),
                               ("x_developer_unlawful_data", "paper", "recited", "insurance(dev, fund1)", ("prolog",))}
    for diff in report["differences"]:
        (change,) = diff["changes"]
        assert (change["base_doctrines"], change["kb_doctrines"], change["explanation"]) == (["D26"], ["D24", "D26"], None)


def test_readings_are_the_declared_ones_and_optionally_every_regime_and_position(kb: KnowledgeBase) -> None:
    """Feilin declares two readings: court (fault, default_owner=contributing_human) and paper (strict).
    The vocabulary has four regimes (three others each) and twelve non-default positions per reading
    (tdm_exception 2, developer_without_measures 2, eight two-position points 1 each).  With both options,
    court moved to default_owner=provider is paper under fault, and paper moved to
    default_owner=contributing_human is court under strict: each evaluated once, under the first name."""
    from aigc_kb.devtools.diff import case_readings

    feilin = kb.load_case(CASES_DIR / "real_feilin.yaml")
    assert [r.name for r in case_readings(feilin, kb.vocab)] == ["court", "paper"]
    assert len(case_readings(feilin, kb.vocab, every_regime=True)) == 2 + 6
    assert len(case_readings(feilin, kb.vocab, every_position=True)) == 2 + 12 + 12
    both = case_readings(feilin, kb.vocab, every_regime=True, every_position=True)
    assert len(both) == 2 + 6 + 24 - 2
    names = [r.name for r in both]
    # the first name is kept: court's variants come before paper's
    assert "court, default_owner=provider" in names and "paper, regime fault" not in names
    assert "court, regime strict" in names and "paper, default_owner=contributing_human" not in names
    plain = kb.load_case(CASES_DIR / "d27_contract_pos.yaml")
    assert [(r.name, r.regime) for r in case_readings(plain, kb.vocab)] == [
        (b.reading.name, b.reading.regime) for b in plain.expect]
