"""``aigc-kb diff``: what an edit of the knowledge base changed.

Compares the knowledge base (``--kb DIR``, default the bundled or working
tree's ``kb/``) with a base: another directory (``--base DIR``) or ``kb/`` at
a git revision (``--base-rev REV``, checked out into a temporary directory,
the work tree untouched).  Every case (default: the bundled cases) is
evaluated under each reading it declares (optionally also under every regime
and every choice-point position) on both engines, and for each case and
reading the conclusions gained and lost are listed, each with its
explanation from the knowledge base that draws it.  ``--worlds N`` also
compares on N generated worlds and shrinks each difference to a small case
file (``--out DIR``).

Exit 0 when nothing differs (nothing is printed in text mode), 1 when
something does, 2 on bad input or a knowledge base that does not load, or
when an evaluation failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import InputError
from ..core.reading import COMMAND_LINE
from ._common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, add_lang_argument, default_cases, text_lang

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "diff"
HELP = "what an edit changed: conclusions gained and lost against a base kb or a git revision"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    base = parser.add_mutually_exclusive_group(required=True)
    base.add_argument("--base", metavar="DIR", help="the knowledge base before the edit (a kb/ directory)")
    base.add_argument("--base-rev", metavar="REV",
                      help="the kb/ directory at a git revision (e.g. HEAD, main~2), compared with --kb "
                           "or the working tree's kb/")
    parser.add_argument("--cases", nargs="+", action="extend", default=[], metavar="CASE",
                        help="case files or directories of them (default: every case in cases/)")
    parser.add_argument("--no-cases", action="store_true",
                        help="compare on no case file (only on generated worlds, with --worlds)")
    parser.add_argument("--engine", choices=["prolog", "asp", "both"], default="both",
                        help="the engine(s) whose conclusions are compared (default both)")
    parser.add_argument("--every-regime", action="store_true",
                        help="also each declared reading under every other regime")
    parser.add_argument("--every-position", action="store_true",
                        help="also each declared reading with each choice point at each other position, "
                             "one at a time")
    parser.add_argument("--worlds", type=int, default=0, metavar="N",
                        help="also compare on N generated worlds (each under the default reading and a "
                             "random one) and shrink each kind of difference to a small case")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="the seed of the worlds (default 0)")
    parser.add_argument("--out", metavar="DIR", help="write the shrunk worlds there as case files")
    parser.add_argument("--no-explain", dest="explain", action="store_false",
                        help="list the changed conclusions without their explanations")
    parser.add_argument("--format", choices=["text", "json", "markdown"], default="text",
                        help="text (default; nothing when nothing differs), json, or a Markdown report")
    add_lang_argument(parser)


def _case_files(args: argparse.Namespace) -> list[Path]:
    if args.no_cases:
        if args.cases:
            raise InputError.single(COMMAND_LINE, None, "--no-cases and --cases exclude each other")
        return []
    files: list[Path] = []
    here = Path.cwd()
    for arg in args.cases or [str(p.relative_to(here) if p.is_relative_to(here) else p) for p in default_cases()]:
        path = Path(arg)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() in (".yaml", ".yml", ".json", ".pl", ".lp")))
        else:
            files.append(path)
    return files


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from contextlib import ExitStack

    from ..devtools.diff import diff_kbs, kb_at_revision
    from ..devtools.diff_render import report_markdown, report_text

    if args.worlds < 0:
        raise InputError.single(COMMAND_LINE, None, "--worlds must be 0 or more")
    if args.out is not None and not args.worlds:
        raise InputError.single(COMMAND_LINE, None, "--out goes with --worlds N")
    if args.no_cases and not args.worlds:
        raise InputError.single(COMMAND_LINE, None, "--no-cases leaves nothing to compare without --worlds N")
    cases = [kb.load_case(path) for path in _case_files(args)]  # all validated before anything runs
    engines = ("prolog", "asp") if args.engine == "both" else (args.engine,)
    with ExitStack() as stack:
        if args.base_rev is not None:
            base = stack.enter_context(kb_at_revision(kb.paths.root, args.base_rev))
            label = f"{args.base_rev}:{base.name}"
        else:
            base = Path(args.base)
            if not base.is_dir():
                raise InputError.single(COMMAND_LINE, None, f"--base {args.base}: no such knowledge-base directory")
            label = str(base)
        report = diff_kbs(base.resolve(), kb.paths.root, kb.vocab, cases, limits=kb.limits, engines=engines,
                          every_regime=args.every_regime, every_position=args.every_position,
                          worlds=args.worlds, seed=args.seed, out=Path(args.out) if args.out else None,
                          explain=args.explain, base_label=label)
    if args.format == "json":
        print(json.dumps(report.to_dict(kb.vocab), indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        sys.stdout.write(report_markdown(report, kb.vocab, args.explain, lang=text_lang(args)))
    elif not report.errors:  # an incomplete comparison is not shown as a result in text
        sys.stdout.write(report_text(report, kb.vocab, args.explain, lang=text_lang(args)))
    if report.errors:
        for error in report.errors:
            message = " ".join(error.message.split())
            print(f"aigc-kb: {error.subject.source}: [{error.subject.reading.name}: {error.side} knowledge base, "
                  f"{error.engine}] {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_FAILED if report.differs else EXIT_OK
