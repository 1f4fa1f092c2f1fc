"""Whom the clothes are for, across a conversation. "A scarf for my wife", then "back to me:
trousers" is a new request for the shopper, not more women's things; "a present for my son"
after a dress for the shopper is not a dress. A shopper who said who they are ("I'm a guy")
is that person whenever they shop "for me", this visit and the next."""

from __future__ import annotations

import re

from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.reader.reading import ParsedQuery
from fitroom.tools.reader.referents import for_someone_else

ME = "me"
# The shopper as whom it is for: "for me", "for myself", "back to me", "I'm a guy".
_SELF = re.compile(
    r"\b(?:for (?:me|myself|my ?self)|back to me|myself|i'?m an? |i am an? |as an? )",
    re.IGNORECASE,
)
# "my mum would like one too", "the same for my brother": the last request, for another person
_SAME_AGAIN = re.compile(
    r"\b(?:one|ones|the same|same one|too|as well|also|matching)\b(?![\w-]*\s+(?:short|long))",
    re.IGNORECASE,
)
# What belonged to the request for the last person, and goes with them.
_THE_REQUEST = ("article_type", "colour", "colour_master", "pattern", "gender", "feature")


def follow(prefs: Preferences, parsed: ParsedQuery, text: str) -> None:
    """Update `prefs` in place for whom this message is for, before its labels are applied
    (they then add what it asks for)."""
    genders = [m for m in parsed.matches if m.attribute == "gender" and not m.negated]
    said = [m.label for m in genders if m.how != "pronoun"]
    other = for_someone_else(parsed.matches)
    if other and not said and prefs.for_someone_else():
        return  # "he hates prints": the person already named, not a new one
    mine = bool(_SELF.search(text)) and not other
    if mine and said:
        prefs.own_gender = said[0]  # "I'm a guy, need a hoodie"
    now = f"{said[0] if said else 'someone'} (someone else)" if other else ME if mine else None
    if now is None:
        return
    if now != (prefs.recipient or ME) and not _SAME_AGAIN.search(text):
        # someone else now: the last person's garment and colours are not theirs
        for attribute in _THE_REQUEST:
            prefs.wanted.pop(attribute, None)
        # corrections of the last person's picks go too; stated tastes stay
        prefs.excluded = {
            a: kept
            for a, labels in prefs.excluded.items()
            if (kept := [x for x in labels if x in prefs.lasting.get(a, [])])
        }
        prefs.suggested = []
        if prefs.price_for:
            prefs.max_price = prefs.min_price = None
            prefs.price_for = []
    prefs.recipient = now
    if mine and not said:
        prefs.wanted.pop("gender", None)
        if prefs.own_gender:
            prefs.wanted["gender"] = [prefs.own_gender]
