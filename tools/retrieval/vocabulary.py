"""The catalogue's own attribute vocabulary: the labels filters and the query parser may use."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from fitroom.tools.catalog.items import Item
from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.reader.features import FEATURES
from fitroom.tools.reader.price_tiers import price_cuts
from fitroom.tools.retrieval.filters import FEATURE, FILTER_KEYS, Filters


class Vocabulary(BaseModel):
    """Distinct values per filterable attribute, as the catalogue spells them."""

    values: dict[str, list[str]] = {}
    # Tercile cuts of each article type's prices (see `price_tiers`); empty for an index built
    # before prices were read this way, until `fitroom index` runs again.
    price_cuts: dict[str, list[float]] = {}

    @classmethod
    def from_items(cls, items: Iterable[Item]) -> Vocabulary:
        items = list(items)
        seen: dict[str, set[str]] = {key: set() for key in FILTER_KEYS}
        for item in items:
            for key in FILTER_KEYS:
                value = getattr(item, key)
                if value:
                    seen[key].add(value)
        return cls(
            values={key: sorted(vals) for key, vals in seen.items()},
            price_cuts=price_cuts((i.article_type, i.price) for i in items),
        )

    def merged(self, other: Vocabulary) -> Vocabulary:
        """Both sets of labels; the newer (`other`) price cuts, since they were read from the
        items being indexed now."""
        keys = {*self.values, *other.values}
        return Vocabulary(
            values={k: sorted({*self.values.get(k, []), *other.values.get(k, [])}) for k in keys},
            price_cuts=other.price_cuts or self.price_cuts,
        )

    def canonical(self, key: str, value: str) -> str | None:
        """The catalogue's spelling of `value` for `key`, matched case-insensitively."""
        wanted = value.strip().casefold()
        return next((v for v in self.values.get(key, []) if v.casefold() == wanted), None)

    def canonical_filters(self, filters: Filters) -> Filters:
        """Respell filter values as the catalogue does; refuse values it has never used."""

        def fix(key: str, values: list[str]) -> list[str]:
            out = []
            # features are not the catalogue's metadata but words its items' text says
            choices = list(FEATURES) if key == FEATURE else self.values.get(key, [])
            for value in values:
                found = next((v for v in choices if v.casefold() == value.strip().casefold()), None)
                if found is None:
                    known = ", ".join(choices[:12])
                    raise InvalidQueryError(
                        f"The catalogue has no {key} {value!r}; known values include {known}."
                    )
                out.append(found)
            return out

        if not self.values:
            return filters
        return filters.model_copy(
            update={
                "include": {k: fix(k, v) for k, v in filters.include.items()},
                "exclude": {k: fix(k, v) for k, v in filters.exclude.items()},
            }
        )
