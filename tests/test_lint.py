"""``aigc-kb lint``: the bundled kb lints clean; each kind of mistake in an
edited copy of the kb is caught, as the finding of that kind, in that file,
at that line.

Every broken kb is a copy (``shutil.copytree``) edited by appending to or
replacing exact text of a file; the expected line is where the edit put the
mistake.  A test compares the copy's findings with the bundled kb's, so that
it sees exactly what its edit added.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from aigc_kb import KnowledgeBase
from aigc_kb.core.model import Case
from aigc_kb.core.paths import KbPaths
from aigc_kb.devtools.declarations import write_declarations
from aigc_kb.devtools.lint import Finding, LintReport, lint

from .conftest import CASES_DIR, ROOT, run_cli

KB_DIR = ROOT / "kb"

Key = tuple[str, str, str, int | None, str]


def _key(finding: Finding, root: Path) -> Key:
    file = Path(finding.file)
    relative = str(file.relative_to(root)) if file.is_absolute() and file.is_relative_to(root) else finding.file
    return (finding.engine, finding.kind, relative, finding.line, finding.message)


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    kb = KnowledgeBase(KB_DIR)
    return [kb.load_case(path) for path in sorted(CASES_DIR.glob("*.yaml"))]


@pytest.fixture(scope="module")
def bundled(cases: list[Case]) -> LintReport:
    return lint(KnowledgeBase(KB_DIR), cases=cases)


@pytest.fixture(scope="module")
def baseline(bundled: LintReport) -> set[Key]:
    """The findings of the bundled kb (none, when it lints clean)."""
    return {_key(f, ROOT) for f in bundled.findings}


def copy_kb(root: Path) -> Path:
    """A copy of the bundled kb at ``root/kb``."""
    target = root / "kb"
    shutil.copytree(KB_DIR, target)
    return target


def append(file: Path, text: str) -> int:
    """Append ``text`` (whole lines) to ``file``; the line number of its first line."""
    old = file.read_text(encoding="utf-8")
    if not old.endswith("\n"):
        old += "\n"
    file.write_text(old + text, encoding="utf-8")
    return len(old.splitlines()) + 1


def replace(file: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``file`` by ``new``."""
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {file}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def added(kb_dir: Path, baseline: set[Key], cases: list[Case] | None = None,
          cases_dir: Path | None = None) -> list[Finding]:
    """The findings of the edited copy that the bundled kb does not have."""
    report = lint(KnowledgeBase(kb_dir), cases_dir=cases_dir, cases=cases)
    root = kb_dir.parent
    return [f for f in report.findings if _key(f, root) not in baseline]


