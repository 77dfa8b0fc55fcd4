"""One benchmark step in a process of its own (pyswip holds one engine per process).

    python bench/api_run.py measure --engine prolog --cases F.jsonl [--repeats R] [--workers W] [--cold]
    python bench/api_run.py alone --engine asp --cases F.jsonl --every K
    python bench/api_run.py prolog-input --cases F.jsonl --out F.pl
    python bench/api_run.py asp-input --cases F.jsonl --out-dir DIR --group G

Each prints one JSON object on standard output.  ``measure`` times
:func:`aigc_kb.batch.pipeline.run_batch` over the cases (records written as JSON text,
as ``evaluate --batch`` prints them; the seconds spent writing are reported
too), with limits on, the raw baseline run right before each repetition when
asked; it reports wall-clock and CPU seconds per repetition, the peak resident memory of this process
(and of its children, for workers) and a digest of the records.  ``alone``
evaluates every K-th case on its own (the reference).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))

import raw  # noqa: E402
from aigc_kb import KnowledgeBase, Limits  # noqa: E402
from aigc_kb.engines import asp_rules  # noqa: E402
from aigc_kb.batch.pipeline import batch_evaluator, batch_items, evaluate_alone, evaluate_items  # noqa: E402
from aigc_kb.batch.run import run_batch, run_batch_lines  # noqa: E402
from aigc_kb.batch.grounder import peak_rss_mb  # noqa: E402


def _cpu(children: bool) -> float:
    """CPU seconds of this process, and of its ended children when asked."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    if children:
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += kids.ru_utime + kids.ru_stime
    return total


def _peak_mb() -> tuple[float, float]:
    own = peak_rss_mb()  # not ru_maxrss: on Linux it survives exec, so it would report the parent's peak
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids  # children: the largest of them (raw runs and workers)


