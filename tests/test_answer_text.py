"""Texts to and from clingo made without a Python object per symbol equal those made symbol by symbol.

An answer set read from one text equals the answer set read through clingo's
symbols; a case's facts written with one symbol per distinct name equal the
facts written symbol by symbol.
"""

from __future__ import annotations

import dataclasses

import clingo
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_kb import Fact, KnowledgeBase
from aigc_kb.engines.asp import AspEngine, _FactTexts, _model_text, _shown_text, decode_answer
from aigc_kb.engines.quoting import Shown, asp_fact, asp_name, shown_conclusions, symbol_text

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


def _shown_texts(symbols: list[clingo.Symbol], show: str = "") -> tuple[str, str]:
    """The shown atoms of the answer set of the facts ``symbols`` (and ``show``) as :func:`_shown_text`
    writes them, and symbol by symbol."""
    ctl = clingo.Control()
    ctl.add("base", [], show)
    with ctl.backend() as backend:  # symbols, not text: an upper-case constant is not a variable
        for symbol in symbols:
            backend.add_rule([backend.add_atom(symbol)])
    ctl.ground([("base", [])])
    texts: list[tuple[str, str]] = []
    ctl.solve(on_model=lambda m: texts.append((_shown_text(m), _model_text(list(m.symbols(shown=True))))))
    (found,) = texts
    return found


@settings(max_examples=200, deadline=None)
@given(answers())
def test_the_answer_text_from_clingo_is_the_symbols_text(symbols: list[clingo.Symbol]) -> None:
    """The shown atoms written by clingo's C functions at once equal the public symbols' texts."""
    fast, public = _shown_texts(symbols)
    assert fast == public
    assert sorted(decode_answer(fast)) == sorted(_by_symbols(symbols))


def test_the_answer_text_of_one_atom_and_of_none() -> None:
    a, b = clingo.Function("p", [clingo.Function("a")]), clingo.Function("q", [clingo.Function("b")])
    assert _shown_texts([a, b], "#show p/1.") == ("p(a)", "p(a)")
    assert _shown_texts([b], "#show p/1.") == ("", "")


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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PREDICATES, st.lists(NAMES, max_size=4)), max_size=8))
def test_fact_texts_are_the_symbols_texts(facts: list[tuple[str, list[str]]]) -> None:
    texts = _FactTexts()
    for pred, args in facts:
        fact = Fact(pred, tuple(args))
        assert texts.fact(fact) == str(asp_fact(fact))


def test_the_instance_is_the_symbols_texts(kb: KnowledgeBase) -> None:
    """The instance of a bundled case with hostile names, with its unknown facts, as symbol by symbol."""
    from .conftest import CASE_FILES

    for path in CASE_FILES[:40]:
        case = kb.load_case(path)
        renamed = {name: hostile for name, hostile in zip(sorted({a for f in case.facts for a in f.args}),
                                                            HOSTILE * 10)}
        facts = tuple(Fact(f.pred, tuple(renamed.get(a, a) for a in f.args)) for f in case.facts)
        case = dataclasses.replace(case, facts=facts)
        reading = kb.resolve(case)
        symbols = [asp_fact(f) for f in case.facts]
        symbols.extend(clingo.Function("unknown", [asp_fact(f)]) for f in case.unknown)
        symbols.append(clingo.Function("set_regime", [asp_name(reading.regime)]))
        symbols.extend(clingo.Function("set_position", [asp_name(p), asp_name(v)])
                       for p, v in sorted(reading.positions.items()))
        assert AspEngine.instance_text(case, reading, with_unknown=True) == "".join(f"{s}.\n" for s in symbols)
