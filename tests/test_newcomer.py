"""What a new user meets first: the README's entry points, one-case checks, the bundled cases,
missing system packages, help texts, the vocabulary and doctrine listings, and the wording of messages."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from aigc_kb import KnowledgeBase
from aigc_kb.cli import build_parser
from aigc_kb.core.errors import InputError

from .conftest import CASES_DIR, ROOT, run_cli


def cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m aigc_kb ARGS`` in a fresh process, with extra environment variables."""
    return subprocess.run([sys.executable, "-m", "aigc_kb", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={**os.environ, **(env or {})}, timeout=300)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- README --
def test_readme_activates_the_venv_before_its_first_command() -> None:
    """After the quick start, `aigc-kb` and `python -m clingo` are found: the README says how."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    activate = readme.find(". .venv/bin/activate")
    first_command = re.search(r"^(\$ )?aigc-kb ", readme, re.MULTILINE)
    assert first_command is not None
    assert 0 <= activate < first_command.start(), "the README must activate .venv before its first aigc-kb command"
    clingo = readme.find("python -m clingo")
    assert clingo == -1 or activate < clingo


def test_the_readme_activation_gives_working_entry_points() -> None:
    """The line the README gives, in a shell whose PATH knows nothing of the venv."""
    venv = Path(sys.executable).parent.parent
    if not (venv / "bin" / "activate").is_file():
        pytest.skip("not run from a virtual environment")
    script = f". {venv}/bin/activate && aigc-kb --version && python -m clingo --version"
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("aigc-kb ") and "clingo" in proc.stdout


# ------------------------------------------------------- one case, variants --
def test_checking_one_variant_case_alone_loads_the_case_it_varies() -> None:
    proc = run_cli("check", "cases/d01_stages_neg.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("ok   d01_stages_neg")
    assert "note:" not in proc.stdout


def test_the_case_a_variant_refers_to_is_really_checked_against(tmp_path: Path) -> None:
    """A base case beside it that does not differ as declared makes the one-case check fail."""
    shutil.copy(CASES_DIR / "d01_stages_neg.yaml", tmp_path)
    base = yaml.safe_load((CASES_DIR / "d01_stages_pos.yaml").read_text(encoding="utf-8"))
    base["facts"].append({"party": "someone_else"})
    write(tmp_path / "d01_stages_pos.yaml", yaml.safe_dump(base, sort_keys=False))
    proc = run_cli("check", str(tmp_path / "d01_stages_neg.yaml"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "differs from d01_stages_pos by more than" in proc.stdout
    assert "party(someone_else)" in proc.stdout


def test_a_variant_whose_base_does_not_load_fails_naming_that_file(tmp_path: Path) -> None:
    shutil.copy(CASES_DIR / "d01_stages_neg.yaml", tmp_path)
    base = write(tmp_path / "d01_stages_pos.yaml", "id: d01_stages_pos\nfacts:\n  - party: [a, b]\n")
    proc = run_cli("check", str(tmp_path / "d01_stages_neg.yaml"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"variant_of 'd01_stages_pos': its file does not load: {base}:3:" in proc.stdout


def test_a_variant_whose_base_is_nowhere_is_checked_with_a_note(tmp_path: Path) -> None:
    shutil.copy(CASES_DIR / "d01_stages_neg.yaml", tmp_path)
    proc = run_cli("check", str(tmp_path / "d01_stages_neg.yaml"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "note: variant_of 'd01_stages_pos' not checked" in proc.stdout


# ------------------------------------------------------------------ lint --
def test_lint_of_a_researchers_own_cases_does_not_demand_every_doctrine(tmp_path: Path) -> None:
    for name in ("real_thaler", "real_feilin"):
        shutil.copy(CASES_DIR / f"{name}.yaml", tmp_path)
    proc = run_cli("lint", "--cases", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""
    complete = run_cli("lint", "--cases", str(tmp_path), "--complete")
    assert complete.returncode == 1
    assert "doctrine_without_positive_case" in complete.stdout  # D01 has no case among the two


def test_lint_reports_an_id_that_is_not_the_file_name(tmp_path: Path) -> None:
    text = (CASES_DIR / "real_thaler.yaml").read_text(encoding="utf-8")
    write(tmp_path / "my_copy.yaml", "# my own copy\n" + text)
    proc = run_cli("lint", "--cases", str(tmp_path))
    assert proc.returncode == 1
    (line,) = proc.stdout.splitlines()
    assert line.startswith(f"{tmp_path / 'my_copy.yaml'}:2: case_id_not_file_name: id 'real_thaler'"), line


# -------------------------------------------------------- loader messages --
HEAD = "id: c\nfacts:\n  - party: acme\n  - system: gen\n  - output: o1\n"


def problems(kb: KnowledgeBase, path: Path) -> list[str]:
    with pytest.raises(InputError) as err:
        kb.load_case(path)
    return [str(p) for p in err.value.problems]


def test_a_duplicate_declaration_is_reported_at_its_line(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = write(tmp_path / "c.yaml", HEAD + "  - party: acme\n")
    assert problems(kb, path) == [f"{path}:6: party 'acme' is declared twice (first at line 3)"]


def test_a_type_mismatch_takes_the_right_article(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = write(tmp_path / "c.yaml", HEAD + "  - generated_by: [gen, o1]\n")
    assert problems(kb, path) == [
        f"{path}:6: generated_by(gen, o1): 'gen' is a system, not an output",
        f"{path}:6: generated_by(gen, o1): 'o1' is an output, not a system",
    ]


def test_a_wrong_arity_names_the_arguments_expected(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = write(tmp_path / "c.yaml", HEAD + "  - acting_for: acme\n")
    assert problems(kb, path) == [
        f"{path}:6: facts[3].acting_for: acting_for(agent: party, principal: party) takes 2 arguments, 1 given"]
    fact_file = write(tmp_path / "c.pl", "party(acme).\nacting_for(acme).\n")
    assert problems(kb, fact_file) == [
        f"{fact_file}:2: acting_for(agent: party, principal: party) takes 2 arguments, 1 given"]


def test_a_misspelt_key_is_reported_at_its_own_line(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = write(tmp_path / "c.yaml", HEAD + "positions:\n  remedy: licence_fee\n  remdy: injunction\n"
                 "expect:\n  - reading: paper\n    regime: strict\n    hodls:\n      - liable: {subject: acme}\n")
    found = {p.split(": ")[0]: p for p in problems(kb, path)}
    assert sorted(found) == [f"{path}:12", f"{path}:8"], found
    assert "'remdy'" in found[f"{path}:8"] and "'hodls'" in found[f"{path}:12"]


# ------------------------------------------------------ no cases, bundled --
def test_check_with_no_cases_says_so(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    proc = run_cli("check", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "no cases to check" in proc.stderr and len(proc.stderr.splitlines()) == 1
    empty = run_cli("check", str(tmp_path / "cases"))
    assert empty.returncode == 2 and "no cases to check" in empty.stderr


def test_the_bundled_cases_are_listed_and_taken_by_id(tmp_path: Path) -> None:
    listing = run_cli("cases", "--format", "json", cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    rows = {row["id"]: row for row in json.loads(listing.stdout)}
    assert set(rows) == {p.stem for p in CASES_DIR.glob("*.yaml")}
    assert "Thaler v. Perlmutter, No. 23-5233" in rows["real_thaler"]["source"]
    proc = run_cli("evaluate", "real_thaler", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["case"] == "real_thaler"
    unknown = run_cli("evaluate", "no_such_case", cwd=tmp_path)
    assert unknown.returncode == 2 and "aigc-kb cases" in unknown.stderr


# ------------------------------------------------------- missing packages --
NO_SWIPL = {"LIBSWIPL_PATH": "/nonexistent/libswipl.so", "SWI_HOME_DIR": "/nonexistent"}


def test_a_missing_swi_prolog_is_one_line_naming_what_to_install() -> None:
    for args in (["evaluate", "cases/real_thaler.yaml"], ["check", "cases/real_thaler.yaml"]):
        proc = cli(*args, env=NO_SWIPL)
        assert proc.returncode == 2, proc.stderr
        assert proc.stdout == ""
        (line,) = proc.stderr.splitlines()
        assert "swi-prolog-core" in line and "--engine asp" in line
    asp = cli("evaluate", "cases/real_thaler.yaml", "--engine", "asp", "--format", "json", env=NO_SWIPL)
    assert asp.returncode == 0, asp.stderr
    assert json.loads(asp.stdout)["copyright"]


def test_svg_without_graphviz_is_one_line_naming_the_package(tmp_path: Path) -> None:
    proc = cli("explain", "cases/real_thaler.yaml", "--format", "svg", env={"PATH": str(tmp_path)})
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.splitlines()
    assert "graphviz" in line.lower() and "apt-get install graphviz" in line
    if shutil.which("dot"):
        drawn = cli("explain", "cases/real_thaler.yaml", "--format", "svg")
        assert drawn.returncode == 0 and "<svg" in drawn.stdout


def _fake_project(tmp_path: Path, tools: list[str]) -> tuple[Path, dict[str, str]]:
    """A copy of scripts/run with a ready .venv, and a PATH holding only ``tools`` and a non-root ``id``."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "run", project / "scripts" / "run")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").symlink_to(sys.executable)
    stamp = project / ".venv" / ".aigc-kb-installed"
    stamp.touch()
    os.utime(stamp, (os.path.getmtime(project / "pyproject.toml") + 10,) * 2)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in tools:
        found = sys.executable if tool == "python3" else shutil.which(tool)
        assert found is not None, tool
        (bin_dir / tool).symlink_to(found)
    write(bin_dir / "id", "#!/bin/sh\necho 1000\n").chmod(0o755)
    return project, {"PATH": str(bin_dir), "HOME": str(tmp_path)}


