"""Which labels a negation rules out: its cue, the coordinated list after it, and where it ends.

"nothing with stripes or dots" rules out both; "no stripes, just a black dress" ends at the
comma; "not black dresses" rules out black, not dresses (the garment is the head noun).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from fitroom.tools.reader.cue_words import (
    ADJACENT_POST_CUES,
    ANY_KIND_JOINS,
    BARE_NEGATORS,
    CLAUSE_BREAKS,
    CLAUSE_CUES,
    INDIFFERENT,
    PUNCTUATION,
    SAME_KIND_JOINS,
    SCOPE_FILLERS,
)
from fitroom.tools.reader.features import ATTRIBUTE as FEATURE
from fitroom.tools.reader.negation_cues import cue_at
from fitroom.tools.reader.scope_back import (
    demonstrative,
    in_clause,
    looking_back,
    other_colour,
    pointed_at,
    points_back,
    taken_back,
    verdict_follows,
)
from fitroom.tools.reader.spans import Cue, Ruled, Span, kind_of, starts_with

_MAX_FILLERS = 4  # "I don't want anything in the colour black" still reaches black
_NEW_THING = frozenset({"a", "an"})
_EXAMPLES = frozenset({("like",), ("such", "as"), ("eg",), ("say",)})
_ADJECTIVES = frozenset("ugly hideous awful horrible tacky naff cringe cringey gross worst".split())
_DESCRIBED_BY = frozenset({"with", "in"})  # "no dresses with flowers": what the dress has
_HEAD_NOUNS = frozenset({"ones", "one"})
_WIDE_REACH = 4  # words of any kind a negated verb reaches past
_PRICE_WORDS = frozenset({"expensive", "pricey", "dear", "cheap", "costly", "much"})


def _scope(
    tokens: Sequence[str], start: int, spans_at: dict[int, Span], cue: Cue
) -> tuple[list[Ruled], int]:
    """The spans ruled out by `cue` (ending before `start`), and the token index where its
    scope ends."""
    if cue.wide and starts_with(tokens, start, INDIFFERENT):
        return [], start  # "I don't mind black"
    walk = _Walk(tokens, start, spans_at, cue)
    k = start
    while k < len(tokens):
        span = spans_at.get(k)
        if (
            span is not None
            and not walk.ruled
            and span.attribute == "gender"
            and wearing(tokens, span)
        ):
            k += span.length  # "won't let the kids wear glitter": what they wear is ruled out
            continue
        if span is not None:
            if not walk.label(span, k):
                break
            k += span.length
            continue
        last = walk.word(k)
        if last is None:
            break
        k = last + 1
    return walk.ruled, k


@dataclass
class _Walk:
    """The list a cue's scope has read so far, and how its last item was joined."""

    tokens: Sequence[str]
    start: int
    spans_at: dict[int, Span]
    cue: Cue
    ruled: list[Ruled] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    join: str | None = None  # the word that joined the last label to what follows
    fillers: int = 0
    oxford: bool = False
    described_by: bool = False  # a garment ruled out so far, then "with" or "in"

    def label(self, span: Span, k: int) -> bool:
        """Take the label `span` at `k` into the list; False where it starts something new."""
        kind = kind_of(span.attribute)
        last = self.ruled[-1].span if self.ruled else None
        # "not skinny jeans": the feature and the garment it describes are one phrase
        described = (
            last is not None
            and last.attribute == FEATURE
            and last.start + last.length == k
            and span.attribute == "article_type"
        )
        if (
            self.described_by
            and span.attribute != "article_type"
            and self.join in (None, "unknown")
        ):
            # "I don't want a dress with stripes": the stripes, not the dress
            self.ruled, self.kinds = [], set()
        adjacent = self.ruled and self.join is None and self.fillers == 0 and kind in self.kinds
        if adjacent and _list_goes_on(self.tokens, k + span.length):
            self.join = ","  # "nothing black grey or white": a list typed without commas
        if self.ruled and not described and self._closed(span, kind, k):
            return False
        self.ruled.append(Ruled(span, self.cue.lasting))
        self.kinds.add(kind)
        self.join, self.fillers, self.oxford = None, 0, False
        self.described_by = False
        return True

    def _closed(self, span: Span, kind: str, k: int) -> bool:
        """Whether the list ended before `span` at `k`, which is of `kind`."""
        modifiers = self.kinds - {"article_type"}
        if span.attribute == "article_type" and modifiers and self.join is None:
            return True  # "not black dresses": the garment is what is wanted
        join, oxford = self.join, self.oxford
        listed = join == "," and oxford and len(self.ruled) >= 2
        if join is None or (join in SAME_KIND_JOINS and kind not in self.kinds and not listed):
            return True  # "no stripes, a black dress": a new clause
        # "done with skirts, trousers now": a list closes with or/and
        return join == "," and not oxford and not _list_goes_on(self.tokens, k + span.length)

    def word(self, k: int) -> int | None:
        """Read the word at `k`, no label: the index of the last word it takes, or None where
        the scope ends."""
        tokens, token = self.tokens, self.tokens[k]
        example = next((len(p) for p in _EXAMPLES if tuple(tokens[k : k + len(p)]) == p), 0)
        if self.ruled and self.join is None and example:
            # "nothing pale like white or cream": examples of what is ruled out
            self.join = "or"
            return k + example - 1
        if token in ANY_KIND_JOINS or token in SAME_KIND_JOINS:
            return self._joined(k)
        if token == ":" and not self.ruled:
            return k  # "three things I can't wear: orange, yellow and big prints"
        if token in PUNCTUATION or cue_at(tokens, k) is not None:
            return None
        if token in SCOPE_FILLERS and self.fillers < _MAX_FILLERS:
            return self._filler(k)
        if self._passed_over(k):
            return k
        if (self.join is None or self.join in ANY_KIND_JOINS) and _listed(tokens, k):
            # "without pleats or stripes": a word the catalogue has no label for is still an
            # item of the list, which goes on only with "or"/"nor" ("no hood and black").
            self.join = "unknown"
            return k + 1
        return None

    def _joined(self, k: int) -> int | None:
        """Read the join at `k` ("or", "and", ","), or None where it ends the scope."""
        if not self.ruled:
            return None  # "no, something in blue": the cue answered a question
        token = self.tokens[k]
        # "orange, yellow, and anything with a big print": a list of any kinds
        self.oxford = self.oxford or (self.join == "," and token == "and")
        self.join = token if self.join is None or token in ANY_KIND_JOINS else self.join
        return k

    def _filler(self, k: int) -> int | None:
        """Read the filler at `k` ("a", "with", "ones"), or None where it ends the scope."""
        tokens, token, join = self.tokens, self.tokens[k], self.join
        garments = bool(self.ruled) and self.kinds == {"article_type"} and join is None
        verb = tokens[self.cue.start] not in _ADJECTIVES  # "an ugly christmas jumper in black"
        self.described_by = self.described_by or (garments and verb and token in _DESCRIBED_BY)
        if join == "," and not self.oxford and token in _NEW_THING:
            return None  # "no dresses, a skirt": after a comma, "a" starts something new
        if self.ruled and join is None and token in _HEAD_NOUNS and tokens[k + 1 : k + 2] == [","]:
            return None  # "not blue ones, black or grey": the ruled-out phrase has ended
        self.fillers += 1
        return k

    def _passed_over(self, k: int) -> bool:
        """Whether the word at `k` is read past before the first label."""
        token, ruled = self.tokens[k], self.ruled
        reach = self.cue.wide and not ruled and k - self.start < _WIDE_REACH
        if reach and token not in CLAUSE_BREAKS:
            return True  # "doesn't have flowers", "don't even think about showing me beige"
        # "no speckly marl", "not those skin-toned tights": one unknown adjective
        return not ruled and k + 1 in self.spans_at and token not in _PRICE_WORDS | CLAUSE_BREAKS


