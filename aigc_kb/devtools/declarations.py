"""Generate the declarations of both encodings from ``kb/vocabulary.yaml`` and ``kb/doctrines.yaml``.

What the two encodings would otherwise restate by hand is written from the two
YAML files into generated files, each marked "do not edit":

* ``kb/prolog/declarations.pl`` (module ``aigc_declarations``): the input
  predicates (exported and ``dynamic``), ``input_predicate/2``,
  ``output_predicate/2``, the input templates and burdens, the doctrine list
  and its sections, the doctrines that are extensions as a whole, the
  conflicting pairs, the regimes and the choice points;
* ``kb/asp/declarations.lp``: the choice rules over open (``unknown/1``)
  facts, the constraints of the conflicting pairs, and the regime and
  choice-point rules with their defaults and citations;
* ``kb/asp/show.lp``: ``#show`` of the output predicates and ``because/2``
  (queries load the encoding without it).

``aigc-kb declarations --write`` (or ``make declarations``) regenerates them;
``--check`` reports the stale ones.  Rule bodies stay hand-written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.paths import KbPaths
from ..core.vocabulary import ENTITY_TYPES, UNION_TYPES, InputPredicate, Vocabulary, load_vocabulary

#: The generated files, relative to the kb directory.
PROLOG_FILE = "prolog/declarations.pl"
ASP_FILE = "asp/declarations.lp"
SHOW_FILE = "asp/show.lp"
GENERATED_FILES = (PROLOG_FILE, ASP_FILE, SHOW_FILE)

COMMAND = "`aigc-kb declarations --write` (or `make declarations`)"
SOURCES = "kb/vocabulary.yaml and kb/doctrines.yaml"
_GROUP = re.compile(r"^  # ---- (.+?) -*\s*$")
_KEY = re.compile(r"^  ([a-z_][a-z0-9_]*):\s*$")


@dataclass(frozen=True)
class GeneratedFile:
    """One generated file: where it goes in the kb, and its text."""

    relative: str
    text: str

    def path(self, kb_root: Path) -> Path:
        return kb_root / self.relative

    def is_current(self, kb_root: Path) -> bool:
        """The file in ``kb_root`` exists and holds exactly :attr:`text`."""
        path = self.path(kb_root)
        return path.is_file() and path.read_text(encoding="utf-8") == self.text


@dataclass(frozen=True)
class _Sources:
    vocab: Vocabulary
    groups: dict[str, str]
    regime_sections: dict[str, str]
    regime_doctrine: str
    regime_section: str
    choice_sections: dict[str, str]


# ---- reading the sources -------------------------------------------------------

def _input_groups(vocabulary_text: str) -> dict[str, str]:
    """The heading (``# ---- entities ---``) of each input predicate, from the comments of ``inputs:``."""
    groups: dict[str, str] = {}
    in_inputs = False
    heading = ""
    for line in vocabulary_text.splitlines():
        if not line.startswith(" ") and line.strip():
            in_inputs = line.startswith("inputs:")
            continue
        if not in_inputs:
            continue
        group = _GROUP.match(line)
        if group:
            heading = group.group(1)
            continue
        key = _KEY.match(line)
        if key:
            groups[key.group(1)] = heading
    return groups


def _read_sources(paths: KbPaths) -> _Sources:
    import yaml

    vocab = load_vocabulary(paths.vocabulary, paths.doctrines)
    text = paths.vocabulary.read_text(encoding="utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    regimes = raw["regimes"]
    return _Sources(
        vocab=vocab,
        groups=_input_groups(text),
        regime_sections={name: str(spec["section"]) for name, spec in regimes["values"].items()},
        regime_doctrine=str(regimes["doctrine"]),
        regime_section=str(regimes["section"]),
        choice_sections={name: str(spec["section"]) for name, spec in raw["choice_points"].items()},
    )


# ---- quoting -------------------------------------------------------------------

def _pl_atom(text: str) -> str:
    if re.fullmatch(r"[a-z][A-Za-z0-9_]*", text):
        return text
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _pl_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lp_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _pl_list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _doctrine(doctrine_id: str) -> str:
    return doctrine_id.lower()


def _by_group(inputs: list[InputPredicate], groups: dict[str, str]) -> list[tuple[str, list[InputPredicate]]]:
    out: list[tuple[str, list[InputPredicate]]] = []
    for pred in inputs:
        heading = groups.get(pred.name, "")
        if not out or out[-1][0] != heading:
            out.append((heading, []))
        out[-1][1].append(pred)
    return out


# ---- Prolog --------------------------------------------------------------------

_PL_HEADER = """\
/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    GENERATED from {sources} by
    {command}; do not edit.

    The declarations of the Prolog encoding: every input predicate of the
    vocabulary (exported and dynamic: a case's facts are asserted here for
    one evaluation, see facts.pl), the output predicates, the templates and
    burdens of the input facts, the doctrines, the regimes and the choice
    points.  The rules (the other modules) are written by hand.
*/

"""


def _entity_argument_types(vocab: Vocabulary) -> list[str]:
    """Every argument type of the vocabulary whose values are entity names, in a stable order."""
    used = {t for p in vocab.inputs.values() for t in p.args}
    used |= {t for o in vocab.outputs.values() for t in o.arg_types}
    ordered = [*ENTITY_TYPES, *UNION_TYPES, *sorted(used)]
    return list(dict.fromkeys(t for t in ordered if vocab.entity_types_of(t)))


def prolog_declarations(src: _Sources) -> str:
    """The text of ``kb/prolog/declarations.pl``."""
    vocab = src.vocab
    inputs = list(vocab.inputs.values())
    exports = [
        "input_predicate/2,          % ?Name, ?Arity",
        "output_predicate/2,         % ?Name, ?Arity",
        "input_template/3,           % ?Name, ?ArgTypes, ?Template",
        "input_burden/2,             % ?Name, ?Bearer",
        "doctrine_id/1,              % ?Doctrine",
        "doctrine_section/2,         % ?Doctrine, ?Section",
        "ext_doctrine/1,             % ?Doctrine",
        "conflict/2,                 % ?Name, ?Name",
        "regime_value/2,             % ?Regime, ?Section",
        "default_regime/1,           % ?Regime",
        "choice_point/4,             % ?ChoicePoint, ?Doctrine, ?Default, ?Positions",
        "entity_type/1,              % ?Type",
    ]
    lines = [_PL_HEADER.format(sources=SOURCES, command=COMMAND).rstrip("\n"), ""]
    lines.append(":- module(aigc_declarations,")
    export_lines: list[str] = list(exports)
    for heading, preds in _by_group(inputs, src.groups):
        export_lines.append(f"% {heading}" if heading else "% inputs")
        export_lines.extend(f"{p.name}/{p.arity}," for p in preds)
    # the last export carries no comma
    last = max(i for i, line in enumerate(export_lines) if not line.startswith("%"))
    export_lines[last] = export_lines[last].rstrip(",")
    lines.append("          [ " + export_lines[0])
    lines.extend("            " + line for line in export_lines[1:])
    lines.append("          ]).")
    lines.append("")
    lines.append(":- dynamic((")
    lines.append(",\n".join(f"        {p.name}/{p.arity}" for p in inputs))
    lines.append("   )).")

    def section(title: str, doc: str, facts: list[str]) -> None:
        lines.extend(["", doc.rstrip("\n"), ""])
        lines.extend(facts)

    section("inputs", """\
%!  input_predicate(?Name, ?Arity) is nondet.
%
%   Name/Arity is an input predicate of the vocabulary (`inputs:`).""",
            [f"input_predicate({_pl_atom(p.name)}, {p.arity})." for p in inputs])
    section("outputs", """\
%!  output_predicate(?Name, ?Arity) is nondet.
%
%   Name/Arity is an output predicate of the vocabulary (`outputs:`).""",
            [f"output_predicate({_pl_atom(o.name)}, {o.arity})." for o in vocab.outputs.values()])
    section("entity types", """\
%!  entity_type(?Type) is nondet.
%
%   Arguments of Type name entities of the case (an entity type of the
%   vocabulary, a union of them, or one of these or `none`): written as they
%   are; every other argument is a value.""",
            [f"entity_type({_pl_atom(t)})." for t in _entity_argument_types(vocab)])
    section("templates", """\
%!  input_template(?Name, ?ArgTypes:list, ?Template:string) is nondet.
%
%   The input facts Name/N, N the length of ArgTypes, read as Template
%   (the `meaning` of the vocabulary), {I} standing for argument I.""",
            [f"input_template({_pl_atom(p.name)}, {_pl_list([_pl_atom(a) for a in p.args])},\n"
             f"               {_pl_string(p.meaning)})." for p in inputs])
    section("burdens", """\
%!  input_burden(?Name, ?Bearer) is nondet.
%
%   Bearer loses when an input fact Name is not proven (`burden`):
%   `claimant` (the rights holder), `relying_party` (the party relying on a
%   defence, exemption or mitigation) or `copyright_claimant` (the party
%   claiming the copyright).""",
            [f"input_burden({_pl_atom(p.name)}, {_pl_atom(p.burden)})." for p in inputs])
    doctrines = [vocab.doctrines[d] for d in vocab.doctrine_ids()]
    section("doctrines", """\
%!  doctrine_id(?Doctrine) is nondet.
%
%   Doctrine is the id of a doctrine of kb/doctrines.yaml.""",
            [f"doctrine_id({_doctrine(d.id)})." for d in doctrines])
    section("sections", """\
%!  doctrine_section(?Doctrine, ?Section) is nondet.
%
%   The catalogue lists Section of the paper for Doctrine.""",
            [f"doctrine_section({_doctrine(d.id)}, {_pl_atom(s)})." for d in doctrines for s in d.sections])
    section("ext", """\
%!  ext_doctrine(?Doctrine) is nondet.
%
%   Doctrine is the project's extension as a whole (`ext: true`): every
%   rule citing it carries the [ext] mark.""",
            [f"ext_doctrine({_doctrine(d.id)})." for d in doctrines if d.ext]
            or [":- dynamic ext_doctrine/1."])
    section("conflicts", """\
%!  conflict(?Name1, ?Name2) is nondet.
%
%   The input facts Name1 and Name2 of the same arguments cannot both be
%   proven (`conflicts:`).""",
            [f"conflict({_pl_atom(a)}, {_pl_atom(b)})." for a, b in vocab.conflicts]
            or [":- dynamic conflict/2."])
    section("regimes", """\
%!  regime_value(?Regime, ?Section) is nondet.
%
%   Regime is a liability regime, argued in Section of the paper.""",
            [f"regime_value({_pl_atom(r)}, {_pl_atom(src.regime_sections[r])})." for r in vocab.regimes])
    section("default", """\
%!  default_regime(?Regime) is det.
%
%   The regime of the paper's reading.""",
            [f"default_regime({_pl_atom(vocab.default_regime)})."])
    section("points", """\
%!  choice_point(?ChoicePoint, ?Doctrine, ?Default, ?Positions) is nondet.
%
%   ChoicePoint of Doctrine takes one of Positions; Default is the paper's
%   reading (`choice_points:`).""",
            [f"choice_point({_pl_atom(c.name)}, {_doctrine(c.doctrine)}, {_pl_atom(c.default)},\n"
             f"             {_pl_list([_pl_atom(p) for p in c.positions])})."
             for c in vocab.choice_points.values()])
    return "\n".join(lines) + "\n"


# ---- ASP -----------------------------------------------------------------------

_LP_HEADER = """\
% =============================================================================
% aigc-kb -- ASP encoding -- {name}
% GENERATED from {sources} by
% {command}; do not edit.
%
{body}
% =============================================================================
"""


def _heading(text: str) -> str:
    """An ASP comment heading ``% ---- text ----`` of 80 columns."""
    line = f"% ---- {text} "
    return line + "-" * max(3, 80 - len(line))


def _vars(n: int) -> str:
    return ", ".join(f"X{i}" for i in range(1, n + 1))


def asp_declarations(src: _Sources) -> str:
    """The text of ``kb/asp/declarations.lp``."""
    vocab = src.vocab
    body = """\
% Open facts: a case may mark any input fact as unknown(Fact); the fact may
% then be true or false (one answer set each way): one choice rule for every
% input predicate of `inputs:`, and no other choice over facts anywhere in
% the encoding.  Every input predicate is thus in a rule head, so that an
% input absent from a case never draws an "atom does not occur in any rule
% head" info.  The `conflicts:` pairs cannot both be proven: where one side
% is open, worlds with both are discarded (known facts are never
% constrained).  These choice rules and constraints carry no doctrine label.
%
% The liability regime and the choice points of `regimes:` and
% `choice_points:`: a given value fixes the regime/position; no value gives
% the default; the value `open` makes the encoding choose exactly one (one
% answer set each).  Input validation and the projections onto regime/1 and
% position/2 are in params.lp.
%
% Input:  unknown/1, set_regime/1, set_position/2 (parameters)
% Output: every input predicate (the chosen open facts);
%         derived/2 of regime/1 and position/2, with rule/3 citations;
%         the static tables regime_value/1 and position_value/2"""
    out = [_LP_HEADER.format(name="declarations.lp", sources=SOURCES, command=COMMAND, body=body).rstrip("\n"),
           "", "#defined unknown/1.", "#defined set_regime/1.", "#defined set_position/2."]
    for heading, preds in _by_group(list(vocab.inputs.values()), src.groups):
        out.extend(["", _heading(heading or "inputs")])
        for p in preds:
            atom = f"{p.name}({_vars(p.arity)})"
            out.append(f"{{ {atom} }} :- unknown({atom}).")
    if vocab.conflicts:
        out.extend(["", _heading("conflicting pairs (`conflicts:`)")])
        for a, b in vocab.conflicts:
            n = vocab.inputs[a].arity
            x = _vars(n)
            for side in (a, b):
                out.append(f":- {a}({x}), {b}({x}), unknown({side}({x})).")
    d = _doctrine(src.regime_doctrine)
    s = _lp_string(src.regime_section)
    out.extend(["", _heading(f"the liability regime ({src.regime_doctrine}, §{src.regime_section}; "
                                  f"default {vocab.default_regime})")])
    out.append(f"regime_value({'; '.join(vocab.regimes)}).")
    out.append(f"derived(r_{d}_regime_default, regime({vocab.default_regime})) :- not set_regime(_).")
    out.append(f"derived(r_{d}_regime_set, regime(R)) :- set_regime(R), regime_value(R).")
    out.append(f"1 {{ derived(r_{d}_regime_open, regime(R)) : regime_value(R) }} 1 :- set_regime(open).")
    for kind in ("default", "set", "open"):
        out.append(f"rule(r_{d}_regime_{kind}, {d}, {s}).")
    labelled: set[str] = set()
    for c in vocab.choice_points.values():
        d = _doctrine(c.doctrine)
        sec = src.choice_sections[c.name]
        s = _lp_string(sec)
        point = c.name
        # A doctrine's first choice point labels its rules r_dNN_cp_*; a further
        # one of the same doctrine r_dNN_cp_<point>_* (labels are unique).
        cp = f"cp_{point}" if d in labelled else "cp"
        labelled.add(d)
        out.extend(["", _heading(f"{c.doctrine} (§{sec}): {point}")])
        out.append(f"position_value({point}, ({'; '.join(c.positions)})).")
        out.append(f"derived(r_{d}_{cp}_default, position({point}, {c.default})) :-")
        out.append(f"    not set_position({point}, _).")
        out.append(f"derived(r_{d}_{cp}_set, position({point}, X)) :-")
        out.append(f"    set_position({point}, X), position_value({point}, X).")
        out.append(f"1 {{ derived(r_{d}_{cp}_open, position({point}, X)) : position_value({point}, X) }} 1 :-")
        out.append(f"    set_position({point}, open).")
        for kind in ("default", "set", "open"):
            out.append(f"rule(r_{d}_{cp}_{kind}, {d}, {s}).")
    return "\n".join(out) + "\n"


def asp_show(src: _Sources) -> str:
    """The text of ``kb/asp/show.lp``."""
    body = """\
% The only file with #show: exactly the output predicates of `outputs:` and
% because/2 (explain.lp).  Query files (queries/*.lp) are loaded without this
% file and show their own answer/N.
%
% Input:  the output predicates and because/2
% Output: the shown atoms"""
    out = [_LP_HEADER.format(name="show.lp", sources=SOURCES, command=COMMAND, body=body).rstrip("\n"), ""]
    out.extend(f"#show {o.name}/{o.arity}." for o in src.vocab.outputs.values())
    out.append("#show because/2.")
    return "\n".join(out) + "\n"


# ---- the API -------------------------------------------------------------------

def generate(paths: KbPaths) -> list[GeneratedFile]:
    """Every generated file of the kb at ``paths``, from its vocabulary and doctrine table."""
    src = _read_sources(paths)
    return [GeneratedFile(PROLOG_FILE, prolog_declarations(src)),
            GeneratedFile(ASP_FILE, asp_declarations(src)),
            GeneratedFile(SHOW_FILE, asp_show(src))]


def stale_files(paths: KbPaths) -> list[GeneratedFile]:
    """The generated files whose copy in the kb is missing or differs from what the YAML gives."""
    return [f for f in generate(paths) if not f.is_current(paths.root)]


def write_declarations(paths: KbPaths) -> list[Path]:
    """Write every stale generated file into the kb; return the paths written."""
    written = []
    for item in stale_files(paths):
        target = item.path(paths.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.text, encoding="utf-8")
        written.append(target)
    return written