def doctrine_line(doctrines_yaml: Path, doctrine: str) -> int:
    """The line of ``- id: DNN`` in ``kb/doctrines.yaml``."""
    for number, line in enumerate(doctrines_yaml.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == f"- id: {doctrine}":
            return number
    raise AssertionError(f"{doctrine} is not in {doctrines_yaml}")


def where(finding: Finding) -> tuple[str, str, Path, int | None]:
    """A finding's engine, kind and place, its file resolved."""
    return finding.engine, finding.kind, Path(finding.file).resolve(), finding.line


def show(found: list[Finding]) -> str:
    return "\n".join(f"{f.file}:{f.line}: {f.kind}: {f.message}" for f in found)


def assert_only(found: list[Finding], engine: str, kind: str, file: Path, line: int | None) -> Finding:
    """``found`` is exactly one finding of ``kind`` at ``file:line``."""
    assert [where(f) for f in found] == [(engine, kind, file.resolve(), line)], show(found)
    return found[0]


@dataclass
class Broken:
    """An edited copy of the kb: where each mistake was put, and what lint added."""

    kb: Path
    places: dict[str, tuple[Path, int]] = field(default_factory=dict)
    found: list[Finding] = field(default_factory=list)

    def finding(self, name: str, kind: str) -> Finding:
        """The one added finding of ``kind`` at the place of mistake ``name``."""
        file, line = self.places[name]
        matches = [f for f in self.found if where(f)[1:] == (kind, file.resolve(), line)]
        assert len(matches) == 1, f"no single {kind} at {file}:{line}:\n{show(self.found)}"
        return matches[0]


# ---------------------------------------------------------------------------
# The bundled kb
# ---------------------------------------------------------------------------

def test_bundled_kb_lints_clean(bundled: LintReport) -> None:
    assert bundled.findings == [], show(bundled.findings)


def test_bundled_kb_rules_are_seen_in_both_engines(bundled: LintReport) -> None:
    prolog = {r.id: r for r in bundled.prolog_rules}
    asp = {r.label: r for r in bundled.asp_labels}
    # hand-picked from kb/prolog/liability.pl and kb/asp/liability.lp
    assert prolog["r_d13_fault"].doctrines == ("D07", "D13", "D14")
    assert Path(prolog["r_d13_fault"].file) == KB_DIR / "prolog" / "liability.pl"
    assert asp["r_d10_prompt_names_work"].doctrines == ("D10",)
    assert Path(asp["r_d10_prompt_names_work"].file) == KB_DIR / "asp" / "liability.lp"


# ---------------------------------------------------------------------------
# Prolog: one copy with one mistake of each kind, each in its own clause
# ---------------------------------------------------------------------------

RULE_TEMPLATE = """\
rule({id}, {citations},
     ( user_role(X) :-
           {body}
     )).
"""


@pytest.fixture(scope="module")
def prolog_broken(tmp_path_factory: pytest.TempPathFactory, baseline: set[Key], cases: list[Case]) -> Broken:
    broken = Broken(copy_kb(tmp_path_factory.mktemp("prolog")))
    liability = broken.kb / "prolog" / "not_liable.pl"   # where user_role/1 is defined

    def rule(name: str, offset: int, **parts: str) -> None:
        first = append(liability, RULE_TEMPLATE.format(**parts))
        broken.places[name] = (liability, first + offset)

    rule("singleton", 2, id="r_test_singleton", citations="[d09-'4.4']", body="user(X, Unused)")
    rule("undefined", 3, id="r_test_undefined", citations="[d09-'4.4']",
         body="user(X, _),\n           no_such_condition(X)")
    rule("no_doctrine", 0, id="r_test_no_doctrine", citations="[]", body="user(X, _)")
    rule("unknown_doctrine", 1, id="r_test_bad_doctrine", citations="[d09-'4.4',\n      d32-'4.4']",
         body="user(X, _)")
    rule("no_section", 0, id="r_test_no_section", citations="[d09-'']", body="user(X, _)")
    # D09 is argued in 4.4 only (kb/doctrines.yaml): 6.1 is no section of it
    rule("wrong_section", 1, id="r_test_wrong_section", citations="[d09-'4.4',\n      d09-'6.1']",
         body="user(X, _)")
    rule("duplicate_id", 0, id="r_role_user_uses", citations="[d09-'4.4']", body="user(X, _)")
    # secret_fact/1 is declared like an input in facts.pl, but kb/vocabulary.yaml does not have it
    facts = broken.kb / "prolog" / "facts.pl"
    replace(facts, "            case_active/0\n          ]).",
            "            case_active/0,\n            secret_fact/1\n          ]).")
    append(facts, ":- dynamic secret_fact/1.\n")
    rule("undeclared_input", 3, id="r_test_secret", citations="[d09-'4.4']",
         body="user(X, _),\n           secret_fact(X)")
    broken.places["syntax"] = (liability, append(liability, "broken_clause(X X).\n"))
    ownership = broken.kb / "prolog" / "ownership.pl"
    broken.places["unused"] = (ownership, append(ownership, "\norphan_helper(X) :-\n    party(X).\n") + 1)
    broken.found = added(broken.kb, baseline, cases)
    return broken


def test_prolog_syntax_error(prolog_broken: Broken) -> None:
    assert "operator expected" in prolog_broken.finding("syntax", "prolog_syntax_error").message


def test_prolog_singleton_variable(prolog_broken: Broken) -> None:
    assert "Unused" in prolog_broken.finding("singleton", "prolog_singleton").message


def test_prolog_undefined_predicate_in_rule_body(prolog_broken: Broken) -> None:
    assert "no_such_condition/1" in prolog_broken.finding("undefined", "prolog_undefined").message


def test_prolog_unused_predicate(prolog_broken: Broken) -> None:
    assert "orphan_helper/1" in prolog_broken.finding("unused", "prolog_unused").message


def test_prolog_rule_without_doctrine(prolog_broken: Broken) -> None:
    assert "r_test_no_doctrine" in prolog_broken.finding("no_doctrine", "prolog_rule_no_doctrine").message


def test_prolog_rule_with_unknown_doctrine(prolog_broken: Broken) -> None:
    assert "d32" in prolog_broken.finding("unknown_doctrine", "prolog_rule_unknown_doctrine").message


def test_prolog_rule_without_section(prolog_broken: Broken) -> None:
    assert "r_test_no_section" in prolog_broken.finding("no_section", "prolog_rule_no_section").message


def test_prolog_rule_citing_a_section_its_doctrine_lacks(prolog_broken: Broken) -> None:
    found = prolog_broken.finding("wrong_section", "prolog_rule_wrong_section")
    assert "r_test_wrong_section" in found.message and "6.1" in found.message


def test_prolog_duplicate_rule_id(prolog_broken: Broken) -> None:
    found = prolog_broken.finding("duplicate_id", "prolog_duplicate_rule_id")
    assert "r_role_user_uses" in found.message and "not_liable.pl" in found.message


def test_prolog_undeclared_input(prolog_broken: Broken) -> None:
    assert "secret_fact/1" in prolog_broken.finding("undeclared_input", "prolog_undeclared_input").message


def test_prolog_mistakes_add_nothing_else(prolog_broken: Broken) -> None:
    # e.g. the load errors of the malformed rules are not reported a second time
    assert len(prolog_broken.found) == len(prolog_broken.places), show(prolog_broken.found)


def test_prolog_rule_citing_a_doctrine_the_catalogue_lacks(tmp_path: Path, baseline: set[Key],
                                                          cases: list[Case]) -> None:
    # d31 is a well-formed id, but this catalogue ends before D31
    kb = copy_kb(tmp_path)
    doctrines = kb / "doctrines.yaml"
    text = doctrines.read_text(encoding="utf-8")
    doctrines.write_text(text[:text.index("- id: D31")], encoding="utf-8")
    risk = kb / "prolog" / "risk.pl"
    lines = risk.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("rule(r_d31_recourse_indemnity,"))
    found = added(kb, baseline, cases)
    assert ("prolog", "prolog_rule_unknown_doctrine", risk.resolve(), line) in {where(f) for f in found}
    assert all("d31" in f.message for f in found if f.kind in ("prolog_rule_unknown_doctrine",
                                                                "asp_rule_unknown_doctrine"))
    assert any(f.kind == "asp_rule_unknown_doctrine" and Path(f.file).name == "risk.lp" for f in found)


