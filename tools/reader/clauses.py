"""The shape of a message's clauses: where each ends, whether it asks for something or tells a
story, where a label's predicate starts ("lace itches"), and whether a clause praises the label
or complains. Read by `statements`."""

from __future__ import annotations

from collections.abc import Sequence

from fitroom.tools.reader.cue_words import (
    ANY_KIND_JOINS,
    NO_NEGATION,
    PUNCTUATION,
    SAME_KIND_JOINS,
    SENTENCE_ENDS,
)
from fitroom.tools.reader.spans import Span, starts_with
from fitroom.tools.reader.statement_words import (
    AFTER_VERBS,
    AGE_AFTER,
    AGE_OR_SIZE_BEFORE,
    ALL_OF,
    ALLOWING,
    ARTICLES,
    ASKING,
    BREAKS,
    CHANGE,
    COMPLAINT,
    COPULAS,
    DEGREES,
    DETERMINERS,
    HEADS,
    HISTORY,
    ILL_BEFORE,
    LIKENED,
    LIKENED_ARTICLES,
    NEGATIVE_VERBS,
    NOT_VERBS,
    NUMBER_WORDS,
    ON_WHOM,
    OPENERS,
    OPINION_VERBS,
    PERSONAL,
    PLACES,
    POSSESSING,
    PRAISE,
    SCORN,
    SO_HOW,
    STORY_OPENINGS,
    STRONG,
    SUBJECTS,
    VERBS,
)


def split_clauses(tokens: Sequence[str]) -> list[range]:
    """Clauses: a sentence end, "but"/"so"/"because" ..., or a comma or "and" before a new
    subject or a request closes one."""
    bounds, start = [], 0
    for k, token in enumerate(tokens):
        pause = token == "." and "." in {tokens[k - 1] if k else "", _at(tokens, k + 1)}
        if token == "so" and not _so_starts(tokens, k):
            continue  # "I'm so over it", "goes grubby so fast": "so" says how much
        if pause:
            # "beige, grey, mole... all the boring neutrals": a new clause, not a new sentence
            if _at(tokens, k + 1) in {".", ""}:
                continue
        elif token in {",", "and", ":"}:
            if not _new_subject(tokens, k + 1, bare=token == ","):
                continue
        elif token not in SENTENCE_ENDS | BREAKS:
            continue
        bounds.append(range(start, k))
        start = k + 1
    bounds.append(range(start, len(tokens)))
    return [r for r in bounds if len(r)]


def _so_starts(tokens: Sequence[str], k: int) -> bool:
    """Whether the "so" at `k` starts a clause ("..., so something else", "so this time")
    rather than saying how much ("I'm so over it", "goes grubby so fast")."""
    said_of = k and tokens[k - 1] in SUBJECTS | COPULAS
    return not said_of and _at(tokens, k + 1) not in SO_HOW


def _at(tokens: Sequence[str], k: int) -> str:
    return tokens[k] if k < len(tokens) else ""


def _new_subject(tokens: Sequence[str], k: int, bare: bool = False) -> bool:
    """Whether a new clause starts at `k`: a subject or a request, past "honestly", "ugh"."""
    while k < len(tokens) and tokens[k] in OPENERS - SUBJECTS:
        k += 1
    # "my sister's wedding is in June, a blue dress": a bare request after the story
    fresh = bare and k < len(tokens) and tokens[k] in {"a", "an", "some"}
    return k < len(tokens) and (fresh or tokens[k] in SUBJECTS or asks_at(tokens, k))


def _first(tokens: Sequence[str], clause: range) -> str:
    """The clause's first word past "ugh", "honestly" and the like."""
    return next((tokens[k] for k in clause if tokens[k] not in OPENERS), "")


_WEARERS = frozenset({"he", "she", "they", "hes", "shes", "theyre"})
_QUESTIONING = frozenset({"any", "anything", "got", "have", "do", "can", "what", "how"})


def asks_at(tokens: Sequence[str], k: int) -> bool:
    return starts_with(tokens, k, ASKING)


# What someone tells the shopper to buy: "my mates said get a black jacket", "she told me to
# grab a green one".
_URGED = frozenset("get buy grab try pick".split())
_URGED_BEFORE = frozenset("to me i we you should".split())


def _urged(tokens: Sequence[str], k: int) -> bool:
    while k < len(tokens) and tokens[k] in _URGED_BEFORE:
        k += 1
    return k < len(tokens) and tokens[k] in _URGED


