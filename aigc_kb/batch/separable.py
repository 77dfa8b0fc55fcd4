"""Can many cases be grounded in one ASP program without meeting?

Batch evaluation on the ASP encoding renames each case's entities apart and
grounds many cases in one program.  That gives each case exactly its own
answer when the program is *separable*: every rule that reads case facts
joins all of them through shared entity variables, so that a rule instance
never mixes two cases and no case fact is read "anywhere in the program".

:func:`analyse` checks a sufficient condition on the parsed encoding, once per
process:

* statements are rules, ``#show p/n``, ``#defined`` and ``#program base``;
* the *case-dependent* predicates are the input predicates of the vocabulary
  (and ``unknown/1``) and every predicate a rule derives from one of them;
  argument *slots* (paths into atoms, nested terms included) may hold
  entities (inferred from the vocabulary's argument types, least fixpoint)
  and some always hold one (greatest fixpoint);
* in a rule that reads or derives case-dependent atoms: no aggregate or
  condition over them, no arithmetic, pools of variables, intervals or
  external functions, comparisons only ``=`` and ``!=``; the positive
  case-dependent literals are joined into one through variables they bind
  to entities (or to terms holding one), and every negated case-dependent
  literal and every head atom holds such a variable.

Then, by induction over the rules, every derived atom holds entities of one
case only and each case's atoms are those it has alone.  The analysis also
collects every constant and string of the program: an entity named like one
of them is evaluated alone, since renaming it could change what it matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import clingo
import clingo.ast as ast

from ..core.vocabulary import Vocabulary

#: One step of a path into an atom: functor name, arity, argument index.
Step = tuple[str, int, int]
Path = tuple[Step, ...]
#: A leaf of an atom: its path, and a variable name (``kind`` "var") or a constant's text.
Leaf = tuple[Path, str, str]
#: The shape of a term: ``None`` for a variable or constant, else (functor, arity, argument shapes).
Kind = tuple[str, int, tuple["Kind", ...]] | None

_EQUALITY = (ast.ComparisonOperator.Equal, ast.ComparisonOperator.NotEqual)
_IGNORED = (ast.ASTType.ShowSignature, ast.ASTType.Defined, ast.ASTType.Comment)


class _Unsupported(Exception):
    """A construct outside what the analysis can vouch for."""


@dataclass(frozen=True)
class Separability:
    """The verdict on one encoding.

    Attributes
    ----------
    ok : bool
        Whether cases renamed apart can share one grounding.
    reason : str
        Why not (empty when ``ok``).
    constants : frozenset[str]
        The text (as ``str(Symbol)``) of every constant and string in the program.
    """

    ok: bool
    reason: str = ""
    constants: frozenset[str] = field(default_factory=frozenset)


@dataclass
class _Atom:
    name: str
    arity: int
    leaves: list[Leaf]
    kind: Kind = None

    def variables(self) -> set[str]:
        return {v for _, kind, v in self.leaves if kind == "var" and v != "_"}


@dataclass
class _Rule:
    where: str
    heads: list[_Atom] = field(default_factory=list)
    positive: list[_Atom] = field(default_factory=list)
    negative: list[_Atom] = field(default_factory=list)
    nested: set[tuple[str, int]] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    excluded: dict[str, set[str]] = field(default_factory=dict)


def analyse(statements: Sequence[ast.AST], vocab: Vocabulary) -> Separability:
    """Whether the program of ``statements`` is separable (see the module docstring)."""
    constants: set[str] = set()
    for statement in statements:
        _collect_constants(statement, constants)
    frozen = frozenset(constants)
    rules: list[_Rule] = []
    for statement in statements:
        kind = statement.ast_type
        if kind == ast.ASTType.Program:
            if statement.name != "base" or len(statement.parameters) > 0:
                return Separability(False, f"{_where(statement)}: #program {statement.name}", frozen)
        elif kind == ast.ASTType.Rule:
            rules.append(_rule(statement))
        elif kind not in _IGNORED:
            return Separability(False, f"{_where(statement)}: unsupported statement {kind.name}", frozen)
    reason = _check(rules, vocab)
    return Separability(not reason, reason, frozen)


# ------------------------------------------------------------------ parsing --
def _where(node: ast.AST) -> str:
    begin = node.location.begin
    return f"{begin.filename}:{begin.line}"


#: Names that are not followed by an argument list, strings and numbers in program text.
_CONSTANT_TEXT = re.compile(r'"(?:[^"\\]|\\.)*"|[_a-z][A-Za-z0-9_\']*(?![A-Za-z0-9_\'(])|-?[0-9]+')


def _collect_constants(node: ast.AST, out: set[str]) -> None:
    """Every constant, string and number in the text of ``node`` (and some keywords: harmless)."""
    out.update(_CONSTANT_TEXT.findall(str(node)))


def _leaves(term: ast.AST, path: Path, out: list[Leaf]) -> Kind:
    """Add the leaves of ``term`` at ``path`` to ``out``; return its kind."""
    kind = term.ast_type
    if kind == ast.ASTType.Variable:
        out.append((path, "var", str(term.name)))
        return None
    if kind == ast.ASTType.SymbolicTerm:
        symbol = term.symbol
        if symbol.type == clingo.SymbolType.Function and symbol.arguments:
            raise _Unsupported(f"compound constant {symbol}")
        out.append((path, "const", str(symbol)))
        return None
    if kind == ast.ASTType.Pool and all(_is_constant(a) for a in term.arguments):
        out.append((path, "const", str(term)))
        return None
    if kind == ast.ASTType.Function and not term.external:
        name, arity = str(term.name), len(term.arguments)
        if arity == 0:
            out.append((path, "const", name))
            return None
        args = tuple(_leaves(arg, path + ((name, arity, index),), out) for index, arg in enumerate(term.arguments))
        return (name, arity, args)
    raise _Unsupported(f"term {term}")


def _is_constant(term: ast.AST) -> bool:
    if term.ast_type == ast.ASTType.SymbolicTerm:
        return term.symbol.type != clingo.SymbolType.Function or not term.symbol.arguments
    return term.ast_type == ast.ASTType.Function and not term.external and len(term.arguments) == 0


def _atom(node: ast.AST) -> _Atom:
    """The atom of a ``SymbolicAtom``."""
    symbol = node.symbol
    if symbol.ast_type != ast.ASTType.Function or symbol.external:
        raise _Unsupported(f"atom {node}")
    name, arity = str(symbol.name), len(symbol.arguments)
    leaves: list[Leaf] = []
    args = tuple(_leaves(arg, ((name, arity, index),), leaves) for index, arg in enumerate(symbol.arguments))
    return _Atom(name, arity, leaves, (name, arity, args))


def _signatures(node: ast.AST, out: set[tuple[str, int]]) -> None:
    """Every predicate an AST reads (atoms anywhere inside it)."""
    stack: list[ast.AST] = [node]
    while stack:
        current = stack.pop()
        if current.ast_type == ast.ASTType.SymbolicAtom:
            symbol = current.symbol
            functions = symbol.arguments if symbol.ast_type == ast.ASTType.Pool else [symbol]
            for function in functions:
                if function.ast_type == ast.ASTType.Function:
                    out.add((str(function.name), len(function.arguments)))
                elif function.ast_type == ast.ASTType.UnaryOperation:
                    out.add(("-", 0))
        for _, value in current.items():
            if isinstance(value, ast.AST):
                stack.append(value)
            elif isinstance(value, ast.ASTSequence):
                stack.extend(value)


def _rule(statement: ast.AST) -> _Rule:
    rule = _Rule(_where(statement))
    head = statement.head
    try:
        if head.ast_type == ast.ASTType.Literal:
            if head.atom.ast_type == ast.ASTType.SymbolicAtom:
                if head.atom.symbol.ast_type == ast.ASTType.Pool:
                    for function in head.atom.symbol.arguments:
                        _signatures(function, rule.nested)
                    rule.heads.append(_Atom("<pool>", 0, [], ("<pool>", 0, ())))
                    rule.problems.append("pool in a head")
                else:
                    rule.heads.append(_atom(head.atom))
            elif head.atom.ast_type != ast.ASTType.BooleanConstant:
                rule.problems.append(f"head {head}")
        elif head.ast_type == ast.ASTType.Aggregate:
            for element in head.elements:
                rule.heads.append(_atom(element.literal.atom))
                for condition in element.condition:
                    _signatures(condition, rule.nested)
        else:
            rule.problems.append(f"head {head}")
    except _Unsupported as err:
        rule.problems.append(str(err))
    for literal in statement.body:
        try:
            _body_literal(literal, rule)
        except _Unsupported as err:
            rule.problems.append(str(err))
    return rule


def _body_literal(literal: ast.AST, rule: _Rule) -> None:
    if literal.ast_type != ast.ASTType.Literal:
        _signatures(literal, rule.nested)
        rule.problems.append(f"aggregate or condition {literal}")
        return
    atom = literal.atom
    if atom.ast_type == ast.ASTType.SymbolicAtom:
        try:
            parsed = _atom(atom)
        except _Unsupported:
            _signatures(atom, rule.nested)
            raise
        (rule.positive if literal.sign == ast.Sign.NoSign else rule.negative).append(parsed)
    elif atom.ast_type == ast.ASTType.Comparison:
        guards = list(atom.guards)
        if len(guards) != 1 or guards[0].comparison not in _EQUALITY:
            rule.problems.append(f"comparison {atom}")
            return
        sides: list[Leaf] = []
        for term in (atom.term, guards[0].term):
            _leaves(term, (), sides)
        if guards[0].comparison == ast.ComparisonOperator.NotEqual and len(sides) == 2 \
                and literal.sign == ast.Sign.NoSign:
            kinds = {kind for _, kind, _ in sides}
            if kinds == {"var", "const"}:
                var = next(v for _, k, v in sides if k == "var")
                const = next(v for _, k, v in sides if k == "const")
                rule.excluded.setdefault(var, set()).add(const)
    elif atom.ast_type != ast.ASTType.BooleanConstant:
        _signatures(atom, rule.nested)
        rule.problems.append(f"body atom {atom}")


# ----------------------------------------------------------------- checking --
def _compatible(a: Kind, b: Kind) -> bool:
    """Whether atoms of kinds ``a`` and ``b`` can unify (``None``: any term)."""
    if a is None or b is None:
        return True
    if a[0] != b[0] or a[1] != b[1]:
        return False
    return all(_compatible(x, y) for x, y in zip(a[2], b[2]))


class _Kinds:
    """The kinds of atoms that depend on a case's facts."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.by_signature: dict[tuple[str, int], set[Kind]] = {}
        for name, spec in vocab.inputs.items():
            self.add((name, spec.arity, (None,) * spec.arity))
        self.add(("unknown", 1, (None,)))
        self.inputs = {(name, spec.arity) for name, spec in vocab.inputs.items()} | {("unknown", 1)}
        self.final = False
        self._reads: dict[int, bool] = {}

    def add(self, kind: Kind) -> bool:
        if kind is None:
            raise _Unsupported("an atom without a name")
        known = self.by_signature.setdefault((kind[0], kind[1]), set())
        if kind in known:
            return False
        known.add(kind)
        return True

    def matching(self, atom: _Atom) -> list[Kind]:
        return [k for k in self.by_signature.get((atom.name, atom.arity), ()) if _compatible(atom.kind, k)]

    def reads(self, atom: _Atom) -> bool:
        if not self.final:
            return bool(self.matching(atom))
        cached = self._reads.get(id(atom))
        if cached is None:
            cached = self._reads[id(atom)] = bool(self.matching(atom))
        return cached

    def reads_name(self, signatures: set[tuple[str, int]]) -> bool:
        return any(sig in self.by_signature for sig in signatures)


