"""The citation annotations of the ASP encoding, expanded at load time.

A rule of ``kb/asp`` is an ordinary rule with one annotation on the comment
line directly above it::

    %@ rule(r_d07_liable_strict, [d07-"4.3", d13-"5.3"]).
    liable(P, primary, R, generation) :- provider_liability(P, O, primary, strict), copies(O, _, R).

    %@ rule(r_d13_nat_notice, [d13-"3.1", d15-"3.2"], [ext]).   % a project extension

The annotation names the rule's id and the (doctrine, section) pairs it cites,
as the Prolog encoding's ``rule/3,4`` do.  Run directly with ``clingo`` the
files mean what they say (annotations are comments).  Loaded through this
module (every load of the encoding by the package is), each annotated rule
``H :- B.`` becomes

* ``concluded(Id, H) :- B.`` when ``H`` is an output predicate of
  ``kb/vocabulary.yaml``, else ``derived(Id, H) :- B.`` (the labelling);
* one fact ``rule(Id, dNN, "Section").`` per citation and ``ext(Id).`` for an
  extension (the citation facts that ``because/2`` and the tools read);
* once per labelled predicate, its projection ``p(X..) :- concluded(_, p(X..)).``
  (or ``derived``), so that the rest of the program reads ``H`` by its name.

clingo's abstract syntax drops comments, so annotations are read from the file
text and matched to the statement that starts on the next line that is neither
blank nor a comment (the statements' locations give their lines).
"""

from __future__ import annotations

import ast as pyast
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import clingo
import clingo.ast as ast
import yaml

from ..core.errors import KbError, Problem

#: The prefix of an annotation line.
MARK = "%@"
#: The label wrappers: of an output atom, of an auxiliary atom.
CONCLUDED, DERIVED = "concluded", "derived"

Signature = tuple[str, int]


@dataclass(frozen=True)
class Citation:
    """A (doctrine, section) pair cited by a rule: ``d07``, ``"4.3"``."""

    doctrine: str
    section: str


@dataclass(frozen=True)
class Annotation:
    """The annotation of one rule.

    Attributes
    ----------
    rule_id : str
        The rule's id, e.g. ``r_d07_liable_strict``.
    citations : tuple[Citation, ...]
        What it cites, in the order written.
    ext : bool
        Whether the rule encodes a project extension (``[ext]``).
    file : str
        The file the annotation is in.
    line : int
        Its 1-based line.
    """

    rule_id: str
    citations: tuple[Citation, ...]
    ext: bool
    file: str
    line: int


