"""What a cue reaches besides the labels after it: what came before it ("red doesn't suit
me", "grey ones? no thanks"), its whole clause ("never been a stripes person"), what "them" or
"none of that" points at, a self-correction ("heels... no wait, flats") and "any other colour"."""

from __future__ import annotations

from collections.abc import Sequence

from fitroom.tools.reader.cue_words import (
    ANY_KIND_JOINS,
    CLAUSE_BREAKS,
    CORRECTIONS,
    INDIFFERENT,
    OTHER_COLOUR,
    PUNCTUATION,
    SAME_KIND_JOINS,
    SCOPE_FILLERS,
    SENTENCE_ENDS,
    VERDICT_WORDS,
)
from fitroom.tools.reader.generic_patterns import GENERIC
from fitroom.tools.reader.spans import Cue, Ruled, Span, kind_of, starts_with

# What a verdict looks back across to what it answers: "grey ones? no thanks", "anything with
# stripes on it, forget it"
_ACROSS = frozenset({"?", "!", ","})
_CORRECTING = frozenset({"actually", "no", "nah", "oh", "hmm", "wait", "on", "second", "thought"})
_DEMONSTRATIVES = frozenset({"that", "this"})
_ANSWERS = frozenset({"no", "nah", "nope"})
PRONOUNS = frozenset({"them", "those", "these"})
_QUANTIFIERS = frozenset({"all", "both", "any", "each", "of", "every", "one"})


def looking_back(
    tokens: Sequence[str], end: int, spans: Sequence[Span], across_questions: bool = False
) -> list[Ruled]:
    """The labels a cue said after them rules out ("red just doesn't suit me", "dresses with
    stripes are a hard no"): the nearest ones, back to the clause's start, the same way a
    forward scope reads them."""
    ending = {s.start + s.length: s for s in spans}
    ruled: list[Ruled] = []
    kinds: set[str] = set()
    join: str | None = None
    k = end
    while k > 0:
        span = ending.get(k)
        if span is not None and span.attribute == "gender":
            break  # "she really doesn't suit black": who it is for is the subject, not the object
        if span is not None:
            modifier = ending.get(span.start)
            if not ruled and span.attribute == "article_type" and modifier is not None:
                span = modifier  # "patterned socks? no": the pattern, not the socks
            kind = kind_of(span.attribute)
            generic = len(ruled) == 1 and ruled[0].span.labels == (GENERIC,)
            if generic and join is None and span.attribute == "pattern":
                ruled[0] = Ruled(span, True)  # "floral wala print nahi": the floral print
                k = span.start
                continue
            if ruled and (join is None or (join in SAME_KIND_JOINS and kind not in kinds)):
                break
            if ruled and span.attribute == "article_type" and kinds - {"article_type"}:
                break  # "dresses with stripes are a hard no": the dress is still wanted
            ruled.append(Ruled(span, True))
            kinds.add(kind)
            k, join = span.start, None
            continue
        token = tokens[k - 1]
        if ruled and token in _DEMONSTRATIVES:
            break  # "proper green, that army green look isn't me": "that" opens the phrase
        if token in ANY_KIND_JOINS or token in SAME_KIND_JOINS:
            join = token if join is None or token in ANY_KIND_JOINS else join
        elif token in _CORRECTING and not ruled:
            pass  # "any with flowers on? actually no, forget it"
        elif token in _ACROSS and across_questions and not ruled:
            pass  # "grey ones? no thanks": the answer looks back across the question
        elif token not in SCOPE_FILLERS or token in PUNCTUATION:
            break
        k -= 1
    return ruled


def verdict_follows(tokens: Sequence[str], k: int) -> bool:
    """Whether the clause after a bare "no"/"not" is only a verdict ("no thanks", "not good
    for me", "absolutely not"), so the negation is about what came before it."""
    while k < len(tokens) and tokens[k] not in PUNCTUATION:
        if tokens[k] not in VERDICT_WORDS:
            return False
        k += 1
    return True


def demonstrative(tokens: Sequence[str], cue: Cue) -> bool:
    """Whether the cue ends by pointing back itself ("none of that", "none of those")."""
    return tokens[cue.start + cue.length - 1] in PRONOUNS | {"that"}


def points_back(tokens: Sequence[str], k: int) -> bool:
    """Whether a pronoun follows position `k`, past "all of", "both of" and the like, or the
    clause ends in "both" or "all" ("so skip both")."""
    start = k
    while k < len(tokens) and tokens[k] in _QUANTIFIERS:
        k += 1
    if k < len(tokens) and tokens[k] in PRONOUNS:
        return True
    but = tokens[start - 1 : start] in (["but"], ["except"])
    if (
        but
        and tokens[k : k + 1] == ["that"]
        and (k + 1 == len(tokens) or tokens[k + 1] in PUNCTUATION)
    ):
        return True  # "hers is camel so anything but that"
    ends = k == len(tokens) or tokens[k] in PUNCTUATION
    return ends and k > start and tokens[k - 1] in {"both", "all"}


