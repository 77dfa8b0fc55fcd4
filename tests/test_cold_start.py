"""What a fresh process loads: ``import aigc_kb`` and one ``evaluate`` load only what they use.

The faster paths must not change a result: libyaml reads case files with the
same lines as the pure-Python loader (and leaves it every document it might
read differently), and the quick schema check agrees with ``jsonschema``.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import aigc_kb
from aigc_kb import InputError, KnowledgeBase
from aigc_kb.core import loader
from aigc_kb.cli import build_parser
from aigc_kb.commands import command_modules
from aigc_kb.core.schema import case_schema, conforms
from aigc_kb.core.vocabulary import _load_yaml, libyaml_loader

from .conftest import CASE_FILES, ROOT

#: Modules no evaluation of one case needs.
NEVER_FOR_EVALUATE = ("jsonschema", "referencing", "hypothesis", "aigc_kb.scenario.outcomes", "aigc_kb.scenario.solver",
                      "aigc_kb.scenario.flips", "aigc_kb.scenario.compare", "aigc_kb.explain.trees", "aigc_kb.export",
                      "aigc_kb.devtools.lint", "aigc_kb.devtools.coverage", "aigc_kb.devtools.generate", "aigc_kb.check", "aigc_kb.batch.pipeline",
                      "aigc_kb.commands.enumerate", "aigc_kb.commands.lint", "aigc_kb.commands.explain")


def _modules_after(code: str) -> tuple[set[str], str]:
    """The modules loaded by a fresh interpreter running ``code``, and what it printed before."""
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    *before, last = proc.stdout.splitlines()
    return set(json.loads(last)), "\n".join(before)


def test_import_loads_neither_engine_nor_validator() -> None:
    modules, _ = _modules_after("import aigc_kb")
    for name in ("clingo", "pyswip", "yaml", "aigc_kb.api", "aigc_kb.core.loader", *NEVER_FOR_EVALUATE):
        assert name not in modules, name


def test_every_public_name_is_there() -> None:
    for name in aigc_kb.__all__:
        value = getattr(aigc_kb, name)
        home = getattr(value, "__module__", None)
        assert home is None or getattr(sys.modules[home], name) is value, name
    assert set(aigc_kb.__all__) <= set(dir(aigc_kb))
    with pytest.raises(AttributeError):
        aigc_kb.no_such_name  # noqa: B018
    star, _ = _modules_after("from aigc_kb import *\nassert KnowledgeBase and must_prove and ENGINES")
    assert "aigc_kb.scenario.outcomes" in star


@pytest.mark.parametrize(("engine", "other"), [("prolog", ("aigc_kb.engines.asp", "clingo", "multiprocessing")),
                                               ("asp", ("aigc_kb.engines.prolog", "pyswip"))])
def test_evaluate_loads_only_its_engine(engine: str, other: tuple[str, ...]) -> None:
    code = ("from aigc_kb.cli import main\n"
            f"code = main(['evaluate', 'cases/real_thaler.yaml', '--format', 'json', '--engine', '{engine}'])\n"
            "assert code == 0, code")
    modules, printed = _modules_after(code)
    assert json.loads(printed)["engine"] == engine
    for name in (*other, *NEVER_FOR_EVALUATE):
        assert name not in modules, name


def test_a_bad_case_is_worded_by_jsonschema(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: bad\nfacts:\n  - provider: [a]\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        KnowledgeBase().load_case(path)
    assert [str(p) for p in err.value.problems] == [f"{path}:3: facts[0].provider: provider(party, system) takes 2 arguments, 1 given"]


def test_commands_are_named_after_their_modules() -> None:
    """The parser finds a command's module from its name alone."""
    for module in command_modules():
        assert module.__name__.rsplit(".", 1)[1] == module.NAME.replace("-", "_")


@pytest.mark.parametrize("command", ["evaluate", "must-prove", "lint"])
def test_one_command_parser_reads_and_helps_the_same(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    full, every = build_parser()
    one, only = build_parser(command)
    assert list(only) == [command] and command in every
    assert one.format_usage() == full.format_usage()
    helps = []
    for parser in (one, full):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1] and ("--time-limit" in helps[0]) == (command != "lint")


# ------------------------------------------------------------ YAML loading --
def _problems(kb: KnowledgeBase, path: Path) -> Any:
    """The case, or the problems reported."""
    try:
        return kb.load_case(path)
    except InputError as err:
        return [str(p) for p in err.problems]


