"""Arguments and helpers shared by several commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import InputError

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    """``--regime`` and repeatable ``--set POINT=POSITION``."""
    parser.add_argument("--regime", help="strict (default), presumed_fault, fault, notice_and_takedown")
    parser.add_argument("--set", action="append", default=[], metavar="POINT=POSITION",
                        help="set a choice point (repeatable)")


def parse_assignments(items: list[str], option: str = "--set") -> dict[str, str]:
    """``["a=b", ...]`` as a dict; a located usage error otherwise."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InputError.single("<command line>", None, f"{option} {item!r}: expected NAME=VALUE")
        out[key.strip()] = value.strip()
    return out


def default_cases() -> list[Path]:
    """The case files of ``./cases`` (or of the source tree's ``cases/``)."""
    here = Path.cwd() / "cases"
    if not here.is_dir():
        from ..core.paths import default_kb_dir

        here = default_kb_dir().parent / "cases"
    return sorted(here.glob("*.yaml"))
