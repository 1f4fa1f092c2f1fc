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

from fitroom.tools.reader.clauses import (
    against,
    allows,
    asks,
    changes,
    complains,
    likened,
    praised,
    predicate_at,
    scorns,
    split_clauses,
    tells,
)
from fitroom.tools.reader.cue_words import GENERIC_PATTERN, IMPLIED_PATTERN, SENTENCE_ENDS
from fitroom.tools.reader.spans import Ruled, Span
from fitroom.tools.reader.statement_words import (
    COPULAS,
    NEGATIVE_VERBS,
    OPINION_VERBS,
    POINTERS,
    POSSESSED,
    POSSESSING,
    SHOPPER,
    TERSE,
)

_GARMENT_KINDS = frozenset({"article_type", "category"})
_WHOSE = frozenset("my our his her their the a an".split())
_URGING = frozenset("wants asked asks told tells begged begs wanted needs".split())
_ASKED_AFTER = frozenset({"any", "you", "anything"})  # "got any black dresses?"
_THEIRS = (["her"], ["his"], ["their"])
_CLOSING = frozenset({",", ".", ";", ":", "-", "!", "?"})
_PERMITTING = frozenset("can could may allowed only ok okay fine happy".split())
_GIVING = frozenset("keeps always buys bought gets got gives gave sends sent".split())
_RULES_FOR_THEM = frozenset("school nursery teacher teachers coach club team uniform".split())
_YOUTH = frozenset("young little old older".split())
_JUDGED = COPULAS | {"its", "thats", "theyre", "only", "just", "meant", "made"}


def statements(
    tokens: Sequence[str], spans: Sequence[Span], ruled: set[Span]
) -> tuple[list[Ruled], list[Span], list[Span]]:
    """What the message's statements rule out; the labels they name without asking for them
    (neither wanted nor ruled out); and those they only allow ("grey is fine now")."""
    story = _Story(tokens, spans, ruled)
    out: list[Ruled] = []
    verdicts: dict[str, list[Span]] = {"unsaid": [], "allowed": []}
    # Who it is for last: whether their clause told a story is known by then.
    for span in sorted((s for s in spans if s not in ruled), key=lambda s: s.attribute == "gender"):
        n = story.clause_of(span)
        verdict = story.verdict(span, n)
        if verdict == "out":
            out.append(Ruled(span, False))
            story.told.add(n)
        elif verdict is not None:
            verdicts[verdict].append(span)
    too = _ruled_too(tokens, spans, ruled | {r.span for r in out})
    added = {r.span for r in too}
    unsaid = [s for s in verdicts["unsaid"] if s not in added]
    return out + too, unsaid, verdicts["allowed"]


