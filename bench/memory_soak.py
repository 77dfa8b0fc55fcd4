"""Resident memory over many sequential evaluations (issue: isolation and memory).

Usage: python bench/memory_soak.py [N] [--engine prolog|asp]

Cycles through the bundled cases, evaluating N of them one after another,
and prints the resident set size after the first 10 % and at the end.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from aigc_kb import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--engine", choices=["prolog", "asp"], default="prolog")
    args = parser.parse_args()
    kb = KnowledgeBase()
    cases = [c for c in (kb.load_case(p) for p in sorted((ROOT / "cases").glob("*.yaml")))
             if "open" not in dict(c.positions).values()]
    warm = max(1, args.n // 10)
    start = time.perf_counter()
    for i in range(args.n):
        kb.evaluate(cases[i % len(cases)], engine=args.engine)
        if i + 1 == warm:
            after_warm = rss_mb()
    elapsed = time.perf_counter() - start
    end = rss_mb()
    print(f"{args.engine}: {args.n} evaluations in {elapsed:.1f} s; RSS after {warm}: {after_warm:.1f} MiB, "
          f"after {args.n}: {end:.1f} MiB (growth {end - after_warm:+.1f} MiB)")


if __name__ == "__main__":
    main()