def asks(tokens: Sequence[str], clause: range) -> bool:
    if _first(tokens, clause) == "why":
        return False  # "why is every single cardigan grey??" asks for nothing
    ends_in_question = clause.stop < len(tokens) and tokens[clause.stop] == "?"
    opinion = next((k for k in clause if tokens[k] in OPINION_VERBS), None)
    # "he's told me twice he wants it plain": what the wearer asks for, reported
    reported = opinion is not None and any(
        asks_at(tokens, k) and tokens[k - 1] in _WEARERS for k in range(opinion + 1, clause.stop)
    )
    if reported or (opinion is not None and _urged(tokens, opinion + 1)):
        return True
    if opinion is not None and not any(asks_at(tokens, k) for k in range(clause.start, opinion)):
        # "she reckons I always go for navy" reports; it does not ask, unless a question
        # follows it: "my boyfriend says I should wear more skirts, any in blue?"
        commas = [k for k in range(opinion, clause.stop) if tokens[k] == ","]
        return ends_in_question and bool(commas) and tokens[commas[-1] + 1] in _QUESTIONING
    return ends_in_question or any(asks_at(tokens, k) for k in clause)


def tells(tokens: Sequence[str], clause: range) -> bool:
    """Whether the clause opens with who it is about ("I", "my wardrobe", "every dress"), or
    is a question that complains ("why is everything grey?")."""
    k = clause.start
    while k < clause.stop and (tokens[k] in OPENERS or tokens[k] == ","):
        k += 1
    if k < clause.stop and tokens[k] in {"why", *HISTORY}:
        return True  # "why is everything grey?", "returned the black ones, they went shiny"
    if k < clause.stop and tokens[k] in DETERMINERS:
        # "the office is full of people in black blazers", "the skirts you showed were plain",
        # "the embroidered blouse snagged on everything"
        return any(tokens[j] in COPULAS | COMPLAINT for j in range(k + 1, clause.stop))
    return k < clause.stop and (tokens[k] in SUBJECTS or starts_with(tokens, k, STORY_OPENINGS))


def predicate_at(tokens: Sequence[str], span: Span, starts: dict[int, Span], end: int) -> int:
    """Where the predicate starts if `span` is its clause's subject ("lace itches"), else -1.
    Labels, joins and head nouns after it ("white ones", "black or navy jeans") are its noun
    phrase."""
    listed = _at(tokens, span.start - 1) in ANY_KIND_JOINS  # "to be black or navy"
    if _at(tokens, span.start - (3 if listed else 1)) == "be":
        return -1  # "skirts have to be black or navy and checks aren't allowed": a requirement
    k, joined = span.start + span.length, False
    while k < end:
        if k in starts:
            k, joined = k + starts[k].length, False
        elif tokens[k] in ANY_KIND_JOINS or tokens[k] in SAME_KIND_JOINS - {","}:
            k, joined = k + 1, True
        elif tokens[k] == "on" and _at(tokens, k + 1) in ON_WHOM:
            k += 2  # "white on me is a disaster"
        elif tokens[k] in HEADS:
            k += 1  # "reds on reds is a look I can't pull off"
        else:
            break
    if k >= end or tokens[k] in PUNCTUATION or tokens[k : k + 2] == ["a", "line"]:
        return -1
    if joined and tokens[k] in ARTICLES:
        return -1  # "a black dress and a white one": a second noun phrase, not a predicate
    if _too_at(tokens, k, end):
        return k  # "finds stripes far too busy"
    if tokens[k] in PERSONAL:
        negative = any(tokens[j] in NEGATIVE_VERBS for j in range(k + 1, min(k + 4, end)))
        if negative or (_at(tokens, k + 1) in POSSESSING and complains(tokens, k + 1, end)):
            return k  # "lace I don't like", "black I have already two"
        # "the lace bras I bought last month itch": past the relative clause to its verb
        later = (j for j in range(k + 2, min(k + 6, end)) if tokens[j] in VERBS - ARTICLES)
        return next(later, -1)
    if tokens[k] in VERBS:
        return k
    if tokens[k] in PLACES:
        # "orange in my last holiday photos was a big mistake": past where, to the verb
        where = range(k + 1, min(k + 7, end))
        verb = next((j for j in where if tokens[j] in COPULAS), -1)
        # "pink at my sister's wedding": who was there may be named on the way
        plain = all(
            (j not in starts or starts[j].attribute == "gender") and tokens[j] not in PUNCTUATION
            for j in range(k, verb)
        )
        return verb if verb > 0 and plain else -1
    return k if _opens_sentence(tokens, span) and _unknown_verb(tokens, k, starts, end) else -1


def _too_at(tokens: Sequence[str], k: int, end: int) -> bool:
    """Whether "too" and a judgement follow, past "far", "a bit" ("far too busy"), not the
    "too" of "navy too please"."""
    while k < end and tokens[k] in DEGREES:
        k += 1
    judged = k + 1 < end and tokens[k + 1] not in PUNCTUATION | NOT_VERBS
    return k < end and tokens[k] == "too" and judged