@pytest.mark.parametrize("tools, code, named, present", [
    (["bash", "dirname", "python3", "dot"], 2, "swi-prolog-core", ["python3-venv", "graphviz"]),
    (["bash", "dirname", "python3", "swipl"], 0, "graphviz", ["swi-prolog", "python3-venv"]),
])
def test_scripts_run_names_the_missing_system_package(tmp_path: Path, tools: list[str], code: int, named: str,
                                                       present: list[str]) -> None:
    """Only what is missing is named; a missing Graphviz is a warning, not a stop."""
    if shutil.which("swipl") is None or shutil.which("dot") is None:
        pytest.skip("needs both swipl and dot installed, to take one away")
    project, env = _fake_project(tmp_path, tools)
    proc = subprocess.run([shutil.which("bash") or "bash", "scripts/run", "setup"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == code, proc.stderr
    assert named in proc.stderr
    assert not [package for package in present if package in proc.stderr], proc.stderr


# ----------------------------------------------------------------- help --
def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser, _ = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert re.fullmatch(r"aigc-kb \d+\.\d+\.\d+\S*\n", proc.stdout), proc.stdout


def test_every_argument_has_help_and_no_help_has_rest_markup() -> None:
    for name, parser in _subparsers().items():
        for action in parser._actions:
            if not isinstance(action, argparse._HelpAction):
                assert action.help, f"{name} {action.option_strings or action.dest} has no help"
        text = parser.format_help()
        assert "``" not in text and not re.search(r":(func|class|mod|meth):`", text), name


def test_query_help_lists_the_query_names() -> None:
    text = _subparsers()["query"].format_help()
    for query in sorted({p.stem for p in (ROOT / "queries").iterdir()}):
        assert query in text


def test_limit_options_only_where_they_bound_something() -> None:
    helps = {name: parser.format_help() for name, parser in _subparsers().items()}
    for name in ("vocab", "export", "lint", "generate", "doctrines", "cases"):
        assert "--time-limit" not in helps[name] and "--model-limit" not in helps[name], name
    assert "--model-limit" in helps["enumerate"] and "--stack-limit" not in helps["enumerate"]
    assert "--stack-limit" in helps["evaluate"] and "--model-limit" not in helps["evaluate"]
    proc = run_cli("vocab", "--time-limit", "3")
    assert proc.returncode == 2 and "unrecognized arguments: --time-limit" in proc.stderr


def test_evaluate_a_directory_like_check(tmp_path: Path) -> None:
    for name in ("real_thaler", "real_li_v_liu"):
        shutil.copy(CASES_DIR / f"{name}.yaml", tmp_path)
    proc = run_cli("evaluate", str(tmp_path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["case"] for line in proc.stdout.splitlines()] == ["real_li_v_liu", "real_thaler"]


def test_the_evaluate_header_shows_title_and_source() -> None:
    proc = run_cli("evaluate", "cases/real_thaler.yaml")
    assert proc.returncode == 0, proc.stderr
    case = yaml.safe_load((CASES_DIR / "real_thaler.yaml").read_text(encoding="utf-8"))
    first, second = proc.stdout.splitlines()[:2]
    assert first == f"Case real_thaler: {case['title']}"
    assert second == f"Source: {case['source']}"


# --------------------------------------------------- vocab and doctrines --
def test_vocab_shows_enumerations_conflicts_and_argument_roles() -> None:
    proc = run_cli("vocab")
    assert proc.returncode == 0
    assert "acting_for(agent: party, principal: party)" in proc.stdout
    assert "  kind: primary, joint, contributory, secondary" in proc.stdout
    assert "  fault_proven / fault_rebutted" in proc.stdout
    assert "provider(party, system)" in proc.stdout  # distinct types need no names


def test_doctrines_are_listed_from_the_doctrine_table(tmp_path: Path) -> None:
    table = yaml.safe_load((ROOT / "kb" / "doctrines.yaml").read_text(encoding="utf-8"))["doctrines"]
    proc = run_cli("doctrines")
    assert proc.returncode == 0
    rows = [line.split() for line in proc.stdout.splitlines() if re.match(r"  D\d\d ", line)]
    assert [(r[0], r[1]) for r in rows] == [(d["id"], d["name"]) for d in table]
    assert "§3.1, §4.3" in next(line for line in proc.stdout.splitlines() if line.startswith("  D07 "))
    one = run_cli("doctrines", "D07")
    assert one.returncode == 0
    assert "de facto direct infringer" in one.stdout
    # the count comes from the table: a kb with one more doctrine lists one more
    kb = tmp_path / "kb"
    shutil.copytree(ROOT / "kb", kb)
    extra = dict(table[-1], id="D99", name="added_for_the_test")
    with (kb / "doctrines.yaml").open("a", encoding="utf-8") as handle:
        handle.write(yaml.safe_dump([extra], sort_keys=False))
    more = run_cli("doctrines", "--kb", str(kb))
    assert more.returncode == 0, more.stderr
    assert more.stdout.startswith(f"{len(table) + 1} doctrines") and "  D99  added_for_the_test" in more.stdout
