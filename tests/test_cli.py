"""The command line: outputs, exit codes, export to the raw engines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli, tool

ULTRAMAN = "cases/real_ultraman.yaml"
JSON_KEYS = ["case", "engine", "regime", "positions", "open_facts", "infringements", "liable",
             "joint_and_several", "not_liable", "defenses", "grounds", "copyright", "tangible_owner", "limitations",
             "remedies", "insurance", "recourse", "assessors", "provenance_conflicts",
             "protection_undefined"]


@pytest.mark.parametrize("engine", ["prolog", "asp"])
def test_evaluate_json_has_every_key_with_doctrines(engine: str) -> None:
    proc = run_cli("evaluate", ULTRAMAN, "--engine", engine, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert list(result) == JSON_KEYS
    assert result["engine"] == engine and result["regime"] == "strict"
    for key in JSON_KEYS[5:]:
        for item in result[key]:
            assert item["doctrines"], (key, item)


def test_evaluate_text_and_several_cases_give_json_lines() -> None:
    text = run_cli("evaluate", ULTRAMAN, "--regime", "fault")
    assert text.returncode == 0, text.stderr
    assert "Liable:" in text.stdout and "[D07" in text.stdout
    lines = run_cli("evaluate", ULTRAMAN, "cases/real_thaler.yaml", "--format", "json")
    assert lines.returncode == 0, lines.stderr
    records = [json.loads(line) for line in lines.stdout.splitlines()]
    assert [r["case"] for r in records] == ["real_ultraman", "real_thaler"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["evaluate", ULTRAMAN, "--regime", "lenient"], "unknown regime 'lenient'"),
        (["evaluate", ULTRAMAN, "--set", "remedy=gold"], "unknown position 'gold' of remedy"),
        (["evaluate", ULTRAMAN, "--set", "remedy=open"], "only for scenario commands"),
        (["evaluate", ULTRAMAN, "--set", "nopoint=x"], "unknown choice point 'nopoint'"),
        (["evaluate", ULTRAMAN, "--set", "remedy"], "expected NAME=VALUE"),
        (["evaluate", "cases/does_not_exist.yaml"], "no such file"),
        (["evaluate", "scripts"], "no case files in scripts"),  # a directory without case files
        (["query", "no_such_query", ULTRAMAN], "unknown query 'no_such_query'"),
        (["evaluate"], "give one or more CASE files, directories or bundled case ids"),
        (["query", "liable_subjects"], "the following arguments are required"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line_per_problem(args: list[str], fragment: str) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert fragment in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_bad_case_among_good_ones_is_reported_and_the_good_ones_are_evaluated(tmp_path: Path) -> None:
    """Several cases: each good one is printed, each bad one reported located, exit 2 at the end."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nfacts:\n  - party: a\n  - provider: [a, ghost]\n", encoding="utf-8")
    proc = run_cli("evaluate", str(bad), ULTRAMAN, "--format", "json")
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"aigc-kb: {bad}:4:")
    assert [json.loads(line)["case"] for line in proc.stdout.splitlines()] == ["real_ultraman"]


def test_check_passes_on_bundled_cases_and_fails_on_a_wrong_expectation(tmp_path: Path) -> None:
    proc = run_cli("check", "cases/real_thaler.yaml", "cases/real_li_v_liu.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 passed, 0 failed" in proc.stdout
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        "id: wrong\nfacts:\n  - party: a\n  - system: s\n  - ai_named_defendant: s\n"
        "expect:\n  - reading: paper\n    holds:\n      - liable: {subject: a}\n        because: [D06]\n",
        encoding="utf-8")
    proc = run_cli("check", str(wrong))
    assert proc.returncode == 1
    assert f"{wrong}:9:" in proc.stdout and "0 passed, 1 failed" in proc.stdout


@pytest.mark.parametrize("engine", ["prolog", "asp"])
def test_named_queries_exist_and_agree(engine: str) -> None:
    for name in ("liable_subjects", "defenses", "ownership", "remedies"):
        proc = run_cli("query", name, ULTRAMAN, "--engine", engine, "--format", "json")
        assert proc.returncode == 0, proc.stderr
        other = run_cli("query", name, ULTRAMAN, "--engine", "asp" if engine == "prolog" else "prolog",
                        "--format", "json")
        assert json.loads(proc.stdout)["answers"] == json.loads(other.stdout)["answers"]