# ---------------------------------------------------------------------------
# ASP
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def asp_broken(tmp_path_factory: pytest.TempPathFactory, baseline: set[Key], cases: list[Case]) -> Broken:
    broken = Broken(copy_kb(tmp_path_factory.mktemp("asp")))
    risk = broken.kb / "asp" / "risk.lp"

    def put(name: str, text: str, offset: int = 0) -> None:
        broken.places[name] = (risk, append(risk, text) + offset)

    # rules of auxiliary predicates read by a rule of the kb's (no output: the Prolog encoding has no
    # rule to match), each annotated on the line above it
    put("undeclared_input", '%@ rule(r_d27_test_secret, [d27-"6.4"]).\n'
                            'reviewed_terms(X) :- secret_clause(X).\n', offset=1)
    put("no_citation", 'reviewed_terms(X) :- assessment_clause(X, _, _).\n')
    put("unknown_doctrine", '%@ rule(r_d27_test_cite, [d27-"6.4",\n'
                            '%@   d32-"6.4"]).\n'
                            'reviewed_terms(X) :- assessment_clause(_, X, _).\n')
    put("wrong_section", '%@ rule(r_d27_test_section, [d27-"4.2"]).\n'
                         'reviewed_terms(X) :- assessment_clause(_, _, X).\n')
    put("unused", '%@ rule(r_d27_test_lonely, [d27-"6.4"]).\n'
                  'lonely(A) :- assessment_clause(A, _, _).\n', offset=1)
    put("arity", '%@ rule(r_d27_test_arity, [d27-"6.4"]).\n'
                 'reviewed_terms(A) :- assessment_clause(A, B).\n', offset=1)
    put("output_only_here", '%@ rule(r_d27_test_output, [d27-"6.4"]).\n'
                            'assessor(A, B, X) :- assessment_clause(A, B, X), reviewed_terms(X).\n', offset=1)
    broken.found = added(broken.kb, baseline, cases)
    return broken


