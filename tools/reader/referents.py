"""Whom "she" and "him" point at when the message named the person only in its story: in "my
daughter (10) says pink is for babies now. she needs a jumper" the jumper is for a child, not
a woman, though "my daughter" gave an opinion rather than said whom the clothes are for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from fitroom.tools.reader.cue_words import OTHER_PEOPLE
from fitroom.tools.reader.reading import Match
from fitroom.tools.reader.spans import Span

_PARTICULAR = frozenset({"my", "our", "his", "her", "their", "the", "your"})
_HE = frozenset({"he", "him", "his", "hes"})
_SHE = frozenset({"she", "her", "shes"})
_MALE = frozenset(
    "son sons grandson nephew lad boy boys dad daddy father husband hubby boyfriend bf brother"
    " uncle grandad grandpa granddad fiance partner".split()
)
_FEMALE = frozenset(
    "daughter daughters granddaughter niece girl girls mum mom mummy mommy mother wife"
    " girlfriend gf sister aunt auntie grandma granny nan nana fiancee partner".split()
)
_SOMEONE = OTHER_PEOPLE | _MALE | _FEMALE


def resolve(tokens: Sequence[str], spans: list[Span], people: Sequence[Span]) -> list[Span]:
    """`spans` with each pronoun read as the latest person named before it whose sex it
    agrees with, among `people` (named in the story, so not read as whom it is for) who are
    someone in particular: "my grandson", not "checks are for grandads"."""
    known = [p for p in people if p.start > 0 and tokens[p.start - 1] in _PARTICULAR]
    return [_referred(tokens, s, known) if s.how == "pronoun" else s for s in spans]


def _referred(tokens: Sequence[str], pronoun: Span, people: Sequence[Span]) -> Span:
    word = tokens[pronoun.start]
    before = [p for p in people if p.start < pronoun.start and _agrees(tokens, p, word)]
    if not before:
        return pronoun
    person = max(before, key=lambda p: p.start)
    return replace(pronoun, labels=person.labels, how="referent")


def _agrees(tokens: Sequence[str], person: Span, pronoun: str) -> bool:
    words = set(tokens[person.start : person.start + person.length])
    male, female = bool(words & _MALE), bool(words & _FEMALE)
    if pronoun in _HE:
        return male or not female  # "the twins ... he" cannot be told apart; "kid" is either
    return (female or not male) if pronoun in _SHE else False


def for_someone_else(matches: Sequence[Match]) -> bool:
    """Whether the message asks for clothes for someone other than the shopper ("a jumper for
    my dad, he hates patterns"): then the tastes it states are theirs, not the shopper's to
    remember."""
    return any(
        m.attribute == "gender"
        and not m.negated
        and (m.label == "Kids" or bool(set(m.phrase.split()) & _SOMEONE))
        for m in matches
    )