def _check(rules: list[_Rule], vocab: Vocabulary) -> str:
    kinds = _Kinds(vocab)
    changed = True
    while changed:
        changed = False
        for rule in rules:
            if kinds.reads_name(rule.nested) or any(kinds.reads(a) for a in rule.positive + rule.negative):
                for head in rule.heads:
                    changed |= kinds.add(head.kind)
    kinds.final = True
    case_rules = [r for r in rules
                  if kinds.reads_name(r.nested) or any(kinds.reads(a) for a in r.positive + r.negative + r.heads)]
    for rule in case_rules:
        if rule.problems:
            return f"{rule.where}: {rule.problems[0]}"
        if kinds.reads_name(rule.nested):
            return f"{rule.where}: an aggregate or condition reads case facts"
        if rule.heads and not any(kinds.reads(a) for a in rule.positive):
            return f"{rule.where}: derives case-dependent atoms from no case fact"
    values = _values(case_rules, kinds, vocab)
    must = {path for path, found in values.items() if found == _ENTITY_ONLY}
    for rule in case_rules:
        reason = _connected(rule, kinds, values, must)
        if reason:
            return f"{rule.where}: {reason}"
    return ""


#: Abstract values a slot may hold: an entity, a compound term, something a
#: static atom gave (any constant or term), or a constant's text.
_ENT, _COMPOUND, _STATIC = "<entity>", "<compound>", "<static>"
_ENTITY_ONLY = frozenset({_ENT})


