"""ItemKNN: items bought by the same people as what this user bought."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from fitroom.tools.catalog import Interaction
from fitroom.tools.ranker.base import CatalogueRanker, Scores

# Popularity only breaks ties (most items share no buyer with the user's items at all).
_TIE_BREAK = 1e-6


class ItemKNN(CatalogueRanker):
    """Cosine similarity between items' buyer sets; a user scores an item by its summed
    similarity to the items in their history."""

    name = "itemknn"

    def __init__(self) -> None:
        super().__init__()
        self.similarity: sparse.csr_matrix = sparse.csr_matrix((0, 0))

    def _fit(self, train: Sequence[Interaction]) -> None:
        pairs = np.unique(self.history_pairs(), axis=0)  # who bought what, repeats once
        bought = sparse.csr_matrix(
            (np.ones(len(pairs), dtype=np.float32), (pairs[:, 0], pairs[:, 1])),
            shape=(len(self.users), len(self.item_ids)),
        )
        co = (bought.T @ bought).tocsr()
        norms = np.sqrt(co.diagonal()).astype(np.float32)
        scale = sparse.diags(1.0 / np.maximum(norms, 1e-12))
        similarity = (scale @ co @ scale).tocsr()
        similarity.setdiag(0.0)  # an item is not its own neighbour
        similarity.eliminate_zeros()
        self.similarity = similarity

    def _user_scores(self, user_id: str, rows: list[int]) -> Scores:
        summed = np.asarray(self.similarity[rows].sum(axis=0)).ravel()
        scores: Scores = (summed + _TIE_BREAK * self.popularity).astype(np.float32)
        return scores
