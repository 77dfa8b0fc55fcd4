"""The ``aigc-kb`` command line.

Every subcommand is a module of :mod:`aigc_kb.commands`. Exit codes: 0
success; 1 an expectation or agreement failed; 2 bad input or usage (2 wins).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import sys
from types import ModuleType
from typing import Any, Sequence

from . import commands as commands_package
from .commands import command_modules
from .commands._common import EXIT_BAD_INPUT
from .core.errors import AigcError, InputError, KbError
from .engines.limits import Limits

#: The exit code when standard output is closed early (128 + SIGPIPE, as a shell reports it).
EXIT_BROKEN_PIPE = 141


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # usage errors exit 2, one line
        self.print_usage(sys.stderr)
        print(f"aigc-kb: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser(command: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, Any]]:
    """The argument parser and the command module of each subcommand it can run.

    With ``command`` naming a subcommand, only that subcommand's module is
    imported and only its arguments are added (some commands' arguments need
    modules that take time to import); the others are still listed, so that
    usage lines are the same.  Otherwise every command module is imported.
    """
    parser = _Parser(prog="aigc-kb",
                     description="Who is liable when AI-generated content infringes copyright, and why.",
                     epilog="`aigc-kb COMMAND --help` describes a command; `aigc-kb cases` lists the bundled "
                            "example cases.")
    parser.add_argument("--version", action="version", version=f"aigc-kb {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")
    names = _command_names()
    chosen = _command_module(command) if command in names else None
    if chosen is not None:
        for name in names:
            if name == chosen.NAME:
                _add_arguments(sub.add_parser(name, help=chosen.HELP, description=plain(chosen.__doc__)), chosen)
            else:
                sub.add_parser(name)
        return parser, {chosen.NAME: chosen}
    commands = {}
    for module in command_modules():
        _add_arguments(sub.add_parser(module.NAME, help=module.HELP, description=plain(module.__doc__)), module)
        commands[module.NAME] = module
    return parser, commands


def _version() -> str:
    """The installed distribution's version (the source tree's when it is not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("aigc-kb")
    except PackageNotFoundError:
        return "unknown (not installed)"


#: reST markup of docstrings: ``literal`` and :role:`target`.
_REST = re.compile(r"``(.+?)``|:[a-z]+:`~?(.+?)`")


def plain(text: str | None) -> str | None:
    """A docstring as help text: without reST markup (``x`` and :func:`x` read x)."""
    if text is None:
        return None
    return _REST.sub(lambda m: m.group(1) or m.group(2), text)


#: The limit options, by the :class:`Limits` field each sets.
_LIMIT_FIELDS = ("time", "stack_mb", "models")


def _command_names() -> list[str]:
    """The name of every command, in the order of :func:`command_modules`, without importing them.

    A command module is named after its command, ``-`` written ``_``.
    """
    return [info.name.replace("_", "-") for info in sorted(pkgutil.iter_modules(commands_package.__path__),
                                                           key=lambda i: i.name)
            if not info.name.startswith("_")]


def _command_module(command: str) -> ModuleType | None:
    """The module of the subcommand ``command`` (one of :func:`_command_names`), or ``None`` if it is none."""
    module = importlib.import_module(f"{commands_package.__name__}.{command.replace('-', '_')}")
    if getattr(module, "NAME", None) != command or not hasattr(module, "run"):
        return None
    return module


def _add_arguments(command: argparse.ArgumentParser, module: Any) -> None:
    """The command's own arguments, then ``--kb`` and the limits the command's work is bounded by.

    A command module names those in ``LIMITS`` (fields of :class:`Limits`:
    ``time``, ``stack_mb``, ``models``); one that does not takes them all.
    """
    module.add_arguments(command)
    command.add_argument("--kb", metavar="DIR", help="use an edited copy of kb/ (default: the bundled kb)")
    fields = getattr(module, "LIMITS", _LIMIT_FIELDS)
    if not fields:
        return
    limits = command.add_argument_group("limits")
    if "time" in fields:
        limits.add_argument("--time-limit", type=float, default=Limits.time, metavar="SECONDS",
                            help=f"per Prolog query and per ASP grounding and solving (per 100,000 facts of the case), per case "
                                 f"file read (per 2 MiB of it), and "
                                 f"for loading an edited --kb (default {Limits.time:g})")
    if "stack_mb" in fields:
        limits.add_argument("--stack-limit", type=int, default=Limits.stack_mb, metavar="MB",
                            help=f"SWI-Prolog stack limit (default {Limits.stack_mb})")
    if "models" in fields:
        limits.add_argument("--model-limit", type=int, default=Limits.models, metavar="N",
                            help=f"answer sets one ASP enumeration may produce (default {Limits.models})")
    limits.add_argument("--case-size-limit", type=int, default=Limits.case_bytes // 2**20, metavar="MiB",
                        help=f"largest case file read, in MiB (default {Limits.case_bytes // 2**20})")


def _command_named(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` starts with, or ``None`` when an option (help, or a mistake) comes first."""
    return argv[0] if argv and not argv[0].startswith("-") else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    parser, commands = build_parser(_command_named(words))
    args = parser.parse_args(words)
    try:
        from .api import KnowledgeBase

        limits = Limits(time=getattr(args, "time_limit", Limits.time),
                        stack_mb=getattr(args, "stack_limit", Limits.stack_mb),
                        models=getattr(args, "model_limit", Limits.models),
                        read=getattr(args, "time_limit", Limits.time),
                        case_bytes=getattr(args, "case_size_limit", Limits.case_bytes // 2**20) * 2**20)
        if limits.time <= 0 or limits.stack_mb <= 0 or limits.models <= 0 or limits.case_bytes <= 0:
            raise InputError.single("<command line>", None, "limits must be positive")
        kb = KnowledgeBase(args.kb, limits)
        if args.kb is not None and getattr(commands[args.command], "CHECKS_KB", True):
            from .engines.kb_check import check_kb

            check_kb(kb.paths, kb.limits)  # an edited kb that does not load is refused once, up front
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
        if err.problems:
            for problem in err.problems:
                print(f"aigc-kb: {problem}", file=sys.stderr)
        else:
            print(f"aigc-kb: knowledge base: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except AigcError as err:
        print(f"aigc-kb: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (``aigc-kb evaluate --batch ... | head``): stop quietly, as
        # Unix tools do, and keep the interpreter from failing to flush standard output at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def run() -> None:
    raise SystemExit(main())
