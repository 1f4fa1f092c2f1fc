"""A kind of the garment asked for, ruled out: "a top that isn't a crop top", "a dress, just
not a maxi dress". The shopper still wants the garment; the word before it names the kind
they refuse, which the catalogue has no label for, so the garment stays wanted."""

from __future__ import annotations

from collections.abc import Sequence

from fitroom.tools.reader.cue_words import IMPLIED_PATTERN
from fitroom.tools.reader.features import ATTRIBUTE as FEATURE
from fitroom.tools.reader.spans import Cue, Span

_GARMENTS = frozenset({"article_type", "category"})
_LOOKS = frozenset({"colour", "colour_master", "pattern"})  # "it in pink", "one in stripes"
_POINTERS = frozenset({"it", "them", "one", "ones"})
_ONES = frozenset({"one", "ones", "pair", "pairs"})  # "can I get it in pink?"


def kinds_refused(
    tokens: Sequence[str], spans: Sequence[Span], ruled: dict[Span, bool], cues: Sequence[Cue]
) -> set[Span]:
    """Ruled-out garment spans that only qualify a garment also asked for in the message."""
    asked = [s for s in spans if s not in ruled and s.attribute in _GARMENTS]
    wanted = {label for s in asked for label in s.labels}
    phrases = {_phrase(tokens, s) for s in asked}
    features = {s.start + s.length for s in ruled if s.attribute == FEATURE}
    taken = {k for s in spans for k in range(s.start, s.start + s.length)}
    taken |= {k for c in cues for k in range(c.start, c.start + c.length)}

    def qualified(s: Span) -> bool:
        if s.start in features:
            return True  # "jeans, just not skinny jeans": the feature is what is refused
        if s.length > min(a.length for a in asked if set(a.labels) & set(s.labels)):
            return True  # "a dress, not a maxi dress": the kind is in the phrase
        before = s.start - 1
        return before >= 0 and before not in taken and _qualifier(tokens[before])

    return {
        s
        for s in ruled
        if s.attribute in _GARMENTS
        and set(s.labels) <= wanted
        # "trousers, not skinny jeans" still rules out denim; "jeans, not skinny ones" not
        and (not _says_pattern(tokens, s) or _phrase(tokens, s) in phrases)
        and qualified(s)
    }


def asked_again(tokens: Sequence[str], spans: Sequence[Span], ruled: dict[Span, bool]) -> set[Span]:
    """Ruled-out garment spans asked for again: by a pointer with a new colour or pattern ("I
    already own this vest top in white, can I get it in pink?" wants the vest top, not white),
    or by name ("returning this dress, the dots were a mistake. anything else in dresses?")."""
    garments = [s for s in spans if s.attribute in _GARMENTS]
    wanted = [s for s in spans if s not in ruled and s.attribute in _LOOKS | {FEATURE}]
    wanted_modifiers = {s.start for s in wanted if s.attribute != FEATURE}
    # "skinny jeans are so over, wide leg ones": a wanted look or cut right before "ones"
    described = {s.start + s.length for s in wanted}
    pointed: set[Span] = set()
    for k, token in enumerate(tokens):
        ahead = range(k + 1, min(k + 5, len(tokens)))
        after_look = token in _ONES and k in described
        if after_look or (token in _POINTERS and any(j in wanted_modifiers for j in ahead)):
            before = [s for s in garments if s.start < k]
            pointed |= set(before[-1:])  # "it" is the garment named last
    named: set[Span] = set()
    for n, s in enumerate(garments):
        later = garments[n + 1 :]
        if any(t not in ruled and set(t.labels) & set(s.labels) for t in later):
            named.add(s)
    # A pointer means the very garment, jeans and their denim too; a name alone may not
    # ("not jeans, proper trousers" rules out denim).
    named = {s for s in named if not _says_pattern(tokens, s)}
    return {s for s in pointed | named if s in ruled}


def _phrase(tokens: Sequence[str], span: Span) -> str:
    return " ".join(tokens[span.start : span.start + span.length])


def _says_pattern(tokens: Sequence[str], span: Span) -> bool:
    """ "Not jeans, proper trousers" rules out denim (`IMPLIED_PATTERN`), whatever else is
    wanted."""
    return _phrase(tokens, span) in IMPLIED_PATTERN


def _qualifier(word: str) -> bool:
    """A word that can name a kind: not a determiner, number or punctuation."""
    return word.isalpha() and len(word) > 2 and word not in _NOT_KINDS


_NOT_KINDS = frozenset(
    "the any one ones another more other these those that this some such new old same".split()
)