def _lines(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def _record_text(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def measure(args: argparse.Namespace) -> dict[str, Any]:
    limits = Limits()  # the defaults: time limit, stack limit, all on
    kb = None
    grounder: Any = None
    if not args.cold:
        kb = KnowledgeBase(limits=limits)
        evaluator = batch_evaluator(kb, args.engine)  # engine loaded, encoding checked: not part of the timing
        grounder = getattr(evaluator, "grounder", None)  # ASP grounds in a child process: its CPU counts
        for _ in evaluate_items(kb, islice(batch_items(args.cases, kb), 300), args.engine):
            pass  # a first pass warms the caches
    walls, cpus, firsts, dumps, tenths = [], [], [], [], []
    raw_runs: list[dict[str, float]] = []
    result: dict[str, Any] = {}
    for _ in range(args.repeats):
        if args.raw_prolog:  # the raw baseline runs right before each API run: the same machine load
            raw_runs.append(raw.prolog(Path(args.raw_prolog), args.raw_options, Path(args.raw_out)))
        elif args.raw_asp:
            raw_runs.append(raw.asp(json.loads(Path(args.raw_asp).read_text()), Path(args.raw_out)))
        sha, same = hashlib.sha256(), hashlib.sha256()
        count = ok = liable = 0
        sample: dict[int, str] = {}
        # Warm: this process and the grounding child (which keeps its own count); cold: every child ended.
        cpu0 = _cpu(kb is None) + (grounder.cpu_seconds() if grounder else 0.0)
        start = time.perf_counter()
        first = None
        dumping = 0.0
        tenth, at_tenth = _lines(args.cases) // 10, 0.0
        if args.lines:  # as `evaluate --batch` prints: the records' JSON lines (written by the workers)
            records: Any = run_batch_lines(kb, args.cases, args.engine, workers=args.workers, limits=limits)
        else:
            records = run_batch(kb, args.cases, args.engine, workers=args.workers, limits=limits)
        for index, record in enumerate(records):
            before = time.perf_counter()
            text = record if args.lines else _record_text(record)
            dumping += time.perf_counter() - before
            if first is None:
                first = time.perf_counter() - start
            if index == tenth:
                at_tenth = time.perf_counter() - start
            data = text.encode("utf-8")
            sha.update(data + b"\n")
            if args.check:  # the records without the engine's name: equal across engines
                same.update(data.replace(f'"engine": "{args.engine}", '.encode(), b"", 1) + b"\n")
            if args.every and index % args.every == 0:
                sample[index] = text
            count += 1
            if not args.lines:
                ok += "errors" not in record
                liable += bool(record.get("liable"))
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu(kb is None) + (grounder.cpu_seconds() if grounder else 0.0) - cpu0)
        dumps.append(dumping)
        firsts.append(first or 0.0)
        tenths.append(at_tenth)
        result = {"n": count, "ok": ok, "with_liability": liable, "digest": sha.hexdigest(),
                  "engine_free_digest": same.hexdigest() if args.check else None, "sample": sample}
    own, kids = _peak_mb()
    result.update(wall=walls, cpu=cpus, first=firsts, tenth=tenths, dumps=dumps, peak_mb=own, children_peak_mb=kids, raw=raw_runs,
                  grounder_peak_mb=grounder.peak_mb if grounder else 0.0)
    return result


def alone(args: argparse.Namespace) -> dict[str, Any]:
    kb = KnowledgeBase(limits=Limits())
    records = {}
    for index, item in enumerate(batch_items(args.cases, kb)):
        if index % max(args.every, 1) == 0:
            records[index] = _record_text(evaluate_alone(kb, item, args.engine))
    return {"records": records}


def prolog_input(args: argparse.Namespace) -> dict[str, Any]:
    from aigc_kb.batch.prolog import PrologText

    kb = KnowledgeBase()
    text = PrologText()
    options = None
    with open(args.out, "w", encoding="utf-8") as handle:
        for index, item in enumerate(batch_items(args.cases, kb)):
            assert item.case is not None, item.problems
            reading = kb.resolve(item.case)
            own = text.options_text(reading)
            if options is None:
                options = own
            assert own == options, "the benchmark cases share one reading"
            handle.write(f"case({index},{text.facts_text(item.case)}).\n")
    return {"options": options or "[]"}


def asp_input(args: argparse.Namespace) -> dict[str, Any]:
    from aigc_kb.batch.asp import AspBatch

    kb = KnowledgeBase()
    batch = AspBatch(kb)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    pairs = [(item.case, kb.resolve(item.case)) for item in batch_items(args.cases, kb) if item.case is not None]
    for start in range(0, len(pairs), args.group):
        programs, alone_ = batch.group_programs(pairs[start:start + args.group])
        assert not alone_, "no benchmark case needs to be evaluated alone"
        for number, program in enumerate(programs):
            file = out / f"group_{start:07d}_{number}.lp"
            file.write_text(program.text, encoding="utf-8")
            files.append(str(file))
    # the encoding as the API grounds it: its %@ annotations expanded (citations, because/2) on the
    # output atoms' rules (asp_rules.evaluation_text)
    encoding = out / "encoding.lp"
    encoding.write_text(asp_rules.evaluation_text(kb.paths.asp_files), encoding="utf-8")
    return {"files": files, "asp_files": [str(encoding)], "separable": batch.verdict.ok}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["measure", "alone", "prolog-input", "asp-input"])
    parser.add_argument("--engine", choices=["prolog", "asp"], default="prolog")
    parser.add_argument("--cases", required=True)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--cold", action="store_true", help="time from a fresh kb (engine loading included)")
    parser.add_argument("--lines", action="store_true", help="time run_batch_lines (JSON lines) instead of run_batch")
    parser.add_argument("--every", type=int, default=0, help="keep every K-th record (measure) / evaluate it alone")
    parser.add_argument("--check", action="store_true", help="also digest the records without the engine's name")
    parser.add_argument("--raw-prolog", help="case terms: run the native driver before each repetition")
    parser.add_argument("--raw-options", default="[]")
    parser.add_argument("--raw-asp", help="a JSON spec of group programs: run clingo before each repetition")
    parser.add_argument("--raw-out", help="where the raw run writes its results")
    parser.add_argument("--out")
    parser.add_argument("--out-dir")
    parser.add_argument("--group", type=int, default=500)
    args = parser.parse_args()
    step = {"measure": measure, "alone": alone, "prolog-input": prolog_input, "asp-input": asp_input}[args.step]
    json.dump(step(args), sys.stdout)


if __name__ == "__main__":
    main()