class _Story:
    """A message cut into clauses, with what each asks for."""

    def __init__(self, tokens: Sequence[str], spans: Sequence[Span], ruled: set[Span]) -> None:
        self.tokens, self.spans = tokens, spans
        self.starts = {s.start: s for s in spans}
        self.clauses = split_clauses(tokens)
        self.asking = [asks(tokens, c) for c in self.clauses]
        self.asked = {
            (s.attribute, label)
            for s in spans
            if s not in ruled and self._asked(s)
            for label in s.labels
        }
        self.garments_asked = {label for a, label in self.asked if a in _GARMENT_KINDS}
        self.told: set[int] = set()  # clauses whose story ruled something out
        # clauses a cue already ruled something out in: "no beige on either, it washes me
        # out" gives the reason for that, not for the garments
        self.refused = {self.clause_of(s) for s in ruled}

    def clause_of(self, span: Span) -> int:
        return next(n for n, c in enumerate(self.clauses) if span.start in c)

    def _asked(self, span: Span) -> bool:
        """Asked for in a request ("a black top please"), or praised ("shorts would be more
        practical")."""
        n = self.clause_of(span)
        end = self.clauses[n].stop
        predicate = predicate_at(self.tokens, span, self.starts, end)
        if predicate >= 0:
            if allows(self.tokens, predicate, end) or changes(self.tokens, end):
                return False  # "florals are fine"; "black is my go-to but I fancy a change"
            return praised(self.tokens, predicate, end)
        # "skirts or trousers, either one": a garment named without a verb is asked for
        bare = span.attribute in _GARMENT_KINDS and not tells(self.tokens, self.clauses[n])
        return self.asking[n] or bare

    def verdict(self, span: Span, n: int) -> str | None:
        """ "out", "unsaid" or None (left as the cues read it) for `span` in clause `n`."""
        tokens, clause = self.tokens, self.clauses[n]
        if span.attribute == "gender":
            return "unsaid" if self._in_story(span, n) else None
        if likened(tokens, span):
            return "unsaid"
        if self._allowed_if(n):
            return None  # "I can get sneakers if they're white": what is allowed is wanted
        if self._owned_then_change(span, clause):
            return "out"
        if tokens[span.start] in GENERIC_PATTERN:
            # "patterns are too busy for her eyes": the subject of a complaint
            predicate = predicate_at(tokens, span, self.starts, clause.stop)
            complaint = predicate >= 0 and complains(tokens, predicate, clause.stop)
            return "out" if complaint else None
        if self._wanted(span):
            return None
        predicate = predicate_at(tokens, span, self.starts, clause.stop)
        if predicate >= 0:
            if allows(tokens, predicate, clause.stop):
                return "allowed"  # "florals are fine", "grey is ok now"
            if not praised(tokens, predicate, clause.stop):
                return "out"
            # "black is my go-to but I fancy a change"
            return "out" if changes(tokens, clause.stop) else None
        return self._told(span, n)

    def _in_story(self, span: Span, n: int) -> bool:
        """Whether the person `span` names in clause `n` is only in the story, not whom the
        clothes are for."""
        tokens = self.tokens
        # "white gets dirty too fast with my kids around": in the story, not the request
        # "he thinks jeans are for teenagers", but not "a shirt for my husband, the checked
        # ones he has already too much": "for" says whom it is for, whatever follows
        said_for = _for_whom(tokens, span)
        in_story = n in self.told and said_for is not True
        # "she says it is for young girls", "pink is for babies": a judgement, not a wearer
        bystander = in_story or said_for is False or _along(tokens, span)
        # "a dress for my granddaughter. Her mother has asked that it not be pink": the
        # wearer's relative, named without "for", says what she wears
        relative = said_for is None and tokens[span.start - 1 : span.start] in _THEIRS
        bystander = bystander or (relative and self._another_wearer(span))
        bystander = bystander or likened(tokens, span)  # "it screams grandma"
        bystander = bystander or self._opinion_giver(span) or self._bystander(span, n)
        # "My wife says ... So. A shirt, for me.": the shopper named as the wearer
        myself = tokens[span.start] in ("im", "i")  # "I'm a bloke" says who the shopper is
        bystander = bystander or (said_for is not True and not myself and _for_me(tokens))
        # "his wife's colleagues", "my sister's wedding": whose, not whom it is for
        end = span.start + span.length
        return bystander or bool(POSSESSED & set(tokens[end : end + 1]))

    def _allowed_if(self, n: int) -> bool:
        """Whether clause `n` is the condition of a permission that neither refuses nor
        complains: what it names is wanted."""
        tokens, clause = self.tokens, self.clauses[n]
        conditional = _at_condition(tokens, clause) and not self._scorned_next(n)
        refused = any(tokens[k] in NEGATIVE_VERBS for k in clause)  # "if it's grey I'm not"
        return conditional and not refused and not complains(tokens, clause.start, clause.stop)

    def _owned_then_change(self, span: Span, clause: range) -> bool:
        """ "had 3 black ones already want a change": what is owned, then a change."""
        tokens = self.tokens
        owned = any(
            tokens[k] in POSSESSING and tokens[k + 1] not in _ASKED_AFTER
            for k in range(clause.start, span.start)
        )
        question = clause.stop < len(tokens) and tokens[clause.stop] == "?"
        return (
            owned
            and not question
            and span.attribute not in _GARMENT_KINDS
            and changes(tokens, span.start)
        )

    def _wanted(self, span: Span) -> bool:
        """Whether the message asks for what `span` names, however it talks about it."""
        # "he says jeans are uncomfortable" rules out denim, not the trousers asked for
        says_pattern = self.tokens[span.start] in IMPLIED_PATTERN
        if span.attribute in _GARMENT_KINDS and not says_pattern:
            return not self.garments_asked - set(span.labels)
        # "to go with a black top I've got, so plain black please"
        return not says_pattern and all((span.attribute, x) in self.asked for x in span.labels)

    def _told(self, span: Span, n: int) -> str | None:
        """The verdict on `span` in clause `n` when no predicate of its own says it."""
        tokens, clause = self.tokens, self.clauses[n]
        if self.asking[n]:
            return None
        if not tells(tokens, clause):
            return "out" if n not in self.refused and self._scorned_next(n) else None
        # "he only wears plain ones, he's forty-five" praises; "I only wear black but want a
        # change" does not
        if praised(tokens, clause.start, clause.stop) and not changes(tokens, clause.stop):
            return None
        if against(tokens, self.clauses[n:], self.asking[n:]):
            return "out"
        if span.attribute not in _GARMENT_KINDS and self._pointed_back(n):
            return None
        return "unsaid"

    def _opinion_giver(self, span: Span) -> bool:
        """Whether who the span names only gives an opinion ("my partner reckons ... and he's
        right", "my wife says I look like a golfer in plaid"): not who the clothes are for by
        that; "a top for my wife, she says..." still says it with "for"."""
        end = span.start + span.length
        if self.tokens[end + 1 : end + 2] == ["me"] and self.tokens[end] in _URGING:
            return True  # "my husband wants me to wear more dresses": the shopper wears them
        verbs = OPINION_VERBS & set(self.tokens[end : end + 2])
        then = self.tokens[end] if end < len(self.tokens) else ""
        if then in _GIVING and "me" in self.tokens[end + 1 : end + 3]:
            return True  # "my mum keeps buying me hoodies": the shopper wears them
        if not verbs or then in _RULES_FOR_THEM:
            return False  # "my daughter's school says ...": what the daughter must wear
        # "he says no to anything with a print" speaks of whom the clothes are for, unless
        # what he says is about the shopper ("she says I look washed out in beige") or he only
        # agrees ("my partner reckons denim looks cheap and he's right")
        about_shopper = bool(SHOPPER & set(self.tokens[end + 1 : end + 3]))
        return span.how != "pronoun" or about_shopper or "right" in verbs

    def _another_wearer(self, span: Span) -> bool:
        """Whether someone else is named before as whom it may be for ("my granddaughter")."""
        return any(
            s.attribute == "gender" and s.how != "pronoun" and s.start < span.start
            for s in self.spans
        )

    def _bystander(self, span: Span, n: int) -> bool:
        """Whether "the kids" in "I teach reception and the kids wipe paint on everything" are
        only in the story: named with "the", doing something, and asking for nothing."""
        if self.tokens[span.start - 1 : span.start] != ["the"] or self.asking[n]:
            return False
        if self.tokens[span.start - 2 : span.start - 1] not in (["for"], ["to"]):
            return True  # "trying to upstage the child": the object of a verb, not the wearer
        end = self.clauses[n].stop
        return predicate_at(self.tokens, span, self.starts, end) >= 0

    def _scorned_next(self, n: int) -> bool:
        """Whether the story told next in the same sentence complains outright, about nothing
        it names itself ("sequins, glitter - I'm so over it")."""
        tokens = self.tokens
        for clause in self.clauses[n + 1 :]:
            # a dash reads as ";", and "sequins, glitter - I'm so over it" is one thought
            ended = tokens[clause.start - 1] in SENTENCE_ENDS - {";"}
            if ended and tokens[clause.start - 2] != ".":
                return False
            # "black - have too many, beige - stains": a terse verdict after a dash tells too
            terse = len(clause) <= TERSE and tokens[clause.start - 1] == ";"
            if (tells(tokens, clause) or terse) and not asks(tokens, clause):
                # "he says he's done with grey" is about grey, not what came before
                names = not terse and any(k in self.starts for k in clause)
                return not names and scorns(tokens, clause)
        return False

    def _pointed_back(self, n: int) -> bool:
        """Whether a later request asks for what was told: "he lives in plaid shirts, can I
        see some?", "I only wear black and white, so tops in those"."""
        later = zip(self.clauses[n + 1 :], self.asking[n + 1 :], strict=True)
        return any(
            asking and any(self.tokens[k] in POINTERS and self.tokens[k - 1] != "with" for k in c)
            for c, asking in later
        )


