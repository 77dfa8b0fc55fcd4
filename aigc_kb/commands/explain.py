"""``aigc-kb explain``: why conclusions hold, or why one does not, citing the paper."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..core.errors import InputError
from ..core.reading import COMMAND_LINE
from ._common import CASE_HELP, EXIT_OK, add_cite_argument, add_lang_argument, json_lang, text_lang, add_reading_arguments, case_path, parse_assignments

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

NAME = "explain"
HELP = "justification trees for a case's conclusions, or why a conclusion does not hold"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ("time", "stack_mb")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="CASE", help=CASE_HELP)
    add_reading_arguments(parser)
    parser.add_argument("--assume", action="append", default=[], metavar="FACT=true|false",
                        help="fix an input fact, e.g. provider(acme,gen)=true (repeatable)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--query", metavar="CONCLUSION",
                       help="explain the conclusions matching an output atom, e.g. liable(acme,_,_,_) "
                            "(default: every liability, defence and ownership conclusion)")
    which.add_argument("--why-not", dest="why_not", metavar="CONCLUSION",
                       help="why no conclusion matches an output atom: each rule that could conclude it "
                            "and the first condition that failed")
    parser.add_argument("--depth", type=int, metavar="N",
                        help="levels of 'why not' to go into (default 3 for --why-not, 1 inside proofs)")
    add_cite_argument(parser)
    add_lang_argument(parser)
    parser.add_argument("--format", choices=["text", "json", "dot", "markdown", "svg"], default="text",
                        help="text (default), json, markdown, dot (a Graphviz graph), or svg (the graph drawn by\n                             Graphviz's dot, which must be installed)")


def run(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from ..explain.render import RENDERERS
    from ..explain.trees import DEFAULT_PREDICATES, NEGATION_DEPTH, WHY_NOT_DEPTH, assume, explain, parse_assumption
    from ..patterns import Pattern, parse_conclusion

    case = kb.load_case(case_path(args.case))
    positions = parse_assignments(args.set)
    assumptions = [parse_assumption(item, case, kb.vocab) for item in args.assume]
    world = assume(case, assumptions, kb.vocab)
    reading = kb.resolve(world, args.regime, positions)
    if args.depth is not None and args.depth < 0:
        raise InputError.single(COMMAND_LINE, None, f"--depth {args.depth}: expected 0 or more")
    if args.why_not is not None:
        requests = [("why_not", parse_conclusion(args.why_not, world, kb.vocab, "--why-not"))]
        depth = WHY_NOT_DEPTH if args.depth is None else args.depth
    else:
        if args.query is not None:
            requests = [("explain", parse_conclusion(args.query, world, kb.vocab, "--query"))]
        else:
            requests = [("explain", Pattern.any_of(pred, kb.vocab)) for pred in DEFAULT_PREDICATES]
        depth = NEGATION_DEPTH if args.depth is None else args.depth
    if args.format == "svg":
        graphviz = dot_program()  # before any work: a missing dot is reported at once
    result = explain(kb, world, reading, requests, why_depth=depth, assumed=assumptions)
    if args.cite == "full":
        from ..explain.trees import with_law

        result = with_law(result, kb.vocab, kb.paper)
    from ..core.lang import case_names, entity_kinds
    from ..explain.localize import localize

    lang = json_lang(args) if args.format == "json" else text_lang(args)
    result = localize(result, lang, kb.vocab, names=case_names(case.path), kb_dir=kb.paths.root,
                      kinds=entity_kinds(world.facts))
    if args.format == "svg":
        sys.stdout.write(draw_svg(graphviz, RENDERERS["dot"](result)))
    else:
        sys.stdout.write(RENDERERS[args.format](result))
    return EXIT_OK


def dot_program() -> str:
    """The path of Graphviz's ``dot``; :class:`MissingDependency` naming the package when it is not installed."""
    import shutil

    from ..core.errors import MissingDependency

    found = shutil.which("dot")
    if found is None:
        raise MissingDependency("--format svg needs Graphviz's `dot`, which is not installed: install Graphviz "
                                "(Debian: apt-get install graphviz), or use --format dot")
    return found


def draw_svg(dot: str, graph: str) -> str:
    """``graph`` (Graphviz DOT) drawn as SVG by the program ``dot``."""
    import subprocess

    from ..core.errors import AigcError

    proc = subprocess.run([dot, "-Tsvg"], input=graph, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise AigcError(f"Graphviz's dot failed: {' '.join(proc.stderr.split())[:300]}")
    return proc.stdout
