"""The subcommands of ``aigc-kb``: one module each.

A command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(kb, args) -> int``; every module of this package that does so is a
command (adding a module adds a command).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def command_modules() -> list[ModuleType]:
    """Every command module, in name order."""
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "run") and hasattr(module, "NAME"):
            modules.append(module)
    return modules
