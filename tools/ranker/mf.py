"""ID-only matrix factorisation trained with BPR: users and items as learned vectors."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fitroom.tools.catalog.items import Interaction
from fitroom.tools.ranker.base import CatalogueRanker, Scores


class BprMF(CatalogueRanker):
    """score(u, i) = <user_u, item_i> + bias_i, fitted by BPR on random negatives. Items no one
    bought in train keep their initial near-zero vectors: ID-only MF cannot rank them."""

    name = "mf"

    def __init__(
        self, dim: int = 32, epochs: int = 30, lr: float = 0.05, reg: float = 1e-4, seed: int = 0
    ) -> None:
        super().__init__()
        self.dim, self.epochs, self.lr, self.reg, self.seed = dim, epochs, lr, reg, seed
        self.user_vectors = np.zeros((0, dim), dtype=np.float32)
        self.item_vectors = np.zeros((0, dim), dtype=np.float32)
        self.item_bias = np.zeros(0, dtype=np.float32)

    def _fit(self, train: Sequence[Interaction]) -> None:
        import torch

        torch.manual_seed(self.seed)
        gen = torch.Generator().manual_seed(self.seed)
        pairs = torch.as_tensor(self.history_pairs())
        n_items = len(self.item_ids)
        users = torch.nn.Embedding(len(self.users), self.dim)
        items = torch.nn.Embedding(n_items, self.dim)
        bias = torch.nn.Embedding(n_items, 1)
        for table in (users, items):
            torch.nn.init.normal_(table.weight, std=0.01)
        torch.nn.init.zeros_(bias.weight)
        opt = torch.optim.Adam(
            [*users.parameters(), *items.parameters(), *bias.parameters()], lr=self.lr
        )
        for _ in range(self.epochs):
            for batch in torch.split(torch.randperm(len(pairs), generator=gen), 1024):
                u, pos = pairs[batch, 0], pairs[batch, 1]
                neg = torch.randint(n_items, (len(batch),), generator=gen)
                pu = users(u)
                diff = (pu * (items(pos) - items(neg))).sum(1) + (bias(pos) - bias(neg)).squeeze(1)
                reg = self.reg * (
                    pu.pow(2).sum() + items(pos).pow(2).sum() + items(neg).pow(2).sum()
                )
                loss = -torch.nn.functional.logsigmoid(diff).mean() + reg / len(batch)
                opt.zero_grad()
                loss.backward()
                opt.step()
        self.user_vectors = users.weight.detach().numpy()
        self.item_vectors = items.weight.detach().numpy()
        self.item_bias = bias.weight.detach().numpy().ravel()

    def _user_scores(self, user_id: str, rows: list[int]) -> Scores:
        user = self.user_vectors[self.users[user_id]]
        return np.asarray(self.item_vectors @ user + self.item_bias, dtype=np.float32)
