"""Where a message's negation cues are: "no", "can't stand", "is a hard pass", "she's outgrown",
"if I come home with another", "brighter than". Read before labels, so a cue's words are never
offered as one ("doesn't suit me" names no suit); `scope` reads what each rules out.
"""

from __future__ import annotations

from collections.abc import Sequence

from fitroom.tools.reader.cue_words import (
    BAD_LOOKS,
    CUES,
    LASTING_CUES,
    LONGEST_CUE,
    LOOK_VERBS,
    NEGATED_VERBS,
    NO_NEGATION,
    OTHER_PEOPLE,
    POST_CUES,
    POST_SESSION_CUES,
    PUNCTUATION,
)
from fitroom.tools.reader.spans import Cue
from fitroom.tools.reader.statement_words import NUMBER_WORDS

_PLAIN = frozenset(
    tuple(c.split()) for c in ("no", "not", "nothing", "nothing in", "nothing with", "without")
)
_ADVERBS = frozenset({"really", "just", "also", "absolutely", "totally", "does", "do", "so"})


def _someone_else(tokens: Sequence[str], i: int) -> bool:
    """Whether the taste before position `i` is someone else's ("my dad hates stripes"): a
    gift's wearer's dislikes are for this request, not the shopper's memory."""
    k = i - 1
    while k >= 0 and tokens[k] in _ADVERBS:
        k -= 1
    return k >= 0 and tokens[k] in OTHER_PEOPLE


def cue_at(tokens: Sequence[str], i: int) -> tuple[int, bool] | None:
    """The length of the longest negation cue starting at `i` and whether it is lasting."""
    for n in range(min(LONGEST_CUE, len(tokens) - i), 0, -1):
        cue = tuple(tokens[i : i + n])
        if cue in CUES:
            return n, cue in LASTING_CUES
    return _bad_look(tokens, i)


def _bad_look(tokens: Sequence[str], i: int) -> tuple[int, bool] | None:
    """ "look dreadful in", "looks washed out in": a cue as long as the words up to "in"."""
    if tokens[i] not in LOOK_VERBS:
        return None
    if tokens[i + 1 : i + 3] in (["like", "a"], ["like", "an"]):
        # "I look like a golfer in plaid": a likeness is never meant kindly
        end = next((j for j in range(i + 3, min(i + 7, len(tokens))) if tokens[j] == "in"), None)
        return (end + 1 - i, True) if end is not None else None
    k = i + 1
    while (
        k < len(tokens)
        and k - i <= 3
        and (
            tokens[k] in BAD_LOOKS | _ADVERBS or tokens[k].endswith("ly")  # "completely"
        )
    ):
        k += 1
    bad = any(t in BAD_LOOKS for t in tokens[i + 1 : k])
    return (k + 1 - i, True) if bad and tokens[k : k + 1] == ["in"] else None


def post_cue_at(tokens: Sequence[str], i: int) -> int | None:
    """The length of the longest cue starting at `i` that rules out what came before it."""
    for n in range(min(LONGEST_CUE, len(tokens) - i), 0, -1):
        if tuple(tokens[i : i + n]) in POST_CUES:
            return n
    return None


def _compared(tokens: Sequence[str], i: int) -> bool:
    """Whether the "than" at `i` ends a comparison that asks for something unlike what
    follows ("brighter than", "less boring than my usual beige"), not a count ("more than
    two")."""
    before = tokens[max(0, i - 4) : i]
    if not before or before[-1] in {"rather", "other"}:
        return False  # the cues "rather than" and "other than", already read
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    if after.isdigit() or after in NUMBER_WORDS | {"one", "few"}:
        return False  # "more than two striped tops" counts
    return any(t in {"more", "less"} or (len(t) > 4 and t.endswith(("er", "ier"))) for t in before)


def _as_as(tokens: Sequence[str], i: int) -> bool:
    """Whether the "as" at `i` closes "nothing as busy as" or "not as loud as": what follows
    is what the shopper wants unlike."""
    return (
        tokens[i] == "as"
        and i >= 3
        and tokens[i - 2] == "as"
        and tokens[i - 3] in {"nothing", "not", "none", "anything"}
    )


