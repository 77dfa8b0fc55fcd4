"""Check the invariants of the law (catalogue I01-I10) on the results of either engine.

Most invariants are written once, declaratively, in ``kb/invariants.lp``: an
engine-neutral ASP program over a result.  :meth:`Auditor.check_result` turns
one evaluation (Prolog or ASP) into atoms of the output predicates -- each
conclusion through :func:`~aigc_kb.engines.quoting.asp_name`, the one quoting
function, never by joining case text -- adds the case's input facts and the
reading, grounds that program with clingo and reads ``violation(Id, Witness)``.

The invariants that compare two evaluations are checked here by running the
engine again (each named by the check it is, :data:`ENGINE_CHECKS`):

``raw_ai`` (I02)
    the case with every system also declared a party and named as provider,
    developer and user of itself, run on the raw engine (no validator): no
    system may be liable, an infringer, owe a remedy or own anything;
``regime_training`` (I08)
    the same case under every regime: the training-stage infringements and
    liabilities are the same;
``strict_knowledge`` (I08)
    under ``strict``, without the facts of a provider's knowledge
    (``provider_knew``, ``provider_should_have_known``, ``notice_received``):
    who is liable for which right in which stage is the same;
``unrelated_breach`` (I09)
    every provider also fails to filter a fresh, well-known work that no
    output copies (a breach related to no output): no conclusion that names
    no fresh entity changes;
``renaming`` (I10)
    every entity renamed: the conclusions, renamed back, are the same;
``unrelated_fact`` (I10)
    a fresh rights holder with a fresh, well-known work on a provenance
    record: no conclusion that names no fresh entity changes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import AigcError
from ..core.model import Case, Fact, Reading
from ..core.paths import default_kb_dir
from ..core.reading import ResolvedReading, resolve
from ..core.result import Conclusion
from ..core.vocabulary import ENTITY_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from ..api import KnowledgeBase

#: The file of the declarative invariants, in a kb directory.
INVARIANTS_FILE = "invariants.lp"
#: The checks that need a second evaluation, with the invariant each belongs to.
ENGINE_CHECKS: dict[str, str] = {
    "raw_ai": "i02",
    "regime_training": "i08",
    "strict_knowledge": "i08",
    "unrelated_breach": "i09",
    "renaming": "i10",
    "unrelated_fact": "i10",
}
#: The facts of a provider's knowledge (D16: irrelevant to whether it is liable under strict).
KNOWLEDGE_FACTS = ("provider_knew", "provider_should_have_known", "notice_received")
#: The prefix of the entities :func:`unrelated_variant` adds.
FRESH = "zz_unrelated"

_HEADER = re.compile(r'^%@\s*invariant\((\w+),\s*"((?:[^"\\]|\\.)*)",\s*\[(.*)\]\)\.\s*$')


@dataclass(frozen=True)
class Invariant:
    """One invariant as ``kb/invariants.lp`` declares it.

    Attributes
    ----------
    id : str
        ``i01`` ... ``i10``.
    statement : str
        The invariant in words (the catalogue's).
    sources : tuple[str, ...]
        The catalogue rows it comes from.
    checks : tuple[str, ...]
        The second-evaluation checks of :data:`ENGINE_CHECKS` that belong to it.
    """

    id: str
    statement: str
    sources: tuple[str, ...]
    checks: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class Violation:
    """A broken invariant: which, where, and the entities involved.

    Attributes
    ----------
    invariant : str
        The invariant's id (``i01``).
    case : str
        The case id.
    engine : str
        ``prolog`` or ``asp``.
    reading : str
        The reading's name.
    witness : str
        The ``violation`` atom's second argument, or a second-evaluation check's account.
    check : str
        ``rules`` (kb/invariants.lp) or a name of :data:`ENGINE_CHECKS`.
    """

    invariant: str
    case: str
    engine: str
    reading: str
    witness: str
    check: str = "rules"

    def as_dict(self) -> dict[str, str]:
        return {"invariant": self.invariant, "case": self.case, "engine": self.engine, "reading": self.reading,
                "check": self.check, "witness": self.witness}

    def __str__(self) -> str:
        return f"{self.invariant.upper()} {self.case} [{self.reading}/{self.engine}] {self.check}: {self.witness}"


@dataclass
class AuditReport:
    """Everything one audit found.

    Attributes
    ----------
    violations : list[Violation]
        Sorted, without duplicates.
    evaluations : int
        Cases x readings x engines checked.
    skipped : list[str]
        Readings that could not be evaluated (e.g. an open choice point), with why.
    """

    violations: list[Violation] = field(default_factory=list)
    evaluations: int = 0
    skipped: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """Violations per invariant and engine."""
        out: dict[str, dict[str, int]] = {}
        for v in self.violations:
            out.setdefault(v.invariant, {}).setdefault(v.engine, 0)
            out[v.invariant][v.engine] += 1
        return out

    def cases_violating(self) -> dict[str, dict[str, int]]:
        """Per invariant and engine, how many distinct cases violate it."""
        seen: dict[str, dict[str, set[str]]] = {}
        for v in self.violations:
            seen.setdefault(v.invariant, {}).setdefault(v.engine, set()).add(v.case)
        return {i: {e: len(c) for e, c in per.items()} for i, per in seen.items()}

    def merge(self, other: AuditReport) -> None:
        self.violations = sorted(set(self.violations) | set(other.violations))
        self.evaluations += other.evaluations
        self.skipped.extend(other.skipped)


def invariants_path(kb_root: Path) -> Path:
    """``invariants.lp`` of the kb at ``kb_root``; the bundled one where that kb has none."""
    own = kb_root / INVARIANTS_FILE
    return own if own.is_file() else default_kb_dir() / INVARIANTS_FILE


def load_invariants(path: Path) -> list[Invariant]:
    """The invariants the headers ``%@ invariant(Id, "statement", [sources]).`` of ``path`` declare."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line.strip())
        if match:
            ident, statement, sources = match.groups()
            checks = tuple(c for c, i in ENGINE_CHECKS.items() if i == ident)
            found.append(Invariant(ident, statement.replace('\\"', '"'),
                                   tuple(re.findall(r'"([^"]*)"', sources)), checks))
    return found


# --------------------------------------------------------------- variants --
def _entities(case: Case) -> dict[str, str]:
    return {f.args[0]: f.pred for f in case.facts if f.pred in ENTITY_TYPES}


def raw_ai_variant(case: Case) -> Case | None:
    """The case with every system declared a party and provider, developer and user of itself (None: no system)."""
    systems = [name for name, kind in _entities(case).items() if kind == "system"]
    if not systems:
        return None
    extra = [Fact(pred, (s,) if pred == "party" else (s, s)) for s in systems
             for pred in ("party", "provider", "developer", "user")]
    present = set(case.facts)
    return replace(case, facts=case.facts + tuple(f for f in extra if f not in present))


def renaming_map(case: Case) -> dict[str, str]:
    """Every entity to a new name (``n<k>_<type>``, numbered against the declaration order)."""
    names = list(_entities(case).items())
    return {name: f"n{len(names) - i:03d}_{kind}" for i, (name, kind) in enumerate(names)}


def unrelated_variant(case: Case, breach: bool = False) -> Case | None:
    """The case with a fresh rights holder and a fresh, well-known work on a provenance record; with
    ``breach``, instead every provider fails to filter that work (None: the case has no provider)."""
    holder, work = f"{FRESH}_holder", f"{FRESH}_work"
    extra = [Fact("party", (holder,)), Fact("work", (work,)), Fact("owns_copyright", (holder, work)),
             Fact("well_known", (work,))]
    if breach:
        providers = sorted({f.args[0] for f in case.facts if f.pred == "provider"})
        if not providers:
            return None
        extra += [Fact("no_filtering", (p, work)) for p in providers]
    else:
        extra.append(Fact("provenance_record", (work, holder)))
    return replace(case, facts=case.facts + tuple(extra))


def without_knowledge(case: Case) -> Case | None:
    """The case without a provider's knowledge facts (None: it has none)."""
    providers = {f.args[0] for f in case.facts if f.pred == "provider"}
    kept = tuple(f for f in case.facts if not (f.pred in KNOWLEDGE_FACTS and f.args[0] in providers))
    return replace(case, facts=kept) if len(kept) != len(case.facts) else None


def _mentions(conclusion: Conclusion, prefix: str) -> bool:
    return any(a.startswith(prefix) for a in conclusion.args)


def _diff(first: set[tuple[str, tuple[str, ...]]], second: set[tuple[str, tuple[str, ...]]]) -> str:
    def show(items: Iterable[tuple[str, tuple[str, ...]]]) -> str:
        return ", ".join(f"{p}({', '.join(a)})" for p, a in sorted(items)) or "nothing"

    return f"lost {show(first - second)}; gained {show(second - first)}"


# ----------------------------------------------------------------- auditor --
class Auditor:
    """Checks the invariants on a knowledge base's results.

    Parameters
    ----------
    kb : KnowledgeBase
        Its engines produce the results; its ``invariants.lp`` (else the
        bundled one) states the invariants.
    engines : sequence of str
        ``prolog``, ``asp`` or both.
    second : bool
        Run the second-evaluation checks (:data:`ENGINE_CHECKS`) too.
    """

    def __init__(self, kb: KnowledgeBase, engines: Sequence[str] = ("prolog", "asp"), second: bool = True) -> None:
        self.kb = kb
        self.engines = tuple(engines)
        self.second = second
        self.path = invariants_path(kb.paths.root)
        self.program = self.path.read_text(encoding="utf-8")
        self.invariants = load_invariants(self.path)

    # -- one result --
    def result_symbols(self, case: Case, conclusions: Iterable[Conclusion], reading: ResolvedReading) -> list[Any]:
        """The case's facts, the reading and every conclusion, as clingo symbols."""
        import clingo

        from ..engines.quoting import asp_fact, asp_name

        symbols = [asp_fact(f) for f in case.facts]
        symbols.append(clingo.Function("set_regime", [asp_name(reading.regime)]))
        symbols.extend(clingo.Function("set_position", [asp_name(p), asp_name(v)])
                       for p, v in sorted(reading.positions.items()))
        symbols.extend(clingo.Function(c.pred, [asp_name(a) for a in c.args]) for c in conclusions)
        return symbols

    def check_result(self, case: Case, conclusions: Iterable[Conclusion],
                     reading: ResolvedReading) -> list[tuple[str, str]]:
        """``(invariant, witness)`` for every ``violation`` atom ``invariants.lp`` derives on this result."""
        import clingo

        from ..engines.quoting import symbol_text

        messages: list[str] = []
        ctl = clingo.Control(["--models=1"], logger=lambda code, msg: messages.append(msg), message_limit=20)
        try:
            ctl.add("base", [], self.program)
            # Rendered only from clingo symbols (str(Symbol)), as the ASP engine renders its instance.
            ctl.add("base", [], "".join(f"{s}.\n" for s in self.result_symbols(case, conclusions, reading)))
            ctl.ground([("base", [])])
        except RuntimeError as err:
            raise AigcError(f"{self.path}: the invariants do not ground ({err}): {' '.join(messages)}") from None
        found: list[tuple[str, str]] = []

        def on_model(model: clingo.Model) -> None:
            for sym in model.symbols(shown=True):
                if sym.name == "violation" and len(sym.arguments) == 2:
                    found.append((symbol_text(sym.arguments[0]), str(sym.arguments[1])))

        ctl.solve(on_model=on_model)
        return sorted(set(found))

    def _run(self, case: Case, reading: ResolvedReading, engine: str, raw: bool = False) -> list[Conclusion]:
        if raw:
            return self.kb.engine(engine).evaluate(case, reading)
        return list(self.kb.evaluate_reading(case, reading, engine).conclusions)

    # -- one case, reading, engine --
    def audit_one(self, case: Case, reading: Reading, engine: str, first: bool = True) -> list[Violation]:
        """Every violation of ``case`` under ``reading`` on ``engine``.

        ``first`` marks the first reading of a case: the checks that compare
        regimes or run raw facts are done once per case and engine, under it.
        """
        resolved = resolve(self.kb.vocab, reading, source=case.path)
        conclusions = self._run(case, resolved, engine)
        out = [Violation(i, case.id, engine, reading.name, w)
               for i, w in self.check_result(case, conclusions, resolved)]
        if self.second:
            out.extend(self._second(case, reading, resolved, engine, conclusions, first))
        return out

    def _second(self, case: Case, reading: Reading, resolved: ResolvedReading, engine: str,
                conclusions: list[Conclusion], first: bool) -> Iterator[Violation]:
        def violation(check: str, witness: str) -> Violation:
            return Violation(ENGINE_CHECKS[check], case.id, engine, reading.name, witness, check)

        keys = {c.key() for c in conclusions}
        # I10: renaming
        mapping = renaming_map(case)
        from .generate import rename_case, rename_conclusion_args

        back = {v: k for k, v in mapping.items()}
        renamed = self._run(rename_case(case, mapping, self.kb.vocab), resolved, engine)
        renamed_keys = {(c.pred, rename_conclusion_args(c.pred, c.args, back, self.kb.vocab)) for c in renamed}
        if renamed_keys != keys:
            yield violation("renaming", _diff(keys, renamed_keys))
        # I10: an unrelated fact; I09: a breach related to no output
        for check, breach in (("unrelated_fact", False), ("unrelated_breach", True)):
            variant = unrelated_variant(case, breach)
            if variant is None:
                continue
            added_keys = {c.key() for c in self._run(variant, resolved, engine) if not _mentions(c, FRESH)}
            if added_keys != keys:
                yield violation(check, _diff(keys, added_keys))
        # I08: knowledge under strict
        if resolved.regime == "strict":
            plain = without_knowledge(case)
            if plain is not None:
                def liable(items: Iterable[Conclusion]) -> set[tuple[str, tuple[str, ...]]]:
                    return {("liable", (c.args[0], c.args[2], c.args[3])) for c in items if c.pred == "liable"}

                before, after = liable(conclusions), liable(self._run(plain, resolved, engine))
                if before != after:
                    yield violation("strict_knowledge", "without the provider's knowledge: " + _diff(before, after))
        if not first:
            return
        # I08: the regime and the training stage
        def training(items: Iterable[Conclusion]) -> set[tuple[str, tuple[str, ...]]]:
            return {c.key() for c in items if c.pred in ("liable", "infringement") and c.args[-1] == "training"}

        mine = training(conclusions)
        for regime in self.kb.vocab.regimes:
            if regime == resolved.regime:
                continue
            other = training(self._run(case, ResolvedReading(regime, resolved.positions), engine))
            if other != mine:
                yield violation("regime_training", f"under {regime} instead of {resolved.regime}: {_diff(mine, other)}")
        # I02: the raw engine on facts naming a system as a party
        raw = raw_ai_variant(case)
        if raw is not None:
            raw_conclusions = self._run(raw, resolved, engine, raw=True)
            systems = {n for n, k in _entities(case).items() if k == "system"}
            for c in raw_conclusions:
                if c.pred in ("liable", "infringement", "remedy") and c.args[0] in systems:
                    yield violation("raw_ai", f"with {c.args[0]} named as a party: {c}")

    # -- many --
    def audit_case(self, case: Case, readings: Sequence[Reading]) -> AuditReport:
        """Every violation of ``case`` under each of ``readings`` on each engine."""
        report = AuditReport()
        for engine in self.engines:
            first = True
            for reading in readings:
                try:
                    found = self.audit_one(case, reading, engine, first)
                except AigcError as err:
                    if engine == self.engines[0]:
                        report.skipped.append(f"{case.id} [{reading.name}]: {err}")
                    continue
                first = False
                report.evaluations += 1
                report.violations.extend(found)
        report.violations = sorted(set(report.violations))
        return report

    def audit(self, items: Iterable[tuple[Case, Sequence[Reading]]],
              progress: Callable[[Case], None] | None = None) -> AuditReport:
        """Audit every ``(case, readings)``."""
        total = AuditReport()
        for case, readings in items:
            total.merge(self.audit_case(case, readings))
            if progress is not None:
                progress(case)
        return total

    def fails(self, invariant: str, reading: Reading, engine: str, check: str = "rules") -> Callable[[Case], bool]:
        """"``case`` still violates ``invariant`` (through ``check``) under ``reading`` on ``engine``"."""
        def still(case: Case) -> bool:
            try:
                self.kb.validate(case)
                if check == "rules":  # no second evaluation needed
                    resolved = resolve(self.kb.vocab, reading, source=case.path)
                    return any(i == invariant for i, _ in
                               self.check_result(case, self._run(case, resolved, engine), resolved))
                found = self.audit_one(case, reading, engine, first=True)
            except AigcError:
                return False
            return any(v.invariant == invariant and v.check == check for v in found)

        return still

    def shrink(self, case: Case, violation: Violation, reading: Reading) -> Case:
        """A 1-minimal case (:func:`~aigc_kb.devtools.shrink.shrink_case`) that still shows the
        invariant of ``violation`` through its check, under ``reading`` on its engine."""
        from .shrink import shrink_case

        fails = self.fails(violation.invariant, reading, violation.engine, violation.check)
        shrunk = shrink_case(case, fails)
        return replace(shrunk, id=f"{case.id}_{violation.invariant}_{violation.engine}",
                       path=f"<{case.id}_{violation.invariant}>", expect=(), tests=(),
                       variant_of=None, differs_by=None)


# --------------------------------------------------------------- readings --
def declared_readings(case: Case) -> list[Reading]:
    """The readings a case's ``expect`` declares; without any, the default reading with the case's positions."""
    if case.expect:
        return [block.reading for block in case.expect]
    return [Reading("default", None, case.positions)]


def every_reading(kb: KnowledgeBase, case: Case) -> list[Reading]:
    """The declared readings, then every regime and every other position one at a time (over the case's positions)."""
    from .generate import one_at_a_time_readings

    out = declared_readings(case)
    names = {r.name for r in out}
    for reading in one_at_a_time_readings(kb.vocab):
        merged = case.reading(reading.regime, reading.position_dict(), reading.name)
        if reading.name not in names:
            out.append(merged)
    return out


def generated_worlds(count: int, seed: int = 0) -> list[tuple[Case, list[Reading]]]:
    """``count`` generated worlds with their readings: random worlds and worlds of each issue-13 area, alternating.

    A random world is read under the default reading and one random reading of
    the same seed; an area world under the area's readings.
    """
    from .generate import FIX_AREAS, random_case, random_reading

    out: list[tuple[Case, list[Reading]]] = []
    for i in range(count):
        world_seed = seed + i
        if i % 2 == 0:
            case = random_case(world_seed)
            out.append((case, [Reading("default"), replace(random_reading(random.Random(world_seed)),
                                                            name=f"random_{world_seed}")]))
        else:
            fix = FIX_AREAS[(i // 2) % len(FIX_AREAS)]
            out.append((fix.random_world(world_seed), list(fix.readings)))
    return out


__all__ = [
    "ENGINE_CHECKS", "INVARIANTS_FILE", "AuditReport", "Auditor", "Invariant", "Violation", "declared_readings",
    "every_reading", "generated_worlds", "invariants_path", "load_invariants", "raw_ai_variant", "renaming_map",
    "unrelated_variant", "without_knowledge",
]
