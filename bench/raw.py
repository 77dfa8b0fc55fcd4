"""The raw baselines: the engines on their own, over the same kb files and facts as the API.

* Prolog: one ``swipl`` process running bench/driver.pl over the case terms
  (written exactly as the API sends them), evaluating each with the same
  isolation and writing the same results; its own timing excludes loading.
* ASP: ``python -m clingo`` over the encoding files and each program the API
  grounds (the same renamed-apart facts, the same groups), printing the
  answer set; clingo's own times are summed (the Python start-up of the
  ``python -m clingo`` wrapper excluded, the process wall-clock reported too).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def prolog(terms: Path, options: str, out: Path) -> dict[str, float]:
    """Wall-clock and CPU seconds of one driver run over ``terms``."""
    proc = subprocess.run(["swipl", str(BENCH / "driver.pl"), str(ROOT / "kb"), str(terms), str(out), options],
                          capture_output=True, text=True, cwd=ROOT, timeout=7200)
    if proc.returncode != 0:
        raise RuntimeError(f"driver.pl failed:\n{proc.stderr[-3000:]}")
    timing = json.loads(proc.stderr.strip().splitlines()[-1])
    return {"wall": timing["wall"], "cpu": timing["cpu"], "load": timing["load"]}


def asp(spec: dict[str, Any], out: Path) -> dict[str, float]:
    """Summed clingo times over the group programs of ``spec`` (the first answer set kept in ``out``)."""
    wall = cpu = process = 0.0
    rest = out.with_suffix(".rest")
    for number, group in enumerate(spec["files"]):
        target = out if number == 0 else rest
        started = time.perf_counter()
        with target.open("w", encoding="utf-8") as handle:
            proc = subprocess.run([sys.executable, "-m", "clingo", *spec["asp_files"], group, "--models=2", "--stats"],
                                  stdout=handle, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=7200)
        process += time.perf_counter() - started
        if proc.returncode not in (0, 10, 30):  # clingo: 10 satisfiable, 30 every model found
            raise RuntimeError(f"clingo failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        text = _tail(target)
        wall += _stat(text, "Time")
        cpu += _stat(text, "CPU Time")
    if rest.exists():
        rest.unlink()
    return {"wall": wall, "cpu": cpu, "process_wall": process}


def _stat(text: str, name: str) -> float:
    found = re.search(rf"^{name}\s*:\s*([0-9.]+)", text, re.M)
    if found is None:
        raise RuntimeError(f"clingo printed no {name!r}")
    return float(found.group(1))


def _tail(path: Path, size: int = 4096) -> str:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - size))
        return handle.read().decode("utf-8", "replace")
