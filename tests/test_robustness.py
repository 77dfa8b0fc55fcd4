"""Runaway queries, halts, broken kbs, threads, memory, and batches that lose nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from aigc_kb import Case, KnowledgeBase
from aigc_kb.prolog_engine import _LOCK, _once, _text

from .conftest import CASES_DIR, ROOT, run_cli

ULTRAMAN = str(CASES_DIR / "real_ultraman.yaml")


def kb_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "kb"
    shutil.copytree(ROOT / "kb", copy)
    return copy


def append(file: Path, text: str) -> None:
    with file.open("a", encoding="utf-8") as handle:
        handle.write("\n" + text + "\n")


def test_runaway_prolog_query_hits_the_time_limit(tmp_path: Path) -> None:
    copy = kb_copy(tmp_path)
    append(copy / "prolog" / "risk.pl",
           "spin(X) :- spin(X).\n"
           "rule(r_test_spin, [d26-'6.3'], (insurance(P, P) :- provider(P, _), spin(P))).")
    proc = run_cli("evaluate", ULTRAMAN, "--kb", str(copy), "--time-limit", "1")
    assert proc.returncode == 2
    assert "Prolog time limit of 1 s exceeded; raise it with --time-limit" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_deep_recursion_hits_the_stack_limit(tmp_path: Path) -> None:
    copy = kb_copy(tmp_path)
    append(copy / "prolog" / "risk.pl",
           "deep(N) :- N1 is N + 1, deep(N1), N1 > 0.\n"
           "rule(r_test_deep, [d26-'6.3'], (insurance(P, P) :- provider(P, _), deep(0))).")
    proc = run_cli("evaluate", ULTRAMAN, "--kb", str(copy), "--stack-limit", "64", "--time-limit", "60")
    assert proc.returncode == 2
    assert "limit of 64 MiB exceeded; raise it with --stack-limit" in proc.stderr
    assert "Traceback" not in proc.stderr

def test_batch_engine_thread_keeps_the_stack_limit(tmp_path: Path) -> None:
    """Batches run Prolog in a thread of their own; the stack limit (a per-thread flag) holds there too."""
    copy = kb_copy(tmp_path)
    append(copy / "prolog" / "risk.pl",
           "deep(N) :- N1 is N + 1, deep(N1), N1 > 0.\n"
           "rule(r_test_deep, [d26-'6.3'], (insurance(P, P) :- provider(P, _), deep(0))).")
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(ULTRAMAN, batch / "real_ultraman.yaml")
    proc = run_cli("evaluate", "--batch", str(batch), "--kb", str(copy), "--stack-limit", "64",
                   "--time-limit", "60")
    assert proc.returncode == 2
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "limit of 64 MiB exceeded; raise it with --stack-limit" in record["errors"][0]
    assert "Traceback" not in proc.stderr


def test_every_thread_gets_the_stack_limit() -> None:
    """Prolog's stack_limit flag is per thread: a call from a new thread must set it there."""
    from aigc_kb import Limits

    engine = KnowledgeBase(limits=Limits(stack_mb=96)).engine("prolog")
    goal = "current_prolog_flag(stack_limit, L), format(string(S), '~d', [L])"

    def flag() -> int:
        return int(_text(engine._guarded(goal)["S"]))  # type: ignore[attr-defined]

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(flag).result() == 96 * 1024 * 1024
    assert flag() == 96 * 1024 * 1024



def test_runaway_asp_solving_hits_the_time_limit(tmp_path: Path) -> None:
    copy = kb_copy(tmp_path)
    (copy / "asp" / "pigeons.lp").write_text(
        "pigeon(1..14). hole(1..13).\n"
        "1 { at(P, H) : hole(H) } 1 :- pigeon(P).\n"
        ":- at(P1, H), at(P2, H), P1 < P2.\n", encoding="utf-8")
    proc = run_cli("evaluate", ULTRAMAN, "--kb", str(copy), "--engine", "asp", "--time-limit", "2")
    assert proc.returncode == 2
    assert "time limit of 2 s exceeded; raise it with --time-limit" in proc.stderr


def test_grounding_blow_up_is_bounded(tmp_path: Path) -> None:
    copy = kb_copy(tmp_path)
    (copy / "asp" / "blowup.lp").write_text("big(X, Y, Z) :- X = 1..2000, Y = 1..2000, Z = 1..2000.\n",
                                            encoding="utf-8")
    proc = run_cli("evaluate", ULTRAMAN, "--kb", str(copy), "--engine", "asp", "--time-limit", "2")
    assert proc.returncode == 2
    assert "time limit of 2 s exceeded" in proc.stderr