class AnnotationError(KbError):
    """Annotations that cannot be read or placed, each as ``file:line: problem``."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def parse_annotation(text: str, file: str, line: int) -> Annotation:
    """Read ``rule(Id, [dNN-"S", ...])`` or ``rule(Id, [...], [ext])`` (the text after ``%@``).

    The term is read by Python's own expression parser (its syntax is a
    subset of Python's): a call of ``rule`` on a name, a list of
    ``name - "string"`` pairs, and an optional list of flags.

    Raises
    ------
    AnnotationError
        When the text is not such a term.
    """
    def fail(message: str) -> AnnotationError:
        return AnnotationError([Problem(file, line, f"annotation {text.strip()!r}: {message}")])

    body = text.strip()
    if body.endswith("."):
        body = body[:-1]
    try:
        tree = pyast.parse(body, mode="eval").body
    except SyntaxError:
        raise fail('not a term rule(Id, [dNN-"Section", ...]) or rule(Id, [...], [ext])') from None
    if not (isinstance(tree, pyast.Call) and isinstance(tree.func, pyast.Name) and tree.func.id == "rule"
            and not tree.keywords and len(tree.args) in (2, 3)):
        raise fail('expected rule(Id, [dNN-"Section", ...]) or rule(Id, [...], [ext])')
    id_node, cites_node, *rest = tree.args
    if not isinstance(id_node, pyast.Name):
        raise fail("the rule id must be a constant such as r_d07_liable_strict")
    if not isinstance(cites_node, pyast.List) or not cites_node.elts:
        raise fail('the citations must be a non-empty list [dNN-"Section", ...]')
    citations = []
    for item in cites_node.elts:
        if not (isinstance(item, pyast.BinOp) and isinstance(item.op, pyast.Sub)
                and isinstance(item.left, pyast.Name) and isinstance(item.right, pyast.Constant)
                and isinstance(item.right.value, str)):
            raise fail(f'citation {pyast.unparse(item)} is not dNN-"Section"')
        citations.append(Citation(item.left.id, item.right.value))
    ext = False
    if rest:
        flags = rest[0]
        if not isinstance(flags, pyast.List) or not all(isinstance(f, pyast.Name) for f in flags.elts):
            raise fail("the flags must be a list of names, such as [ext]")
        for flag in flags.elts:
            assert isinstance(flag, pyast.Name)
            if flag.id != "ext":
                raise fail(f"unknown flag {flag.id} (the only flag is ext)")
            ext = True
    return Annotation(id_node.id, tuple(citations), ext, file, line)


def _open_brackets(text: str) -> bool:
    """Whether ``text`` opens more brackets than it closes (outside strings)."""
    depth, quoted = 0, False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "([":
            depth += 1
        elif not quoted and char in ")]":
            depth -= 1
    return depth > 0


def read_annotations(file: str, text: str) -> tuple[dict[int, Annotation], list[Problem]]:
    """The annotations of a file's text, keyed by the line their rule must start on."""
    lines = text.split("\n")
    found: dict[int, Annotation] = {}
    problems: list[Problem] = []
    index = 0
    while index < len(lines):
        stripped = lines[index].lstrip()
        if not stripped.startswith(MARK):
            index += 1
            continue
        line = index + 1
        # an annotation goes on over the next %@ lines while its brackets are open
        body = stripped[len(MARK):]
        while _open_brackets(body) and index + 1 < len(lines) and lines[index + 1].lstrip().startswith(MARK):
            index += 1
            body += " " + lines[index].lstrip()[len(MARK):]
        index += 1
        try:
            annotation = parse_annotation(body, file, line)
        except AnnotationError as err:
            problems.extend(err.problems)
            continue
        target = index
        while target < len(lines) and (not lines[target].strip()
                                       or (lines[target].lstrip().startswith("%")
                                           and not lines[target].lstrip().startswith(MARK))):
            target += 1
        if target >= len(lines) or lines[target].lstrip().startswith(MARK):
            problems.append(Problem(file, line, f"annotation of {annotation.rule_id} is followed by no rule"))
            continue
        found[target + 1] = annotation
    return found, problems


@functools.lru_cache(maxsize=16)
def _outputs_of(vocabulary: Path, mtime: float) -> frozenset[Signature]:
    # libyaml when PyYAML has it (the pure-Python reader took 0.15 s of every first evaluation)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with vocabulary.open(encoding="utf-8") as handle:
        raw = yaml.load(handle, Loader=loader)
    return frozenset((str(name), len(spec.get("args", {}))) for name, spec in raw.get("outputs", {}).items())


def output_signatures(kb_root: Path) -> frozenset[Signature]:
    """The output predicates of the kb at ``kb_root`` (its ``vocabulary.yaml``, ``outputs:``)."""
    vocabulary = kb_root / "vocabulary.yaml"
    return _outputs_of(vocabulary.resolve(), vocabulary.stat().st_mtime)


def _head_functions(head: ast.AST) -> list[ast.AST]:
    """The atoms a head defines (a literal, or each element of a choice), as Function terms."""
    if head.ast_type == ast.ASTType.Literal and head.atom.ast_type == ast.ASTType.SymbolicAtom:
        return [head.atom.symbol]
    if head.ast_type == ast.ASTType.Aggregate:
        return [e.literal.atom.symbol for e in head.elements
                if e.literal.atom.ast_type == ast.ASTType.SymbolicAtom]
    return []


