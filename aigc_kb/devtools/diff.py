"""What an edit changed: the conclusions two knowledge bases draw differently.

``aigc-kb diff`` evaluates the same cases under the same readings on a *base*
knowledge base (before the edit) and on the *kb* (after it), and lists, per
case and reading, the conclusions gained (drawn only after) and lost (drawn
only before), and the conclusions whose citing doctrines changed.  Each
gained conclusion is explained by the kb, each lost one by the base (the
justification trees of :mod:`aigc_kb.explain`, built by the Prolog rules of
the knowledge base that draws it).  On generated worlds
(:mod:`aigc_kb.devtools.generate`) each difference is shrunk to a small case
file (:mod:`aigc_kb.devtools.shrink`).

Each knowledge base runs in a child process of its own
(:mod:`aigc_kb.devtools.diff_worker`): a process can hold only one Prolog
knowledge base.  The two children work at the same time.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

import yaml

from ..api import ENGINES
from ..core.errors import EngineError, InputError, KbError
from ..core.model import Case, Reading
from ..core.vocabulary import Vocabulary
from ..engines.limits import Limits
from ..explain.model import Answer
from ..patterns import atom_display
from .generate import case_to_yaml, random_case, random_reading
from .shrink import shrink_case, shrink_reading

#: The sides compared: before the edit and after it.
SIDES = ("base", "kb")
#: What a change is.
GAINED, LOST, RECITED = "gained", "lost", "recited"


# ------------------------------------------------------------------ readings --
def declared_readings(case: Case) -> list[Reading]:
    """The readings ``aigc-kb check`` evaluates a case under: each ``expect`` reading, else its default."""
    return [block.reading for block in case.expect] or [Reading("default", None, case.positions)]


def case_readings(case: Case, vocab: Vocabulary, every_regime: bool = False,
                  every_position: bool = False) -> list[Reading]:
    """The declared readings and, optionally, each under every other regime and with every
    choice point moved to each of its other positions, one at a time; readings that come to
    the same regime and positions are evaluated once (the first name is kept)."""
    declared = declared_readings(case)
    out = list(declared)
    defaults = {name: point.default for name, point in vocab.choice_points.items()}
    for reading in declared:
        regime = reading.regime or vocab.default_regime
        if every_regime:
            out.extend(replace(reading, name=f"{reading.name}, regime {other}", regime=other)
                       for other in vocab.regimes if other != regime)
        if every_position:
            taken = {**defaults, **dict(reading.positions)}
            for point in vocab.choice_points.values():
                for position in point.positions:
                    if position != taken[point.name]:
                        moved = tuple(sorted({**dict(reading.positions), point.name: position}.items()))
                        out.append(replace(reading, name=f"{reading.name}, {point.name}={position}",
                                           positions=moved))
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    unique = []
    for reading in out:
        key = (reading.regime or vocab.default_regime,
               tuple(sorted({**defaults, **dict(reading.positions)}.items())))
        if key not in seen:
            seen.add(key)
            unique.append(reading)
    return unique


def reading_data(reading: Reading) -> dict[str, Any]:
    return {"name": reading.name, "regime": reading.regime, "positions": [list(p) for p in reading.positions]}


# ------------------------------------------------------------------ children --
class KbProcess:
    """One knowledge base in a child process (:mod:`aigc_kb.devtools.diff_worker`).

    Parameters
    ----------
    root : Path
        The ``kb`` directory.
    limits : Limits
        The limits of every engine call in the child.
    label : str
        How errors name this knowledge base (``base`` or ``kb``).

    Raises
    ------
    KbError
        From :meth:`start`, when the knowledge base does not load (the
        child's message names file and line).
    """

    def __init__(self, root: Path, limits: Limits, label: str) -> None:
        self.root = root
        self.limits = limits
        self.label = label
        self._process: subprocess.Popen[str] | None = None
        self._stderr: TextIO | None = None

    def start(self) -> None:
        self._stderr = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "aigc_kb.devtools.diff_worker", "--kb", str(self.root),
             "--time-limit", repr(self.limits.time), "--stack-limit", str(self.limits.stack_mb),
             "--model-limit", str(self.limits.models)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, text=True, encoding="utf-8")

    def ready(self) -> None:
        """Wait for the child to load its knowledge base."""
        hello = self.receive()
        if not hello.get("ready"):
            raise KbError(f"the {self.label} knowledge base, {self.root}: {str(hello.get('error')).strip()}")

    def send(self, request: dict[str, Any]) -> None:
        assert self._process is not None and self._process.stdin is not None
        try:
            self._process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self._process.stdin.flush()
        except BrokenPipeError:
            raise self._died() from None

    def receive(self) -> dict[str, Any]:
        assert self._process is not None and self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise self._died()
        reply: dict[str, Any] = json.loads(line)
        return reply

    def _died(self) -> EngineError:
        tail = ""
        if self._stderr is not None:
            self._stderr.seek(0)
            tail = self._stderr.read()[-2000:].strip()
        return EngineError(f"the process evaluating the {self.label} knowledge base ({self.root}) ended"
                           + (f":\n{tail}" if tail else ""))

    def close(self) -> None:
        if self._process is not None:
            try:
                if self._process.poll() is None and self._process.stdin is not None:
                    self._process.stdin.write('{"op": "quit"}\n')
                    self._process.stdin.close()
                self._process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


class Pair:
    """The two knowledge bases, each in its child, asked the same thing at the same time."""

    def __init__(self, base: Path, kb: Path, limits: Limits) -> None:
        self.sides = {"base": KbProcess(base, limits, "base"), "kb": KbProcess(kb, limits, "kb")}

    def __enter__(self) -> "Pair":
        try:
            for side in self.sides.values():
                side.start()
            for side in self.sides.values():
                side.ready()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for side in self.sides.values():
            side.close()

    def ask(self, requests: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """Send each side its request, then collect both replies."""
        for name, request in requests.items():
            self.sides[name].send(request)
        return {name: self.sides[name].receive() for name in requests}


# ------------------------------------------------------------------- results --
@dataclass(frozen=True)
class Subject:
    """A case under one reading, as compared.

    ``spec`` is how the children get the case (:mod:`aigc_kb.devtools.diff_worker`).
    """

    case: Case
    reading: Reading
    spec: dict[str, Any]

    @property
    def source(self) -> str:
        return self.case.path


@dataclass
class Change:
    """One conclusion gained, lost, or cited by other doctrines.

    Attributes
    ----------
    kind : str
        ``gained`` (only the kb concludes it), ``lost`` (only the base does)
        or ``recited`` (both do, citing different doctrines).
    pred, args : str, tuple of str
        The output atom.
    engines : list of str
        The engines on which it changed.
    base_doctrines, kb_doctrines : tuple of str
        The doctrines each side cites for it (empty where it is not concluded).
    explanation : Answer or None
        Its justification tree from the knowledge base that concludes it
        (the kb for gained and recited, the base for lost), ``None`` when
        not asked for or when that knowledge base's Prolog rules do not
        conclude it (a change on the ASP encoding alone).
    explanation_error : str or None
        Why the explanation could not be built (e.g. a limit was hit).
    """

    kind: str
    pred: str
    args: tuple[str, ...]
    engines: list[str]
    base_doctrines: tuple[str, ...]
    kb_doctrines: tuple[str, ...]
    explanation: Answer | None = None
    explanation_error: str | None = None

    @property
    def atom(self) -> str:
        return atom_display(self.pred, self.args)

    @property
    def doctrines(self) -> tuple[str, ...]:
        return self.base_doctrines if self.kind == LOST else self.kb_doctrines

    def to_dict(self) -> dict[str, Any]:
        return {"change": self.kind, "atom": self.atom, "pred": self.pred, "args": list(self.args),
                "engines": list(self.engines), "base_doctrines": list(self.base_doctrines),
                "kb_doctrines": list(self.kb_doctrines),
                "explanation": self.explanation.to_dict() if self.explanation is not None else None,
                "explanation_error": self.explanation_error}


@dataclass
class ReadingDiff:
    """The changes of one case under one reading."""

    subject: Subject
    changes: list[Change]

    def to_dict(self, vocab: Vocabulary) -> dict[str, Any]:
        reading = self.subject.reading
        return {"case": self.subject.case.id, "source": self.subject.source, "reading": reading.name,
                "regime": reading.regime or vocab.default_regime, "positions": dict(reading.positions),
                "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True)
class EvalError:
    """A case that one side could not evaluate (the comparison is then incomplete)."""

    subject: Subject
    side: str
    engine: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.subject.case.id, "source": self.subject.source, "reading": self.subject.reading.name,
                "side": self.side, "engine": self.engine, "error": self.message}


@dataclass
class ShrunkWorld:
    """A generated world on which the two knowledge bases differ, shrunk to a small case."""

    world: str
    diff: ReadingDiff
    facts_before: int
    text: str
    file: str | None = None

    def to_dict(self, vocab: Vocabulary) -> dict[str, Any]:
        return {"world": self.world, "facts_before": self.facts_before,
                "facts_after": len(self.diff.subject.case.facts), "file": self.file, "case_file": self.text,
                **{k: v for k, v in self.diff.to_dict(vocab).items() if k != "source"}}


@dataclass
class DiffReport:
    """Everything ``aigc-kb diff`` found.

    ``differences`` holds the bundled or given cases' changes, ``shrunk`` the
    generated worlds' (each shrunk), ``errors`` every evaluation that failed.
    """

    base: str
    kb: str
    engines: tuple[str, ...]
    compared: int = 0
    worlds: int = 0
    differing_worlds: int = 0
    differences: list[ReadingDiff] = field(default_factory=list)
    shrunk: list[ShrunkWorld] = field(default_factory=list)
    errors: list[EvalError] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return bool(self.differences or self.shrunk)

    def to_dict(self, vocab: Vocabulary) -> dict[str, Any]:
        return {"base": self.base, "kb": self.kb, "engines": list(self.engines),
                "compared": {"readings": self.compared, "worlds": self.worlds,
                             "differing_worlds": self.differing_worlds},
                "differs": self.differs,
                "differences": [d.to_dict(vocab) for d in self.differences],
                "worlds": [w.to_dict(vocab) for w in self.shrunk],
                "errors": [e.to_dict() for e in self.errors]}


Rows = dict[tuple[str, tuple[str, ...]], tuple[str, ...]]


def _rows(result: dict[str, Any]) -> Rows:
    return {(str(p), tuple(str(a) for a in args)): tuple(str(d) for d in ds) for p, args, ds in result["rows"]}


def compare_rows(base: dict[str, Rows], kb: dict[str, Rows]) -> list[Change]:
    """The changes between two sides' conclusions, per engine, merged over engines.

    Parameters
    ----------
    base, kb : dict
        Per engine, each conclusion ``(pred, args)`` with its doctrines.
    """
    merged: dict[tuple[str, str, tuple[str, ...]], Change] = {}
    for engine in [e for e in ENGINES if e in base and e in kb]:
        before, after = base[engine], kb[engine]
        for key in sorted(before.keys() | after.keys()):
            if key not in before:
                kind = GAINED
            elif key not in after:
                kind = LOST
            elif before[key] != after[key]:
                kind = RECITED
            else:
                continue
            found = merged.get((kind, *key))
            if found is None:
                merged[(kind, *key)] = Change(kind, key[0], key[1], [engine], before.get(key, ()), after.get(key, ()))
            else:
                found.engines.append(engine)
    order = {GAINED: 0, LOST: 1, RECITED: 2}
    return sorted(merged.values(), key=lambda c: (order[c.kind], c.pred, c.args))


# ------------------------------------------------------------------- compare --
class Differ:
    """Compare two knowledge bases (running in ``pair``) on cases and generated worlds."""

    def __init__(self, pair: Pair, vocab: Vocabulary, engines: Sequence[str], explain: bool = True) -> None:
        self.pair = pair
        self.vocab = vocab
        self.engines = tuple(engines)
        self.explain = explain

    def evaluate(self, subjects: Sequence[Subject],
                 engines: Sequence[str] | None = None) -> tuple[list[ReadingDiff], list[EvalError]]:
        """Evaluate every subject on both sides; the changes of those that differ, and the errors."""
        engines = list(engines or self.engines)
        items = [{"case": s.spec, "reading": reading_data(s.reading), "engines": engines} for s in subjects]
        replies = self.pair.ask({side: {"op": "evaluate", "items": items} for side in SIDES})
        diffs: list[ReadingDiff] = []
        errors: list[EvalError] = []
        for index, subject in enumerate(subjects):
            results = {side: replies[side]["results"][index] for side in SIDES}
            failed = [EvalError(subject, side, engine, str(results[side][engine]["error"]))
                      for side in SIDES for engine in engines if "error" in results[side][engine]]
            if failed:
                errors.extend(failed)
                continue
            rows = {side: {engine: _rows(results[side][engine]) for engine in engines} for side in SIDES}
            changes = compare_rows(rows["base"], rows["kb"])
            if changes:
                diffs.append(ReadingDiff(subject, changes))
        return diffs, errors

    def add_explanations(self, diffs: Sequence[ReadingDiff]) -> None:
        """Explain each change from the knowledge base that concludes it (both sides asked at once)."""
        if not self.explain or not diffs:
            return
        wanted: dict[str, list[tuple[ReadingDiff, list[Change]]]] = {side: [] for side in SIDES}
        for diff in diffs:
            for side in SIDES:
                changes = [c for c in diff.changes if (c.kind == LOST) == (side == "base")]
                if changes:
                    wanted[side].append((diff, changes))
        requests = {side: {"op": "explain", "items": [
            {"case": d.subject.spec, "reading": reading_data(d.subject.reading),
             "atoms": [[c.pred, list(c.args)] for c in changes]} for d, changes in wanted[side]]}
            for side in SIDES if wanted[side]}
        replies = self.pair.ask(requests)
        for side, reply in replies.items():
            for (_, changes), result in zip(wanted[side], reply["results"]):
                if "explanation" not in result:
                    for change in changes:
                        change.explanation_error = str(result.get("error", "no explanation"))
                    continue
                answers = [Answer.from_dict(a) for a in result["explanation"]["answers"]]
                for change, answer in zip(changes, answers):
                    change.explanation = answer if answer.holds else None

    def compare_cases(self, subjects: Sequence[Subject], report: DiffReport) -> None:
        diffs, errors = self.evaluate(subjects)
        self.add_explanations(diffs)
        report.compared += len(subjects)
        report.differences.extend(diffs)
        report.errors.extend(errors)

    # ---------------------------------------------------------------- worlds --
    def differs_on(self, case: Case, reading: Reading, engines: Sequence[str]) -> bool:
        diffs, errors = self.evaluate([world_subject(case, reading)], engines)
        return bool(diffs) and not errors

    def compare_worlds(self, count: int, seed: int, report: DiffReport, out: Path | None = None) -> None:
        """Compare on ``count`` generated worlds, each under the default reading and a random one;
        shrink each difference to a small case (written to ``out`` when given)."""
        rng = random.Random(seed)
        subjects = []
        for index in range(count):
            world = random_case(rng.randrange(2 ** 32), vocab=self.vocab, case_id=f"world_{seed}_{index}")
            drawn = random_reading(rng.randrange(2 ** 32), self.vocab)
            subjects.append(world_subject(world, Reading("default")))
            subjects.append(world_subject(world, drawn))
        diffs, errors = self.evaluate(subjects)
        report.worlds += count
        report.errors.extend(errors)
        report.differing_worlds += len({d.subject.case.id for d in diffs})
        seen: set[tuple[tuple[str, str, tuple[str, ...]], ...]] = set()
        names: set[str] = set()
        for diff in diffs:
            kind = tuple(sorted({(c.kind, c.pred, tuple(c.engines)) for c in diff.changes}))
            if kind in seen:  # the same kind of change seen in an earlier world: shrunk once
                continue
            seen.add(kind)
            # one world may differ under both its readings: each shrunk case gets a name of its own
            name = base = f"diff_{diff.subject.case.id}"
            while name in names:
                name = f"{base}_{len(names) + 1}"
            names.add(name)
            report.shrunk.append(self.shrink(diff, name))
        self.add_explanations([w.diff for w in report.shrunk])
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            for shrunk in report.shrunk:
                path = out / f"{shrunk.diff.subject.case.id}.yaml"
                path.write_text(shrunk.text, encoding="utf-8")
                shrunk.file = str(path)

    def shrink(self, diff: ReadingDiff, name: str | None = None) -> ShrunkWorld:
        """The world and reading of ``diff`` shrunk while the two sides still differ on an engine it differs on,
        as a case called ``name`` (default ``diff_<world id>``)."""
        world, reading = diff.subject.case, diff.subject.reading
        engines = [diff.changes[0].engines[0]]
        reading = shrink_reading(reading, lambda r: self.differs_on(world, r, engines), self.vocab.default_regime)
        small = shrink_case(world, lambda c: self.differs_on(c, reading, engines))
        name = name or f"diff_{world.id}"
        small = replace(small, id=name, path=f"<{name}>",
                        title=f"{world.title}, shrunk: the knowledge bases differ",
                        source=f"aigc-kb diff --worlds ({world.title})")
        final, _ = self.evaluate([world_subject(small, reading)])
        result = final[0] if final else ReadingDiff(world_subject(small, reading), [])
        named = replace(reading, name="diff")
        comment = [f"shrunk from {world.id} ({len(world.facts)} facts); under this reading:"]
        comment += [f"  {c.kind} {c.atom} ({', '.join(c.engines)})" for c in result.changes]
        text = case_to_yaml(small, [named], comment=comment)
        return ShrunkWorld(world.id, ReadingDiff(world_subject(small, named), result.changes),
                           len(world.facts), text)


def world_subject(case: Case, reading: Reading) -> Subject:
    """A generated case as the children get it: its case-file object."""
    data = yaml.safe_load(case_to_yaml(case))
    return Subject(case, reading, {"source": case.path, "data": data})


def file_subjects(case: Case, vocab: Vocabulary, every_regime: bool, every_position: bool) -> list[Subject]:
    """A case file under each of its readings (:func:`case_readings`); the children load the file."""
    return [Subject(case, reading, {"path": case.path})
            for reading in case_readings(case, vocab, every_regime, every_position)]


def diff_kbs(base: Path, kb: Path, vocab: Vocabulary, cases: Sequence[Case], *, limits: Limits,
             engines: Sequence[str] = ENGINES, every_regime: bool = False, every_position: bool = False,
             worlds: int = 0, seed: int = 0, out: Path | None = None, explain: bool = True,
             base_label: str | None = None) -> DiffReport:
    """Compare the knowledge base ``kb`` with ``base`` (see the module's docstring).

    Parameters
    ----------
    base, kb : Path
        The ``kb`` directories before and after the edit.
    vocab : Vocabulary
        The kb's vocabulary: readings are enumerated and worlds generated from it.
    cases : sequence of Case
        The cases compared under their readings.
    limits : Limits
        The limits of every engine call.
    engines : sequence of str
        ``prolog``, ``asp`` or both.
    every_regime, every_position : bool
        Also each declared reading under every other regime, or with each
        choice point at each other position.
    worlds, seed : int
        Also compare on this many generated worlds, drawn from ``seed``.
    out : Path, optional
        Where the shrunk worlds are written as case files.
    explain : bool
        Explain each change (default).

    Raises
    ------
    KbError
        When either knowledge base does not load.
    """
    report = DiffReport(base_label or str(base), str(kb), tuple(engines))
    subjects = [s for case in cases for s in file_subjects(case, vocab, every_regime, every_position)]
    with Pair(base, kb, limits) as pair:
        differ = Differ(pair, vocab, engines, explain)
        if subjects:
            differ.compare_cases(subjects, report)
        if worlds:
            differ.compare_worlds(worlds, seed, report, out)
    return report


# -------------------------------------------------------------- git revision --
@contextmanager
def kb_at_revision(kb_root: Path, revision: str) -> Iterator[Path]:
    """The ``kb`` directory as it is at a git revision, checked out into a temporary directory.

    The work tree and the index are never touched: the files come from
    ``git archive``.

    Raises
    ------
    InputError
        When ``kb_root`` is not in a git work tree, the revision is unknown,
        or it holds no such directory.
    """
    def git(*args: str, where: Path = kb_root) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["git", "-C", str(where), *args], capture_output=True, check=False)

    if shutil.which("git") is None:
        raise InputError.single("<command line>", None, "--base-rev needs git, which is not installed")
    top = git("rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise InputError.single("<command line>", None, f"--base-rev: {kb_root} is not in a git work tree")
    toplevel = Path(top.stdout.decode().strip()).resolve()
    relative = kb_root.resolve().relative_to(toplevel).as_posix()
    commit = git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if commit.returncode != 0:
        raise InputError.single("<command line>", None, f"--base-rev {revision!r}: no such revision")
    archive = git("archive", "--format=tar", commit.stdout.decode().strip(), "--", relative, where=toplevel)
    if archive.returncode != 0:
        raise InputError.single("<command line>", None,
                                f"--base-rev {revision!r}: no {relative}/ at that revision")
    with tempfile.TemporaryDirectory(prefix="aigc-kb-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout), mode="r:") as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp) / relative
