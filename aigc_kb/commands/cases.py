"""``aigc-kb cases``: the bundled example cases (or those of a directory): id, title and source.

The bundled cases ship with the package, so that they are there without a
clone of the project: ``aigc-kb evaluate ID`` and ``aigc-kb check ID`` take
a bundled case by its id, and ``aigc-kb check`` with no CASE checks them all
(when the working directory has no ``cases/`` of its own).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ._common import COMMAND_LINE, EXIT_OK, add_lang_argument, text_lang

NAME = "cases"
HELP = "list the bundled example cases (id, title, source), or the cases of a directory"
#: The limits this command's work is bounded by (see ``cli._add_arguments``).
LIMITS: tuple[str, ...] = ()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", metavar="DIR",
                        help="a directory of case files (default: the bundled example cases)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="text (default) or JSON (a list of {id, title, source, file, tests})")
    add_lang_argument(parser)


def run(kb: Any, args: argparse.Namespace) -> int:
    from ..core.errors import InputError
    from ..core.paths import bundled_cases_dir

    directory = Path(args.directory) if args.directory else bundled_cases_dir()
    if directory is None:
        raise InputError.single(COMMAND_LINE, None, "the bundled cases are not installed; give a DIR of case files")
    if not directory.is_dir():
        raise InputError.single(COMMAND_LINE, None, f"{args.directory}: no such directory")
    rows: list[dict[str, Any]] = []
    problems = []
    for file in sorted(directory.glob("*.yaml")):
        try:
            case = kb.load_case(file)
        except InputError as err:  # every bad file is reported, and nothing is listed
            problems.extend(err.problems)
            continue
        rows.append({"id": case.id, "title": case.title, "source": case.source, "file": str(file),
                     "tests": [f"{d}{sign}" for d, sign in case.tests]})
    if problems:
        raise InputError(problems)
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        from ..core.lang import language

        words = language(text_lang(args))
        print(words.msg("cases_head", n=len(rows), directory=directory))
        print(words.msg("cases_hint"))
        for row in rows:
            print(f"\n{row['id']}\n    {row['title']}\n" + words.msg("cases_source", source=row["source"]))
    return EXIT_OK
