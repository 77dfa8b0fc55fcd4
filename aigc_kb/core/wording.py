"""Small helpers that word messages: the indefinite article of a noun."""

from __future__ import annotations

from typing import Iterable

#: Words beginning with a vowel letter that take "a" (a consonant sound), and words beginning
#: with a consonant letter that take "an" (a silent h).
_A_BEFORE = ("uni", "use", "usu", "eu", "one")
_AN_BEFORE = ("hour", "honest", "honour")


def article(noun: str) -> str:
    """``"a"`` or ``"an"``, by the sound the noun begins with (``article("output") == "an"``)."""
    word = noun.lstrip("`'\"*_ ").lower()
    if word.startswith(_AN_BEFORE):
        return "an"
    if word.startswith(_A_BEFORE):
        return "a"
    return "an" if word[:1] in ("a", "e", "i", "o", "u") else "a"


def a(noun: str) -> str:
    """The noun with its indefinite article: ``a("output") == "an output"``, ``a("party") == "a party"``."""
    return f"{article(noun)} {noun}"


def any_of(nouns: Iterable[str]) -> str:
    """Nouns with their articles, joined by "or": ``"a work or an output"``."""
    return " or ".join(a(n) for n in nouns)
