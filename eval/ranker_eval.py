"""Held-out figures of one ranker on one split: all test purchases, and those of cold items."""

from __future__ import annotations

from typing import Any

from fitroom.eval.ranker_metrics import ranking_metrics
from fitroom.tools.ranker.base import CatalogueRanker
from fitroom.tools.ranker.split import PurchaseSplit


def cold_baskets(split: PurchaseSplit) -> dict[str, set[str]]:
    """Each test user's purchases of items nobody bought in train (users with none left out)."""
    bought = {p.item_id for p in split.train}
    cold = {u: {i for i in b if i not in bought} for u, b in split.test_baskets().items()}
    return {u: b for u, b in cold.items() if b}


def held_out_figures(ranker: CatalogueRanker, split: PurchaseSplit) -> dict[str, Any]:
    cold = cold_baskets(split)
    return {
        **{k: round(v, 4) for k, v in ranking_metrics(ranker, split.test_baskets()).items()},
        "cold": {k: round(v, 4) for k, v in ranking_metrics(ranker, cold).items()},
        "cold_users": len(cold),
    }
