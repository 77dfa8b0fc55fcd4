"""The fact-file parser read as a command-line atom parser: ``_`` wildcards.

``parse_atoms`` is what ``aigc-kb explain --query/--why-not/--assume`` and
``aigc-kb must-prove --goal/--avoid`` read their atoms with; these tests pin
where a bare ``_`` is a wildcard, where it stays a name or a variable, and
that a problem names file, line and what is wrong.
"""

from __future__ import annotations

import pytest

from aigc_kb import Case, KnowledgeBase
from aigc_kb.patterns import parse_conclusion
from aigc_kb.core.errors import InputError, Problem
from aigc_kb.core.factfile import WILDCARD, Term, parse_atoms, parse_fact_file

from .conftest import CASES_DIR

FILE = "<command line>"


def _one(text: str) -> Term:
    terms, problems = parse_atoms(text, FILE, wildcards=True)
    assert problems == []
    assert len(terms) == 1
    return terms[0]


def _problem(text: str, wildcards: bool = True) -> Problem:
    terms, problems = parse_atoms(text, FILE, wildcards=wildcards)
    assert terms == []
    assert len(problems) == 1
    return problems[0]


def test_bare_underscores_are_wildcards_at_their_positions() -> None:
    term = _one("liable(acme, _, reproduction,_)")
    assert (term.name, term.wildcard, term.quoted) == ("liable", False, False)
    assert [a.wildcard for a in term.args] == [False, True, False, True]
    assert [a.name for a in term.args] == ["acme", WILDCARD, "reproduction", WILDCARD]
    assert all(not a.quoted and not a.args for a in term.args)


def test_surrounding_space_is_ignored_and_the_full_stop_is_added() -> None:
    assert _one("  liable( _ ,_ )\n") == _one("liable(_,_)")
    assert _problem("liable(_).") == Problem(FILE, 1, "expected a term, found '.'")


@pytest.mark.parametrize("text", ["liable('_', _)", 'liable("_", _)'])
def test_a_quoted_underscore_is_a_plain_name(text: str) -> None:
    first, second = _one(text).args
    assert (first.name, first.quoted, first.wildcard) == ("_", True, False)
    assert second.wildcard


@pytest.mark.parametrize("text", [
    "liable('a''_', _)",        # doubled quote inside a quoted atom
    "liable('a\\'_', _)",       # escaped quote
    "liable('\\x41\\', _)",     # \x escape closed by a backslash
    "liable(\"a\\\"_\", _)",     # escaped double quote
])
def test_underscores_inside_quotes_are_text(text: str) -> None:
    first, second = _one(text).args
    assert first.quoted and not first.wildcard and second.wildcard
    assert first.name in ("a'_", 'a"_', "A")


def test_comments_are_skipped_whatever_they_hold() -> None:
    term = _one("liable(acme, /* ' _ */ _)")
    assert [a.wildcard for a in term.args] == [False, True]


@pytest.mark.parametrize("text, variable", [
    ("liable(_x, _)", "_x"),
    ("liable(__, _)", "__"),
    ("liable(_1, _)", "_1"),
    ("liable(X, _)", "X"),
    ("liable(1_, _)", "_"),      # the _ touches the number: not standing alone
])
def test_other_variables_are_still_refused(text: str, variable: str) -> None:
    problem = _problem(text)
    assert problem.file == FILE and problem.line == 1
    assert problem.message.startswith(f"variable {variable} in a fact file")


def test_without_wildcards_an_underscore_is_a_variable() -> None:
    assert _problem("provider(acme, _)", wildcards=False) == Problem(
        FILE, 1, "variable _ in a fact file (facts must be ground; quote names that start with a capital)")
    term = parse_atoms("provider('_', gen)", FILE)[0][0]
    assert term.args[0] == Term("_", (), True, 1)


def test_fact_files_never_read_wildcards() -> None:
    terms, problems = parse_fact_file("party(a).\nprovider(a, _).\n", "f.pl", "pl")
    assert terms == [] and problems == [
        Problem("f.pl", 2, "variable _ in a fact file (facts must be ground; quote names that start with a capital)")]


def test_wildcards_parse_wherever_a_term_may_stand() -> None:
    # the callers refuse a wildcard predicate or a compound argument, with their own messages
    assert _one("_") == Term("_", (), False, 1, wildcard=True)
    top = _one("_(a)")
    assert top.wildcard and [a.name for a in top.args] == ["a"]
    inner = _one("liable(f(_))").args[0]
    assert inner.name == "f" and inner.args[0].wildcard


@pytest.mark.parametrize("text, line, message", [
    ("liable(_ _)", 1, "expected ')', found '_'"),
    ("liable(_,_)_", 1, "expected '.', found '_'"),
    ("liable(\n_,\n_", 3, "expected ')', found '.'"),
    ("liable(_) :- x", 1, "rules and directives are code; a case file holds facts only"),
    ("liable(f(g(h(_))))", 1, "terms nested too deeply for a fact"),
    ("liable('_, _)", 1, "unterminated quoted text starting here (')"),
])
def test_problems_name_file_line_and_what_is_wrong(text: str, line: int, message: str) -> None:
    assert _problem(text) == Problem(FILE, line, message)


# ------------------------------------------------------------- the callers --
@pytest.fixture(scope="module")
def inducement(kb: KnowledgeBase) -> Case:
    return kb.load_case(CASES_DIR / "scenario_inducement_unknowns.yaml")


@pytest.mark.parametrize("text, args", [
    ("liable(_,_,_,_)", (None, None, None, None)),
    ("liable(acme, _, reproduction, _)", ("acme", None, "reproduction", None)),
    ("liable('acme',_,_,generation)", ("acme", None, None, "generation")),
    ("liable(bob,primary,'reproduction',_)", ("bob", "primary", "reproduction", None)),
])
def test_conclusion_patterns_read_wildcards_and_names(kb: KnowledgeBase, inducement: Case, text: str,
                                                      args: tuple[str | None, ...]) -> None:
    assert parse_conclusion(text, inducement, kb.vocab).args == args


@pytest.mark.parametrize("text, message", [
    ("_", "'_': expected an atom, not _"),
    ("liable(_ _,_,_)", "'liable(_ _,_,_)': expected ')', found '_'"),
    ("liable(_(a),_,_,_)", "'liable(_(a),_,_,_)': argument _(...) must be a name, not a compound term"),
])
@pytest.mark.parametrize("option", ["--query", "--why-not", "--goal", "--avoid"])
def test_callers_show_the_wildcard_as_written(kb: KnowledgeBase, inducement: Case, text: str, message: str,
                                              option: str) -> None:
    with pytest.raises(InputError) as err:
        parse_conclusion(text, inducement, kb.vocab, option)
    assert err.value.problems[0].message == f"{option} {message}"
