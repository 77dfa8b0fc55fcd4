"""The knowledge base as a Python object: load cases, evaluate, query."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Protocol

from .core.model import Case, Reading
from .core.paper import Paper, load_paper
from .core.paths import KbPaths
from .core.reading import ResolvedReading, resolve
from .core.result import Conclusion, Evaluation
from .core.errors import InputError, Problem
from .engines.limits import LimitError, Limits, time_bound
from .core.loader import load_case, validate_case
from .core.vocabulary import OPEN, Vocabulary, load_vocabulary

ENGINES = ("prolog", "asp")


class Engine(Protocol):
    name: str

    def evaluate(self, case: Case, reading: ResolvedReading) -> list[Conclusion]: ...

    def query(self, file: Path, case: Case, reading: ResolvedReading) -> list[tuple[str, ...]]: ...


#: The case file size read within one ``Limits.read`` (2 MiB: a platform case of about 11,000 users;
#: one of 100,000 users, 19 MB, may take ten times the time limit).
READ_BLOCK = 2 * 1024 * 1024


def read_seconds(read: float, path: str | Path) -> float:
    """Seconds reading the case file ``path`` may take: ``read`` per started :data:`READ_BLOCK` bytes."""
    try:
        size = Path(path).stat().st_size
    except OSError:  # reported by the loader
        size = 0
    return read * max(1, -(-size // READ_BLOCK))


class KnowledgeBase:
    """One knowledge base (``kb/`` and its ``queries/``) and its two engines.

    Parameters
    ----------
    kb_dir : str or Path, optional
        An edited copy of ``kb/``; default the bundled one.
    limits : Limits, optional
        Time, stack and model limits of every engine call.

    Examples
    --------
    >>> kb = KnowledgeBase()
    >>> case = kb.load_case("cases/real_ultraman.yaml")
    >>> result = kb.evaluate(case, regime="fault")
    >>> [(c.args[0], c.args[1]) for c in result.of("liable")]   # doctest: +SKIP
    """

    def __init__(self, kb_dir: str | Path | None = None, limits: Limits | None = None) -> None:
        self.paths = KbPaths.locate(kb_dir)
        self.limits = limits or Limits()
        self.vocab: Vocabulary = load_vocabulary(self.paths.vocabulary, self.paths.doctrines)
        self._engines: dict[str, Engine] = {}
        #: Cases known to be valid against :attr:`vocab` (checked once each; see :meth:`validate`).
        self._valid: weakref.WeakSet[Case] = weakref.WeakSet()

    @property
    def paper(self) -> Paper:
        """The paper's own sentences per section (``kb/paper.yaml`` of this kb), read once."""
        return load_paper(self.paths.paper)

    def load_case(self, path: str | Path) -> Case:
        """Load and validate a case file (YAML, JSON, ``.pl`` or ``.lp`` facts), within ``limits.read``.

        The bound is ``limits.read`` seconds per started :data:`READ_BLOCK`
        bytes of the file (:func:`read_seconds`), so that a large real case
        reads within the default limits while a small hostile one is still
        stopped after ``limits.read`` seconds.

        Raises
        ------
        InputError
            For every problem of the file, and when reading it takes longer
            than ``limits.read`` seconds (located at line 1: the file as a whole).
        """
        try:
            if self.limits.read is None:
                case = load_case(path, self.vocab, self.limits.case_bytes)
            else:
                with time_bound(read_seconds(self.limits.read, path), "Reading time"):
                    case = load_case(path, self.vocab, self.limits.case_bytes)
        except LimitError as err:
            raise InputError.single(str(path), 1, f"the case could not be read: {err}") from None
        self._valid.add(case)
        return case

    def engine(self, name: str) -> Engine:
        """The engine called ``name`` (``prolog`` or ``asp``), created on first use."""
        if name not in ENGINES:
            raise InputError.single("<command line>", None, f"unknown engine {name!r} (prolog or asp)")
        if name not in self._engines:
            # Each engine's module is imported here, so that a process using one never loads the other.
            if name == "prolog":
                from .engines.prolog import PrologEngine

                self._engines[name] = PrologEngine(self.paths, self.limits)
            else:
                from .engines.asp import AspEngine

                self._engines[name] = AspEngine(self.paths, self.limits)
        return self._engines[name]

    def resolve(self, case: Case, regime: str | None = None,
                positions: dict[str, str] | None = None) -> ResolvedReading:
        """The case's reading with ``regime`` and ``positions`` applied, defaults filled in.

        Raises
        ------
        InputError
            For a bad regime or position; an ``open`` position the case file
            sets (and ``positions`` does not override) is located in the file.
        """
        overridden = positions or {}
        lines = dict(case.position_lines)
        problems = [
            Problem(case.path, lines.get(point),
                    f"positions: {point}: open: a case with an open choice point cannot be evaluated; "
                    f"run `aigc-kb enumerate {case.path}` to see every position, or choose one with "
                    f"--set {point}=POSITION (one of {', '.join(self.vocab.choice_points[point].positions)})")
            for point, position in case.positions
            if position == OPEN and point not in overridden and point in self.vocab.choice_points]
        if problems:
            raise InputError(problems)
        return resolve(self.vocab, case.reading(regime, positions))

    def evaluate(self, case: Case, engine: str = "prolog", regime: str | None = None,
                 positions: dict[str, str] | None = None) -> Evaluation:
        """Evaluate ``case`` on ``engine`` under ``regime`` and choice-point ``positions``.

        Returns
        -------
        Evaluation
            Every conclusion, with the doctrines that concluded it.
        """
        return self.evaluate_reading(case, self.resolve(case, regime, positions), engine)

    def validate(self, case: Case) -> None:
        """Check ``case`` against the vocabulary once, the same way for both engines.

        A case read by :meth:`load_case` is valid; one built in code is checked
        on its first evaluation or query (unknown predicates, wrong arities,
        undeclared entities, names that are not text).

        Raises
        ------
        InputError
            With every problem found.
        """
        if case in self._valid:
            return
        validate_case(case, self.vocab)
        self._valid.add(case)

    def evaluate_reading(self, case: Case, reading: ResolvedReading, engine: str = "prolog") -> Evaluation:
        """Evaluate ``case`` under an already resolved reading."""
        self.validate(case)
        conclusions = self.engine(engine).evaluate(case, reading)
        return Evaluation(
            case=case.id, engine=engine, regime=reading.regime, positions=dict(reading.positions),
            open_facts=[str(f) for f in case.unknown], conclusions=tuple(sorted(conclusions)),
        )

    def evaluate_named_reading(self, case: Case, reading: Reading, engine: str) -> Evaluation:
        return self.evaluate_reading(case, resolve(self.vocab, reading, source=case.path), engine)

    def queries(self) -> list[str]:
        """Names of the queries that exist for both engines."""
        pl = {p.stem for p in self.paths.queries.glob("*.pl")}
        lp = {p.stem for p in self.paths.queries.glob("*.lp")}
        return sorted(pl & lp)

    def query(self, name: str, case: Case, engine: str = "prolog", regime: str | None = None,
              positions: dict[str, str] | None = None) -> list[tuple[str, ...]]:
        """Run the named query ``queries/NAME.pl`` or ``.lp`` on ``case``."""
        suffix = ".pl" if engine == "prolog" else ".lp"
        file = self.paths.queries / f"{name}{suffix}"
        if name not in self.queries() or not file.is_file():
            raise InputError.single("<command line>", None,
                                    f"unknown query {name!r} (one of {', '.join(self.queries())})")
        self.validate(case)
        return self.engine(engine).query(file, case, self.resolve(case, regime, positions))
