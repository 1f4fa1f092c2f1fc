"""Full-catalogue ranking metrics: Recall@20, NDCG@20, HR@10."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from fitroom.tools.ranker.base import CatalogueRanker


def ranking_metrics(
    ranker: CatalogueRanker, baskets: Mapping[str, set[str]], k: int = 20, hit_k: int = 10
) -> dict[str, float]:
    """Mean Recall@k, NDCG@k and HR@hit_k over test users, ranking the whole catalogue."""
    recall, ndcg, hits = [], [], []
    for user, relevant in baskets.items():
        ranked = ranker.full_sort(user, k)
        gains = [1.0 if item in relevant else 0.0 for item in ranked]
        recall.append(sum(gains) / len(relevant))
        dcg = sum(g / math.log2(rank + 2) for rank, g in enumerate(gains))
        ideal = sum(1.0 / math.log2(rank + 2) for rank in range(min(len(relevant), k)))
        ndcg.append(dcg / ideal)
        hits.append(1.0 if any(gains[:hit_k]) else 0.0)
    if not baskets:
        return {f"recall@{k}": 0.0, f"ndcg@{k}": 0.0, f"hr@{hit_k}": 0.0}
    return {
        f"recall@{k}": float(np.mean(recall)),
        f"ndcg@{k}": float(np.mean(ndcg)),
        f"hr@{hit_k}": float(np.mean(hits)),
    }
