"""Command-line options of the scenario commands' limits.

The time limit is the common ``--time-limit`` every command takes; here it
bounds the whole analysis.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from ..core.errors import InputError
from .limits import OPTIONS, ScenarioLimits

_HELP = {
    "max_outcomes": "distinct outcomes per regime (default %(default)s)",
    "max_implicants": "prime implicants per outcome, or minimal sets (default %(default)s)",
    "count_limit": "count worlds only when there are at most this many (default %(default)s)",
    "max_candidates": "candidate facts to try (default %(default)s)",
    "max_worlds": "worlds listed by --list-worlds (default %(default)s)",
}


def add_limit_arguments(parser: argparse.ArgumentParser, *names: str) -> None:
    """The options of the :class:`ScenarioLimits` fields ``names`` (not ``time_limit``)."""
    defaults = ScenarioLimits()
    group = parser.add_argument_group("scenario limits")
    for name in names:
        group.add_argument(OPTIONS[name].split()[0], dest=name, type=int, default=getattr(defaults, name),
                           metavar="N", help=_HELP[name])


def limits_from(args: argparse.Namespace) -> ScenarioLimits:
    """The limits given on the command line (defaults for the others)."""
    given: dict[str, Any] = {}
    for name in OPTIONS:
        if name == "model_limit":   # the common option, read by the knowledge base itself
            continue
        value = getattr(args, name, None)
        if value is None:
            continue
        if value <= 0:
            raise InputError.single("<command line>", None, f"{OPTIONS[name].split()[0]} must be positive")
        given[name] = value
    return replace(ScenarioLimits(), **given)
