"""Colours, patterns and garments named in a statement, not a request.

Shoppers say what they do not want by telling a story about it far more often than with a
negation: "lace itches like crazy on me", "every dress I own is black, so something with a bit
of colour", "he's worn pale blue shirts for forty years, so something different". No list of
cues covers such sentences, so the reader looks at the sentence's shape instead:

- a label that is the **subject** of a clause ("lace itches", "the white ones get filthy",
  "polka dots remind me of my ex") is ruled out unless the clause praises it ("black goes with
  everything", "stripes would be lovely");
- a label inside a clause that **tells** rather than asks (it opens with "I", "my", "she",
  "everything" ... and asks for nothing) is ruled out when that sentence complains, counts too
  many of it, or the message goes on to ask for something different; otherwise it is neither
  wanted nor ruled out ("I have a black skirt, a top to go with it").

A garment is read this way only when the message asks for another ("my drawers are overflowing
with tees. shirts?"); who it is for never is. What this rules out holds for the session only:
a story about one purchase is weaker evidence of a lasting taste than "I hate florals".
"""

from __future__ import annotations

from collections.abc import Sequence

from fitroom.tools.reader_words import (
    ANY_KIND_JOINS,
    GENERIC_PATTERN,
    IMPLIED_PATTERN,
    NO_NEGATION,
    PUNCTUATION,
    SAME_KIND_JOINS,
)
from fitroom.tools.spans import Ruled, Span, starts_with
from fitroom.tools.statement_words import (
    AFTER_VERBS,
    ARTICLES,
    ASKING,
    BREAKS,
    CHANGE,
    COMPLAINT,
    COPULAS,
    DETERMINERS,
    HEADS,
    ILL_BEFORE,
    NEGATIVE_VERBS,
    NOT_VERBS,
    OPENERS,
    PERSONAL,
    POINTERS,
    PRAISE,
    SCORN,
    STRONG,
    SUBJECTS,
    TERSE,
    VERBS,
    WIDE_SENTENCE_ENDS,
    phrases,
)


def _clauses(tokens: Sequence[str]) -> list[range]:
    """Clauses: a sentence end, "but"/"so"/"because" ..., or a comma or "and" before a new
    subject or a request closes one."""
    bounds, start = [], 0
    for k, token in enumerate(tokens):
        pause = token == "." and "." in {tokens[k - 1] if k else "", _at(tokens, k + 1)}
        if token == "so" and tokens[k - 1 : k] and tokens[k - 1] in SUBJECTS | COPULAS:
            continue  # "I'm so over it" is no "so" that starts a clause
        if pause or token in {",", "and", ":"}:
            # "beige, grey, mole... all the boring neutrals": a pause, not an end
            if not _new_subject(tokens, k + 1, bare=token == ","):
                continue
        elif token not in WIDE_SENTENCE_ENDS | BREAKS:
            continue
        bounds.append(range(start, k))
        start = k + 1
    bounds.append(range(start, len(tokens)))
    return [r for r in bounds if len(r)]


def _at(tokens: Sequence[str], k: int) -> str:
    return tokens[k] if k < len(tokens) else ""


def _new_subject(tokens: Sequence[str], k: int, bare: bool = False) -> bool:
    """Whether a new clause starts at `k`: a subject or a request, past "honestly", "ugh"."""
    while k < len(tokens) and tokens[k] in OPENERS - SUBJECTS:
        k += 1
    # "my sister's wedding is in June, a blue dress": a bare request after the story
    fresh = bare and k < len(tokens) and tokens[k] in {"a", "an", "some"}
    return k < len(tokens) and (fresh or tokens[k] in SUBJECTS or _asks_at(tokens, k))


def _asks_at(tokens: Sequence[str], k: int) -> bool:
    return starts_with(tokens, k, ASKING)


def _asks(tokens: Sequence[str], clause: range) -> bool:
    ends_in_question = clause.stop < len(tokens) and tokens[clause.stop] == "?"
    return ends_in_question or any(_asks_at(tokens, k) for k in clause)


def _tells(tokens: Sequence[str], clause: range) -> bool:
    """Whether the clause opens with who it is about ("I", "my wardrobe", "every dress")."""
    k = clause.start
    while k < clause.stop and (tokens[k] in OPENERS or tokens[k] == ","):
        k += 1
    if k < clause.stop and tokens[k] in DETERMINERS:
        # "the office is full of people in black blazers", "the skirts you showed were plain"
        return any(tokens[j] in COPULAS for j in range(k + 1, clause.stop))
    return k < clause.stop and (
        tokens[k] in SUBJECTS or starts_with(tokens, k, phrases("last time|the last|in my"))
    )