def _along(tokens: Sequence[str], span: Span) -> bool:
    """Whether the person only comes along: "light colours are a disaster with a toddler"."""
    k = span.start - 1
    while k >= 0 and tokens[k] in _WHOSE:
        k -= 1
    return k >= 0 and tokens[k] == "with"


def _at_condition(tokens: Sequence[str], clause: range) -> bool:
    """Whether the clause is the condition of a permission ("I can get sneakers if they're
    white", "I'll only take it if it's black"); not of a threat ("if it's got sequins she'll
    send it back")."""
    k = clause.start - 1 if _first(tokens, clause) != "if" else clause.start
    if k < 0 or tokens[k] != "if":
        return False
    return bool(_PERMITTING & set(tokens[max(0, k - 6) : k]))


def _first(tokens: Sequence[str], clause: range) -> str:
    return tokens[clause.start] if clause.start < len(tokens) else ""


def _for_me(tokens: Sequence[str]) -> bool:
    """Whether "for me" or "for myself" closes a phrase of its own ("a shirt, for me.", "I
    need a shirt - for me, I'm a bloke"), saying the shopper is who it is for."""
    for k in range(1, len(tokens) - 1):
        if tokens[k] == "for" and tokens[k + 1] in ("me", "myself"):
            closes = k + 2 == len(tokens) or tokens[k + 2] in _CLOSING
            if closes and tokens[k - 1] in _CLOSING:
                return True
    return False