def test_liable_subjects_query_matches_evaluate() -> None:
    rows = json.loads(run_cli("query", "liable_subjects", ULTRAMAN, "--format", "json").stdout)["answers"]
    result = json.loads(run_cli("evaluate", ULTRAMAN, "--format", "json").stdout)
    assert sorted(map(tuple, rows)) == sorted({(i["subject"], i["kind"]) for i in result["liable"]})


def test_vocab_formats() -> None:
    text = run_cli("vocab")
    assert text.returncode == 0 and "provider(party, system)" in text.stdout
    schema = json.loads(run_cli("vocab", "--format", "schema").stdout)
    assert schema["title"] == "aigc-kb case file"


def _conclusion_set(result: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in result.items() if k not in ("engine",)}


def test_export_round_trips_and_raw_engines_agree_with_the_api(tmp_path: Path) -> None:
    api = json.loads(run_cli("evaluate", ULTRAMAN, "--format", "json").stdout)
    for to in ("pl", "lp"):
        proc = run_cli("export", ULTRAMAN, "--to", to)
        assert proc.returncode == 0, proc.stderr
        exported = tmp_path / f"case.{to}"
        exported.write_text(proc.stdout, encoding="utf-8")
        again = json.loads(run_cli("evaluate", str(exported), "--format", "json").stdout)
        assert {k: v for k, v in again.items() if k != "case"} == {k: v for k, v in api.items() if k != "case"}
    # the raw clingo binary over the encoding and the exported facts
    raw = subprocess.run([sys.executable, "-m", "clingo", *map(str, sorted((ROOT / "kb" / "asp").glob("*.lp"))),
                          str(tmp_path / "case.lp"), "--outf=2"], capture_output=True, text=True, timeout=120)
    assert raw.returncode in (0, 10, 30), raw.stderr
    answer = json.loads(raw.stdout)
    assert answer["Result"] == "SATISFIABLE"
    witness = answer["Call"][0]["Witnesses"]
    assert len(witness) == 1
    shown = {a for a in witness[0]["Value"] if a.startswith("liable(")}
    assert shown == {f"liable({i['subject']},{i['kind']},{r},{i['stage']})" for i in api["liable"] for r in i["rights"]}
    # the raw swipl over the Prolog kb, reading the exported facts as data
    swipl = subprocess.run(["swipl", "-g", f"evaluate_file('{tmp_path / 'case.pl'}', [])", "-t", "halt",
                            str(ROOT / "kb" / "prolog" / "aigc.pl")], capture_output=True, text=True, timeout=120)
    assert swipl.returncode == 0, swipl.stderr
    for item in api["liable"]:
        assert item["subject"] in swipl.stdout


def test_module_entry_point_and_console_script_agree() -> None:
    script = subprocess.run([tool("aigc-kb"), "vocab"], capture_output=True, text=True, timeout=120)
    assert script.returncode == 0
    assert script.stdout == run_cli("vocab").stdout


def test_evaluate_batch_loses_nothing_and_workers_keep_order(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    names = ["real_dreamwriter", "real_feilin", "real_thaler"]
    for name in names:
        (batch / f"{name}.yaml").write_text((ROOT / "cases" / f"{name}.yaml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    (batch / "zz_bad.yaml").write_text("id: bad\nfacts:\n  - party: a\n  - provider: [a, ghost]\n", encoding="utf-8")
    one = run_cli("evaluate", "--batch", str(batch))
    two = run_cli("evaluate", "--batch", str(batch), "--workers", "2")
    assert one.returncode == two.returncode == 2, one.stderr + two.stderr
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in one.stdout.splitlines()]
    assert [r["case"] for r in records] == names + [None]
    assert records[-1]["ok"] is False and f"{batch / 'zz_bad.yaml'}:4:" in records[-1]["errors"][0]
    alone = json.loads(run_cli("evaluate", str(batch / "real_feilin.yaml"), "--format", "json").stdout)
    assert records[1] == alone


def test_a_reader_that_stops_early_ends_the_batch_quietly(tmp_path: Path) -> None:
    """``evaluate --batch ... | head -1``: exit 141 (as for SIGPIPE), no traceback."""
    batch = tmp_path / "cases.jsonl"
    line = json.dumps({"id": "c", "facts": [{"party": "a"}, {"work": "w"}, {"owns_copyright": ["a", "w"]}]})
    batch.write_text("\n".join(line.replace('"c"', f'"c{i}"') for i in range(3000)) + "\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "aigc_kb", "evaluate", "--batch", str(batch)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert json.loads(proc.stdout.readline())["case"] == "c0"
    proc.stdout.close()
    errors = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141
    assert "Traceback" not in errors and "Exception ignored" not in errors
