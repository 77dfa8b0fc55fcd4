"""The package's architecture: floors that import only downwards, no import cycle, no private names across modules.

Every import counts, at module level, inside functions and under
``TYPE_CHECKING`` alike: a cycle through any of them is a cycle a reader has to
hold in mind.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "aigc_kb"

#: Each module's floor; a module may import from its own floor and the floors below.
FLOORS = {
    "core": 0,
    "engines": 1,
    "api": 2, "export": 2, "patterns": 2, "check": 2,
    "batch": 3, "scenario": 3, "explain": 3, "devtools": 3,
    "commands": 4, "server": 4, "cli": 4, "__main__": 4, "__init__": 5,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, list[str]]]:
    """(imported module, imported names) for every import of the package's own modules."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("aigc_kb"):
                continue
            names = [a.name for a in node.names]
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules]
            if submodules:
                found.extend((m, []) for m in submodules)
            else:
                found.append((target, names))
        elif isinstance(node, ast.Import):
            found.extend((a.name, []) for a in node.names if a.name.startswith("aigc_kb."))
    return [(t, n) for t, n in found if t in modules and t != name]


def _floor(name: str) -> int:
    parts = name.split(".")
    return FLOORS["__init__"] if len(parts) == 1 else FLOORS[parts[1]]


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {t for t, _ in _imports(name, path, modules)} for name, path in modules.items()}


def test_every_module_has_a_floor() -> None:
    for name in _modules():
        _floor(name)


def test_no_import_runs_upwards() -> None:
    wrong = [f"{name} (floor {_floor(name)}) imports {target} (floor {_floor(target)})"
             for name, targets in _graph().items() for target in sorted(targets)
             if _floor(target) > _floor(name)]
    assert wrong == []


def test_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target, stack + [target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_no_private_name_is_imported_across_modules() -> None:
    modules = _modules()
    private = [f"{name} imports {target}.{n}" for name, path in modules.items()
               for target, names in _imports(name, path, modules) for n in names if n.startswith("_")]
    assert private == []


@pytest.mark.parametrize("planted", ["cycle", "private"])
def test_the_checks_see_what_they_look_for(planted: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same analysis, on a two-module package, finds a planted cycle or private import."""
    package = tmp_path / "aigc_kb"
    (package / "core").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "core" / "__init__.py").write_text("")
    (package / "core" / "a.py").write_text("from .b import _hidden\n" if planted == "private" else "from . import b\n")
    (package / "core" / "b.py").write_text("_hidden = 1\n" if planted == "private" else "from .a import x\n")
    monkeypatch.setitem(globals(), "PACKAGE", package)
    if planted == "cycle":
        with pytest.raises(AssertionError):
            test_no_import_cycle()
    else:
        with pytest.raises(AssertionError):
            test_no_private_name_is_imported_across_modules()