def test_asp_undeclared_input(asp_broken: Broken) -> None:
    assert "secret_clause/1" in asp_broken.finding("undeclared_input", "asp_undeclared_input").message
    # clingo's own info on the atom no rule derives comes with it, at the same place
    asp_broken.finding("undeclared_input", "asp_atom_undefined")


def test_asp_rule_without_annotation(asp_broken: Broken) -> None:
    assert "reviewed_terms/1" in asp_broken.finding("no_citation", "asp_rule_no_citation").message


def test_asp_citation_of_a_section_its_doctrine_lacks(asp_broken: Broken) -> None:
    # D27 is argued in 6.4 (kb/doctrines.yaml), not in 4.2
    found = asp_broken.finding("wrong_section", "asp_rule_wrong_section")
    assert "r_d27_test_section" in found.message and "4.2" in found.message


def test_asp_output_rule_the_prolog_encoding_lacks(asp_broken: Broken) -> None:
    found = asp_broken.finding("output_only_here", "rule_not_in_other_engine")
    assert "r_d27_test_output" in found.message


def test_asp_citation_of_unknown_doctrine(asp_broken: Broken) -> None:
    assert "d32" in asp_broken.finding("unknown_doctrine", "asp_rule_unknown_doctrine").message


def test_asp_unused_derived_atom(asp_broken: Broken) -> None:
    assert "lonely/1" in asp_broken.finding("unused", "asp_unused").message


def test_asp_predicate_used_with_the_wrong_arity(asp_broken: Broken) -> None:
    assert "assessment_clause/2" in asp_broken.finding("arity", "asp_undefined").message
    asp_broken.finding("arity", "asp_atom_undefined")


def test_asp_mistakes_add_nothing_else(asp_broken: Broken) -> None:
    assert len(asp_broken.found) == len(asp_broken.places) + 2, show(asp_broken.found)


def test_asp_unsafe_variable(tmp_path: Path, baseline: set[Key], cases: list[Case]) -> None:
    kb = copy_kb(tmp_path)
    file = kb / "asp" / "risk.lp"
    # insurable_for/2 is read by r_d26_insurance_for
    line = append(file, '%@ rule(r_d26_test_unsafe, [d26-"6.3"]).\n'
                        'insurable_for(Y, A) :- assessment_clause(A, B, _).\n') + 1
    found = assert_only(added(kb, baseline, cases), "asp", "asp_unsafe_variable", file, line)
    assert "'Y' is unsafe" in found.message


def test_asp_syntax_error(tmp_path: Path, baseline: set[Key], cases: list[Case]) -> None:
    kb = copy_kb(tmp_path)
    file = kb / "asp" / "risk.lp"
    line = append(file, "broken(X :- assessment_clause(X, X, X).\n")
    assert_only(added(kb, baseline, cases), "asp", "asp_syntax_error", file, line)


