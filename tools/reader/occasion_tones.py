"""The shades an occasion's custom calls for ("a funeral": dark ones), read as the occasion's,
never as the shopper's own want, and only where no colour is asked for in words."""

from __future__ import annotations

from collections.abc import Sequence

from fitroom.tools.reader.occasions import occasion_colours
from fitroom.tools.reader.reading import Match


def occasion_tones(
    tokens: Sequence[str], matches: Sequence[Match], colours: Sequence[str]
) -> list[Match]:
    """Matches for the catalogue's shades (`colours`) an occasion in `tokens` calls for."""
    said = occasion_colours(tokens)
    asked = any(
        m.attribute in ("colour", "colour_master") and not (m.negated or m.allowed) for m in matches
    )
    if said is None or asked or _figurative(tokens, said[0]):
        return []
    phrase, shades = said
    refused = [m.label.casefold() for m in matches if m.negated and "colour" in m.attribute]
    return [
        Match(phrase=phrase, attribute="colour", label=c, how="occasion")
        for c in shades
        if c in set(colours) and not any(r in c.casefold() for r in refused)
    ]


# "it's not a funeral", "black feels a bit too funeral": the word likens, it names no occasion
_LIKENING = frozenset({"not", "no", "too", "isnt", "aint", "nothing", "bit", "very", "so", "like"})


def _figurative(tokens: Sequence[str], phrase: str) -> bool:
    first = phrase.split()[0]
    return any(
        token == first and bool(_LIKENING & set(tokens[max(0, k - 3) : k]))
        for k, token in enumerate(tokens)
    )
