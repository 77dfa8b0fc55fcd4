"""Hypothesis strategies over the world generator (:mod:`aigc_kb.devtools.generate`).

Random valid worlds, worlds across doctrine areas, full readings, hostile
entity names and renamings; shrinking moves towards fewer facts and the
defaults.  Used by the test suite only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from aigc_kb.core.model import Case, Reading
from aigc_kb.core.vocabulary import ENTITY_TYPES, Vocabulary
from aigc_kb.devtools.generate import (AREAS, RESERVED_NAMES, Area, FactBuilder, WorldSize, conflict_partners,
                                       conflicting, declared, default_vocabulary, entity_names, generate_facts)


class DrawChooser:
    """Choices drawn from hypothesis: shrinks towards index 0 and ``False``."""

    def __init__(self, draw: DrawFn) -> None:
        self._draw = draw

    def index(self, n: int) -> int:
        value: int = self._draw(st.integers(0, n - 1))
        return value

    def chance(self, p: float) -> bool:
        trues = max(0, min(20, round(p * 20)))
        table = [False] * (20 - trues) + [True] * trues
        value: bool = self._draw(st.sampled_from(table))
        return value



def cases(size: WorldSize | None = None, *, vocab: Vocabulary | None = None,
          predicates: Iterable[str] | None = None, skeleton: bool = True) -> SearchStrategy[Case]:
    """A hypothesis strategy of random valid worlds (see :func:`random_case`).

    Entity counts are drawn between 1 and the ``size``; shrinking removes
    facts and entities and moves arguments towards the first entity.
    """

    size = size or WorldSize()
    vocab = default_vocabulary(vocab)
    allowed = tuple(predicates) if predicates is not None else None

    @st.composite
    def build(draw: DrawFn) -> Case:
        counts = {t: draw(st.integers(1, max(1, size.count(t)))) for t in ENTITY_TYPES}
        facts = generate_facts(DrawChooser(draw), vocab, entity_names(counts), size.facts, allowed, skeleton)
        return Case(id="generated_hypothesis", path="<hypothesis>", title="generated (hypothesis)",
                    source="generated (hypothesis)", facts=tuple(facts))

    strategy: SearchStrategy[Case] = build()
    return strategy


def area_worlds(areas: Sequence[Area] = AREAS, *, vocab: Vocabulary | None = None,
                extra_facts: int = 4) -> SearchStrategy[Case]:
    """A hypothesis strategy of worlds across doctrine areas.

    Draws an area, a subset of its candidates (without conflicting pairs) and
    up to ``extra_facts`` random facts of any predicate over the area's
    entities.  Shrinking drops candidates and extra facts.
    """

    vocab = default_vocabulary(vocab)
    partners = conflict_partners(vocab)
    ordered = sorted(set(vocab.inputs) - set(ENTITY_TYPES))

    @st.composite
    def build(draw: DrawFn) -> Case:
        chosen_area: Area = draw(st.sampled_from(list(areas)))
        flags = draw(st.lists(st.booleans(), min_size=len(chosen_area.candidates),
                              max_size=len(chosen_area.candidates)))
        chosen = [f for f, keep in zip(chosen_area.candidates, flags) if keep]
        entities: dict[str, list[str]] = {t: [] for t in ENTITY_TYPES}
        for fact in chosen_area.base:
            if fact.pred in ENTITY_TYPES:
                entities[fact.pred].append(fact.args[0])
        builder = FactBuilder(vocab, entities)
        for fact in chosen_area.base:
            if fact.pred not in ENTITY_TYPES:
                builder.add(fact)
        for fact in chosen:
            if not conflicting(builder.facts + [fact], partners):
                builder.add(fact)
        chooser = DrawChooser(draw)
        added = 0
        while added < extra_facts and chooser.chance(0.5):
            drawn = builder.draw_fact(chooser, ordered[chooser.index(len(ordered))])
            if drawn is not None and builder.add(drawn):
                added += 1
        name = f"{chosen_area.name}_hypothesis"
        return Case(id=name, path=f"<{name}>", title=f"{chosen_area.title} (hypothesis)",
                    source=f"generated (area {chosen_area.name}, hypothesis)",
                    facts=tuple(builder.declarations + builder.facts))

    strategy: SearchStrategy[Case] = build()
    return strategy


def worlds(size: WorldSize | None = None, areas: Sequence[Area] = AREAS, *,
           vocab: Vocabulary | None = None) -> SearchStrategy[Case]:
    """A hypothesis strategy of worlds of either kind: across doctrine areas
    (:func:`area_worlds`) or over the whole vocabulary (:func:`cases`)."""

    vocab = default_vocabulary(vocab)
    strategy: SearchStrategy[Case] = st.one_of(area_worlds(areas, vocab=vocab), cases(size, vocab=vocab))
    return strategy


def readings(vocab: Vocabulary | None = None) -> SearchStrategy[Reading]:
    """A hypothesis strategy of full readings: a regime and a position for every choice point.

    Shrinks towards the defaults (the first regime is ``strict``, the first
    position of each choice point its default).
    """

    vocab = default_vocabulary(vocab)
    regimes = [vocab.default_regime] + [r for r in vocab.regimes if r != vocab.default_regime]
    points = [(p.name, [p.default] + [x for x in p.positions if x != p.default])
              for p in vocab.choice_points.values()]

    def make(regime: str, positions: list[str]) -> Reading:
        return Reading("random", regime, tuple(sorted(zip([n for n, _ in points], positions))))

    strategy: SearchStrategy[Reading] = st.builds(
        make, st.sampled_from(regimes), st.tuples(*(st.sampled_from(v) for _, v in points)).map(list))
    return strategy


#: Names that have broken quoting somewhere: quotes, escapes, program syntax, scripts.
HOSTILE_NAMES = ("O'Brien", 'Acme "AI" Ltd.', "x). :- halt.", "a\\b", "#show liable/4.", "奥特曼 Ultraman",
                 " spaced  out ", "p1", "s1", "o1", "w1", "Upper", "_under", "42", "3.14", "[]", "{}", "'",
                 '"', "\\", "not", "inf", "sup", "%comment", "/* c */", "line\nbreak", "tab\there", "é",
                 "🤖", "none_", "nonE", "Open", "research", "primary", "strict", "reproduction", "insurance",
                 "party", "output", "liable", "yes", "null", "~", "- item", "key: value", "&anchor", "*alias",
                 "next\x85line", "line\u2028separator", "\ufeffbom")


def _valid_name(text: str) -> bool:
    return bool(text) and "\0" not in text and text not in RESERVED_NAMES


def names() -> SearchStrategy[str]:
    """A hypothesis strategy of entity names the loader accepts: any text but
    NUL, the empty name and the reserved words, favouring hostile ones."""

    text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\0"), min_size=1, max_size=12)
    strategy: SearchStrategy[str] = st.one_of(st.sampled_from(HOSTILE_NAMES), text).filter(_valid_name)
    return strategy


def renamings(case: Case) -> SearchStrategy[dict[str, str]]:
    """A hypothesis strategy of bijections from the entity names of ``case`` to new names."""

    old = sorted(declared(case))
    strategy: SearchStrategy[dict[str, str]] = st.lists(
        names(), min_size=len(old), max_size=len(old), unique=True).map(lambda new: dict(zip(old, new)))
    return strategy
