"""The fused ranker (the survey's adaptation stage): ID embeddings plus frozen content vectors
through a small trained adapter, plus popularity as a feature.

    score(u, i) = <user_u, id_i + adapter(content_i)> + w * log(1 + purchases_i)
    user_u      = id_u + user_adapter(mean content of u's purchases)

Only the IDs and the adapters train; the content vectors stay frozen. Item IDs are dropped at
random while training, so the adapter alone must carry an item: that is how an item nobody has
bought yet (a cold item) is still scored, through its content.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from fitroom.tools.catalog import Interaction
from fitroom.tools.embedder import Vectors, normalise
from fitroom.tools.ranker.base import CatalogueRanker, Scores


class FusedRanker(CatalogueRanker):
    """BPR over random and popularity-sampled ("hard") negatives."""

    name = "fused"

    def __init__(
        self,
        content: Vectors,
        dim: int = 64,
        epochs: int = 30,
        lr: float = 5e-3,
        id_dropout: float = 0.3,
        hard_share: float = 0.5,
        content_scale: float = 10.0,
        seed: int = 0,
    ) -> None:
        super().__init__()
        self.content = content
        self.dim, self.epochs, self.lr = dim, epochs, lr
        self.id_dropout, self.hard_share, self.seed = id_dropout, hard_share, seed
        self.content_scale = content_scale
        self.sim_weight = content_scale
        self.profiles = np.zeros((0, content.shape[1]), dtype=np.float32)
        self.item_matrix = np.zeros((0, dim), dtype=np.float32)
        self.pop_term = np.zeros(0, dtype=np.float32)
        self.user_matrix = np.zeros((0, dim), dtype=np.float32)
        self._user_adapter: Any = None

    def _fit(self, train: Sequence[Interaction]) -> None:
        import torch
        import torch.nn.functional as F

        torch.manual_seed(self.seed)
        gen = torch.Generator().manual_seed(self.seed)
        n_items, width = self.content.shape
        pairs = torch.as_tensor(self.history_pairs())
        content = torch.as_tensor(self.content)
        profiles = (
            torch.stack([content[rows].mean(0) for rows in self.history.values()])
            if self.history
            else torch.zeros(0, width)
        )
        counts = self.counts
        log_pop = torch.as_tensor(np.log1p(counts))
        user_ids = torch.nn.Embedding(max(len(self.users), 1), self.dim)
        item_ids = torch.nn.Embedding(n_items, self.dim)
        item_adapter = torch.nn.Sequential(
            torch.nn.Linear(width, 2 * self.dim),
            torch.nn.GELU(),
            torch.nn.Linear(2 * self.dim, self.dim),
        )
        user_adapter = torch.nn.Linear(width, self.dim)
        torch.nn.init.normal_(user_ids.weight, std=0.01)
        torch.nn.init.zeros_(item_ids.weight)  # an unbought item starts as its content
        modules = (user_ids, item_ids, item_adapter, user_adapter)
        pop_weight = torch.nn.Parameter(torch.zeros(()))
        # The content-only ranker's own score (profile–item cosine) is one feature of the fused
        # one, so fusion starts from the strongest single signal and the IDs add to it.
        sim_weight = torch.nn.Parameter(torch.tensor(self.content_scale))
        unit_profiles = F.normalize(profiles, dim=1) if len(profiles) else profiles
        params = [p for module in modules for p in module.parameters()]
        opt = torch.optim.Adam([*params, pop_weight, sim_weight], lr=self.lr, weight_decay=1e-6)
        sampling = torch.as_tensor(counts + 1.0, dtype=torch.float)

        def items(rows: torch.Tensor, drop: bool) -> torch.Tensor:
            ids = item_ids(rows)
            if drop:
                keep = (torch.rand(len(rows), 1, generator=gen) >= self.id_dropout).float()
                ids = ids * keep
            out: torch.Tensor = ids + item_adapter(content[rows])
            return out

        for _ in range(self.epochs):
            for batch in torch.split(torch.randperm(len(pairs), generator=gen), 512):
                u, pos = pairs[batch, 0], pairs[batch, 1]
                hard = torch.multinomial(sampling, len(batch), replacement=True, generator=gen)
                rand = torch.randint(n_items, (len(batch),), generator=gen)
                neg = torch.where(
                    torch.rand(len(batch), generator=gen) < self.hard_share, hard, rand
                )
                user = user_ids(u) + user_adapter(profiles[u])
                profile = unit_profiles[u]
                pos_s = (user * items(pos, True)).sum(1) + pop_weight * log_pop[pos]
                neg_s = (user * items(neg, True)).sum(1) + pop_weight * log_pop[neg]
                pos_s = pos_s + sim_weight * (profile * content[pos]).sum(1)
                neg_s = neg_s + sim_weight * (profile * content[neg]).sum(1)
                loss = -F.logsigmoid(pos_s - neg_s).mean()
                opt.zero_grad()
                loss.backward()  # type: ignore[no-untyped-call]
                opt.step()
        with torch.no_grad():
            all_rows = torch.arange(n_items)
            self.item_matrix = items(all_rows, False).numpy()
            self.pop_term = (pop_weight * log_pop).numpy().astype(np.float32)
            self.sim_weight = float(sim_weight)
            self.profiles = unit_profiles.numpy()
            self.user_matrix = (user_ids.weight[: len(self.users)] + user_adapter(profiles)).numpy()
        self._user_adapter = user_adapter

    def user_vector_from_content(self, vector: Vectors) -> Vectors:
        """A user made of content alone: a profile or a session's stated preferences."""
        import torch

        with torch.no_grad():
            out = self._user_adapter(torch.as_tensor(normalise(vector.reshape(1, -1))))
        return np.asarray(out.numpy().reshape(-1), dtype=np.float32)

    def _user_scores(self, user_id: str, rows: list[int]) -> Scores:
        row = self.users[user_id]
        similarity = self.content @ self.profiles[row]
        scores: Scores = np.asarray(
            self.item_matrix @ self.user_matrix[row] + self.pop_term + self.sim_weight * similarity,
            dtype=np.float32,
        )
        return scores

    def _new_user_scores(self) -> Scores:
        return self.pop_term
