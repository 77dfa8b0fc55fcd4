"""Evaluate cases with the ASP encoding through clingo's Python API."""

from __future__ import annotations

from pathlib import Path

import clingo

from .errors import EngineError, KbError
from .model import Case
from .paths import KbPaths
from .quoting import asp_fact, asp_name, symbol_text
from .reading import ResolvedReading
from .result import Conclusion

SHOW_FILE = "show.lp"


class AspEngine:
    """The ASP encoding of one knowledge base.

    Each evaluation grounds the encoding with the case's facts in a fresh
    ``clingo.Control``, so cases never share state.
    """

    name = "asp"

    def __init__(self, paths: KbPaths) -> None:
        self.paths = paths
        self.files = paths.asp_files
        if not self.files:
            raise KbError(f"{paths.root / 'asp'}: no .lp files")

    @staticmethod
    def instance_text(case: Case, reading: ResolvedReading, with_unknown: bool = False) -> str:
        """The case as ASP facts (rendered from clingo symbols), with the reading.

        With ``with_unknown`` the open facts are added as ``unknown(Fact)``,
        for enumeration; the reading may then hold ``open`` positions.
        """
        symbols = [asp_fact(f) for f in case.facts]
        if with_unknown:
            symbols.extend(clingo.Function("unknown", [asp_fact(f)]) for f in case.unknown)
        symbols.append(clingo.Function("set_regime", [asp_name(reading.regime)]))
        symbols.extend(clingo.Function("set_position", [asp_name(p), asp_name(v)])
                       for p, v in sorted(reading.positions.items()))
        return "".join(f"{s}.\n" for s in symbols)

    def _solve(self, files: list[Path], case: Case, reading: ResolvedReading) -> list[clingo.Symbol]:
        messages: list[str] = []

        def logger(code: clingo.MessageCode, message: str) -> None:
            messages.append(message.strip())

        ctl = clingo.Control(["--models=2"], logger=logger, message_limit=50)
        try:
            for file in files:
                ctl.load(str(file))
            ctl.add("base", [], self.instance_text(case, reading))
            ctl.ground([("base", [])])
        except RuntimeError as err:
            raise KbError(f"the ASP encoding failed ({err}):\n" + "\n".join(messages)) from None
        models: list[list[clingo.Symbol]] = []
        with ctl.solve(yield_=True) as handle:
            for model in handle:
                models.append(list(model.symbols(shown=True)))
        if not models:
            raise EngineError(f"{case.id}: the ASP encoding has no answer set for this case")
        if len(models) > 1:
            raise EngineError(f"{case.id}: the ASP encoding has more than one answer set with every fact known")
        return models[0]

    def evaluate(self, case: Case, reading: ResolvedReading) -> list[Conclusion]:
        """Every conclusion of ``case`` under ``reading``."""
        symbols = self._solve(self.files, case, reading)
        doctrines: dict[clingo.Symbol, set[str]] = {}
        atoms: list[clingo.Symbol] = []
        for symbol in symbols:
            if symbol.name == "because" and len(symbol.arguments) == 2:
                atom, doctrine = symbol.arguments
                doctrines.setdefault(atom, set()).add(symbol_text(doctrine).upper())
            else:
                atoms.append(symbol)
        return sorted(
            Conclusion(s.name, tuple(symbol_text(a) for a in s.arguments), tuple(sorted(doctrines.get(s, ()))))
            for s in atoms
        )

    def query(self, file: Path, case: Case, reading: ResolvedReading) -> list[tuple[str, ...]]:
        """The answers of a named query file for ``case``."""
        files = [f for f in self.files if f.name != SHOW_FILE] + [file]
        symbols = self._solve(files, case, reading)
        return sorted(tuple(symbol_text(a) for a in s.arguments) for s in symbols if s.name == "answer")
