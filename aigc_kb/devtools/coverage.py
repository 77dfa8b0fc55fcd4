"""Which rules the cases exercise (``aigc-kb coverage``).

Per doctrine: the rules encoding it in each engine, the cases testing it
(``tests:``), and per *rule* whether any reading of any case fires it.

* Prolog: a ``swipl`` subprocess (``aigc_kb/prolog/lint.pl``, mode
  ``fired``) loads the kb and, for each case reading, calls the body of every
  registered rule with the case loaded (``aigc:with_case/3``); the rules
  whose body has a solution fire.  The facts reach it as data, written with
  :mod:`aigc_kb.engines.quoting` into a file it reads with ``read_term/2``.
* ASP: the encoding without ``show.lp`` is grounded and solved on the case
  with ``#show concluded/2. #show derived/2.``; the labels of the shown atoms
  fire.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import clingo

from ..engines.asp import AspEngine
from ..core.errors import EngineError, KbError
from ..engines import asp_rules
from .lint import LABEL_WRAPPERS, SHOW_FILE, asp_labels, parse_asp, prolog_settings, run_prolog_helper
from ..core.model import Case, Reading
from ..core.paths import KbPaths
from ..engines.prolog import PrologEngine
from ..engines.quoting import prolog_atom
from ..core.reading import ResolvedReading, resolve
from ..core.vocabulary import Vocabulary

#: The statements added to the encoding to see every labelled atom.
SHOW_LABELS = "#show concluded/2.\n#show derived/2.\n"


@dataclass(frozen=True)
class CaseReading:
    """One reading of one case: what a rule is fired by."""

    case: str
    reading: str
    resolved: ResolvedReading

    @property
    def key(self) -> str:
        return f"{self.case}/{self.reading}"


@dataclass(frozen=True)
class RuleCoverage:
    """One rule of one engine and the case readings that fire it.

    Attributes
    ----------
    engine : str
        ``prolog`` or ``asp``.
    id : str
        The Prolog rule id or the ASP label.
    doctrines : tuple[str, ...]
        The doctrines it cites (upper case).
    file, line : str, int | None
        Where it is written.
    fired_by : tuple[str, ...]
        ``case/reading`` keys of the readings under which it fires.
    """

    engine: str
    id: str
    doctrines: tuple[str, ...]
    file: str
    line: int | None
    fired_by: tuple[str, ...]

    @property
    def fired(self) -> bool:
        return bool(self.fired_by)

    def as_dict(self) -> dict[str, Any]:
        return {"engine": self.engine, "id": self.id, "doctrines": list(self.doctrines),
                "file": self.file, "line": self.line, "fired_by": list(self.fired_by)}


@dataclass(frozen=True)
class DoctrineCoverage:
    """The rules of each engine encoding a doctrine and the cases testing it."""

    doctrine: str
    name: str
    prolog_rules: tuple[str, ...]
    asp_rules: tuple[str, ...]
    cases: tuple[tuple[str, str], ...]

    def as_dict(self) -> dict[str, Any]:
        return {"doctrine": self.doctrine, "name": self.name, "prolog_rules": list(self.prolog_rules),
                "asp_rules": list(self.asp_rules),
                "cases": [{"case": c, "sign": s} for c, s in self.cases]}


@dataclass
class CoverageReport:
    """Coverage of every doctrine and every rule by a set of cases."""

    doctrines: list[DoctrineCoverage] = field(default_factory=list)
    rules: list[RuleCoverage] = field(default_factory=list)
    cases: int = 0
    readings: int = 0

    def engine_rules(self, engine: str) -> list[RuleCoverage]:
        return [r for r in self.rules if r.engine == engine]

    def unfired(self, engine: str | None = None) -> list[RuleCoverage]:
        """The rules no case reading fires (of one engine, or of both)."""
        return [r for r in self.rules if not r.fired and engine in (None, r.engine)]

    def rule(self, engine: str, rule_id: str) -> RuleCoverage:
        for r in self.rules:
            if r.engine == engine and r.id == rule_id:
                return r
        raise KeyError(f"{engine} rule {rule_id}")

    def as_dict(self) -> dict[str, Any]:
        return {"cases": self.cases, "readings": self.readings,
                "doctrines": [d.as_dict() for d in self.doctrines],
                "rules": [r.as_dict() for r in self.rules],
                "summary": self.summary()}

    def summary(self) -> dict[str, int]:
        prolog, asp = self.engine_rules("prolog"), self.engine_rules("asp")
        return {
            "doctrines": len(self.doctrines),
            "doctrines_without_prolog_rule": sum(not d.prolog_rules for d in self.doctrines),
            "doctrines_without_asp_rule": sum(not d.asp_rules for d in self.doctrines),
            "doctrines_without_cases": sum(not d.cases for d in self.doctrines),
            "prolog_rules": len(prolog), "prolog_unfired": sum(not r.fired for r in prolog),
            "asp_rules": len(asp), "asp_unfired": sum(not r.fired for r in asp),
            "cases": self.cases, "readings": self.readings,
        }


def case_readings(vocab: Vocabulary, case: Case) -> list[CaseReading]:
    """Every reading a case is checked under (its ``expect`` blocks, else its default)."""
    blocks = [block.reading for block in case.expect] or [Reading("default", None, case.positions)]
    return [CaseReading(case.id, r.name, resolve(vocab, r, source=case.path)) for r in blocks]


# ---------------------------------------------------------------------------
# Prolog
# ---------------------------------------------------------------------------

def prolog_firing(paths: KbPaths, vocab: Vocabulary,
                  work: list[tuple[Case, CaseReading]]) -> tuple[list[dict[str, Any]], dict[str, set[str]]]:
    """The registered rules, and the ids of the rules each case reading fires.

    Raises
    ------
    KbError
        When the kb does not load or a case reading cannot be evaluated.
    """
    settings = prolog_settings(paths, vocab)
    keys = {}
    for index, (case, reading) in enumerate(work):
        key = f"r{index}"
        keys[key] = reading.key
        settings.append(f"case({prolog_atom(key)}, {PrologEngine.facts_term(case)}, "
                        f"{PrologEngine.options_term(reading.resolved)}).")
    rules: list[dict[str, Any]] = []
    fired: dict[str, set[str]] = {}
    for record in run_prolog_helper("fired", settings):
        kind = record.get("record")
        if kind == "rule":
            rules.append(record)
        elif kind == "fired":
            for rule_id in record["rules"]:
                fired.setdefault(rule_id, set()).add(keys[record["case"]])
        elif kind == "error":
            raise KbError(f"{keys[record['case']]}: the Prolog encoding failed: {record['message']}")
        elif kind == "failure":
            raise KbError(f"the Prolog encoding does not load: {record['message']}")
    return rules, fired


# ---------------------------------------------------------------------------
# ASP
# ---------------------------------------------------------------------------

def asp_fired_labels(files: list[Path], instance: str) -> set[str]:
    """The labels of every ``concluded/2`` and ``derived/2`` atom of every answer set."""
    ctl = clingo.Control(["--models=0"], logger=lambda code, msg: None)
    try:
        asp_rules.add_program(ctl, files)
        ctl.add("base", [], instance + SHOW_LABELS)
        ctl.ground([("base", [])])
    except RuntimeError as err:
        raise KbError(f"the ASP encoding failed: {err}") from None
    labels: set[str] = set()

    def on_model(model: clingo.Model) -> None:
        for symbol in model.symbols(shown=True):
            if symbol.name in LABEL_WRAPPERS and len(symbol.arguments) == 2:
                labels.add(str(symbol.arguments[0]))

    result = ctl.solve(on_model=on_model)
    if not result.satisfiable:
        raise EngineError("the ASP encoding has no answer set for this case")
    return labels


def asp_firing(paths: KbPaths, work: list[tuple[Case, CaseReading]]) -> dict[str, set[str]]:
    """The keys of the case readings that fire each label."""
    files = [f for f in paths.asp_files if f.name != SHOW_FILE]
    fired: dict[str, set[str]] = {}
    for case, reading in work:
        for label in asp_fired_labels(files, AspEngine.instance_text(case, reading.resolved)):
            fired.setdefault(label, set()).add(reading.key)
    return fired


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------

def coverage(kb: Any, cases: Iterable[Case]) -> CoverageReport:
    """The coverage of every doctrine and rule of ``kb`` by ``cases``.

    Parameters
    ----------
    kb : KnowledgeBase
        The kb (its paths and vocabulary; no engine of this process is used).
    cases : iterable of Case
        Validated cases; each is run under every reading it is checked under.
    """
    paths: KbPaths = kb.paths
    vocab: Vocabulary = kb.vocab
    cases = list(cases)
    work = [(case, reading) for case in cases for reading in case_readings(vocab, case)]
    prolog_rules, prolog_fired = prolog_firing(paths, vocab, work)
    labels = asp_labels(parse_asp(paths.asp_files))
    asp_fired = asp_firing(paths, work)
    rules = [RuleCoverage("prolog", r["id"], tuple(sorted(d.upper() for d in r["doctrines"])),
                          r["file"], r["line"] or None, tuple(sorted(prolog_fired.get(r["id"], ()))))
             for r in sorted(prolog_rules, key=lambda r: str(r["id"]))]
    rules += [RuleCoverage("asp", lbl.label, lbl.doctrines, lbl.file, lbl.line,
                           tuple(sorted(asp_fired.get(lbl.label, ()))))
              for lbl in labels]
    doctrines = []
    for doctrine_id in vocab.doctrine_ids():
        doctrine = vocab.doctrines[doctrine_id]
        doctrines.append(DoctrineCoverage(
            doctrine_id, doctrine.name,
            tuple(r.id for r in rules if r.engine == "prolog" and doctrine_id in r.doctrines),
            tuple(r.id for r in rules if r.engine == "asp" and doctrine_id in r.doctrines),
            tuple(sorted((c.id, sign) for c in cases for d, sign in c.tests if d == doctrine_id)),
        ))
    return CoverageReport(doctrines, rules, cases=len(cases), readings=len(work))
