"""Answer a shopper's question about one shown item from its catalogue record alone.

No LLM takes part: every word of an answer is a field of the record or says that the record
has no such field, so an answer can never invent a fabric, a size or a price.
"""

from __future__ import annotations

import re
from typing import Literal

from fitroom.tools.catalog.items import Item
from fitroom.tools.reader.price_tiers import Tier

Topic = Literal["price", "colour", "pattern", "material", "size", "details"]

_TOPICS: list[tuple[Topic, re.Pattern[str]]] = [
    ("price", re.compile(r"\b(how much|price|cost|expensive)\b")),
    ("colour", re.compile(r"\bwhat colou?r\b|\bcolou?r is\b")),
    ("pattern", re.compile(r"\b(pattern|print|striped|checked|plain)\b")),
    ("material", re.compile(r"\b(made of|material|fabric|cotton|wool|polyester|linen)\b")),
    ("size", re.compile(r"\b(size|sizes|fit|fits|length)\b")),
    ("details", re.compile(r"\b(tell me (?:more )?about|describe|details?|more about|what is)\b")),
]
_QUESTION = re.compile(
    r"\?\s*$|^(?:how|what|which|is|does|do|can|tell me|describe)\b|\bmore about\b"
)


def is_question(text: str) -> bool:
    """Whether a message is put as a question ("is the second one long-sleeved?")."""
    return bool(_QUESTION.search(text.casefold().strip()))


def question_topic(text: str) -> Topic | None:
    """What a message asks about a shown item, or None when it is not such a question."""
    lowered = text.casefold().strip()
    if not is_question(lowered):
        return None
    for topic, pattern in _TOPICS:
        if pattern.search(lowered):
            return topic
    return None


def _price(item: Item, currency: bool, tier: Tier | None) -> str:
    if item.price is None:
        return "The catalogue gives no price for it."
    among = f" That is {tier} for a {item.article_type.lower()} here." if tier else ""
    if currency:
        return f"It costs {item.price:.2f}.{among}"
    return (
        f"Its catalogue price is {item.price:.4f} in normalised units; this catalogue lists "
        f"no currency, but I can find cheaper ones.{among}"
    )


def _material(item: Item) -> str:
    if not item.description:
        return "The catalogue does not say what it is made of."
    return f'The catalogue has no fabric field; its description reads: "{item.description}"'


def answer_about(item: Item, topic: Topic, currency: bool = True, tier: Tier | None = None) -> str:
    """One or two sentences on `topic`, every fact taken from `item`'s record; `currency` is
    False where the catalogue's prices are normalised units rather than money, and `tier` is
    where its price stands among its own kind (budget, mid, premium)."""
    name = f"The {item.title}"
    if topic == "price":
        return f"{item.title}. {_price(item, currency, tier)}"
    if topic == "colour":
        family = f" ({item.colour_master.lower()} family)" if item.colour_master else ""
        return f"{name} is {item.colour.lower()}{family}."
    if topic == "pattern":
        if not item.pattern:
            return f"The catalogue gives no pattern for the {item.title}."
        return f"{name} has the pattern: {item.pattern.lower()}."
    if topic == "material":
        return f"{item.title}. {_material(item)}"
    if topic == "size":
        return f"{item.title}. The catalogue has no sizes or measurements, so I cannot say."
    pattern = f", {item.pattern.lower()}" if item.pattern else ""
    text = f"{name} is a {item.article_type.lower()} in {item.colour.lower()}{pattern}"
    text += f", listed for {item.gender.lower()}." if item.gender else "."
    if item.description:
        text += f' The catalogue says: "{item.description}"'
    return f"{text} {_price(item, currency, tier)}"