def _signature(term: ast.AST) -> Signature | None:
    if term.ast_type == ast.ASTType.Function:
        return str(term.name), len(term.arguments)
    if term.ast_type == ast.ASTType.SymbolicTerm and term.symbol.type == clingo.SymbolType.Function:
        return str(term.symbol.name), len(term.symbol.arguments)
    return None


def _wrap(term: ast.AST, rule_id: str, outputs: frozenset[Signature]) -> tuple[ast.AST, str, Signature]:
    signature = _signature(term)
    assert signature is not None
    wrapper = CONCLUDED if signature in outputs else DERIVED
    loc = term.location
    label = ast.SymbolicTerm(loc, clingo.Function(rule_id))
    return ast.Function(loc, wrapper, [label, term], 0), wrapper, signature


class _Expander:
    """Rewrites the annotated statements of one program and collects what they add."""

    def __init__(self, outputs: frozenset[Signature], emit: Callable[[ast.AST], None],
                 derived_labels: bool = True) -> None:
        self.outputs = outputs
        self.emit = emit
        self.derived_labels = derived_labels
        self.projections: dict[tuple[str, Signature], ast.Location] = {}
        self.seen: dict[str, Annotation] = {}
        self.problems: list[Problem] = []
        self.extra: list[ast.AST] = []
        self._pending: tuple[dict[int, Annotation], set[int]] = ({}, set())

    def file(self, file: str, annotations: dict[int, Annotation]) -> Callable[[ast.AST], None]:
        used: set[int] = set()

        def statement(stmt: ast.AST) -> None:
            line = int(stmt.location.begin.line)
            annotation = annotations.get(line)
            if annotation is None or stmt.ast_type == ast.ASTType.Program:
                self.emit(stmt)
                return
            used.add(line)
            self.emit(self._rule(stmt, annotation))

        self._pending = (annotations, used)
        return statement

    def finish_file(self) -> None:
        annotations, used = self._pending
        for line, annotation in annotations.items():
            if line not in used:
                self.problems.append(Problem(annotation.file, annotation.line,
                                             f"annotation of {annotation.rule_id} is not directly above a rule"))

    def _rule(self, stmt: ast.AST, annotation: Annotation) -> ast.AST:
        where = Problem(annotation.file, annotation.line, "")
        if stmt.ast_type != ast.ASTType.Rule:
            self.problems.append(Problem(where.file, where.line,
                                         f"annotation of {annotation.rule_id} is above a statement that is not a rule"))
            return stmt
        terms = _head_functions(stmt.head)
        if not terms or any(_signature(t) is None for t in terms):
            self.problems.append(Problem(where.file, where.line,
                                         f"rule {annotation.rule_id}: its head is not an atom or a choice of atoms"))
            return stmt
        previous = self.seen.get(annotation.rule_id)
        if previous is not None:
            self.problems.append(Problem(where.file, where.line,
                                         f"rule id {annotation.rule_id} is also the id of the rule annotated at "
                                         f"{previous.file}:{previous.line}"))
        self.seen[annotation.rule_id] = annotation
        if not self.derived_labels and not any(_signature(t) in self.outputs for t in terms):
            return stmt  # an auxiliary's rule, unlabelled: nothing reads its label or citations
        head = stmt.head
        if head.ast_type == ast.ASTType.Literal:
            wrapped, wrapper, signature = _wrap(head.atom.symbol, annotation.rule_id, self.outputs)
            self.projections.setdefault((wrapper, signature), stmt.location)
            head = head.update(atom=head.atom.update(symbol=wrapped))
        else:
            elements = []
            for element in head.elements:
                if not self.derived_labels and _signature(element.literal.atom.symbol) not in self.outputs:
                    elements.append(element)
                    continue
                wrapped, wrapper, signature = _wrap(element.literal.atom.symbol, annotation.rule_id, self.outputs)
                self.projections.setdefault((wrapper, signature), stmt.location)
                literal = element.literal
                elements.append(element.update(literal=literal.update(atom=literal.atom.update(symbol=wrapped))))
            head = head.update(elements=elements)
        position = ast.Position(annotation.file, annotation.line, 1)
        loc = ast.Location(position, position)
        label = clingo.Function(annotation.rule_id)
        for citation in annotation.citations:
            self.extra.append(_fact(loc, "rule", [label, clingo.Function(citation.doctrine),
                                                  clingo.String(citation.section)]))
        if annotation.ext:
            self.extra.append(_fact(loc, "ext", [label]))
        return stmt.update(head=head)

    def closing(self, citations: bool = True) -> list[ast.AST]:
        """The citation facts (unless not ``citations``) and the projections, located at their rules."""
        out = list(self.extra) if citations else []
        for (wrapper, (name, arity)), loc in self.projections.items():
            args = [ast.Variable(loc, f"X{i}") for i in range(1, arity + 1)]
            atom = ast.Function(loc, name, args, 0)
            inner = ast.Function(loc, name, list(args), 0)
            body = _literal(loc, ast.Function(loc, wrapper, [ast.Variable(loc, "_"), inner], 0))
            out.append(ast.Rule(loc, _literal(loc, atom), [body]))
        return out


