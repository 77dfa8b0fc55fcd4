"""Platform-scale cases: one case with K users and outputs, through the API and on the raw engines.

    .venv/bin/python bench/platform_scale.py                      # K = 1,000, 10,000, 100,000
    .venv/bin/python bench/platform_scale.py --sizes 1000,3000 --engines prolog

For each K a case is generated in a child process (``aigc-kb generate
--platform K``: one provider and developer, K users each requesting one
output, K/10 works with their holders, half the outputs substantially similar
and a fifth highly similar to a work, 30% of prompts naming the work, 20% of
outputs made available, 10% noticed) and measured, each run in its own
process so that its peak memory is its own (GNU ``time``):

* **API**: ``KnowledgeBase().load_case`` (read and validate), the engine call
  (``evaluate_reading``), decoding into the JSON form (``as_dict``) and
  writing the JSON text, timed stage by stage under the default limits.
* **raw Prolog**: ``swipl`` running ``evaluate_file/2`` of ``kb/prolog/aigc.pl``
  on the facts that ``aigc-kb export --to pl`` writes.
* **raw ASP**: ``python -m clingo`` on the encoding and the facts that
  ``aigc-kb export --to lp`` writes (clingo's own time and the process's).

Prints a table with the ratios API/raw and time(K)/time(K/10), and writes
``bench/results/platform-<time>.json`` and ``platform-latest.json``.  A run
that fails or passes ``--timeout`` seconds is reported as such, with its
message.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
AIGC_KB = [sys.executable, "-m", "aigc_kb"]

#: The API run, in a child: stage times (seconds) as one JSON line on stdout.
API_CHILD = r"""
import json, sys, time
started = time.perf_counter()
from aigc_kb import KnowledgeBase
kb = KnowledgeBase()
ready = time.perf_counter()
case = kb.load_case(sys.argv[1])
loaded = time.perf_counter()
evaluation = kb.evaluate_reading(case, kb.resolve(case), engine=sys.argv[2])
evaluated = time.perf_counter()
result = evaluation.as_dict(kb.vocab)
decoded = time.perf_counter()
text = json.dumps(result, ensure_ascii=False)
rendered = time.perf_counter()
print(json.dumps({"start": ready - started, "load": loaded - ready, "engine": evaluated - loaded,
                  "decode": decoded - evaluated, "render": rendered - decoded, "bytes": len(text),
                  "conclusions": sum(len(v) for v in result.values() if isinstance(v, list))}))
"""


def _timed(command: list[str], timeout: float, stdout: Any = subprocess.PIPE) -> dict[str, Any]:
    """Run ``command`` under GNU time: wall seconds, peak MB, exit status, output."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        started = time.perf_counter()
        try:
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *command], cwd=ROOT,
                                  stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"ok": False, "wall": time.perf_counter() - started, "error": f"timeout after {timeout:.0f} s"}
        wall = time.perf_counter() - started
        peak = report.read().strip().splitlines()
    out: dict[str, Any] = {"ok": proc.returncode == 0, "wall": wall,
                           "peak_mb": int(peak[-1]) / 1024 if peak and peak[-1].isdigit() else None,
                           "stdout": proc.stdout if stdout is subprocess.PIPE else None}
    if proc.returncode != 0:
        out["error"] = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1][:300]
    return out


