"""ItemKNN: items bought by the same people as what this user bought."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fitroom.tools.catalog.items import Interaction
from fitroom.tools.ranker.base import CatalogueRanker, Scores
from fitroom.tools.ranker.copurchase import CoPurchase

# Popularity only breaks ties (most items share no buyer with the user's items at all).
_TIE_BREAK = 1e-6


class ItemKNN(CatalogueRanker):
    """A user scores an item by its summed buyer-set cosine to the items in their history."""

    name = "itemknn"

    def __init__(self) -> None:
        super().__init__()
        self.copurchase: CoPurchase | None = None

    def _fit(self, train: Sequence[Interaction]) -> None:
        self.copurchase = CoPurchase(self.history_pairs(), len(self.users), len(self.item_ids))

    def _user_scores(self, user_id: str, rows: list[int]) -> Scores:
        assert self.copurchase is not None
        summed = self.copurchase.sums([rows])[0]
        scores: Scores = (summed + _TIE_BREAK * self.popularity).astype(np.float32)
        return scores