def test_asp_show_outside_the_show_file(tmp_path: Path, baseline: set[Key], cases: list[Case]) -> None:
    kb = copy_kb(tmp_path)
    file = kb / "asp" / "risk.lp"
    line = append(file, "#show recourse/3.\n")
    assert_only(added(kb, baseline, cases), "asp", "asp_show_outside_show_file", file, line)


def test_asp_show_of_a_predicate_that_is_no_output(tmp_path: Path, baseline: set[Key], cases: list[Case]) -> None:
    kb = copy_kb(tmp_path)
    file = kb / "asp" / "show.lp"
    line = append(file, "#show regime/1.\n")
    found = added(kb, baseline, cases)
    shape = [f for f in found if f.kind == "asp_show_not_output"]
    assert [(f.file, f.line) for f in shape] == [(str(file.resolve()), line)], show(found)
    assert "regime/1" in shape[0].message
    # show.lp is generated: the edit also makes it stale
    assert {f.kind for f in found} == {"asp_show_not_output", "declarations_stale"}, show(found)


def test_asp_choice_rule_outside_the_declarations(tmp_path: Path, baseline: set[Key], cases: list[Case]) -> None:
    kb = copy_kb(tmp_path)
    file = kb / "asp" / "risk.lp"
    line = append(file, "{ indemnifies(X, Y) } :- assessment_clause(X, Y, _).\n")
    found = added(kb, baseline, cases)
    assert (str(file.resolve()), line) in {(f.file, f.line) for f in found if f.kind == "asp_choice_outside_declarations"}, \
        show(found)


def test_asp_rule_citing_a_whole_extension_without_ext(tmp_path: Path, baseline: set[Key],
                                                       cases: list[Case]) -> None:
    kb = copy_kb(tmp_path)
    file = kb / "asp" / "risk.lp"
    replace(file, '%@ rule(r_d31_recourse_good_faith_user, [d31-"4.4"], [ext]).',
            '%@ rule(r_d31_recourse_good_faith_user, [d31-"4.4"]).')
    line = next(n for n, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("%@ rule(r_d31_recourse_good_faith_user,"))
    found = added(kb, baseline, cases)
    missing = [f for f in found if f.kind == "asp_rule_ext_missing"]
    assert [(f.file, f.line) for f in missing] == [(str(file.resolve()), line)], show(found)
    assert "r_d31_recourse_good_faith_user" in missing[0].message


def test_stale_declarations(tmp_path: Path, baseline: set[Key], cases: list[Case]) -> None:
    # a hand edit of a generated file is a finding at that file
    kb = copy_kb(tmp_path)
    file = kb / "prolog" / "declarations.pl"
    replace(file, "input_burden(party, claimant).", "input_burden(party, relying_party).")
    found = assert_only(added(kb, baseline, cases), "prolog", "declarations_stale", file, None)
    assert "aigc-kb declarations --write" in found.message


# ---------------------------------------------------------------------------
# Catalogue and cases
# ---------------------------------------------------------------------------

def test_doctrine_without_rule_in_one_engine(tmp_path: Path, baseline: set[Key], cases: list[Case]) -> None:
    # the ASP rules citing D27 cite D26 instead; kb/prolog still cites D27
    kb = copy_kb(tmp_path)
    risk = kb / "asp" / "risk.lp"
    replace(risk, '%@ rule(r_d27_assessor, [d27-"6.4"]).', '%@ rule(r_d27_assessor, [d26-"6.3"]).')
    replace(risk, '%@ rule(r_d31_recourse_indemnity, [d27-"6.4", d31-"6.4"], [ext]).',
            '%@ rule(r_d31_recourse_indemnity, [d31-"6.4"], [ext]).')
    doctrines = kb / "doctrines.yaml"
    found = added(kb, baseline, cases)
    # both rules conclude outputs: their citations no longer match the Prolog rules of the same id
    mismatched = sorted(f.message.split()[1] for f in found if f.kind == "rule_citation_mismatch")
    assert mismatched == ["r_d27_assessor", "r_d31_recourse_indemnity"], show(found)
    rest = [f for f in found if f.kind != "rule_citation_mismatch"]
    assert_only(rest, "asp", "doctrine_without_rule", doctrines, doctrine_line(doctrines, "D27"))
    assert rest[0].message.startswith("D27")


