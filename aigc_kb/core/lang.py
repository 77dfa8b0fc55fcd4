"""The languages of the renderings: English and Simplified Chinese.

The English sources stay where they are: the input templates are the ``meaning``
strings of ``kb/vocabulary.yaml``, the templates of the output and auxiliary
predicates are the ``template/3`` facts beside the rules in ``kb/prolog``, the
doctrines are ``kb/doctrines.yaml``, and the messages of the renderings are
``kb/lang/en.yaml``.  ``kb/lang/zh.yaml`` holds the Chinese of each, keyed by the
same identifiers.  This module is the one place that picks the language: it reads
those files, words an atom from its predicate and arguments in either language
(:func:`atom_text`), and looks up messages (:meth:`Language.msg`).

Identifiers (predicates, entity names, enumeration values, doctrine IDs, JSON
keys) are never translated; a case file may give an entity a display name per
language (its ``names:`` block), used in the renderings only.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import yaml

from .paths import default_kb_dir
from .vocabulary import ENTITY_TYPES as _ENTITY_TYPES, UNION_TYPES as _UNION_TYPES

#: The languages of the renderings, by code.
LANGUAGES = ("en", "zh")
#: The argument types whose values are names of the case's entities: the vocabulary's entity types,
#: their unions, and either of these or ``none``.
ENTITY_TYPES = tuple(t for base in (*_ENTITY_TYPES, *_UNION_TYPES) for t in (base, f"{base}_or_none"))
#: The environment variables that name the locale, in the order POSIX gives them precedence.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

#: A template of kb/prolog: ``aigc_templates:template(name, [types], "text")``.
_PROLOG_TEMPLATE = re.compile(
    r'aigc_templates:template\(\s*([a-z][a-z0-9_]*)\s*,\s*\[([^\]]*)\]\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)', re.S)
#: A placeholder of a template: ``{0}`` or ``{subject}``; ``{0:noun}`` stands for the noun of the
#: entity type of argument 0 (:func:`argument_noun`).
PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)(:noun)?\}")

#: Display names of a case's entities: entity -> language -> name.
Names = Mapping[str, Mapping[str, str]]
#: The entity types of a case's entities: entity -> the type the case declares it (``copy``).
Kinds = Mapping[str, str]


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` when the locale asks for Chinese (the first of LC_ALL, LC_MESSAGES, LANG that is set starts with
    ``zh``), else ``en``."""
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def choose(lang: str | None) -> str:
    """``lang`` when given, else the locale's language (:func:`default_language`).

    Raises
    ------
    ValueError
        For a language other than those of :data:`LANGUAGES`.
    """
    code = default_language() if lang is None else lang
    if code not in LANGUAGES:
        raise ValueError(f"language {code!r}: expected one of {', '.join(LANGUAGES)}")
    return code


@dataclass(frozen=True)
class Template:
    """One template: the argument types of the predicate and the English text (``{I}`` for argument I)."""

    name: str
    types: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Language:
    """The words of one language.

    For English only ``messages`` is read from ``kb/lang/en.yaml``; the other
    tables are empty and the English sources are used.
    """

    code: str
    messages: dict[str, str]
    templates: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    none: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    regimes: dict[str, str] = field(default_factory=dict)
    choice_points: dict[str, str] = field(default_factory=dict)
    doctrines: dict[str, dict[str, str]] = field(default_factory=dict)

    def msg(self, key: str, **fields: Any) -> str:
        """The message ``key`` with its fields filled in (``{name}``)."""
        return self.messages[key].format(**fields)

    def value(self, type_: str, value: str) -> str:
        """An enumeration (or auxiliary) value in words: its type's table, else any table, else English words."""
        table = self.values.get(type_, {})
        if value in table:
            return table[value]
        for other in self.values.values():
            if value in other:
                return other[value]
        return english_words(value)

    def word(self, value: str, *types: str) -> str:
        """A value of one of ``types`` (the first whose table has it) in words; English words in English."""
        if self.code == "en":
            return english_words(value)
        for type_ in types:
            if value in self.values.get(type_, {}):
                return self.values[type_][value]
        return self.value(types[0] if types else "", value)


def english_words(identifier: str) -> str:
    """An identifier as English words: ``safe_harbor`` reads "safe harbour" (the spelling of the text)."""
    text = identifier.replace("_", " ")
    return "safe harbour" if text == "safe harbor" else text