def _clause(tokens: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """The clause around tokens[start:end]: back and on to punctuation or a clause break."""
    while start > 0 and tokens[start - 1] not in PUNCTUATION | CLAUSE_BREAKS:
        start -= 1
    while end < len(tokens) and tokens[end] not in PUNCTUATION | CLAUSE_BREAKS:
        end += 1
    return start, end


def in_clause(tokens: Sequence[str], spans: Sequence[Span], cue: Cue) -> list[Ruled]:
    """What a cue of taste that governs nothing next to it rules out in its own clause ("I'd
    never been a stripes person", "wouldn't be caught dead in anything pink"): colours and
    patterns, and a garment only when another is wanted outside the clause (a switch), since
    "ugh, boring black dresses" still wants a dress. Who it is for is never ruled out."""
    if starts_with(tokens, cue.start + cue.length, INDIFFERENT):
        return []  # "I wouldn't mind black"
    start, end = _clause(tokens, cue.start, cue.start + cue.length)
    inside = [s for s in spans if start <= s.start < end]
    named_inside = {label for s in inside for label in s.labels}
    other_garment = any(
        s.attribute == "article_type" and s not in inside and not set(s.labels) & named_inside
        for s in spans
    )
    return [
        Ruled(s, cue.lasting)
        for s in inside
        if kind_of(s.attribute) in {"colour", "pattern"}
        or (s.attribute == "article_type" and other_garment)
    ]


def other_colour(tokens: Sequence[str], spans: Sequence[Span]) -> list[Ruled]:
    """ "Does it have to be black? ... any other colour": the colour named before is out."""
    for i in range(len(tokens)):
        if any(tuple(tokens[i : i + len(c)]) == c for c in OTHER_COLOUR):
            named = [s for s in spans if s.start < i and kind_of(s.attribute) == "colour"]
            return [Ruled(named[-1], False)] if named else []
    return []


def taken_back(tokens: Sequence[str], spans: Sequence[Span]) -> list[Ruled]:
    """Labels a self-correction takes back: "heels please... no wait, flats", "a skirt but
    actually trousers". Held for the session: the shopper changed their mind, not their taste."""
    ruled = []
    for i in range(len(tokens)):
        marker = next((len(c) for c in CORRECTIONS if tuple(tokens[i : i + len(c)]) == c), 0)
        if tokens[i] in _ANSWERS and tokens[i + 1 : i + 2] in ([","], ["."]):
            marker = 1  # "a dress for the gym? no, leggings": the answer takes the dress back
        if not marker and tokens[i] == "instead" and tokens[i + 1 : i + 2] != ["of"]:
            # "I wanted a cardigan ... so maybe a hoodie instead": the garment before it wins
            garments = [s for s in spans if s.start < i and s.attribute == "article_type"]
            ruled += [Ruled(s, False) for s in garments[:-1] if s.labels != garments[-1].labels]
        if not marker:
            continue
        after = [s for s in spans if s.start >= i + marker]
        kind = kind_of(after[0].attribute) if after else None
        # "white shirt - no, actually make that a black one": the white, not the shirt
        before = [s for s in spans if s.start + s.length <= i and kind_of(s.attribute) == kind]
        # "hoodies, no wait, sweatshirts... actually go back to hoodies": named again, it stays
        if before and not any(s.labels == before[-1].labels for s in after):
            ruled.append(Ruled(before[-1], False))
    return ruled


def pointed_at(
    tokens: Sequence[str], spans: Sequence[Span], cue: Cue, same_sentence: bool = False
) -> list[Ruled]:
    """What "them", "it" or "none of that" stands for: the last thing named, with the list it
    closes ("grey, black, brown - I'm done with all of them"). After a garment with what it
    was to be without ("a dress with none of that"), the latter. With `same_sentence`, only
    within the sentence ("a black dress. not those" is about the picks on screen)."""
    before = [s for s in spans if s.start < cue.start and s.attribute != "gender"]
    modifiers = [s for s in before if s.attribute != "article_type"]
    # "any T-shirts without them?": the garment is what is to be without the thing before
    garment_first = bool(before) and before[-1].attribute == "article_type"
    garment_first = garment_first and before[-1].start + before[-1].length == cue.start
    named = modifiers if (demonstrative(tokens, cue) or garment_first) and modifiers else before
    named = named[-1:]
    end = cue.start + cue.length
    if same_sentence and named and any(t in SENTENCE_ENDS for t in tokens[named[0].start : end]):
        return []
    listed = looking_back(tokens, named[0].start + named[0].length, spans) if named else []
    return [Ruled(r.span, cue.lasting) for r in listed]