_SELF_CORRECTING = frozenset({("no", "wait"), ("wait", "no"), ("no", "actually")})
_OUTGROWN = (("outgrown",), ("outgrew",), ("grown", "out", "of"), ("grew", "out", "of"))
# "outgrown her jeans" is a growth spurt (a need for the next size), not a refusal
_WHOSE = frozenset({"her", "his", "their", "my", "the", "all", "everything", "most", "its"})


def _outgrown(tokens: Sequence[str], i: int) -> int | None:
    """The length of "outgrown" or "grown out of" at `i` when a taste follows ("she's
    outgrown pink"), not someone's clothes."""
    for words in _OUTGROWN:
        n = len(words)
        if tuple(tokens[i : i + n]) == words and i + n < len(tokens):
            return None if tokens[i + n] in _WHOSE else n
    return None


def find_cues(tokens: Sequence[str], occasion: bool = False) -> list[Cue]:
    """Every negation cue in `tokens`, longest first at each position. Found before labels are
    read, so "doesn't suit me" never offers "suit" as a garment. With `occasion` (the message
    names one), a plain "no"/"nothing" holds for this request only."""
    cues: list[Cue] = []
    i = 0
    while i < len(tokens):
        if double := next((len(c) for c in NO_NEGATION if tuple(tokens[i : i + len(c)]) == c), 0):
            i += double  # "I never say no to stripes"
        elif tuple(tokens[i : i + 2]) in _SELF_CORRECTING:
            i += 2  # "heels, no wait, flats" takes the heels back (`taken_back`); no refusal
        elif (grown := _outgrown(tokens, i)) is not None:
            cues.append(Cue(i, grown, lasting=False))  # "she's outgrown pink"
            i += grown
        elif (after := post_cue_at(tokens, i)) is not None:
            # "red doesn't suit her" is her taste, not the shopper's.
            theirs = any(t in OTHER_PEOPLE for t in tokens[i + after : i + after + 2])
            session = tuple(tokens[i : i + after]) in POST_SESSION_CUES
            cues.append(Cue(i, after, lasting=not theirs and not session, after=True))
            i += after
        elif (threat := _threatened(tokens, i)) is not None:
            cues.append(Cue(i, threat, lasting=False))  # "if I come home with another blue shirt"
            i += threat
        elif (tokens[i] == "than" and _compared(tokens, i)) or _as_as(tokens, i):
            cues.append(Cue(i, 1, lasting=False))  # "a bit warmer in colour than the black"
            i += 1
        elif (found := cue_at(tokens, i)) is not None:
            wide = tuple(tokens[i : i + found[0]]) in NEGATED_VERBS
            lasting = found[1] and not _someone_else(tokens, i)
            # "a dress for my sister's wedding, nothing black" is the occasion's rule, not a
            # taste; "I hate black" is one whatever the occasion
            lasting = lasting and not (occasion and tuple(tokens[i : i + found[0]]) in _PLAIN)
            cues.append(Cue(i, found[0], lasting=lasting, wide=wide))
            i += found[0]
        else:
            i += 1
    return cues


_MORE_OF = (("another",), ("one", "more"), ("any", "more"))
_IF_REACH = 8
_BROUGHT = frozenset(
    "come comes bring brings buy buys bought get gets see sees show shows send sends wear wears"
    " turn turns end ends".split()
)


def _threatened(tokens: Sequence[str], i: int) -> int | None:
    """ "another" or "one more" in an "if" clause is a threat: "if I come home with another
    blue shirt she's changing the locks", "if you show me one more floral dress I'll scream"."""
    more = next((len(m) for m in _MORE_OF if tuple(tokens[i : i + len(m)]) == m), 0)
    if not more:
        return None
    k = i - 1
    while k >= max(0, i - _IF_REACH) and tokens[k] not in PUNCTUATION:
        if tokens[k] == "if":
            # "if you have another black top in stock" asks; a threat brings or sees one more
            return more if _BROUGHT & set(tokens[k:i]) else None
        k -= 1
    return None