@pytest.mark.parametrize("where", ["directive", "rule"])
def test_halt_in_the_kb_cannot_end_the_process(tmp_path: Path, where: str) -> None:
    copy = kb_copy(tmp_path)
    text = (":- halt." if where == "directive"
            else "rule(r_test_halt, [d26-'6.3'], (insurance(P, P) :- provider(P, _), halt)).")
    append(copy / "prolog" / "risk.pl", text)
    proc = run_cli("evaluate", ULTRAMAN, "--kb", str(copy), "--format", "json")
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "halt" in proc.stderr
    assert proc.stdout == ""


def test_edited_kb_with_a_syntax_error_is_refused_with_file_and_line(tmp_path: Path) -> None:
    copy = kb_copy(tmp_path)
    risk = copy / "prolog" / "risk.pl"
    lines = risk.read_text(encoding="utf-8").count("\n")
    append(risk, "broken(X :- .")
    proc = run_cli("evaluate", ULTRAMAN, "--kb", str(copy))
    assert proc.returncode == 2
    assert f"{risk}:{lines + 2}" in proc.stderr and "Syntax error" in proc.stderr


def test_edited_asp_encoding_with_an_error_is_refused_with_file_and_line(tmp_path: Path) -> None:
    copy = kb_copy(tmp_path)
    (copy / "asp" / "broken.lp").write_text("p(X) :- q.\nq.\n", encoding="utf-8")
    proc = run_cli("evaluate", ULTRAMAN, "--kb", str(copy), "--engine", "asp")
    assert proc.returncode == 2
    assert "broken.lp:1:" in proc.stderr and "unsafe" in proc.stderr


def test_eight_threads_get_identical_results(kb: KnowledgeBase, closed_cases: dict[str, Case]) -> None:
    cases = sorted(closed_cases.values(), key=lambda c: c.id)[:24]
    jobs = [(c, e) for c in cases for e in ("prolog", "asp")]
    alone = {(c.id, e): kb.evaluate(c, engine=e).conclusions for c, e in jobs}
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda job: ((job[0].id, job[1]), kb.evaluate(job[0], engine=job[1]).conclusions),
                                jobs * 3))
    for key, conclusions in results:
        assert conclusions == alone[key], key


def test_no_case_facts_remain_after_evaluations(kb: KnowledgeBase, closed_cases: dict[str, Case]) -> None:
    for case in list(closed_cases.values())[:20]:
        kb.evaluate(case)
    goal = ("findall(N/A, (aigc:input_predicate(N, A), functor(H, N, A), "
            "predicate_property(aigc_facts:H, number_of_clauses(C)), C > 0), L), format(string(S), '~q', [L])")
    with _LOCK:
        assert _text(_once(goal)["S"]) == "[]"


def test_process_exits_cleanly_after_an_error_mid_query(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from aigc_kb import KnowledgeBase, Limits, LimitError, EngineError\n"
        f"kb = KnowledgeBase(limits=Limits(time=0.000001))\n"
        f"case = kb.load_case({ULTRAMAN!r})\n"
        "try:\n    kb.evaluate(case)\nexcept (LimitError, EngineError) as err:\n    print('limited', err)\n"
        "print(len(KnowledgeBase().evaluate(case, engine='asp').conclusions) > 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, (proc.returncode, proc.stderr)
    assert "True" in proc.stdout


def _write_batch(tmp_path: Path) -> Path:
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in ("real_thaler", "real_li_v_liu"):
        shutil.copy(CASES_DIR / f"{name}.yaml", batch / f"{name}.yaml")
    (batch / "bad.yaml").write_text("id: bad\nfacts:\n  - party: a\n  - provider: [a, ghost]\n", encoding="utf-8")
    (batch / "garbage.json").write_bytes(b"\x00\x01")
    return batch


def test_check_reports_bad_cases_and_still_checks_the_good_ones(tmp_path: Path) -> None:
    batch = _write_batch(tmp_path)
    proc = run_cli("check", str(batch), "--format", "json")
    assert proc.returncode == 2
    records = json.loads(proc.stdout)
    assert [r["ok"] for r in records] == [False, False, True, True]
    assert any(f"{batch / 'bad.yaml'}:4:" in f for f in records[0]["failures"])
    assert "binary file" in records[1]["failures"][0]


def test_dense_world_stays_within_an_inference_budget(kb: KnowledgeBase) -> None:
    """Duplicate proofs must not multiply: a 77-fact world once took ~10^9 inferences."""
    from aigc_kb.generate import WorldSize, random_case, random_reading
    from aigc_kb.reading import resolve

    case = random_case(9414, WorldSize(parties=3, systems=2, works=2, outputs=2, facts=60))
    reading = resolve(kb.vocab, random_reading(9414))
    engine = kb.engine("prolog")
    goal = (f"call_with_inference_limit(aigc:evaluate_case({engine.facts_term(case)}, "  # type: ignore[attr-defined]
            f"{engine.options_term(reading)}, _), 20000000, Result), "  # type: ignore[attr-defined]
            "format(string(S), '~q', [Result])")
    with _LOCK:
        assert _text(_once(goal)["S"]) in ("true", "!")