def _predicate_at(tokens: Sequence[str], span: Span, starts: dict[int, Span], end: int) -> int:
    """Where the predicate starts if `span` is its clause's subject ("lace itches"), else -1.
    Labels, joins and head nouns after it ("white ones", "black or navy jeans") are its noun
    phrase."""
    k, joined = span.start + span.length, False
    while k < end:
        if k in starts:
            k, joined = k + starts[k].length, False
        elif tokens[k] in ANY_KIND_JOINS or tokens[k] in SAME_KIND_JOINS - {","}:
            k, joined = k + 1, True
        elif tokens[k] in HEADS:
            k += 1  # "reds on reds is a look I can't pull off"
        else:
            break
    if k >= end or tokens[k] in PUNCTUATION or tokens[k : k + 2] == ["a", "line"]:
        return -1
    if joined and tokens[k] in ARTICLES:
        return -1  # "a black dress and a white one": a second noun phrase, not a predicate
    if tokens[k] in PERSONAL:
        negative = any(tokens[j] in NEGATIVE_VERBS for j in range(k + 1, min(k + 4, end)))
        if negative:
            return k
        # "the lace bras I bought last month itch": past the relative clause to its verb
        later = (j for j in range(k + 2, min(k + 6, end)) if tokens[j] in VERBS - ARTICLES)
        return next(later, -1)
    if tokens[k] in VERBS:
        return k
    return k if _opens_sentence(tokens, span) and _unknown_verb(tokens, k, starts, end) else -1


def _opens_sentence(tokens: Sequence[str], span: Span) -> bool:
    k = span.start - 1
    while k >= 0 and tokens[k] in ARTICLES | OPENERS:
        k -= 1
    return k < 0 or tokens[k] in WIDE_SENTENCE_ENDS


def _unknown_verb(tokens: Sequence[str], k: int, starts: dict[int, Span], end: int) -> bool:
    """Whether the word at `k`, after a sentence's opening label ("Black swimsuits soak up the
    sun"), is a verb no list has: it goes on for two words or more, and names no garment and
    asks for nothing after it ("black loafers size 6 please" is a request)."""
    rest = range(k + 1, end)
    if len(rest) < 2 or tokens[k] in NOT_VERBS or tokens[k].isdigit():
        return False
    if tokens[k + 1] not in AFTER_VERBS:
        return False  # "black jeans slim fit size 32"
    return not any(j in starts or _asks_at(tokens, j) for j in rest)


def _praised(tokens: Sequence[str], start: int, end: int) -> bool:
    span = range(start, end)
    if any(starts_with(tokens, k, NO_NEGATION) for k in span):
        return True  # "I wouldn't say no to a black top"
    if any(starts_with(tokens, k, SCORN) or tokens[k] in NEGATIVE_VERBS for k in span):
        return False  # "florals I simply cannot wear", "not smart enough"
    return any(starts_with(tokens, k, PRAISE) for k in span)


