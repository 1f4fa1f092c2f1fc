"""The fused ranker (the survey's adaptation stage): frozen content vectors, ID embeddings,
co-purchases and popularity in one score.

    score(u, i) = a * cos(profile_u, content_i)              frozen content
                + b * copurchase_u(i)                         bought items only
                + c * log(1 + purchases_i)                    popularity
                + <id_u, id_i>                                bought items only, trained
                + <A profile_u, B content_i - mean>           unbought items only, trained

An item nobody has bought yet (a cold item) has no ID and no co-purchases, so the trained
low-rank adapter over its frozen content stands in for them: the survey's representation
transfer plus adapter tuning. Training hides a share of bought items' IDs and co-purchases
too, so the adapter learns from every item, not only the few new ones. The adapter's item side
is centred over the catalogue: it may reorder cold items but not bury them all at once.

Everything marked trained learns by full-catalogue softmax on causal examples (`examples.py`);
the IDs and the adapter start at zero, so training starts from the fixed part. The weights a, b
and c were chosen on a validation carve-out of the train split (reports/ranker.md). a and b
can train too (`weight_lr`): they then settle near the same ratio b/a = 0.3, with validation
recall no better. c can as well (`learn_popularity`), but it then grows large, because
popularity as of an example's date predicts that date's purchases far better than
whole-history counts predict a test date's, and validation recall drops by a third.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict, Field

from fitroom.tools.catalog.items import Interaction
from fitroom.tools.ranker.base import CatalogueRanker, Scores
from fitroom.tools.ranker.copurchase import CoPurchase
from fitroom.tools.ranker.examples import Examples, causal_examples
from fitroom.tools.ranker.fused_training import FusedParts, TrainingData, train_epoch
from fitroom.tools.retrieval.embedder import Vectors, normalise


class FusedRecipe(BaseModel):
    """Everything that decides a fused ranker besides its data."""

    model_config = ConfigDict(frozen=True)

    content_weight: float = Field(default=10.0, ge=0, description="a, or its start value.")
    copurchase_weight: float = Field(default=3.0, ge=0, description="b, or its start value.")
    weight_lr: float = Field(default=0.0, ge=0, description="Step size for a, b (and c); 0: fixed.")
    learn_popularity: bool = Field(default=False, description="Train c as well (weight_lr).")
    popularity_weight: float = Field(default=0.0, ge=0)
    # Learned ID embeddings lowered validation recall at every size tried (8, 32): the
    # co-purchase term already carries what IDs know here. Kept as an option; see the report.
    id_dim: int = Field(default=0, ge=0)
    adapter_rank: int = Field(default=16, ge=1)
    epochs: int = Field(default=5, ge=0)
    lr: float = Field(default=3e-3, gt=0)
    batch_size: int = Field(default=256, ge=1)
    drop_share: float = Field(default=0.2, ge=0, lt=1)
    # Where a session's stated preferences meet a purchase history, their share of the profile.
    context_share: float = Field(default=0.5, ge=0, le=1)
    seed: int = 0


class FusedRanker(CatalogueRanker):
    name = "fused"
    TRAINED = ("weights", "user_vectors", "item_vectors", "adapter_users", "adapter_items")

    def __init__(
        self,
        content: Vectors,
        recipe: FusedRecipe | None = None,
        on_epoch: Callable[[float], None] | None = None,
    ) -> None:
        super().__init__()
        self.content = content
        self.recipe = recipe or FusedRecipe()
        self.on_epoch = on_epoch
        self.copurchase: CoPurchase | None = None
        self.log_pop = np.zeros(0, dtype=np.float32)
        self.cold = np.zeros(0, dtype=bool)
        self.user_vectors = np.zeros((0, self.recipe.id_dim), dtype=np.float32)
        self.item_vectors = np.zeros((0, self.recipe.id_dim), dtype=np.float32)
        self.adapter_users = np.zeros((content.shape[1], self.recipe.adapter_rank), np.float32)
        self.adapter_items = np.zeros((0, self.recipe.adapter_rank), dtype=np.float32)
        r = self.recipe
        self.weights = np.array(
            [r.content_weight, r.copurchase_weight, r.popularity_weight], dtype=np.float32
        )
        self.losses: list[float] = []
        self.examples = 0

    def _fit(self, train: Sequence[Interaction]) -> None:
        self._derive()
        examples = causal_examples(train, self._index, self.users)
        self.examples = len(examples)
        self._train(examples)

    def _derive(self) -> None:
        """What follows from the purchases alone (also rebuilt when a checkpoint loads)."""
        if len(self.content) != len(self.item_ids):
            raise ValueError("content rows must match the catalogue's items")
        self.copurchase = CoPurchase(self.history_pairs(), len(self.users), len(self.item_ids))
        self.log_pop = np.log1p(self.counts).astype(np.float32)
        self.cold = self.counts == 0

    def _train(self, examples: Examples) -> None:
        import torch

        r = self.recipe
        torch.manual_seed(r.seed)
        gen = torch.Generator().manual_seed(r.seed)
        content = torch.as_tensor(self.content)
        parts = FusedParts.fresh(len(self.users), content, r, self.weights)
        opt = parts.optimiser(r)
        data = TrainingData.of(examples, content, self.cold)
        self.losses = []
        for _ in range(r.epochs if len(examples) else 0):
            self.losses.append(train_epoch(parts, opt, data, r, gen, self.copurchase_rows))
            if self.on_epoch:
                self.on_epoch(len(self.losses) / r.epochs)
        for name, array in parts.arrays(content, data.bought, len(self.users)).items():
            setattr(self, name, array)

    def trained_arrays(self) -> dict[str, NDArray[np.float32]]:
        return {name: np.ascontiguousarray(getattr(self, name)) for name in self.TRAINED}

    def restore(
        self,
        purchases: Sequence[Interaction],
        item_ids: Sequence[str],
        arrays: dict[str, NDArray[np.float32]],
    ) -> None:
        """Rebuild a fitted ranker from the purchases it was fitted on and its trained arrays."""
        self.index_purchases(purchases, item_ids)
        self._derive()
        for name in self.TRAINED:
            setattr(self, name, arrays[name])

    def copurchase_rows(
        self, histories: Sequence[Sequence[int]], leave_out: Any = None
    ) -> NDArray[np.float32]:
        """Co-purchase sums per history, each row scaled to a maximum of 1."""
        assert self.copurchase is not None
        users = None if leave_out is None else [int(u) for u in leave_out]
        sums = self.copurchase.sums(histories, users)
        scaled: NDArray[np.float32] = sums / np.maximum(sums.max(axis=1, keepdims=True), 1e-9)
        return scaled

    def profile(self, rows: Sequence[int], context: Vectors | None) -> Vectors | None:
        """A user's content profile: their purchases' mean, steered by a context vector."""
        parts: list[Vectors] = []
        if len(rows):
            parts.append(normalise(self.content[list(rows)].mean(axis=0, keepdims=True))[0])
        if context is not None:
            parts.append(normalise(context.reshape(1, -1))[0])
        if not parts:
            return None
        share = self.recipe.context_share if len(parts) == 2 else 1.0
        mixed = (1 - share) * parts[0] + share * parts[-1] if len(parts) == 2 else parts[0]
        profile: Vectors = normalise(mixed.reshape(1, -1))[0]
        return profile

    def scores_for(
        self,
        rows: Sequence[int],
        user_row: int | None,
        context: Vectors | None,
        candidates: NDArray[np.int64] | None = None,
        popularity: float | None = None,
    ) -> Scores:
        """Scores of `candidates` (default: the whole catalogue) for a history of catalogue
        rows, an optional trained user row, and an optional context vector in content space;
        `popularity` replaces the weight c for this call."""
        pick: Any = slice(None) if candidates is None else candidates
        profile = self.profile(rows, context)
        if profile is None:  # nothing known about this shopper: what sells
            return np.asarray(self.log_pop[pick], dtype=np.float32)
        warm = ~self.cold[pick]
        content_w, copurchase_w, pop_w = self.weights
        pop_w = pop_w if popularity is None else popularity
        scores = content_w * (self.content[pick] @ profile)
        scores = scores + pop_w * self.log_pop[pick]
        if len(rows):
            scores = scores + copurchase_w * self.copurchase_rows([rows])[0][pick] * warm
        if user_row is not None:
            scores = scores + (self.item_vectors[pick] @ self.user_vectors[user_row]) * warm
        adapter = self.adapter_items[pick] @ (profile @ self.adapter_users)
        return np.asarray(scores + adapter * ~warm, dtype=np.float32)

    def _user_scores(self, user_id: str, rows: list[int]) -> Scores:
        return self.scores_for(rows, self.users[user_id], None)

    @property
    def context_width(self) -> int:
        return int(self.content.shape[1])

    def rank(
        self,
        user: str | Sequence[str] | None,
        candidate_ids: Sequence[str],
        context_vector: Vectors | None = None,
        popularity: float | None = None,
    ) -> list[tuple[str, float]]:
        from fitroom.tools.ranker.service import rank_items

        return rank_items(self, user, candidate_ids, context_vector, popularity)
