"""Co-purchase neighbourhoods: how strongly items are tied by shared buyers."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy import sparse


class CoPurchase:
    """Cosine similarity between items' buyer sets, summed over a user's items.

    `sums(histories)` gives, for each history, every item's summed similarity to the items in
    it; an item is never its own neighbour. With `leave_out` users, each history's own user is
    removed from the buyer sets first, so a training example never sees its own answer.
    """

    def __init__(self, pairs: NDArray[np.int64], n_users: int, n_items: int) -> None:
        pairs = np.unique(pairs.reshape(-1, 2), axis=0)  # who bought what, repeats once
        self.bought = sparse.csr_matrix(
            (np.ones(len(pairs), dtype=np.float32), (pairs[:, 0], pairs[:, 1])),
            shape=(n_users, n_items),
        )
        self.shared = (self.bought.T @ self.bought).tocsr()  # buyers two items have in common
        self.buyers = self.shared.diagonal().astype(np.float32)

    def sums(
        self, histories: Sequence[Sequence[int]], leave_out: Sequence[int] | None = None
    ) -> NDArray[np.float32]:
        """One dense row per history (catalogue rows); `leave_out[e]` is history e's user."""
        n_items = self.shared.shape[0]
        if not histories:
            return np.zeros((0, n_items), dtype=np.float32)
        own = (
            np.asarray(self.bought[list(leave_out)].todense(), dtype=np.float32)
            if leave_out is not None
            else np.zeros((len(histories), n_items), dtype=np.float32)
        )
        uniq = [np.unique(np.asarray(h, dtype=np.int64)) for h in histories]
        inv_norm = [
            1.0 / np.sqrt(np.maximum(self.buyers[h] - own[e, h], 1.0)) for e, h in enumerate(uniq)
        ]
        weights = sparse.csr_matrix(
            (
                np.concatenate(inv_norm),
                (np.repeat(np.arange(len(uniq)), [len(h) for h in uniq]), np.concatenate(uniq)),
            ),
            shape=(len(uniq), n_items),
        )
        raw = np.asarray((weights @ self.shared).todense(), dtype=np.float32)
        # Take the user's own purchases back out of the shared-buyer counts (history items are
        # all theirs, so each shared count drops by one wherever they also bought the item)...
        raw -= own * np.asarray(weights.sum(axis=1), dtype=np.float32)
        for e, h in enumerate(uniq):
            # ...and an item's pairing with itself.
            raw[e, h] -= inv_norm[e] * (self.buyers[h] - own[e, h])
        raw /= np.sqrt(np.maximum(self.buyers[None, :] - own, 1.0))
        return np.maximum(raw, 0.0)  # float round-off around the removed terms