def _opens_sentence(tokens: Sequence[str], span: Span) -> bool:
    k = span.start - 1
    while k >= 0 and tokens[k] in ARTICLES | OPENERS:
        k -= 1
    return k < 0 or tokens[k] in SENTENCE_ENDS


def _unknown_verb(tokens: Sequence[str], k: int, starts: dict[int, Span], end: int) -> bool:
    """Whether the word at `k`, after a sentence's opening label ("Black swimsuits soak up the
    sun"), is a verb no list has: it goes on for two words or more, and names no garment and
    asks for nothing after it ("black loafers size 6 please" is a request)."""
    rest = range(k + 1, end)
    if len(rest) < 2 or tokens[k] in NOT_VERBS or tokens[k].isdigit():
        return False
    if tokens[k + 1] not in AFTER_VERBS:
        return False  # "black jeans slim fit size 32"
    return not any(j in starts or asks_at(tokens, j) for j in rest)


def allows(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether a predicate only allows its subject ("florals are fine", "grey is ok now")."""
    return any(starts_with(tokens, k, ALLOWING) for k in range(start, min(end, start + 4)))


def likened(tokens: Sequence[str], span: Span) -> bool:
    """Whether the span is what something is compared to ("looks like pyjamas", "reminds me
    of a school uniform"), past an article."""
    k = span.start - (1 if _at(tokens, span.start - 1) in LIKENED_ARTICLES else 0)
    return any(tuple(tokens[max(0, k - len(p)) : k]) == p for p in LIKENED)


def praised(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether tokens[start:end] praise what they follow ("stripes would be lovely"), not
    after a negation ("florals I simply cannot wear"; "makes more sense, not black" still
    praises)."""
    span = range(start, end)
    if any(starts_with(tokens, k, NO_NEGATION) for k in span):
        return True  # "I wouldn't say no to a black top"
    if any(starts_with(tokens, k, SCORN) for k in span):
        return False  # "a white one is the last thing I want"
    first = next((k for k in span if starts_with(tokens, k, PRAISE)), None)
    return first is not None and not any(tokens[k] in NEGATIVE_VERBS for k in range(start, first))


def complains(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether tokens[start:end] complain, count ("six striped tees") or say too many."""
    return any(_complaint_at(tokens, k) for k in range(start, end))


def _complaint_at(tokens: Sequence[str], k: int) -> bool:
    token = tokens[k]
    if token.isdigit() or token in NUMBER_WORDS:
        return _count(tokens, k)
    if token == "more":  # "more jackets than I know what to do with", not "more of a plain girl"
        return "than" in tokens[k + 1 : k + 4]
    if token == "all":  # "all my jumpers", "my wardrobe is all neutrals"; not "all the lads"
        return _at(tokens, k + 1) in ALL_OF or (k > 0 and tokens[k - 1] in COPULAS)
    return token in COMPLAINT and not _said_ill(tokens, k)


def _count(tokens: Sequence[str], k: int) -> bool:
    """Whether the number at `k` (digits or a word) counts things ("6 striped tees"), not an
    age or a size ("he's 6", "8 years old", "a size 12")."""
    after = tokens[k + 1] if k + 1 < len(tokens) else ""
    return tokens[k - 1] not in AGE_OR_SIZE_BEFORE and after not in AGE_AFTER


def scorns(tokens: Sequence[str], clause: range) -> bool:
    """Whether a clause complains outright ("I'm so over it", "I look ill in it")."""
    return any(starts_with(tokens, k, STRONG) and not _said_ill(tokens, k) for k in clause)


def _said_ill(tokens: Sequence[str], k: int) -> bool:
    """Whether "ill" is "I'll" with its apostrophe dropped ("ill be wearing them"), not
    "I look ill"."""
    return tokens[k] == "ill" and (k == 0 or tokens[k - 1] not in ILL_BEFORE)


def against(tokens: Sequence[str], clauses: Sequence[range], asking: Sequence[bool]) -> bool:
    """Whether a telling clause (the first) complains, in itself or the story that goes on
    after it ("I live in black and I'm so over it"), or the message then asks for a change."""
    story = [clauses[0]]
    for clause, asks in zip(clauses[1:], asking[1:], strict=True):
        if asks or tokens[clause.start - 1] in SENTENCE_ENDS:
            break
        story.append(clause)
    if any(complains(tokens, c.start, c.stop) for c in story):
        return True
    return changes(tokens, clauses[0].stop)


def changes(tokens: Sequence[str], start: int) -> bool:
    """Whether the message asks for a change after `start` ("so something else this time")."""
    return any(starts_with(tokens, k, CHANGE) for k in range(start, len(tokens)))
