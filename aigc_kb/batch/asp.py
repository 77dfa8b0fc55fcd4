"""Evaluate many cases in one ASP grounding: entities renamed apart, atoms split back.

Grounding the encoding has a fixed cost far above the cost of a case's
facts, so cases with the same reading are grounded together: the entities
of case 17 of a group become the constants ``c17_0``, ``c17_1``, … (renamed
apart: no two cases share one), every case's facts go into one program, and
the shown atoms of its one answer set are split back by the entities they
name and renamed back.  Numbered constants rather than prefixed names keep
clingo's symbol table (which is never freed) bounded by the group size
whatever names the cases use; no name of a case reaches clingo.  That is exactly each case's own answer when the
encoding is separable (:mod:`aigc_kb.batch.separable`, checked once per
process) and no entity is named like a constant of the encoding (such a case
is evaluated alone).  Programs are grounded in a child process
(:mod:`aigc_kb.batch.grounder`): clingo keeps every symbol it ever made, and
that process is replaced now and then.  A group whose program fails in any
way (no or several answer sets, the time limit, an error) gives no result:
the caller evaluates its cases one by one, so errors are exactly those of a
case evaluated alone.

Names reach clingo only as symbols: each argument's text is ``str()`` of its
symbol (:func:`aigc_kb.engines.quoting.asp_name`, cached), a renamed entity is a
constant made of the prefix and two numbers (written as itself), and a fact's
text is its predicate and those texts joined as ``str(clingo.Function(...))``
writes them.
"""

from __future__ import annotations

import os
import re
import tempfile
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

import clingo
import clingo.ast

from .grounder import Answer, Grounder
from .record import Row
from .separable import Separability, analyse
from ..core.model import Case
from ..engines.quoting import asp_is_constant, asp_name, symbol_text
from ..core.reading import ResolvedReading
from ..core.vocabulary import NONE, OPEN, Vocabulary
from ..engines import asp_rules

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ..api import KnowledgeBase

#: In the text of a model's shown atoms, ``a(..),b(..),...``: a
#: ``because(Atom,Doctrine)`` atom (groups 1, 2), or an atom whose arguments
#: are constants (groups 3 to 5: the whole, its name, its arguments).
_SHOWN = re.compile(r"because\((\w+\([\w,]*\)),(\w+)\)|((\w+)\(([\w,]*)\))")
#: A ``because(Atom,Doctrine)`` atom: Atom, its name and arguments, Doctrine.
_BECAUSE = re.compile(r"because\(((\w+)\(([\w,]*)\)),(\w+)\)")
_VERDICTS: dict[tuple[tuple[str, ...], int], Separability] = {}
#: Text caches are cleared when they grow past this (memory stays bounded).
_CACHE_LIMIT = 200_000


def verdict(kb: KnowledgeBase) -> Separability:
    """Whether the kb's ASP encoding is separable (computed once per process)."""
    files = tuple(str(f) for f in kb.paths.asp_files)
    key = (files, id(kb.vocab))
    if key not in _VERDICTS:
        statements = asp_rules.expand(files, asp_rules.outputs_for(files))
        _VERDICTS[key] = analyse(statements, kb.vocab)
    return _VERDICTS[key]


def _split_atoms(text: str) -> list[str]:
    """Atoms written ``a(..),b(..)`` one by one (commas outside parentheses and strings split)."""
    atoms, depth, start, quoted, escaped = [], 0, 0, False, False
    for position, char in enumerate(text):
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            atoms.append(text[start:position])
            start = position + 1
    atoms.append(text[start:])
    return atoms


def reading_key(reading: ResolvedReading) -> tuple[str, tuple[tuple[str, str], ...]]:
    """What cases must share to be grounded together: the regime and every position."""
    return reading.regime, tuple(sorted(reading.positions.items()))