def _case(k: int, seed: int, work: Path) -> Path:
    out = work / f"k{k}"
    proc = subprocess.run([*AIGC_KB, "generate", "--platform", str(k), "--seed", str(seed), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"generate --platform {k} failed: {proc.stderr}")
    (path,) = out.glob("*.yaml")
    return path


def _export(case: Path, to: str) -> Path:
    target = case.with_suffix(f".{to}")
    with target.open("w", encoding="utf-8") as handle:
        subprocess.run([*AIGC_KB, "export", str(case), "--to", to], cwd=ROOT, stdout=handle, check=True)
    return target


def api(case: Path, engine: str, timeout: float) -> dict[str, Any]:
    run = _timed([sys.executable, "-c", API_CHILD, str(case), engine], timeout)
    if run["ok"]:
        run.update(json.loads(run.pop("stdout").strip().splitlines()[-1]))
        run["total"] = run["load"] + run["engine"] + run["decode"] + run["render"]
    else:
        run.pop("stdout", None)
    return run


def raw_prolog(case: Path, timeout: float) -> dict[str, Any]:
    facts = _export(case, "pl")
    goal = f"evaluate_file({_prolog_quote(str(facts))}, [])"
    run = _timed(["swipl", "-g", goal, "-t", "halt", str(ROOT / "kb" / "prolog" / "aigc.pl")], timeout,
                 stdout=subprocess.DEVNULL)
    run["total"] = run["wall"]
    return run


def raw_asp(case: Path, timeout: float) -> dict[str, Any]:
    facts = _export(case, "lp")
    files = sorted(str(p) for p in (ROOT / "kb" / "asp").glob("*.lp"))
    run = _timed([sys.executable, "-m", "clingo", *files, str(facts), "--stats", "--outf=0"], timeout)
    if run.get("stdout"):
        found = re.search(r"^Time\s*:\s*([0-9.]+)", run["stdout"], re.M)
        run["clingo_time"] = float(found.group(1)) if found else None
        run["ok"] = "SATISFIABLE" in run["stdout"]
    run.pop("stdout", None)
    run["total"] = run["wall"]
    return run


def _prolog_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _cell(run: dict[str, Any] | None) -> str:
    if run is None:
        return "-"
    if not run.get("ok"):
        return f"failed ({run.get('error', '?')[:40]})"
    peak = f", {run['peak_mb']:.0f} MB" if run.get("peak_mb") else ""
    return f"{run['total']:.2f} s{peak}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="values of K, comma-separated")
    parser.add_argument("--engines", default="prolog,asp")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per run (default 900)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = args.engines.split(",")
    load = os.getloadavg()[0]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="aigc-platform-") as tmp:
        for k in sizes:
            case = _case(k, args.seed, Path(tmp))
            for engine in engines:
                raw = raw_prolog(case, args.timeout) if engine == "prolog" else raw_asp(case, args.timeout)
                through = api(case, engine, args.timeout)
                rows.append({"k": k, "engine": engine, "bytes": case.stat().st_size, "api": through, "raw": raw})
                print(f"  K={k} {engine}: api {_cell(through)}; raw {_cell(raw)}", file=sys.stderr, flush=True)
    print(f"platform-scale cases: {os.cpu_count()} cores, load average {load:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after\n")
    header = (f"{'engine':<7} {'K':>7} {'MB':>6} | {'API':>22} {'load':>6} {'engine':>7} {'decode':>6} "
              f"{'render':>6} | {'raw':>22} | {'API/raw':>7} {'x K/10':>7}")
    print(header)
    print("-" * len(header))
    for row in rows:
        a, r = row["api"], row["raw"]
        ratio = f"{a['total'] / r['total']:.2f}" if a.get("ok") and r.get("ok") else "-"
        smaller = next((x for x in rows if x["engine"] == row["engine"] and x["k"] * 10 == row["k"]), None)
        growth = (f"{a['total'] / smaller['api']['total']:.1f}"
                  if smaller and a.get("ok") and smaller["api"].get("ok") else "-")
        stages = (f"{a['load']:>6.2f} {a['engine']:>7.2f} {a['decode']:>6.2f} {a['render']:>6.2f}" if a.get("ok")
                  else f"{'':>6} {'':>7} {'':>6} {'':>6}")
        print(f"{row['engine']:<7} {row['k']:>7} {row['bytes'] / 1e6:>6.1f} | {_cell(a):>22} {stages} | "
              f"{_cell(r):>22} | {ratio:>7} {growth:>7}")
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = json.dumps({"when": stamp, "load_before": load, "rows": rows}, indent=2)
    (RESULTS / f"platform-{stamp}.json").write_text(text)
    (RESULTS / "platform-latest.json").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
