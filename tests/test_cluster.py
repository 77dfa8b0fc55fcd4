"""Batches on a Dask cluster give the records of one process, in input order, failed cases kept."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aigc_kb import KnowledgeBase
from aigc_kb.batch import pool
from aigc_kb.batch.run import run_batch, run_batch_lines
from aigc_kb.devtools.generate import WorldSize, random_case

distributed = pytest.importorskip("distributed", reason="the `cluster` extra (Dask's distributed) is not installed")

#: Lines that cannot be evaluated; each must come back as an error record at its place.
BAD_LINES = {
    4: '{"id": "undeclared", "facts": [{"party": "a"}, {"provider": ["a", "ghost"]}]}',
    9: "this is not JSON",
    15: '{"id": "unknown_pred", "facts": [{"party": "a"}, {"teleports": ["a"]}]}',
    22: '{"id": "conflict", "facts": [{"party": "a"}, {"risk_warning": "a"}, {"no_risk_warning": "a"}]}',
}


@pytest.fixture(scope="module")
def batch_file(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Path:
    """A JSON Lines batch of generated cases of mixed outcomes with bad lines among them."""
    rng = random.Random(17)
    lines: list[str] = []
    for index in range(30):
        if index in BAD_LINES:
            lines.append(BAD_LINES[index])
            continue
        size = WorldSize(parties=rng.randint(1, 4), systems=rng.randint(1, 2), works=rng.randint(1, 3),
                         outputs=rng.randint(1, 3), facts=rng.choice([4, 16, 30]))
        case = random_case(index, size, vocab=kb.vocab, case_id=f"gen_{index}")
        facts = [{f.pred: f.args[0] if len(f.args) == 1 else list(f.args)} for f in case.facts]
        lines.append(json.dumps({"id": case.id, "facts": facts}, ensure_ascii=False))
    path = tmp_path_factory.mktemp("cluster") / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local Dask cluster of two worker processes, one thread each."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


@pytest.mark.parametrize("engine", ["prolog", "asp"])
def test_a_batch_on_two_dask_workers_equals_one_process(kb: KnowledgeBase, batch_file: Path, client: Any,
                                                       engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "FIRST_TASK", 3)  # many small tasks, so that both workers take some
    monkeypatch.setattr(pool, "TASK_SIZE", 4)
    one = list(run_batch(kb, batch_file, engine))
    spread = list(run_batch(None, batch_file, engine, workers=2, executor=client.get_executor()))
    assert spread == one
    assert len(spread) == 30
    failed = [index for index, record in enumerate(spread) if record.get("ok") is False]
    assert failed == sorted(BAD_LINES)
    assert all(record["errors"] for record in spread if record.get("ok") is False)
    assert any(record.get("liable") for record in spread)  # the outcomes are real, and mixed
    assert any("errors" not in record and not record["liable"] for record in spread)
    workers_used = client.run(lambda: len(pool._CONTEXTS))
    assert len(workers_used) == 2


def test_lines_on_the_cluster_equal_the_lines_of_one_process(kb: KnowledgeBase, batch_file: Path,
                                                             client: Any) -> None:
    one = list(run_batch_lines(kb, batch_file, "asp"))
    spread = list(run_batch_lines(None, batch_file, "asp", workers=2, executor=client.get_executor()))
    assert spread == one


def test_a_task_that_fails_is_run_entry_by_entry(kb: KnowledgeBase, batch_file: Path) -> None:
    """An executor whose task fails (a lost worker) loses no entry: each is run again alone."""
    from concurrent.futures import Executor, Future

    class FailingFirst(Executor):
        def __init__(self) -> None:
            self.calls = 0

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
            self.calls += 1
            future: Future[Any] = Future()
            if self.calls == 1 or (len(args[1]) == 1 and args[1][0].line == 2):
                future.set_exception(RuntimeError("worker lost"))
            else:
                future.set_result(fn(*args, **kwargs))
            return future

    one = list(run_batch(kb, batch_file, "asp"))
    spread = list(run_batch(None, batch_file, "asp", workers=1, executor=FailingFirst()))
    assert len(spread) == len(one) == 30
    assert spread[1]["ok"] is False and spread[1]["source"] == f"{batch_file}:2"
    assert "worker lost" in spread[1]["errors"][0]
    assert spread[:1] + spread[2:] == one[:1] + one[2:]


def test_the_cli_runs_a_batch_on_a_local_cluster(kb: KnowledgeBase, batch_file: Path) -> None:
    one = subprocess.run([sys.executable, "-m", "aigc_kb", "evaluate", "--batch", str(batch_file), "--engine", "asp"],
                         capture_output=True, text=True, timeout=300)
    spread = subprocess.run([sys.executable, "-m", "aigc_kb", "evaluate", "--batch", str(batch_file), "--engine", "asp",
                             "--scheduler", "local:2"], capture_output=True, text=True, timeout=300)
    assert one.returncode == spread.returncode == 2  # the bad lines are failed cases
    assert spread.stdout == one.stdout
    assert len(spread.stdout.splitlines()) == 30


@pytest.mark.parametrize(("args", "message"), [
    (["cases/real_thaler.yaml", "--scheduler", "local:2"], "--scheduler runs a batch: give --batch"),
    (["--batch", "cases", "--scheduler", "local:2", "--workers", "2"], "give no --workers"),
    (["--batch", "cases", "--scheduler", "local:0"], "local:N needs N"),
])
def test_scheduler_misuse_is_an_input_error(args: list[str], message: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "aigc_kb", "evaluate", *args], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parent.parent)
    assert proc.returncode == 2 and proc.stdout == ""
    assert message in proc.stderr, proc.stderr
