"""Generic pattern words ("print", "pattern", "busy"): part of a named pattern's phrase next to
it ("floral print"), else plain when ruled out and an all-over pattern when wanted as an
adjective."""

from __future__ import annotations

from dataclasses import replace

from fitroom.tools.reader.cue_words import PATTERNED
from fitroom.tools.reader.reading import Match
from fitroom.tools.reader.spans import Span

GENERIC = "*"  # the label of a generic pattern word until its scope says what it means


def pattern_nouns(spans: list[Span]) -> list[Span]:
    """ "floral print", "a print on the chest": a generic pattern noun next to a named pattern is
    part of its phrase, so that a negation reaches both ("floral print is a hard pass", "won't
    wear anything with a print on the chest")."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        adjacent = last is not None and last.start + last.length == span.start
        patterns = adjacent and last is not None and last.attribute == span.attribute == "pattern"
        if last is not None and patterns and (GENERIC in last.labels) != (GENERIC in span.labels):
            named = last if GENERIC in span.labels else span
            out[-1] = replace(named, start=last.start, length=last.length + span.length)
        else:
            out.append(span)
    return out


def resolve_generic_patterns(matches: list[Match], patterns: list[str]) -> list[Match]:
    """A generic pattern word means Solid when ruled out ("no prints", "no logos or prints"),
    and an all-over pattern when wanted as an adjective ("a printed top"); after a named pattern
    ("a check pattern", "no floral prints") `pattern_nouns` has made it part of that one."""
    named = {m.negated for m in matches if m.attribute == "pattern" and m.label != GENERIC}
    out = []
    for m in matches:
        if m.label != GENERIC:
            out.append(m)
        elif m.negated:
            out.append(m.model_copy(update={"label": "Solid", "how": "plain", "negated": False}))
        elif not m.negated and False not in named and m.phrase in PATTERNED:
            out.append(m.model_copy(update={"label": "All over pattern", "how": "synonym"}))
    return [m for m in out if m.attribute != "pattern" or m.how == "exact" or m.label in patterns]