def _literal(loc: ast.Location, term: ast.AST) -> ast.AST:
    return ast.Literal(loc, ast.Sign.NoSign, ast.SymbolicAtom(term))


def _fact(loc: ast.Location, name: str, args: list[clingo.Symbol]) -> ast.AST:
    term = ast.Function(loc, name, [ast.SymbolicTerm(loc, a) for a in args], 0)
    return ast.Rule(loc, _literal(loc, term), [])


def expand_files(files: Sequence[str | Path], outputs: frozenset[Signature],
                 emit: Callable[[ast.AST], None],
                 logger: Callable[[clingo.MessageCode, str], None] | None = None,
                 message_limit: int = 20, citations: bool = True, derived_labels: bool = True) -> None:
    """Parse ``files`` and pass every statement, annotations expanded, to ``emit``.

    Each call parses the files afresh (statements are never shared between
    programs).  The statements of the expansion (citation facts, projections)
    follow those of the files, in a ``#program base.`` of their own.

    Without ``derived_labels`` only the rules concluding output atoms are
    labelled (with their citations and projections); an auxiliary's rule
    stays as written.  That program has the same answer sets on every
    predicate but ``derived/2`` (and ``rule/3`` of the auxiliaries' rules),
    which only the tools that trace rules read (coverage, explanations): it is
    what an evaluation grounds (:func:`evaluation_text`), with half the atoms.

    Raises
    ------
    AnnotationError
        When an annotation cannot be read or placed, or two rules share an id.
    RuntimeError
        When clingo cannot parse a file (the details go to ``logger``).
    """
    expander = _Expander(outputs, emit, derived_labels)
    problems: list[Problem] = []
    for file in files:
        name = str(file)
        text = Path(name).read_text(encoding="utf-8")
        annotations, found = read_annotations(name, text)
        problems.extend(found)
        callback = expander.file(name, annotations)
        if logger is None:
            ast.parse_files([name], callback)
        else:
            ast.parse_files([name], callback, logger=logger, message_limit=message_limit)
        expander.finish_file()
    problems.extend(expander.problems)
    if problems:
        raise AnnotationError(problems)
    if expander.projections or expander.extra:
        ast.parse_string("#program base.", emit)
        for statement in expander.closing(citations):
            emit(statement)


def expand(files: Sequence[str | Path], outputs: frozenset[Signature],
           derived_labels: bool = True) -> list[ast.AST]:
    """The statements of ``files`` with the annotations expanded (see :func:`expand_files`)."""
    statements: list[ast.AST] = []
    expand_files(files, outputs, statements.append, derived_labels=derived_labels)
    return statements


def outputs_for(files: Sequence[str | Path]) -> frozenset[Signature]:
    """The output predicates of the kb the encoding ``files`` belong to (``kb/asp/*.lp``)."""
    for file in files:
        root = Path(file).resolve().parent.parent
        if (root / "vocabulary.yaml").is_file():
            return output_signatures(root)
    raise KbError(f"no vocabulary.yaml beside the ASP files {', '.join(map(str, files))}")


