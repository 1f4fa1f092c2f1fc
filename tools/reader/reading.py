"""What the reader makes of a message: labels read, and the filters they imply."""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel

from fitroom.tools.reader.money import Money
from fitroom.tools.retrieval.filters import Filters


class Match(BaseModel):
    """One phrase of the query read as a catalogue label."""

    phrase: str
    attribute: str
    label: str
    # "exact", "synonym", "similar", "family" (a shade of an excluded family), "plain" (a
    # pattern ruled out as a whole), "occasion" or "llm" (a garment an occasion calls for)
    how: str
    negated: bool = False
    lasting: bool = False  # a negation that states a taste ("I hate florals"), not a correction
    # allowed, not asked for: "I don't mind stripes", "grey is fine now" (lifts a ruling-out)
    allowed: bool = False


class ParsedQuery(BaseModel):
    """What the parser understood: matched labels and the filters they imply."""

    text: str
    matches: list[Match] = []
    price_min: float | None = None  # from words such as "premium", against the kind's prices
    price_max: float | None = None  # from words such as "cheap" or "not too expensive"
    money: Money | None = None  # a sum named ("under 40"), in whatever currency was meant
    occasion: str | None = None  # the occasion named ("a summer wedding"), garment named or not
    notes: list[str] = []
    meaning: str = ""  # the words without what they rule out, for a search by meaning

    @property
    def filters(self) -> Filters:
        # Said both ways, ruled out wins: a shopper names what they dislike again to say why
        # ("not black! every pair I own is black"), far more often than they change their mind
        # within one message.
        ruled = {(m.attribute, m.label) for m in self.matches if m.negated}
        include: dict[str, list[str]] = {}
        exclude: dict[str, list[str]] = {}
        for m in self.matches:
            if m.allowed and not m.negated:
                continue
            target = exclude if (m.attribute, m.label) in ruled else include
            if m.label not in target.setdefault(m.attribute, []):
                target[m.attribute].append(m.label)
        include = {a: labels for a, labels in include.items() if labels}
        return Filters(
            include=include, exclude=exclude, price_min=self.price_min, price_max=self.price_max
        )


class Reader(Protocol):
    """What reads a shopper's message: `QueryParser.parse`."""

    def __call__(self, text: str, *, ask_llm: bool = True) -> ParsedQuery: ...
