"""Popularity: what many people bought lately, the same for everyone."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fitroom.tools.catalog.items import Interaction
from fitroom.tools.ranker.base import CatalogueRanker, Scores


def popularity_scores(
    train: Sequence[Interaction], index: dict[str, int], n_items: int, half_life_days: float | None
) -> Scores:
    """Purchase counts per catalogue row, each weighted by 0.5 ** (age / half-life) when a
    half-life is given (age counted back from the last train date)."""
    counts = np.zeros(n_items, dtype=np.float64)
    known = [p for p in train if p.item_id in index]
    if not known:
        return counts.astype(np.float32)
    newest = max(p.timestamp for p in known)
    for p in known:
        age = (newest - p.timestamp).days
        counts[index[p.item_id]] += 0.5 ** (age / half_life_days) if half_life_days else 1.0
    return counts.astype(np.float32)


class Popularity(CatalogueRanker):
    """Ranks by (optionally recency-weighted) purchase counts."""

    name = "popularity"

    def __init__(self, half_life_days: float | None = None) -> None:
        super().__init__()
        self.half_life_days = half_life_days
        self.scores = np.zeros(0, dtype=np.float32)

    def _fit(self, train: Sequence[Interaction]) -> None:
        self.scores = popularity_scores(train, self._index, len(self.item_ids), self.half_life_days)

    def _user_scores(self, user_id: str, rows: list[int]) -> Scores:
        return self.scores

    def _new_user_scores(self) -> Scores:
        return self.scores
