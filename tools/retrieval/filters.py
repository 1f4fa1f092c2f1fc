"""Structured filters (equality, set membership, exclusion, price range) and their Chroma form."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, model_validator

from fitroom.tools.errors import InvalidQueryError

FILTER_KEYS = ("gender", "category", "article_type", "colour", "colour_master", "pattern")
# What the reader may also rule out: a feature no label holds ("not skinny"), which search
# checks in the items' own text rather than in the store's metadata.
FEATURE = "feature"
_ARG = re.compile(r"^\s*(?P<key>[a-z_]+)\s*(?P<op>!=|<=|>=|=)\s*(?P<value>.+?)\s*$")


class Filters(BaseModel):
    """Hard constraints on catalogue attributes; values use the catalogue's own labels."""

    include: dict[str, list[str]] = {}
    exclude: dict[str, list[str]] = {}
    price_min: float | None = None
    price_max: float | None = None

    @model_validator(mode="after")
    def _check(self) -> Filters:
        for key in [*self.include, *self.exclude]:
            if key not in FILTER_KEYS and key != FEATURE:
                raise InvalidQueryError(
                    f"Unknown filter key {key!r}; use one of {', '.join(FILTER_KEYS)} or price."
                )
        low, high = self.price_min, self.price_max
        if low is not None and high is not None and low > high:
            raise InvalidQueryError(
                f"The price range {low}..{high} is empty; make the minimum no larger "
                "than the maximum."
            )
        return self

    def is_empty(self) -> bool:
        return not (
            self.include or self.exclude or self.price_min is not None or self.price_max is not None
        )

    def merged(self, other: Filters) -> Filters:
        """Combine two filter sets; where both constrain a key, `other` wins."""
        return Filters(
            include={**self.include, **other.include},
            exclude={
                k: sorted({*self.exclude.get(k, []), *other.exclude.get(k, [])})
                for k in {*self.exclude, *other.exclude}
            },
            price_min=other.price_min if other.price_min is not None else self.price_min,
            price_max=other.price_max if other.price_max is not None else self.price_max,
        )

    def without(self, keys: Iterable[str]) -> Filters:
        """These wants dropped ("price" drops the price range); exclusions always stay."""
        drop = set(keys)
        update: dict[str, object] = {
            "include": {k: v for k, v in self.include.items() if k not in drop}
        }
        if "price" in drop:
            update |= {"price_min": None, "price_max": None}
        return self.model_copy(update=update)

    def to_where(self) -> dict[str, Any] | None:
        """Translate into a Chroma `where` clause, or None when nothing is constrained."""
        clauses: list[dict[str, Any]] = []
        for key, values in sorted(self.include.items()):
            if key == FEATURE:  # a preference, read in the items' text by `search`
                continue
            clauses.append({key: {"$eq": values[0]} if len(values) == 1 else {"$in": values}})
        for key, values in sorted(self.exclude.items()):
            if key != FEATURE:  # not metadata: `search` reads it in the items' text
                clauses.append({key: {"$nin": values}})
        if self.price_min is not None:
            clauses.append({"price": {"$gte": self.price_min}})
        if self.price_max is not None:
            clauses.append({"price": {"$lte": self.price_max}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _price(value: str, arg: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise InvalidQueryError(f"The filter {arg!r} needs a number after the operator.") from None


def parse_filter_args(args: Iterable[str]) -> Filters:
    """Parse CLI filters: `key=value`, `key=a,b` (any of), `key!=value`, `price<=x`, `price>=x`.

    Args:
        args: One filter expression per item.

    Returns:
        The combined filters.

    Raises:
        InvalidQueryError: An expression is malformed or names an unknown key.
    """
    include: dict[str, list[str]] = {}
    exclude: dict[str, list[str]] = {}
    prices: dict[str, float] = {}
    for arg in args:
        match = _ARG.match(arg)
        if not match:
            raise InvalidQueryError(
                f"Cannot read the filter {arg!r}; write key=value, key!=value or price<=number."
            )
        key, op, value = match["key"], match["op"], match["value"]
        if key == "price":
            if op not in ("<=", ">="):
                raise InvalidQueryError(f"Use price<=X or price>=X, not {arg!r}.")
            prices["price_max" if op == "<=" else "price_min"] = _price(value, arg)
            continue
        if op in ("<=", ">="):
            raise InvalidQueryError(f"Only price takes <= or >=; write {key}=value in {arg!r}.")
        values = [v.strip() for v in value.split(",") if v.strip()]
        target = include if op == "=" else exclude
        target.setdefault(key, []).extend(values)
    return Filters(include=include, exclude=exclude, **prices)