@dataclass
class GroupProgram:
    """The facts of a group of cases sharing one reading, renamed apart.

    Attributes
    ----------
    text : str
        The program's facts, one per line (``set_regime``/``set_position`` included).
    members : list[int]
        Indexes (into the evaluated sequence) of the cases in the program.
    names : dict[str, str]
        For each renamed entity's text: the original name.
    owners : dict[str, int]
        For each renamed entity's text: the index of its case.
    """

    text: str
    members: list[int] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    owners: dict[str, int] = field(default_factory=dict)


class AspBatch:
    """Batch evaluation on the ASP encoding of one knowledge base.

    Parameters
    ----------
    kb : KnowledgeBase
        Its ASP engine's files and limits are used.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        from ..engines.asp import AspEngine

        engine = kb.engine("asp")
        assert isinstance(engine, AspEngine)
        self.engine = engine
        self.vocab: Vocabulary = kb.vocab
        self.files = [str(f) for f in engine.files]
        # The child runs clingo's own main on files: it gets the encoding with its annotations
        # expanded as an evaluation grounds it (aigc_kb.engines.asp_rules.evaluation_text), written once to a
        # file that lives as long as this batch.
        handle, encoding = tempfile.mkstemp(prefix="aigc-kb-encoding-", suffix=".lp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(asp_rules.evaluation_text(self.files))
        weakref.finalize(self, os.unlink, encoding)
        self.grounder = Grounder([encoding])
        self.grounder.start()  # it starts while the encoding is checked
        self.verdict = verdict(kb)
        self._text: dict[str, str] = {}
        self._upper: dict[str, tuple[str, ...]] = {}
        self._templates: dict[tuple[str, tuple[str, ...]], tuple[str, list[str], tuple[tuple[int, str], ...]]] = {}
        self._output_arity = {name: spec.arity for name, spec in kb.vocab.outputs.items()}
        self._entity_slots = {name: tuple(bool(kb.vocab.entity_types_of(t)) for t in spec.args)
                              for name, spec in kb.vocab.inputs.items()}
        self._collisions = set(self.verdict.constants) | {str(asp_name(v)) for v in self._reserved(kb.vocab)}
        self._constants = {c for c in self._collisions if not c.startswith('"')}
        self._strings = {str(clingo.parse_term(c).string) for c in self._collisions if c.startswith('"')}
        self.prefix = "c"
        while any(re.match(rf"{self.prefix}[0-9]+_", c) for c in self._collisions):
            self.prefix += "c"

    @staticmethod
    def _reserved(vocab: Vocabulary) -> set[str]:
        names = {NONE, OPEN, *vocab.regimes}
        for values in vocab.enums.values():
            names.update(values)
        for point in vocab.choice_points.values():
            names.add(point.name)
            names.update(point.positions)
        names.update(vocab.inputs)
        names.update(vocab.outputs)
        return names

    # -- texts ----------------------------------------------------------------
    def _name_text(self, name: str) -> str:
        text = self._text.get(name)
        if text is None:
            if len(self._text) > _CACHE_LIMIT:
                self._text.clear()
            text = self._text[name] = str(asp_name(name))
        return text

    def _reading_text(self, reading: ResolvedReading) -> str:
        symbols = [clingo.Function("set_regime", [asp_name(reading.regime)])]
        symbols.extend(clingo.Function("set_position", [asp_name(p), asp_name(v)])
                       for p, v in sorted(reading.positions.items()))
        return "".join(f"{s}.\n" for s in symbols)

    def group_programs(self, items: Sequence[tuple[Case, ResolvedReading]]) -> tuple[list[GroupProgram], list[int]]:
        """The programs of ``items`` (one per reading) and the indexes of the cases to evaluate alone."""
        groups: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[ResolvedReading, list[int]]] = {}
        for index, (_, reading) in enumerate(items):
            groups.setdefault(reading_key(reading), (reading, []))[1].append(index)
        programs = []
        alone: list[int] = []
        for reading, indexes in groups.values():
            program = GroupProgram("")
            lines = [self._reading_text(reading)]
            for index in indexes:
                facts = self._case_lines(index, items[index][0], program)
                if facts is None:
                    alone.append(index)
                else:
                    lines.append(facts)
                    program.members.append(index)
            program.text = "".join(lines)
            if program.members:
                programs.append(program)
        return programs, sorted(alone)

    def _case_lines(self, index: int, case: Case, program: GroupProgram) -> str | None:
        """The case's facts renamed apart, or ``None`` if an entity is named like a constant of the kb."""
        renamed: dict[str, str] = {}
        templates = self._templates
        if len(templates) > _CACHE_LIMIT:
            templates.clear()
        lines = []
        for fact in case.facts:
            key = (fact.pred, fact.args)
            template = templates.get(key)
            if template is None:
                template = templates[key] = self._template(fact.pred, fact.args)
            head, texts, entities = template
            if entities:
                texts = texts.copy()
                for position, name in entities:
                    text = renamed.get(name)
                    if text is None:
                        text = self._rename(index, name, len(renamed), program)
                        if text is None:
                            return None
                        renamed[name] = text
                    texts[position] = text
            lines.append(head + ",".join(texts) + ").\n")
        return "".join(lines)

    def _template(self, pred: str, args: tuple[str, ...]) -> tuple[str, list[str], tuple[tuple[int, str], ...]]:
        """A fact's text before renaming: ``pred(``, the argument texts, and the entities to rename."""
        slots = self._entity_slots[pred]
        texts = [("" if is_entity else self._name_text(value)) for is_entity, value in zip(slots, args)]
        entities = tuple((position, value) for position, (is_entity, value) in enumerate(zip(slots, args)) if is_entity)
        return self._name_text(pred) + "(", texts, entities

    def _rename(self, index: int, name: str, number: int, program: GroupProgram) -> str | None:
        """The constant entity number ``number`` of case ``index`` becomes (``None``: it must stay as it is).

        Whether ``name`` is written like a constant or a string of the kb is
        decided as :func:`aigc_kb.engines.quoting.asp_name` decides it, without making
        a symbol (clingo would keep it for the life of the process).
        """
        if name in (self._constants if asp_is_constant(name) else self._strings):
            return None
        text = f"{self.prefix}{index}_{number}"
        program.names[text] = name
        program.owners[text] = index
        return text

    # -- solving --------------------------------------------------------------
    def evaluate(self, items: Sequence[tuple[Case, ResolvedReading]]) -> list[list[Row] | None]:
        """The conclusions of each case, or ``None`` where it must be evaluated alone."""
        request = self.prepare(items)
        return self.decode(len(items), request, self.call(request))

    def prepare(self, items: Sequence[tuple[Case, ResolvedReading]]) -> list[GroupProgram]:
        """The programs that ground ``items`` (no engine needed; cases left out are evaluated alone)."""
        if not self.verdict.ok or not items:
            return []
        return self.group_programs(items)[0]

    def call(self, request: list[GroupProgram]) -> list[Answer | None]:
        """Each program's answer from the grounding child (``None``: it gave none)."""
        return [self.grounder.solve(program.text, self.engine.limits.time) for program in request]

    def decode(self, count: int, request: list[GroupProgram], reply: list[Answer | None]) -> list[list[Row] | None]:
        """The conclusions of each of the ``count`` cases from the answers (no engine needed)."""
        results: list[list[Row] | None] = [None] * count
        for program, answer in zip(request, reply):
            rows = self._rows_of(program, answer)
            if rows is not None:
                for index in program.members:
                    results[index] = rows.get(index, [])
        return results

    def _rows_of(self, program: GroupProgram, answer: Answer | None) -> dict[int, list[Row]] | None:
        if answer is None:
            return None
        if answer.text is not None:
            decoded = self._decode_text(answer.text, answer.count, program)
            if decoded is not None:
                return decoded
            return self._decode_texts(_split_atoms(answer.text), program)
        return self._decode_texts(list(answer.atoms), program)

    # -- splitting ------------------------------------------------------------
    def _decode_texts(self, texts: list[str], program: GroupProgram) -> dict[int, list[Row]] | None:
        """Split shown atoms given one text each (strings included)."""
        if not any('"' in t for t in texts):
            return self._decode_text(",".join(texts), len(texts), program)
        rows: dict[int, list[Row]] = {}
        doctrines: dict[clingo.Symbol, set[str]] = {}
        atoms = []
        for text in texts:
            symbol = clingo.parse_term(text)
            if symbol.name == "because" and len(symbol.arguments) == 2:
                doctrines.setdefault(symbol.arguments[0], set()).add(symbol_text(symbol.arguments[1]).upper())
            else:
                atoms.append(symbol)
        for symbol in atoms:
            owner: int | None = None
            args = []
            for arg in symbol.arguments:
                text = str(arg)
                case = program.owners.get(text)
                if case is None:
                    args.append(symbol_text(arg))
                    continue
                if owner is not None and owner != case:
                    return None
                owner = case
                args.append(program.names[text])
            if owner is None:
                return None
            rows.setdefault(owner, []).append((symbol.name, tuple(args), tuple(sorted(doctrines.get(symbol, ())))))
        return rows

    def _decode_text(self, text: str, count: int, program: GroupProgram) -> dict[int, list[Row]] | None:
        """Split shown atoms written as one text, ``a(..),b(..),...``, without strings.

        Usually every shown output atom has its ``because(Atom, Doctrine)``
        atoms (each rule of the encoding cites a doctrine), and reading those
        alone gives every conclusion with its doctrines; when the count of the
        other atoms says otherwise, every atom is read.  Every atom must be an
        output atom with constant arguments or a ``because`` atom (else
        ``None``: the caller splits symbol by symbol).  The separability of
        the encoding guarantees that an atom's entities belong to one case:
        the first entity argument names it.
        """
        if count == 0:
            return {}
        doctrines: dict[str, tuple[str, str, str]] = {}
        found = _BECAUSE.findall(text)
        for whole, name, inner, doctrine in found:
            known = doctrines.get(whole)
            doctrines[whole] = (name, inner, doctrine if known is None else known[2] + " " + doctrine)
        if count - len(found) != len(doctrines):
            return self._decode_all(text, count, program)
        return self._rows(doctrines.values(), program)

    def _decode_all(self, text: str, count: int, program: GroupProgram) -> dict[int, list[Row]] | None:
        """As :meth:`_decode_text`, reading every atom (some has no ``because``)."""
        matches = _SHOWN.findall(text)
        if len(matches) != count:
            return None
        doctrines: dict[str, str] = {}
        atoms = []
        for atom, doctrine, whole, name, inner in matches:
            if atom:
                known = doctrines.get(atom)
                doctrines[atom] = doctrine if known is None else known + " " + doctrine
            else:
                atoms.append((whole, name, inner))
        return self._rows(((name, inner, doctrines.get(whole, "")) for whole, name, inner in atoms), program)

    def _rows(self, atoms: Iterable[tuple[str, str, str]], program: GroupProgram) -> dict[int, list[Row]] | None:
        """The conclusions of each case from (name, arguments text, doctrines text) of each atom."""
        arity = self._output_arity
        names_get = program.names.get
        owners = program.owners
        upper = self._upper
        rows: dict[int, list[Row]] = {}
        for name, inner, key in atoms:
            args = inner.split(",")
            if arity.get(name) != len(args):
                return None
            owner = owners.get(args[0])
            if owner is None:
                owner = next((owners[a] for a in args if a in owners), None)
                if owner is None:
                    return None
            marks = upper.get(key)
            if marks is None:
                marks = upper[key] = tuple(sorted({d.upper() for d in key.split()}))
            row: Row = (name, cast("tuple[str, ...]", tuple(map(names_get, args, args))), marks)
            found_rows = rows.get(owner)
            if found_rows is None:
                rows[owner] = [row]
            else:
                found_rows.append(row)
        return rows
