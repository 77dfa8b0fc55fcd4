"""Arguments and helpers shared by several commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import InputError

COMMAND_LINE = "<command line>"
#: The help of a CASE argument.
CASE_HELP = "a case file (.yaml, .json, .pl, .lp) or the id of a bundled case (`aigc-kb cases` lists them)"

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def add_cite_argument(parser: argparse.ArgumentParser) -> None:
    """``--cite ids|full``: cite doctrine IDs and sections (default), or show the law beside each step."""
    parser.add_argument("--cite", choices=["ids", "full"], default="ids",
                        help="ids (default): each step cites its doctrine IDs and sections of the paper; full: "
                             "also the doctrines' names and statements and the paper's sentences of the sections "
                             "(kb/paper.yaml); the JSON gains a `law` object")


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    """``--lang en|zh``: the language of the rendering (default: the locale's, Chinese where LC_ALL, LC_MESSAGES
    or LANG asks for it)."""
    parser.add_argument("--lang", choices=["en", "zh"], default=None,
                        help="the language of the text: en (English) or zh (简体中文); default: the locale's "
                             "(zh where LC_ALL, LC_MESSAGES or LANG starts with zh). JSON keys and identifiers "
                             "never change; JSON carries display strings in the language only when --lang is given")


def text_lang(args: argparse.Namespace) -> str:
    """The language of a text rendering: ``--lang``, else the locale's."""
    from ..core.lang import choose

    return choose(getattr(args, "lang", None))


def json_lang(args: argparse.Namespace) -> str:
    """The language of a JSON rendering's display strings: ``--lang`` when given, else English (stable JSON)."""
    return getattr(args, "lang", None) or "en"


def add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    """``--regime`` and repeatable ``--set POINT=POSITION``."""
    parser.add_argument("--regime", help="strict (default), presumed_fault, fault, notice_and_takedown")
    parser.add_argument("--set", action="append", default=[], metavar="POINT=POSITION",
                        help="set a choice point (repeatable)")


def query_names() -> list[str]:
    """The names of the bundled named queries (the files of ``queries/``)."""
    from ..core.paths import default_queries_dir

    try:
        directory = default_queries_dir()
    except FileNotFoundError:
        return []
    return sorted({p.stem for p in directory.iterdir() if p.suffix in (".pl", ".lp")})


def add_engine_argument(parser: argparse.ArgumentParser) -> None:
    """``--engine prolog|asp``."""
    parser.add_argument("--engine", choices=["prolog", "asp"], default="prolog",
                        help="prolog (default; needs SWI-Prolog) or asp (clingo)")


def parse_assignments(items: list[str], option: str = "--set") -> dict[str, str]:
    """``["a=b", ...]`` as a dict; a located usage error otherwise."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InputError.single("<command line>", None, f"{option} {item!r}: expected NAME=VALUE")
        out[key.strip()] = value.strip()
    return out


def default_cases_dir() -> Path | None:
    """The cases a command uses by default: ``./cases``, else the bundled example cases (``None`` if neither)."""
    from ..core.paths import bundled_cases_dir

    here = Path.cwd() / "cases"
    return here if here.is_dir() else bundled_cases_dir()


def default_cases() -> list[Path]:
    """The case files of :func:`default_cases_dir` (empty when there is none)."""
    directory = default_cases_dir()
    return sorted(directory.glob("*.yaml")) if directory is not None else []


def case_path(arg: str) -> Path:
    """The file a CASE argument names: a path, or the id of a bundled example case (``aigc-kb cases``).

    A path that does not exist is returned as it is (loading it reports it);
    an argument that looks like an id (no directory, no suffix) and is no
    bundled case is a located usage error.
    """
    from ..core.paths import bundled_cases_dir

    path = Path(arg)
    if path.exists() or path.suffix or len(path.parts) != 1:
        return path
    bundled = bundled_cases_dir()
    if bundled is not None and (bundled / f"{arg}.yaml").is_file():
        return bundled / f"{arg}.yaml"
    raise InputError.single(COMMAND_LINE, None, f"{arg}: no such file, and no bundled case has that id "
                                                "(`aigc-kb cases` lists them)")


def expand_case_args(args: list[str]) -> list[Path]:
    """CASE arguments as files: a directory gives its case files (sorted by name), an id its bundled case."""
    from ..core.loader import CASE_SUFFIXES

    out: list[Path] = []
    for arg in args:
        path = case_path(arg)
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in CASE_SUFFIXES and p.is_file()))
        else:
            out.append(path)
    return out
