"""Explanations: justification trees, why-not answers, their renderings and the CLI.

Every conclusion of every case is explained under every reading of the case,
and each tree is checked against the case itself (its facts) and against the
evaluation of the compiled rules (its conclusions and their doctrines).
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator, Sequence

import pytest

from aigc_kb import Case, Evaluation, KnowledgeBase, Reading
from aigc_kb.core.errors import InputError
from aigc_kb.explain.model import Explanation, Node
from aigc_kb.explain.render import render_dot, render_html, render_markdown, render_text
from aigc_kb.explain.trees import assume, explain, parse_assumption, with_reasons
from aigc_kb.patterns import Pattern, parse_conclusion
from aigc_kb.core.model import Fact
from aigc_kb.engines.prolog import _LOCK, _once, _text
from aigc_kb.core.reading import ResolvedReading, resolve
from aigc_kb.core.vocabulary import OPEN

from .conftest import ROOT, run_cli, tool

ULTRAMAN = "cases/real_ultraman.yaml"


def _readings(case: Case) -> list[Reading]:
    """Every reading of the case that fixes the regime and every position (not `open`)."""
    readings = [block.reading for block in case.expect] or [Reading("default", None, case.positions)]
    return [r for r in readings if r.regime != OPEN and OPEN not in dict(r.positions).values()]


def _every_output(kb: KnowledgeBase) -> list[tuple[str, Pattern]]:
    return [("explain", Pattern.any_of(pred, kb.vocab)) for pred in kb.vocab.outputs]


Explained = tuple[Case, ResolvedReading, Evaluation, Explanation]


@pytest.fixture(scope="module")
def explained(kb: KnowledgeBase, all_cases: dict[str, Case]) -> list[Explained]:
    """Every case under every reading: the evaluation and the explanation of every conclusion."""
    out = []
    for case in all_cases.values():
        for reading in _readings(case):
            resolved = resolve(kb.vocab, reading, source=case.path)
            evaluation = kb.evaluate_reading(case, resolved, "prolog")
            out.append((case, resolved, evaluation, explain(kb, case, resolved, _every_output(kb))))
    return out


def _matches(pattern: tuple[str | None, ...], args: tuple[str, ...]) -> bool:
    return len(pattern) == len(args) and all(p is None or p == a for p, a in zip(pattern, args))


def _nodes(expl: Explanation) -> Iterator[Node]:
    for answer in expl.answers:
        for top in answer.conclusions + answer.attempts:
            yield from top.walk()


def _some_rule_concludes(pattern: Pattern) -> bool:
    with _LOCK:
        answer = _once(f"( aigc_rules:rule_clause(_, _, _, _, {pattern.prolog()}, _) -> R = yes ; R = no )")
    return _text(answer["R"]) == "yes"


def _ext_rules() -> set[str]:
    with _LOCK:
        answer = _once("findall(I, aigc_rules:rule_flag(I, ext), L), "
                       "atomic_list_concat(L, ' ', A), atom_string(A, S)")
    return set(_text(answer["S"]).split())


# ------------------------------------------------------ trees vs the case --
def test_every_conclusion_of_every_case_is_explained(explained: list[Explained]) -> None:
    assert len(explained) > 100
    for case, _, evaluation, expl in explained:
        concluded = {c.key(): c.doctrines for c in evaluation.conclusions}
        trees = {(str(n.pred), tuple(str(a) for a in n.args)): n for n in expl.conclusions()}
        assert set(trees) == set(concluded), case.id
        for key, node in trees.items():
            assert node.children, (case.id, key)
            for proof in node.children:
                assert proof.kind == "derived" and (proof.pred, proof.args) == (node.pred, node.args)
                assert proof.rule and proof.doctrines and proof.section, (case.id, key)
            cited = {d for proof in node.children for d in proof.doctrines}
            if key[0] == "liable":
                # a summary: it cites the doctrines of the liable_for atoms it summarises
                subject, kind, right, stage = key[1]
                assert [proof.rule for proof in node.children] == ["r_liable_summary"], (case.id, key)
                cited = {d for (pred, args), ds in concluded.items()
                         if pred == "liable_for" and (args[:3], args[5]) == ((subject, kind, right), stage)
                         for d in ds}
            assert tuple(sorted(cited)) == concluded[key], (case.id, key)
            assert node.doctrines == concluded[key]


def test_leaves_are_facts_of_the_case_and_absences_are_absent(explained: list[Explained],
                                                             kb: KnowledgeBase) -> None:
    counts = {"fact": 0, "absent": 0, "underived": 0, "present": 0}
    for case, reading, evaluation, expl in explained:
        facts = set(case.facts)
        concluded = [c.key() for c in evaluation.conclusions]
        for node in _nodes(expl):
            if node.kind == "fact":
                assert Fact(str(node.pred), tuple(str(a) for a in node.args)) in facts, (case.id, node.atom)
            elif node.kind == "absent":
                assert node.pred in kb.vocab.inputs, node
                assert not any(f.pred == node.pred and _matches(node.args, f.args) for f in facts), \
                    (case.id, node.atom)
                assert node.burden in ("claimant", "relying_party", "copyright_claimant", "provider")
                opened = any(f.pred == node.pred and _matches(node.args, f.args) for f in case.unknown)
                assert node.open == opened, (case.id, node.atom)
            elif node.kind == "underived" and node.pred in kb.vocab.outputs:
                assert not any(p == node.pred and _matches(node.args, a) for p, a in concluded), \
                    (case.id, node.atom)
            elif node.kind == "present" and node.pred in kb.vocab.inputs:
                assert Fact(str(node.pred), tuple(str(a) for a in node.args)) in facts
            elif node.kind == "regime":
                assert node.value == reading.regime and node.default == (reading.regime == kb.vocab.default_regime)
            elif node.kind == "position":
                point = kb.vocab.choice_points[str(node.point)]
                assert node.value == reading.positions[point.name]
                assert node.default == (node.value == point.default)
                assert node.doctrines == (point.doctrine,)
            if node.kind in counts:
                counts[node.kind] += 1
    assert all(counts.values()), counts  # every kind of leaf occurs somewhere


def test_ext_marks_follow_rule_flags_and_ext_doctrines(explained: list[Explained], kb: KnowledgeBase) -> None:
    flagged = _ext_rules()
    assert "r_d14_breach_no_complaint_mechanism" in flagged
    ext_doctrines = {d for d, spec in kb.vocab.doctrines.items() if spec.ext}
    assert ext_doctrines == {"D29", "D31"}
    seen = set()
    for _, _, _, expl in explained:
        for node in _nodes(expl):
            if node.rule:
                expected = node.rule in flagged or bool(set(node.doctrines) & ext_doctrines)
                assert node.ext == expected, node.rule
                seen.add(node.ext)
    assert seen == {True, False}


# ---------------------------------------------------------------- why not --
def test_why_not_answers_every_absent_expectation(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    answered = without_rules = 0
    for case in all_cases.values():
        for block in case.expect:
            if not block.absent or block.reading not in _readings(case):
                continue
            names = {e.pred: kb.vocab.outputs[e.pred].arg_names for e in block.absent}
            patterns = [Pattern(e.pred, tuple(dict(e.fields).get(n) for n in names[e.pred])) for e in block.absent]
            resolved = resolve(kb.vocab, block.reading, source=case.path)
            expl = explain(kb, case, resolved, [("why_not", p) for p in patterns], why_depth=3)
            facts = set(case.facts)
            for pattern, answer in zip(patterns, expl.answers):
                assert answer.pattern == pattern and not answer.holds and not answer.conclusions
                answered += 1
                rules = [a.rule for a in answer.attempts]
                assert rules == sorted(set(rules)), (case.id, pattern)
                assert bool(rules) == _some_rule_concludes(pattern), (case.id, pattern)
                without_rules += not rules
                for attempt in answer.attempts:
                    assert attempt.kind == "attempt" and attempt.failed is not None, (case.id, pattern)
                    assert attempt.pred == pattern.pred
                    for node in attempt.walk():
                        if node.kind == "absent":
                            assert not any(f.pred == node.pred and _matches(node.args, f.args) for f in facts)
                        elif node.kind == "fact":
                            assert Fact(str(node.pred), tuple(map(str, node.args))) in facts
    # e.g. no rule ever accepts a provider's fair use (D30) or lack of knowledge (D16)
    assert answered > 500 and 0 < without_rules < 10


def test_why_not_fault_not_proven(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    """D13 under fault: the breach is proven, the fault is not, and the claimant bore that burden."""
    case = all_cases["d13_fault_regime_neg"]
    reading = kb.resolve(case, "fault")
    pattern = parse_conclusion("liable_for(acme, _, _, _, _, generation)", case, kb.vocab, "--why-not")
    (answer,) = explain(kb, case, reading, [("why_not", pattern)], why_depth=2).answers
    assert not answer.holds
    by_rule = {a.rule: a for a in answer.attempts}
    assert {"r_d07_liable_strict", "r_d13_liable_fault", "r_d13_liable_presumed_fault",
            "r_d15_liable_notice", "r_d10_liable_user_knowledge"} <= set(by_rule)
    failed = by_rule["r_d13_liable_fault"].failed
    assert failed is not None and failed.kind == "underived" and failed.pred == "provider_liability"
    (inner,) = [a for a in failed.children if a.rule == "r_d13_fault"]
    assert [c.kind for c in inner.children] == ["regime", "derived", "derived"]
    assert inner.children[2].pred == "breach_for"
    assert inner.failed == Node(kind="absent", text="the fault of acme is proven", pred="fault_proven",
                                args=("acme",), burden="claimant")
    strict = by_rule["r_d07_liable_strict"].failed
    assert strict is not None and strict.kind == "underived"
    (strict_rule,) = strict.children
    assert strict_rule.rule == "r_d13_strict" and strict_rule.failed is not None
    assert strict_rule.failed.kind == "regime" and strict_rule.failed.holds is False


def test_assume_replays_a_world(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    case = all_cases["unknown_fault_proven"]
    fact, value = parse_assumption("fault_proven(acme)=true", case, kb.vocab)
    world = assume(case, [(fact, value)], kb.vocab)
    assert fact in world.facts and fact not in world.unknown
    pattern = Pattern("liable", ("acme", None, None, None))
    # liable/4 summarises liable_for/6: the fault is three rule levels down
    open_expl = explain(kb, case, kb.resolve(case, "fault"), [("why_not", pattern)], why_depth=3)
    assert not open_expl.answers[0].holds
    leaves = [n for a in open_expl.answers[0].attempts for n in a.walk() if n.pred == "fault_proven"]
    assert leaves and all(n.kind == "absent" and n.open for n in leaves)
    world_expl = explain(kb, world, kb.resolve(world, "fault"), [("why_not", pattern)], assumed=[(fact, value)])
    (answer,) = world_expl.answers
    assert answer.holds and [c.args for c in answer.conclusions] == [("acme", "primary", "reproduction", "generation")]
    assert "fact: the fault of acme is proven  (assumed)" in render_text(world_expl)
    removed = assume(world, [parse_assumption("fault_proven(acme)=false", world, kb.vocab)], kb.vocab)
    assert fact not in removed.facts and fact not in removed.unknown


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("liable(acme", "expected"),
        ("frob(acme)", "unknown output predicate 'frob'"),
        ("liable(acme)", "liable(subject, kind, right, stage) takes 4 arguments, 1 given"),
        ("liable(ghost, _, _, _)", "subject 'ghost' is not a party of the case"),
        ("liable(acme, huge, _, _)", "'huge' is not a kind"),
        ("liable(X, _, _, _)", "X is a variable: write _ for any value"),
        ("liable(f(x), _, _, _)", "must be a name"),
        ("_", "not _"),
    ],
)
def test_bad_conclusions_are_input_errors(kb: KnowledgeBase, all_cases: dict[str, Case], text: str,
                                          fragment: str) -> None:
    with pytest.raises(InputError) as err:
        parse_conclusion(text, all_cases["d13_fault_regime_neg"], kb.vocab)
    assert fragment in str(err.value)


def test_wildcards_and_quoted_names(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    case = all_cases["names_arbitrary_syntax"]
    assert parse_conclusion("liable('_', _, _, generation)", case, kb.vocab) == \
        Pattern("liable", ("_", None, None, "generation"))
    assert parse_conclusion("liable(\"a, b\",_,communication,_)", case, kb.vocab) == \
        Pattern("liable", ("a, b", None, "communication", None))
    quotes = all_cases["names_arbitrary_quotes"]
    assert parse_conclusion("tangible_owner('o1''); DROP TABLE cases;--', 'x). :- halt.')", quotes,
                            kb.vocab).args == ("o1'); DROP TABLE cases;--", "x). :- halt.")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("fault_proven(acme)", "expected FACT=true or FACT=false"),
        ("fault_proven(acme)=maybe", "expected FACT=true or FACT=false"),
        ("party(zed)=true", "entity declarations cannot be assumed"),
        ("liable(acme, primary, reproduction, generation)=true", "unknown input predicate 'liable'"),
        ("fault_proven(ghost)=true", "'ghost' is used but not declared"),
        ("fault_proven(_)=true", "_ is a variable: an assumed fact names its values"),
    ],
)
def test_bad_assumptions_are_input_errors(kb: KnowledgeBase, all_cases: dict[str, Case], text: str,
                                          fragment: str) -> None:
    with pytest.raises(InputError) as err:
        parse_assumption(text, all_cases["unknown_fault_proven"], kb.vocab)
    assert fragment in str(err.value)


def test_contradictory_assumption_is_an_input_error(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    case = all_cases["unknown_fault_proven"]
    with pytest.raises(InputError, match="contradicts"):
        assume(case, [parse_assumption("complaint_mechanism(acme)=true", case, kb.vocab)], kb.vocab)


# -------------------------------------------------------------- renderings --
@pytest.fixture(scope="module")
def ultraman_fault(kb: KnowledgeBase) -> Explanation:
    case = kb.load_case(ROOT / ULTRAMAN)
    reading = kb.resolve(case, "fault")
    requests = [("explain", Pattern.any_of(p, kb.vocab)) for p in ("liable", "defense", "copyright")]
    requests.append(("why_not", Pattern("liable", ("tab_operator", "secondary", None, None))))
    return explain(kb, case, reading, requests, why_depth=3)


def test_json_round_trips_and_is_stable(ultraman_fault: Explanation, kb: KnowledgeBase,
                                        all_cases: dict[str, Case]) -> None:
    for case in (all_cases["names_arbitrary_quotes"], all_cases["names_arbitrary_syntax"]):
        hostile = explain(kb, case, kb.resolve(case), _every_output(kb))
        assert Explanation.from_json(hostile.to_json()) == hostile
    text = ultraman_fault.to_json()
    assert Explanation.from_json(text) == ultraman_fault
    assert Explanation.from_json(text).to_json() == text
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert not re.search(r"_[0-9]+|_G[0-9]+", text)  # no Prolog variable names


def test_text_cites_doctrines_sections_and_burdens(ultraman_fault: Explanation) -> None:
    text = render_text(ultraman_fault)
    assert text.startswith("Case real_ultraman, regime fault (§5.1; not the default)")
    assert "liable(tab_operator, primary, reproduction, generation)  [D07, D13, D14]" in text
    assert "by rule r_liable_summary (D01; §2.1):" in text
    assert ("tab_operator is liable (primary) for the reproduction right in ultraman, through dyna_copy, in the "
            "generation stage  [r_d13_liable_fault: D07, D13, D14; §4.3, §5.1]") in text
    assert "- regime = fault (§5.1; not the default, strict)" in text
    assert "fact: the fault of tab_operator is proven" in text
    assert "[r_d14_breach_no_complaint_mechanism: D14; §4.3] [ext]" in text
    assert ("not proven: the rights holder of ultraman licensed its use in dyna_copy  (burden: relying_party)"
            in text)
    assert "Why not liable(tab_operator, secondary, _, _)?" in text
    assert "x fails: regime = fault (§5.1; not the default, strict), not strict" in text


def test_dot_is_read_by_graphviz(ultraman_fault: Explanation, kb: KnowledgeBase,
                                 all_cases: dict[str, Case]) -> None:
    hostile = [all_cases["names_arbitrary_quotes"], all_cases["names_arbitrary_syntax"]]
    dots = [render_dot(ultraman_fault)] + [
        render_dot(explain(kb, c, kb.resolve(c), _every_output(kb))) for c in hostile]
    for dot in dots:
        proc = subprocess.run([tool("dot"), "-Tsvg"], input=dot, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert "<svg" in proc.stdout
    assert "r_d13_fault: D07, D13, D14; §4.3, §5.1" in dots[0]
    assert 'Acme \\"AI\\" Ltd.' in dots[1]


def test_markdown_structure(ultraman_fault: Explanation, kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    md = render_markdown(ultraman_fault)
    lines = md.splitlines()
    assert lines[0] == "# Explanation: real\\_ultraman"
    assert "## `liable(tab_operator, primary, reproduction, generation)`" in lines
    assert "## Why not `liable(tab_operator, secondary, _, _)`?" in lines
    proof = lines.index("- by **r\\_liable\\_summary** (D01; §2.1)")
    assert lines[proof + 1].startswith("  - tab\\_operator is liable (primary) for the adaptation right in ultraman")
    assert lines[proof + 1].endswith("— **r\\_d13\\_liable\\_fault** (D07, D13, D14; §4.3, §5.1)")
    assert lines[proof + 2].startswith("    - as provider, tab\\_operator is liable")
    assert any(line.startswith("      - *fact:* ") for line in lines)  # summary, liable_for, provider_liability
    assert any(re.match(r"( {2})+- \*\*fails:\*\* ", line) for line in lines)
    case = all_cases["names_arbitrary_quotes"]
    hostile = explain(kb, case, kb.resolve(case), _every_output(kb))
    hostile_md = render_markdown(hostile)
    prose = re.sub(r"`[^`]*`", "", hostile_md)  # code spans are literal
    assert "\\#show liable/4." in prose and "#show" not in prose.replace("\\#show", "")
    ET.fromstring(render_html(hostile))  # well-formed, every name escaped


def test_evaluate_reasons_every_row(kb: KnowledgeBase) -> None:
    case = kb.load_case(ROOT / ULTRAMAN)
    reading = kb.resolve(case, "fault")
    result = with_reasons(kb, case, reading, kb.evaluate_reading(case, reading).as_dict(kb.vocab))
    rows = [row for key in ("liable", "defenses", "copyright", "remedies") for row in result[key]]
    assert rows and all(row["why"] for row in rows)
    (liable,) = result["liable"]
    # a summary row is explained by the infringements it is for
    assert {w["conclusion"] for w in liable["why"]} == {
        "liable_for(tab_operator, primary, adaptation, ultraman, dyna_variant, generation)",
        "liable_for(tab_operator, primary, reproduction, ultraman, dyna_copy, generation)"}
    # liable/4 summarises liable_for/6: a summary row's reasons are those of its infringements
    assert {w["rule"] for w in liable["why"]} == {"r_d13_liable_fault"}
    assert all(w["doctrines"] == ["D07", "D13", "D14"] and w["section"] == "4.3, 5.1" for w in liable["why"])
    assert any(c.startswith("as provider, tab_operator is liable (primary) for dyna_copy on the basis: fault")
               and "[r_d13_fault: D07, D13, D14; §4.3, §5.1]" in c
               for w in liable["why"] for c in w["conditions"])


# ------------------------------------------------------ templates and YAML --
def test_templates_and_burdens_match_the_vocabulary(kb: KnowledgeBase) -> None:
    # what the explainer reads (aigc_templates, with the generated declarations behind it)
    kb.engine("prolog")
    goal = ("findall(N-Ts-T-B, (aigc_templates:template(N, Ts, T), "
            "(aigc_templates:input_burden(N, B) -> true ; B = none)), L), "
            "findall(D, aigc_templates:ext_doctrine(D), E), "
            "with_output_to(string(S), print(L-E))")
    with _LOCK:
        text = _text(_once(goal)["S"])
    templates = {m.group(1): (tuple(a.strip() for a in m.group(2).split(",") if a.strip()),
                              m.group(3).replace('\\"', '"'), m.group(4))
                 for m in re.finditer(r'(\w+)-\[([^\]]*)\]-"((?:[^"\\]|\\.)*)"-(\w+)', text)}
    # the templates of output and auxiliary predicates sit beside the rules that define them
    for module in sorted((ROOT / "kb" / "prolog").glob("*.pl")):
        source = module.read_text(encoding="utf-8")
        for m in re.finditer(r"^aigc_templates:template\((\w+), ", source, re.M):
            assert re.search(rf"^rule\(.*\n\s+\( {m.group(1)}\b", source, re.M), (module.name, m.group(1))
    for name, spec in kb.vocab.inputs.items():
        assert templates[name] == (spec.args, spec.meaning, spec.burden), name
    for name, spec in kb.vocab.outputs.items():
        assert templates[name][0] == spec.arg_types, name
    ext = set(re.findall(r"d\d\d", text.rsplit("-", 1)[1]))
    assert ext == {d.lower() for d, doctrine in kb.vocab.doctrines.items() if doctrine.ext}


# --------------------------------------------------------------------- CLI --
def test_cli_explain_query_and_json() -> None:
    proc = run_cli("explain", ULTRAMAN, "--regime", "fault", "--query",
                   "liable(tab_operator, _, reproduction, _)", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    expl = Explanation.from_json(proc.stdout)
    (answer,) = expl.answers
    assert answer.holds and [c.args[2] for c in answer.conclusions] == ["reproduction"]
    assert expl.regime.value == "fault" and not expl.regime.default
    again = run_cli("explain", ULTRAMAN, "--regime", "fault", "--query",
                    "liable(tab_operator, _, reproduction, _)", "--format", "json")
    assert again.stdout == proc.stdout


def test_cli_why_not_with_assumption_and_text() -> None:
    proc = run_cli("explain", ULTRAMAN, "--regime", "fault", "--assume", "fault_proven(tab_operator)=false",
                   "--why-not", "liable(tab_operator,_,_,generation)")
    assert proc.returncode == 0, proc.stderr
    assert "Assumed: fault_proven(tab_operator)=false" in proc.stdout
    assert "x fails: not proven: the fault of tab_operator is proven  (burden: claimant)" in proc.stdout
    default = run_cli("explain", ULTRAMAN, "--format", "markdown")
    assert default.returncode == 0, default.stderr
    assert "## `copyright(dyna_copy, not_a_work, none, no_human_contribution)`" in default.stdout


def test_cli_evaluate_explain() -> None:
    proc = run_cli("evaluate", ULTRAMAN, "--regime", "fault", "--explain")
    assert proc.returncode == 0, proc.stderr
    assert "      liable_for(tab_operator, primary, reproduction, ultraman, dyna_copy, generation) by " \
        "r_d13_liable_fault (D07, D13, D14; §4.3, §5.1): as provider, tab_operator is liable (primary) for " \
        "dyna_copy on the basis: fault  [r_d13_fault: D07, D13, D14; §4.3, §5.1]" in proc.stdout
    plain = run_cli("evaluate", ULTRAMAN, "--regime", "fault", "--format", "json")
    assert '"why"' not in plain.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--query", "liable(tab_operator"], "--query 'liable(tab_operator': "),
        (["--why-not", "frob(tab_operator)"], "unknown output predicate 'frob'"),
        (["--query", "liable(x)", "--why-not", "liable(x)"], "not allowed with argument"),
        (["--assume", "fault_proven(tab_operator)=maybe"], "expected FACT=true or FACT=false"),
    ],
)
def test_cli_bad_input_exits_2(args: list[str], fragment: str) -> None:
    proc = run_cli("explain", ULTRAMAN, *args)
    assert proc.returncode == 2
    assert fragment in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_dot_cli_output_parses(tmp_path: Path) -> None:
    proc = run_cli("explain", "cases/real_thaler.yaml", "--format", "dot")
    assert proc.returncode == 0, proc.stderr
    svg = subprocess.run([tool("dot"), "-Tsvg"], input=proc.stdout, capture_output=True, text=True, timeout=60)
    assert svg.returncode == 0, svg.stderr


def _derived_path(node: Node, rules: Sequence[str]) -> list[Node]:
    """The chain of derived nodes under ``node`` whose rules are ``rules``, in order, each a child
    (at any depth) of the one before; empty when there is none."""
    if not rules:
        return []
    for child in node.children:
        if child.kind == "derived" and child.rule == rules[0]:
            rest = _derived_path(child, rules[1:])
            if len(rest) == len(rules) - 1:
                return [child, *rest]
        found = _derived_path(child, rules)
        if found:
            return found
    return []


def test_red_flag_evidence_to_loss_of_the_safe_harbour(kb: KnowledgeBase, all_cases: dict[str, Case]) -> None:
    """Issue 14: the explanation leads from red-flag evidence (facts) through "should have known"
    to the lost safe harbour, each step cited and marked [ext] (court practice)."""
    case = all_cases["i14_red_flags_pos"]
    reading = kb.resolve(case, "notice_and_takedown")
    pattern = parse_conclusion("defense_for(acme, safe_harbor, rejected, o1)", case, kb.vocab, "--query")
    (answer,) = explain(kb, case, reading, [("explain", pattern)]).answers
    (conclusion,) = answer.conclusions
    chain = _derived_path(conclusion, ["r_d15_safe_harbor_lost", "r_d15_notice_knowledge",
                                       "r_d13_red_flag_training_service"])
    assert [n.rule for n in chain] == ["r_d15_safe_harbor_lost", "r_d15_notice_knowledge",
                                       "r_d13_red_flag_training_service"]
    assert all(n.ext and n.doctrines and n.section for n in chain)
    evidence = {(c.pred, c.args) for c in chain[-1].children if c.kind == "fact"}
    assert {("offers_training_function", ("acme", "gen")), ("profits_from_service", ("acme",)),
            ("well_known", ("ultra",))} <= evidence
