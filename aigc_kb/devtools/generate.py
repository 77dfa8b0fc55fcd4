"""Generate valid cases ("worlds") from the vocabulary.

Three ways to make worlds, all giving :class:`~aigc_kb.core.model.Case` objects that
the loader accepts (every entity declared, every argument of its type, no
duplicate fact, no pair of facts the vocabulary's ``conflicts:`` forbid):

* :func:`random_case` -- a random world from a seed: several parties with
  overlapping roles, systems, works and outputs, a skeleton that makes
  infringing outputs common, and random facts of every input predicate;
* :func:`exhaustive` -- every subset of a list of candidate facts over a base
  world (2**n worlds, less those with conflicting facts); :data:`AREAS` holds
  one such fact set per doctrine area, the facts that area's rules read
  (docs/semantics.md);
* :func:`cases`, :func:`area_worlds`, :func:`worlds`, :func:`readings`,
  :func:`names` and :func:`renamings` -- hypothesis strategies (hypothesis is
  imported only when one of them is called; the package works without it).

:func:`case_to_yaml` writes a case as a case file, ready for ``cases/``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import yaml

from ..core.model import Case, Fact, Reading
from ..core.vocabulary import ENTITY_TYPES, NONE, OPEN, Vocabulary
from ..core.wording import a, any_of


#: Names the loader refuses for entities.
RESERVED_NAMES = (NONE, OPEN)
#: The prefix of generated entity names per type: ``p1``, ``s1``, ``w1``, ``o1``.
NAME_PREFIX = {"party": "p", "system": "s", "work": "w", "output": "o", "model": "m", "copy": "c"}
#: The plural of an entity type where it is not the type with an ``s``: the field of :class:`WorldSize`.
PLURAL = {"party": "parties", "copy": "copies"}


# ------------------------------------------------------------------ sizes --
@dataclass(frozen=True)
class WorldSize:
    """How big a generated world is.

    Attributes
    ----------
    parties, systems, works, outputs, models, copies : int
        How many entities of each type are declared (random worlds declare
        exactly these; hypothesis draws between 1 and these).
    facts : int
        At most this many facts beyond the skeleton.
    """

    parties: int = 4
    systems: int = 2
    works: int = 2
    outputs: int = 3
    models: int = 1
    copies: int = 1
    facts: int = 16

    def count(self, entity_type: str) -> int:
        value: int = getattr(self, PLURAL.get(entity_type, entity_type + "s"))
        return value


def entity_names(counts: Mapping[str, int]) -> dict[str, tuple[str, ...]]:
    """The default names: ``p1 … pN``, ``s1 …``, ``w1 …``, ``o1 …``."""
    return {t: tuple(f"{NAME_PREFIX[t]}{i + 1}" for i in range(counts.get(t, 0))) for t in ENTITY_TYPES}


# --------------------------------------------------------------- choosers --
class Chooser(Protocol):
    """The source of every choice a generator makes (random or hypothesis)."""

    def index(self, n: int) -> int:
        """A number in ``range(n)`` (``n >= 1``)."""

    def chance(self, p: float) -> bool:
        """True with probability about ``p``."""


class RandomChooser:
    """Choices from a :class:`random.Random`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def index(self, n: int) -> int:
        return self.rng.randrange(n)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p


# ------------------------------------------------------------ fact making --
class FactBuilder:
    """Collects facts for one world, dropping duplicates and conflicting facts."""

    def __init__(self, vocab: Vocabulary, entities: Mapping[str, Sequence[str]]) -> None:
        self.vocab = vocab
        self.entities = {t: tuple(entities.get(t, ())) for t in ENTITY_TYPES}
        self.declarations = [Fact(t, (name,)) for t in ENTITY_TYPES for name in self.entities[t]]
        self.facts: list[Fact] = []
        self._seen: set[Fact] = set(self.declarations)
        self._conflicts = conflict_partners(vocab)

    def pool(self, type_name: str) -> tuple[str, ...]:
        enum = self.vocab.enum_values(type_name)
        if enum is not None:
            return enum
        return tuple(name for t in self.vocab.entity_types_of(type_name) for name in self.entities[t])

    def admits(self, fact: Fact) -> bool:
        if fact in self._seen:
            return False
        return not any(Fact(other, fact.args) in self._seen for other in self._conflicts.get(fact.pred, ()))

    def add(self, fact: Fact) -> bool:
        if not self.admits(fact):
            return False
        self._seen.add(fact)
        self.facts.append(fact)
        return True

    def draw_fact(self, chooser: Chooser, pred: str) -> Fact | None:
        """A fact of ``pred`` with arguments chosen from the pools, if every pool is non-empty."""
        args = []
        for type_name in self.vocab.inputs[pred].args:
            pool = self.pool(type_name)
            if not pool:
                return None
            args.append(pool[chooser.index(len(pool))])
        return Fact(pred, tuple(args))