def _pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "libyaml_loader", lambda text: None)


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")
def test_bundled_files_are_read_by_libyaml() -> None:
    for path in [*CASE_FILES, ROOT / "kb" / "vocabulary.yaml", ROOT / "kb" / "doctrines.yaml"]:
        assert libyaml_loader(path.read_text(encoding="utf-8")) is not None, path


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")
def test_bundled_cases_load_the_same_with_libyaml(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [kb.load_case(p) for p in CASE_FILES]
    _pure_python(monkeypatch)
    assert fast == [kb.load_case(p) for p in CASE_FILES]  # the facts' and expectations' lines included


TRICKY = [
    "id: x\ntitle: a\tb\nfacts: []\n",                        # libyaml takes a tab in a plain scalar,
    "id: x\nfacts: [{party: a ?}]\n",                        # a '?' in a flow plain scalar,
    "id: x\nfacts:\n  - party: !\n",                         # reads '!' as '', not null,
    "id: x\ntitle: |#\nfacts: []\n",                          # takes a comment glued to '|'
    "id: x\ntitle: >-2#\nfacts: []\n",                        # or to '>' and its indicators,
    "id: x\nfacts: []\n# a > b, a|b, >\n",                   # (not a '>' in a comment)
    "id: x\ntitle: |\n  a > b\n  #c\nfacts: []\n",            # (nor a block scalar)
    "id: x\nfacts: []\n\ufeff",                                # and takes a BOM at a line start
    "id: x\nfacts: " + "[" * 600 + "]" * 600 + "\n",          # deep, but within libyaml's limit
    "id: x\nfacts:\n  - party: a\n  - party: a\nid: y\n",     # duplicate key
    "id: x\nfacts:\n  - party: [a\n",                         # unclosed flow sequence
    "",
    "---",
    "[a]",
    "id: x\nfacts: []\n---\nid: y\n",
    "id: x\nfacts: &f [{party: a}, *f]\n",                   # a recursive alias
    "id: x\np: &p {party: a}\nfacts: [*p, *p]\n",            # an alias
    '{"id": "x", "facts": [{"party": "a"},\t{"party": 1}]}',  # JSON with a tab
]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_tricky_documents_are_reported_as_by_the_python_loader(kb: KnowledgeBase, tmp_path: Path, text: str,
                                                                suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"x{suffix}"
    path.write_text(text, encoding="utf-8")
    fast = _problems(kb, path)
    _pure_python(monkeypatch)
    assert fast == _problems(kb, path)


def test_deep_document_is_refused_as_too_deep(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("id: x\nfacts: " + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    assert any("nesting too deep" in m for m in _problems(kb, path))


def test_aliases_neither_loop_nor_blow_up(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("id: x\nfacts: &f [{party: a}, *f, *f]\n", encoding="utf-8")
    assert _problems(kb, path) == [f"{path}:2: an alias makes this collection contain itself"]
    lines = ["id: x", "l0: &l0 [" + ", ".join(["{party: a}"] * 10) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 8)]
    path.write_text("\n".join(lines + ["facts: *l7", ""]), encoding="utf-8")
    # l0 expands to 31 nodes, each next level to 10 times the last plus one: l5 (line 7) is the first
    # collection to pass a million (3,111,111), and the problem is put there.
    assert _problems(kb, path) == [f"{path}:7: aliases expand the document beyond {loader.MAX_EXPANDED_NODES} nodes here"]


def test_vocabulary_files_read_the_same_with_libyaml() -> None:
    for name in ("vocabulary.yaml", "doctrines.yaml"):
        path = ROOT / "kb" / name
        assert _load_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_broken_vocabulary_file_is_reported_by_the_python_loader(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.yaml"
    path.write_text("inputs:\n  a: [b\n", encoding="utf-8")
    with pytest.raises(yaml.MarkedYAMLError) as fast:
        _load_yaml(path)
    with pytest.raises(yaml.MarkedYAMLError) as slow, path.open(encoding="utf-8") as handle:
        yaml.safe_load(handle)
    assert str(fast.value) == str(slow.value) and str(path) in str(fast.value)


# ------------------------------------------------------------- quick check --
_VALUES: list[Any] = [None, 1, True, 1.5, "", "x", "acme", "open", "none", "D07", "D07+", "strict", [], {}, ["a"],
                      ["a", "b"], {"a": 1}, "because", "paper", "reproduction", "primary", "a b", "D99+", "D07+\n"]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_paths(child, path + (key,)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_paths(child, path + (index,)))
    return found


def _mutated(doc: Any, rng: random.Random) -> Any:
    doc = copy.deepcopy(doc)
    for _ in range(rng.randint(1, 2)):
        path = rng.choice(_paths(doc)[1:])
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        target = parent[path[-1]]
        how = rng.random()
        if how < 0.4:
            parent[path[-1]] = copy.deepcopy(rng.choice(_VALUES))
        elif how < 0.55:
            del parent[path[-1]]
        elif how < 0.75 and isinstance(target, dict):
            target[rng.choice(["x", "reading", "regime", "because", "party", "positions", 3])] = rng.choice(_VALUES)
        elif how < 0.9 and isinstance(target, list):
            target.append(copy.deepcopy(rng.choice(_VALUES)))
        elif isinstance(target, dict) and target:
            key = rng.choice(list(target))
            target[f"{key}_"] = target.pop(key)
    return doc


def test_quick_check_agrees_with_jsonschema(kb: KnowledgeBase) -> None:
    schema = case_schema(kb.vocab)
    validator = jsonschema.Draft202012Validator(schema)
    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in CASE_FILES]
    assert all(conforms(schema, doc) for doc in docs)
    rng = random.Random(7)
    valid = 0
    for _ in range(1500):
        doc = _mutated(rng.choice(docs), rng)
        expected = not any(True for _ in validator.iter_errors(doc))
        valid += expected
        assert conforms(schema, doc) == expected, doc
    assert 0 < valid < 1500


def test_quick_check_leaves_what_it_does_not_know_to_jsonschema() -> None:
    assert not conforms({"type": "integer"}, 1)
    assert not conforms({"oneOf": [{"type": "string"}, {"type": "string", "format": "email"}]}, "a")
    assert not conforms({"type": "array", "minItems": 2, "uniqueItems": True}, [1])  # invalid either way
    assert conforms({"type": "object", "title": "t"}, {})