def _for_whom(tokens: Sequence[str], span: Span) -> bool | None:
    """True when "for" names whom it is for ("for my husband"), False when it names whom
    something is fit for ("it is for young girls"), None without "for"."""
    k = span.start - 1
    while k >= 0 and tokens[k] in _WHOSE | _YOUTH:
        k -= 1
    if k < 0 or tokens[k] != "for":
        return None
    return not (k > 0 and tokens[k - 1] in _JUDGED)


def _added(tokens: Sequence[str], span: Span) -> bool:
    """Whether the span ends its clause added to what came before: "and brown too", "or
    navy either", "and also the brown"."""
    end = span.start + span.length
    ends = ([], *([p] for p in SENTENCE_ENDS), [","])
    too = tokens[end : end + 1] in (["too"], ["either"])
    if too and tokens[end + 1 : end + 2] not in ends:
        return False
    if not too and tokens[end : end + 1] not in ends:
        return False
    k = span.start - (1 if tokens[span.start - 1 : span.start] == ["the"] else 0)
    if tokens[k - 1 : k] in (["also"], ["plus"]) or tokens[k - 2 : k] == ["as", "well"]:
        return True
    return too and tokens[span.start - 1 : span.start] in (["and"], [","], ["or"], ["nor"])


def _ruled_too(tokens: Sequence[str], spans: Sequence[Span], ruled: set[Span]) -> list[Ruled]:
    """ "khaki's out, and brown too": a label added with "too", "either" or "also" shares the
    fate of the one of its kind named before it in the sentence."""
    found: list[Ruled] = []
    for n, span in enumerate(spans):
        if span in ruled or not _added(tokens, span):
            continue
        before = [s for s in spans[:n] if s.attribute == span.attribute]
        same_sentence = before and not any(
            t in SENTENCE_ENDS for t in tokens[before[-1].start : span.start]
        )
        if same_sentence and before[-1] in ruled:
            found.append(Ruled(span, False))
    return found
