"""`fitroom bench ranker`: every ranker on the time splits over 3 seeds, the fused ranker's
run-time speed, and reports/ranker.md."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rich.console import Console
from rich.progress import track

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.eval.ranker_eval import held_out_figures
from fitroom.eval.ranker_metrics import paired_difference, per_user_metrics
from fitroom.eval.ranker_report import write_report
from fitroom.tools.ranker.base import CatalogueRanker
from fitroom.tools.ranker.content import ContentRanker
from fitroom.tools.ranker.fused import FusedRanker, FusedRecipe
from fitroom.tools.ranker.itemknn import ItemKNN
from fitroom.tools.ranker.mf import BprMF
from fitroom.tools.ranker.popularity import Popularity
from fitroom.tools.ranker.service import rank_items
from fitroom.tools.ranker.split import PurchaseSplit, global_time_split, per_user_time_split
from fitroom.tools.retrieval.embedder import Vectors

METRICS = ("recall@20", "ndcg@20", "hr@10")
CANDIDATES = 200


def _models(content: Vectors, seed: int) -> dict[str, Callable[[], CatalogueRanker]]:
    return {
        "popularity": lambda: Popularity(half_life_days=None),
        "itemknn": ItemKNN,
        "content": lambda: ContentRanker(content),
        "mf": lambda: BprMF(seed=seed),
        "fused": lambda: FusedRanker(content, FusedRecipe(seed=seed)),
    }


@dataclass
class _Runs:
    figures: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    seed0_recall: dict[str, NDArray[np.float64]] = field(default_factory=dict)
    fused: FusedRanker | None = None

    def paired(self) -> dict[str, dict[str, float]]:
        """Fused minus each single-signal model, user by user (seed 0)."""
        fused = self.seed0_recall["fused"]
        return {
            name: paired_difference(fused, recall)
            for name, recall in self.seed0_recall.items()
            if name != "fused"
        }


def _runs(split: PurchaseSplit, ids: list[str], content: Vectors, seeds: int) -> _Runs:
    out = _Runs()
    baskets = split.test_baskets()
    jobs = [(seed, name) for seed in range(seeds) for name in _models(content, seed)]
    for seed, name in track(jobs, f"rankers on {split.name}", console=Console(stderr=True)):
        ranker = _models(content, seed)[name]()
        ranker.fit(split.train, ids)
        out.figures.setdefault(name, []).append(held_out_figures(ranker, split))
        if seed == 0:
            out.seed0_recall[name] = per_user_metrics(ranker, baskets)["recall@20"]
            if isinstance(ranker, FusedRanker):
                out.fused = ranker
    return out


def _summary(runs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    def values(name: str, metric: str, cold: bool = False) -> list[float]:
        return [float((r["cold"] if cold else r)[metric]) for r in runs[name]]

    def mean(name: str, metric: str, cold: bool = False) -> float:
        return round(float(np.mean(values(name, metric, cold))), 4)

    def std(name: str, metric: str, cold: bool = False) -> float:
        return round(float(np.std(values(name, metric, cold))), 4)

    return {
        "models": {n: {m: mean(n, m) for m in METRICS} for n in runs},
        "cold": {n: {m: mean(n, m, cold=True) for m in METRICS} for n in runs},
        "spread": {
            n: {
                "recall@20_std": std(n, "recall@20"),
                "recall@20_se": mean(n, "recall@20_se"),
                "cold_recall@20_std": std(n, "recall@20", cold=True),
                "recall@20_min": round(min(values(n, "recall@20")), 4),
            }
            for n in runs
        },
        "cold_users": runs["fused"][0]["cold_users"],
    }


def _latency(ranker: FusedRanker, split: PurchaseSplit) -> dict[str, float]:
    """Milliseconds for rank_items over 200 random candidates: known users, and new users with
    a stated-preference context vector."""
    rng = np.random.default_rng(0)
    users = sorted(split.test_baskets())[:300]
    known: list[float] = []
    new: list[float] = []
    for n, user in enumerate(users):
        size = min(CANDIDATES, len(ranker.item_ids))
        candidates = list(rng.choice(ranker.item_ids, size=size, replace=False))
        context = ranker.content[rng.integers(len(ranker.content))]
        for bucket, who in ((known, user), (new, f"new-shopper-{n}")):
            start = time.perf_counter()
            rank_items(ranker, who, candidates, context if bucket is new else None)
            bucket.append(1000 * (time.perf_counter() - start))
    return {
        "known_p50": round(float(np.percentile(known, 50)), 2),
        "known_p95": round(float(np.percentile(known, 95)), 2),
        "new_with_context_p50": round(float(np.percentile(new, 50)), 2),
        "new_with_context_p95": round(float(np.percentile(new, 95)), 2),
    }


def run_ranker_bench(settings: Settings, out: Path, seeds: int = 3) -> dict[str, Any]:
    catalog = wiring.open_catalog(settings)
    ids = [i.item_id for i in catalog.items]
    content, content_model = wiring.ranker_content(settings, catalog.items)
    per_user = per_user_time_split(catalog.interactions)
    cut = global_time_split(catalog.interactions)
    start = time.perf_counter()
    per_user_runs = _runs(per_user, ids, content, seeds)
    global_runs = _runs(cut, ids, content, 1)
    runs, fused = per_user_runs.figures, per_user_runs.fused
    assert fused is not None
    photos: dict[str, Any] = {}
    if "+" in content_model:  # photos are in: what do they add over text alone?
        words, _ = wiring.ranker_content(settings, catalog.items, photos=False)
        for name, ranker in (
            ("content", ContentRanker(words)),
            ("fused", FusedRanker(words, FusedRecipe())),
        ):
            ranker.fit(per_user.train, ids)
            photos[name] = {
                "text only": held_out_figures(ranker, per_user),
                "text + photo": runs[name][0],
            }
    figures: dict[str, Any] = {
        **_summary(runs),
        "paired_seed0": per_user_runs.paired(),
        "seeds": seeds,
        "content_model": content_model,
        "splits": {per_user.name: per_user.counts(), cut.name: cut.counts()},
        "global": {**_summary(global_runs.figures), "paired_seed0": global_runs.paired()},
        "photos_seed0": photos,
        "latency_ms_200_candidates": _latency(fused, per_user),
        "recipe": FusedRecipe().model_dump(),
        "bench_minutes": round((time.perf_counter() - start) / 60, 2),
    }
    write_report(figures, out)
    return figures