def _skeleton(builder: FactBuilder, chooser: Chooser, allowed: set[str]) -> None:
    """Roles for systems, a source and a requester for outputs, owners for works, copying."""
    ents = builder.entities

    def some(type_name: str) -> str:
        pool = ents[type_name]
        return pool[chooser.index(len(pool))]

    if ents["party"]:
        for system in ents["system"]:
            for pred, p in (("provider", 0.7), ("developer", 0.6), ("user", 0.35)):
                if pred in allowed and chooser.chance(p):
                    builder.add(Fact(pred, (some("party"), system)))
        for work in ents["work"]:
            if "owns_copyright" in allowed and chooser.chance(0.75):
                builder.add(Fact("owns_copyright", (some("party"), work)))
    for output in ents["output"]:
        if ents["system"] and "generated_by" in allowed and chooser.chance(0.85):
            builder.add(Fact("generated_by", (output, some("system"))))
        if ents["party"] and "requested_by" in allowed and chooser.chance(0.65):
            builder.add(Fact("requested_by", (output, some("party"))))
        if ents["work"] and chooser.chance(0.6):
            similar = [p for p in ("substantially_similar", "highly_similar", "derivative_of") if p in allowed]
            if similar:
                builder.add(Fact(similar[chooser.index(len(similar))], (output, some("work"))))
        if ents["party"] and "human_contribution" in allowed and chooser.chance(0.25):
            builder.add(Fact("human_contribution", (some("party"), output)))
        kinds = builder.vocab.enum_values("contribution_kind")
        if ents["party"] and kinds and "contributed_by" in allowed and chooser.chance(0.25):
            builder.add(Fact("contributed_by", (some("party"), output, kinds[chooser.index(len(kinds))])))
    # user-made models: who trained and published each, on and after which works, and what was made with it
    for model in ents.get("model", ()):
        for pred, pool, p in (("model_trained_by", "party", 0.7), ("model_trained_on", "work", 0.7),
                              ("model_published_by", "party", 0.5), ("model_named_after", "work", 0.35),
                              ("model_based_on", "system", 0.5)):
            if ents[pool] and pred in allowed and chooser.chance(p):
                builder.add(Fact(pred, (model, some(pool))))
    for output in ents["output"]:
        if ents.get("model") and "generated_with" in allowed and chooser.chance(0.35):
            builder.add(Fact("generated_with", (output, some("model"))))
    # copies in other media: who made a copy, and of which output (D29 [ext])
    for copy in ents.get("copy", ()):
        if ents["party"] and "copy_made_by" in allowed and chooser.chance(0.7):
            builder.add(Fact("copy_made_by", (copy, some("party"))))
        if ents["output"] and chooser.chance(0.7):
            degrees = [p for p in ("copy_similar", "copy_derivative_of") if p in allowed]
            if degrees:
                builder.add(Fact(degrees[chooser.index(len(degrees))], (copy, some("output"))))


def generate_facts(chooser: Chooser, vocab: Vocabulary, entities: Mapping[str, Sequence[str]], max_facts: int,
              predicates: Iterable[str] | None, skeleton: bool) -> list[Fact]:
    allowed = set(predicates) if predicates is not None else set(vocab.inputs)
    allowed -= set(ENTITY_TYPES)
    unknown = allowed - set(vocab.inputs)
    if unknown:
        raise ValueError(f"not input predicates of the vocabulary: {', '.join(sorted(unknown))}")
    builder = FactBuilder(vocab, entities)
    if skeleton:
        _skeleton(builder, chooser, allowed)
    ordered = sorted(allowed)
    added = 0
    more = 1.0 - 1.0 / (max_facts / 2.0 + 1.0)  # about max_facts / 2 extra facts on average
    while ordered and added < max_facts and chooser.chance(more):
        fact = builder.draw_fact(chooser, ordered[chooser.index(len(ordered))])
        if fact is not None and builder.add(fact):
            added += 1
    return builder.declarations + builder.facts


def _seeded(seed_or_rng: int | random.Random) -> tuple[random.Random, str]:
    if isinstance(seed_or_rng, random.Random):
        return seed_or_rng, "rng"
    return random.Random(seed_or_rng), str(seed_or_rng)


def default_vocabulary(vocab: Vocabulary | None) -> Vocabulary:
    if vocab is not None:
        return vocab
    from ..core.paths import KbPaths
    from ..core.vocabulary import load_vocabulary

    paths = KbPaths.locate()
    return load_vocabulary(paths.vocabulary, paths.doctrines)


def random_case(seed_or_rng: int | random.Random, size: WorldSize | None = None, *,
                vocab: Vocabulary | None = None, predicates: Iterable[str] | None = None,
                skeleton: bool = True, case_id: str | None = None) -> Case:
    """A random valid world.

    Parameters
    ----------
    seed_or_rng : int or random.Random
        The seed (the same seed gives the same world) or a generator to draw from.
    size : WorldSize, optional
        How many entities of each type and at most how many extra facts.
    vocab : Vocabulary, optional
        Default: the bundled vocabulary.
    predicates : iterable of str, optional
        The input predicates facts may use (default: all).
    skeleton : bool
        Start from roles, sources, requesters, owners and copying drawn per
        entity (default), so that infringing outputs are common.
    case_id : str, optional
        Default ``generated_<seed>``.

    Returns
    -------
    Case
        Titled and sourced "generated (seed N)".
    """
    rng, label = _seeded(seed_or_rng)
    size = size or WorldSize()
    vocab = default_vocabulary(vocab)
    entities = entity_names({t: size.count(t) for t in ENTITY_TYPES})
    facts = generate_facts(RandomChooser(rng), vocab, entities, size.facts, predicates, skeleton)
    name = case_id or f"generated_{label}"
    return Case(id=name, path=f"<{name}>", title=f"generated (seed {label})",
                source=f"generated (seed {label})", facts=tuple(facts))


