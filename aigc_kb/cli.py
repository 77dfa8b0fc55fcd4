"""The ``aigc-kb`` command line.

Every subcommand is a module of :mod:`aigc_kb.commands`. Exit codes: 0
success; 1 an expectation or agreement failed; 2 bad input or usage (2 wins).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Sequence

from .commands import command_modules
from .commands._common import EXIT_BAD_INPUT
from .errors import AigcError, InputError, KbError
from .limits import Limits


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # usage errors exit 2, one line
        self.print_usage(sys.stderr)
        print(f"aigc-kb: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Any]]:
    """The argument parser and the command module of each subcommand."""
    parser = _Parser(prog="aigc-kb",
                     description="Who is liable when AI-generated content infringes copyright, and why.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands = {}
    for module in command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.__doc__)
        module.add_arguments(command)
        command.add_argument("--kb", metavar="DIR", help="use an edited copy of kb/ (default: the bundled kb)")
        limits = command.add_argument_group("limits")
        limits.add_argument("--time-limit", type=float, default=Limits.time, metavar="SECONDS",
                            help=f"per Prolog query and per ASP grounding and solving (default {Limits.time:g})")
        limits.add_argument("--stack-limit", type=int, default=Limits.stack_mb, metavar="MB",
                            help=f"SWI-Prolog stack limit (default {Limits.stack_mb})")
        limits.add_argument("--model-limit", type=int, default=Limits.models, metavar="N",
                            help=f"answer sets one ASP enumeration may produce (default {Limits.models})")
        commands[module.NAME] = module
    return parser, commands


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    parser, commands = build_parser()
    args = parser.parse_args(argv)
    try:
        from .api import KnowledgeBase

        if args.time_limit <= 0 or args.stack_limit <= 0 or args.model_limit <= 0:
            raise InputError.single("<command line>", None, "limits must be positive")
        kb = KnowledgeBase(args.kb, Limits(time=args.time_limit, stack_mb=args.stack_limit,
                                           models=args.model_limit))
        code: int = commands[args.command].run(kb, args)
        return code
    except InputError as err:
        for problem in err.problems:
            print(f"aigc-kb: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except FileNotFoundError as err:
        print(f"aigc-kb: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KbError as err:
        print(f"aigc-kb: knowledge base: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except AigcError as err:
        print(f"aigc-kb: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT


def run() -> None:
    raise SystemExit(main())
