"""Batch evaluation gives exactly the records of evaluating each case alone."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import clingo
import clingo.ast
import pytest

from aigc_kb import Case, Fact, KnowledgeBase
from aigc_kb.batch.pipeline import (BatchItem, batch_evaluator, batch_items, evaluate_alone, evaluate_chunk,
                                    evaluate_items)
from aigc_kb.batch.run import run_batch
from aigc_kb.batch.asp import AspBatch
from aigc_kb.batch.load import FastCaseLoader
from aigc_kb.batch.prolog import PrologText
from aigc_kb.batch.record import evaluation_record
from aigc_kb.batch.separable import analyse
from aigc_kb.core.errors import InputError
from aigc_kb.devtools.generate import WorldSize, declared, random_case, rename_case
from aigc_kb.core.loader import load_case_json_line
from aigc_kb.engines.prolog import PrologEngine
from aigc_kb.engines.quoting import asp_fact

from .conftest import CASE_FILES

#: Names no engine should trip over: spaces, quotes, backslashes, non-ASCII,
#: a name that is an ASP keyword, one like a constant of the encoding.
ODD_NAMES = ["Acme Corp", "o'brien", 'say "hi"', "back\\slash", "ünïcødé", "not", "c1_p1", "tab\there", "x" * 40]


def case_object(case: Case, positions: dict[str, str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": case.id,
                            "facts": [{f.pred: f.args[0] if len(f.args) == 1 else list(f.args)} for f in case.facts]}
    if case.unknown:
        data["unknown"] = [{f.pred: list(f.args)} for f in case.unknown]
    if positions:
        data["positions"] = positions
    return data


_VOCAB = KnowledgeBase().vocab


def renamed(case: Case, names: list[str]) -> Case:
    """The case with its first entities renamed to ``names`` (in order of declaration)."""
    declared_names = list(declared(case))
    return rename_case(case, dict(zip(declared_names, names)), _VOCAB)


@pytest.fixture(scope="module")
def batch_file(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Path:
    """A JSON Lines batch: generated worlds of several sizes, readings, odd names, and bad lines."""
    rng = random.Random(8)
    lines: list[str] = []
    for index in range(36):
        size = WorldSize(parties=rng.randint(1, 4), systems=rng.randint(1, 2), works=rng.randint(1, 3),
                         outputs=rng.randint(1, 3), facts=rng.choice([4, 16, 30]))
        case = random_case(index, size, vocab=kb.vocab, case_id=f"gen_{index}")
        positions = None
        if index % 5 == 1:
            positions = {"default_owner": "contributing_human", "remedy": "licence_fee"}
        if index % 7 == 3:
            case = renamed(case, ODD_NAMES[index % 4:])
        if index % 9 == 4:
            stated = set(case.facts)
            parties = [f.args[0] for f in case.facts if f.pred == "party"]
            extra = [f for f in (Fact("fault_proven", (a,)) for a in parties) if f not in stated]
            case = replace(case, unknown=tuple(extra[:1]))
        lines.append(json.dumps(case_object(case, positions), ensure_ascii=index % 2 == 0))
        if index == 5:
            lines.append('{"id": "undeclared", "facts": [{"party": "a"}, {"provider": ["a", "ghost"]}]}')
        if index == 9:
            lines.append("this is not JSON")
        if index == 12:
            lines.append('{"id": "open_position", "facts": [{"party": "a"}], "positions": {"remedy": "open"}}')
        if index == 14:
            lines.append('{"id": "unknown_pred", "facts": [{"party": "a"}, {"teleports": ["a"]}]}')
        if index == 17:
            lines.append("")
            lines.append('{"id": "empty", "facts": []}')
        if index == 20:
            lines.append('{"id": "conflict", "facts": [{"party": "a"}, {"risk_warning": "a"}, {"no_risk_warning": "a"}]}')
    path = tmp_path_factory.mktemp("batch") / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["prolog", "asp"])
def test_batch_equals_one_by_one(kb: KnowledgeBase, batch_file: Path, engine: str) -> None:
    items = list(batch_items(batch_file, kb))
    alone = [evaluate_alone(kb, item, engine) for item in items]
    batched = list(run_batch(kb, batch_file, engine))
    assert [r.get("case") for r in batched] == [r.get("case") for r in alone]
    assert batched == alone
    failed = {r["source"] for r in batched if "errors" in r}
    bad_lines = {f"{batch_file}:{number}" for number, line in enumerate(batch_file.read_text("utf-8").splitlines(), 1)
                 if any(mark in line for mark in ("undeclared", "not JSON", "open_position", "unknown_pred", "conflict"))}
    assert failed == bad_lines and len(failed) == 5
    assert sum(1 for r in batched if r.get("liable")) >= 5  # the outcomes are mixed
    assert sum(1 for r in batched if "errors" not in r and not r["liable"]) >= 5


def test_batch_of_case_files_equals_one_by_one(kb: KnowledgeBase, tmp_path: Path) -> None:
    for file in CASE_FILES[::6]:
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "broken.yaml").write_text("id: broken\nfacts:\n  - party: a\n  - provider: [a, ghost]\n",
                                          encoding="utf-8")
    for engine in ("prolog", "asp"):
        items = list(batch_items(tmp_path, kb))
        assert list(run_batch(kb, tmp_path, engine)) == [evaluate_alone(kb, item, engine) for item in items]


def test_a_then_b_in_one_chunk_equals_b_alone(kb: KnowledgeBase) -> None:
    cases = [kb.load_case(f) for f in CASE_FILES[:12]]
    items = [BatchItem(c.path, c) for c in cases]
    for engine in ("prolog", "asp"):
        forward = evaluate_chunk(kb, items, engine)
        backward = evaluate_chunk(kb, items[::-1], engine)
        assert forward == backward[::-1]
        assert forward == [kb.evaluate(c, engine=engine).as_dict(kb.vocab) for c in cases]


def test_workers_keep_the_input_order(kb: KnowledgeBase, batch_file: Path) -> None:
    one = list(run_batch(kb, batch_file, "prolog", workers=1))
    two = list(run_batch(None, batch_file, "prolog", workers=2))
    assert two == one


def test_a_bad_batch_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(run_batch(None, tmp_path / "cases.txt", "prolog"))
    with pytest.raises(InputError):
        list(run_batch(None, tmp_path / "missing.jsonl", "asp", workers=2))


def test_cases_the_chunk_cannot_settle_are_evaluated_alone(kb: KnowledgeBase, batch_file: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(batch_items(batch_file, kb))[:12]
    evaluator = batch_evaluator(kb, "prolog")
    calls = []
    monkeypatch.setattr(evaluator, "call", lambda request: calls.append(request))  # every call fails as a whole
    assert list(evaluate_items(kb, items, "prolog")) == [evaluate_alone(kb, item, "prolog") for item in items]
    assert calls
    assert evaluate_chunk(kb, items, "no_such_engine") == [evaluate_alone(kb, i, "no_such_engine") for i in items]
    assert all("unknown engine" in r["errors"][0] for r in evaluate_chunk(kb, items[:3], "no_such_engine"))


def test_an_asp_group_without_one_answer_set_gives_no_result(kb: KnowledgeBase) -> None:
    """A group without one answer set gives no result: every case is then evaluated alone."""
    batch = AspBatch(kb)
    cases = [random_case(i, vocab=kb.vocab) for i in range(6)]
    pairs = [(c, kb.resolve(c)) for c in cases]
    programs, alone = batch.group_programs(pairs)
    assert not alone and len(programs) == 1
    broken = replace(programs[0], text=programs[0].text + ":- party(X).\n")
    assert batch.call([broken]) == [None]  # no answer set: no result for any case
    assert batch.decode(len(pairs), [broken], [None]) == [None] * len(pairs)
    together = [sorted(rows or []) for rows in batch.evaluate(pairs)]
    assert together == [sorted(batch.evaluate([p])[0] or []) for p in pairs]
    assert all(together)


def test_an_entity_named_like_an_encoding_constant_is_evaluated_alone(kb: KnowledgeBase) -> None:
    case = renamed(random_case(3, vocab=kb.vocab), ["provider", "primary", "d02"])
    batch = AspBatch(kb)
    _, alone = batch.group_programs([(case, kb.resolve(case))])
    assert alone == [0]
    item = BatchItem("x", case)
    assert evaluate_chunk(kb, [item], "asp") == [evaluate_alone(kb, item, "asp")]


# ------------------------------------------------------------- loading --
def test_fast_loader_gives_the_loader_s_case_or_defers(kb: KnowledgeBase, batch_file: Path) -> None:
    loader = FastCaseLoader(kb.vocab)
    rng = random.Random(3)
    lines = [line for line in batch_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    mutated = []
    for line in lines:
        try:
            data = json.loads(line)
        except ValueError:
            continue
        for mutate in _MUTATIONS:
            copy = json.loads(json.dumps(data))
            mutate(copy, rng)
            mutated.append(json.dumps(copy))
    checked = 0
    for number, line in enumerate(lines + mutated, 1):
        try:
            expected: Any = load_case_json_line(line, "b.jsonl", number, kb.vocab)
        except InputError as err:
            expected = [str(p) for p in err.problems]
        try:
            got: Any = loader.load_line(line, "b.jsonl", number)
        except InputError as err:
            got = [str(p) for p in err.problems]
        assert got == expected, line
        checked += 1
    assert loader.fast > len(lines) // 2 and loader.slow > 20
    assert checked > 200


def _drop_declaration(data: dict[str, Any], rng: random.Random) -> None:
    decls = [i for i, f in enumerate(data["facts"]) if next(iter(f)) in ("party", "system", "work", "output")]
    if decls:
        del data["facts"][rng.choice(decls)]


def _bad_enum(data: dict[str, Any], rng: random.Random) -> None:
    data["facts"].append({"purpose": ["p1", "o1", "fun"]})


def _wrong_arity(data: dict[str, Any], rng: random.Random) -> None:
    data["facts"].append({"provider": ["p1"]})


def _number_arg(data: dict[str, Any], rng: random.Random) -> None:
    data["facts"].append({"party": 7})


def _nested(data: dict[str, Any], rng: random.Random) -> None:
    data["facts"].append({"provider": [["p1"], "s1"]})


def _extra_key(data: dict[str, Any], rng: random.Random) -> None:
    data["tests"] = ["D01+"]


def _reserved(data: dict[str, Any], rng: random.Random) -> None:
    data["facts"].append({"party": "none"})


def _two_types(data: dict[str, Any], rng: random.Random) -> None:
    data["facts"] += [{"party": "dual"}, {"system": "dual"}]


def _unknown_stated(data: dict[str, Any], rng: random.Random) -> None:
    facts = [f for f in data["facts"] if next(iter(f)) not in ("party", "system", "work", "output")]
    if facts:
        data["unknown"] = [rng.choice(facts)]


def _unknown_entity(data: dict[str, Any], rng: random.Random) -> None:
    data["unknown"] = [{"party": ["zed"]}]


def _bad_id(data: dict[str, Any], rng: random.Random) -> None:
    data["id"] = "has space"


def _position(data: dict[str, Any], rng: random.Random) -> None:
    data["positions"] = rng.choice([{"remedy": "licence_fee"}, {"remedy": "maybe"}, {"nope": "x"}, {"remedy": None}])


def _conflict(data: dict[str, Any], rng: random.Random) -> None:
    data["facts"] += [{"party": "cf"}, {"fault_proven": "cf"}, {"fault_rebutted": "cf"}]


def _empty_name(data: dict[str, Any], rng: random.Random) -> None:
    data["facts"].append({"party": ""})


def _null_title(data: dict[str, Any], rng: random.Random) -> None:
    data["title"] = None


_MUTATIONS = [_drop_declaration, _bad_enum, _wrong_arity, _number_arg, _nested, _extra_key, _reserved,
              _two_types, _unknown_stated, _unknown_entity, _bad_id, _position, _conflict, _empty_name, _null_title]


# ------------------------------------------------------------- records --
def test_records_equal_the_evaluation_s_json_form(kb: KnowledgeBase) -> None:
    checked = 0
    for file in CASE_FILES:
        case = kb.load_case(file)
        if "open" in dict(case.positions).values():
            continue  # a scenario case: not for evaluate
        checked += 1
        for engine in ("prolog",):
            evaluation = kb.evaluate(case, engine=engine, regime="fault")
            rows = [(c.pred, c.args, c.doctrines) for c in evaluation.conclusions]
            random.Random(file.name).shuffle(rows)
            record = evaluation_record(kb.vocab, case, engine, kb.resolve(case, "fault"), rows)
            assert record == evaluation.as_dict(kb.vocab), file.name
            assert json.dumps(record) == json.dumps(evaluation.as_dict(kb.vocab))
    assert checked > 100


# --------------------------------------------------------------- texts --
def test_prolog_text_is_the_engine_s_own_quoting(kb: KnowledgeBase) -> None:
    text = PrologText()
    for index in range(20):
        case = renamed(random_case(index, vocab=kb.vocab), ODD_NAMES[index % 5:])
        assert text.facts_text(case) == PrologEngine.facts_term(case)
        reading = kb.resolve(case, "fault", {"remedy": "licence_fee"})
        assert text.options_text(reading) == PrologEngine.options_term(reading)


def test_asp_fact_text_is_what_clingo_writes(kb: KnowledgeBase) -> None:
    batch = AspBatch(kb)
    cases = [renamed(random_case(i, vocab=kb.vocab), ODD_NAMES[i % 6:]) for i in range(12)]
    programs, _ = batch.group_programs([(c, kb.resolve(c)) for c in cases])
    written = {line.rstrip(".") for p in programs for line in p.text.splitlines()}
    for program in programs:
        for index in program.members:
            for fact in cases[index].facts:
                symbol = asp_fact(fact)
                renamed_args = [clingo.Function(n) for n in _renamed_texts(program, index, fact, kb)]
                expected = clingo.Function(symbol.name, renamed_args)
                assert str(expected) in written, fact
                for arg in renamed_args:
                    assert clingo.parse_term(str(arg)) == arg


def _renamed_texts(program: Any, index: int, fact: Fact, kb: KnowledgeBase) -> list[str]:
    back = {(program.owners[t], name): t for t, name in program.names.items()}
    types = ("x",) if fact.pred in ("party", "system", "work", "output") else kb.vocab.inputs[fact.pred].args
    return [back[(index, a)] if (t == "x" or kb.vocab.entity_types_of(t)) else str(asp_fact(Fact("f", (a,))).arguments[0])
            for t, a in zip(types, fact.args)]


# --------------------------------------------------------- separability --
def _verdict(program: str, kb: KnowledgeBase) -> tuple[bool, str]:
    statements: list[clingo.ast.AST] = []
    clingo.ast.parse_string(program, statements.append)
    result = analyse(statements, kb.vocab)
    return result.ok, result.reason


def test_the_bundled_encoding_is_separable(kb: KnowledgeBase) -> None:
    assert AspBatch(kb).verdict.ok, AspBatch(kb).verdict.reason


@pytest.mark.parametrize("program", [
    "held(P) :- party(P), provider(P, S).",
    "derived(r, seen(P, O)) :- requested_by(O, P).\nseen(P, O) :- derived(_, seen(P, O)).\n"
    "because(A, d) :- derived(L, A).",
    "owner(O, none) :- output(O), not requested_by(O, _).\nalso(O, P) :- owner(O, P), P != none, party(P).",
    "flag(P) :- party(P), regime(strict).\nregime(strict).",
])
def test_separable_programs_pass(kb: KnowledgeBase, program: str) -> None:
    ok, reason = _verdict(program, kb)
    assert ok, reason


@pytest.mark.parametrize("program, leak", [
    ("lonely(P) :- party(P), not provider(_, _).", "provider/2"),
    ("pair(P, O) :- party(P), output(O).", "is not joined"),
    ("some :- party(P).", "not tied"),
    ("many(P) :- party(P), #count { Q : party(Q) } > 2.", "#count"),
    ("first(P) :- party(P), party(Q), P < Q.", "comparison"),
    ("owner(O, none) :- output(O).\nsame(A, B) :- owner(A, X), owner(B, X).", "is not joined"),
    ("kind(K) :- purpose(_, _, K).\nuses(P) :- party(P), kind(commercial).", "not tied"),
    ("party(ghost).", "no case fact"),
])
def test_leaking_programs_are_caught(kb: KnowledgeBase, program: str, leak: str) -> None:
    ok, reason = _verdict(program, kb)
    assert not ok
    assert leak in reason


def test_a_leaking_encoding_falls_back_to_one_by_one(kb: KnowledgeBase, tmp_path: Path) -> None:
    """An edited encoding that reads case facts across cases is evaluated case by case."""
    import shutil

    copy = tmp_path / "kb"
    shutil.copytree(kb.paths.root, copy)
    (copy / "asp" / "leak.lp").write_text("leak_seen :- party(_).\n", encoding="utf-8")
    edited = KnowledgeBase(copy)
    batch = AspBatch(edited)
    assert not batch.verdict.ok
    cases = [random_case(i, vocab=edited.vocab) for i in range(3)]
    assert batch.evaluate([(c, edited.resolve(c)) for c in cases]) == [None, None, None]


def test_shown_atoms_are_split_back_with_or_without_their_because(kb: KnowledgeBase) -> None:
    from aigc_kb.batch.asp import GroupProgram

    batch = AspBatch(kb)
    program = GroupProgram("", [0, 1], {"c0_0": "acme", "c1_0": "acme", "c1_1": "Bob Smith"},
                           {"c0_0": 0, "c1_0": 1, "c1_1": 1})
    liable = "liable(c0_0,primary,reproduction,training)"
    text = (f"{liable},remedy(c1_1,damages),because({liable},d02),because({liable},d07),"
            "because(remedy(c1_1,damages),d24),tangible_owner(c1_0,none)")
    rows = batch._decode_text(text, 6, program)  # noqa: SLF001 - tangible_owner has no because
    assert rows == {0: [("liable", ("acme", "primary", "reproduction", "training"), ("D02", "D07"))],
                    1: [("remedy", ("Bob Smith", "damages"), ("D24",)), ("tangible_owner", ("acme", "none"), ())]}
    everything = text.replace(",tangible_owner(c1_0,none)", "")
    assert batch._decode_text(everything, 5, program) == {0: rows[0], 1: rows[1][:1]}  # noqa: SLF001
    assert batch._decode_text("liable(c0_0,primary)", 1, program) is None  # noqa: SLF001 - wrong arity
    assert batch._decode_text("liable(x,primary,reproduction,training)", 1, program) is None  # noqa: SLF001


def test_the_grounding_child_is_replaced_and_survives_being_killed(kb: KnowledgeBase,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import aigc_kb.batch.grounder as grounder_module

    batch = AspBatch(kb)
    cases = [random_case(i, vocab=kb.vocab) for i in range(8)]
    pairs = [(c, kb.resolve(c)) for c in cases]
    expected = [sorted(rows or []) for rows in batch.evaluate(pairs)]
    assert all(expected)
    monkeypatch.setattr(grounder_module, "PROGRAMS_PER_CHILD", 1)
    first = batch.grounder._process  # noqa: SLF001
    assert [sorted(rows or []) for rows in batch.evaluate(pairs)] == expected
    assert batch.grounder._process is None and first is not None and first.poll() is not None  # noqa: SLF001
    monkeypatch.setattr(grounder_module, "PROGRAMS_PER_CHILD", 100)
    batch.evaluate(pairs[:2])
    process = batch.grounder._process  # noqa: SLF001
    assert process is not None
    process.kill()
    process.wait()
    assert [sorted(rows or []) for rows in batch.evaluate(pairs)] == expected
    assert batch.grounder.cpu_seconds() > 0 and batch.grounder.peak_mb > 0


def test_a_worker_that_dies_loses_no_case(kb: KnowledgeBase, batch_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    from aigc_kb.batch import pool as batch_pool

    submit = batch_pool._Pool.submit  # noqa: SLF001
    killed: list[int] = []

    def submit_then_kill(self: Any, task: list[Any]) -> Any:
        future = submit(self, task)
        if not killed:
            pid = next(iter(self.executor._processes))  # noqa: SLF001 - a worker of this pool
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        return future

    restart = batch_pool._Pool.restart  # noqa: SLF001
    restarts: list[int] = []

    def counted_restart(self: Any) -> None:
        restarts.append(1)
        restart(self)

    monkeypatch.setattr(batch_pool._Pool, "submit", submit_then_kill)  # noqa: SLF001
    monkeypatch.setattr(batch_pool._Pool, "restart", counted_restart)  # noqa: SLF001
    records = list(run_batch(None, batch_file, "prolog", workers=2))
    assert killed and restarts  # the pool broke and was started again
    assert records == list(run_batch(kb, batch_file, "prolog"))
