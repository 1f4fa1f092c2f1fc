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
    if said is None or asked:
        return []
    phrase, shades = said
    known = set(colours)
    return [
        Match(phrase=phrase, attribute="colour", label=c, how="occasion")
        for c in shades
        if c in known
    ]
