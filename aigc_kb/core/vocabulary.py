"""The fact vocabulary (``kb/vocabulary.yaml``) as typed Python objects.

Everything that knows predicate names — the case validator, the JSON Schema
for case files, the vocabulary reference, the result formatter — reads them
from here, so the vocabulary is declared once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import KbError

#: The entity types: each is declared by the one-argument input of its name (``model: [model]``).
ENTITY_TYPES = ("party", "system", "work", "output", "model", "copy")
#: Argument types that are unions of entity types.
UNION_TYPES = {"item": ("work", "output"), "subject": ("party", "system"), "artefact": ("system", "model"),
               "output_or_copy": ("output", "copy")}
#: The constant standing for JSON null in conclusions.
NONE = "none"
#: The position reserved for scenario commands.
OPEN = "open"


@dataclass(frozen=True)
class InputPredicate:
    """A fact a case may state.

    Attributes
    ----------
    name, args : str, tuple[str, ...]
        Predicate name and the type of each argument.
    meaning : str
        A template: ``{0}``, ``{1}`` … stand for the arguments.
    doctrines : tuple[str, ...]
        The doctrines whose rules read it.
    burden : str
        Who loses when it is not proven.
    arg_names : tuple[str, ...]
        The role of each argument: the vocabulary's ``names``, else each
        argument's type (numbered where two share it).
    """

    name: str
    args: tuple[str, ...]
    meaning: str
    doctrines: tuple[str, ...]
    burden: str
    arg_names: tuple[str, ...] = ()

    @property
    def arity(self) -> int:
        return len(self.args)

    @property
    def roles(self) -> tuple[str, ...]:
        """The name of each argument (:attr:`arg_names`, or derived from the types when empty)."""
        return self.arg_names or default_arg_names(self.args)

    def signature(self) -> str:
        """``acting_for(agent: party, principal: party)``; an argument named after its type shows the type only."""
        shown = [t if n == t else f"{n}: {t}" for n, t in zip(self.roles, self.args)]
        return f"{self.name}({', '.join(shown)})"

    def describe(self, values: tuple[str, ...]) -> str:
        return self.meaning.format(*values)


def default_arg_names(types: tuple[str, ...]) -> tuple[str, ...]:
    """Arguments named after their types, numbered where a type repeats: ``(party1, party2, output)``."""
    return tuple(t if types.count(t) == 1 else f"{t}{types[:i].count(t) + 1}" for i, t in enumerate(types))


def _arg_names(name: str, spec: dict[str, Any], file: Path) -> tuple[str, ...]:
    """The ``names`` of an input predicate's arguments, or its types where it has none."""
    args = tuple(spec["args"])
    names = spec.get("names")
    if names is None:
        return default_arg_names(args)
    if not isinstance(names, list) or len(names) != len(args) or len(set(map(str, names))) != len(names):
        raise KbError(f"{file}: input {name}: `names` must name each of its {len(args)} argument(s) once")
    return tuple(str(n) for n in names)


@dataclass(frozen=True)
class OutputPredicate:
    """A conclusion the engines emit: named, typed arguments."""

    name: str
    arg_names: tuple[str, ...]
    arg_types: tuple[str, ...]
    meaning: str

    @property
    def arity(self) -> int:
        return len(self.arg_names)


@dataclass(frozen=True)
class ChoicePoint:
    """A point the paper leaves open: a default and its alternatives."""

    name: str
    doctrine: str
    default: str
    positions: tuple[str, ...]
    meaning: str


@dataclass(frozen=True)
class Doctrine:
    """One doctrine of the catalogue."""

    id: str
    name: str
    sections: tuple[str, ...]
    ext: bool
    partly_ext: bool
    statement: str


