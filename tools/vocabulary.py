"""The catalogue's own attribute vocabulary: the labels filters and the query parser may use."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from fitroom.tools.catalog import Item
from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.filters import FILTER_KEYS, Filters


class Vocabulary(BaseModel):
    """Distinct values per filterable attribute, as the catalogue spells them."""

    values: dict[str, list[str]] = {}

    @classmethod
    def from_items(cls, items: Iterable[Item]) -> Vocabulary:
        seen: dict[str, set[str]] = {key: set() for key in FILTER_KEYS}
        for item in items:
            for key in FILTER_KEYS:
                value = getattr(item, key)
                if value:
                    seen[key].add(value)
        return cls(values={key: sorted(vals) for key, vals in seen.items()})

    def merged(self, other: Vocabulary) -> Vocabulary:
        keys = {*self.values, *other.values}
        return Vocabulary(
            values={k: sorted({*self.values.get(k, []), *other.values.get(k, [])}) for k in keys}
        )

    def canonical(self, key: str, value: str) -> str | None:
        """The catalogue's spelling of `value` for `key`, matched case-insensitively."""
        wanted = value.strip().casefold()
        return next((v for v in self.values.get(key, []) if v.casefold() == wanted), None)

    def canonical_filters(self, filters: Filters) -> Filters:
        """Respell filter values as the catalogue does; refuse values it has never used."""

        def fix(key: str, values: list[str]) -> list[str]:
            out = []
            for value in values:
                found = self.canonical(key, value)
                if found is None:
                    known = ", ".join(self.values.get(key, [])[:12])
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