def wearing(tokens: Sequence[str], span: Span) -> bool:
    """Whether the span is who is (not) let wear something ("won't let the kids wear glitter",
    "doesn't allow staff to wear jeans"): the refusal is of what they wear, not of them."""
    after = tokens[span.start + span.length : span.start + span.length + 2]
    return after[:1] in (["wear"], ["wearing"]) or after == ["to", "wear"]


def _listed(tokens: Sequence[str], k: int) -> bool:
    """Whether the word at `k` is an unlabelled item of a list: "or"/"nor" follows it."""
    return k + 1 < len(tokens) and tokens[k] not in PUNCTUATION and tokens[k + 1] in ANY_KIND_JOINS


def _list_goes_on(tokens: Sequence[str], k: int) -> bool:
    """Whether a join follows position `k` (past fillers), so the list is not yet closed."""
    while k < len(tokens) and tokens[k] in SCOPE_FILLERS:
        k += 1
    return k < len(tokens) and (tokens[k] in ANY_KIND_JOINS or tokens[k] in SAME_KIND_JOINS)


def negations(tokens: Sequence[str], spans: Sequence[Span], cues: Sequence[Cue]) -> list[Ruled]:
    """Every span that one of `cues` rules out."""
    spans_at = {s.start: s for s in spans}
    ruled: list[Ruled] = []
    for cue in cues:
        if cue.after:
            looked_back = looking_back(tokens, cue.start, spans, across_questions=True)
            if not looked_back and _pronoun_before(tokens, cue.start):
                looked_back = pointed_at(tokens, spans, cue)[:1]  # "grey, it makes me look tired"
            looked_back = [Ruled(r.span, cue.lasting) for r in looked_back]
            # "stripes are a hard pass" looks back; "hard pass on stripes" reads on.
            ruled += looked_back or _scope(tokens, cue.start + cue.length, spans_at, cue)[0]
            continue
        end = cue.start + cue.length
        scoped = _scope(tokens, end, spans_at, cue)[0]
        bare = tuple(tokens[cue.start : end]) in BARE_NEGATORS
        if not scoped and bare and verdict_follows(tokens, end):
            scoped = looking_back(tokens, cue.start, spans, across_questions=True)
        if not scoped and (points_back(tokens, end) or demonstrative(tokens, cue)):
            scoped = pointed_at(tokens, spans, cue, same_sentence=bare)
        if not scoped and tuple(tokens[cue.start : end]) in CLAUSE_CUES:
            scoped = in_clause(tokens, spans, cue)
        ruled += scoped
    ruled += taken_back(tokens, spans)
    ruled += other_colour(tokens, spans)
    ruled += [  # "lace-free"
        Ruled(s, True)
        for s in spans
        if s.start + s.length < len(tokens) and tokens[s.start + s.length] in ADJACENT_POST_CUES
    ]
    return ruled


