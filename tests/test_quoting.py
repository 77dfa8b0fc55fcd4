"""Case data reaches the engines only as data: the quoting function under attack."""

from __future__ import annotations

from pathlib import Path

import clingo
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_kb import Case, Fact, KnowledgeBase
from aigc_kb.engines.prolog import _LOCK, _once, _prolog
from aigc_kb.engines.quoting import asp_name, prolog_atom, symbol_text

# Text without lone surrogates (not UTF-8, so never in a case file) and without NUL
# (which the loader refuses: neither engine's C interface carries it).
TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\0"), max_size=40)
HOSTILE = [
    "x). :- halt.", "a' , halt, '", "\\", "'", '"', "#show p/1.", "line\nbreak", "tab\there",
    "Ünïcödé ✓ 中文", "\x01soh", "\x7fdel\x85", "\U000d8000", "\x1b[31mred", "%comment", "/* c */", "X", "_", "none_", "a\\'b",
    "'), shell('touch /tmp/aigc_pwned'), ('", '"). #script (python) import os #end.',
]


def prolog_reads_back(text: str) -> str:
    _prolog()
    with _LOCK:
        answer = _once(f"atom_codes({prolog_atom(text)}, Codes), atom_length({prolog_atom(text)}, _)")
    return "".join(chr(c) for c in answer["Codes"])


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_prolog_atom_reads_back_as_itself(kb: KnowledgeBase, text: str) -> None:
    kb.engine("prolog")
    assert prolog_reads_back(text) == text


def test_prolog_atom_escapes_quotes_backslashes_and_control_characters() -> None:
    for text in HOSTILE:
        quoted = prolog_atom(text)
        inner = quoted[1:-1]
        assert quoted[0] == quoted[-1] == "'"
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in quoted), quoted
        assert "'" not in inner.replace("\\\\", "").replace("\\'", ""), quoted


def test_nul_is_refused() -> None:
    with pytest.raises(ValueError):
        prolog_atom("a\0b")
    with pytest.raises(ValueError):
        asp_name("a\0b")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_asp_name_round_trips_through_clingo_text(text: str) -> None:
    symbol = asp_name(text)
    assert symbol_text(clingo.parse_term(str(symbol))) == text


def _hostile_case(names: dict[str, str]) -> Case:
    p, r, s, w, o = (names[k] for k in ("provider", "holder", "system", "work", "output"))
    facts = (
        Fact("party", (p,)), Fact("party", (r,)), Fact("system", (s,)), Fact("work", (w,)),
        Fact("output", (o,)), Fact("provider", (p, s)), Fact("owns_copyright", (r, w)),
        Fact("generated_by", (o, s)), Fact("substantially_similar", (o, w)),
    )
    return Case(id="hostile", path="<test>", facts=facts)


PLAIN = {"provider": "acme", "holder": "rh", "system": "gen", "work": "w1", "output": "o1"}


def _renamed(result_args: list[tuple[str, tuple[str, ...]]], mapping: dict[str, str]) -> set[tuple[str, tuple[str, ...]]]:
    return {(pred, tuple(mapping.get(a, a) for a in args)) for pred, args in result_args}


def test_hostile_names_are_data_on_both_engines(kb: KnowledgeBase) -> None:
    canary = Path("/tmp/aigc_pwned")
    canary.unlink(missing_ok=True)
    baseline = {e: kb.evaluate(_hostile_case(PLAIN), engine=e) for e in ("prolog", "asp")}
    assert baseline["prolog"].of("liable"), "the plain case must conclude a liability"
    for i in range(0, len(HOSTILE) - 4):
        names = dict(zip(PLAIN, HOSTILE[i:i + 5]))
        back = {v: PLAIN[k] for k, v in names.items()}
        for engine in ("prolog", "asp"):
            result = kb.evaluate(_hostile_case(names), engine=engine)
            got = _renamed([(c.pred, c.args) for c in result.conclusions], back)
            want = {(c.pred, c.args) for c in baseline[engine].conclusions}
            assert got == want, (engine, names)
    assert not canary.exists(), "a name was executed"


# Enumerated values (kinds, rights, reasons …) are excluded: renaming back must not touch them.
_RESERVED = {"none", "open"} | {v for values in KnowledgeBase().vocab.enums.values() for v in values}
NAME = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\0"), min_size=1,
               max_size=12).filter(lambda s: s not in _RESERVED)


@settings(max_examples=40, deadline=None)
@given(st.lists(NAME, min_size=5, max_size=5, unique=True))
def test_generated_names_never_change_conclusions_or_execute(kb: KnowledgeBase, names: list[str]) -> None:
    canary = Path("/tmp/aigc_pwned")
    mapping = dict(zip(PLAIN, names))
    back = {v: PLAIN[k] for k, v in mapping.items()}
    for engine in ("prolog", "asp"):
        want = {(c.pred, c.args) for c in kb.evaluate(_hostile_case(PLAIN), engine=engine).conclusions}
        got = kb.evaluate(_hostile_case(mapping), engine=engine)
        assert _renamed([(c.pred, c.args) for c in got.conclusions], back) == want
    assert not canary.exists()
