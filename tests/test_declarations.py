"""The declarations of both encodings are generated from kb/vocabulary.yaml and kb/doctrines.yaml."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import clingo

from aigc_kb.devtools.declarations import GENERATED_FILES, generate, stale_files, write_declarations
from aigc_kb.core.paths import KbPaths
from aigc_kb.core.vocabulary import ENTITY_TYPES, UNION_TYPES, load_vocabulary

from .conftest import ROOT, run_cli

KB = ROOT / "kb"


def test_generated_files_are_current() -> None:
    stale = [f.relative for f in stale_files(KbPaths.locate(KB))]
    assert not stale, f"stale generated files {stale}: run `aigc-kb declarations --write` (or `make declarations`)"


def test_generated_files_say_so_and_name_their_command() -> None:
    for relative in GENERATED_FILES:
        head = "\n".join((KB / relative).read_text(encoding="utf-8").splitlines()[:6])
        assert "GENERATED from kb/vocabulary.yaml and kb/doctrines.yaml" in head, relative
        assert "aigc-kb declarations --write" in head and "do not edit" in head, relative


def test_no_hand_written_file_restates_the_vocabulary() -> None:
    # every input predicate is declared dynamic, listed and chosen only in the generated files
    generated = {KB / r for r in GENERATED_FILES}
    for path in sorted(KB.glob("prolog/*.pl")) + sorted(KB.glob("asp/*.lp")):
        if path in generated:
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^input_predicate\(|^input_burden\(|^:- dynamic\(\(\s*party/1", text, re.M), path
        assert "unknown(party(" not in text and "#show" not in text, path
        assert not re.search(r"^(doctrine_id|ext_doctrine|choice_point|regime_value|entity_type)\(", text, re.M), path


def test_the_entity_types_are_the_vocabularys() -> None:
    """The Python names of the entity types are those kb/vocabulary.yaml declares (an input named after
    its own one argument type), and every union of them is a union of those."""
    vocab = load_vocabulary(KB / "vocabulary.yaml", KB / "doctrines.yaml")
    declared = {name for name, p in vocab.inputs.items() if p.args == (name,)}
    assert set(ENTITY_TYPES) == declared
    assert all(set(members) <= declared for members in UNION_TYPES.values())


def test_no_doctrine_count_outside_the_doctrine_table() -> None:
    # the count and the last id of the doctrine table are written nowhere else
    last = sorted(p for p in re.findall(r"^- id: (D\d\d)", (KB / "doctrines.yaml").read_text(encoding="utf-8"), re.M))[-1]
    count = str(int(last[1:]))
    generated = {KB / r for r in GENERATED_FILES}
    places = [p for p in (sorted(KB.rglob("*.pl")) + sorted(KB.rglob("*.lp")) + sorted(KB.rglob("*.sh"))
                          + sorted((ROOT / "tests").glob("*.py")))
              if p not in generated and p.name != "test_declarations.py"]
    for path in places:
        text = path.read_text(encoding="utf-8")
        assert not re.search(rf"between\(1, {count}\b|range\(1, {int(count) + 1}\)|== {count}\b|seq -w 1 {count}\b"
                             rf"|\b{count} doctrines", text), f"{path}: the doctrine count is written here"


def _copy_kb(tmp_path: Path) -> Path:
    copy = tmp_path / "kb"
    shutil.copytree(KB, copy)
    return copy


def test_an_edit_of_the_vocabulary_makes_them_stale_and_write_regenerates(tmp_path: Path) -> None:
    copy = _copy_kb(tmp_path)
    vocabulary = copy / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    new = ('  opt_out_notice:\n    args: [party, work]\n'
           '    meaning: "{0} gave notice that {1} may not be mined"\n'
           '    doctrines: [D03]\n    burden: claimant\n')
    text = text.replace("\n  # ---- limits, remedies, risk spreading", "\n" + new + "\n  # ---- limits, remedies, risk spreading", 1)
    vocabulary.write_text(text, encoding="utf-8")
    paths = KbPaths.locate(copy)
    assert {f.relative for f in stale_files(paths)} == {"prolog/declarations.pl", "asp/declarations.lp"}

    proc = run_cli("declarations", "--check", "--kb", str(copy))
    assert proc.returncode == 1 and "stale" in proc.stdout and "declarations --write" in proc.stderr

    written = write_declarations(paths)
    assert sorted(p.name for p in written) == ["declarations.lp", "declarations.pl"]
    assert stale_files(paths) == []
    assert run_cli("declarations", "--check", "--kb", str(copy)).returncode == 0

    # both engines now know the new input predicate without a hand edit
    pl = (copy / "prolog" / "declarations.pl").read_text(encoding="utf-8")
    assert "input_predicate(opt_out_notice, 2)." in pl and "opt_out_notice/2" in pl
    assert 'input_template(opt_out_notice, [party, work],\n               "{0} gave notice that {1} may not be mined").' in pl
    assert "input_burden(opt_out_notice, claimant)." in pl
    ctl = clingo.Control(["0"])
    for f in paths.asp_files:
        ctl.load(str(f))
    ctl.add("base", [], "party(a). work(w). unknown(opt_out_notice(a, w)).")
    ctl.ground([("base", [])])
    models: list[list[str]] = []
    ctl.solve(on_model=lambda m: models.append([str(s) for s in m.symbols(atoms=True)
                                                 if s.name == "opt_out_notice"]))
    assert sorted(models) == [[], ["opt_out_notice(a,w)"]]
    if shutil.which("swipl"):
        goal = ("use_module(library(lists)), input_predicate(opt_out_notice, 2), "
                "aigc_facts:check_case([party(a), work(w), opt_out_notice(a, w)], P, _), "
                "memberchk(opt_out_notice(a, w), P)")
        done = subprocess.run(["swipl", "-g", goal, "-t", "halt", str(copy / "prolog" / "aigc.pl")],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_doctrine_list_of_both_engines_is_the_doctrine_table(tmp_path: Path) -> None:
    # a doctrine added to the table is known to Prolog after regenerating, with no other edit
    copy = _copy_kb(tmp_path)
    table = copy / "doctrines.yaml"
    table.write_text(table.read_text(encoding="utf-8")
                     + "- id: D99\n  name: added\n  sections:\n  - '4.2'\n  ext: true\n  partly_ext: false\n"
                       "  statement: An added doctrine.\n", encoding="utf-8")
    paths = KbPaths.locate(copy)
    write_declarations(paths)
    text = (copy / "prolog" / "declarations.pl").read_text(encoding="utf-8")
    assert "doctrine_id(d99)." in text and "ext_doctrine(d99)." in text and "doctrine_section(d99, '4.2')." in text
    original = [f.text for f in generate(KbPaths.locate(KB)) if f.relative == "prolog/declarations.pl"][0]
    assert len(re.findall(r"^doctrine_id\(", text, re.M)) == len(re.findall(r"^doctrine_id\(", original, re.M)) + 1


def test_cli_check_on_the_bundled_kb() -> None:
    proc = run_cli("declarations", "--check")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count(": current") == len(GENERATED_FILES)
