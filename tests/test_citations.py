"""One citation scheme in both engines (kb/prolog rule/3,4 and kb/asp ``%@`` annotations).

* every rule concluding an output predicate has the same id, the same
  (doctrine, section) pairs and the same ``ext`` flag in both engines;
* the annotations are expanded at load time, and the plain ``.lp`` files run
  by the ``clingo`` command conclude the same output atoms as the API;
* a bad annotation is reported as ``file:line: problem``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import clingo
import pytest

from aigc_kb import Case, KnowledgeBase
from aigc_kb.engines import asp_rules
from aigc_kb.engines.asp import AspEngine
from aigc_kb.devtools.coverage import case_readings
from aigc_kb.devtools.lint import AspLabel, PrologRule, asp_labels, lint_prolog, parse_asp, section_of
from aigc_kb.engines.quoting import symbol_text

from .conftest import ROOT


@pytest.fixture(scope="module")
def rules(kb: KnowledgeBase) -> tuple[list[PrologRule], list[AspLabel]]:
    findings, prolog = lint_prolog(kb.paths, kb.vocab)
    assert not findings, findings
    return prolog, asp_labels(parse_asp(kb.paths.asp_files))


def test_output_rules_share_ids_and_citations(kb: KnowledgeBase, rules: tuple[list[PrologRule], list[AspLabel]]) -> None:
    prolog, asp = rules
    outputs = {f"{p.name}/{p.arity}" for p in kb.vocab.outputs.values()}
    prolog_out = {r.id: (sorted(set(r.citations)), r.ext) for r in prolog if r.head in outputs}
    asp_out = {lbl.label: (sorted(set(lbl.citations)), lbl.ext) for lbl in asp if lbl.output}
    assert len(prolog_out) > 60          # every output predicate has several rules
    assert sorted(prolog_out) == sorted(asp_out)
    differing = {rid: (prolog_out[rid], asp_out[rid]) for rid in prolog_out if prolog_out[rid] != asp_out[rid]}
    assert differing == {}


def test_hand_picked_citations(rules: tuple[list[PrologRule], list[AspLabel]]) -> None:
    # §5.3 proposes strict liability for the provider, the originator of the risk (§4.3; D07, D13);
    # under fault the claimant proves breach and fault (§5.1; D13) of a duty of care (§4.3; D14)
    prolog = {r.id: r for r in rules[0]}
    asp = {lbl.label: lbl for lbl in rules[1]}
    for engine in (prolog, asp):
        assert ("D13", "5.3") in engine["r_d07_liable_strict"].citations
        assert ("D07", "4.3") in engine["r_d07_liable_strict"].citations
        assert set(engine["r_d13_liable_fault"].citations) == {("D07", "4.3"), ("D13", "5.1"), ("D14", "4.3")}
        assert engine["r_d15_liable_notice"].ext


def test_every_citation_names_a_section_of_its_doctrine(kb: KnowledgeBase,
                                                       rules: tuple[list[PrologRule], list[AspLabel]]) -> None:
    prolog, asp = rules
    cites = [(r.id, c) for r in prolog for c in r.citations] + [(lbl.label, c) for lbl in asp for c in lbl.citations]
    assert len(cites) > 300
    assert [(rid, c) for rid, c in cites if not section_of(kb.vocab, *c)] == []
    # subsections count: D13's table entry is "5", and §5.3 is part of it
    assert section_of(kb.vocab, "D13", "5.3") and not section_of(kb.vocab, "D13", "4.4")
    assert not section_of(kb.vocab, "D07", "4.31")


# ---------------------------------------------------------------------------
# The plain files run by clingo conclude what the API concludes
# ---------------------------------------------------------------------------

def _clingo_shown(files: list[Path], instance: str) -> set[tuple[str, tuple[str, ...]]]:
    """The output atoms of the one answer set, as the ``clingo`` command prints them (JSON)."""
    proc = subprocess.run([sys.executable, "-m", "clingo", *map(str, files), "-", "--outf=2"],
                          input=instance, capture_output=True, text=True, timeout=120)
    assert proc.stderr == ""                 # no info, no warning
    output = json.loads(proc.stdout)
    assert output["Result"] == "SATISFIABLE", proc.stdout[-2000:]
    witnesses = output["Call"][0]["Witnesses"]
    assert len(witnesses) == 1
    atoms = [clingo.parse_term(text) for text in witnesses[0]["Value"]]
    return {(a.name, tuple(symbol_text(x) for x in a.arguments)) for a in atoms if a.name != "because"}


def test_plain_files_conclude_what_the_api_concludes(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    files = kb.paths.asp_files
    checked = 0
    for case_id in ("real_ultraman", "real_feilin", "real_dreamwriter", "d13_fault_regime_pos", "d15_safe_harbor_pos",
                    "d22_exemption_pos", "d31_recourse_pos", "d11_red_flag_user_pos", "x_full_reversal_duty_unmet",
                    "x_notice_multi_output", "x_breach_proven_fault"):
        case = all_cases[case_id]
        for reading in case_readings(kb.vocab, case):
            api = {(c.pred, c.args) for c in kb.evaluate_reading(case, reading.resolved, "asp").conclusions}
            assert api, case_id
            assert _clingo_shown(files, AspEngine.instance_text(case, reading.resolved)) == api, reading.key
            checked += 1
    assert checked >= 10


def test_because_comes_from_the_annotations(kb: KnowledgeBase) -> None:
    # the hand-written files have no rule/3 facts: because/2 needs the expansion (params.lp and the
    # generated declarations.lp label the reading's own rules, choice rules among them, by hand)
    code = [line for f in kb.paths.asp_files if f.name not in ("params.lp", "declarations.lp")
            for line in f.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("%")]
    assert [line for line in code if line.startswith(("rule(", "ext(")) or "derived(" in line
            or "concluded(r_" in line] == []
    text = asp_rules.program_text(kb.paths.asp_files)
    assert 'rule(r_d07_liable_strict,d13,"5.3").' in text
    assert "concluded(r_d07_liable_strict,liable_for(" in text
    assert "concluded(r_liable_summary,liable(" in text
    assert "ext(r_d15_liable_notice)." in text


# ---------------------------------------------------------------------------
# Annotations
# ---------------------------------------------------------------------------

OUTPUTS = frozenset({("liable", 4)})


def _expand(tmp_path: Path, text: str) -> str:
    file = tmp_path / "x.lp"
    file.write_text(text, encoding="utf-8")
    return asp_rules.expanded_text([file], OUTPUTS)


def test_annotation_expands_into_label_citations_and_projection(tmp_path: Path) -> None:
    text = _expand(tmp_path, '%@ rule(r_a, [d07-"4.3", d13-"5.3"], [ext]).\n'
                             "liable(P, primary, R, generation) :- q(P, R).\n"
                             "% a comment between the annotation and its rule is allowed\n"
                             '%@ rule(r_b,\n%@      [d11-"4.4"]).\n'
                             "% (continued over two annotation lines)\n"
                             "helper(X) :- q(X, _).\n")
    lines = set(text.splitlines())
    assert "concluded(r_a,liable(P,primary,R,generation)) :- q(P,R)." in lines
    assert "derived(r_b,helper(X)) :- q(X,_)." in lines
    assert {'rule(r_a,d07,"4.3").', 'rule(r_a,d13,"5.3").', "ext(r_a).", 'rule(r_b,d11,"4.4").'} <= lines
    assert "liable(X1,X2,X3,X4) :- concluded(_,liable(X1,X2,X3,X4))." in lines
    assert "helper(X1) :- derived(_,helper(X1))." in lines
    # an unannotated rule is left as it is
    assert _expand(tmp_path, "p(X) :- q(X).\n").splitlines()[-1] == "p(X) :- q(X)."


@pytest.mark.parametrize("text, line, words", [
    ('%@ rule(r_a, [d07 "4.3"]).\np :- q.\n', 1, "not a term"),
    ('%@ rule(r_a, [d07-4.3]).\np :- q.\n', 1, 'is not dNN-"Section"'),
    ('%@ rule(r_a, []).\np :- q.\n', 1, "non-empty list"),
    ('%@ rule(r_a, [d07-"4.3"], [extension]).\np :- q.\n', 1, "unknown flag extension"),
    ('p :- q.\n%@ rule(r_a, [d07-"4.3"]).\n', 2, "followed by no rule"),
    ('%@ rule(r_a, [d07-"4.3"]).\n#show p/0.\n', 1, "not a rule"),
    ('%@ rule(r_a, [d07-"4.3"]).\np :- q.\n%@ rule(r_a, [d07-"4.3"]).\nr :- q.\n', 3, "also the id"),
])
def test_bad_annotation_is_reported_at_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(asp_rules.AnnotationError) as err:
        _expand(tmp_path, text)
    [problem] = err.value.problems
    assert (Path(problem.file).name, problem.line) == ("x.lp", line)
    assert words in problem.message
    assert str(err.value).startswith(f"{tmp_path / 'x.lp'}:{line}: ")


def test_cli_of_the_expansion_feeds_clingo(tmp_path: Path) -> None:
    expanded = subprocess.run([sys.executable, "-m", "aigc_kb.engines.asp_rules", str(ROOT / "kb")],
                              capture_output=True, text=True, timeout=120)
    assert expanded.returncode == 0, expanded.stderr
    assert "because(A,D) :- concluded(L,A); rule(L,D,_); not summary(A)." in expanded.stdout
    assert "because(liable(S,K,R,St),D) :- summary(liable(S,K,R,St)); because(liable_for(S,K,R,_,_,St),D)." \
        in expanded.stdout
