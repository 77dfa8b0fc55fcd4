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
from aigc_kb.engines.asp import AspEngine, _FactTexts, _model_text, _plain_conclusions, decode_answer
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


#: Names clingo writes as themselves (constants, unsigned numbers), and a few it quotes or signs.
PLAIN_NAMES = st.one_of(st.from_regex(r"[a-z][A-Za-z0-9_]{0,6}", fullmatch=True).filter(lambda t: t not in (
    "not", "inf", "sup", "infimum", "supremum")), st.sampled_from(["7", "0", "w0001", "because", "Acme", "-3"]))


@st.composite
def plain_answers(draw: st.DrawFn) -> list[clingo.Symbol]:
    def name(text: str) -> clingo.Symbol:
        return clingo.Number(int(text)) if text.lstrip("-").isdigit() else asp_name(text)

    atoms = [clingo.Function(draw(PREDICATES), [name(n) for n in draw(st.lists(PLAIN_NAMES, max_size=4))])
             for _ in range(draw(st.integers(0, 6)))]
    atoms = list(dict.fromkeys(atoms))
    because = [clingo.Function("because", [atom, clingo.Function(draw(DOCTRINES))])
               for atom in atoms for _ in range(draw(st.integers(0, 2)))]
    return draw(st.permutations(list(dict.fromkeys(atoms + because))))


@settings(max_examples=400, deadline=None)
@given(plain_answers())
def test_the_one_pass_reading_is_the_symbols(symbols: list[clingo.Symbol]) -> None:
    """An answer without strings read in one regular-expression pass reads as symbol by symbol."""
    text = _model_text(symbols)
    plain = _plain_conclusions(text)
    if plain is None:  # a signed number or a quoted name: left to the general reading
        assert '"' in text or "-" in text
    else:
        assert sorted(plain) == sorted(_by_symbols(symbols))
    assert sorted(decode_answer(text)) == sorted(_by_symbols(symbols))


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
    for text in ("a,", ",a", "a,,b", "a(", 'a("x)', "a b", "because(a,d07)x", "p()", "p(f(x))", "p(-3)", "a)"):
        assert _plain_conclusions(text) is None, text


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