def _input_values(vocab: Vocabulary) -> dict[Path, set[str]]:
    values: dict[Path, set[str]] = {}
    for name, spec in vocab.inputs.items():
        for index, type_name in enumerate(spec.args):
            found = {_ENT} if vocab.entity_types_of(type_name) else set(vocab.enum_values(type_name) or (_STATIC,))
            if type_name.endswith("_or_none"):
                found.add("none")
            for path in (((name, spec.arity, index),), (("unknown", 1, 0), (name, spec.arity, index))):
                values[path] = set(found)
    return values


def _bindings(rule: _Rule, var: str, kinds: _Kinds) -> list[tuple[_Atom, Path]]:
    """Where positive case literals of ``rule`` bind ``var``."""
    return [(atom, path) for atom in rule.positive if kinds.reads(atom)
            for path, kind, name in atom.leaves if kind == "var" and name == var]


def _values(rules: list[_Rule], kinds: _Kinds, vocab: Vocabulary) -> dict[Path, frozenset[str]]:
    """What each slot of a case-dependent atom may hold (least fixpoint)."""
    values = _input_values(vocab)
    inputs = set(values)
    under: dict[Path, set[Path]] = {}
    for slot in values:
        for cut in range(1, len(slot)):
            under.setdefault(slot[:cut], set()).add(slot)
    changed = True
    while changed:
        changed = False
        for rule in rules:
            for head in rule.heads:
                for path, kind, name in head.leaves:
                    if path in inputs:
                        continue
                    for target, found in _head_values(rule, kinds, values, under, path, kind, name).items():
                        known = values.get(target)
                        if known is None:
                            known = values[target] = set()
                            for cut in range(1, len(target)):
                                under.setdefault(target[:cut], set()).add(target)
                        if not found <= known:
                            known |= found
                            changed = True
    return {path: frozenset(found) for path, found in values.items()}