def load(ctl: clingo.Control, files: Sequence[str | Path], outputs: frozenset[Signature] | None = None,
         logger: Callable[[clingo.MessageCode, str], None] | None = None) -> None:
    """Add the encoding ``files``, annotations expanded, to ``ctl`` (in place of ``ctl.load``).

    Parsed from the files, so that every message names a file and line;
    :func:`add_program` is the faster way once the encoding is known to load.
    """
    with ast.ProgramBuilder(ctl) as builder:
        expand_files(files, outputs_for(files) if outputs is None else outputs, builder.add, logger=logger)


def _key(files: Sequence[str | Path]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for file in files:
        stat = Path(file).stat()
        out.append((str(Path(file).resolve()), stat.st_mtime_ns, stat.st_size))
    return tuple(out)


@functools.lru_cache(maxsize=32)
def _cached_text(key: tuple[tuple[str, int, int], ...], outputs: frozenset[Signature],
                 derived_labels: bool = True) -> str:
    return expanded_text([file for file, _, _ in key], outputs, derived_labels)


def program_text(files: Sequence[str | Path], outputs: frozenset[Signature] | None = None) -> str:
    """:func:`expanded_text` of ``files``, computed once per process while the files are unchanged."""
    return _cached_text(_key(files), outputs_for(files) if outputs is None else outputs)


def evaluation_text(files: Sequence[str | Path], outputs: frozenset[Signature] | None = None) -> str:
    """The program an evaluation grounds: :func:`program_text` without the auxiliaries' labels.

    Only the output atoms' rules are labelled (``concluded/2``, which
    ``because/2`` reads); every shown atom is the same as with the labelled
    program (see ``derived_labels`` of :func:`expand_files`).
    """
    return _cached_text(_key(files), outputs_for(files) if outputs is None else outputs, False)


def add_program(ctl: clingo.Control, files: Sequence[str | Path], derived_labels: bool = True) -> None:
    """Add the expanded encoding ``files`` to ``ctl`` as one cached text (see :func:`program_text`).

    Without ``derived_labels``, the program an evaluation grounds (:func:`evaluation_text`).
    Messages of a faulty encoding name the text's lines (``<block>``), not the
    files': on failure, load it again with :func:`load` to report them.
    """
    ctl.add("base", [], program_text(files) if derived_labels else evaluation_text(files))


def expanded_text(files: Sequence[str | Path], outputs: frozenset[Signature], derived_labels: bool = True) -> str:
    """The whole program, annotations expanded, as text ``clingo`` reads (one statement a line)."""
    return "".join(f"{statement}\n" for statement in expand(files, outputs, derived_labels)
                   if statement.ast_type != ast.ASTType.Comment)


def annotations_of(files: Iterable[str | Path]) -> tuple[list[Annotation], list[Problem]]:
    """Every annotation of ``files`` (with the problems of reading them)."""
    out: list[Annotation] = []
    problems: list[Problem] = []
    for file in files:
        found, bad = read_annotations(str(file), Path(file).read_text(encoding="utf-8"))
        out.extend(found.values())
        problems.extend(bad)
    return out, problems


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m aigc_kb.engines.asp_rules KB_DIR [FILE...]``: print the expanded encoding.

    ``python -m aigc_kb.engines.asp_rules kb | clingo - case.lp`` then gives the
    citations and ``because/2`` that the annotations add.
    """
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        sys.stderr.write("usage: python -m aigc_kb.engines.asp_rules KB_DIR [FILE.lp...]\n")
        return 2
    root = Path(args[0])
    files = [Path(a) for a in args[1:]] or sorted((root / "asp").glob("*.lp"))
    try:
        sys.stdout.write(expanded_text(files, output_signatures(root)))
    except AnnotationError as err:
        sys.stderr.write(f"{err}\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
