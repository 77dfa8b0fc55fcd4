"""Load case files (YAML, JSON, ``.pl`` and ``.lp`` facts) into validated cases.

Every problem is reported with its file and line, and all problems of a file
are reported together.  Case files are parsed as data: nothing in them is ever
executed, consulted or grounded.
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import InputError, Problem
from .factfile import Term, parse_fact_file
from .model import Case, Expectation, Fact, Reading, ReadingExpectations
from .schema import CompiledSchema, case_schema, compiled_schema, conforms
from .vocabulary import ENTITY_TYPES, NONE, OPEN, Vocabulary, libyaml_loader
from .wording import a, any_of

if TYPE_CHECKING:
    import jsonschema

#: Case files larger than this are refused by default (``Limits.case_bytes``, CLI ``--case-size-limit MiB``):
#: a platform case of 100,000 users is about 20 MB of YAML.
MAX_CASE_BYTES = 64 * 1024 * 1024
#: How the message of a refused file says to raise the limit.
_RAISE_SIZE = "raise it with --case-size-limit MiB"
#: Case files whose aliases (``*name``) expand them beyond this many YAML nodes are refused.
MAX_EXPANDED_NODES = 1_000_000
STRUCTURED_SUFFIXES = (".yaml", ".yml", ".json")
FACT_SUFFIXES = (".pl", ".lp")
CASE_SUFFIXES = STRUCTURED_SUFFIXES + FACT_SUFFIXES
RESERVED_NAMES = (NONE, OPEN)
#: Documents libyaml reads nested deeper than this are composed again by the pure-Python loader,
#: whose recursion limit decides whether they are too deep.
_LIBYAML_DEPTH = 64


# ------------------------------------------------------------ collection --
_GC_LOCK = threading.Lock()


class _Pauses:
    """How many :func:`paused_gc` bodies are running, and whether the collector was on when the first began."""

    running = 0
    was_on = False


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Run the body with Python's cyclic garbage collector paused (reference counting goes on).

    Reading a large case makes millions of objects (nodes, marks, facts)
    that all live on, and each collection of the oldest generation walks all
    of them again: at 10,000 users the collector took most of the load time
    (about 4 s of 5).  The collector is switched back on when the last pause
    ends, if it was on when the first began.
    """
    with _GC_LOCK:
        if _Pauses.running == 0:
            _Pauses.was_on = gc.isenabled()
            gc.disable()
        _Pauses.running += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _Pauses.running -= 1
            if _Pauses.running == 0 and _Pauses.was_on:
                gc.enable()


