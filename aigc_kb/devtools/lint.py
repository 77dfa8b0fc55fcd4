"""Static checks of a knowledge base for its editors (``aigc-kb lint``).

Every check runs on a real parser, never on regular expressions over source:

* Prolog: ``swipl`` runs ``aigc_kb/prolog/lint.pl`` as a subprocess (any
  ``--kb`` works, whatever this process has loaded): ``read_term/3`` with
  positions over every ``kb/prolog/*.pl``, the kb loaded with a message hook,
  and ``library(prolog_xref)``.
* ASP: :func:`clingo.ast.parse_files` for the encoding, and a
  ``clingo.Control`` grounding it on a representative instance with a logger
  that captures every message with its file and line.
* Catalogue: every doctrine of ``kb/doctrines.yaml`` has a rule in each
  engine, and cases (``tests:``) testing it positively and negatively.

Each problem is a :class:`Finding`; a kb that does not even parse is reported
as findings too.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import clingo
import clingo.ast as ast
import yaml

from ..core.errors import EngineError, InputError
from ..core.model import Case
from ..engines.quoting import asp_name, prolog_atom
from ..core.vocabulary import Vocabulary
from ..engines import asp_rules
from ..core.paths import KbPaths, default_kb_dir, engine_prolog

#: The Prolog helper run by ``swipl`` (lint and rule firing).
LINT_PL = engine_prolog("lint.pl")
#: The generated ASP file holding the choice rules over open facts (not definitions), the only one with choices.
OPEN_FILE = "declarations.lp"
#: The only ASP file with ``#show`` statements.
SHOW_FILE = "show.lp"
#: ASP predicates set by the caller, beside the vocabulary's inputs.
ASP_PARAMETERS = frozenset({("set_regime", 1), ("set_position", 2), ("unknown", 1)})
#: ASP predicates that are citations and explanations, read by the tools.
ASP_METADATA = frozenset({("rule", 3), ("ext", 1), ("because", 2)})
#: The heads that carry a rule label: ``concluded(Label, Atom)``, ``derived(Label, Atom)``.
LABEL_WRAPPERS = frozenset({"concluded", "derived"})
#: Seconds the Prolog helper may take.
PROLOG_TIMEOUT = 600.0


@dataclass(frozen=True)
class Finding:
    """One problem found by the lint.

    Attributes
    ----------
    engine : str
        ``prolog``, ``asp`` or ``cases`` (the catalogue checks of an engine
        carry that engine).
    kind : str
        A stable snake_case name, e.g. ``prolog_singleton``.
    file : str
        The file the problem is in (absolute path, or ``<instance>``).
    line : int or None
        1-based line, when known.
    message : str
        What is wrong, in words.
    """

    engine: str
    kind: str
    file: str
    line: int | None
    message: str

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.kind, self.message)

    def as_dict(self) -> dict[str, Any]:
        return {"engine": self.engine, "kind": self.kind, "file": self.file,
                "line": self.line, "message": self.message}


#: A citation: (doctrine id in upper case, section), e.g. ``("D07", "4.3")``.
Cite = tuple[str, str]


@dataclass(frozen=True)
class PrologRule:
    """A registered rule of the Prolog encoding (``rule/3,4``)."""

    id: str
    doctrines: tuple[str, ...]
    section: str
    file: str
    line: int | None
    citations: tuple[Cite, ...] = ()
    head: str = ""
    ext: bool = False


@dataclass(frozen=True)
class AspLabel:
    """A labelled rule of the ASP encoding and its ``rule/3`` citations."""

    label: str
    doctrines: tuple[str, ...]
    file: str
    line: int | None
    citations: tuple[Cite, ...] = ()
    output: bool = False
    ext: bool = False


@dataclass
class LintReport:
    """Everything the lint found, and the rules of each engine it saw."""

    findings: list[Finding] = field(default_factory=list)
    prolog_rules: list[PrologRule] = field(default_factory=list)
    asp_labels: list[AspLabel] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


# ---------------------------------------------------------------------------
# Prolog: the helper in a subprocess
# ---------------------------------------------------------------------------

def _swipl() -> str:
    found = shutil.which("swipl")
    if found is None:
        raise EngineError("swipl is not installed (the Prolog lint runs it as a subprocess)")
    return found


def prolog_settings(paths: KbPaths, vocab: Vocabulary) -> list[str]:
    """The settings of the Prolog helper for a kb: one term per line, every name quoted."""
    lines = [f"entry({prolog_atom(str(paths.prolog_entry))}).",
             f"prolog_dir({prolog_atom(str(paths.root / 'prolog'))})."]
    lines += [f"query_file({prolog_atom(str(q))})." for q in sorted(paths.queries.glob("*.pl"))]
    lines += [f"input({prolog_atom(p.name)}, {p.arity})." for p in vocab.inputs.values()]
    lines += [f"output({prolog_atom(p.name)}, {p.arity})." for p in vocab.outputs.values()]
    lines += [f"doctrine({prolog_atom(d.lower())})." for d in vocab.doctrines]
    lines += [f"doctrine_section({prolog_atom(d.lower())}, {prolog_atom(s)})."
              for d, spec in vocab.doctrines.items() for s in spec.sections]
    return lines


def run_prolog_helper(mode: str, settings: Iterable[str], timeout: float = PROLOG_TIMEOUT) -> list[dict[str, Any]]:
    """Run ``lint.pl`` in ``mode`` (``lint`` or ``fired``) on ``settings``; its JSON records.

    The settings are written to a temporary file that the helper reads with
    ``read_term/2`` (data, never consulted).

    Raises
    ------
    EngineError
        When ``swipl`` is missing, times out, or fails without output.
    """
    with tempfile.TemporaryDirectory(prefix="aigc-lint-") as tmp:
        settings_file = Path(tmp) / "settings.pl"
        settings_file.write_text("".join(f"{line}\n" for line in settings), encoding="utf-8")
        try:
            proc = subprocess.run([_swipl(), str(LINT_PL), mode, str(settings_file)],
                                  capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise EngineError(f"the Prolog {mode} helper took more than {timeout:g} s") from None
    records = []
    for raw in proc.stdout.decode("utf-8", errors="replace").splitlines():
        raw = raw.strip()
        if raw.startswith("{"):
            records.append(json.loads(raw))
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", errors="replace").strip()
        records.append({"record": "failure", "status": proc.returncode, "message": stderr})
    return records


def lint_prolog(paths: KbPaths, vocab: Vocabulary) -> tuple[list[Finding], list[PrologRule]]:
    """The findings of the Prolog encoding and its registered rules, from the helper."""
    findings: list[Finding] = []
    rules: list[PrologRule] = []
    for record in run_prolog_helper("lint", prolog_settings(paths, vocab)):
        kind = record.get("record")
        if kind == "finding":
            findings.append(Finding("prolog", record["kind"], record["file"] or str(paths.prolog_entry),
                                    record["line"] or None, record["message"]))
        elif kind == "rule":
            rules.append(PrologRule(record["id"], tuple(d.upper() for d in record["doctrines"]),
                                    record["section"], record["file"], record["line"],
                                    tuple((str(d).upper(), str(s)) for d, s in record.get("citations", [])),
                                    str(record.get("head", "")), "ext" in record.get("flags", [])))
        elif kind == "failure":
            findings.append(Finding("prolog", "prolog_lint_failed", str(paths.prolog_entry), None,
                                    f"the Prolog lint stopped (exit {record['status']}): "
                                    f"{record['message'] or 'no message'}"))
    return findings, rules


# ---------------------------------------------------------------------------
# ASP: the encoding's abstract syntax
# ---------------------------------------------------------------------------

#: A predicate as the lint sees it: (wrapper, name, arity); wrapper is "" for a
#: plain atom, ``derived`` or ``concluded`` for the atom inside a labelled head.
Key = tuple[str, str, int]


@dataclass(frozen=True)
class _Use:
    key: Key | None           # None: a labelled wrapper around a variable (reads every key)
    wrapper: str
    file: str
    line: int


@dataclass
class AspProgram:
    """What the lint needs of the encoding's statements."""

    heads: list[_Use] = field(default_factory=list)
    choice_heads_in_open: list[_Use] = field(default_factory=list)
    bodies: list[_Use] = field(default_factory=list)
    shows: list[_Use] = field(default_factory=list)
    show_places: list[tuple[str, int]] = field(default_factory=list)
    choices: list[tuple[str, int]] = field(default_factory=list)
    labels: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    concluded: set[str] = field(default_factory=set)
    uncited: list[tuple[str, int, str]] = field(default_factory=list)
    citations: list[tuple[str, clingo.Symbol, clingo.Symbol, str, int]] = field(default_factory=list)
    ext_facts: list[tuple[str, str, int]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _location(node: ast.AST) -> tuple[str, int]:
    begin = node.location.begin
    file = str(begin.filename)
    if file and not file.startswith("<"):
        file = str(Path(file).resolve())
    return file, int(begin.line)


def _functions(atom: ast.AST) -> list[ast.AST]:
    """The Function terms of a symbolic atom: one, or one per alternative of a pool."""
    return _term_functions(atom.symbol)


def _term_functions(term: ast.AST) -> list[ast.AST]:
    if term.ast_type == ast.ASTType.UnaryOperation:   # classical negation -p(X)
        return _term_functions(term.argument)
    if term.ast_type == ast.ASTType.Pool:
        return [f for alt in term.arguments for f in _term_functions(alt)]
    if term.ast_type == ast.ASTType.Function:
        return [term]
    if term.ast_type == ast.ASTType.SymbolicTerm and term.symbol.type == clingo.SymbolType.Function:
        return [term]
    return []


def _name_arity(term: ast.AST) -> tuple[str, int, list[ast.AST]]:
    if term.ast_type == ast.ASTType.Function:
        return term.name, len(term.arguments), list(term.arguments)
    symbol = term.symbol
    return symbol.name, len(symbol.arguments), []


def _constant(term: ast.AST) -> str | None:
    """The name of a constant term (``r_d02_x``), else ``None``."""
    if term.ast_type == ast.ASTType.SymbolicTerm and term.symbol.type == clingo.SymbolType.Function \
            and not term.symbol.arguments:
        return str(term.symbol.name)
    if term.ast_type == ast.ASTType.Function and not term.arguments:
        return str(term.name)
    return None


def _symbol(term: ast.AST) -> clingo.Symbol | None:
    if term.ast_type == ast.ASTType.SymbolicTerm:
        symbol: clingo.Symbol = term.symbol
        return symbol
    if term.ast_type == ast.ASTType.Function and not term.arguments:
        return clingo.Function(str(term.name))
    return None


def _uses(atom: ast.AST) -> list[_Use]:
    return [_use(term) for term in _functions(atom)]


def _use(term: ast.AST) -> _Use:
    file, line = _location(term)
    name, arity, args = _name_arity(term)
    if name in LABEL_WRAPPERS and arity == 2 and args:
        inner = args[1]
        if inner.ast_type == ast.ASTType.Variable:
            return _Use(None, name, file, line)
        inner_fns = _term_functions(inner)
        if len(inner_fns) == 1:
            inner_name, inner_arity, _ = _name_arity(inner_fns[0])
            return _Use((name, inner_name, inner_arity), name, file, line)
    return _Use(("", name, arity), "", file, line)


def _atoms(node: ast.AST, head: bool) -> Iterator[tuple[ast.AST, bool]]:
    """Every symbolic atom under ``node``, with whether it stands in a head.

    The condition of a conditional literal and the elements of a body
    aggregate are body; the literal of a head's conditional literal is head.
    """
    kind = node.ast_type
    if kind == ast.ASTType.SymbolicAtom:
        yield node, head
        return
    if kind == ast.ASTType.ConditionalLiteral:
        yield from _atoms(node.literal, head)
        for cond in node.condition:
            yield from _atoms(cond, False)
        return
    if kind == ast.ASTType.HeadAggregateElement:
        yield from _atoms(node.condition, head)
        return
    if kind == ast.ASTType.BodyAggregateElement:
        for cond in node.condition:
            yield from _atoms(cond, False)
        return
    for key in node.child_keys:
        child = getattr(node, key)
        if child is None:
            continue
        if isinstance(child, ast.AST):
            yield from _atoms(child, head)
        else:
            for item in child:
                if isinstance(item, ast.AST):
                    yield from _atoms(item, head)


def _is_fact(statement: ast.AST) -> bool:
    return statement.ast_type == ast.ASTType.Rule and not statement.body \
        and statement.head.ast_type == ast.ASTType.Literal


class _Collector:
    """Builds an :class:`AspProgram` from the statements of each file."""

    def __init__(self, program: AspProgram) -> None:
        self.program = program

    def statement(self, stmt: ast.AST) -> None:
        kind = stmt.ast_type
        if kind == ast.ASTType.Rule:
            self._rule(stmt)
        elif kind == ast.ASTType.ShowSignature:
            file, line = _location(stmt)
            self.program.shows.append(_Use(("", stmt.name, stmt.arity), "", file, line))
            self.program.show_places.append((file, line))
        elif kind in (ast.ASTType.ShowTerm, ast.ASTType.Minimize, ast.ASTType.External,
                      ast.ASTType.Heuristic, ast.ASTType.Edge, ast.ASTType.ProjectAtom):
            if kind == ast.ASTType.ShowTerm:
                self.program.show_places.append(_location(stmt))
            for atom, _ in _atoms(stmt, False):
                self.program.bodies.extend(_uses(atom))

    def _rule(self, stmt: ast.AST) -> None:
        file, line = _location(stmt)
        in_open_choice = Path(file).name == OPEN_FILE and stmt.head.ast_type == ast.ASTType.Aggregate
        if stmt.head.ast_type in (ast.ASTType.Aggregate, ast.ASTType.HeadAggregate, ast.ASTType.Disjunction):
            self.program.choices.append((file, line))
        for atom, is_head in _atoms(stmt.head, True):
            if not is_head:
                self.program.bodies.extend(_uses(atom))
                continue
            (self.program.choice_heads_in_open if in_open_choice else self.program.heads).extend(_uses(atom))
            self._label(atom, file, line)
        for lit in stmt.body:
            for atom, _ in _atoms(lit, False):
                self.program.bodies.extend(_uses(atom))
        if _is_fact(stmt) and stmt.head.atom.ast_type == ast.ASTType.SymbolicAtom:
            self._metadata(stmt.head.atom, file, line)
        elif stmt.body and not in_open_choice and not file.startswith("<"):
            self._uncited(stmt, file, line)

    def _uncited(self, stmt: ast.AST, file: str, line: int) -> None:
        """Record a rule that defines a plain atom with no annotation (nor a label of its own)."""
        heads = [u for atom, is_head in _atoms(stmt.head, True) if is_head for u in _uses(atom)]
        plain = [u for u in heads if u.key is not None and not u.wrapper and (u.key[1], u.key[2]) not in ASP_METADATA]
        if not plain:
            return
        body = [u for lit in stmt.body for atom, _ in _atoms(lit, False) for u in _uses(atom)]
        if len(stmt.body) == 1 and len(body) == 1 and body[0].wrapper:   # a projection p(X..) :- derived(_, p(X..))
            return
        key = plain[0].key
        assert key is not None
        self.program.uncited.append((file, line, f"{key[1]}/{key[2]}"))

    def _label(self, atom: ast.AST, file: str, line: int) -> None:
        for term in _functions(atom):
            name, arity, args = _name_arity(term)
            if name in LABEL_WRAPPERS and arity == 2 and args:
                label = _constant(args[0])
                if label is not None:
                    self.program.labels.setdefault(label, []).append((file, line))
                    if name == "concluded":
                        self.program.concluded.add(label)

    def _metadata(self, atom: ast.AST, file: str, line: int) -> None:
        for term in _functions(atom):
            self._metadata_term(term, file, line)

    def _metadata_term(self, term: ast.AST, file: str, line: int) -> None:
        name, arity, args = _name_arity(term)
        if term.ast_type == ast.ASTType.SymbolicTerm:
            symbols = list(term.symbol.arguments)
        else:
            symbols = [s for s in (_symbol(a) for a in args) if s is not None]
            if len(symbols) != len(args):
                return
        if (name, arity) == ("rule", 3):
            label = symbols[0].name if symbols[0].type == clingo.SymbolType.Function else str(symbols[0])
            self.program.citations.append((label, symbols[1], symbols[2], file, line))
        elif (name, arity) == ("ext", 1):
            label = symbols[0].name if symbols[0].type == clingo.SymbolType.Function else str(symbols[0])
            self.program.ext_facts.append((label, file, line))


def _logged(engine: str, code: clingo.MessageCode, message: str, default_file: str) -> Finding:
    """A clingo log message as a finding located at its ``file:line:col``."""
    text = " ".join(message.split())
    first = message.strip().splitlines()[0] if message.strip() else ""
    file, line = default_file, None
    head, sep, rest = first.partition(": ")
    if sep:
        parts = head.rsplit(":", 2)
        if len(parts) == 3 and parts[1].isdigit():
            file, line = parts[0], int(parts[1])
            if file == "<block>":
                file = "<instance>"
            elif not file.startswith("<"):
                file = str(Path(file).resolve())
            level, colon, after = rest.partition(": ")
            if colon and level in ("error", "warning", "info"):
                rest = after
            text = " ".join(" ".join([rest, *message.strip().splitlines()[1:]]).split())
    kind = {
        clingo.MessageCode.AtomUndefined: "asp_atom_undefined",
        clingo.MessageCode.OperationUndefined: "asp_operation_undefined",
        clingo.MessageCode.VariableUnbounded: "asp_variable_unbounded",
        clingo.MessageCode.GlobalVariable: "asp_global_variable",
    }.get(code)
    if kind is None:
        lowered = text.lower()
        kind = ("asp_unsafe_variable" if "unsafe variables" in lowered
                else "asp_syntax_error" if "syntax error" in lowered or "lexer error" in lowered
                else "asp_grounding_error" if code == clingo.MessageCode.RuntimeError
                else "asp_grounding_warning")
    return Finding(engine, kind, file, line, text)


def parse_asp(files: list[Path]) -> AspProgram:
    """Parse every file of the encoding with :func:`clingo.ast.parse_files`, annotations expanded.

    Each file is parsed on its own (through :func:`aigc_kb.engines.asp_rules.expand_files`),
    so that the syntax errors of every file are reported (each message with its
    file and line) in :attr:`AspProgram.findings`; so are annotations that
    cannot be read or placed.  The citations of each annotation are recorded at
    the annotation's line.
    """
    program = AspProgram()
    collector = _Collector(program)
    outputs = asp_rules.outputs_for(files) if files else frozenset()
    seen: dict[str, asp_rules.Annotation] = {}
    for file in files:
        messages: list[tuple[clingo.MessageCode, str]] = []
        found, problems = asp_rules.annotations_of([file])
        for annotation in found:
            first = seen.setdefault(annotation.rule_id, annotation)
            if first is not annotation:
                program.findings.append(Finding("asp", "asp_duplicate_label", str(Path(file).resolve()),
                                                annotation.line, f"rule id {annotation.rule_id} is also the id of "
                                                f"the rule at {first.file}:{first.line}"))
            where = str(Path(annotation.file).resolve())
            for cite in annotation.citations:
                program.citations.append((annotation.rule_id, clingo.Function(cite.doctrine),
                                          clingo.String(cite.section), where, annotation.line))
            if annotation.ext:
                program.ext_facts.append((annotation.rule_id, where, annotation.line))
        try:
            asp_rules.expand_files([file], outputs, collector.statement,
                                   logger=lambda code, msg: messages.append((code, msg)), message_limit=100,
                                   citations=False)
        except asp_rules.AnnotationError as err:
            problems = [p for p in err.problems if p not in problems] + problems
        except RuntimeError as err:
            if not messages:
                messages.append((clingo.MessageCode.RuntimeError, f"{file}:1:1: error: {err}"))
        for problem in problems:
            program.findings.append(Finding("asp", "asp_annotation", str(Path(problem.file).resolve()),
                                            problem.line, problem.message))
        for code, message in messages:
            program.findings.append(_logged("asp", code, message, str(file)))
    return program


def representative_instance(vocab: Vocabulary) -> list[clingo.Symbol]:
    """One fact of every input predicate, with arguments of the right types.

    Grounding the encoding on it exercises every rule body with well-typed
    values, so that grounding warnings (undefined operations, ...) show.
    """
    entity_names = {"party": "p1", "system": "s1", "work": "w1", "output": "o1", "model": "m1"}
    facts = []
    for pred in vocab.inputs.values():
        args = []
        for arg_type in pred.args:
            entities = vocab.entity_types_of(arg_type)
            values = vocab.enum_values(arg_type)
            if entities:
                args.append(asp_name(entity_names.get(entities[0], entities[0])))
            elif values:
                args.append(asp_name(values[0]))
            else:
                args.append(asp_name("x1"))
        facts.append(clingo.Function(pred.name, args))
    return facts


def ground_asp(files: list[Path], vocab: Vocabulary) -> list[Finding]:
    """Ground the encoding on :func:`representative_instance`; every log message as a finding."""
    messages: list[tuple[clingo.MessageCode, str]] = []
    ctl = clingo.Control(["--warn=all"], logger=lambda code, msg: messages.append((code, msg)),
                         message_limit=1000)
    try:
        asp_rules.load(ctl, files, logger=lambda code, msg: messages.append((code, msg)))
        ctl.add("base", [], "".join(f"{fact}.\n" for fact in representative_instance(vocab)))
        ctl.ground([("base", [])])
    except RuntimeError as err:
        if not messages:
            messages.append((clingo.MessageCode.RuntimeError, f"{files[0] if files else '<instance>'}: error: {err}"))
    return [_logged("asp", code, message, "<instance>") for code, message in messages]


def section_of(vocab: Vocabulary, doctrine: str, section: str) -> bool:
    """Whether ``section`` is one of ``doctrine``'s sections in ``kb/doctrines.yaml``, or a subsection of one."""
    spec = vocab.doctrines.get(doctrine.upper())
    return spec is not None and any(section == s or section.startswith(f"{s}.") for s in spec.sections)


def _label_findings(program: AspProgram, vocab: Vocabulary) -> Iterator[Finding]:
    doctrines = {d.lower() for d in vocab.doctrines}
    cited = {label for label, *_ in program.citations}
    for label, places in sorted(program.labels.items()):
        file, line = places[0]
        if label not in cited:
            yield Finding("asp", "asp_rule_no_citation", file, line,
                          f"rule {label} has no rule({label}, dNN, \"Section\") citation")
        statements = sorted(set(places))
        if len({line for _, line in statements}) > 1 or len({f for f, _ in statements}) > 1:
            for other_file, other_line in statements[1:]:
                yield Finding("asp", "asp_duplicate_label", other_file, other_line,
                              f"label {label} also labels the rule at {file}:{line}")
    for label, doctrine, section, file, line in program.citations:
        if label not in program.labels:
            yield Finding("asp", "asp_orphan_citation", file, line,
                          f"rule({label}, ...) cites a label that labels no rule")
        name = doctrine.name if doctrine.type == clingo.SymbolType.Function and not doctrine.arguments else None
        if name is None or name not in doctrines:
            yield Finding("asp", "asp_rule_unknown_doctrine", file, line,
                          f"rule {label} cites {doctrine}, not a doctrine of kb/doctrines.yaml")
        if section.type != clingo.SymbolType.String or not section.string.strip():
            yield Finding("asp", "asp_rule_no_section", file, line,
                          f"rule {label}: section {section} is not a non-empty string")
        elif name is not None and name in doctrines and not section_of(vocab, name, section.string):
            spec = vocab.doctrines[name.upper()]
            yield Finding("asp", "asp_rule_wrong_section", file, line,
                          f"rule {label} cites {name.upper()} for \u00a7{section.string}; kb/doctrines.yaml gives "
                          f"{name.upper()} \u00a7{', '.join(spec.sections)}")
    for file, line, signature in program.uncited:
        yield Finding("asp", "asp_rule_no_citation", file, line,
                      f"this rule for {signature} has no annotation %@ rule(Id, [dNN-\"Section\", ...]) "
                      f"on the line above it")
    for label, file, line in program.ext_facts:
        if label not in program.labels:
            yield Finding("asp", "asp_orphan_citation", file, line,
                          f"ext({label}) marks a label that labels no rule")


def _predicate_findings(program: AspProgram, vocab: Vocabulary) -> Iterator[Finding]:
    inputs = {(p.name, p.arity) for p in vocab.inputs.values()}
    outputs = {(p.name, p.arity) for p in vocab.outputs.values()}
    declared = {("", n, a) for n, a in inputs | ASP_PARAMETERS}
    defined: set[Key] = {u.key for u in program.heads if u.key is not None}
    names = {k[1] for k in defined | declared if not k[0]}
    wildcard_reads = {u.wrapper for u in program.bodies if u.key is None}
    read: set[Key] = {u.key for u in program.bodies if u.key is not None}
    reported: set[Key] = set()
    for use in program.bodies:
        key = use.key
        if key is None or key in defined or key in declared or key in reported:
            continue
        reported.add(key)
        wrapper, name, arity = key
        if wrapper:
            yield Finding("asp", "asp_undefined", use.file, use.line,
                          f"{wrapper}(_, {name}/{arity}) is read but no {wrapper}(Label, {name}(...)) rule exists")
        elif name in names:
            yield Finding("asp", "asp_undefined", use.file, use.line,
                          f"{name}/{arity} is used but never defined (only another arity of {name} is)")
        else:
            yield Finding("asp", "asp_undeclared_input", use.file, use.line,
                          f"{name}/{arity} is read but no rule derives it and it is not an input "
                          f"predicate of kb/vocabulary.yaml")
    for use in program.shows:
        if use.key is not None and use.key not in defined and use.key not in declared:
            yield Finding("asp", "asp_undefined", use.file, use.line,
                          f"#show {use.key[1]}/{use.key[2]}: no rule defines it")
    shown = {u.key for u in program.shows}
    seen: set[Key] = set()
    for use in program.heads:
        key = use.key
        if key is None or key in seen:
            continue
        seen.add(key)
        wrapper, name, arity = key
        if key in read or key in shown or wrapper in wildcard_reads:
            continue
        if not wrapper and ((name, arity) in outputs | inputs | ASP_METADATA | ASP_PARAMETERS):
            continue
        what = f"{wrapper}(_, {name}/{arity})" if wrapper else f"{name}/{arity}"
        yield Finding("asp", "asp_unused", use.file, use.line, f"{what} is defined but never used")


def _catalogue_citation_findings(program: AspProgram, vocab: Vocabulary) -> Iterator[Finding]:
    """A rule citing a doctrine that is an extension as a whole carries ``ext/1`` (the sections are checked
    with the citations, subsections included)."""
    whole_ext = {d.lower() for d, doctrine in vocab.doctrines.items() if doctrine.ext}
    marked = {label for label, _, _ in program.ext_facts}
    reported: set[str] = set()
    for label, doctrine, section, file, line in program.citations:
        name = doctrine.name if doctrine.type == clingo.SymbolType.Function and not doctrine.arguments else None
        if name in whole_ext and label not in marked and label not in reported:
            reported.add(label)
            yield Finding("asp", "asp_rule_ext_missing", file, line,
                          f"rule {label} cites {name.upper()}, an extension as a whole, without ext({label})")


def _shape_findings(program: AspProgram, vocab: Vocabulary) -> Iterator[Finding]:
    """``#show`` only in :data:`SHOW_FILE` and only of outputs and ``because/2``; choices only in :data:`OPEN_FILE`."""
    for file, line in program.show_places:
        if Path(file).name != SHOW_FILE:
            yield Finding("asp", "asp_show_outside_show_file", file, line,
                          f"#show belongs in {SHOW_FILE} only (queries show their own answer/N)")
    shown_ok = {(o.name, o.arity) for o in vocab.outputs.values()} | {("because", 2)}
    for use in program.shows:
        if use.key is not None and (use.key[1], use.key[2]) not in shown_ok:
            yield Finding("asp", "asp_show_not_output", use.file, use.line,
                          f"#show {use.key[1]}/{use.key[2]}: only the output predicates of kb/vocabulary.yaml "
                          f"and because/2 are shown")
    for file, line in program.choices:
        if Path(file).name != OPEN_FILE:
            yield Finding("asp", "asp_choice_outside_declarations", file, line,
                          f"a choice rule outside {OPEN_FILE}: only the generated choices over open facts, "
                          f"the regime and the choice points may choose")


def declaration_findings(paths: KbPaths) -> list[Finding]:
    """A finding for each generated declarations file that is missing or differs from what the YAML gives."""
    from .declarations import stale_files

    return [Finding("asp" if item.relative.endswith(".lp") else "prolog", "declarations_stale",
                    str(item.path(paths.root)), None,
                    "differs from what kb/vocabulary.yaml and kb/doctrines.yaml give: "
                    "run `aigc-kb declarations --write`")
            for item in stale_files(paths)]


def lint_asp(paths: KbPaths, vocab: Vocabulary) -> tuple[list[Finding], list[AspLabel] | None]:
    """The findings of the ASP encoding and its labelled rules.

    When a file does not parse, only the syntax errors are reported (and no
    labelled rules): the checks across files would report every predicate
    the broken file defines as missing.
    """
    files = paths.asp_files
    if not files:
        return [Finding("asp", "asp_no_encoding", str(paths.root / "asp"), None, "no .lp files")], None
    program = parse_asp(files)
    if program.findings:
        return list(program.findings), None
    findings = list(_label_findings(program, vocab))
    findings += _predicate_findings(program, vocab)
    findings += _shape_findings(program, vocab)
    findings += _catalogue_citation_findings(program, vocab)
    findings += ground_asp(files, vocab)
    return findings, asp_labels(program)


def asp_labels(program: AspProgram) -> list[AspLabel]:
    """Every labelled rule with the doctrines its ``rule/3`` facts cite (upper case)."""
    cited: dict[str, list[Cite]] = {}
    for label, doctrine, section, _, _ in program.citations:
        text = section.string if section.type == clingo.SymbolType.String else str(section)
        cited.setdefault(label, []).append((str(doctrine).upper(), text))
    ext = {label for label, _, _ in program.ext_facts}
    return [AspLabel(label, tuple(sorted({d for d, _ in cited.get(label, ())})), *places[0],
                     citations=tuple(cited.get(label, ())), output=label in program.concluded, ext=label in ext)
            for label, places in sorted(program.labels.items())]


def engine_mismatches(prolog_rules: list[PrologRule], labels: list[AspLabel], vocab: Vocabulary) -> list[Finding]:
    """Rules concluding an output predicate that the two engines do not share with the same citations.

    Every such rule must have the same id, the same (doctrine, section) pairs
    (in any order) and the same ``ext`` flag in both engines, so that
    coverage and disagreements map rule to rule.
    """
    outputs = {f"{p.name}/{p.arity}" for p in vocab.outputs.values()}
    prolog = {r.id: r for r in prolog_rules if r.head in outputs}
    asp = {lbl.label: lbl for lbl in labels if lbl.output}
    findings = []
    for rid in sorted(set(prolog) - set(asp)):
        r = prolog[rid]
        findings.append(Finding("prolog", "rule_not_in_other_engine", r.file, r.line,
                                f"rule {rid} concludes {r.head} but no ASP rule has this id"))
    for rid in sorted(set(asp) - set(prolog)):
        lbl = asp[rid]
        findings.append(Finding("asp", "rule_not_in_other_engine", lbl.file, lbl.line,
                                f"rule {rid} concludes an output but no Prolog rule has this id"))
    for rid in sorted(set(prolog) & set(asp)):
        r, lbl = prolog[rid], asp[rid]
        if sorted(set(r.citations)) != sorted(set(lbl.citations)) or r.ext != lbl.ext:
            def show(cites: tuple[Cite, ...], ext: bool) -> str:
                return ", ".join(f"{d} \u00a7{s}" for d, s in sorted(set(cites))) + (" [ext]" if ext else "")
            findings.append(Finding("asp", "rule_citation_mismatch", lbl.file, lbl.line,
                                    f"rule {rid} cites {show(lbl.citations, lbl.ext)} in ASP but "
                                    f"{show(r.citations, r.ext)} in Prolog ({r.file}:{r.line})"))
    return findings


# ---------------------------------------------------------------------------
# Catalogue and cases
# ---------------------------------------------------------------------------

def doctrine_lines(doctrines_file: Path) -> dict[str, int]:
    """The line of each doctrine's entry in ``kb/doctrines.yaml``, from the YAML node marks."""
    with doctrines_file.open(encoding="utf-8") as handle:
        root = yaml.compose(handle)
    lines: dict[str, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, value in root.value:
        if key.value != "doctrines" or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            if isinstance(item, yaml.MappingNode):
                for k, v in item.value:
                    if k.value == "id":
                        lines[str(v.value)] = v.start_mark.line + 1
    return lines


def cases_dir_for(paths: KbPaths) -> Path | None:
    """The cases that go with a kb: ``cases/`` beside it, else the project's."""
    for candidate in (paths.root.parent / "cases", Path.cwd() / "cases", default_kb_dir().parent / "cases"):
        if candidate.is_dir():
            return candidate
    return None


def load_cases(kb: Any, files: list[Path]) -> tuple[list[Case], list[Finding]]:
    """Load case files; a file that does not load is a finding, not an error; so is an ``id`` that is not the file name."""
    cases, findings = [], []
    for file in files:
        try:
            case = kb.load_case(file)
        except InputError as err:
            findings += [Finding("cases", "case_invalid", p.file, p.line, p.message) for p in err.problems]
            continue
        cases.append(case)
        if case.id != file.stem:
            findings.append(Finding("cases", "case_id_not_file_name", str(file.resolve()), _id_line(file),
                                    f"id {case.id!r} is not the file name {file.stem!r} (`variant_of` and "
                                    f"`aigc-kb check ID` find a case by its file name)"))
    return cases, findings


def _id_line(file: Path) -> int | None:
    """The line of the top-level ``id:`` key of a YAML case file (of ``"id"`` in a JSON one)."""
    pattern = re.compile(r'^(id\s*:|\s*"id"\s*:)')
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def catalogue_findings(vocab: Vocabulary, doctrines_file: Path, prolog_rules: list[PrologRule],
                       asp_labels_: list[AspLabel] | None, cases: list[Case] | None,
                       complete: bool = True) -> list[Finding]:
    """Doctrines without a rule in an engine, cases testing no doctrine of the table, and (``complete``)
    doctrines without a positive or a negative case.

    ``asp_labels_`` is ``None`` when the encoding does not parse (nothing is
    said of its rules); ``cases`` is ``None`` when there are no case files.
    The completeness check is the project's (its cases cover every doctrine);
    a researcher's own set of cases is linted without it.
    """
    lines = doctrine_lines(doctrines_file)
    file = str(doctrines_file.resolve())
    in_prolog = {d for r in prolog_rules for d in r.doctrines}
    in_asp = {d for lbl in asp_labels_ or () for d in lbl.doctrines}
    findings = []
    for doctrine in vocab.doctrine_ids():
        line = lines.get(doctrine)
        if doctrine not in in_prolog:
            findings.append(Finding("prolog", "doctrine_without_rule", file, line,
                                    f"{doctrine}: no rule of kb/prolog cites it"))
        if asp_labels_ is not None and doctrine not in in_asp:
            findings.append(Finding("asp", "doctrine_without_rule", file, line,
                                    f"{doctrine}: no rule of kb/asp cites it"))
    if cases is None:
        return findings
    tested = {(d, sign) for case in cases for d, sign in case.tests}
    for case in cases:
        for d, sign in case.tests:
            if d not in vocab.doctrines:
                findings.append(Finding("cases", "case_unknown_doctrine", str(Path(case.path).resolve()), None,
                                        f"case {case.id} tests {d}{sign}, not a doctrine of kb/doctrines.yaml"))
    if not complete:
        return findings
    for doctrine in vocab.doctrine_ids():
        for sign, word in (("+", "positive"), ("-", "negative")):
            if (doctrine, sign) not in tested:
                findings.append(Finding("cases", f"doctrine_without_{word}_case", file, lines.get(doctrine),
                                        f"{doctrine}: no case tests it {word}ly ({doctrine}{sign})"))
    return findings


# ---------------------------------------------------------------------------
# The whole lint
# ---------------------------------------------------------------------------

def display_path(file: str) -> str:
    """``file`` relative to the working directory when it lies below it."""
    if not file or file.startswith("<"):
        return file
    try:
        return str(Path(file).relative_to(Path.cwd()))
    except ValueError:
        return file


def lint(kb: Any, cases_dir: Path | None = None, cases: list[Case] | None = None,
         complete: bool = True) -> LintReport:
    """Lint a knowledge base: both encodings, the catalogue and the cases.

    Parameters
    ----------
    kb : KnowledgeBase
        The kb (its paths and vocabulary are used; no engine is created).
    cases_dir : Path, optional
        The case files whose ``tests:`` are checked (each is loaded, and one
        that does not load is a finding); default :func:`cases_dir_for` the
        kb.  Without any, the checks of cases are left out.
    cases : list[Case], optional
        Cases already loaded, checked instead of a directory.
    complete : bool
        Whether the cases must test every doctrine positively and negatively
        (the project's completeness check; ``lint --cases DIR`` leaves it out).

    Returns
    -------
    LintReport
        Every finding, sorted by file and line.
    """
    paths: KbPaths = kb.paths
    vocab: Vocabulary = kb.vocab
    report = LintReport()
    prolog_findings, report.prolog_rules = lint_prolog(paths, vocab)
    asp_findings, labels = lint_asp(paths, vocab)
    report.asp_labels = labels or []
    case_findings: list[Finding] = []
    if cases is None:
        directory = cases_dir or cases_dir_for(paths)
        if directory is not None:
            cases, case_findings = load_cases(kb, sorted(directory.glob("*.yaml")))
    findings = prolog_findings + asp_findings + case_findings + declaration_findings(paths)
    findings += catalogue_findings(vocab, paths.doctrines, report.prolog_rules, labels, cases, complete)
    if labels is not None and not any(f.kind == "prolog_lint_failed" for f in prolog_findings):
        findings += engine_mismatches(report.prolog_rules, labels, vocab)
    unique = {(f.engine, f.kind, f.file, f.line, f.message): f for f in findings}
    report.findings = sorted(unique.values(), key=Finding.sort_key)
    return report
