"""Check cases: hand-derived expectations on both engines, and their agreement."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .api import ENGINES, KnowledgeBase
from .core.model import Case, Expectation, Fact, Reading, ReadingExpectations
from .core.result import Conclusion, Evaluation
from .core.errors import InputError


@dataclass(frozen=True)
class Failure:
    """One expectation or agreement that did not hold."""

    case: str
    file: str
    line: int | None
    reading: str
    engine: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: [{self.reading}/{self.engine}] {self.message}"


@dataclass
class CaseReport:
    """The outcome of checking one case."""

    case: str
    file: str
    expectations: int = 0
    readings: int = 0
    failures: list[Failure] = field(default_factory=list)
    #: What was not checked, and why (e.g. a ``variant_of`` case that could not be found).
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _matches(exp: Expectation, conclusion: Conclusion, names: tuple[str, ...]) -> bool:
    if conclusion.pred != exp.pred:
        return False
    values = dict(zip(names, conclusion.args))
    return all(values.get(k) == v for k, v in exp.fields)


def check_expectation(exp: Expectation, result: Evaluation, names: tuple[str, ...]) -> str | None:
    """``None`` when ``exp`` holds of ``result``, else what went wrong."""
    found = [c for c in result.conclusions if _matches(exp, c, names)]
    if exp.mode == "absent":
        if found:
            return f"expected no {exp}, but found {', '.join(map(str, found))}"
        return None
    if not found:
        near = [str(c) for c in result.of(exp.pred)]
        return f"expected {exp}, not concluded (concluded {exp.pred}: {', '.join(near) or 'none'})"
    cited = {d for c in found for d in c.doctrines}
    missing = [d for d in exp.because if d not in cited]
    if missing:
        return f"{exp} holds but its rules cite {', '.join(sorted(cited)) or 'nothing'}, not {', '.join(missing)}"
    return None


def disagreement(left: Evaluation, right: Evaluation) -> list[str]:
    """Every conclusion, or citation, on which two evaluations differ."""
    a = {c.key(): c for c in left.conclusions}
    b = {c.key(): c for c in right.conclusions}
    out = []
    for key in sorted(a.keys() | b.keys()):
        if key not in b:
            out.append(f"only {left.engine} concludes {a[key]}")
        elif key not in a:
            out.append(f"only {right.engine} concludes {b[key]}")
        elif a[key].doctrines != b[key].doctrines:
            out.append(f"{a[key]}: {left.engine} cites {', '.join(a[key].doctrines)}, "
                       f"{right.engine} cites {', '.join(b[key].doctrines)}")
    return out


def _variant_problem(case: Case, other: Case) -> str | None:
    assert case.differs_by is not None
    how, what = case.differs_by
    mine, theirs = set(case.facts), set(other.facts)
    if how == "position":
        assert isinstance(what, tuple)
        point, position = str(what[0]), str(what[1])
        if mine != theirs:
            return "differs_by names a position, but the facts differ too"
        taken = [dict(case.positions).get(point)] + [dict(r.reading.positions).get(point) for r in case.expect]
        if position not in taken:
            return f"differs_by names {point}={position}, but no reading of this case takes it"
        return None
    assert isinstance(what, Fact)
    expected = theirs | {what} if how == "added" else theirs - {what}
    if (how == "added" and what in theirs) or (how == "removed" and what not in theirs) or mine != expected:
        extra = sorted(map(str, mine ^ expected))
        return f"differs from {other.id} by more than {how} {what} (also: {', '.join(extra) or 'the fact itself'})"
    return None


def variant_base(kb: KnowledgeBase, case: Case, siblings: dict[str, Case]) -> tuple[Case | None, str | None]:
    """The case ``case`` is a ``variant_of``, and a note when it cannot be had.

    It is taken from ``siblings`` (the cases checked together), else loaded
    from the file named by its id in the directory of ``case``
    (``<id>.yaml``, ``.yml`` or ``.json``).  Returns ``(base, None)``, or
    ``(None, note)`` when there is no such file.

    Raises
    ------
    InputError
        When the file named by the id does not load.
    """
    assert case.variant_of is not None
    if case.variant_of in siblings:
        return siblings[case.variant_of], None
    directory = Path(case.path).parent
    for suffix in (".yaml", ".yml", ".json"):
        file = directory / f"{case.variant_of}{suffix}"
        if file.is_file():
            base = kb.load_case(file)
            if base.id == case.variant_of:
                return base, None
    return None, (f"variant_of {case.variant_of!r} not checked: it is not among the cases checked "
                  f"and {directory / (case.variant_of + '.yaml')} does not hold it")


def check_case(kb: KnowledgeBase, case: Case, siblings: dict[str, Case] | None = None) -> CaseReport:
    """Check every expectation of ``case`` on both engines, and their agreement.

    When ``case`` is a ``variant_of`` another, the difference it declares
    (``differs_by``) is checked against that case, found as
    :func:`variant_base` finds it; when it cannot be found, the check is left
    out with a note.
    """
    report = CaseReport(case.id, case.path)
    readings = case.expect or (ReadingExpectations(Reading("default", None, case.positions)),)
    for block in readings:
        report.readings += 1
        results = {e: kb.evaluate_named_reading(case, block.reading, e) for e in ENGINES}
        for engine, result in results.items():
            for exp in block.holds + block.absent:
                report.expectations += 1
                names = kb.vocab.outputs[exp.pred].arg_names
                message = check_expectation(exp, result, names)
                if message:
                    report.failures.append(Failure(case.id, case.path, exp.line, block.reading.name, engine, message))
        for message in disagreement(results["prolog"], results["asp"]):
            report.failures.append(Failure(case.id, case.path, block.line, block.reading.name, "agreement", message))
    if case.variant_of is not None and siblings is not None:
        try:
            other, note = variant_base(kb, case, siblings)
        except InputError as err:
            problems = "; ".join(str(p) for p in err.problems[:3])
            report.failures.append(Failure(case.id, case.path, None, "-", "case",
                                           f"variant_of {case.variant_of!r}: its file does not load: {problems}"))
            return report
        if other is None:
            report.notes.append(note or "")
        else:
            message = _variant_problem(case, other)
            if message:
                report.failures.append(Failure(case.id, case.path, None, "-", "case", message))
    return report