def test_new_doctrine_without_rules_or_cases(tmp_path: Path, baseline: set[Key], cases: list[Case]) -> None:
    kb = copy_kb(tmp_path)
    doctrines = kb / "doctrines.yaml"
    line = append(doctrines, "- id: D32\n  name: new_doctrine\n  sections:\n  - '6.5'\n  ext: true\n"
                             "  partly_ext: false\n  statement: 'A doctrine not yet encoded.'\n")
    write_declarations(KbPaths.locate(kb))  # the doctrine list of the declarations follows the table
    found = added(kb, baseline, cases)
    place = doctrines.resolve()
    assert sorted(where(f) for f in found) == sorted([
        ("prolog", "doctrine_without_rule", place, line),
        ("asp", "doctrine_without_rule", place, line),
        ("cases", "doctrine_without_positive_case", place, line),
        ("cases", "doctrine_without_negative_case", place, line),
    ])


def test_doctrine_whose_cases_lack_a_negative(tmp_path: Path, baseline: set[Key]) -> None:
    kb = copy_kb(tmp_path)
    cases_dir = tmp_path / "cases"
    shutil.copytree(CASES_DIR, cases_dir)
    changed = 0
    for case in sorted(cases_dir.glob("*.yaml")):
        lines = case.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.startswith("tests:") and "D05-" in line:
                lines[i] = line.replace("D05-", "D05+")
                changed += 1
        case.write_text("".join(lines), encoding="utf-8")
    assert changed >= 1
    doctrines = kb / "doctrines.yaml"
    found = assert_only(added(kb, baseline, cases_dir=cases_dir), "cases", "doctrine_without_negative_case",
                        doctrines, doctrine_line(doctrines, "D05"))
    assert "D05-" in found.message


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------

def test_cli_reports_findings_and_exits_1(prolog_broken: Broken) -> None:
    file, line = prolog_broken.places["unused"]
    proc = run_cli("lint", "--kb", str(prolog_broken.kb), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    items = json.loads(proc.stdout)
    places = {(i["engine"], i["kind"], Path(i["file"]).resolve(), i["line"]) for i in items}
    assert {where(f) for f in prolog_broken.found} <= places
    unused = [(i["engine"], i["kind"], Path(i["file"]).resolve(), i["line"]) for i in items
              if i["kind"] == "prolog_unused"]
    assert unused == [("prolog", "prolog_unused", file.resolve(), line)]
    proc = run_cli("lint", "--kb", str(prolog_broken.kb))
    assert proc.returncode == 1
    assert f"{file}:{line}: prolog_unused: orphan_helper/1 is defined but never used" in proc.stdout.splitlines()


def test_cli_kb_that_does_not_parse_is_findings_not_a_crash(tmp_path: Path) -> None:
    kb = copy_kb(tmp_path)
    (kb / "prolog" / "aigc.pl").write_text("this is not ( prolog\n", encoding="utf-8")
    (kb / "asp" / "liability.lp").write_text("neither { is this\n", encoding="utf-8")
    proc = run_cli("lint", "--kb", str(kb), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    items = {(i["kind"], Path(i["file"]).name, i["line"]) for i in json.loads(proc.stdout)}
    assert ("prolog_syntax_error", "aigc.pl", 1) in items
    assert ("asp_syntax_error", "liability.lp", 1) in items


def test_cli_usage_error_exits_2() -> None:
    proc = run_cli("lint", "--cases", str(ROOT / "no-such-directory"))
    assert proc.returncode == 2
    assert "no-such-directory" in proc.stderr
