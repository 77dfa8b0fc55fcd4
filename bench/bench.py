"""The benchmark suite: batch evaluation through the API against the raw engines.

    .venv/bin/python bench/bench.py            # full run (1, 100, 10,000 and 100,000 cases)
    .venv/bin/python bench/bench.py --quick    # CI smoke run (small sizes, a minute or two)

Prints a table and writes ``bench/results/bench-<time>.json`` (and
``latest.json``) so that runs can be compared.  See bench/README.md for what
every figure means and how it is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

#: Cases per ASP program, for the API and for the raw clingo runs alike.
ASP_GROUP = 1000


def run_json(*args: str, timeout: float = 3600) -> Any:
    proc = subprocess.run([PYTHON, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# ----------------------------------------------------------------- inputs --
def prepare(workdir: Path, sizes: list[int], seed: int) -> dict[int, Path]:
    """The JSON Lines files of the cases, one per size (prefixes of one seeded stream)."""
    from aigc_kb import KnowledgeBase
    from cases import generate, head, write_jsonl

    largest = max(sizes)
    full = RESULTS / "cache" / f"cases-seed{seed}-{largest}.jsonl"
    if not full.exists():
        full.parent.mkdir(parents=True, exist_ok=True)
        partial = full.with_suffix(".part")
        write_jsonl(generate(seed, largest, KnowledgeBase()), partial)
        partial.rename(full)
    files = {}
    for size in sizes:
        files[size] = workdir / f"cases-{size}.jsonl"
        head(full, files[size], size)
    return files


# -------------------------------------------------------------------- API --
def api(engine: str, cases: Path, repeats: int, every: int, workers: int = 1, cold: bool = False,
        raw: list[str] | None = None) -> dict[str, Any]:
    args = ["bench/api_run.py", "measure", "--engine", engine, "--cases", str(cases), "--repeats", str(repeats),
            "--workers", str(workers), "--every", str(every), *(raw or [])]
    args += ["--cold", "--lines"] if cold else ["--check"]
    return run_json(*args)


def alone(engine: str, cases: Path, every: int) -> dict[int, str]:
    found = run_json("bench/api_run.py", "alone", "--engine", engine, "--cases", str(cases), "--every", str(every))
    return {int(k): v for k, v in found["records"].items()}


def raw_inputs(engine: str, cases: Path, workdir: Path) -> tuple[list[str], Path]:
    """The files the raw engine reads (written by the API's own code) and the arguments that run it."""
    out = workdir / f"{cases.stem}.{engine}-raw.out"
    if engine == "prolog":
        terms = workdir / f"{cases.stem}.pl"
        options = run_json("bench/api_run.py", "prolog-input", "--cases", str(cases), "--out", str(terms))["options"]
        return ["--raw-prolog", str(terms), "--raw-options", options, "--raw-out", str(out)], out
    groups = workdir / f"{cases.stem}.asp"
    spec = run_json("bench/api_run.py", "asp-input", "--cases", str(cases), "--out-dir", str(groups),
                    "--group", str(ASP_GROUP))
    spec_file = workdir / f"{cases.stem}.asp.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    return ["--raw-asp", str(spec_file), "--raw-out", str(out)], out


# ---------------------------------------------------------------- checks --
def raw_prolog_agrees(cases: Path, out: str, sample: dict[int, str]) -> bool:
    """The driver's results, turned into records, equal the API's sampled records."""
    from aigc_kb import KnowledgeBase
    from aigc_kb.batch.record import evaluation_record
    from cases import read_cases

    kb = KnowledgeBase()
    arity = {name: spec.arity for name, spec in kb.vocab.outputs.items()}
    wanted = set(sample)
    lines = {}
    with open(out, encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if index in wanted:
                lines[index] = json.loads(line)
    case_list = read_cases(cases, kb)
    for index, text in sample.items():
        case_id, flat = lines[index]
        rows, position = [], 0
        while position < len(flat):
            pred = flat[position]
            stop = position + 1 + arity[pred]
            rows.append((pred, tuple(flat[position + 1:stop]),
                         tuple(sorted(d.upper() for d in flat[stop].split()))))
            position = stop + 1
        case = case_list[case_id]
        record = evaluation_record(kb.vocab, case, "prolog", kb.resolve(case), rows)
        if json.dumps(record, ensure_ascii=False) != text:
            return False
    return True


def raw_asp_agrees(cases: Path, out: str, sample: dict[int, str]) -> bool:
    """The shown atoms clingo printed for the first program, split by case, equal the API's records."""
    from aigc_kb import KnowledgeBase
    from aigc_kb.batch.asp import AspBatch
    from aigc_kb.batch.record import evaluation_record
    from cases import read_cases

    kb = KnowledgeBase()
    batch = AspBatch(kb)
    case_list = read_cases(cases, kb)[:ASP_GROUP]
    pairs = [(case, kb.resolve(case)) for case in case_list]
    programs, _ = batch.group_programs(pairs)
    lines = Path(out).read_text(encoding="utf-8").splitlines()
    marks = [i for i, line in enumerate(lines) if line.startswith("Answer: 1")]
    if len(marks) != 1:
        return False
    answer = lines[marks[0] + 1].split()
    rows = batch._decode_texts(answer, programs[0])  # noqa: SLF001 - the API's own splitting
    if rows is None:
        return False
    for index, text in sample.items():
        if index < len(pairs):
            record = evaluation_record(kb.vocab, pairs[index][0], "asp", pairs[index][1], rows.get(index, []))
            if json.dumps(record, ensure_ascii=False) != text:
                return False
    return True


# ------------------------------------------------------------- cold start --
def cold_start(runs: int) -> dict[str, Any]:
    """``aigc-kb evaluate`` on one case in a fresh process, wall-clock seconds."""
    case = str(ROOT / "cases" / "real_ultraman.yaml")
    if not Path(case).exists():
        case = str(sorted((ROOT / "cases").glob("*.yaml"))[0])
    cli = str(Path(PYTHON).parent / "aigc-kb")
    out: dict[str, Any] = {"case": case}
    for engine in ("prolog", "asp"):
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            proc = subprocess.run([cli, "evaluate", case, "--engine", engine, "--format", "json"],
                                  capture_output=True, text=True, cwd=ROOT)
            times.append(time.perf_counter() - started)
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr[-2000:])
        out[engine] = {"runs": times, "median": median(times)}
    probe = ("import time; t0 = time.perf_counter(); import aigc_kb; t1 = time.perf_counter(); "
             "kb = aigc_kb.KnowledgeBase(); t2 = time.perf_counter(); case = kb.load_case(%r); "
             "t3 = time.perf_counter(); kb.engine('prolog'); t4 = time.perf_counter(); kb.evaluate(case); "
             "t5 = time.perf_counter(); print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)") % case
    parts = []
    for _ in range(runs):
        proc = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, cwd=ROOT)
        parts.append([float(x) for x in proc.stdout.split()])
    # Imports are lazy: each step includes the modules it is the first to need.
    names = ("import aigc_kb", "KnowledgeBase() (+ vocabulary, loader)", "load_case",
             "Prolog engine load (+ pyswip)", "evaluate")
    out["breakdown"] = {name: median([p[i] for p in parts]) for i, name in enumerate(names)}
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", "pass"], cwd=ROOT)
    out["bare_python"] = time.perf_counter() - started
    return out


