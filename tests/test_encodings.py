"""Both encodings read exactly the declared inputs and cite doctrines on every rule."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import clingo
import clingo.ast as cast

from aigc_kb import KnowledgeBase
from aigc_kb.engines import asp_rules
from aigc_kb.engines.prolog import _LOCK, _once, _text

from .conftest import ROOT

PARAMETERS = {("set_regime", 1), ("set_position", 2), ("unknown", 1)}


def _asp_signatures(files: list[Path]) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """(predicates in rule heads, predicates in rule bodies) of the ASP encoding."""
    heads: set[tuple[str, int]] = set()
    bodies: set[tuple[str, int]] = set()

    class Collect(cast.Transformer):
        def __init__(self, into: set[tuple[str, int]]) -> None:
            self.into = into

        def visit_SymbolicAtom(self, node: cast.AST) -> cast.AST:
            term = node.symbol
            if term.ast_type == cast.ASTType.Function:
                self.into.add((term.name, len(term.arguments)))
            elif term.ast_type == cast.ASTType.SymbolicTerm and term.symbol.type == clingo.SymbolType.Function:
                self.into.add((term.symbol.name, len(term.symbol.arguments)))
            return node

    def on_statement(stm: cast.AST) -> None:
        if stm.ast_type == cast.ASTType.Rule:
            Collect(heads)(stm.head)
            for lit in stm.body:
                Collect(bodies)(lit)

    asp_rules.expand_files(files, asp_rules.outputs_for(files), on_statement)
    return heads, bodies


def test_asp_reads_only_declared_inputs_and_defines_every_output(kb: KnowledgeBase) -> None:
    # declarations.lp (generated) chooses the input facts a case marks unknown; every other file only reads them
    others = [f for f in kb.paths.asp_files if f.name != "declarations.lp"]
    heads, bodies = _asp_signatures(kb.paths.asp_files)
    other_heads, _ = _asp_signatures(others)
    declared = {(p.name, p.arity) for p in kb.vocab.inputs.values()} | PARAMETERS
    undeclared = {sig for sig in bodies - heads if sig not in declared}
    assert not undeclared, f"ASP reads undeclared input predicates: {sorted(undeclared)}"
    outputs = {(o.name, o.arity) for o in kb.vocab.outputs.values()}
    assert outputs <= heads, f"ASP never concludes {sorted(outputs - heads)}"
    inputs = {(p.name, p.arity) for p in kb.vocab.inputs.values()}
    assert not other_heads & inputs - {("unknown", 1)}, \
        "an input predicate is concluded by a rule (only declarations.lp may choose them)"


def test_asp_shows_only_outputs_and_because() -> None:
    show_files = [p for p in sorted((ROOT / "kb" / "asp").glob("*.lp")) if "#show" in p.read_text(encoding="utf-8")]
    assert [p.name for p in show_files] == ["show.lp"], "#show belongs in show.lp only"


def test_prolog_declares_exactly_the_vocabulary_inputs(kb: KnowledgeBase) -> None:
    kb.engine("prolog")
    with _LOCK:
        answer = _once("findall(N/A, aigc:input_predicate(N, A), L), format(string(S), '~q', [L])")
    declared = set(re.findall(r"(\w+)/(\d+)", _text(answer["S"])))
    expected = {(p.name, str(p.arity)) for p in kb.vocab.inputs.values()}
    assert declared == expected


def test_every_prolog_rule_cites_a_doctrine_and_section(kb: KnowledgeBase) -> None:
    kb.engine("prolog")
    known = "[" + ", ".join(d.lower() for d in kb.vocab.doctrine_ids()) + "]"
    goal = ("findall(Id, aigc_rules:rule_clause(Id, _, _, _, _, _), All), length(All, N), "
            "findall(Id, (aigc_rules:rule_clause(Id, Ds, Cites, _, _, _), "
            "\\+ (is_list(Ds), Ds \\== [], is_list(Cites), Cites \\== [], "
            "forall(member(C, Cites), (C = _-S, atom(S), S \\== '')), "
            f"forall(member(D, Ds), memberchk(D, {known})))), "
            "Bad), format(string(S), '~q', [Bad])")
    with _LOCK:
        answer = _once(goal)
    assert int(answer["N"]) > 50
    assert _text(answer["S"]) == "[]"


def test_every_asp_rule_label_cites_a_doctrine(kb: KnowledgeBase) -> None:
    ctl = clingo.Control()
    asp_rules.load(ctl, kb.paths.asp_files)
    ctl.ground([("base", [])])
    cited = {}
    for atom in ctl.symbolic_atoms.by_signature("rule", 3):
        label, doctrine, section = atom.symbol.arguments
        cited.setdefault(str(label), []).append((str(doctrine), section.string))
    assert len(cited) > 50
    for label, citations in cited.items():
        for doctrine, section in citations:
            assert doctrine.upper() in kb.vocab.doctrines, (label, doctrine)
            assert section.strip(), label


def test_every_doctrine_has_rules_in_both_engines(kb: KnowledgeBase) -> None:
    ctl = clingo.Control()
    asp_rules.load(ctl, kb.paths.asp_files)
    ctl.ground([("base", [])])
    asp = {str(a.symbol.arguments[1]).upper() for a in ctl.symbolic_atoms.by_signature("rule", 3)}
    kb.engine("prolog")
    with _LOCK:
        answer = _once("findall(D, (aigc_rules:rule_clause(_, Ds, _, _, _, _), member(D, Ds)), L), "
                       "sort(L, S0), format(string(S), '~q', [S0])")
    prolog = {d.upper() for d in re.findall(r"d\d\d", _text(answer["S"]))}
    every = set(kb.vocab.doctrines)
    assert every - asp == set(), f"no ASP rule cites {sorted(every - asp)}"
    assert every - prolog == set(), f"no Prolog rule cites {sorted(every - prolog)}"


def test_plunit_suite_passes() -> None:
    proc = subprocess.run(["swipl", "-g", "load_test_files([]), run_tests", "-t", "halt",
                           str(ROOT / "aigc_kb" / "prolog" / "test_all.pl")],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert re.search(r"(All|\d+) tests? passed|passed", proc.stdout + proc.stderr)


def test_asp_unit_instances_pass() -> None:
    env_path = str(Path(sys.executable).parent)  # its python3 has clingo
    proc = subprocess.run(["bash", str(ROOT / "kb" / "asp_tests" / "run.sh")], capture_output=True, text=True,
                          timeout=600, cwd=ROOT, env={"PATH": f"{env_path}:/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert json.dumps(proc.stdout)  # the runner prints its summary


def _prolog_read_problems(kb_root: Path) -> str:
    proc = subprocess.run(["swipl", "-g", "forall(aigc:rule_read_problem(P), (print(P), nl))", "-t", "halt",
                           str(kb_root / "prolog" / "aigc.pl")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_prolog_rules_read_only_declared_inputs() -> None:
    assert _prolog_read_problems(ROOT / "kb") == ""


def test_prolog_read_check_catches_an_undeclared_input(tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "kb"
    shutil.copytree(ROOT / "kb", copy)
    with (copy / "prolog" / "risk.pl").open("a", encoding="utf-8") as handle:
        handle.write("\n:- dynamic mystery_fact/1.\n"
                     "rule(r_test_mystery, [d26-'6.3'], (insurance(P, P) :- mystery_fact(P))).\n")
    assert "undeclared_input(r_test_mystery,mystery_fact/1)" in _prolog_read_problems(copy)
