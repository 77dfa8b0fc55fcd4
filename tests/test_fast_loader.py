"""The loader's fast path gives exactly what the checked path gives: the same case, or the same problems.

A document without anchors is built in one pass over libyaml's nodes
(``loader._plain_data``); the checked path walks the nodes for depth, aliases
and duplicate keys and constructs with the safe loader.  Each input here is
loaded three ways: as the loader does, with the one-pass build switched off
(the checked libyaml path), and with libyaml switched off (the pure-Python
path); the cases (lines included) or the problems must be equal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aigc_kb import KnowledgeBase
from aigc_kb.core import loader
from aigc_kb.core.errors import InputError

from .conftest import CASE_FILES

ATTACKS = sorted((Path(__file__).parent / "attacks").iterdir())

GOOD = """\
id: tiny
title: "a provider's output: quoted, 'single', and plain"
facts:
  - party: acme
  - party: "rh"
  - system: gen
  - work: w1
  - output: o1
  - provider: [acme, gen]
  - owns_copyright: [rh, w1]
  - generated_by: [o1, gen]
  - substantially_similar: [o1, w1]
"""

#: Documents the fast path must leave to the checked path, or read exactly as it does.
CRAFTED = {
    "good": GOOD,
    "flow": "{id: flow, facts: [{party: a}, {system: s}, {provider: [a, s]}]}\n",
    "duplicate_key": GOOD.replace("title:", "id: again\ntitle:"),
    "duplicate_inner_key": GOOD + "positions: {remedy: licence_fee, remedy: damages}\n",
    "merge_key": GOOD + "positions:\n  <<: {remedy: licence_fee}\n",
    "anchor_and_alias": GOOD.replace("  - party: acme", "  - party: &p acme\n  - profits_from_service: *p"),
    "tagged_str": GOOD.replace('party: "rh"', "party: !!str rh"),
    "tagged_set": GOOD + "tests: !!set {D01+: null}\n",
    "int_name": GOOD.replace("party: acme", "party: 12"),
    "bool_name": GOOD.replace("work: w1", "work: yes"),
    "null_name": GOOD.replace("work: w1", "work: ~"),
    "float_name": GOOD.replace("output: o1", "output: 1.5"),
    "huge_int": GOOD.replace("party: acme", "party: " + "9" * 5000),
    "non_text_key": GOOD + "positions: {1: x}\n",
    "list_key": GOOD + "? [a, b]\n: c\n",
    "custom_tag": GOOD.replace("party: acme", "party: !secret acme"),
    "deep": "id: deep\nfacts: []\nx: " + "[" * 70 + "]" * 70 + "\n",
    "depth_64": "id: deep\nfacts: []\nx: " + "[" * 63 + "]" * 63 + "\n",
    "depth_65": "id: deep\nfacts: []\nx: " + "[" * 64 + "]" * 64 + "\n",
    "undeclared": GOOD.replace("  - work: w1\n", ""),
    "wrong_arity": GOOD.replace("provider: [acme, gen]", "provider: acme"),
    "empty_name": GOOD.replace("party: acme", 'party: ""'),
    "not_a_mapping": "- a\n- b\n",
    "bad_yaml": GOOD + "  - [unclosed\n",
    "timestamp": GOOD.replace("output: o1", "output: 2024-01-01"),
    "expectations": GOOD + "expect:\n  - reading: r\n    holds:\n      - liable: {who: acme}\n        because: [D01]\n",
}


def _outcome(load: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "case", load()
    except InputError as err:
        return "problems", [(p.file, p.line, p.message) for p in err.problems]


def _three_ways(kb: KnowledgeBase, path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    def load() -> Any:
        return loader.load_case(path, kb.vocab)

    outcomes = [_outcome(load)]
    with monkeypatch.context() as patch:
        def unsure(*args: Any) -> Any:
            raise loader._Unsure

        patch.setattr(loader, "_plain_data", unsure)
        outcomes.append(_outcome(load))
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_compose_fast", lambda text, name: None)
        outcomes.append(_outcome(load))
    return outcomes


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_documents_read_the_same_on_every_path(kb: KnowledgeBase, tmp_path: Path, name: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(CRAFTED[name], encoding="utf-8")
    fast, checked, pure = _three_ways(kb, path, monkeypatch)
    assert fast == checked
    assert fast == pure


def test_the_crafted_documents_are_mixed(kb: KnowledgeBase, tmp_path: Path) -> None:
    """Both outcomes occur: the equality above compares cases and problems, not only one of them."""
    kinds = []
    for name, text in CRAFTED.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        kinds.append(_outcome(lambda: loader.load_case(path, kb.vocab))[0])
    assert kinds.count("case") >= 5 and kinds.count("problems") >= 10


def test_the_fast_path_is_taken_for_a_plain_document(kb: KnowledgeBase, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = loader._plain_data

    def counted(*args: Any) -> Any:
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(loader, "_plain_data", counted)
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    case = loader.load_case(path, kb.vocab)
    assert calls and [f.line for f in case.facts] == list(range(4, 13))


@pytest.mark.parametrize("path", ATTACKS, ids=[p.name for p in ATTACKS])
def test_every_attack_file_reads_the_same_on_every_path(kb: KnowledgeBase, path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fast, checked, pure = _three_ways(kb, path, monkeypatch)
    assert fast == checked == pure


@pytest.mark.parametrize("path", CASE_FILES[::3], ids=[p.stem for p in CASE_FILES[::3]])
def test_bundled_cases_read_the_same_on_every_path(kb: KnowledgeBase, path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    fast, checked, pure = _three_ways(kb, path, monkeypatch)
    assert fast[0] == "case"
    assert fast == checked == pure