def _complains(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether tokens[start:end] complain, count ("six striped tees") or say too many."""
    return any(
        (tokens[k] in COMPLAINT and not _said_ill(tokens, k)) or tokens[k].isdigit()
        for k in range(start, end)
    )


def _scorns(tokens: Sequence[str], clause: range) -> bool:
    """Whether a clause complains outright ("I'm so over it", "I look ill in it")."""
    return any(starts_with(tokens, k, STRONG) and not _said_ill(tokens, k) for k in clause)


def _said_ill(tokens: Sequence[str], k: int) -> bool:
    """Whether "ill" is "I'll" with its apostrophe dropped ("ill be wearing them"), not
    "I look ill"."""
    return tokens[k] == "ill" and (k == 0 or tokens[k - 1] not in ILL_BEFORE)


def statements(
    tokens: Sequence[str], spans: Sequence[Span], ruled: set[Span]
) -> tuple[list[Ruled], list[Span]]:
    """What the message's statements rule out, and the labels they name without asking for
    them (neither wanted nor ruled out)."""
    starts = {s.start: s for s in spans}
    clauses = _clauses(tokens)
    asking = [_asks(tokens, c) for c in clauses]
    asked = {
        (s.attribute, label)
        for s in spans
        if s not in ruled
        for c, asks in zip(clauses, asking, strict=True)
        if asks and s.start in c and _predicate_at(tokens, s, starts, c.stop) < 0
        for label in s.labels
    }
    garments_asked = {label for attribute, label in asked if attribute == "article_type"}
    out: list[Ruled] = []
    unsaid: list[Span] = []
    for n, clause in enumerate(clauses):
        tells = not asking[n] and _tells(tokens, clause)
        for span in (s for s in spans if s.start in clause and s not in ruled):
            if span.attribute == "gender" or tokens[span.start] in GENERIC_PATTERN:
                continue
            # "he says jeans are uncomfortable" rules out denim, not the trousers asked for
            says_pattern = tokens[span.start] in IMPLIED_PATTERN
            if span.attribute == "article_type" and not says_pattern:
                if not garments_asked - set(span.labels):
                    continue  # the garment wanted, however the message talks about it
            elif not says_pattern and all((span.attribute, x) in asked for x in span.labels):
                continue  # "to go with a black top I've got, so plain black please"
            predicate = _predicate_at(tokens, span, starts, clause.stop)
            if predicate >= 0:
                if not _praised(tokens, predicate, clause.stop):
                    out.append(Ruled(span, False))
                continue
            if not tells and not asking[n] and _scorned_next(tokens, clauses[n + 1 :]):
                out.append(Ruled(span, False))
                continue
            if not tells:
                continue
            if _against(tokens, clauses[n:], asking[n:]):
                out.append(Ruled(span, False))
            elif _praised(tokens, clause.start, clause.stop):
                continue
            elif span.attribute == "article_type" or not _pointed_back(
                tokens, clauses[n + 1 :], asking[n + 1 :]
            ):
                unsaid.append(span)
    return out + _ruled_too(tokens, spans, ruled | {r.span for r in out}), unsaid


def _ruled_too(tokens: Sequence[str], spans: Sequence[Span], ruled: set[Span]) -> list[Ruled]:
    """ "khaki's out, and brown too": a label added with "too" or "either" shares the fate of
    the one of its kind named before it in the sentence."""
    found: list[Ruled] = []
    for n, span in enumerate(spans):
        end = span.start + span.length
        if span in ruled or tokens[end : end + 1] not in (["too"], ["either"]):
            continue
        if tokens[end + 1 : end + 2] not in ([], *([p] for p in WIDE_SENTENCE_ENDS), [","]):
            continue
        if tokens[span.start - 1 : span.start] not in (["and"], [","], ["or"], ["nor"]):
            continue
        before = [s for s in spans[:n] if s.attribute == span.attribute]
        same_sentence = before and not any(
            t in WIDE_SENTENCE_ENDS for t in tokens[before[-1].start : span.start]
        )
        if same_sentence and before[-1] in ruled:
            found.append(Ruled(span, False))
    return found


def _against(tokens: Sequence[str], clauses: Sequence[range], asking: Sequence[bool]) -> bool:
    """Whether a telling clause (the first) complains, in itself or the story that goes on
    after it ("I live in black and I'm so over it"), or the message then asks for a change."""
    story = [clauses[0]]
    for clause, asks in zip(clauses[1:], asking[1:], strict=True):
        if asks or tokens[clause.start - 1] in WIDE_SENTENCE_ENDS:
            break
        story.append(clause)
    if any(_complains(tokens, c.start, c.stop) for c in story):
        return True
    return any(starts_with(tokens, k, CHANGE) for k in range(clauses[0].stop, len(tokens)))


def _scorned_next(tokens: Sequence[str], clauses: Sequence[range]) -> bool:
    """Whether the story told next in the same sentence complains outright."""
    for clause in clauses:
        # a dash reads as ";", and "sequins, glitter - I'm so over it" is one thought
        ended = tokens[clause.start - 1] in WIDE_SENTENCE_ENDS - {";"}
        if ended and tokens[clause.start - 2] != ".":
            return False
        # "black - have too many, beige - stains": a terse verdict after a dash tells too
        terse = len(clause) <= TERSE and tokens[clause.start - 1] == ";"
        if (_tells(tokens, clause) or terse) and not _asks(tokens, clause):
            return _scorns(tokens, clause)
    return False


def _pointed_back(tokens: Sequence[str], clauses: Sequence[range], asking: Sequence[bool]) -> bool:
    """Whether a later request asks for what was told: "he lives in plaid shirts, can I see
    some?", "I only wear black and white, so tops in those"."""
    return any(
        asks and any(tokens[k] in POINTERS and tokens[k - 1] != "with" for k in clause)
        for clause, asks in zip(clauses, asking, strict=True)
    )
