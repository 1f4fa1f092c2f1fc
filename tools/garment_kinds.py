"""A kind of the garment asked for, ruled out: "a top that isn't a crop top", "a dress, just
not a maxi dress". The shopper still wants the garment; the word before it names the kind
they refuse, which the catalogue has no label for, so the garment stays wanted."""

from __future__ import annotations

from collections.abc import Sequence

from fitroom.tools.reader_words import IMPLIED_PATTERN
from fitroom.tools.spans import Cue, Span

_GARMENTS = frozenset({"article_type", "category"})


def kinds_refused(
    tokens: Sequence[str], spans: Sequence[Span], ruled: dict[Span, bool], cues: Sequence[Cue]
) -> set[Span]:
    """Ruled-out garment spans that only qualify a garment also asked for in the message."""
    asked = [s for s in spans if s not in ruled and s.attribute in _GARMENTS]
    wanted = {label for s in asked for label in s.labels}
    taken = {k for s in spans for k in range(s.start, s.start + s.length)}
    taken |= {k for c in cues for k in range(c.start, c.start + c.length)}

    def qualified(s: Span) -> bool:
        if s.length > min(a.length for a in asked if set(a.labels) & set(s.labels)):
            return True  # "a dress, not a maxi dress": the kind is in the phrase
        before = s.start - 1
        return before >= 0 and before not in taken and _qualifier(tokens[before])

    return {
        s
        for s in ruled
        if s.attribute in _GARMENTS
        and set(s.labels) <= wanted
        # "not skinny jeans" rules out denim, as `IMPLIED_PATTERN` says, not the trousers
        and " ".join(tokens[s.start : s.start + s.length]) not in IMPLIED_PATTERN
        and qualified(s)
    }


def _qualifier(word: str) -> bool:
    """A word that can name a kind: not a determiner, number or punctuation."""
    return word.isalpha() and len(word) > 2 and word not in _NOT_KINDS


_NOT_KINDS = frozenset(
    "the any one ones another more other these those that this some such new old same".split()
)