# ---------------------------------------------------------------- platform --
@dataclass(frozen=True)
class PlatformShape:
    """The proportions of a platform-scale case (:func:`platform_case`).

    Attributes
    ----------
    users : int
        K: users, each requesting one output of the platform's system.
    works_per_user : float
        Works (each with its own rights holder) per user: K/10 by default.
    similar : float
        Share of outputs substantially similar to some work.
    highly_similar : float
        Share of all outputs that are highly similar to the work they copy
        (a subset of the similar ones).
    names_work : float
        Share of prompts that name the work the output is closest to.
    made_available : float
        Share of outputs their user makes available.
    noticed : float
        Share of outputs the provider received notice of.
    """

    users: int
    works_per_user: float = 0.1
    similar: float = 0.5
    highly_similar: float = 0.2
    names_work: float = 0.3
    made_available: float = 0.2
    noticed: float = 0.1

    def problems(self) -> list[str]:
        """What is wrong with the shape (empty when it is usable)."""
        found = [] if self.users >= 1 else ["users must be at least 1"]
        for name in ("works_per_user", "similar", "highly_similar", "names_work", "made_available", "noticed"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                found.append(f"{name} must be between 0 and 1")
        if self.highly_similar > self.similar:
            found.append("highly_similar cannot exceed similar")
        return found


def platform_case(shape: PlatformShape, seed: int = 0, case_id: str | None = None) -> Case:
    """A platform-scale case: one provider and developer, K users each requesting one output.

    The provider ``acme`` develops and offers the system ``gen`` and profits
    from it; user ``uI`` requests output ``oI``; works ``wJ`` are held by
    ``hJ``.  Outputs copy, prompts name and users make available in the
    shares of ``shape``, drawn from ``seed`` (the same seed, the same case).
    """
    if shape.problems():
        raise ValueError("; ".join(shape.problems()))
    rng = random.Random(seed)
    k = shape.users
    works = max(1, round(k * shape.works_per_user))
    width = len(str(max(k, works) - 1))
    facts: list[Fact] = [Fact("party", ("acme",)), Fact("system", ("gen",)),
                         Fact("developer", ("acme", "gen")), Fact("provider", ("acme", "gen")),
                         Fact("profits_from_service", ("acme",))]
    for j in range(works):
        work, holder = f"w{j:0{width}d}", f"h{j:0{width}d}"
        facts += [Fact("work", (work,)), Fact("party", (holder,)), Fact("owns_copyright", (holder, work))]
    highly_given_similar = shape.highly_similar / shape.similar if shape.similar else 0.0
    for i in range(k):
        user, output = f"u{i:0{width}d}", f"o{i:0{width}d}"
        work = f"w{rng.randrange(works):0{width}d}"
        facts += [Fact("party", (user,)), Fact("user", (user, "gen")), Fact("output", (output,)),
                  Fact("generated_by", (output, "gen")), Fact("requested_by", (output, user))]
        if rng.random() < shape.similar:
            facts.append(Fact("substantially_similar", (output, work)))
            if rng.random() < highly_given_similar:
                facts.append(Fact("highly_similar", (output, work)))
        if rng.random() < shape.names_work:
            facts.append(Fact("prompt_names_work", (user, output, work)))
        if rng.random() < shape.made_available:
            facts.append(Fact("made_available", (user, output)))
        if rng.random() < shape.noticed:
            facts.append(Fact("notice_received", ("acme", output)))
    name = case_id or f"platform_{k}_{seed}"
    return Case(id=name, path=f"<{name}>", title=f"generated platform case: {k} users (seed {seed})",
                source=f"generated (platform, {k} users, seed {seed})", facts=tuple(facts))


# -------------------------------------------------------------- exhaustive --
def conflict_partners(vocab: Vocabulary) -> dict[str, tuple[str, ...]]:
    """For each predicate, the predicates it conflicts with (vocabulary ``conflicts:``)."""
    out: dict[str, tuple[str, ...]] = {}
    for first, second in vocab.conflicts:
        out[first] = out.get(first, ()) + (second,)
        out[second] = out.get(second, ()) + (first,)
    return out


def conflicting(facts: Iterable[Fact], partners: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether ``facts`` hold a pair of conflicting facts of the same arguments."""
    present = set(facts)
    return any(Fact(other, f.args) in present for f in present for other in partners.get(f.pred, ()))


def declared(case: Case) -> dict[str, str]:
    """Every entity a case declares, with its type."""
    return {f.args[0]: f.pred for f in case.facts if f.pred in ENTITY_TYPES}


def exhaustive(base: Case, candidates: Sequence[Fact], vocab: Vocabulary | None = None, *,
               prefix: str | None = None) -> Iterator[Case]:
    """Every world made of ``base`` and a subset of ``candidates``.

    Subsets are taken in the order of their bit mask (bit ``i`` set: candidate
    ``i`` is in); a subset whose facts (with the base's) contain a pair the
    vocabulary's ``conflicts:`` forbid is skipped.  A world is called
    ``<prefix>_<digits>``, digit ``i`` (from the left) ``1`` when candidate ``i``
    is in.

    Raises
    ------
    ValueError
        If a candidate is already a fact of the base, appears twice, is not a
        fact of the vocabulary, or has an argument that is not a declared
        entity or enumerated value of its type.
    """
    vocab = default_vocabulary(vocab)
    names = declared(base)
    base_facts = set(base.facts)
    problems = [f"{f} is a fact of the base" for f in candidates if f in base_facts]
    problems += [f"{f} is listed twice" for f, n in Counter(candidates).items() if n > 1]
    for fact in candidates:
        spec = vocab.inputs.get(fact.pred)
        if spec is None or len(spec.args) != len(fact.args):
            problems.append(f"{fact} is not a fact of the vocabulary")
            continue
        for type_name, value in zip(spec.args, fact.args):
            allowed = vocab.entity_types_of(type_name)
            enum = vocab.enum_values(type_name)
            if allowed and names.get(value) not in allowed:
                problems.append(f"{fact}: {value!r} is not {any_of(f'declared {t}' for t in allowed)}")
            elif enum is not None and value not in enum:
                problems.append(f"{fact}: {value!r} is not {a(type_name)}")
    if problems:
        raise ValueError("; ".join(problems))
    partners = conflict_partners(vocab)
    width = len(candidates)
    prefix = prefix or base.id
    for mask in range(2 ** width):
        chosen = tuple(f for i, f in enumerate(candidates) if mask >> i & 1)
        facts = base.facts + chosen
        if conflicting(facts, partners):
            continue
        name = f"{prefix}_{''.join('1' if mask >> i & 1 else '0' for i in range(width))}" if width else prefix
        yield Case(id=name, path=f"<{name}>", title=f"{base.title} + {len(chosen)} of {width} candidates",
                   source=base.source, facts=facts, positions=base.positions)


def parse_fact(text: str) -> Fact:
    """``"pred(a, b)"`` as a :class:`Fact` (plain names only; for writing fact sets)."""
    pred, _, rest = text.partition("(")
    args = tuple(a.strip() for a in rest.rstrip(")").split(",")) if rest else ()
    return Fact(pred.strip(), args)


def _facts(*texts: str) -> tuple[Fact, ...]:
    return tuple(parse_fact(t) for t in texts)


@dataclass(frozen=True)
class Area:
    """A doctrine area: a base world and the candidate facts its rules read.

    Attributes
    ----------
    name, title : str
        Identity; ``name`` prefixes the ids of its worlds.
    doctrines : tuple[str, ...]
        The doctrines whose rules read the candidates.
    base : tuple[Fact, ...]
        Declarations and the facts every world of the area has.
    candidates : tuple[Fact, ...]
        The facts enumerated: every subset is a world.
    readings : tuple[Reading, ...]
        The readings under which the area's rules differ (regimes and
        positions they read); the first is the default reading.
    """

    name: str
    title: str
    doctrines: tuple[str, ...]
    base: tuple[Fact, ...]
    candidates: tuple[Fact, ...]
    readings: tuple[Reading, ...] = (Reading("default"),)

    def base_case(self, seed: int | None = None, noise: int = 0, vocab: Vocabulary | None = None) -> Case:
        """The base world; with a ``seed``, plus up to ``noise`` random facts over its entities.

        The random facts never repeat or conflict with a candidate, so that
        every subset of the candidates stays a valid world.
        """
        facts = self.base
        label = "base"
        if seed is not None and noise > 0:
            vocab = default_vocabulary(vocab)
            entities: dict[str, list[str]] = {t: [] for t in ENTITY_TYPES}
            for fact in self.base:
                if fact.pred in ENTITY_TYPES:
                    entities[fact.pred].append(fact.args[0])
            builder = FactBuilder(vocab, entities)
            for fact in self.base + self.candidates:
                if fact.pred not in ENTITY_TYPES:
                    builder.add(fact)
            chooser = RandomChooser(random.Random(seed))
            ordered = sorted(set(vocab.inputs) - set(ENTITY_TYPES))
            extra: list[Fact] = []
            for _ in range(noise):
                drawn = builder.draw_fact(chooser, ordered[chooser.index(len(ordered))])
                if drawn is not None and builder.add(drawn):
                    extra.append(drawn)
            facts = self.base + tuple(extra)
            label = f"seed {seed}"
        return Case(id=self.name, path=f"<{self.name}>", title=f"{self.title} ({label})",
                    source=f"generated (area {self.name}, {label})", facts=facts)

    def worlds(self, vocab: Vocabulary | None = None, seed: int | None = None, noise: int = 0) -> Iterator[Case]:
        """Every world of the area: the base with each subset of the candidates."""
        return exhaustive(self.base_case(seed, noise, vocab), self.candidates, vocab, prefix=self.name)

    def world_count(self, vocab: Vocabulary | None = None) -> int:
        """How many worlds :meth:`worlds` yields (2**n less conflicting subsets)."""
        return sum(1 for _ in self.worlds(vocab))

    def random_world(self, seed: int, noise: int = 3, vocab: Vocabulary | None = None) -> Case:
        """One world of the area drawn from ``seed``: the base, each candidate with chance 1/2, and
        up to ``noise`` random facts over the area's entities (the same seed, the same world)."""
        vocab = default_vocabulary(vocab)
        rng = random.Random(seed)
        base = self.base_case(seed, noise, vocab)
        partners = conflict_partners(vocab)
        chosen: list[Fact] = []
        for fact in self.candidates:
            if rng.random() < 0.5 and not conflicting(base.facts + tuple(chosen) + (fact,), partners):
                chosen.append(fact)
        name = f"{self.name}_s{seed}"
        return replace(base, id=name, path=f"<{name}>", facts=base.facts + tuple(chosen),
                       title=f"{self.title} (seed {seed}, {len(chosen)} of {len(self.candidates)} candidates)")


def _r(name: str, regime: str | None = None, **positions: str) -> Reading:
    return Reading(name, regime, tuple(sorted(positions.items())))


_PROVIDER_OUTPUT = ("party(acme)", "party(rh)", "system(gen)", "work(w1)", "output(o1)",
                    "provider(acme, gen)", "generated_by(o1, gen)", "owns_copyright(rh, w1)")

#: One fact set per doctrine area (docs/semantics.md): the base and the facts the area's rules read.
AREAS: tuple[Area, ...] = (
    Area("training", "Training copies and the data-mining exception",
         ("D01", "D02", "D03", "D28"),
         _facts("party(dev)", "party(rh)", "system(gen)", "work(w1)", "developer(dev, gen)"),
         _facts("owns_copyright(rh, w1)", "exclusive_licensee(dev, w1)", "provenance_record(w1, rh)",
                "trained_on(gen, w1)", "training_authorised(gen, w1)", "noncommercial_research(gen)",
                "developer(rh, gen)"),
         (_r("default"), _r("tdm_accepted", tdm_exception="accepted"),
          _r("tdm_noncommercial", tdm_exception="accepted_if_noncommercial"))),
    Area("infringement", "Outputs that copy, who generates them, and dissemination",
         ("D01", "D04", "D05", "D07", "D19", "D29"),
         _facts("party(acme)", "party(rh)", "party(bob)", "party(carol)", "system(gen)", "work(w1)",
                "output(o1)", "generated_by(o1, gen)"),
         _facts("owns_copyright(rh, w1)", "substantially_similar(o1, w1)",
                "authorised_use(o1, w1)", "provider(acme, gen)", "requested_by(o1, bob)",
                "human_contribution(bob, o1)", "made_available(carol, o1)", "reproduced(bob, o1)",
                "attribution_removed(carol, w1)"),
         (_r("default"),)),
    Area("regimes", "The provider under the four regimes: fault, knowledge, notice",
         ("D07", "D13", "D15", "D16", "D30"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "output(o2)", "generated_by(o2, gen)",
                "substantially_similar(o1, w1)", "derivative_of(o2, w1)", "requested_by(o1, bob)"),
         _facts("breach_proven(acme)", "fault_proven(acme)", "fault_rebutted(acme)",
                "notice_received(acme, o1)", "removed_promptly(acme, o1)", "provider_knew(acme, o2)",
                "provider_should_have_known(acme, o1)"),
         (_r("strict", "strict"), _r("fault", "fault"), _r("presumed_fault", "presumed_fault"),
          _r("full_reversal", "presumed_fault", presumed_fault_burden="full_reversal"),
          _r("notice_and_takedown", "notice_and_takedown"))),
    Area("duty_of_care", "The provider's duty of care: every duty met, under full reversal",
         ("D13", "D14", "D28"),
         _facts(*_PROVIDER_OUTPUT, "party(dev)", "substantially_similar(o1, w1)"),
         _facts("complaint_mechanism(acme)", "risk_warning(acme)", "labels_outputs(acme)", "aia_tag(o1)",
                "well_known(w1)", "filters_work(acme, w1)", "notice_received(acme, o1)", "developer(dev, gen)",
                "due_diligence(acme, gen)"),
         (_r("full_reversal", "presumed_fault", presumed_fault_burden="full_reversal"),)),
    Area("duty_breach", "Breaches of the duty of care under fault",
         ("D13", "D14"),
         _facts(*_PROVIDER_OUTPUT, "party(dev)", "substantially_similar(o1, w1)", "fault_proven(acme)"),
         _facts("no_complaint_mechanism(acme)", "well_known(w1)", "no_filtering(acme, w1)",
                "notice_received(acme, o1)", "via_api(acme, gen)", "developer(dev, gen)", "provider(dev, gen)",
                "no_due_diligence(acme, gen)", "recommends(acme, o1)"),
         (_r("fault", "fault"),)),
    Area("users", "The requesting user: good faith, knowledge, inducement, fair use",
         ("D09", "D10", "D11", "D12"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "requested_by(o1, bob)"),
         _facts("highly_similar(o1, w1)", "intent_proven(bob, o1)", "repeated_suggestive_prompts(bob, o1, w1)",
                "user_knew(bob, o1)", "prompt_names_work(bob, o1, w1)",
                "purpose(bob, o1, research)", "via_commercial_platform(bob, o1)"),
         (_r("strict", "strict"), _r("fault", "fault"), _r("notice_and_takedown", "notice_and_takedown"),
          _r("fair_use_accepted", personal_fair_use_noncommercial="accepted"))),
    Area("developers", "The developer in the generation stage: reasonable measures",
         ("D02", "D08"),
         _facts("party(dev)", "party(acme)", "party(rh)", "system(gen)", "work(w1)", "output(o1)",
                "developer(dev, gen)", "generated_by(o1, gen)", "owns_copyright(rh, w1)",
                "substantially_similar(o1, w1)"),
         _facts("provider(acme, gen)", "provider(dev, gen)", "anti_infringement_measures(dev, gen)",
                "routine_maintenance_only(dev, gen)", "unlawfully_sourced_data(gen)", "trained_on(gen, w1)",
                "training_authorised(gen, w1)"),
         (_r("default"), _r("not_liable", developer_without_measures="not_liable"))),
    Area("ownership", "Who owns an output: contribution, terms, default owner, tangible form",
         ("D06", "D17", "D18", "D19", "D20", "D21"),
         _facts("party(acme)", "party(bob)", "party(corp)", "party(rh)", "system(gen)", "work(w1)",
                "output(o1)", "generated_by(o1, gen)", "owns_copyright(rh, w1)"),
         _facts("provider(acme, gen)", "human_contribution(bob, o1)", "acting_for(bob, corp)",
                "terms_assign_copyright(acme, bob)", "requested_by(o1, bob)", "possesses(corp, o1)",
                "ai_named_author(gen, o1)", "substantially_similar(o1, w1)"),
         (_r("default"), _r("contributing_human", default_owner="contributing_human"))),
    Area("limits", "Exemption, mitigation and remedies",
         ("D22", "D23", "D24", "D25"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "substantially_similar(o1, w1)", "requested_by(o1, bob)"),
         _facts("force_majeure(o1)", "holder_misconduct(rh, o1)", "holder_gross_negligence(rh, o1)",
                "holder_misconduct(bob, o1)", "user_knew(bob, o1)", "inadvertent(acme, o1)",
                "provider_knew(acme, o1)", "made_available(bob, o1)"),
         (_r("default"), _r("all_parties", exemption_scope="all_parties"))),
    Area("risk", "Insurance, contracts and recourse",
         ("D11", "D26", "D27", "D31"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "party(dev)", "party(ins)", "substantially_similar(o1, w1)",
                "requested_by(o1, bob)", "developer(dev, gen)"),
         _facts("covered_by(acme, ins, insurance)", "inadvertent(acme, o1)", "intent_proven(acme, o1)",
                "intent_proven(bob, o1)", "indemnifies(dev, acme)", "disclaimer(dev, acme)",
                "disclaimer(acme, bob)", "disclaimer(bob, acme)"),
         (_r("strict", "strict"), _r("notice_and_takedown", "notice_and_takedown"))),
)


_TWO_USERS = ("party(acme)", "party(bob)", "party(carol)", "system(gen)", "output(o1)", "output(o2)",
              "provider(acme, gen)", "user(bob, gen)", "user(carol, gen)", "generated_by(o1, gen)",
              "generated_by(o2, gen)", "requested_by(o1, bob)", "requested_by(o2, carol)")

#: Areas that reach each wrong outcome of issue 13 (the edges the invariants I01-I10 guard).  Kept apart
#: from :data:`AREAS` (whose worlds the agreement tests enumerate): :mod:`aigc_kb.devtools.audit` draws
#: from them, and ``aigc-kb generate --area NAME`` writes them.
FIX_AREAS: tuple[Area, ...] = (
    Area("fix_holders", "Rights holders and exclusive licensees acting on their own works (fix 1)",
         ("D02", "D04", "D29"),
         _facts("party(acme)", "party(bob)", "system(gen)", "work(w1)", "output(o1)", "provider(acme, gen)",
                "generated_by(o1, gen)", "substantially_similar(o1, w1)"),
         _facts("owns_copyright(acme, w1)", "owns_copyright(bob, w1)", "exclusive_licensee(bob, w1)",
                "developer(acme, gen)", "trained_on(gen, w1)", "requested_by(o1, bob)",
                "prompt_names_work(bob, o1, w1)", "derivative_of(o1, w1)", "made_available(acme, o1)",
                "made_available(bob, o1)"),
         (_r("strict", "strict"), _r("notice_and_takedown", "notice_and_takedown"))),
    Area("fix_exemptions", "Exemption and mitigation with several victims, outputs and a training copy (fix 2)",
         ("D22", "D23", "D24"),
         _facts("party(acme)", "party(rh1)", "party(rh2)", "system(gen)", "work(w1)", "work(w2)", "output(o1)",
                "output(o2)", "provider(acme, gen)", "generated_by(o1, gen)", "generated_by(o2, gen)",
                "owns_copyright(rh1, w1)", "owns_copyright(rh2, w2)", "substantially_similar(o1, w1)"),
         _facts("derivative_of(o1, w2)", "substantially_similar(o2, w2)", "force_majeure(o1)",
                "holder_misconduct(rh1, o1)", "holder_gross_negligence(rh1, o1)", "developer(acme, gen)",
                "trained_on(gen, w2)", "breach_proven(acme)", "fault_proven(acme)"),
         (_r("strict", "strict"), _r("fault", "fault"), _r("all_parties", exemption_scope="all_parties"))),
    Area("fix_terms", "Several users under one terms-of-service term (fix 5)",
         ("D19", "D29"),
         _facts(*_TWO_USERS),
         _facts("human_contribution(bob, o1)", "human_contribution(carol, o2)", "terms_assign_copyright(acme, bob)",
                "terms_assign_copyright(acme, carol)", "made_available(carol, o1)", "attribution_removed(carol, o1)",
                "reproduced(bob, o2)", "dissemination_authorised(carol, o1)"),
         (_r("default"), _r("contributing_human", default_owner="contributing_human"))),
    Area("fix_self_run", "A user running its own copy of a model someone else also offers (fix 6)",
         ("D07", "D19"),
         _facts("party(acme)", "party(bob)", "party(rh)", "system(gen)", "work(w1)", "output(o1)",
                "provider(acme, gen)", "generated_by(o1, gen)", "requested_by(o1, bob)", "owns_copyright(rh, w1)"),
         _facts("runs_itself(bob, gen)", "user(bob, gen)", "human_contribution(bob, o1)",
                "substantially_similar(o1, w1)", "developer(acme, gen)", "made_available(bob, o1)",
                "terms_assign_copyright(acme, bob)"),
         (_r("strict", "strict"), _r("contributing_human", default_owner="contributing_human"))),
    Area("fix_provenance", "Provenance records against proven owners (fix 7)",
         ("D28", "D29"),
         _facts("party(own)", "party(rec)", "work(w1)"),
         _facts("owns_copyright(own, w1)", "owns_copyright(rec, w1)", "provenance_record(w1, rec)",
                "provenance_record(w1, own)", "made_available(rec, w1)", "reproduced(rec, w1)",
                "attribution_removed(rec, w1)", "dissemination_authorised(rec, w1)"),
         (_r("default"),)),
    Area("fix_outputs", "Outputs as protected works: copying and reposting another's output (fix 12)",
         ("D04", "D20", "D29"),
         _facts(*_TWO_USERS),
         _facts("human_contribution(bob, o1)", "human_contribution(carol, o2)", "made_available(carol, o1)",
                "reproduced(carol, o1)", "attribution_removed(carol, o1)", "made_available(bob, o1)",
                "dissemination_authorised(carol, o1)"),
         (_r("default"), _r("contributing_human", default_owner="contributing_human"))),
    Area("fix_staff", "Staff acting for an insured provider; knowledge and insurance (fix 4)",
         ("D19", "D26"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "party(ins)", "substantially_similar(o1, w1)",
                "covered_by(acme, ins, insurance)"),
         _facts("acting_for(bob, acme)", "requested_by(o1, bob)", "user_knew(bob, o1)", "intent_proven(bob, o1)",
                "provider_knew(acme, o1)", "notice_received(acme, o1)", "inadvertent(acme, o1)",
                "human_contribution(bob, o1)"),
         (_r("strict", "strict"), _r("notice_and_takedown", "notice_and_takedown"))),
    # ---- memorisation and acts of staff (issue 14, situations 3 and 4)
    Area("fix_memorisation", "A model that memorised a work: training copy, regurgitation, filtering (issue 14)",
         ("D02", "D03", "D08", "D14"),
         _facts(*_PROVIDER_OUTPUT, "party(dev)", "party(bob)", "developer(dev, gen)", "requested_by(o1, bob)",
                "substantially_similar(o1, w1)", "memorised(gen, w1)"),
         _facts("training_authorised(gen, w1)", "trained_on(gen, w1)", "owns_copyright(dev, w1)",
                "anti_infringement_measures(dev, gen)", "routine_maintenance_only(dev, gen)", "lawfully_sourced(gen)",
                "no_filtering(acme, w1)", "fault_proven(acme)"),
         (_r("strict", "strict"), _r("fault", "fault"), _r("notice_and_takedown", "notice_and_takedown"),
          _r("full_reversal", "presumed_fault", presumed_fault_burden="full_reversal"),
          _r("tdm_accepted", tdm_exception="accepted"))),
    Area("staff_acts", "What staff and agents request, disseminate or copy for training binds the principal (issue 14)",
         ("D02", "D11", "D13", "D26", "D31"),
         _facts(*_PROVIDER_OUTPUT, "party(emp)", "party(corp)", "party(ins)", "system(lm)",
                "substantially_similar(o1, w1)", "requested_by(o1, emp)", "developer(emp, lm)"),
         _facts("acting_for(emp, acme)", "acting_for(emp, corp)", "intent_proven(emp, o1)", "user_knew(emp, o1)",
                "made_available(emp, o1)", "trained_on(lm, w1)", "covered_by(acme, ins, insurance)",
                "inadvertent(acme, o1)", "owns_copyright(corp, w1)"),
         (_r("strict", "strict"), _r("fault", "fault"), _r("notice_and_takedown", "notice_and_takedown"),
          _r("under_regime", "fault", provider_own_dissemination="under_regime"))),
    Area("fix_own_dissemination", "The provider's own dissemination and the safe harbour (fix 3)",
         ("D13", "D15"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "substantially_similar(o1, w1)", "requested_by(o1, bob)"),
         _facts("made_available(acme, o1)", "recommends(acme, o1)", "notice_received(acme, o1)",
                "removed_promptly(acme, o1)", "breach_proven(acme)", "fault_proven(acme)", "provider_knew(acme, o1)"),
         (_r("notice_and_takedown", "notice_and_takedown"), _r("fault", "fault"),
          _r("presumed_fault", "presumed_fault"),
          _r("notice_and_takedown_under_regime", "notice_and_takedown",
             provider_own_dissemination="under_regime"),
          _r("fault_under_regime", "fault", provider_own_dissemination="under_regime"))),
    Area("fix_models", "User-made models: training copies, trainers, named models and notice about a model",
         ("D02", "D03", "D08", "D10", "D11", "D13", "D15"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "party(carol)", "model(m1)", "model_based_on(m1, gen)",
                "generated_with(o1, m1)", "requested_by(o1, carol)", "substantially_similar(o1, w1)"),
         _facts("model_trained_by(m1, bob)", "model_trained_on(m1, w1)", "model_named_after(m1, w1)",
                "model_published_by(m1, bob)", "model_training_authorised(m1, w1)",
                "model_notice_received(acme, m1)", "model_removed_promptly(acme, m1)", "requested_by(o1, bob)",
                "owns_copyright(bob, w1)"),
         (_r("strict", "strict"), _r("notice_and_takedown", "notice_and_takedown"), _r("fault", "fault"),
          _r("tdm_accepted", tdm_exception="accepted"))),
    # ---- copies in other media (issue 14, situation 5)
    Area("fix_copies", "Copies of outputs by third parties and in other media: posters, products, the owner's own copy",
         ("D04", "D17", "D20", "D29"),
         _facts(*_TWO_USERS, "party(dan)", "party(rh)", "work(w1)", "copy(c1)", "copy(c2)",
                "owns_copyright(rh, w1)", "copy_made_by(c1, dan)", "copy_similar(c1, o1)",
                "copy_medium(c1, print)", "copy_medium(c2, physical_product)", "copy_derivative_of(c2, o1)"),
         _facts("human_contribution(bob, o1)", "terms_assign_copyright(acme, bob)", "substantially_similar(o1, w1)",
                "copy_distributed(c1, dan)", "copy_made_available(c1, carol)", "copy_authorised(c1)",
                "dissemination_authorised(dan, o1)", "copy_made_by(c2, bob)", "copy_distributed(c2, dan)"),
         (_r("default"), _r("licence_fee", remedy="licence_fee"),
          _r("contributing_human", default_owner="contributing_human"))),
    # ---- exemption of what staff did; notice about a model and the filtering duty (issue 14, last items)
    Area("fix_staff_exemption", "A principal exempted or mitigated with its agent under exemption_scope",
         ("D13", "D22", "D23"),
         _facts(*_PROVIDER_OUTPUT, "party(emp)", "party(corp)", "requested_by(o1, emp)",
                "substantially_similar(o1, w1)"),
         _facts("acting_for(emp, corp)", "user_knew(emp, o1)", "made_available(emp, o1)", "force_majeure(o1)",
                "holder_misconduct(rh, o1)", "holder_gross_negligence(rh, o1)", "owns_copyright(corp, w1)"),
         (_r("default"), _r("all_parties", exemption_scope="all_parties"),
          _r("all_parties_fault", "fault", exemption_scope="all_parties"))),
    Area("fix_model_notice_filtering", "Notice about a model: its works are notified works the provider must filter",
         ("D13", "D14", "D15"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "work(w2)", "output(o2)", "model(m1)", "model_based_on(m1, gen)",
                "generated_with(o1, m1)", "requested_by(o1, bob)", "substantially_similar(o1, w1)",
                "generated_by(o2, gen)", "requested_by(o2, bob)", "substantially_similar(o2, w2)",
                "owns_copyright(rh, w2)", "model_notice_received(acme, m1)", "complaint_mechanism(acme)",
                "risk_warning(acme)", "labels_outputs(acme)"),
         _facts("model_trained_on(m1, w1)", "model_named_after(m1, w2)", "no_filtering(acme, w1)",
                "filters_updated_after_notice(acme, w2)", "fault_proven(acme)", "model_removed_promptly(acme, m1)"),
         (_r("fault", "fault"), _r("full_reversal", "presumed_fault", presumed_fault_burden="full_reversal"),
          _r("notice_and_takedown", "notice_and_takedown"))),
    Area("fix_unrelated_breach", "A breach unrelated to the harm; joint and recourse (fixes 9, 10)",
         ("D11", "D14", "D31"),
         _facts(*_PROVIDER_OUTPUT, "party(bob)", "system(other)", "work(w2)", "substantially_similar(o1, w1)",
                "requested_by(o1, bob)", "fault_proven(acme)"),
         _facts("well_known(w2)", "no_filtering(acme, w2)", "via_api(acme, other)", "no_due_diligence(acme, other)",
                "intent_proven(bob, o1)", "purpose(bob, o1, personal_study)", "requested_by(o1, acme)"),
         (_r("presumed_fault", "presumed_fault"), _r("fault", "fault"), _r("strict", "strict"),
          _r("fair_use_accepted", personal_fair_use_noncommercial="accepted"))),
)


def area(name: str) -> Area:
    """The area called ``name`` (of :data:`AREAS` or :data:`FIX_AREAS`)."""
    for candidate in AREAS + FIX_AREAS:
        if candidate.name == name:
            return candidate
    raise KeyError(f"no area {name!r} (one of {', '.join(a.name for a in AREAS + FIX_AREAS)})")


# ---------------------------------------------------------------- readings --
def one_at_a_time_readings(vocab: Vocabulary) -> list[Reading]:
    """Every regime with the choice points at their defaults, then every choice point
    moved to each of its other positions, one at a time (under the default regime,
    and ``presumed_fault_burden`` under ``presumed_fault``, the regime that reads it)."""
    out = [Reading(regime, regime) for regime in vocab.regimes]
    for point in vocab.choice_points.values():
        regime = "presumed_fault" if point.name == "presumed_fault_burden" else None
        for position in point.positions:
            if position != point.default:
                out.append(Reading(f"{point.name}={position}", regime, ((point.name, position),)))
    return out


def random_reading(seed_or_rng: int | random.Random, vocab: Vocabulary | None = None) -> Reading:
    """A regime and a position for every choice point, all drawn at random."""
    rng, _ = _seeded(seed_or_rng)
    vocab = default_vocabulary(vocab)
    regime = rng.choice(vocab.regimes)
    positions = tuple(sorted((p.name, rng.choice(p.positions)) for p in vocab.choice_points.values()))
    return Reading("random", regime, positions)


# ---------------------------------------------------------------- renaming --
def rename_case(case: Case, mapping: Mapping[str, str], vocab: Vocabulary | None = None) -> Case:
    """``case`` with every entity name replaced through ``mapping`` (names not in it unchanged).

    Only arguments the vocabulary types as entities are renamed; enumerated
    values (a purpose, a cover kind) stay, even where an entity has the same name.
    """
    vocab = default_vocabulary(vocab)

    def rename(fact: Fact) -> Fact:
        types = (fact.pred,) if fact.pred in ENTITY_TYPES else vocab.inputs[fact.pred].args
        return Fact(fact.pred, tuple(mapping.get(a, a) if vocab.entity_types_of(t) else a
                                     for t, a in zip(types, fact.args)))

    return replace(case, facts=tuple(rename(f) for f in case.facts),
                   unknown=tuple(rename(f) for f in case.unknown))


def rename_conclusion_args(pred: str, args: Sequence[str], mapping: Mapping[str, str],
                           vocab: Vocabulary | None = None) -> tuple[str, ...]:
    """The arguments of a conclusion of ``pred`` with entity names renamed through ``mapping``."""
    vocab = default_vocabulary(vocab)
    types = vocab.outputs[pred].arg_types
    return tuple(mapping.get(a, a) if vocab.entity_types_of(t) else a for t, a in zip(types, args))


# -------------------------------------------------------------------- yaml --
#: Lower-case names that YAML 1.1 would read as something other than the name.
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_YAML_PLAIN = re.compile(r"[a-z][a-z0-9_]*")


def _plain(value: object) -> bool:
    return isinstance(value, str) and _YAML_PLAIN.fullmatch(value) is not None and value not in _YAML_WORDS


def _flow(value: object) -> str:
    """``value`` as a YAML flow node on one line that reads back as ``value``.

    Plain lower-case names (and lists of them) are written as they are;
    anything else through PyYAML.  Non-ASCII text is written as itself,
    except where PyYAML would not read it back (it writes NEL, U+0085, raw in
    a quoted scalar, where it reads as a line break): then every non-ASCII
    character is escaped.
    """
    if _plain(value):
        return str(value)
    if isinstance(value, list) and value and all(_plain(v) for v in value):
        return "[" + ", ".join(value) + "]"
    for allow_unicode in (True, False):
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=allow_unicode, width=2 ** 30)
        text = text.rstrip("\n")
        if text.endswith("\n..."):
            text = text[: -len("\n...")]
        if yaml.safe_load(text) == value:
            break
    return text


def case_to_yaml(case: Case, readings: Sequence[Reading] = (), *, comment: Sequence[str] = (),
                 tests: Sequence[str] = ()) -> str:
    """The case as a case file (YAML), ready for ``cases/``.

    Parameters
    ----------
    case : Case
        Its id becomes the file's ``id`` (the file must be called ``<id>.yaml``).
    readings : sequence of Reading
        Each written as an ``expect`` entry without expectations, for the
        reader to fill in; ``aigc-kb check`` compares both engines under each.
    comment : sequence of str
        Lines written as ``#`` comments at the top (e.g. what disagrees).
    tests : sequence of str
        ``tests:`` entries such as ``D07+``.
    """
    lines = [f"# {line}" if line else "#" for line in (" ".join(c.splitlines()) for c in comment)]
    lines.append(f"id: {_flow(case.id)}")
    lines.append(f"title: {_flow(case.title or case.id)}")
    lines.append(f"source: {_flow(case.source or 'generated')}")
    if tests:
        lines.append(f"tests: {_flow(list(tests))}")
    lines.append("facts:")
    for fact in case.facts:
        value: object = fact.args[0] if len(fact.args) == 1 else list(fact.args)
        lines.append(f"  - {fact.pred}: {_flow(value)}")
    if case.unknown:
        lines.append("unknown:")
        for fact in case.unknown:
            value = fact.args[0] if len(fact.args) == 1 else list(fact.args)
            lines.append(f"  - {fact.pred}: {_flow(value)}")
    if case.positions:
        lines.append(f"positions: {_flow(dict(case.positions))}")
    if readings:
        lines.append("expect:")
    for reading in readings:
        lines.append(f"  - reading: {_flow(reading.name)}")
        if reading.regime:
            lines.append(f"    regime: {_flow(reading.regime)}")
        if reading.positions:
            lines.append(f"    positions: {_flow(dict(reading.positions))}")
    return "\n".join(lines) + "\n"


__all__ = [
    "AREAS", "FIX_AREAS", "RESERVED_NAMES", "Area", "Chooser", "FactBuilder", "PlatformShape", "RandomChooser",
    "WorldSize",
    "area", "platform_case",
    "case_to_yaml", "conflict_partners", "conflicting", "declared", "default_vocabulary", "entity_names",
    "exhaustive", "generate_facts", "one_at_a_time_readings", "parse_fact", "random_case", "random_reading",
    "rename_case", "rename_conclusion_args",
]