@dataclass(frozen=True)
class Vocabulary:
    """The whole vocabulary of one knowledge base."""

    inputs: dict[str, InputPredicate]
    outputs: dict[str, OutputPredicate]
    enums: dict[str, tuple[str, ...]]
    regimes: tuple[str, ...]
    default_regime: str
    choice_points: dict[str, ChoicePoint]
    conflicts: tuple[tuple[str, str], ...]
    doctrines: dict[str, Doctrine]

    # -- type checks ---------------------------------------------------
    def is_known_type(self, type_name: str) -> bool:
        return (
            type_name in ENTITY_TYPES
            or type_name in UNION_TYPES
            or type_name in self.enums
            or type_name.endswith("_or_none")
        )

    def entity_types_of(self, type_name: str) -> tuple[str, ...]:
        """The entity types an argument type admits (empty for enumerations)."""
        base = type_name[: -len("_or_none")] if type_name.endswith("_or_none") else type_name
        if base in ENTITY_TYPES:
            return (base,)
        return UNION_TYPES.get(base, ())

    def enum_values(self, type_name: str) -> tuple[str, ...] | None:
        return self.enums.get(type_name)

    def doctrine_ids(self) -> list[str]:
        return sorted(self.doctrines)


#: Where libyaml reads a document otherwise than PyYAML's pure-Python loader (takes what that refuses,
#: or reads other values): a tab, ``?``, ``!``, a byte-order mark, or a comment glued to a block scalar's
#: ``|`` or ``>``.  A text holding one is left to the pure-Python loader.
LIBYAML_AVOIDS = re.compile(r"[\t?!\ufeff]|[|>][0-9+-]*#")


def libyaml_loader(text: str) -> type[yaml.CSafeLoader] | None:
    """libyaml's safe loader (several times faster, with the same node lines) when it reads ``text`` as
    the pure-Python loader does: PyYAML has it and ``text`` holds nothing :data:`LIBYAML_AVOIDS` finds.

    libyaml may still accept less: a caller reads a text it refuses again with the pure-Python loader.
    """
    fast: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
    if fast is None or LIBYAML_AVOIDS.search(text):
        return None
    return fast


def _load_yaml(path: Path) -> Any:
    """The YAML document of ``path``, read by :func:`libyaml_loader` when it can.

    A file libyaml refuses is read again by the pure-Python loader, so that its
    error is the one reported.
    """
    text = path.read_text(encoding="utf-8")
    fast = libyaml_loader(text)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=8)
def load_vocabulary(vocabulary_file: Path, doctrines_file: Path) -> Vocabulary:
    """Read a vocabulary and its doctrine table.

    Parameters
    ----------
    vocabulary_file, doctrines_file : Path
        ``kb/vocabulary.yaml`` and ``kb/doctrines.yaml``.
    """
    raw = _load_yaml(vocabulary_file)
    doctrines_raw = _load_yaml(doctrines_file)["doctrines"]
    inputs = {
        name: InputPredicate(
            name=name,
            args=tuple(spec["args"]),
            meaning=spec["meaning"],
            doctrines=tuple(spec.get("doctrines", ())),
            burden=spec.get("burden", "claimant"),
            arg_names=_arg_names(name, spec, vocabulary_file),
        )
        for name, spec in raw["inputs"].items()
    }
    outputs = {
        name: OutputPredicate(
            name=name,
            arg_names=tuple(spec["args"].keys()),
            arg_types=tuple(spec["args"].values()),
            meaning=spec["meaning"],
        )
        for name, spec in raw["outputs"].items()
    }
    choice_points = {
        name: ChoicePoint(
            name=name,
            doctrine=spec["doctrine"],
            default=spec["default"],
            positions=tuple(spec["positions"]),
            meaning=spec["meaning"],
        )
        for name, spec in raw["choice_points"].items()
    }
    doctrines = {
        d["id"]: Doctrine(
            id=d["id"],
            name=d["name"],
            sections=tuple(str(s) for s in d["sections"]),
            ext=bool(d["ext"]),
            partly_ext=bool(d.get("partly_ext", False)),
            statement=d["statement"],
        )
        for d in doctrines_raw
    }
    enums = {name: tuple(values) for name, values in raw["enums"].items()}
    return Vocabulary(
        inputs=inputs,
        outputs=outputs,
        enums=enums,
        regimes=tuple(raw["regimes"]["values"]),
        default_regime=raw["regimes"]["default"],
        choice_points=choice_points,
        conflicts=tuple((a, b) for a, b in raw.get("conflicts", [])),
        doctrines=doctrines,
    )
