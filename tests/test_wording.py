"""Output wording a reader sees: one spelling of "safe harbour", doctrine ids as the catalogue writes them."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from .conftest import ROOT, run_cli

SAFE_HARBOUR_CASE = "cases/d15_safe_harbor_pos.yaml"


def test_evaluate_spells_safe_harbour() -> None:
    # D15 (§3.2): under strict liability the provider's safe-harbour defence is rejected
    proc = run_cli("evaluate", SAFE_HARBOUR_CASE)
    assert proc.returncode == 0, proc.stderr
    assert "  - acme: safe harbour rejected - for o1  [D15]" in proc.stdout
    assert "harbor" not in proc.stdout.replace("d15_safe_harbor_pos", "")


def test_evaluate_spells_safe_harbour_as_a_reason_not_to_be_liable() -> None:
    # notice_and_takedown [ext]: a provider that removed the output after notice and did not know of it
    # keeps the safe harbour (D15)
    proc = run_cli("evaluate", "cases/x_notice_multi_output_no_knowledge.yaml", "--regime", "notice_and_takedown")
    assert proc.returncode == 0, proc.stderr
    assert "acme as provider: safe harbour" in proc.stdout
    assert "acme: safe harbour accepted" in proc.stdout


def test_explain_spells_safe_harbour() -> None:
    proc = run_cli("explain", SAFE_HARBOUR_CASE, "--query", "defense(acme, safe_harbor, _)")
    assert proc.returncode == 0, proc.stderr
    assert "the safe harbour defence of acme is rejected" in proc.stdout
    # the identifier stays as it is (a contract): only the words change
    assert "defense(acme, safe_harbor, rejected)" in proc.stdout


def test_raw_swipl_prints_doctrine_ids_as_the_catalogue(tmp_path: Path) -> None:
    exported = run_cli("export", "cases/real_ultraman.yaml", "--to", "pl")
    assert exported.returncode == 0, exported.stderr
    case = tmp_path / "ultraman.pl"
    case.write_text(exported.stdout, encoding="utf-8")
    goal = f"evaluate_file('{case}', [regime(fault)])"
    proc = subprocess.run(["swipl", "-g", goal, "-t", "halt", str(ROOT / "kb" / "prolog" / "aigc.pl")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    # the operator is liable under fault for breach and proven fault (D07, D13, D14)
    assert re.search(r"^liable\(tab_operator, primary, reproduction, generation\) +\[D07, D13, D14\]$",
                     proc.stdout, re.M), proc.stdout
    assert not re.search(r"\bd\d\d\b", proc.stdout), proc.stdout


def test_evaluate_and_explain_cite_the_same_sections_for_the_same_rule() -> None:
    """Sections belong to rules: the summary names the doctrines, and wherever a section is cited
    (evaluate --explain, explain) it is the concluding rule's own (D13 §5.1 and D14 §4.3 under fault
    for Ultraman, catalogue D13/D14)."""
    plain = run_cli("evaluate", "cases/real_ultraman.yaml", "--regime", "fault")
    assert plain.returncode == 0, plain.stderr
    (line,) = [ln for ln in plain.stdout.splitlines() if ln.startswith("  - tab_operator: primary")]
    assert line.endswith("[D07, D13, D14]") and "§" not in plain.stdout
    reasons = run_cli("evaluate", "cases/real_ultraman.yaml", "--regime", "fault", "--explain", "--format", "json")
    assert reasons.returncode == 0, reasons.stderr
    by_evaluate = {(w["rule"], w["section"]) for row in json.loads(reasons.stdout)["liable"] for w in row["why"]}
    tree = run_cli("explain", "cases/real_ultraman.yaml", "--regime", "fault", "--query",
                   "liable_for(tab_operator, _, _, _, _, _)", "--format", "json")
    assert tree.returncode == 0, tree.stderr
    by_explain = {(proof["rule"], proof["section"]) for answer in json.loads(tree.stdout)["answers"]
                  for conclusion in answer["conclusions"] for proof in conclusion["children"]}
    assert by_evaluate == by_explain == {("r_d13_liable_fault", "4.3, 5.1")}