# ------------------------------------------------------------------- main --
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes: a CI smoke run")
    parser.add_argument("--sizes", help="comma-separated case counts (default 1,100,10000,100000; quick 1,100,1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engines", default="prolog,asp")
    parser.add_argument("--skip", default="",
                        help="comma-separated parts to skip: batch (every size), raw, alone, workers, cold, enumeration")
    args = parser.parse_args()
    sizes = [int(s) for s in (args.sizes or ("1,100,1000" if args.quick else "1,100,10000,100000")).split(",")]
    engines = args.engines.split(",")
    skip = set(filter(None, args.skip.split(",")))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    workdir = RESULTS / f"work-{stamp}"
    workdir.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    report: dict[str, Any] = {
        "when": stamp, "quick": args.quick, "seed": args.seed, "sizes": sizes,
        "machine": {"cores": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_average": os.getloadavg()},
        "batch": [], "workers": {}, "cold_start": None, "enumeration": None,
    }
    files = prepare(workdir, sizes, args.seed)
    largest = max(sizes)
    for engine in (engines if "batch" not in skip else []):
        for size in sizes:
            repeats = 1 if size >= 100_000 else (3 if size >= 10_000 or args.quick else 5)
            every = max(1, size // (100 if engine == "asp" else 1000))
            entry: dict[str, Any] = {"engine": engine, "n": size}
            raw_args, raw_out = raw_inputs(engine, files[size], workdir) if "raw" not in skip else ([], None)
            found = api(engine, files[size], repeats, every, raw=raw_args)
            entry["api"] = {k: found.get(k) for k in ("wall", "cpu", "dumps", "first", "peak_mb", "grounder_peak_mb",
                                                      "ok", "with_liability", "digest", "engine_free_digest")}
            sample = {int(k): v for k, v in found["sample"].items()}
            if raw_out is not None:
                entry["raw"] = {"wall": [r["wall"] for r in found["raw"]], "cpu": [r["cpu"] for r in found["raw"]],
                                "runs": found["raw"]}
                agrees = raw_prolog_agrees if engine == "prolog" else raw_asp_agrees
                entry["raw_agrees"] = agrees(files[size], str(raw_out), sample)
            if "alone" not in skip:
                reference = alone(engine, files[size], every)
                entry["alone_checked"] = len(reference)
                entry["identical_to_alone"] = all(sample.get(i) == text for i, text in reference.items())
            report["batch"].append(entry)
            print(f"  {engine} {size}: done ({time.perf_counter() - began:.0f} s)", file=sys.stderr, flush=True)
    for size in sizes:  # both engines give the same records for every case
        digests = [e["api"]["engine_free_digest"] for e in report["batch"] if e["n"] == size]
        if len(digests) > 1:
            report.setdefault("engines_agree", {})[size] = len(set(digests)) == 1
    if "workers" not in skip:
        size = 1000 if args.quick else 10_000
        cases = files.get(size) or files[largest]
        for engine in engines:
            one = api(engine, cases, 1, 0, workers=1, cold=True)
            two = api(engine, cases, 1, 0, workers=2, cold=True)
            steady = [(r["n"] - r["n"] // 10) / (r["wall"][0] - r["tenth"][0]) for r in (one, two)]
            report["workers"][engine] = {"n": one["n"], "one": one["wall"][0], "two": two["wall"][0],
                                        "speedup": one["wall"][0] / two["wall"][0],
                                        "steady_rates": steady, "steady_speedup": steady[1] / steady[0],
                                        "same_records": one["digest"] == two["digest"],
                                        "two_children_peak_mb": two["children_peak_mb"]}
            print(f"  workers {engine}: done ({time.perf_counter() - began:.0f} s)", file=sys.stderr, flush=True)
    if "cold" not in skip:
        report["cold_start"] = cold_start(3 if args.quick else 7)
    if "enumeration" not in skip:
        counts = "10,20" if args.quick else "10,20,30,40"
        report["enumeration"] = run_json("bench/enumeration.py", "--unknowns", counts, "--plain-up-to", "20",
                                         "--seed", str(args.seed), "--seconds", "60")
    report["seconds"] = time.perf_counter() - began
    report["load_average_after"] = os.getloadavg()
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(render(report))
    _cleanup(workdir)
    return 0


def _cleanup(workdir: Path) -> None:
    for path in sorted(workdir.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    workdir.rmdir()


# ------------------------------------------------------------------ table --
def _peak(api: dict[str, Any]) -> str:
    """The API process's peak resident memory, plus the grounding child's for ASP."""
    if api.get("grounder_peak_mb"):
        return f"{api['peak_mb']:.0f}+{api['grounder_peak_mb']:.0f}"
    return f"{api['peak_mb']:.0f}"


def render(report: dict[str, Any]) -> str:
    """The report as a table."""
    lines = [f"aigc-kb benchmark {report['when']}: {report['machine']['cores']} cores, "
             f"load average {report['machine']['load_average'][0]:.2f} before, "
             f"{report['load_average_after'][0]:.2f} after, {report['seconds']:.0f} s",
             "",
             f"{'engine':7} {'cases':>7} | {'API/s':>7} {'us/case':>8} {'cpu us':>7} | {'raw/s':>7} {'us/case':>8} "
             f"{'cpu us':>7} | {'API/raw':>7} {'cpu':>5} {'-json':>5} | {'peak MB':>9} | same",
             "-" * 110]
    for entry in report["batch"]:
        n = entry["n"]
        api_wall, api_cpu = median(entry["api"]["wall"]), median(entry["api"]["cpu"])
        raw = entry.get("raw")
        raw_wall = median(raw["wall"]) if raw else float("nan")
        raw_cpu = median(raw["cpu"]) if raw else float("nan")
        same = [entry.get("identical_to_alone"), entry.get("raw_agrees")]
        records_wall = median([w - d for w, d in zip(entry["api"]["wall"], entry["api"].get("dumps") or [0.0] * 99)])
        lines.append(
            f"{entry['engine']:7} {n:>7} | {n / api_wall:>7.0f} {api_wall / n * 1e6:>8.0f} {api_cpu / n * 1e6:>7.0f} | "
            f"{n / raw_wall:>7.0f} {raw_wall / n * 1e6:>8.0f} {raw_cpu / n * 1e6:>7.0f} | "
            f"{api_wall / raw_wall:>7.2f} {api_cpu / raw_cpu:>5.2f} {records_wall / raw_wall:>5.2f} | "
            f"{_peak(entry['api']):>9} | {'/'.join('yes' if s else ('-' if s is None else 'NO') for s in same)}")
    lines.append("  (API: run_batch over a .jsonl file, records written as JSON text; -json: without writing them;")
    lines.append("   peak MB: the API process, + the child process that grounds ASP programs;")
    lines.append("   same: records equal to one-by-one on a sample / raw engine's results equal the API's)")
    lines.append(f"  engines agree on every record: {report.get('engines_agree')}")
    outcomes = {e['engine']: f"{e['api']['with_liability']}/{e['n']}" for e in report["batch"]
                if e["n"] == max(report["sizes"])}
    lines.append(f"  cases with some liability (largest run): {outcomes}")
    for engine, row in report["workers"].items():
        lines.append(f"workers {engine}: {row['n']} cases, 1 worker {row['one']:.2f} s, 2 workers {row['two']:.2f} s, "
                     f"speed-up {row['speedup']:.2f}x (start-up included; after the first tenth "
                     f"{row['steady_speedup']:.2f}x: {row['steady_rates'][0]:.0f} -> {row['steady_rates'][1]:.0f} "
                     f"cases/s), same records: {row['same_records']}")
    cold = report.get("cold_start")
    if cold:
        lines.append(f"cold start of `aigc-kb evaluate` (median of {len(cold['prolog']['runs'])}): "
                     f"prolog {cold['prolog']['median']:.3f} s, asp {cold['asp']['median']:.3f} s "
                     f"(bare python {cold['bare_python']:.3f} s)")
        lines.append("  " + ", ".join(f"{k} {v:.3f} s" for k, v in cold["breakdown"].items()))
    enum = report.get("enumeration")
    if enum:
        for row in enum["rows"]:
            plain = row["plain"]
            enum_row = row["enumerate"]
            lines.append(
                f"enumeration {row['unknowns']:>2} unknowns: projected {row['projected']['seconds']:.3f} s "
                f"({row['projected']['models']} outcomes)"
                + (f", plain {plain['seconds']:.3f} s ({plain['models']} worlds)" if plain else "")
                + (f", enumerate_outcomes {enum_row['seconds']:.3f} s" if "seconds" in enum_row else "")
                + (f" [{enum_row.get('error') or enum_row.get('skipped')}]" if "outcomes" not in enum_row else ""))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
