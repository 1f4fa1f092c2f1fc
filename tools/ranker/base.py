"""The contract every ranker shares, and a base that derives it from one catalogue-wide score."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.catalog.items import Interaction, listing
from fitroom.tools.errors import InvalidQueryError

Scores = NDArray[np.float32]


class CatalogueRanker:
    """Scores every catalogue item for a user; `score` and `full_sort` follow from that.

    Subclasses implement `_fit` and `_user_scores`; an unknown user gets `_new_user_scores`,
    by default plain popularity. `fit` derives what every ranker needs from the purchases: each
    user's history as catalogue rows, a user index, and purchase counts.
    """

    name = "base"

    def __init__(self) -> None:
        self.item_ids: list[str] = []
        self._index: dict[str, int] = {}
        self.history: dict[str, list[int]] = {}
        self.users: dict[str, int] = {}
        self.counts = np.zeros(0, dtype=np.float32)
        self.popularity = np.zeros(0, dtype=np.float32)

    def fit(self, train: Sequence[Interaction], item_ids: Sequence[str]) -> None:
        """Learn from `train` purchases over the catalogue `item_ids`."""
        self.index_purchases(train, item_ids)
        self._fit(train)

    def index_purchases(self, train: Sequence[Interaction], item_ids: Sequence[str]) -> None:
        """The bookkeeping every ranker shares, without any learning."""
        self.item_ids = list(item_ids)
        self._index = {item_id: row for row, item_id in enumerate(self.item_ids)}
        self.history = {}
        for p in train:
            if p.item_id in self._index:
                self.history.setdefault(p.user_id, []).append(self._index[p.item_id])
        self.users = {user: n for n, user in enumerate(self.history)}
        bought = [row for rows in self.history.values() for row in rows]
        self.counts = np.bincount(bought, minlength=len(self.item_ids)).astype(np.float32)
        self.popularity = self.counts / max(float(self.counts.max(initial=0.0)), 1.0)

    def history_pairs(self) -> NDArray[np.int64]:
        """(user index, item row) per train purchase, for the models that learn from pairs."""
        pairs = [(self.users[u], row) for u, rows in self.history.items() for row in rows]
        return np.array(pairs, dtype=np.int64).reshape(-1, 2)

    def rows(self, item_ids: Sequence[str]) -> list[int]:
        """Catalogue rows of `item_ids`; unknown ids are an error that lists them."""
        unknown = [i for i in item_ids if i not in self._index]
        if unknown:
            raise InvalidQueryError(
                f"Unknown item id(s) {listing(unknown)}; use ids from the catalogue the ranker "
                "was fitted on."
            )
        return [self._index[i] for i in item_ids]

    def knows(self, user_id: str) -> bool:
        return user_id in self.history

    def purchases(self, user_id: str) -> list[str]:
        return [self.item_ids[row] for row in self.history.get(user_id, [])]

    def score(self, user_id: str, item_ids: Sequence[str]) -> Scores:
        """Scores of `item_ids` for `user_id` (an unknown user is a new user)."""
        if not item_ids:
            return np.zeros(0, dtype=np.float32)
        return self.all_scores(user_id)[self.rows(item_ids)]

    def full_sort(self, user_id: str, k: int) -> list[str]:
        """The `k` best catalogue items for `user_id`, best first."""
        scores = self.all_scores(user_id)
        # A full stable sort, not argpartition: which of several tied items argpartition keeps
        # differs between NumPy releases, and ties must go to catalogue order everywhere.
        return [self.item_ids[i] for i in np.argsort(-scores, kind="stable")[:k]]

    def all_scores(self, user_id: str) -> Scores:
        rows = self.history.get(user_id)
        return self._user_scores(user_id, rows) if rows else self._new_user_scores()

    def _fit(self, train: Sequence[Interaction]) -> None:
        raise NotImplementedError

    def _user_scores(self, user_id: str, rows: list[int]) -> Scores:
        raise NotImplementedError

    def _new_user_scores(self) -> Scores:
        return self.popularity
