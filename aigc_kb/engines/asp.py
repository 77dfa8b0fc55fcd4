"""Evaluate cases with the ASP encoding through clingo's Python API."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import clingo

try:  # the C functions the Python API calls (see _shown_text)
    from clingo import _internal
except ImportError:  # pragma: no cover - another clingo
    _internal = None  # type: ignore[assignment]

from ..core.errors import AigcError, EngineError, KbError
from ..core.loader import paused_gc
from . import asp_rules
from .limits import LimitError, Limits
from ..core.model import Case, Fact
from ..core.paths import KbPaths, default_kb_dir
from .quoting import Shown, asp_fact, asp_name, shown_conclusions, symbol_text
from ..core.reading import ResolvedReading
from ..core.result import Conclusion

SHOW_FILE = "show.lp"
#: Seconds a grounding child process may take to start (import clingo) before the time limit counts.
_START_SECONDS = 30.0


def _model_text(symbols: list[clingo.Symbol]) -> str:
    """The atoms ``symbols`` as clingo writes them, joined by commas: one ``str()`` of a tuple of them all.

    One call into clingo for the whole answer set, instead of one (or more) per symbol.
    """
    if not symbols:
        return ""
    text = str(clingo.Function("", symbols))[1:-1]
    return text[:-1] if len(symbols) == 1 else text  # a tuple of one is written ``(a,)``


def _shown_text(model: clingo.Model) -> str:
    """:func:`_model_text` of the shown atoms of ``model``, without a Python object per symbol.

    clingo gives the shown atoms as one array of symbol handles; the tuple of
    them all is made and written by clingo's C functions (through the module
    the Python API itself calls), so a large answer set costs no Python loop.
    A clingo whose Python API keeps the array elsewhere is read through
    :func:`_model_text` of the public symbols.
    """
    symbols = model.symbols(shown=True)
    array = getattr(symbols, "_p_symbols", None)
    if array is None or _internal is None:
        return _model_text(list(symbols))
    if len(array) == 0:
        return ""
    lib = _internal._lib  # type: ignore[attr-defined]
    whole = _internal._c_call(  # type: ignore[no-untyped-call]
        "clingo_symbol_t", lib.clingo_symbol_create_function, b"", array, len(array), True)
    text: str = _internal._str(  # type: ignore[no-untyped-call]
        lib.clingo_symbol_to_string_size, lib.clingo_symbol_to_string, whole)[1:-1]
    return text[:-1] if len(array) == 1 else text  # a tuple of one is written ``(a,)``


def _solve_texts(files: list[str], instance: str, seconds: float) -> str:
    """Ground ``files`` with ``instance`` and return the shown atoms of the one answer set, as one text.

    Solving runs asynchronously and is cancelled at the time limit; more than
    one answer set with every fact known is an error of the encoding.
    """
    messages: list[str] = []

    def logger(code: clingo.MessageCode, message: str) -> None:
        messages.append(message.strip())

    ctl = clingo.Control(["--models=2"], logger=logger, message_limit=50)
    try:
        # The encoding with its annotations expanded (aigc_kb.engines.asp_rules), added as text: AST nodes
        # parsed once and added to every Control were shared between evaluations (and threads),
        # and a run could find them invalid.
        asp_rules.add_program(ctl, files, derived_labels=False)
        ctl.add("base", [], instance)
        ctl.ground([("base", [])])
    except RuntimeError as err:
        raise KbError(f"the ASP encoding failed ({err}):\n" + "\n".join(_located_messages(files, instance))) from None
    models: list[str] = []
    with ctl.solve(on_model=lambda m: models.append(_shown_text(m)), async_=True) as handle:
        if not handle.wait(seconds):
            handle.cancel()
            raise LimitError("ASP time", f"{seconds:g} s", "--time-limit SECONDS")
        handle.get()
    if not models:
        raise EngineError("the ASP encoding has no answer set for this case")
    if len(models) > 1:
        raise EngineError("the ASP encoding has more than one answer set with every fact known")
    return models[0]


def _located_messages(files: list[str], instance: str) -> list[str]:
    """The messages of a failing encoding, loaded again from its files so that each names its file and line."""
    messages: list[str] = []

    def logger(code: clingo.MessageCode, message: str) -> None:
        messages.append(message.strip())

    ctl = clingo.Control(["--models=2"], logger=logger, message_limit=50)
    try:
        asp_rules.load(ctl, files, logger=logger)
        ctl.add("base", [], instance)
        ctl.ground([("base", [])])
    except RuntimeError:
        pass
    return messages


def _child(files: list[str], instance: str, seconds: float, conn: Any) -> None:
    try:
        conn.send(("started", None))  # the time limit counts from here: starting a process is not the encoding's
        conn.send(("ok", _solve_texts(files, instance, seconds)))
    except AigcError as err:
        conn.send((type(err).__name__, str(err)))
    except Exception as err:  # the child reports every failure to the parent
        conn.send(("EngineError", f"{type(err).__name__}: {err}"))
    finally:
        conn.close()


def _solve_isolated(files: list[str], instance: str, seconds: float) -> str:
    """:func:`_solve_texts` in a child process, killed at the time limit (grounding included)."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(files, instance, seconds, child), daemon=True)
    process.start()
    child.close()
    try:
        # Starting the child (a fresh interpreter importing clingo) is bounded apart, and generously;
        # grounding and solving then get the time limit, and the child is killed when it is over.
        if not parent.poll(max(_START_SECONDS, seconds)):
            raise EngineError("the ASP child process did not start")
        status, payload = parent.recv()
        if status == "started":
            if not parent.poll(seconds + min(0.5, seconds)):
                raise LimitError("ASP grounding and solving time", f"{seconds:g} s", "--time-limit SECONDS")
            status, payload = parent.recv()
    except EOFError:
        raise EngineError("the ASP child process died without an answer") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        parent.close()
    if status == "ok":
        text: str = payload
        return text
    error = {"KbError": KbError, "LimitError": EngineError, "EngineError": EngineError}.get(status, EngineError)
    if status == "LimitError":
        raise LimitError("ASP time", f"{seconds:g} s", "--time-limit SECONDS")
    raise error(payload)