def _read_yaml(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return data if isinstance(data, dict) else {}


def lang_dir(kb_dir: str | Path | None = None) -> Path:
    """``kb/lang`` of ``kb_dir`` when it has one, else the bundled kb's (an edited copy may leave it out)."""
    if kb_dir is not None and (Path(kb_dir) / "lang").is_dir():
        return Path(kb_dir) / "lang"
    return default_kb_dir() / "lang"


@lru_cache(maxsize=8)
def _load(code: str, directory: str) -> Language:
    english = _read_yaml(Path(directory) / "en.yaml")
    if code == "en":
        return Language("en", dict(english.get("messages", {})))
    data = _read_yaml(Path(directory) / f"{code}.yaml")
    return Language(
        code=code,
        messages=dict(data.get("messages", {})),
        templates=dict(data.get("templates", {})),
        outputs=dict(data.get("outputs", {})),
        nouns=dict(data.get("nouns", {})),
        none=dict(data.get("none", {})),
        values={k: dict(v) for k, v in data.get("values", {}).items()},
        regimes=dict(data.get("regimes", {})),
        choice_points=dict(data.get("choice_points", {})),
        doctrines={k: dict(v) for k, v in data.get("doctrines", {}).items()},
    )


def language(lang: str | None = None, kb_dir: str | Path | None = None) -> Language:
    """The words of ``lang`` (default: the locale's, :func:`choose`) from ``kb/lang``."""
    return _load(choose(lang), str(lang_dir(kb_dir)))


@lru_cache(maxsize=8)
def _templates(kb_dir: str) -> dict[str, Template]:
    root = Path(kb_dir)
    table: dict[str, Template] = {}
    inputs = _read_yaml(root / "vocabulary.yaml").get("inputs", {})
    for name, spec in inputs.items():
        table[name] = Template(name, tuple(spec.get("args", ())), str(spec["meaning"]))
    for path in sorted((root / "prolog").glob("*.pl")):
        for match in _PROLOG_TEMPLATE.finditer(path.read_text(encoding="utf-8")):
            types = tuple(t.strip() for t in match.group(2).split(",") if t.strip())
            text = match.group(3).replace('\\"', '"').replace("\\\\", "\\")
            table[match.group(1)] = Template(match.group(1), types, text)
    return table


def english_templates(kb_dir: str | Path | None = None) -> dict[str, Template]:
    """Every English template of the knowledge base by predicate: the inputs' ``meaning`` strings of
    ``vocabulary.yaml`` and the ``template/3`` facts of ``kb/prolog``."""
    return _templates(str(Path(kb_dir) if kb_dir is not None else default_kb_dir()))


def display_name(entity: str, lang: Language, names: Names | None) -> str:
    """The display name of ``entity`` in ``lang`` from a case's ``names:`` block, else the identifier."""
    if names and entity in names and lang.code in names[entity]:
        return str(names[entity][lang.code])
    return entity


#: The English nouns of the argument types that are not their own names (the Prolog explainer's type_noun/2).
_EN_NOUNS = {"item": "work or output", "subject": "party or system", "artefact": "system or model",
             "party_or_none": "party", "output_or_none": "output", "output_or_copy_or_none": "output or copy"}


def argument_text(lang: Language, type_: str, value: str | None, names: Names | None = None,
                  label: str | None = None) -> str:
    """One argument of an atom in words: an entity by its (display) name, a value in words; an unbound
    argument as "some party" or, when it is shared by several goals, "output A"."""
    entity = type_ in ENTITY_TYPES
    if value is None:
        if lang.code == "en":
            noun = _EN_NOUNS.get(type_, type_)
            if label is not None:
                return f"{noun} {label}"
            return f"some {noun}" if entity else "\u2026"
        noun = lang.nouns.get(type_, type_)
        if label is not None:
            return f"{noun}{label}"
        return lang.msg("some", noun=noun) if entity else "\u2026"
    if entity:
        if value == "none" and type_ in ("party_or_none", "output_or_none", "output_or_copy_or_none"):
            return "nobody" if lang.code == "en" and type_ == "party_or_none" else (
                "none" if lang.code == "en" else lang.none.get(type_, value))
        return display_name(value, lang, names)
    if lang.code == "en":
        return english_words(value)
    return lang.value(type_, value)


def fill(template: str, texts: Sequence[str] | Mapping[str, str],
         nouns: Sequence[str] | Mapping[str, str] = ()) -> str:
    """``template`` with each ``{I}`` (or ``{name}``) replaced by its text, each ``{I:noun}`` by its noun."""
    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        table = nouns if match.group(2) else texts
        if isinstance(table, Mapping):
            return table[key]
        return table[int(key)]
    return PLACEHOLDER.sub(one, template)


def _type_noun(lang: Language, type_: str) -> str:
    """The noun of an argument type in ``lang`` ("some output or copy")."""
    if lang.code == "en":
        return _EN_NOUNS.get(type_, type_)
    return lang.nouns.get(type_, type_)


def argument_noun(lang: Language, type_: str, value: str | None, kinds: Kinds | None = None) -> str:
    """The noun of an argument's entity type in ``lang``: for a union named by its members (``output_or_copy``,
    with or without ``_or_none``) the member the case declares the entity to be (``kinds``: a copy reads "copy"),
    else (``none``, unbound, not declared) the first member; for any other type, its noun.  The same choice as
    the Prolog explainer's arg_noun/3."""
    base = type_.removesuffix("_or_none")
    members = _UNION_TYPES.get(base, ()) if "_or_" in base else ()
    if not members:
        return _type_noun(lang, type_)
    kind = (kinds or {}).get(value) if value is not None else None
    return _type_noun(lang, kind if kind in members else members[0])


def atom_text(lang: Language, pred: str, args: Sequence[str | None], *, names: Names | None = None,
              labels: Sequence[str | None] = (), kb_dir: str | Path | None = None,
              kinds: Kinds | None = None) -> str | None:
    """The atom ``pred(args)`` read through its template in ``lang`` (``None``: no template of that arity);
    ``kinds`` gives the entity types of the case's entities (for ``{I:noun}``)."""
    source = english_templates(kb_dir).get(pred)
    if source is None or len(source.types) != len(args):
        return None
    template = source.text if lang.code == "en" else lang.templates.get(pred)
    if template is None:
        return None
    padded = list(labels) + [None] * (len(args) - len(labels))
    texts = [argument_text(lang, t, a, names, padded[i]) for i, (t, a) in enumerate(zip(source.types, args))]
    nouns = [argument_noun(lang, t, a, kinds) for t, a in zip(source.types, args)]
    return fill(template, texts, nouns)


def entity_kinds(facts: Sequence[Any]) -> dict[str, str]:
    """The entity types a case declares its entities (``copy: poster1`` -> ``{"poster1": "copy"}``), from its
    facts (anything with ``pred`` and ``args``)."""
    return {str(f.args[0]): f.pred for f in facts
            if f.pred in _ENTITY_TYPES and len(f.args) == 1 and f.args[0] is not None}


def placeholders(template: str) -> list[str]:
    """The arguments a template speaks of, sorted (``["0", "1"]``; ``{0:noun}`` speaks of argument 0)."""
    return sorted({key for key, _ in PLACEHOLDER.findall(template)})


__all__ = [
    "ENTITY_TYPES", "LANGUAGES", "Kinds", "Language", "Names", "Template", "argument_noun", "argument_text",
    "atom_text", "choose", "default_language", "display_name", "english_templates", "english_words",
    "entity_kinds", "fill", "language", "placeholders",
]


#: A top-level ``names:`` key of a YAML case, or a ``"names":`` key of a JSON one.
_NAMES_KEY = re.compile(r'^names\s*:|"names"\s*:', re.M)
#: libyaml's safe loader where PyYAML has it (the C parser), else the pure-Python one.
_FAST_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def case_names(path: str | Path | None) -> dict[str, dict[str, str]]:
    """The ``names:`` block of a case file (entity -> language -> display name), read as data; ``{}`` without one.

    The loader has validated the block against the case schema; a file that is gone reads as no names.
    """
    if path is None:
        return {}
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    # Most cases have no names block: a large case is then not read a second time.
    if not _NAMES_KEY.search(text):
        return {}
    try:
        data = yaml.load(text, Loader=_FAST_SAFE_LOADER)
    except yaml.YAMLError:
        return {}
    names = (data.get("names") if isinstance(data, dict) else None) or {}
    return {str(k): {str(lang): str(n) for lang, n in v.items()} for k, v in names.items() if isinstance(v, dict)}


__all__ += ["case_names"]
