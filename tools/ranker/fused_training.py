"""Training the fused ranker's trained parts by full-catalogue softmax on causal examples."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.ranker.examples import Examples

if TYPE_CHECKING:
    import torch

    from fitroom.tools.ranker.fused import FusedRecipe

CoPurchaseRows = Callable[[Sequence[Sequence[int]], Any], NDArray[np.float32]]
"""Co-purchase sums per history, leaving out the given users' own purchases."""


@dataclass
class FusedParts:
    """What training moves: the ID embeddings, the low-rank adapter and the weights a, b, c."""

    user_ids: torch.nn.Embedding
    item_ids: torch.nn.Embedding
    adapt_u: torch.nn.Linear
    adapt_i: torch.nn.Linear
    weights: torch.nn.Parameter

    @classmethod
    def fresh(
        cls, n_users: int, content: torch.Tensor, recipe: FusedRecipe, weights: NDArray[np.float32]
    ) -> FusedParts:
        import torch

        n_items, width = content.shape
        user_ids = torch.nn.Embedding(max(n_users, 1), recipe.id_dim)
        item_ids = torch.nn.Embedding(n_items, recipe.id_dim)
        torch.nn.init.normal_(user_ids.weight, std=0.1)
        torch.nn.init.zeros_(item_ids.weight)  # IDs start silent: the score starts as content
        adapt_u = torch.nn.Linear(width, recipe.adapter_rank, bias=False)
        adapt_i = torch.nn.Linear(width, recipe.adapter_rank, bias=False)
        torch.nn.init.zeros_(adapt_i.weight)
        trained_weights = torch.nn.Parameter(torch.as_tensor(weights.copy()))
        return cls(user_ids, item_ids, adapt_u, adapt_i, trained_weights)

    def optimiser(self, recipe: FusedRecipe) -> torch.optim.Adam:
        import torch

        modules = (self.user_ids, self.item_ids, self.adapt_u, self.adapt_i)
        groups: list[dict[str, Any]] = [
            {"params": [p for m in modules for p in m.parameters()]},
            {"params": [self.weights], "lr": recipe.weight_lr},
        ]
        return torch.optim.Adam(groups, lr=recipe.lr)

    def arrays(
        self, content: torch.Tensor, bought: torch.Tensor, n_users: int
    ) -> dict[str, NDArray[np.float32]]:
        """The trained parts as the ranker keeps them, named as its attributes."""
        import torch

        with torch.no_grad():
            weights = self.weights.detach().numpy().copy()
            items = self.adapt_i(content)
            return {
                "weights": weights,
                "adapter_items": (items - items.mean(0)).numpy(),
                "adapter_users": self.adapt_u.weight.T.numpy().copy(),
                "item_vectors": (self.item_ids.weight * bought).numpy(),
                "user_vectors": self.user_ids.weight[:n_users].numpy(),
            }


@dataclass
class TrainingData:
    """The examples as tensors, with each one's content profile worked out once."""

    examples: Examples
    content: torch.Tensor
    bought: torch.Tensor  # (items, 1): 1 for an item anyone has bought
    log_before: torch.Tensor
    profiles: torch.Tensor
    users: torch.Tensor
    positives: torch.Tensor

    @classmethod
    def of(cls, examples: Examples, content: torch.Tensor, cold: NDArray[np.bool_]) -> TrainingData:
        import torch
        import torch.nn.functional as F

        bought = torch.as_tensor(~cold).unsqueeze(1).float()
        log_before = torch.as_tensor(np.log1p(examples.counts_before))
        profiles = (
            torch.stack([F.normalize(content[h].mean(0), dim=0) for h in examples.histories])
            if len(examples)
            else torch.zeros(0, content.shape[1])
        )
        users = torch.as_tensor(examples.users)
        positives = torch.as_tensor(examples.positives)
        return cls(examples, content, bought, log_before, profiles, users, positives)


def train_epoch(
    parts: FusedParts,
    opt: torch.optim.Optimizer,
    data: TrainingData,
    recipe: FusedRecipe,
    gen: torch.Generator,
    copurchase_rows: CoPurchaseRows,
) -> float:
    """One pass over the examples in shuffled batches; returns the mean loss per example."""
    import torch
    import torch.nn.functional as F

    total = 0.0
    for batch in torch.split(torch.randperm(len(data.examples), generator=gen), recipe.batch_size):
        logits = _logits(parts, data, batch, recipe, gen, copurchase_rows)
        loss = F.cross_entropy(logits, data.positives[batch])
        opt.zero_grad()
        loss.backward()  # type: ignore[no-untyped-call]
        opt.step()
        total += float(loss.detach()) * len(batch)
    return total / len(data.examples)


def _logits(
    parts: FusedParts,
    data: TrainingData,
    batch: torch.Tensor,
    recipe: FusedRecipe,
    gen: torch.Generator,
    copurchase_rows: CoPurchaseRows,
) -> torch.Tensor:
    """Every item's score for each example in `batch`, as of the example's date."""
    import torch

    rows = batch.numpy()
    examples, content, weights = data.examples, data.content, parts.weights
    before = data.log_before[examples.dates[rows]]
    # As of the example's date, unbought items are cold; a random share of the
    # rest is hidden too, so the adapter learns to rank without IDs everywhere.
    hidden = (before == 0) | (torch.rand(1, content.shape[0], generator=gen) < recipe.drop_share)
    shown = (~hidden).float()
    near = copurchase_rows([examples.histories[e] for e in rows], data.users[batch])
    pop_weight = weights[2] if recipe.learn_popularity else weights[2].detach()
    profiles = data.profiles[batch]
    fixed = (
        weights[0] * profiles @ content.T
        + weights[1] * torch.as_tensor(near) * shown
        + pop_weight * before
    )
    items = parts.adapt_i(content)
    adapter = parts.adapt_u(profiles) @ (items - items.mean(0)).T
    ids = parts.user_ids(data.users[batch]) @ (parts.item_ids.weight * data.bought).T
    logits: torch.Tensor = fixed + ids * shown + adapter * hidden.float()
    return logits