# ---------------------------------------------------------------- reading --
def _read_text(path: Path, max_bytes: int = MAX_CASE_BYTES) -> str:
    name = str(path)
    if not path.exists():
        raise InputError.single(name, None, "no such file")
    if path.is_dir():
        raise InputError.single(name, None, "is a directory, not a case file")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        size = path.stat().st_size
        raise InputError.single(name, data[:max_bytes].count(b"\n") + 1,
                                f"file too large ({size} bytes; the limit is {max_bytes}, reached on this line; "
                                f"{_RAISE_SIZE})")
    if _utf16(data):
        raise InputError.single(name, 1, "UTF-16 or UTF-32 text; save the file as UTF-8")
    nul = data.find(b"\0")
    if nul >= 0:
        raise InputError.single(name, data[:nul].count(b"\n") + 1,
                                "binary file (contains NUL bytes), not a case file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError.single(name, line, "not valid UTF-8 text") from None


def _utf16(data: bytes) -> bool:
    """Whether ``data`` looks like UTF-16 or UTF-32 text: a byte-order mark, or ASCII with zero bytes between."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:4]
    return len(head) == 4 and ((head[1] == head[3] == 0 and head[0] != 0 and head[2] != 0)
                               or (head[0] == head[2] == 0 and head[1] != 0 and head[3] != 0))


def _line_of(text: str, position: int) -> int:
    """The 1-based line of character ``position`` of ``text``."""
    return text.count("\n", 0, max(0, min(position, len(text)))) + 1


#: A run of digits too long for Python to read as an integer (its limit is 4,300 digits).
_LONG_DIGITS = re.compile(r"[0-9]{4000,}")


def _deepest_line(text: str) -> int | None:
    """The line where ``[`` and ``{`` nest deepest outside quoted text (for "nesting too deep")."""
    depth = deepest = 0
    line = at = 1
    quote = ""
    escaped = False
    for ch in text:
        if ch == "\n":
            line += 1
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest, at = depth, line
        elif ch in "]}":
            depth -= 1
    return at if deepest else None


def _too_deep(text: str, name: str) -> InputError:
    return InputError.single(name, _deepest_line(text), "nesting too deep")


def _reader_problem(err: yaml.reader.ReaderError, text: str, name: str) -> InputError:
    """A character YAML does not allow, located (the reader reports a character position)."""
    char = err.character if isinstance(err.character, str) else chr(err.character) if isinstance(err.character, int) else "?"
    return InputError.single(name, _line_of(text, err.position),
                             f"invalid YAML: the character U+{ord(char[:1] or '?'):04X} is not allowed in YAML "
                             "(write it as an escape inside double quotes, e.g. \"\\x01\")")


def _compose(text: str, name: str, is_json: bool) -> tuple[Any, yaml.Node | None, bool]:
    """The document of ``text``, its node tree (``None`` when YAML cannot read a JSON text) and whether the
    data are plain: built by ``json`` or by libyaml's one pass, so only mappings, lists and scalars."""
    data: Any = None
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError.single(name, err.lineno, f"invalid JSON: {err.msg}") from None
        except RecursionError:
            raise _too_deep(text, name) from None
        except ValueError as err:  # an integer too long for Python to read
            found = _LONG_DIGITS.search(text)
            raise InputError.single(name, _line_of(text, found.start()) if found else None,
                                    f"invalid JSON: {err}".split(";")[0]) from None
    try:
        fast = _compose_fast(text, name)
    except yaml.reader.ReaderError as err:
        if is_json:  # the text is valid JSON that YAML may not read: no lines, but the data stand
            return data, None, True
        raise _reader_problem(err, text, name) from None
    if fast is not None:
        return (data if is_json else fast[0]), fast[1], is_json or fast[2]
    try:
        loader = _SafeLoader(text)
    except yaml.reader.ReaderError as err:
        if is_json:
            return data, None, True
        raise _reader_problem(err, text, name) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError.single(name, 1, "empty file")
        _check_duplicate_keys(node, name)
        _shape(node, name)
        data_yaml = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        if is_json:
            return data, None, True
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError.single(name, line, f"invalid YAML: {err.problem or err.context}") from None
    except yaml.reader.ReaderError as err:
        if is_json:
            return data, None, True
        raise _reader_problem(err, text, name) from None
    except yaml.YAMLError as err:
        raise InputError.single(name, None, f"invalid YAML: {err}") from None
    except RecursionError:
        raise _too_deep(text, name) from None
    finally:
        loader.dispose()
    return (data if is_json else data_yaml), node, is_json


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """YAML's integer, or a located error for one too long for Python to read (over 4,300 digits)."""
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        raise yaml.constructor.ConstructorError(None, None, "integer too long (write it as text, in quotes)",
                                                node.start_mark) from None


class _SafeLoader(yaml.SafeLoader):
    """The pure-Python safe loader, with :func:`_construct_int`."""


_SafeLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _compose_fast(text: str, name: str) -> tuple[Any, yaml.Node, bool] | None:
    """The document and its node tree by libyaml, or ``None`` to leave it to the pure-Python loader.

    Only a mapping that :func:`libyaml_loader` may read, and that libyaml reads
    without any error, at most :data:`_LIBYAML_DEPTH` deep, is taken; every
    other document (an error, not a mapping, deep, or with a recursive alias)
    is read again by the pure-Python loader, so that every problem is reported
    in its words.  A duplicate key is reported from here, from the same nodes.
    """
    fast = libyaml_loader(text)
    if fast is None:
        return None
    loader = fast(text)
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            return None
        if "&" not in text:  # no anchor, so no alias: the one pass of _plain_data is enough
            try:
                return _plain_data(loader, node, 1), node, True
            except _Unsure:
                pass
        if not _fits(node, name):
            return None
        _check_duplicate_keys(node, name)
        return loader.construct_document(node), node, False
    except (yaml.YAMLError, RecursionError, ValueError):  # ValueError: an integer too long
        return None
    finally:
        loader.dispose()


class _Unsure(Exception):
    """A document :func:`_plain_data` leaves to the checked path (it then reports any problem)."""


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


def _plain_data(loader: Any, node: yaml.Node, level: int) -> Any:
    """The data of a document without aliases, in one pass over its nodes (the happy path of a large file).

    The same data as the safe loader constructs, checked as :func:`_fits` and
    :func:`_check_duplicate_keys` check it: collections at most
    :data:`_LIBYAML_DEPTH` deep, no duplicate key.  Anything else (a
    duplicate or non-text key, a merge key, a tagged collection, a scalar the
    safe loader refuses) raises :class:`_Unsure`, and the document takes the
    checked path, which reports the problem in its words.  Only for a text
    without ``&``: without an anchor there is no alias, so every node is
    reached once and the expanded size is the node count.
    """
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        try:
            return loader.construct_object(node)
        except Exception:
            raise _Unsure from None
    if level > _LIBYAML_DEPTH:
        raise _Unsure
    scalar = yaml.ScalarNode
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        # a text scalar inline (most nodes are): no call for it
        return [child.value if child.__class__ is scalar and child.tag == _STR
                else _plain_data(loader, child, level + 1) for child in node.value]
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        out: dict[str, Any] = {}
        for key, value in node.value:
            if key.__class__ is not scalar or key.tag != _STR or key.value in out:
                raise _Unsure
            out[key.value] = value.value if value.__class__ is scalar and value.tag == _STR \
                else _plain_data(loader, value, level + 1)
        return out
    raise _Unsure


def _fits(node: yaml.Node, name: str) -> bool:
    """Whether the fast path may take the document ``node``: at most :data:`_LIBYAML_DEPTH` deep, no alias problem.

    An alias problem is left to the pure-Python path, which reports it after any duplicate key.
    """
    try:
        return _shape(node, name) <= _LIBYAML_DEPTH
    except InputError:
        return False


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _shape(node: yaml.Node, name: str) -> int:
    """How deep collections nest in the document ``node`` (a scalar is 0 deep).

    Aliases share nodes, so every node is visited once.

    Raises
    ------
    InputError
        For a collection that contains itself through an alias, and for aliases
        that expand the document beyond :data:`MAX_EXPANDED_NODES` nodes.
    """
    shapes: dict[int, tuple[int, int]] = {}  # id -> (depth, nodes once aliases are expanded)
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, closing = stack.pop()
        key = id(current)
        children = _children(current)
        if closing:
            below = [shapes[id(child)] for child in children]
            depth = 0 if isinstance(current, yaml.ScalarNode) else 1 + max((d for d, _ in below), default=0)
            shapes[key] = (depth, 1 + sum(n for _, n in below))
            if shapes[key][1] > MAX_EXPANDED_NODES and shapes[key][1] > len(shapes):
                raise InputError.single(name, current.start_mark.line + 1,
                                        f"aliases expand the document beyond {MAX_EXPANDED_NODES} nodes here")
            open_.discard(key)
        elif key in open_:  # reached again from below itself: through an alias
            raise InputError.single(name, current.start_mark.line + 1, "an alias makes this collection contain itself")
        elif key not in shapes:
            open_.add(key)
            stack.append((current, True))
            stack.extend((child, False) for child in children)
    depth, expanded = shapes[id(node)]
    if expanded > max(MAX_EXPANDED_NODES, len(shapes)):
        raise InputError.single(name, None, f"aliases expand the document beyond {MAX_EXPANDED_NODES} nodes")
    return depth


def _check_duplicate_keys(node: yaml.Node, name: str) -> None:
    stack = [node]
    seen_nodes: set[int] = set()  # aliases share nodes: each is checked once
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise InputError.single(name, key.start_mark.line + 1, f"duplicate key {key.value!r}")
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _step(node: yaml.Node, step: Any, key: bool = False) -> yaml.Node | None:
    """The child of ``node`` at ``step`` (a mapping key or a list index), or ``None``.

    A key whose value is empty stands for its value; with ``key`` the key node itself is the child.
    """
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                empty = isinstance(value, yaml.ScalarNode) and value.value == ""
                return key_node if key or empty else value
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        child: yaml.Node = node.value[step]
        return child
    return None


def _line_at(node: yaml.Node | None, path: list[Any], key: bool = False) -> int | None:
    """The line of the YAML node at ``path`` (keys and indices), or its nearest parent.

    With ``key`` the last step names a mapping key, and its line is the key's own.
    """
    if node is None:
        return None
    line = node.start_mark.line + 1
    for number, step in enumerate(path):
        child = _step(node, step, key and number == len(path) - 1)
        if child is None:
            return line
        node = child
        line = node.start_mark.line + 1
    return line


def arity_message(signature: str, arity: int) -> str:
    """``acting_for(agent: party, principal: party) takes 2 arguments``."""
    return f"{signature} takes {arity} argument{'' if arity == 1 else 's'}"


def _given(value: Any) -> int:
    """How many arguments a fact's value gives: a list its items, a scalar one."""
    return len(value) if isinstance(value, list) else 1


def _wrong_arity(vocab: Vocabulary, error: jsonschema.ValidationError) -> str | None:
    """The arity message for a fact (``facts``, ``unknown``, ``differs_by``) given the wrong number of arguments."""
    path = list(error.absolute_path)
    if len(path) != 3 or path[0] not in ("facts", "unknown", "differs_by") or error.validator not in (
            "type", "minItems", "maxItems", "oneOf"):
        return None
    spec = vocab.inputs.get(str(path[2]))
    if spec is None or not isinstance(error.instance, (list, str)) or _given(error.instance) == spec.arity:
        return None
    return f"{arity_message(spec.signature(), spec.arity)}, {_given(error.instance)} given"


def _where(path: list[Any]) -> str:
    """A path of keys and indices as ``expect[0].holds[1]``."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _schema_message(error: jsonschema.ValidationError, vocab: Vocabulary | None = None) -> str:
    path = list(error.absolute_path)
    where = _where(path)
    arity = _wrong_arity(vocab, error) if vocab is not None else None
    if arity is not None:
        message = arity
    elif "propertyNames" in error.schema_path:
        what = {"facts": "input predicate", "unknown": "input predicate", "differs_by": "input predicate",
                "expect": "output predicate", "positions": "choice point"}.get(str(path[0]) if path else "", "key")
        message = f"unknown {what} {_shown(error.instance)} (see `aigc-kb vocab`)"
    elif isinstance(error.instance, (int, float, bool)) and error.validator in ("type", "oneOf"):
        message = f"{_shown(error.instance)} must be a name (write it as text)"
    elif error.validator == "enum" and isinstance(error.validator_value, list) and len(error.validator_value) > 6:
        message = f"{error.instance!r} is not one of the {len(error.validator_value)} allowed values (see `aigc-kb vocab`)"
    elif error.validator in ("minItems", "maxItems") and isinstance(error.instance, list):
        message = f"wrong number of arguments: {len(error.instance)} given"
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = sorted((k for k in error.instance if k not in allowed), key=str)  # keys may be of mixed types
        what = {"positions": "choice point"}.get(str(path[-1]) if path else "", "key")
        message = f"unknown {what} {', '.join(map(_shown, extra))} (allowed: {', '.join(allowed)})"
    elif error.validator == "oneOf":
        message = f"{_shown(error.instance)} must be a name or a list of names"
    elif error.validator in ("enum", "type", "pattern", "minLength") and not isinstance(error.instance, (dict, list)):
        message = f"{_shown(error.instance)} is not allowed here ({error.validator}: see `aigc-kb vocab --format schema`)"
        if error.validator == "enum" and isinstance(error.validator_value, list):
            message = f"{_shown(error.instance)} is not one of {', '.join(map(str, error.validator_value))}"
    else:
        message = error.message
    return f"{where}: {message}" if where else message


def _schema_problems(vocab: Vocabulary, data: Any, node: yaml.Node | None, name: str,
                     plain: bool = False) -> list[Problem]:
    """The schema's problems with ``data``, located; none for a valid document.

    A valid document is told in one pass by the schema compiled with msgspec
    (for ``plain`` data, read from text); only a document it refuses, or data
    built otherwise, is checked by :func:`conforms` and then by ``jsonschema``,
    which words each problem.
    """
    if plain:
        compiled = _compiled(vocab)
        if compiled is not None and compiled.valid(data):
            return []
    schema = case_schema(vocab)
    if conforms(schema, data):
        return []
    import jsonschema  # only for a document with problems: it words them, and importing it takes time

    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        at_key = False
        if "propertyNames" in error.schema_path:
            path, at_key = path + [error.instance], True  # point at the offending key itself
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
            extra = [k for k in error.instance if k not in allowed]
            if extra:
                path, at_key = path + [extra[0]], True
        problems.append(Problem(name, _line_at(node, path, at_key), _schema_message(error, vocab)))
    return problems


#: The compiled schema of each vocabulary seen, by identity (with the vocabulary, which it keeps alive).
_COMPILED_BY_VOCAB: dict[int, tuple[Vocabulary, CompiledSchema | None]] = {}


def _compiled(vocab: Vocabulary) -> CompiledSchema | None:
    """The schema of ``vocab``'s case files compiled (once per vocabulary), or ``None`` when it cannot be."""
    found = _COMPILED_BY_VOCAB.get(id(vocab))
    if found is None or found[0] is not vocab:
        found = _COMPILED_BY_VOCAB[id(vocab)] = (vocab, compiled_schema(case_schema(vocab)))
    return found[1]


def _shown(value: Any) -> str:
    """``repr(value)``, short, for a message (an integer too long for ``repr`` is described instead)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
        return f"an integer of {value.bit_length()} bits"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# ------------------------------------------------------------- validation --
class CaseValidator:
    """Checks facts and expectations against the vocabulary, collecting located problems."""

    def __init__(self, vocab: Vocabulary, name: str) -> None:
        self.vocab = vocab
        self.name = name
        self.problems: list[Problem] = []
        self.entities: dict[str, set[str]] = {}
        self.declared_at: dict[tuple[str, str], int | None] = {}
        # Memos of what passed (a large case names each entity in several facts): texts found to be
        # Unicode text, and (type, value) pairs found valid once the entities are declared.
        self._texts: set[str] = set()
        self._valid: set[tuple[str, str]] = set()

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.name, line, message))

    def declare(self, facts: list[Fact]) -> None:
        for fact in facts:
            if fact.pred in ENTITY_TYPES and len(fact.args) == 1:  # another arity is reported by check_fact
                (entity,) = fact.args
                if entity in RESERVED_NAMES:
                    self.problem(fact.line, f"{entity!r} is a reserved word and cannot name an entity")
                if "\0" in entity:
                    self.problem(fact.line, f"{entity!r}: names cannot contain the NUL character")
                if (fact.pred, entity) in self.declared_at:
                    first = self.declared_at[(fact.pred, entity)]
                    again = f" (first at line {first})" if first is not None and first != fact.line else ""
                    self.problem(fact.line, f"{fact.pred} {entity!r} is declared twice{again}")
                else:
                    self.declared_at[(fact.pred, entity)] = fact.line
                types = self.entities.setdefault(entity, set())
                if types and fact.pred not in types:
                    self.problem(fact.line, f"{entity!r} is declared both as {sorted(types)[0]} and as {fact.pred}")
                types.add(fact.pred)

    def check_value(self, type_name: str, value: str, line: int | None, what: str) -> None:
        enum = self.vocab.enum_values(type_name)
        if enum is not None:
            if value not in enum:
                self.problem(line, f"{what}: {value!r} is not {a(type_name)} (one of {', '.join(enum)})")
            return
        allowed = self.vocab.entity_types_of(type_name)
        if not allowed:
            self.problem(line, f"{what}: argument type {type_name!r} is not known")
            return
        if type_name.endswith("_or_none") and value == NONE:
            return
        declared = self.entities.get(value)
        if not declared:
            self.problem(line, f"{what}: {value!r} is used but not declared (declare it with `{allowed[0]}: {value}`)")
        elif not declared & set(allowed):
            self.problem(line, f"{what}: {value!r} is {a(sorted(declared)[0])}, not {any_of(allowed)}")

    def check_fact(self, fact: Fact) -> bool:
        texts = self._texts
        for text in (fact.pred, *fact.args):
            if type(text) is not str or text not in texts:
                if not _is_text(text):
                    self.problem(fact.line, f"{_shown(text)}: not text (a lone surrogate, or not a string): "
                                            "names must be Unicode text")
                    return False
                texts.add(text)
        spec = self.vocab.inputs.get(fact.pred)
        if spec is None:
            self.problem(fact.line, f"unknown input predicate {fact.pred!r} (see `aigc-kb vocab`)")
            return False
        if spec.arity != len(fact.args):
            self.problem(fact.line, f"{arity_message(spec.signature(), spec.arity)}, {len(fact.args)} given")
            return False
        before = len(self.problems)
        if fact.pred not in ENTITY_TYPES:
            valid = self._valid
            for pair in zip(spec.args, fact.args):
                if pair not in valid:
                    at = len(self.problems)
                    self.check_value(pair[0], pair[1], fact.line, str(fact))
                    if len(self.problems) == at:  # valid stays valid: declarations only add
                        valid.add(pair)
        return len(self.problems) == before

    def check_facts(self, facts: list[Fact], unknown: list[Fact]) -> None:
        self.declare(facts)
        for fact in facts:
            self.check_fact(fact)
        proven = set(facts)
        for fact in unknown:
            if fact.pred in ENTITY_TYPES:
                self.problem(fact.line, f"{fact}: entity declarations cannot be unknown")
            elif self.check_fact(fact) and fact in proven:
                self.problem(fact.line, f"{fact} is both stated as a fact and listed as unknown")
        if self.vocab.conflicts:
            firsts = {first for first, _ in self.vocab.conflicts}
            stating = [fact for fact in facts if fact.pred in firsts]  # one pass, not one per conflict
            for first, second in self.vocab.conflicts:
                for fact in stating:
                    if fact.pred == first and Fact(second, fact.args) in proven:
                        self.problem(fact.line, f"{fact} contradicts {second}({', '.join(fact.args)}), also stated")

    def check_expectation(self, exp: Expectation) -> None:
        unreadable = [text for _, text in exp.fields if not _is_text(text)]
        if unreadable:
            self.problem(exp.line, f"expectation {exp.pred}: {_shown(unreadable[0])} is not text (a lone surrogate)")
            return
        spec = self.vocab.outputs[exp.pred]
        types = dict(zip(spec.arg_names, spec.arg_types))
        for arg, value in exp.fields:
            self.check_value(types[arg], value, exp.line, f"expectation {exp}")


def _is_text(value: object) -> bool:
    """Whether ``value`` is a string both engines can carry: Unicode text, no lone surrogate (U+D800-DFFF)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------- building --
def _scalar_args(value: Any) -> tuple[str, ...]:
    return tuple(map(str, value)) if isinstance(value, list) else (str(value),)


class _Names(dict[str, str]):
    """One new copy of each distinct name of a case, shared by all its facts.

    The texts a YAML parser returns lie in memory among its millions of
    short-lived nodes; a fact holding one of them keeps that memory from going
    back to the system after the nodes are freed (a platform case of 100,000
    users kept 1.8 GB).  Copied once per distinct name, the texts of the facts
    lie apart, and each name is held once however many facts name it.
    """

    def __missing__(self, text: str) -> str:
        copy = self[text] = "".join((text, ""))  # a new string, not ``text`` itself
        return copy


def _node_at(node: yaml.Node | None, path: list[Any]) -> yaml.Node | None:
    """The YAML node at ``path`` as :func:`_line_at` walks to it, or ``None`` when the walk stops short."""
    for step in path:
        if node is None:
            return None
        node = _step(node, step)
    return node


def _facts(items: list[dict[str, Any]], node: yaml.Node | None, path: list[Any],
           names: _Names | None = None) -> list[Fact]:
    items = items or []
    names = _Names() if names is None else names
    found = _node_at(node, path) if node is not None else None
    if isinstance(found, yaml.SequenceNode) and len(found.value) == len(items):
        # each item's line read from the sequence's own nodes: _line_at of path + [index], without the walk
        lines: list[int | None] = [child.start_mark.line + 1 for child in found.value]
    else:
        lines = [_line_at(node, path + [index]) for index in range(len(items))]
    out = []
    for item, line in zip(items, lines):
        ((pred, value),) = item.items()
        args = _scalar_args(value)
        out.append(Fact(names[pred] if type(pred) is str else pred,
                        tuple([names[a] for a in args]), line))
    return out


def _expectations(mode: str, items: list[dict[str, Any]], node: yaml.Node | None,
                  path: list[Any], check: CaseValidator) -> tuple[Expectation, ...]:
    out = []
    for index, item in enumerate(items or []):
        because = tuple(item.get("because", ()))
        named = [(k, v) for k, v in item.items() if k != "because"]
        if len(named) != 1:
            check.problem(_line_at(node, path + [index]),
                          f"{_where(path + [index])}: an expectation names one output predicate "
                          f"({'none' if not named else ', '.join(str(k) for k, _ in named)} given)")
            continue
        ((pred, fields),) = named
        normalised = tuple((k, NONE if v is None else str(v)) for k, v in (fields or {}).items())
        out.append(Expectation(mode, pred, normalised, because, _line_at(node, path + [index])))
    return tuple(out)


def _structured_case(vocab: Vocabulary, data: Any, node: yaml.Node | None, path: Path, plain: bool = False) -> Case:
    """The case of a document; ``plain`` data (read from text) may be checked by the compiled schema."""
    name = str(path)
    if not isinstance(data, dict):
        raise InputError.single(name, _line_at(node, []), "a case file must be a mapping with `id` and `facts`")
    problems = _schema_problems(vocab, data, node, name, plain)
    if problems:
        raise InputError(problems)
    check = CaseValidator(vocab, name)
    names = _Names()
    facts = _facts(data["facts"], node, ["facts"], names)
    unknown = _facts(data.get("unknown") or [], node, ["unknown"], names)
    check.check_facts(facts, unknown)
    readings = []
    for index, raw in enumerate(data.get("expect") or []):
        reading = Reading(
            name=raw["reading"],
            regime=raw.get("regime"),
            positions=tuple(sorted({**(data.get("positions") or {}), **(raw.get("positions") or {})}.items())),
        )
        holds = _expectations("holds", raw.get("holds"), node, ["expect", index, "holds"], check)
        absent = _expectations("absent", raw.get("absent"), node, ["expect", index, "absent"], check)
        for exp in holds + absent:
            check.check_expectation(exp)
        readings.append(ReadingExpectations(reading, holds, absent, _line_at(node, ["expect", index])))
    differs: tuple[str, object] | None = None
    if "differs_by" in data:
        ((how, value),) = data["differs_by"].items()
        if how == "position":
            ((point, position),) = value.items()
            differs = ("position", (point, position))
        else:
            (fact,) = _facts([value], node, ["differs_by"])
            if fact.pred not in ENTITY_TYPES:
                check.check_fact(fact)
            differs = (how, fact)
    if ("variant_of" in data) != ("differs_by" in data):
        check.problem(_line_at(node, []), "`variant_of` and `differs_by` go together")
    if check.problems:
        raise InputError(check.problems)
    tests = tuple((t[:3], t[3]) for t in data.get("tests") or [])
    return Case(
        id=data["id"], path=name, title=data.get("title", ""), source=data.get("source", ""),
        facts=tuple(facts), unknown=tuple(unknown),
        positions=tuple(sorted((data.get("positions") or {}).items())),
        position_lines=tuple((point, _line_at(node, ["positions", point], key=True))
                             for point in sorted(data.get("positions") or {})),
        tests=tests, expect=tuple(readings), variant_of=data.get("variant_of"), differs_by=differs,
    )


def _term_fact(term: Term, name: str, problems: list[Problem]) -> Fact | None:
    args = []
    for arg in term.args:
        if arg.args:
            problems.append(Problem(name, arg.line, f"argument {arg.name}(...) of {term.name} must be a name, not a compound term"))
            return None
        args.append(arg.name)
    return Fact(term.name, tuple(args), term.line)


def _fact_file_case(vocab: Vocabulary, text: str, path: Path) -> Case:
    name = str(path)
    terms, problems = parse_fact_file(text, name, path.suffix.lstrip("."))
    facts: list[Fact] = []
    unknown: list[Fact] = []
    for term in terms:
        if term.name == "unknown" and not term.quoted and len(term.args) == 1 and term.args[0].args:
            fact = _term_fact(term.args[0], name, problems)
            if fact is not None:
                unknown.append(fact)
        else:
            fact = _term_fact(term, name, problems)
            if fact is not None:
                facts.append(fact)
    check = CaseValidator(vocab, name)
    check.problems.extend(problems)
    check.check_facts(facts, unknown)
    if check.problems:
        raise InputError(check.problems)
    return Case(id=path.stem, path=name, title=path.stem, source=name, facts=tuple(facts), unknown=tuple(unknown))


def load_case(path: str | Path, vocab: Vocabulary, max_bytes: int = MAX_CASE_BYTES) -> Case:
    """Load and validate one case file.

    Parameters
    ----------
    path : str or Path
        A ``.yaml``/``.yml``/``.json`` case file or a ``.pl``/``.lp`` fact file.
    vocab : Vocabulary
        The vocabulary to validate against.
    max_bytes : int
        A larger file is refused (default :data:`MAX_CASE_BYTES`).

    Raises
    ------
    InputError
        With every problem found, each naming file and line.
    """
    path = Path(path)
    text = _read_text(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix in FACT_SUFFIXES:
        return _fact_file_case(vocab, text, path)
    if suffix not in STRUCTURED_SUFFIXES:
        raise InputError.single(str(path), None, f"unknown case file type {suffix or '(none)'!r}; expected one of {', '.join(CASE_SUFFIXES)}")
    with paused_gc():
        return _case_of_text(vocab, text, path, str(path), lines_or_first=True)


def _case_of_text(vocab: Vocabulary, text: str, path: Path, name: str, lines_or_first: bool = False) -> Case:
    """The case of a YAML or JSON text (its node tree and data are freed before the collector runs again).

    With ``lines_or_first``, the problems of valid JSON that YAML cannot read
    (no node tree to find lines in) are put at line 1, the document.
    """
    data, node, plain = _compose(text, name, path.suffix.lower() == ".json")
    try:
        return _structured_case(vocab, data, node, path, plain)
    except InputError as err:
        if node is not None or not lines_or_first:
            raise
        # Valid JSON that YAML cannot read (a key of over 1,024 characters, a character YAML refuses)
        # has no node tree to find lines in: its problems are put at line 1, the document.
        raise InputError([p if p.line is not None else Problem(p.file, 1, p.message)
                          for p in err.problems]) from None


def validate_case(case: Case, vocab: Vocabulary) -> None:
    """Check a case built in code (not read from a file) as the loader checks each fact of a file.

    Raises
    ------
    InputError
        With every problem, each naming the case's ``path`` (its file, or what
        the caller put there) and the fact's line when it has one.
    """
    check = CaseValidator(vocab, case.path or case.id or "<case>")
    # Each fact on its own (predicate, arity, argument types, declared entities, text); not the rules
    # between facts of a case file (a fact also listed as unknown, contradicting facts), which the
    # scenario commands break on purpose when they build the worlds of a case.
    check.declare(list(case.facts))
    for fact in (*case.facts, *case.unknown):
        check.check_fact(fact)
    for text in (case.id, *(v for pair in case.positions for v in pair)):
        if not _is_text(text):
            check.problem(None, f"{_shown(text)}: not text (a lone surrogate, or not a string)")
    if check.problems:
        raise InputError(check.problems)


def load_case_json_line(text: str, file: str, line: int, vocab: Vocabulary) -> Case:
    """Load one case written as a JSON object on line ``line`` of a JSON Lines file.

    Every problem is located at that line.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError.single(file, line, f"invalid JSON: {err.msg} (column {err.colno})") from None
    except RecursionError:
        raise InputError.single(file, line, "nesting too deep") from None
    except ValueError as err:  # an integer too long for Python to read
        raise InputError.single(file, line, f"invalid JSON: {err}".split(";")[0]) from None
    try:
        return _structured_case(vocab, data, None, Path(file), plain=True)
    except InputError as err:
        raise InputError([Problem(p.file, line, p.message) for p in err.problems]) from None


def load_case_text(text: str | dict[str, Any], name: str, vocab: Vocabulary,
                   max_bytes: int = MAX_CASE_BYTES) -> Case:
    """Load and validate a case given as text, or as the mapping a case file holds.

    ``name`` stands for the file: its suffix chooses the format of a text as
    for :func:`load_case`, and every problem is located in it (a mapping's
    problems have no line).  Used where a case arrives without a file (an
    HTTP request).

    Raises
    ------
    InputError
        With every problem found, each naming ``name`` and a line.
    """
    path = Path(name)
    if isinstance(text, dict):
        return _structured_case(vocab, text, None, path)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError.single(name, None, f"case too large ({size} bytes; the limit is {max_bytes}; {_RAISE_SIZE})")
    if "\0" in text:
        raise InputError.single(name, text[: text.index("\0")].count("\n") + 1,
                                "binary data (contains NUL characters), not a case")
    suffix = path.suffix.lower()
    if suffix in FACT_SUFFIXES:
        return _fact_file_case(vocab, text, path)
    if suffix not in STRUCTURED_SUFFIXES:
        raise InputError.single(name, None, f"unknown case file type {suffix or '(none)'!r}; expected one of {', '.join(CASE_SUFFIXES)}")
    with paused_gc():
        return _case_of_text(vocab, text, path, name)
