"""Full-catalogue ranking metrics: Recall@20, NDCG@20, HR@10."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.ranker.base import CatalogueRanker

PerUser = dict[str, NDArray[np.float64]]


def per_user_metrics(
    ranker: CatalogueRanker, baskets: Mapping[str, set[str]], k: int = 20, hit_k: int = 10
) -> PerUser:
    """Recall@k, NDCG@k and HR@hit_k of each test user (in `baskets` order), ranking the whole
    catalogue."""
    recall, ndcg, hits = [], [], []
    for user, relevant in baskets.items():
        ranked = ranker.full_sort(user, k)
        gains = [1.0 if item in relevant else 0.0 for item in ranked]
        recall.append(sum(gains) / len(relevant))
        dcg = sum(g / math.log2(rank + 2) for rank, g in enumerate(gains))
        ideal = sum(1.0 / math.log2(rank + 2) for rank in range(min(len(relevant), k)))
        ndcg.append(dcg / ideal)
        hits.append(1.0 if any(gains[:hit_k]) else 0.0)
    return {
        f"recall@{k}": np.asarray(recall),
        f"ndcg@{k}": np.asarray(ndcg),
        f"hr@{hit_k}": np.asarray(hits),
    }


def ranking_metrics(
    ranker: CatalogueRanker, baskets: Mapping[str, set[str]], k: int = 20, hit_k: int = 10
) -> dict[str, float]:
    """Means of `per_user_metrics`, and the standard error of Recall@k."""
    users = per_user_metrics(ranker, baskets, k, hit_k)
    recall = users[f"recall@{k}"]
    # How far the mean could move by chance: on small test sets close models are a tie.
    se = float(recall.std() / np.sqrt(len(recall))) if len(recall) else 0.0
    means = {name: float(values.mean()) if len(values) else 0.0 for name, values in users.items()}
    return {**means, f"recall@{k}_se": se}


def paired_difference(a: NDArray[np.float64], b: NDArray[np.float64]) -> dict[str, float]:
    """Mean of a - b over the same users, its standard error, and who wins how often."""
    diff = a - b
    return {
        "mean": float(diff.mean()),
        "se": float(diff.std() / np.sqrt(len(diff))),
        "users_better": int((diff > 0).sum()),
        "users_worse": int((diff < 0).sum()),
    }