class _FactTexts:
    """``str(asp_fact(fact))`` for the facts of a case, with one symbol per distinct name, not per argument.

    clingo writes a function as its name and its arguments' texts in
    parentheses, by commas; each name's text is ``str()`` of its
    :func:`~aigc_kb.engines.quoting.asp_name` symbol, made once per case
    (``tests/test_answer_text.py`` holds the texts equal).
    """

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.preds: dict[str, str] = {}

    def name(self, text: str) -> str:
        found = self.names.get(text)
        if found is None:
            found = self.names[text] = str(asp_name(text))
        return found

    def fact(self, fact: Fact) -> str:
        if not fact.args:
            return str(asp_fact(fact))
        pred = self.preds.get(fact.pred)
        if pred is None:
            pred = self.preds[fact.pred] = str(clingo.Function(fact.pred))
        return f"{pred}({','.join(map(self.name, fact.args))})"


class AspEngine:
    """The ASP encoding of one knowledge base.

    Each evaluation grounds the encoding with the case's facts in a fresh
    ``clingo.Control``, so cases never share state.
    """

    name = "asp"

    def __init__(self, paths: KbPaths, limits: Limits | None = None) -> None:
        self.paths = paths
        self.limits = limits or Limits()
        self.isolate = (self.limits.isolate_grounding if self.limits.isolate_grounding is not None
                        else paths.root != default_kb_dir())
        self.files = paths.asp_files
        if not self.files:
            raise KbError(f"{paths.root / 'asp'}: no .lp files")

    @staticmethod
    def instance_text(case: Case, reading: ResolvedReading, with_unknown: bool = False) -> str:
        """The case as ASP facts (rendered from clingo symbols), with the reading.

        With ``with_unknown`` the open facts are added as ``unknown(Fact)``,
        for enumeration; the reading may then hold ``open`` positions.
        """
        texts = _FactTexts()
        lines = [texts.fact(f) for f in case.facts]
        if with_unknown:
            lines.extend(f"unknown({texts.fact(f)})" for f in case.unknown)
        symbols = [clingo.Function("set_regime", [asp_name(reading.regime)])]
        symbols.extend(clingo.Function("set_position", [asp_name(p), asp_name(v)])
                       for p, v in sorted(reading.positions.items()))
        lines.extend(str(s) for s in symbols)
        return "".join(f"{line}.\n" for line in lines)

    def _solve(self, files: list[Path], case: Case, reading: ResolvedReading) -> list[Shown]:
        """The conclusions of the one answer set: name, arguments' names, doctrines (see :func:`decode_answer`)."""
        instance = self.instance_text(case, reading)
        seconds = self.limits.time_for(case.size)
        try:
            if self.isolate:
                text = _solve_isolated([str(f) for f in files], instance, seconds)
            else:
                text = _solve_texts([str(f) for f in files], instance, seconds)
        except EngineError as err:
            raise EngineError(f"{case.id}: {err}") from None
        return decode_answer(text)

    def evaluate(self, case: Case, reading: ResolvedReading) -> list[Conclusion]:
        """Every conclusion of ``case`` under ``reading``.

        Python's cyclic collector is paused meanwhile: the conclusions of a large case are many objects
        that all live on (see :func:`aigc_kb.core.loader.paused_gc`).
        """
        with paused_gc():
            shown = self._solve(self.files, case, reading)
            # The tuples in C, not the conclusions through their Python ``__lt__``: an answer holds each
            # atom once, so the doctrines never decide, and the order is the conclusions' own.
            shown.sort()
            return [Conclusion(name, args, doctrines) for name, args, doctrines in shown]

    def query(self, file: Path, case: Case, reading: ResolvedReading) -> list[tuple[str, ...]]:
        """The answers of a named query file for ``case``."""
        files = [f for f in self.files if f.name != SHOW_FILE] + [file]
        return sorted(args for name, args, _ in self._solve(files, case, reading) if name == "answer")


def decode_answer(text: str) -> list[Shown]:
    """The conclusions of an answer set written as one text (:func:`_model_text`).

    Read by :func:`aigc_kb.engines.quoting.shown_conclusions` without a
    Python object per symbol; a text it does not read (an argument that is not
    a name) is parsed by clingo and read symbol by symbol, to the same result.
    """
    fast = shown_conclusions(text)
    if fast is not None:
        return fast
    symbols = clingo.parse_term(f"({text},)").arguments if text else []
    doctrines: dict[clingo.Symbol, set[str]] = {}
    atoms: list[clingo.Symbol] = []
    for symbol in symbols:
        if symbol.name == "because" and len(symbol.arguments) == 2:
            atom, doctrine = symbol.arguments
            doctrines.setdefault(atom, set()).add(symbol_text(doctrine).upper())
        else:
            atoms.append(symbol)
    return [(s.name, tuple(symbol_text(a) for a in s.arguments), tuple(sorted(doctrines.get(s, ())))) for s in atoms]
