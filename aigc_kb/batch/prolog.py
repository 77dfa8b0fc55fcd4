"""Evaluate many cases in one Prolog call (``aigc_batch:evaluate_cases_json/4``).

pyswip costs about 50 microseconds per returned answer and more per call, so a
batch of cases goes to Prolog as one list of ``case(Index, Facts)`` terms and
comes back as one JSON string (for each case its conclusions as one flat
array of strings: predicate, arguments, doctrines).  Prolog evaluates each case exactly as it
evaluates a case alone (aigc_kb/prolog/batch.pl); the call as a whole runs under
the time limit of one case (callers keep chunks well inside it).  A case
that fails there, and every case of a call that fails as a whole, gets no
result here: the caller evaluates it alone, so its error is exactly the
error of a case evaluated alone.

Facts are written with :func:`aigc_kb.engines.quoting.prolog_atom` (cached per name),
joined as :func:`aigc_kb.engines.quoting.prolog_term` joins them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TYPE_CHECKING

from .record import Row
from ..core.errors import AigcError
from ..core.model import Case
from ..core.paths import default_kb_dir, engine_prolog
from ..engines.prolog import PrologEngine
from ..engines.quoting import prolog_atom
from ..core.reading import ResolvedReading

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ..api import KnowledgeBase

#: Text caches are cleared when they grow past this (memory stays bounded).
_CACHE_LIMIT = 200_000
PREDICATE = "aigc_batch:evaluate_cases_json"


def batch_file() -> Path:
    """The batch module of the package (``aigc_kb/prolog/batch.pl``): engine code, in no kb."""
    return engine_prolog("batch.pl")


def load_batch_module(engine: PrologEngine) -> None:
    """Load the batch module after the kb (a no-op when it is loaded already).

    Raises
    ------
    KbError
        When the file does not load cleanly.
    """
    engine.load_engine_module(batch_file(), "the batch module")


class PrologText:
    """Case data as the Prolog text a batch call sends (no engine needed)."""

    def __init__(self) -> None:
        self._atoms: dict[str, str] = {}
        self._facts: dict[tuple[str, tuple[str, ...]], str] = {}
        self._options: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}

    def _atom(self, name: str) -> str:
        text = self._atoms.get(name)
        if text is None:
            if len(self._atoms) > _CACHE_LIMIT:
                self._atoms.clear()
            text = self._atoms[name] = prolog_atom(name)
        return text

    def facts_text(self, case: Case) -> str:
        """The case's facts as a Prolog list (equal to ``PrologEngine.facts_term``)."""
        facts = self._facts
        if len(facts) > _CACHE_LIMIT:
            facts.clear()
        parts = []
        for fact in case.facts:
            key = (fact.pred, fact.args)
            text = facts.get(key)
            if text is None:
                text = facts[key] = self._fact_text(fact.pred, fact.args)
            parts.append(text)
        return "[" + ",".join(parts) + "]"

    def _fact_text(self, pred: str, args: tuple[str, ...]) -> str:
        """As :func:`aigc_kb.engines.quoting.prolog_term` writes it, with the atoms cached."""
        atom = self._atom
        return f"{atom(pred)}({','.join(atom(a) for a in args)})" if args else atom(pred)

    def options_text(self, reading: ResolvedReading) -> str:
        """The reading as a Prolog options list (equal to ``PrologEngine.options_term``)."""
        key = (reading.regime, tuple(sorted(reading.positions.items())))
        text = self._options.get(key)
        if text is None:
            text = self._options[key] = PrologEngine.options_term(reading)
        return text

    def cases_text(self, items: Sequence[tuple[Case, ResolvedReading]]) -> tuple[str, str]:
        """The list of case terms and the shared options: what one batch call sends.

        Case ``i`` of ``items`` is ``case(i, Facts)``, or ``case(i, Facts, Options)``
        when its reading is not the one most cases share.
        """
        counts: dict[str, int] = {}
        options = [self.options_text(reading) for _, reading in items]
        for text in options:
            counts[text] = counts.get(text, 0) + 1
        shared = max(counts, key=lambda t: counts[t]) if counts else "[]"
        terms = []
        for index, ((case, _), own) in enumerate(zip(items, options)):
            if own == shared:
                terms.append(f"case({index},{self.facts_text(case)})")
            else:
                terms.append(f"case({index},{self.facts_text(case)},{own})")
        return "[" + ",\n".join(terms) + "]", shared


class PrologBatch:
    """Batch evaluation on the Prolog encoding of one knowledge base.

    Parameters
    ----------
    kb : KnowledgeBase
        Its Prolog engine (loaded on first use) and limits are used.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        engine = kb.engine("prolog")
        assert isinstance(engine, PrologEngine)
        self.engine = engine
        load_batch_module(engine)
        self.text = PrologText()
        self._arity = {name: spec.arity for name, spec in kb.vocab.outputs.items()}
        self._doctrines: dict[str, tuple[str, ...]] = {}

    def evaluate(self, items: Sequence[tuple[Case, ResolvedReading]]) -> list[list[Row] | None]:
        """The conclusions of each case, or ``None`` where it must be evaluated alone."""
        request = self.prepare(items)
        return self.decode(len(items), request, self.call(request))

    def prepare(self, items: Sequence[tuple[Case, ResolvedReading]]) -> tuple[str, str] | None:
        """What one call sends for ``items``: the case terms and the shared options (no engine needed)."""
        return self.text.cases_text(items) if items else None

    def call(self, request: tuple[str, str] | None) -> str | None:
        """The engine's JSON text for a prepared request (``None``: the call failed as a whole)."""
        if request is None:
            return None
        try:
            return self.engine.call_text(PREDICATE, *request, "[]")
        except AigcError:
            return None

    def decode(self, count: int, request: tuple[str, str] | None, reply: str | None) -> list[list[Row] | None]:
        """The conclusions of each of the ``count`` cases from the engine's reply (no engine needed)."""
        results: list[list[Row] | None] = [None] * count
        if reply is None:
            return results
        try:
            answers: list[Any] = json.loads(reply)
        except ValueError:
            return results
        arity = self._arity
        doctrines = self._doctrines
        for answer in answers:
            if not isinstance(answer, list) or len(answer) != 2:
                continue  # an error: the case is evaluated alone
            index, flat = answer
            rows: list[Row] = []
            position, end = 0, len(flat)
            try:
                while position < end:
                    pred = flat[position]
                    stop = position + 1 + arity[pred]
                    text = flat[stop]
                    found = doctrines.get(text)
                    if found is None:
                        found = doctrines[text] = tuple(sorted(d.upper() for d in text.split()))
                    rows.append((pred, tuple(flat[position + 1:stop]), found))
                    position = stop + 1
            except (KeyError, IndexError, TypeError, AttributeError):
                continue  # not what the vocabulary says: the case is evaluated alone
            results[index] = rows
        return results
