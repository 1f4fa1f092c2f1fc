"""Sums of money in a message ("under 40", "£30 max", "between 20 and 50 euros"), as said.

The reader only says what sum was named; whether it can apply is the catalogue's business: H&M's
prices are normalised units, not a currency, so a sum there is reported, never compared.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

_SIGN = r"[$€£¥₹]"
_UNIT = (
    r"(?:dollars?|bucks|euros?|eur|usd|gbp|pounds?|quid|kr|sek|kronor|rupees?|rs|yen|"
    r"francs?|chf|pesos?|zloty|pln|aud|cad)"
)
_NUM = r"(\d{1,6}(?:[.,]\d{1,2})?)"
# A sum: with a currency sign or word, or a bare number after a word that only prices use.
_SUM = rf"(?:{_SIGN}\s*{_NUM}|{_NUM}\s*(?:{_SIGN}|{_UNIT}\b))"
_CAP = (
    r"under|below|less than|lower than|at most|max(?:imum)?\.?|up to|no more than|not more than|"
    r"cheaper than|within|tops|budget(?: is| of)?|spend(?:ing)?|no (?:higher|pricier) than"
)
_FLOOR = r"over|above|more than|at least|min(?:imum)?\.?|from|starting at"
_FLOOR_BARE = r"over|above|more than|at least|min(?:imum)?\.?"  # not "from 3 to 5 years"
# After a cap word a bare number is a price unless a unit of something else follows: "under 5s",
# "under 10 degrees", "over 40 years".
_NOT_MONEY = (
    r"(?!\s*(?:s\b|'s|yrs?\b|years?\b|yo\b|y/o|months?\b|m\b|weeks?\b|days?\b|degrees?\b|°|"
    r"cm\b|mm\b|kg\b|lbs?\b|inch|in\b|%|percent|minutes?\b|mins?\b|hours?\b|h\b|km\b|miles?\b|"
    r"items?\b|pieces?\b|results?\b|pairs?\b|st\b|nd\b|rd\b|th\b|-year))"
)
_BARE = rf"{_NUM}{_NOT_MONEY}(?![.,]?\d)"
_RANGE = re.compile(
    rf"\bbetween\s+{_SIGN}?\s*{_NUM}\s*{_UNIT}?\s*(?:and|-|to)\s*{_SIGN}?\s*{_NUM}{_NOT_MONEY}"
)
_CAPPED = re.compile(rf"\b(?:{_CAP})\s*(?:{_SUM}|{_BARE})")
_CAP_AFTER = re.compile(
    rf"(?:{_SUM}|\b{_NUM})\s*(?:or (?:less|under|below|cheaper)|max\b|tops\b|at most\b)"
)
_FLOORED = re.compile(
    rf"\b(?:{_FLOOR})\s*{_SUM}|\b(?:{_FLOOR_BARE})\s*{_BARE}|{_SUM}\s*(?:or (?:more|over|above)|\+)"
)
_CURRENCY = re.compile(rf"{_SIGN}|\b{_UNIT}\b")
_ALONE = re.compile(rf"(?:^|[\s(,]){_SUM}")
# "for a 5 year old", "size 40", "age 12": numbers that say who or what size, not a price
_AGE_BEFORE = re.compile(
    r"\b(?:kids?|child(?:ren)?|babies|baby|toddlers?|boys?|girls?|ages?|aged|size|sizes|eu|uk|us"
    r"|i'?m|i am|he'?s|she'?s|we'?re|they'?re|you'?re|turning|turned"
    r"|(?:he|she|they|mum|mom|dad|mother|father|son|daughter|wife|husband|partner|gran\w*"
    r"|nan|sister|brother|friend|boss) (?:is|are))\s*$"
)

# "nothing over 25", "not above 40": a floor negated is a cap
_NEGATED = re.compile(r"\b(?:nothing|not|never|none|no)\s*$")


class Money(BaseModel):
    """A sum named in a message, in whatever currency the shopper thinks in."""

    said: str  # the words, for a note that says what could not be applied
    low: float | None = None
    high: float | None = None

    @property
    def in_a_currency(self) -> bool:
        """Whether a currency was named ("£30", "30 euros"), not a bare number ("under 0.03")."""
        return bool(_CURRENCY.search(self.said))

    @property
    def in_catalogue_units(self) -> bool:
        """A bare number below 1 ("under 0.03"): said in the catalogue's own price units, as an
        agent reading the prices the tools return would (H&M's lie between 0.001 and 0.22)."""
        return not self.in_a_currency and (self.high or self.low or 0) < 1


def _amount(groups: tuple[str | None, ...]) -> list[float]:
    return [float(g.replace(",", ".")) for g in groups if g]


def money_said(text: str) -> Money | None:
    """The range of money a message names ("under 40" is a cap, "over £100" a floor), or None."""
    lowered = text.casefold()
    if found := _RANGE.search(lowered):
        low, high = sorted(_amount(found.groups()))
        return Money(said=found.group(0).strip(), low=low, high=high)
    for pattern, is_cap in ((_CAPPED, True), (_CAP_AFTER, True), (_FLOORED, False)):
        for found in pattern.finditer(lowered):
            before = lowered[: found.start()]
            if _AGE_BEFORE.search(before):
                continue
            (amount,) = _amount(found.groups())
            is_cap = is_cap != bool(_NEGATED.search(before))
            said = found.group(0).strip()
            return Money(said=said, high=amount) if is_cap else Money(said=said, low=amount)
    if found := _ALONE.search(lowered):  # "a £40 dress": about that much, read as the most
        (amount,) = _amount(found.groups())
        return Money(said=found.group(0).strip(" (,"), high=amount)
    return None
