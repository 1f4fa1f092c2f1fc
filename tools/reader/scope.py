"""Which labels a negation rules out: its cue, the coordinated list after it, and where it ends.

"nothing with stripes or dots" rules out both; "no stripes, just a black dress" ends at the
comma; "not black dresses" rules out black, not dresses (the garment is the head noun).
"""

from __future__ import annotations

from collections.abc import Sequence

from fitroom.tools.reader.cue_words import (
    ADJACENT_POST_CUES,
    ANY_KIND_JOINS,
    BAD_LOOKS,
    BARE_NEGATORS,
    CLAUSE_BREAKS,
    CLAUSE_CUES,
    CUES,
    INDIFFERENT,
    LASTING_CUES,
    LONGEST_CUE,
    LOOK_VERBS,
    NEGATED_VERBS,
    NO_NEGATION,
    OTHER_PEOPLE,
    POST_CUES,
    POST_SESSION_CUES,
    PUNCTUATION,
    SAME_KIND_JOINS,
    SCOPE_FILLERS,
)
from fitroom.tools.reader.features import ATTRIBUTE as FEATURE
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
from fitroom.tools.reader.statement_words import NUMBER_WORDS

_MAX_FILLERS = 4  # "I don't want anything in the colour black" still reaches black
_NEW_THING = frozenset({"a", "an"})
_EXAMPLES = frozenset({("like",), ("such", "as"), ("eg",), ("say",)})
_PLAIN = frozenset(
    tuple(c.split()) for c in ("no", "not", "nothing", "nothing in", "nothing with", "without")
)
_ADJECTIVES = frozenset("ugly hideous awful horrible tacky naff cringe cringey gross worst".split())
_DESCRIBED_BY = frozenset({"with", "in"})  # "no dresses with flowers": what the dress has
_ADVERBS = frozenset({"really", "just", "also", "absolutely", "totally", "does", "do", "so"})
_HEAD_NOUNS = frozenset({"ones", "one"})
_WIDE_REACH = 4  # words of any kind a negated verb reaches past
_PRICE_WORDS = frozenset({"expensive", "pricey", "dear", "cheap", "costly", "much"})


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


def _scope(
    tokens: Sequence[str], start: int, spans_at: dict[int, Span], cue: Cue
) -> tuple[list[Ruled], int]:
    """The spans ruled out by `cue` (ending before `start`), and the token index where its
    scope ends."""
    if cue.wide and starts_with(tokens, start, INDIFFERENT):
        return [], start  # "I don't mind black"
    lasting = cue.lasting
    ruled: list[Ruled] = []
    kinds: set[str] = set()
    join: str | None = None  # the word that joined the last label to what follows
    fillers, oxford = 0, False
    described_by = False  # a garment ruled out so far, then "with" or "in"
    k = start
    while k < len(tokens):
        span = spans_at.get(k)
        if span is not None and not ruled and span.attribute == "gender" and wearing(tokens, span):
            k += span.length  # "won't let the kids wear glitter": what they wear is ruled out
            continue
        if span is not None:
            kind = kind_of(span.attribute)
            last = ruled[-1].span if ruled else None
            # "not skinny jeans": the feature and the garment it describes are one phrase
            described = (
                last is not None
                and last.attribute == FEATURE
                and last.start + last.length == k
                and span.attribute == "article_type"
            )
            if described_by and span.attribute != "article_type" and join in (None, "unknown"):
                # "I don't want a dress with stripes": the stripes, not the dress
                ruled, kinds = [], set()
            adjacent = ruled and join is None and fillers == 0 and kind in kinds
            if adjacent and _list_goes_on(tokens, k + span.length):
                join = ","  # "nothing black grey or white": a list typed without commas
            if ruled and not described:
                modifiers = kinds - {"article_type"}
                if span.attribute == "article_type" and modifiers and join is None:
                    break  # "not black dresses": the garment is what is wanted
                listed = join == "," and oxford and len(ruled) >= 2
                if join is None or (join in SAME_KIND_JOINS and kind not in kinds and not listed):
                    break  # "no stripes, a black dress": a new clause
                if join == "," and not oxford and not _list_goes_on(tokens, k + span.length):
                    break  # "done with skirts, trousers now": a list closes with or/and
            ruled.append(Ruled(span, lasting))
            kinds.add(kind)
            k, join, fillers, oxford = k + span.length, None, 0, False
            described_by = False
            continue
        token = tokens[k]
        example = next((len(p) for p in _EXAMPLES if tuple(tokens[k : k + len(p)]) == p), 0)
        if ruled and join is None and example:
            # "nothing pale like white or cream": examples of what is ruled out
            join, k = "or", k + example - 1
        elif token in ANY_KIND_JOINS or token in SAME_KIND_JOINS:
            if not ruled:
                break  # "no, something in blue": the cue answered a question
            # "orange, yellow, and anything with a big print": a list of any kinds
            oxford = oxford or (join == "," and token == "and")
            join = token if join is None or token in ANY_KIND_JOINS else join
        elif token == ":" and not ruled:
            pass  # "three things I can't wear: orange, yellow and big prints"
        elif token in PUNCTUATION or cue_at(tokens, k) is not None:
            break
        elif token in SCOPE_FILLERS and fillers < _MAX_FILLERS:
            garments = bool(ruled) and kinds == {"article_type"} and join is None
            verb = tokens[cue.start] not in _ADJECTIVES  # "an ugly christmas jumper in black"
            described_by = described_by or (garments and verb and token in _DESCRIBED_BY)
            if join == "," and not oxford and token in _NEW_THING:
                break  # "no dresses, a skirt": after a comma, "a" starts something new
            if ruled and join is None and token in _HEAD_NOUNS and tokens[k + 1 : k + 2] == [","]:
                break  # "not blue ones, black or grey": the ruled-out phrase has ended
            fillers += 1
        elif cue.wide and not ruled and k - start < _WIDE_REACH and token not in CLAUSE_BREAKS:
            pass  # "doesn't have flowers", "don't even think about showing me beige"
        elif not ruled and k + 1 in spans_at and token not in _PRICE_WORDS | CLAUSE_BREAKS:
            pass  # "no speckly marl", "not those skin-toned tights": one unknown adjective
        elif (join is None or join in ANY_KIND_JOINS) and _listed(tokens, k):
            # "without pleats or stripes": a word the catalogue has no label for is still an
            # item of the list, which goes on only with "or"/"nor" ("no hood and black").
            join, k = "unknown", k + 1
        else:
            break
        k += 1
    return ruled, k


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
