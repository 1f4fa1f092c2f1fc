"""Read one shopper turn into the preference state: the parser's catalogue labels (with
negation), a price cap, and feedback on the items just shown. Deterministic: no LLM needed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

from fitroom.agent.recipient import follow
from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.answer import Topic, is_question, question_topic
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.reader.cue_words import ordinal_words
from fitroom.tools.reader.features import ATTRIBUTE as FEATURE
from fitroom.tools.reader.llm_extract import Extraction
from fitroom.tools.reader.reading import Match, ParsedQuery, Reader

_ORDINALS = ordinal_words() | {"last": -1}
# "the second one", "the last", "that one": pointing at a shown item by its place
_ORDINAL_ONE = re.compile(
    rf"\bthe ({'|'.join(sorted(_ORDINALS, key=len, reverse=True))})\b(?: (?:one|item|pick))?"
)
_JUST_SHOW = re.compile(
    r"\b(just show|show me (?:what|anything)|anything(?: is)? fine|whatever|don'?t mind|"
    r"surprise me|no preference|doesn'?t matter)\b"
)
_ABOUT_ITEM = re.compile(r"(?:is|are|does|has|was|would|will)\s+(?:the|it|that|this|they)\b")
_POINTER = re.compile(r"\b(?:that|this|the) one\b")
_REJECT = re.compile(r"\b(not (?:that|this|the \w+)(?: one)?|don'?t like|no thanks)\b")
# Passing over the whole list: the next one should be new (the rank step puts seen items last).
_NONE = re.compile(
    r"\b(none of (?:these|them|those)|(?:show|see) (?:me )?(?:more|others|other ones)|"
    r"something else|anything else|next (?:ones|page))\b"
)
_MORE_LIKE = re.compile(r"\bmore like\b|\blike the \w+ one\b|\bsimilar to\b")
_CHEAPER = re.compile(r"\b(cheaper|less expensive|too expensive|lower price)\b")
_OTHER_COLOUR = re.compile(
    r"\b(?:another|other|different|new) (?:colou?r|shade)\b|"
    r"\b(?:not?|hate|dislike|don'?t (?:like|love|want)|not keen on|not a fan of|ugh|nah)\s+"
    r"(?:(?:in|on)\s+)?(?:that|this|these|those|the same)\s+(?:colou?r|shade)s?\b|"
    r"\b(?:that|this|the) (?:colou?r|shade) (?:isn'?t|is not|doesn'?t|does not|won'?t|is awful|"
    r"is horrible|is ugly|is wrong)\b"
)
# After a try-on, a bare pointer at another shown item means "try that one on too".
_FOLLOW_UP = re.compile(r"^(?:and|what about|how about|now)?\s*(?:the\s+)?\w+(?:\s+one)?\s*\??$")
# Seeing a garment on oneself, however asked; a verdict ("black looks awful on me") is a taste,
# not a try-on, so "on me" alone is not enough.
_TRY_ON = re.compile(
    r"\btry(?:ing)? (?:\w+ ){0,3}?on\b|\btry[- ]?on\b|\b(?:look|looks|looked) on me\b|"
    r"\b(?:see|put|show|place|picture|render|visuali[sz]e|dress) (?:\w+ ){0,4}?on "
    r"(?:me|myself|my (?:photo|picture|pic|selfie)|(?:this|the) (?:photo|picture|pic))\b|"
    r"\b(?:would|will|does|do|did|might|could|how)\b(?: \w+){0,4}? (?:look|looks|fit|fits)"
    r"(?: like)? on (?:me|my body)\b|"
    r"\bdress me (?:up )?in\b|\bsee (?:myself|me) (?:in|wearing)\b|\b(?:me|myself) wearing\b"
)


class Turn(BaseModel):
    """What a turn asked for beyond the preference update itself."""

    intent: Literal["search", "answer", "tryon"] = "search"
    topic: Topic | None = None  # what an "answer" turn asks about
    target: str | None = None  # the shown item an "answer" or "tryon" turn means
    unknown_reference: str | None = None  # "the ninth" when six were shown
    just_show: bool = False
    feedback: list[str] = []  # "rejected", "none", "liked", "cheaper", "other colour"
    relative_price: bool = False  # "cheap": a cap from the catalogue's own prices, not a currency
    # "under 0.03": a bare number below 1, said in the catalogue's own price units
    catalogue_units: bool = False
    # "under 30 quid, cheap is fine": the price word's range, for where a sum cannot apply
    word_price: tuple[float | None, float | None] | None = None


def named_item(lowered: str) -> bool:
    """Whether a message points at a shown item by position or as "that one"."""
    return bool(_POINTER.search(lowered)) or any(
        re.search(rf"\b{word}\b", lowered) for word in _ORDINALS
    )


def _referenced(text: str, shown: Sequence[Item]) -> tuple[Item | None, str | None]:
    """The shown item a message points at ("the second", "that one"; the first by default),
    or the ordinal it named that was not shown."""
    if not shown:
        return None, None
    for word, index in _ORDINALS.items():
        if re.search(rf"\b{word}\b", text):
            if -len(shown) <= index < len(shown):
                return shown[index], None
            return None, word
    return shown[0], None


def _lift(prefs: Preferences, attribute: str, labels: list[str]) -> None:
    """Take `labels` (and a family's shades) off what was ruled out, for now and for good."""
    for ruled_out in (prefs.excluded, prefs.lasting):
        if attribute in ruled_out:
            ruled_out[attribute] = [x for x in ruled_out[attribute] if x not in labels]
        if attribute == "colour_master" and "colour" in ruled_out:
            ruled_out["colour"] = [
                x for x in ruled_out["colour"] if not any(f in x for f in labels)
            ]


def _apply_labels(prefs: Preferences, parsed: ParsedQuery) -> None:
    """Apply what the message asks for, rules out and allows to `prefs`."""
    said = _said(prefs, parsed)
    _read_needs(prefs, parsed, said)
    old_kind, new_kind = prefs.wanted.get("article_type"), said.get("article_type")
    if old_kind and new_kind and new_kind != old_kind:
        # Another kind of garment is a new request: yesterday's colour for trousers says
        # nothing about today's shirt. Who it is for, dislikes and the budget carry over.
        for attribute in ("colour", "colour_master", "pattern", "feature"):
            if attribute not in said:
                prefs.wanted.pop(attribute, None)
    for attribute, labels in said.items():
        prefs.wanted[attribute] = list(dict.fromkeys(labels))  # a new statement replaces the old
        _lift(prefs, attribute, labels)  # "a black one after all"
        # A colour family and a shade are one choice: the newer one wins.
        other = {"colour": "colour_master", "colour_master": "colour"}.get(attribute)
        if other:
            prefs.wanted.pop(other, None)


def _said(prefs: Preferences, parsed: ParsedQuery) -> dict[str, list[str]]:
    """The labels the message asks for, by attribute; what it rules out or allows is applied
    to `prefs` on the way."""
    said: dict[str, list[str]] = {}
    # Said both ways in one message, ruled out wins, as in search: "not a grey one, I live in
    # grey" names grey again to say why.
    ruled = {(m.attribute, m.label) for m in parsed.matches if m.negated}
    for m in parsed.matches:
        if m.allowed and not m.negated:
            _lift(prefs, m.attribute, [m.label])  # "grey is fine now": allowed, not required
        elif (m.attribute, m.label) in ruled and not m.negated:
            continue
        elif m.negated:
            _exclude(prefs, m)
        elif m.how == "pronoun" and prefs.wanted.get("gender"):
            continue  # "he hates prints" after "for my son": still the son, not a man
        elif m.how == "occasion" and m.attribute == "colour":
            continue  # an occasion's shades: `_read_needs` applies them unless a colour is said
        else:
            said.setdefault(m.attribute, []).append(m.label)
    return said


def _exclude(prefs: Preferences, m: Match) -> None:
    """Rule out what `m` names: for now, for good when it is a lasting taste, and no longer
    wanted."""
    prefs.excluded.setdefault(m.attribute, [])
    if m.label not in prefs.excluded[m.attribute]:
        prefs.excluded[m.attribute].append(m.label)
    if m.lasting and m.label not in prefs.lasting.setdefault(m.attribute, []):
        prefs.lasting[m.attribute].append(m.label)
    if m.label in prefs.wanted.get(m.attribute, []):
        prefs.wanted[m.attribute].remove(m.label)


def _read_needs(prefs: Preferences, parsed: ParsedQuery, said: dict[str, list[str]]) -> None:
    """The occasion, and the garments it suggests, from an occasion or need the message names;
    a garment already named stands (taken out of `said`)."""
    tones = [m.label for m in parsed.matches if m.how == "occasion" and m.attribute == "colour"]
    if said.get("colour") or said.get("colour_master"):
        prefs.suggested_colours = []  # a colour said in words replaces the occasion's
    elif tones:
        said["colour"], prefs.suggested_colours = tones, tones
    needs = [
        m
        for m in parsed.matches
        if m.how in ("occasion", "llm") and not m.negated and m.attribute == "article_type"
    ]
    # garments the shopper named, not ones a previous occasion suggested: "a present for my
    # dad", then "he's always freezing" replaces the present's jewellery with warm things
    named = [t for t in prefs.wanted.get("article_type", []) if t not in prefs.suggested]
    if needs and named:
        # "I can't wear red, it clashes with my hair" in a conversation about a dress: the
        # garment stands; an occasion named later only says what it is for.
        said.pop("article_type", None)
        prefs.occasion = needs[0].phrase if needs[0].how == "occasion" else prefs.occasion
    elif needs:
        # The table's words name an occasion; an LLM's suggestions name none worth repeating.
        prefs.occasion = needs[0].phrase if needs[0].how == "occasion" else None
        prefs.suggested = [m.label for m in needs]
    elif said.get("article_type"):
        prefs.suggested = []  # a garment named in words replaces what an occasion suggested
        # "a dress for a summer wedding": the dress stands, and the wedding is what it is for
        prefs.occasion = parsed.occasion or prefs.occasion


def understand(
    text: str,
    prefs: Preferences,
    parse: Reader,
    shown: Sequence[Item] = (),
    price_scale: float = 1.0,
    after_try_on: bool = False,
    photo_for_try_on: bool = False,
) -> tuple[Preferences, Turn]:
    """The preferences after this message, and any feedback it carried.

    Args:
        text: The shopper's message.
        prefs: The preferences before it (not modified).
        parse: Maps words onto catalogue labels (`QueryParser.parse`).
        shown: The items shown last turn, in order, for feedback such as "not the second".
        price_scale: Currency units per catalogue price unit, to read "under 40".
        after_try_on: The last turn was a try-on, so "and the second?" asks for another.
        photo_for_try_on: A photo came that only a try-on can use (there is no photo search),
            so with items shown and no garment, colour or pattern named it asks for a try-on.
    """
    prefs = prefs.model_copy(deep=True)
    lowered = text.casefold()
    target, unknown = _referenced(lowered, shown)
    if unknown:
        return prefs, Turn(unknown_reference=unknown)
    pointed = None if shown else _ORDINAL_ONE.search(lowered)
    if pointed and not parse(text, ask_llm=False).matches:
        # "what was the second one again?" with nothing shown points at nothing
        return prefs, Turn(unknown_reference=pointed.group(1))
    # A question about, or a try-on of, a shown item leaves the preferences as they were.
    about, rules_only = _about_item(text, lowered, target, parse, after_try_on)
    if about is None and photo_for_try_on and target is not None:
        said = rules_only or (parse(text, ask_llm=False) if text.strip() else None)
        if said is None or not said.matches:  # "here's me", "the second one", or no words
            about = Turn(intent="tryon", target=target.item_id)
    if about is not None:
        return prefs, about
    turn = Turn(just_show=bool(_JUST_SHOW.search(lowered)))
    # The LLM names garments for a need only while the conversation has none: later messages
    # answer questions and correct picks ("ideally no pattern").
    ask_llm = not prefs.wanted.get("article_type")
    parsed = rules_only if rules_only and not ask_llm else parse(text, ask_llm=ask_llm)
    follow(prefs, parsed, text)
    _apply_labels(prefs, parsed)
    _read_price(prefs, parsed, price_scale, turn)
    _read_feedback(prefs, parsed, lowered, target, shown, turn)
    return prefs, turn


def _about_item(
    text: str, lowered: str, target: Item | None, parse: Reader, after_try_on: bool
) -> tuple[Turn | None, ParsedQuery | None]:
    """A try-on or a question about a shown item, if the message is one, and the rules-only
    reading made on the way (reused for a request)."""
    pointer = after_try_on and target and _FOLLOW_UP.match(lowered.strip())
    if _TRY_ON.search(lowered) or (pointer and named_item(lowered)):
        return Turn(intent="tryon", target=target.item_id if target else None), None
    if target is None:
        return None, None
    topic = question_topic(lowered)
    rules_only = parse(text, ask_llm=False)
    asked = rules_only.matches
    # "is the 2nd one long sleeved?" asks about the item; its description answers it
    if not topic and asked and all(m.attribute == FEATURE for m in asked):
        topic = "details" if is_question(lowered) else None
        asked = []
    # "is the first one striped?", "does the second one have pockets?": a yes or no about the
    # item, never a new request (and never a change to what is remembered)
    if _ABOUT_ITEM.match(lowered.strip()):
        kinds = {m.attribute for m in asked}
        topic = topic or ("pattern" if kinds == {"pattern"} else "details")
        asked = []
    if topic and not asked:
        return Turn(intent="answer", topic=topic, target=target.item_id), rules_only
    return None, rules_only


def _read_price(prefs: Preferences, parsed: ParsedQuery, price_scale: float, turn: Turn) -> None:
    """A limit in currency ("under 40"), or a price word ("something cheap") for the garment
    asked for; a cap set for another garment is dropped."""
    garments = prefs.wanted.get("article_type", [])
    if prefs.price_for and garments and not set(garments) & set(prefs.price_for):
        # "cheaper" dresses, then skirts: the dresses' cap says nothing about skirts
        prefs.max_price = prefs.min_price = None
        prefs.price_for = []
    if money := parsed.money:  # a sum holds whatever the garment
        turn.catalogue_units = money.in_catalogue_units
        scale = 1.0 if turn.catalogue_units else price_scale
        prefs.min_price, prefs.max_price = (
            None if v is None else v / scale for v in (money.low, money.high)
        )
        prefs.price_for = []
        if parsed.price_max is not None or parsed.price_min is not None:
            turn.word_price = (parsed.price_min, parsed.price_max)
    elif parsed.price_max is not None or parsed.price_min is not None:  # "something cheap"
        prefs.max_price, prefs.min_price = parsed.price_max, parsed.price_min
        prefs.price_for = list(garments)
        turn.relative_price = True


def _read_feedback(
    prefs: Preferences,
    parsed: ParsedQuery,
    lowered: str,
    target: Item | None,
    shown: Sequence[Item],
    turn: Turn,
) -> None:
    """What the message says about the items shown: not that one, none of these, more like
    it, cheaper, another colour."""
    # "I don't like brown" rules out a colour, not the item on top of the list.
    about_labels = any(m.negated for m in parsed.matches) and not named_item(lowered)
    recolour = bool(target and _OTHER_COLOUR.search(lowered))  # "not that colour": the item
    if target and _REJECT.search(lowered) and not about_labels and not recolour:
        prefs.rejected.append(target.item_id)
        turn.feedback.append("rejected")
    if shown and _NONE.search(lowered):
        turn.feedback.append("none")
    if target and _MORE_LIKE.search(lowered):
        prefs.liked.append(target.item_id)
        turn.feedback.append("liked")
    if shown and _CHEAPER.search(lowered):
        prices = [i.price for i in shown if i.price is not None]
        if prices:
            # Cheaper than the typical pick shown: below the cheapest leaves too few items, and
            # search then drops the cap altogether.
            prefs.max_price = float(sorted(prices)[(len(prices) - 1) // 2]) * 0.999
            prefs.min_price = None  # "premium" earlier: cheaper wins now
            prefs.price_for = list(prefs.wanted.get("article_type", [])) or _types(shown)
            turn.feedback.append("cheaper")
    if target and recolour:
        family = target.colour_master or target.colour
        prefs.excluded.setdefault("colour_master", [])
        if family not in prefs.excluded["colour_master"]:
            prefs.excluded["colour_master"].append(family)
        prefs.wanted.pop("colour_master", None)
        prefs.wanted.pop("colour", None)
        turn.feedback.append("other colour")


def merge_extraction(prefs: Preferences, extraction: Extraction) -> Preferences:
    """Add what a validated LLM reading found and the parser did not: it never overrides a
    stated want or a dislike."""
    prefs = prefs.model_copy(deep=True)
    colour_given = bool(prefs.wanted.get("colour") or prefs.wanted.get("colour_master"))
    for attribute, label in extraction.wanted.items():
        if prefs.wanted.get(attribute) or label in prefs.excluded.get(attribute, []):
            continue
        if attribute in ("colour", "colour_master") and colour_given:
            continue
        prefs.wanted[attribute] = [label]
    if extraction.occasion and not prefs.occasion:
        prefs.occasion = extraction.occasion
    return prefs


def _types(shown: Sequence[Item]) -> list[str]:
    """The article types on screen, for a "cheaper" said before any garment was named."""
    return list(dict.fromkeys(i.article_type for i in shown if i.article_type))
