"""An answer set read from one text equals the answer set read symbol by symbol through clingo."""

from __future__ import annotations

import clingo
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_kb.engines.asp import _model_text, decode_answer
from aigc_kb.engines.quoting import Shown, asp_name, shown_conclusions, symbol_text

from .test_quoting import HOSTILE, TEXT

NAMES = st.one_of(TEXT, st.sampled_from(HOSTILE), st.sampled_from(["acme", "w0001", "o_1", "Acme", "not", "inf"]))
DOCTRINES = st.sampled_from(["d01", "d07", "d13", "D07", "d07x"])
PREDICATES = st.sampled_from(["liable", "infringement", "answer", "because_not", "p"])


def _by_symbols(symbols: list[clingo.Symbol]) -> list[Shown]:
    """The reading symbol by symbol (the engine's reading before the text was read at once)."""
    doctrines: dict[clingo.Symbol, set[str]] = {}
    atoms = []
    for symbol in symbols:
        if symbol.name == "because" and len(symbol.arguments) == 2:
            doctrines.setdefault(symbol.arguments[0], set()).add(symbol_text(symbol.arguments[1]).upper())
        else:
            atoms.append(symbol)
    return [(s.name, tuple(symbol_text(a) for a in s.arguments), tuple(sorted(doctrines.get(s, ()))))
            for s in atoms]


@st.composite
def answers(draw: st.DrawFn) -> list[clingo.Symbol]:
    atoms = [clingo.Function(draw(PREDICATES), [asp_name(n) for n in draw(st.lists(NAMES, max_size=4))])
             for _ in range(draw(st.integers(0, 6)))]
    atoms = list(dict.fromkeys(atoms))  # an answer set holds each atom once
    because = [clingo.Function("because", [atom, clingo.Function(draw(DOCTRINES))])
               for atom in atoms for _ in range(draw(st.integers(0, 2)))]
    symbols = list(dict.fromkeys(atoms + because))
    return draw(st.permutations(symbols))


@settings(max_examples=400, deadline=None)
@given(answers())
def test_the_text_reads_as_the_symbols(symbols: list[clingo.Symbol]) -> None:
    text = _model_text(symbols)
    assert text == ",".join(str(s) for s in symbols)
    fast = shown_conclusions(text)
    assert fast is not None
    assert sorted(fast) == sorted(_by_symbols(symbols))


def test_what_the_text_reader_leaves_is_read_through_clingo() -> None:
    nested = clingo.Function("p", [clingo.Function("f", [clingo.Function("x")]), clingo.Number(-3)])
    odd = [nested, clingo.Function("because", [nested, clingo.Function("d07")]),
           clingo.Function("q", [clingo.Function("a", [], False)]), clingo.Function("r", [clingo.Tuple_([])]),
           clingo.Function("z'", [clingo.String("s")])]
    text = _model_text(odd)
    assert shown_conclusions(text) is None
    assert sorted(decode_answer(text)) == sorted(_by_symbols(odd))
    assert decode_answer("") == [] and _model_text([]) == ""
    one = [clingo.Function("p", [clingo.String("a,b)")])]
    assert decode_answer(_model_text(one)) == [("p", ("a,b)",), ())]


def test_malformed_texts_are_not_read() -> None:
    for text in ("a,", ",a", "a,,b", "a(", 'a("x)', "a b", "because(a,d07)x"):
        assert shown_conclusions(text) is None, text
