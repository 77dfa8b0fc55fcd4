"""``aigc-kb generate``: write generated worlds as case files.

Random worlds from a seed (``--seed``, ``--count``, sizes), or every world of
a doctrine area (``--area``).  One case goes to standard output; several need
``--out DIR`` and are written there as ``<id>.yaml``.  The files carry no
expectations: ``aigc-kb check`` on them compares the two engines (an area's
worlds under each reading the area's rules read).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import InputError
from ._common import EXIT_OK

NAME = "generate"
HELP = "write generated worlds (random or every world of a doctrine area) as case files"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=0, help="seed of the first random world (default 0)")
    parser.add_argument("--count", type=int, default=1, help="how many random worlds, seeds SEED, SEED+1, …")
    parser.add_argument("--area", metavar="NAME", help="every world of a doctrine area instead (see --list-areas)")
    parser.add_argument("--list-areas", action="store_true", help="list the doctrine areas and their sizes")
    parser.add_argument("--out", metavar="DIR", help="write one <id>.yaml per world into DIR")
    for option, default in (("parties", 4), ("systems", 2), ("works", 2), ("outputs", 3), ("facts", 16)):
        parser.add_argument(f"--{option}", type=int, default=default, metavar="N",
                            help=f"random worlds: number of {option} (default {default})"
                            if option != "facts" else f"random worlds: at most N extra facts (default {default})")


def _usage(message: str) -> InputError:
    return InputError.single("<command line>", None, message)


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..generate import AREAS, WorldSize, area, case_to_yaml, random_case

    if args.list_areas:
        for item in AREAS:
            print(f"{item.name:<14} {len(item.candidates):>2} facts {item.world_count(kb.vocab):>5} worlds "
                  f"{len(item.readings)} reading(s)  {', '.join(item.doctrines)}: {item.title}")
        return EXIT_OK
    sizes = {k: getattr(args, k) for k in ("parties", "systems", "works", "outputs", "facts")}
    problems = [f"--{k} must be at least {0 if k == 'facts' else 1}" for k, v in sizes.items()
                if v < (0 if k == "facts" else 1)]
    if args.count < 1:
        problems.append("--count must be at least 1")
    if problems:
        raise InputError([_usage(p).problems[0] for p in problems])
    if args.area is not None:
        try:
            chosen = area(args.area)
        except KeyError as err:
            raise _usage(str(err.args[0])) from None
        worlds = list(chosen.worlds(kb.vocab))
        readings = chosen.readings
    else:
        size = WorldSize(**sizes)
        worlds = [random_case(seed, size, vocab=kb.vocab) for seed in range(args.seed, args.seed + args.count)]
        readings = ()
    if args.out is None:
        if len(worlds) > 1:
            raise _usage(f"{len(worlds)} worlds: give --out DIR to write them as files")
        print(case_to_yaml(worlds[0], readings), end="")
        return EXIT_OK
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise _usage(f"--out {args.out}: not a directory")
    out.mkdir(parents=True, exist_ok=True)
    for world in worlds:
        (out / f"{world.id}.yaml").write_text(case_to_yaml(world, readings), encoding="utf-8")
    print(f"wrote {len(worlds)} case file(s) to {out}")
    return EXIT_OK