def _head_values(rule: _Rule, kinds: _Kinds, values: dict[Path, set[str]], under: dict[Path, set[Path]],
                 path: Path, kind: str, name: str) -> dict[Path, set[str]]:
    """The values a head leaf gives its slot and the slots below it."""
    if kind == "const":
        return {path: {name}}
    bindings = _bindings(rule, name, kinds)
    if not bindings:
        return {path: {_STATIC}}
    excluded = rule.excluded.get(name, set())
    exact: set[str] | None = None
    below: dict[Path, set[str]] = {}
    for _, bound in bindings:
        found = set(values.get(bound, set())) - excluded
        for slot in under.get(bound, ()):
            found.add(_COMPOUND)
            below.setdefault(path + slot[len(bound):], set()).update(values[slot])
        exact = found if exact is None else exact & found
    below[path] = exact or set()
    return below


def _subkind(kind: Kind, path: Path) -> Kind:
    """The kind of the subterm at ``path`` of an atom of ``kind`` (``None``: any term)."""
    for name, arity, index in path:
        if kind is None or kind[0] != name or kind[1] != arity:
            return None
        kind = kind[2][index]
    return kind


def _holds_entity(kind: Kind, path: Path, must: set[Path]) -> bool:
    """Whether the subterm at ``path`` of every atom of ``kind`` holds an entity."""
    if path in must:
        return True
    sub = _subkind(kind, path)
    if sub is None:
        return False
    return any(slot[:len(path)] == path and _subkind(kind, slot[:-1]) is not None
               and _spelled(kind, slot) for slot in must)


def _spelled(kind: Kind, slot: Path) -> bool:
    """Whether every functor on the way to ``slot`` is fixed by ``kind``."""
    current = kind
    for name, arity, index in slot:
        if current is None or current[0] != name or current[1] != arity:
            return False
        current = current[2][index]
    return True


def _tied(rule: _Rule, kinds: _Kinds, values: dict[Path, frozenset[str]], must: set[Path]) -> set[str]:
    """The variables a positive case literal binds to an entity or to a term holding one."""
    out: set[str] = set()
    variables = {name for atom in rule.positive for _, kind, name in atom.leaves if kind == "var" and name != "_"}
    for var in variables:
        bindings = _bindings(rule, var, kinds)
        if not bindings:
            continue
        excluded = rule.excluded.get(var, set())
        exact: set[str] | None = None
        for _, bound in bindings:
            found = set(values.get(bound, frozenset())) - excluded
            exact = found if exact is None else exact & found
        if exact == {_ENT} or any(all(_holds_entity(k, bound, must) for k in kinds.matching(atom))
                                  for atom, bound in bindings):
            out.add(var)
    return out


def _connected(rule: _Rule, kinds: _Kinds, values: dict[Path, frozenset[str]], must: set[Path]) -> str:
    """Why the rule may mix cases, or ``""``.

    The positive case literals must be joined into one through variables
    bound to entities (only they join: a negated literal or the head binds
    nothing), and every negated case literal and head atom must hold one of
    those variables.
    """
    tied = _tied(rule, kinds, values, must)
    positive = [a for a in rule.positive if kinds.reads(a)]
    others = [a for a in rule.negative + rule.heads if kinds.reads(a)]
    for atom in positive + others:
        if not atom.variables() & tied:
            return f"{atom.name}/{atom.arity} is not tied to an entity of the case"
    if not positive:
        return ""
    links = [a.variables() & tied for a in positive]
    reached = set(links[0])
    done = {0}
    grew = True
    while grew:
        grew = False
        for index, vars_ in enumerate(links):
            if index not in done and vars_ & reached:
                reached |= vars_
                done.add(index)
                grew = True
    if len(done) != len(positive):
        stray = positive[min(set(range(len(positive))) - done)]
        return f"{stray.name}/{stray.arity} is not joined to the rest of the rule through an entity"
    return ""
