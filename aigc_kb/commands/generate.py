"""``aigc-kb generate``: write generated worlds as case files.

Random worlds from a seed (``--seed``, ``--count``, sizes), every world of
a doctrine area (``--area``), or one platform-scale case (``--platform K``: one
provider, K users each requesting one output, K/10 works).  One case goes to standard output; several need
``--out DIR`` and are written there as ``<id>.yaml``.  The files carry no
expectations: ``aigc-kb check`` on them compares the two engines (an area's
worlds under each reading the area's rules read).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import InputError
from ._common import EXIT_OK

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase
    from ..core.model import Reading

NAME = "generate"
HELP = "write generated worlds (random or every world of a doctrine area) as case files"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=0, help="seed of the first random world (default 0)")
    parser.add_argument("--count", type=int, default=1, help="how many random worlds, seeds SEED, SEED+1, …")
    parser.add_argument("--area", metavar="NAME", help="every world of a doctrine area, or of an issue-13 area "
                                                      "(fix_*), instead (see --list-areas)")
    parser.add_argument("--list-areas", action="store_true", help="list the doctrine areas and their sizes")
    parser.add_argument("--platform", type=int, metavar="K",
                        help="one platform-scale case instead: a provider, K users each requesting one output")
    for option, default, what in (("works-per-user", 0.1, "works (each with its holder) per user"),
                                  ("similar", 0.5, "share of outputs substantially similar to a work"),
                                  ("highly-similar", 0.2, "share of outputs highly similar to it"),
                                  ("names-work", 0.3, "share of prompts naming the work"),
                                  ("made-available", 0.2, "share of outputs their user makes available"),
                                  ("noticed", 0.1, "share of outputs the provider was notified of")):
        parser.add_argument(f"--{option}", type=float, default=default, metavar="P",
                            help=f"--platform: {what} (default {default})")
    parser.add_argument("--out", metavar="DIR", help="write one <id>.yaml per world into DIR")
    for option, default in (("parties", 4), ("systems", 2), ("works", 2), ("outputs", 3), ("models", 1),
                            ("facts", 16)):
        parser.add_argument(f"--{option}", type=int, default=default, metavar="N",
                            help=f"random worlds: number of {option} (default {default})"
                            if option != "facts" else f"random worlds: at most N extra facts (default {default})")


def _usage(message: str) -> InputError:
    return InputError.single("<command line>", None, message)


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..devtools.generate import AREAS, FIX_AREAS, PlatformShape, WorldSize, area, case_to_yaml, platform_case, random_case

    if args.list_areas:
        for item in AREAS + FIX_AREAS:
            print(f"{item.name:<21} {len(item.candidates):>2} facts {item.world_count(kb.vocab):>5} worlds "
                  f"{len(item.readings)} reading(s)  {', '.join(item.doctrines)}: {item.title}")
        return EXIT_OK
    sizes = {k: getattr(args, k) for k in ("parties", "systems", "works", "outputs", "models", "facts")}
    problems = [f"--{k} must be at least {0 if k in ('facts', 'models') else 1}" for k, v in sizes.items()
                if v < (0 if k in ("facts", "models") else 1)]
    if args.count < 1:
        problems.append("--count must be at least 1")
    if problems:
        raise InputError([_usage(p).problems[0] for p in problems])
    readings: tuple[Reading, ...] = ()
    if args.platform is not None:
        shape = PlatformShape(args.platform, args.works_per_user, args.similar, args.highly_similar,
                              args.names_work, args.made_available, args.noticed)
        if shape.problems():
            raise InputError([_usage(f"--platform: {p}").problems[0] for p in shape.problems()])
        worlds = [platform_case(shape, args.seed)]
    elif args.area is not None:
        try:
            chosen = area(args.area)
        except KeyError as err:
            raise _usage(str(err.args[0])) from None
        worlds = list(chosen.worlds(kb.vocab))
        readings = chosen.readings
    else:
        size = WorldSize(**sizes)
        worlds = [random_case(seed, size, vocab=kb.vocab) for seed in range(args.seed, args.seed + args.count)]
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
