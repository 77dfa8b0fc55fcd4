"""Bad case files give located errors; good ones load in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_kb import Fact, InputError, KnowledgeBase

GOOD = """\
id: tiny
title: a provider's output copies a work
source: constructed from §4.3
facts:
  - party: acme
  - party: rh
  - system: gen
  - work: w1
  - output: o1
  - provider: [acme, gen]
  - owns_copyright: [rh, w1]
  - generated_by: [o1, gen]
  - substantially_similar: [o1, w1]
"""


def write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(kb: KnowledgeBase, path: Path) -> list[tuple[int | None, str]]:
    with pytest.raises(InputError) as info:
        kb.load_case(path)
    for problem in info.value.problems:
        assert problem.file == str(path)
    return [(p.line, p.message) for p in info.value.problems]


def test_good_case_loads_with_lines(kb: KnowledgeBase, tmp_path: Path) -> None:
    case = kb.load_case(write(tmp_path, GOOD))
    assert case.id == "tiny"
    assert Fact("provider", ("acme", "gen")) in case.facts
    provider = next(f for f in case.facts if f.pred == "provider")
    assert provider.line == 10


@pytest.mark.parametrize(
    ("replace", "by", "line", "fragment"),
    [
        ("  - provider: [acme, gen]", "  - providr: [acme, gen]", 10, "unknown input predicate 'providr'"),
        ("  - provider: [acme, gen]", "  - provider: [acme]", 10, "provider(party, system) takes 2 arguments, 1 given"),
        ("  - provider: [acme, gen]", "  - provider: [acme, gen2]", 10, "'gen2' is used but not declared"),
        ("  - provider: [acme, gen]", "  - provider: [w1, gen]", 10, "'w1' is a work, not a party"),
        ("  - output: o1", "  - output: none", 9, "reserved word"),
        ("  - party: rh", "  - party: rh\n  - work: rh", 7, "declared both as party and as work"),
        ("source: constructed from §4.3", "source: [unclosed", 4, "invalid YAML"),
        ("title: a provider", "id: again\ntitle: a provider", 2, "duplicate key 'id'"),
        ("  - party: acme", "  - party: 1999", 5, "1999 must be a name"),
    ],
)
def test_bad_facts_are_located(kb: KnowledgeBase, tmp_path: Path, replace: str, by: str,
                               line: int, fragment: str) -> None:
    assert replace in GOOD
    found = problems(kb, write(tmp_path, GOOD.replace(replace, by)))
    assert any(l == line and fragment in m for l, m in found), found


def test_purpose_must_be_an_enumerated_value(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = GOOD + "  - requested_by: [o1, acme]\n  - purpose: [acme, o1, fun]\n"
    found = problems(kb, write(tmp_path, text))
    assert any(l == 15 and "'fun' is not a purpose" in m for l, m in found), found


def test_every_problem_of_a_file_is_reported_at_once(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = GOOD.replace("[acme, gen]", "[acme, nope]").replace("[o1, w1]", "[o1, nowork]")
    found = problems(kb, write(tmp_path, text))
    assert {l for l, _ in found} == {10, 13}


def test_unknown_fact_also_asserted_is_an_error(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = GOOD + "unknown:\n  - provider: [acme, gen]\n"
    found = problems(kb, write(tmp_path, text))
    assert any(l == 15 and "both stated as a fact and listed as unknown" in m for l, m in found), found


def test_contradictory_facts_are_an_error(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = GOOD + "  - fault_proven: acme\n  - fault_rebutted: acme\n"
    found = problems(kb, write(tmp_path, text))
    assert any(l == 14 and "contradicts fault_rebutted(acme)" in m for l, m in found), found


def test_bad_position_and_expectation(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = GOOD + (
        "positions: {remedy: gold}\n"
        "expect:\n  - reading: paper\n    holds:\n      - liable: {subject: ghost, kind: primary}\n"
    )
    found = problems(kb, write(tmp_path, text))
    assert any(l == 14 and "remedy" in m for l, m in found), found


def test_expectation_names_must_be_declared(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = GOOD + "expect:\n  - reading: paper\n    holds:\n      - liable: {subject: ghost, kind: primary}\n"
    found = problems(kb, write(tmp_path, text))
    assert any(l == 17 and "'ghost' is used but not declared" in m for l, m in found), found


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        (b"\x00\x01binary", "case.yaml", "binary file"),
        (b"id: x\nfacts: [\xff]\n", "case.yaml", "not valid UTF-8"),
        (b"{}", "case.txt", "unknown case file type"),
        (b'{"id": "x", "facts": [}', "case.json", "invalid JSON"),
        (b"- just\n- a list\n", "case.yaml", "must be a mapping"),
    ],
)
def test_unreadable_files(kb: KnowledgeBase, tmp_path: Path, content: bytes, name: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert any(fragment in m for _, m in problems(kb, path))


def test_missing_file_and_directory(kb: KnowledgeBase, tmp_path: Path) -> None:
    assert any("no such file" in m for _, m in problems(kb, tmp_path / "nope.yaml"))
    assert any("is a directory" in m for _, m in problems(kb, tmp_path))


def test_too_large_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    from aigc_kb.engines.limits import Limits

    path = tmp_path / "big.yaml"
    path.write_text(GOOD + "#" * (5 * 1024 * 1024), encoding="utf-8")
    assert kb.load_case(path).id  # 5 MiB is within the default limit (a platform case of 100,000 users is 19 MB)
    small = KnowledgeBase(limits=Limits(case_bytes=4 * 1024 * 1024))
    found = problems(small, path)
    assert len(found) == 1 and "file too large" in found[0][1]
    assert found[0][1].endswith("the limit is 4194304, reached on this line; raise it with --case-size-limit MiB)")


def test_json_case_has_lines(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = '{"id": "j",\n "facts": [\n  {"party": "a"},\n  {"providr": ["a", "s"]}\n ]\n}\n'
    found = problems(kb, write(tmp_path, text, "case.json"))
    assert any(l == 4 and "providr" in m for l, m in found), found


PL_FACTS = """\
% a fact file
party(acme).
party('Shanghai \\'Character\\' Co.').
system(gen).
provider(acme, gen).
unknown(profits_from_service(acme)).
"""


def test_prolog_fact_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    case = kb.load_case(write(tmp_path, PL_FACTS, "facts.pl"))
    assert Fact("party", ("Shanghai 'Character' Co.",)) in case.facts
    assert case.unknown == (Fact("profits_from_service", ("acme",)),)


def test_asp_fact_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = 'party(acme).\nparty("Li \\"the\\" artist").\nsystem(gen).\nuser("Li \\"the\\" artist", gen).\n'
    case = kb.load_case(write(tmp_path, text, "facts.lp"))
    assert Fact("user", ('Li "the" artist', "gen")) in case.facts


@pytest.mark.parametrize(
    ("text", "name", "line", "fragment"),
    [
        ("party(a).\nliable(X) :- party(X).\n", "f.pl", 2, "variable X"),
        ("party(a).\n:- halt.\n", "f.pl", 2, "rules and directives are code"),
        ("party(a).\n#show party/1.\n", "f.lp", 2, "rules and directives are code"),
        ("party(a).\npa rty(b).\n", "f.pl", 2, "expected '.'"),
        ("party(a).\nparty('open\n", "f.pl", 2, "newline inside a quoted atom"),
        ("party(a).\nprovider(a, f(x)).\n", "f.pl", 2, "must be a name, not a compound"),
        ("party(a).\nparty(b)\n", "f.lp", 3, "unexpected end of file"),
        ("party(a).\nfoo(a).\n", "f.lp", 2, "unknown input predicate 'foo'"),
        ("party(a).\nprovider(a).\n", "f.pl", 2, "provider(party, system) takes 2 arguments, 1 given"),
    ],
)
def test_bad_fact_files(kb: KnowledgeBase, tmp_path: Path, text: str, name: str, line: int, fragment: str) -> None:
    found = problems(kb, write(tmp_path, text, name))
    assert any(l == line and fragment in m for l, m in found), found


def test_nul_in_a_name_is_refused(kb: KnowledgeBase, tmp_path: Path) -> None:
    found = problems(kb, write(tmp_path, GOOD.replace("  - party: acme", '  - party: "ac\\0me"')))
    assert any(l == 5 and "NUL" in m for l, m in found), found


@pytest.mark.parametrize(("name", "text"), [
    ("deep.yaml", "id: deep\nfacts: " + "[" * 5000 + "]" * 5000 + "\n"),
    ("deep.json", '{"id": "deep", "facts": ' + "[" * 100000 + "]" * 100000 + "}"),
])
def test_deep_nesting_is_refused(kb: KnowledgeBase, tmp_path: Path, name: str, text: str) -> None:
    assert any("nesting too deep" in m for _, m in problems(kb, write(tmp_path, text, name)))


def test_an_output_copying_another_output_is_accepted(kb: KnowledgeBase, tmp_path: Path) -> None:
    # D29: the vocabulary lets a case say that an output copies another output.
    text = GOOD.replace("  - output: o1\n", "  - output: o1\n  - output: o2\n").replace(
        "[o1, w1]", "[o1, o2]")
    case = kb.load_case(write(tmp_path, text))
    assert any(f.pred == "substantially_similar" and f.args == ("o1", "o2") for f in case.facts)
