"""What a message rules out, allows and only mentions, once its labels are read: the cues'
scope, its statements ("lace itches"), and whom the clothes are for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fitroom.tools.reader.clauses import likened
from fitroom.tools.reader.garment_kinds import asked_again, kinds_refused
from fitroom.tools.reader.referents import resolve
from fitroom.tools.reader.scope import allowed, negations, unsaid, wearing
from fitroom.tools.reader.spans import Cue, Span
from fitroom.tools.reader.statements import statements


@dataclass(frozen=True)
class Rulings:
    """The labels a message names, and what it says of each."""

    spans: list[Span]  # without those only mentioned, pronouns read as whom they point at
    ruled: dict[Span, bool]  # ruled out: whether for good
    permitted: set[Span]  # allowed, not asked for
    meaning: str  # the words without what they rule out, for a search by meaning


def read_rulings(tokens: Sequence[str], spans: list[Span], cues: Sequence[Cue]) -> Rulings:
    """What the message says of each of `spans`, read from `tokens` with its `cues`."""
    # "nothing that screams grandma" likens; it rules out no wearer
    negated = [
        r
        for r in negations(tokens, spans, cues)
        if r.span.attribute != "gender" or not (likened(tokens, r.span) or wearing(tokens, r.span))
    ]
    told, untold, fine = statements(tokens, spans, {r.span for r in negated})
    negated += told
    # "I don't mind stripes", "grey is fine now" allow a label; they do not ask for it.
    permitted = set(allowed(tokens, spans, cues) + fine)
    people = [s for s in untold if s.attribute == "gender" and s.how != "pronoun"]
    spans = resolve(tokens, [s for s in spans if s not in untold], people)
    ruled = {r.span: r.lasting for r in negated if r.span not in permitted}
    for span in kinds_refused(tokens, spans, ruled, cues) | asked_again(tokens, spans, ruled):
        del ruled[span]  # "a top that isn't a crop top" still wants a top
    gone = unsaid(tokens, cues, negated, [s for s in spans if s not in permitted])
    gone |= {k for s in [*untold, *permitted] for k in range(s.start, s.start + s.length)}
    meaning = " ".join(t for i, t in enumerate(tokens) if i not in gone)
    return Rulings(spans, ruled, permitted, meaning)
