"""Evaluate cases with the Prolog encoding through pyswip.

pyswip runs one SWI-Prolog engine per process and allows one open query at a
time, so a single lock guards every call, every query is exhausted, and a
process holds one knowledge base at a time.  Every goal runs under a time
limit inside ``aigc_load:guarded/3``, the stack is bounded, and ``halt`` is
refused, so no kb file or query can end the Python process.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from ..core.errors import EngineError, KbError, MissingDependency
from .limits import LimitError, Limits
from ..core.model import Case, Fact
from ..core.paths import KbPaths, engine_prolog
from .quoting import prolog_atom, prolog_fact, prolog_list, prolog_term
from ..core.reading import ResolvedReading
from ..core.result import Conclusion

_LOCK = threading.RLock()
_STATE: dict[str, Any] = {"prolog": None, "kb": None, "queries": {}, "engine_modules": set()}
#: The stack limit (MiB) set in this thread (``stack_mb``): Prolog's stack_limit flag is per thread.
_THREAD = threading.local()
_LOADER = engine_prolog("load.pl")
#: The engine modules loaded after the kb (they call it by module-qualified goals).
_ENGINE_MODULES = ("json.pl", "explain.pl")
_MESSAGES = ("findall(T, (member(msg(K, F, L, X), Ms), "
             "format(string(T), '~w:~w: ~w: ~s', [F, L, K, X])), Messages)")


#: What to do when SWI-Prolog cannot be loaded.
INSTALL_SWIPL = ("SWI-Prolog 9 is not installed, or pyswip cannot find its library (libswipl): install it "
                 "(Debian: apt-get install swi-prolog-core swi-prolog-core-packages), or use --engine asp")


def _prolog() -> Any:
    if _STATE["prolog"] is None:
        try:
            from pyswip import Prolog  # imported lazily: loading libswipl costs time
        except Exception as err:  # pyswip raises ImportError, OSError or its own error when libswipl is missing
            raise MissingDependency(f"{INSTALL_SWIPL} ({_first_line(err)})") from None
        _STATE["prolog"] = Prolog()
    return _STATE["prolog"]


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0] if text else ''}"


def _once(goal: str) -> dict[str, Any]:
    """Run ``goal`` once, exhausting the query; raise on failure or error."""
    prolog = _prolog()  # first: it reports a missing SWI-Prolog
    from pyswip.prolog import PrologError

    try:
        answers = list(prolog.query(goal, maxresult=1))
    except PrologError as err:
        raise EngineError(f"Prolog error: {err}") from None
    if not answers:
        raise EngineError(f"Prolog goal failed: {goal[:200]}")
    answer: dict[str, Any] = answers[0]
    return answer


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _load(file: Path, what: str, goal_template: str) -> dict[str, Any]:
    answer = _once(goal_template.format(file=prolog_atom(str(file))))
    messages = answer.get("Messages") or []
    if messages:
        raise KbError(f"{what} does not load cleanly:\n" + "\n".join(_text(m) for m in messages))
    return answer


class PrologEngine:
    """The Prolog encoding of one knowledge base, loaded once per process.

    Parameters
    ----------
    paths : KbPaths
        The knowledge base to load.  A process can hold only one: asking for
        another raises :class:`KbError` (run it in a subprocess).
    limits : Limits
        The time limit of each query and the stack limit of the process.
    """

    name = "prolog"

    def __init__(self, paths: KbPaths, limits: Limits | None = None) -> None:
        self.paths = paths
        self.limits = limits or Limits()
        with _LOCK:
            failed = _STATE.get("failed")
            if failed is not None:  # a kb that did not load stays refused: its rest is half loaded
                raise failed
            if _STATE["kb"] is None:
                try:
                    # the kb's files are UTF-8 whatever the locale (LC_ALL=C would read them as text/ASCII)
                    _once("set_prolog_flag(encoding, utf8)")
                    # atoms and clauses collected in a thread of their own, as the swipl executable does
                    # (an embedded Prolog starts without it): half the time of a platform case of
                    # 100,000 users went to collecting them in the evaluating thread
                    _once("set_prolog_flag(gc_thread, true)")
                    _load(_LOADER, "the loader", "load_files({file}, [silent(true)]), Messages = []")
                    _once("aigc_load:refuse_halt")
                    self._set_stack_limit()
                    _load(paths.prolog_entry, str(paths.prolog_entry),
                          "aigc_load:load_kb({file}, Ms), " + _MESSAGES)
                    for module in _ENGINE_MODULES:
                        _load(engine_prolog(module), f"the engine module {module}",
                              "aigc_load:load_kb({file}, Ms), " + _MESSAGES)
                except KbError as err:
                    _STATE["failed"] = err
                    raise
                _STATE["kb"] = paths.root
            elif _STATE["kb"] != paths.root:
                raise KbError(
                    f"this process already holds the knowledge base {_STATE['kb']}; "
                    f"evaluate {paths.root} in another process")
            else:
                self._set_stack_limit()

    def load_engine_module(self, file: Path, what: str) -> None:
        """Load an engine module of the package after the kb (once per process).

        Raises
        ------
        KbError
            When the file does not load cleanly.
        """
        with _LOCK:
            if file not in _STATE["engine_modules"]:
                _load(file, what, "aigc_load:load_kb({file}, Ms), " + _MESSAGES)
                _STATE["engine_modules"].add(file)

    def _set_stack_limit(self) -> None:
        if getattr(_THREAD, "stack_mb", None) != self.limits.stack_mb:
            _once(f"set_prolog_flag(stack_limit, {int(self.limits.stack_mb) * 1024 * 1024})")
            _THREAD.stack_mb = self.limits.stack_mb

    @staticmethod
    def facts_term(case: Case) -> str:
        """The case's proven facts as a Prolog list, every name quoted."""
        return prolog_list([prolog_fact(f) for f in case.facts])

    @staticmethod
    def case_term(case: Case) -> str:
        """The case's proven facts and, wrapped as ``unknown(Fact)``, its open ones, as a Prolog list."""
        return prolog_list([prolog_fact(f) for f in case.facts]
                           + [f"unknown({prolog_fact(f)})" for f in case.unknown])

    @staticmethod
    def options_term(reading: ResolvedReading) -> str:
        """The reading as a Prolog options list."""
        return prolog_list([prolog_term(opt[0], opt[1:]) for opt in reading.options()])

    def _guarded(self, goal: str, facts: int = 0) -> dict[str, Any]:
        """Run ``goal`` (binding ``Json``) on a case of ``facts`` facts under the limits; raise on any other ending."""
        seconds = self.limits.time_for(facts)
        with _LOCK:
            self._set_stack_limit()
            answer = _once(f"aigc_load:guarded(({goal}), {float(seconds)!r}, Status), "
                           f"format(string(StatusText), '~q', [Status])")
        status = _text(answer["StatusText"])
        if status == "ok":
            return answer
        if status == "time_limit":
            raise LimitError("Prolog time", f"{seconds:g} s", "--time-limit SECONDS")
        if status.startswith("resource("):
            raise LimitError(f"Prolog {status[9:-1].strip(chr(39))}", f"{self.limits.stack_mb} MiB",
                             "--stack-limit MB")
        if status == "halt":
            raise KbError("the knowledge base tried to halt the process; refused")
        if status == "failed":
            raise EngineError(f"Prolog goal failed: {goal[:200]}")
        raise EngineError(f"Prolog error: {status}")

    def call_json(self, predicate: str, *args: str, facts: int = 0) -> Any:
        """Call ``predicate(Args..., Json)`` once and decode the JSON string it returns.

        Parameters
        ----------
        predicate : str
            A module-qualified predicate name of the kb or the engine, e.g. ``aigc_json:evaluate_case_json``
            (a fixed name, never case data).
        *args : str
            Prolog terms built only with :mod:`aigc_kb.engines.quoting` (and
            :meth:`facts_term`, :meth:`options_term`).
        facts : int
            How many facts the case passed in ``args`` has (the time limit grows with it, see
            :meth:`Limits.time_for`).
        """
        return json.loads(self.call_text(predicate, *args, facts=facts))

    def call_text(self, predicate: str, *args: str, facts: int = 0) -> str:
        """Call ``predicate(Args..., Text)`` once and return the string it binds (see :meth:`call_json`)."""
        goal = f"{predicate}({', '.join(args)}, Json)" if args else f"{predicate}(Json)"
        return _text(self._guarded(goal, facts)["Json"])

    def evaluate(self, case: Case, reading: ResolvedReading) -> list[Conclusion]:
        """Every conclusion of ``case`` under ``reading``."""
        items = self.call_json("aigc_json:evaluate_case_json", self.facts_term(case), self.options_term(reading),
                               facts=case.size)
        return [
            Conclusion(item["pred"], tuple(item["args"]), tuple(sorted(d.upper() for d in item["doctrines"])))
            for item in items
        ]

    def open_burdens(self, case: Case, reading: ResolvedReading) -> list[tuple[Fact, str]]:
        """Each open fact of ``case`` with who loses when it is not proven under ``reading`` (from the kb)."""
        rows = self.call_json("aigc_explain:open_burdens_json", self.case_term(case), self.options_term(reading),
                              facts=case.size)
        return [(Fact(str(name), tuple(str(a) for a in args)), str(bearer)) for name, args, bearer in rows]

    def query(self, file: Path, case: Case, reading: ResolvedReading) -> list[tuple[str, ...]]:
        """The answers of a named query file for ``case``."""
        with _LOCK:
            modules: dict[Path, str] = _STATE["queries"]
            if file not in modules:
                answer = _load(file, str(file), "aigc_load:load_query({file}, Module, Ms), " + _MESSAGES)
                modules[file] = _text(answer["Module"])
            rows = self.call_json("aigc_json:run_query", prolog_atom(modules[file]), self.facts_term(case),
                                  self.options_term(reading), facts=case.size)
        return sorted(tuple(row) for row in rows)