def allowed(tokens: Sequence[str], spans: Sequence[Span], cues: Sequence[Cue]) -> list[Span]:
    """What "I don't mind ..." or "wouldn't mind ..." allows without asking for it."""
    spans_at = {s.start: s for s in spans}
    found: list[Span] = []
    for cue in cues:
        end = cue.start + cue.length
        if cue.wide and tokens[end : end + 1] in (["mind"], ["care"]):
            permits = Cue(end + 1, 0, lasting=False)
            found += [r.span for r in _scope(tokens, end + 1, spans_at, permits)[0]]
    return found


def unsaid(
    tokens: Sequence[str], cues: Sequence[Cue], ruled: Sequence[Ruled], spans: Sequence[Span]
) -> set[int]:
    """The positions of words a message rules out, so that its meaning for a vector search
    leaves them out: every cue, every ruled-out label, and the words a cue governs that are no
    label at all ("a sweatshirt, no hood": the hood must not pull hoods in), up to a wanted
    label ("an ugly christmas jumper" still says jumper)."""
    gone = {k for r in ruled for k in range(r.span.start, r.span.start + r.span.length)}
    wanted = {s.start for s in spans} - gone
    for cue in cues:
        k, taken = cue.start + cue.length, 0
        if cue.wide and starts_with(tokens, k, INDIFFERENT):
            continue  # "I don't mind black" says black
        if any(t in _PRICE_WORDS for t in tokens[k : k + 3]):
            continue  # "not too expensive" is a price, read elsewhere
        gone.update(range(cue.start, k))
        if cue.after or k in gone:
            continue
        while k < len(tokens) and taken < _WIDE_REACH and k not in gone:
            if tokens[k] in PUNCTUATION or tokens[k] in CLAUSE_BREAKS or k in wanted:
                break
            gone.add(k)
            taken += tokens[k] not in SCOPE_FILLERS
            k += 1
    return gone


def _pronoun_before(tokens: Sequence[str], k: int) -> bool:
    """Whether "it" or "they" ends just before `k`, with or without its verb ("grey, it makes
    me look tired"; "loved the dotty dress but it's not for me")."""
    before = list(tokens[max(0, k - 2) : k])
    if before[-1:] in (["is"], ["are"], ["was"], ["were"]):
        before = before[:-1]
    return before[-1:] in (["it"], ["they"], ["its"], ["theyre"])
