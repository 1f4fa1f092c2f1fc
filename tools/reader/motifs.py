"""Prints of one motif ruled out ("no dinosaur prints"): not a refusal of every print."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from fitroom.tools.reader.cue_words import CHATTER
from fitroom.tools.reader.generic_patterns import GENERIC
from fitroom.tools.reader.rulings import Rulings
from fitroom.tools.reader.spans import Span

# Words before "prints" that say how much pattern, not which: "no big prints" is plain.
_HOW_MUCH = frozenset(
    """
    big bold loud busy large huge giant massive crazy wild bright garish all any those these
    such obvious graphic colourful colorful heavy strong lots many much too so very really
    allover all-over overall patterned printed fancy flashy in-your-face
    """.split()
) | frozenset(  # words that join, not motifs: "nothing with prints"
    """
    with without of and or nor not no none nothing for the an on in at to from more less some over
    them their his her my your our its any every other same kind sort type
    """.split()
)


def _motif(tokens: Sequence[str], span: Span, taken: set[int]) -> str | None:
    """The motif named before a generic pattern noun ("dinosaur prints"), or None."""
    before = span.start - 1
    if before < 0 or before in taken or tokens[span.start] in ("patterned", "printed"):
        return None
    word = tokens[before]
    if not word.isalpha() or len(word) < 3 or word in _HOW_MUCH or word in CHATTER:
        return None
    return word


def motif_refusals(tokens: Sequence[str], read: Rulings) -> tuple[Rulings, list[str]]:
    """`read` without the refusals of one motif's prints ("he's had it with dinosaur prints"),
    which say nothing against other prints; the catalogue names few motifs, so a note says
    what was left in rather than showing plain items only."""
    taken = {k for s in read.spans for k in range(s.start, s.start + s.length)}
    motifs = {
        span: motif
        for span in read.ruled
        if span.attribute == "pattern"
        and GENERIC in span.labels
        and (motif := _motif(tokens, span, taken)) is not None
    }
    if not motifs:
        return read, []
    notes = [
        f"I cannot tell {word} prints from other prints in this catalogue, so prints are still "
        "shown; say 'no prints' for plain ones only."
        for word in dict.fromkeys(motifs.values())
    ]
    kept = replace(
        read,
        spans=[s for s in read.spans if s not in motifs],
        ruled={s: v for s, v in read.ruled.items() if s not in motifs},
    )
    return kept, notes
