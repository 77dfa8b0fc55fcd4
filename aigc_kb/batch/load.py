"""Load the cases of a JSON Lines batch quickly, with the loader's exact results.

Validating a case line against the JSON Schema costs milliseconds, which is
more than evaluating it.  :class:`FastCaseLoader` accepts the common shape of a
batch line (``id``, ``facts`` and optionally ``unknown``, ``positions``,
``title``, ``source``) after checks that imply everything the schema and the
loader's validator check; whenever a line is not of that shape or any check
fails, it hands the line to :func:`aigc_kb.core.loader.load_case_json_line`, which
then gives the case or the problems.  The fast path is sound by construction:
it only ever accepts a line the loader accepts, and builds the same
:class:`~aigc_kb.core.model.Case` (tests compare the two).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.loader import RESERVED_NAMES, load_case_json_line
from ..core.model import Case, Fact
from ..core.vocabulary import ENTITY_TYPES, NONE, OPEN, Vocabulary

#: Facts are cached by their JSON form; the cache is cleared when it grows past this.
_CACHE_LIMIT = 100_000
#: The keys a line may have to take the fast path.
_FAST_KEYS = frozenset({"id", "title", "source", "facts", "unknown", "positions"})
#: The schema's pattern for case ids (checked with ``re.search``, as jsonschema does).
_ID = re.compile(r"^[A-Za-z0-9_.-]+$")
_ENTITY_SET = frozenset(ENTITY_TYPES)
#: A JSON escape of a UTF-16 surrogate (``\\ud800``), paired or not.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")

#: How one argument is checked: an enumeration (its values) or entities (their types).
_ArgCheck = tuple[frozenset[str] | None, frozenset[str], bool]


class FastCaseLoader:
    """Turns JSON Lines text into cases, taking the fast path when it can.

    Parameters
    ----------
    vocab : Vocabulary
        The vocabulary the cases must follow.
    """

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._args: dict[str, tuple[int, tuple[_ArgCheck, ...]]] = {}
        for name, spec in vocab.inputs.items():
            checks = []
            for type_name in spec.args:
                enum = vocab.enum_values(type_name)
                checks.append((frozenset(enum) if enum is not None else None,
                               frozenset(vocab.entity_types_of(type_name)),
                               type_name.endswith("_or_none")))
            self._args[name] = (spec.arity, tuple(checks))
        self._conflicts: dict[str, tuple[str, ...]] = {}
        for first, second in vocab.conflicts:
            self._conflicts[first] = self._conflicts.get(first, ()) + (second,)
        self._positions = {name: frozenset(point.positions) | {OPEN} for name, point in vocab.choice_points.items()}
        self._cache: dict[tuple[Any, ...], _Plan] = {}
        self.fast = 0
        self.slow = 0

    def load_line(self, text: str, file: str, line: int) -> Case:
        """The case on line ``line`` of ``file``.

        Raises
        ------
        InputError
            Exactly as :func:`aigc_kb.core.loader.load_case_json_line` does.
        """
        try:
            # A \\u escape of a surrogate may leave a lone one in a name: the loader decides those.
            data = None if _SURROGATE_ESCAPE.search(text) else json.loads(text)
        except (ValueError, RecursionError):
            data = None
        case = self.fast_case(data, str(Path(file))) if isinstance(data, dict) else None
        if case is not None:
            self.fast += 1
            return case
        self.slow += 1
        return load_case_json_line(text, file, line, self.vocab)

    def fast_case(self, data: dict[str, Any], name: str) -> Case | None:
        """The case ``data`` stands for, or ``None`` when the loader must decide."""
        if not data.keys() <= _FAST_KEYS or "id" not in data or "facts" not in data:
            return None
        case_id = data["id"]
        if not isinstance(case_id, str) or not _ID.search(case_id):
            return None
        title = data.get("title", "")
        source = data.get("source", "")
        if not isinstance(title, str) or not isinstance(source, str):
            return None
        facts = self._facts(data["facts"])
        unknown = self._facts(data.get("unknown", []))
        positions = self._case_positions(data.get("positions", {}))
        if facts is None or unknown is None or positions is None or not self._valid(facts, unknown):
            return None
        return Case(id=case_id, path=name, title=title, source=source, facts=tuple(p.fact for p in facts),
                    unknown=tuple(p.fact for p in unknown), positions=positions)

    # -- structure (what the schema checks) ----------------------------------
    def _facts(self, items: Any) -> list[_Plan] | None:
        """The facts of a ``facts`` or ``unknown`` list, with their checks (cached per fact)."""
        if type(items) is not list:
            return None
        cache = self._cache
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        out = []
        for item in items:
            if type(item) is not dict or len(item) != 1:
                return None
            for pred, value in item.items():
                key = (pred, value) if type(value) is str else (pred, *value) if type(value) is list else None
                if key is None:
                    return None
                try:
                    plan = cache.get(key)
                except TypeError:  # an unhashable argument: not a name
                    return None
                if plan is None:
                    plan = self._plan(pred, value)
                    if plan is None:
                        return None
                    cache[key] = plan
                out.append(plan)
        return out

    def _plan(self, pred: Any, value: Any) -> _Plan | None:
        """The fact ``{pred: value}`` and what it needs of its case, if the schema accepts it."""
        spec = self._args.get(pred)
        if spec is None:
            return None
        arity, checks = spec
        if isinstance(value, str):
            if arity != 1 or not value:
                return None
            args: tuple[str, ...] = (value,)
        elif len(value) != arity or not all(isinstance(v, str) and v for v in value):
            return None
        else:
            args = tuple(value)
        fact = Fact(pred, args)
        if pred in _ENTITY_SET:
            bad = args[0] in RESERVED_NAMES or "\0" in args[0]
            return _Plan(fact, (pred, *args), None if bad else (), (), pred)
        needs = []
        for (enum, types, or_none), arg in zip(checks, args):
            if enum is not None:
                if arg not in enum:
                    return _Plan(fact, (pred, *args), None, (), None)
            elif not types:
                return _Plan(fact, (pred, *args), None, (), None)
            elif not (or_none and arg == NONE):
                needs.append((arg, types))
        conflicts = tuple((second, *args) for second in self._conflicts.get(pred, ()))
        return _Plan(fact, (pred, *args), tuple(needs), conflicts, None)

    def _case_positions(self, value: Any) -> tuple[tuple[str, str], ...] | None:
        if not isinstance(value, dict):
            return None
        for point, position in value.items():
            allowed = self._positions.get(point)
            if allowed is None or not isinstance(position, str) or position not in allowed:
                return None
        return tuple(sorted(value.items()))

    # -- meaning (what the loader's validator checks) ------------------------
    @staticmethod
    def _valid(facts: list[_Plan], unknown: list[_Plan]) -> bool:
        entities: dict[str, str] = {}
        keys: set[tuple[str, ...]] | None = None
        for plan in facts:
            if plan.needs is None:
                return False
            if plan.declares is not None:
                if entities.setdefault(plan.fact.args[0], plan.declares) != plan.declares:
                    return False
        for plan in facts:
            for name, types in plan.needs or ():
                if entities.get(name) not in types:
                    return False
            if plan.conflicts:
                if keys is None:
                    keys = {p.key for p in facts}
                if any(k in keys for k in plan.conflicts):
                    return False
        if unknown:
            keys = keys if keys is not None else {p.key for p in facts}
            for plan in unknown:
                if plan.needs is None or plan.declares is not None or plan.key in keys:
                    return False
                for name, types in plan.needs:
                    if entities.get(name) not in types:
                        return False
        return True


@dataclass(frozen=True)
class _Plan:
    """A fact and what the loader's validator asks of it.

    ``needs`` is ``None`` when the fact can never be valid (a value outside its
    enumeration, a reserved entity name), else the (name, entity types) its
    case must declare; ``conflicts`` are the keys of the facts it cannot
    stand with; ``declares`` is the entity type an entity declaration declares.
    """

    fact: Fact
    key: tuple[str, ...]
    needs: tuple[tuple[str, frozenset[str]], ...] | None
    conflicts: tuple[tuple[str, ...], ...]
    declares: str | None
