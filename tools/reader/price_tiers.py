"""Prices as a person reads them: a tier within the item's own kind (budget, mid, premium), and
words such as "cheap" or "not too expensive" as a cap set by that kind's own prices.

H&M publishes normalised prices (0.001 to 0.22) that mean nothing to a shopper, and a cheap
coat costs more than a dear T-shirt, so every cut is taken per article type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import numpy as np

Tier = Literal["budget", "mid", "premium"]
PriceWord = Literal["low", "high"]
ANY_TYPE = "*"  # the cuts over the whole catalogue, for a request that names no kind
_MIN_PRICED = 6  # fewer priced items than this give no cuts of their own

# Order matters: "not too expensive" says low before "expensive" can say high.
_LOW = re.compile(
    r"\b(?:cheap(?:er|est|ish|ly)?|inexpensive|affordable|budget|bargain|low[- ]cost|"
    r"less (?:expensive|pricey|costly|dear)|"
    r"(?:not|nothing|isn'?t|aren'?t|never) (?:too |very |that |so |overly |crazy |super )?"
    r"(?:expensive|pricey|dear|costly)|"
    r"(?:doesn'?t|don'?t|won'?t|shouldn'?t) cost (?:much|a lot|the earth|a fortune|loads)|"
    r"(?:under|below|less than) (?:the )?(?:usual|normal|average|typical) price|"
    r"low(?:er)? (?:price|prices|priced)|reasonabl[ey](?: priced)?|budget[- ]friendly|"
    r"on a (?:tight )?budget|good value|economical|won'?t break the bank|on the cheap|"
    r"skint|broke|pocket money|student budget|(?:under|for|less than) a (?:tenner|fiver)|"
    r"(?:don'?t|do not|can'?t|cannot) (?:want to |afford to )?spend (?:much|a lot|loads))\b"
)
_HIGH = re.compile(
    r"\b(?:expensive|premium|luxury|luxurious|high[- ]end|pricey|splurge|designer|"
    r"(?:money|price|cost) (?:is )?no object|spare no expense|investment piece|top of the range|"
    r"best quality)\b"
)


def price_cuts(priced: Iterable[tuple[str, float | None]]) -> dict[str, list[float]]:
    """The two tercile cuts of each article type's prices, and of all of them under "*"."""
    by_type: dict[str, list[float]] = {}
    for article_type, price in priced:
        if price is not None:
            by_type.setdefault(article_type, []).append(price)
            by_type.setdefault(ANY_TYPE, []).append(price)
    return {
        t: [float(c) for c in np.quantile(prices, [1 / 3, 2 / 3])]
        for t, prices in by_type.items()
        if len(prices) >= _MIN_PRICED
    }


def price_tier(
    article_type: str, price: float | None, cuts: Mapping[str, Sequence[float]]
) -> Tier | None:
    """Where `price` stands among items of its own kind; None when it or the cuts are unknown."""
    low_high = cuts.get(article_type) or cuts.get(ANY_TYPE)
    if price is None or not low_high:
        return None
    low, high = low_high
    return "budget" if price <= low else "premium" if price > high else "mid"


def price_word(text: str) -> PriceWord | None:
    """Whether a message asks for the cheap end or the dear end of the range."""
    lowered = text.casefold()
    if _LOW.search(lowered):
        return "low"
    return "high" if _HIGH.search(lowered) else None


def cap_or_floor(
    word: PriceWord, article_types: Sequence[str], cuts: Mapping[str, Sequence[float]]
) -> tuple[float | None, float | None]:
    """(price_min, price_max) for a price word, generous across several kinds: the highest of
    their cheap cuts and the lowest of their premium cuts."""
    rows = [cuts[t] for t in article_types if t in cuts] or (
        [cuts[ANY_TYPE]] if ANY_TYPE in cuts else []
    )
    if not rows:
        return None, None
    if word == "low":
        return None, max(r[0] for r in rows)
    return min(r[1] for r in rows), None
