"""Timing, exact search and recall shared by the retrieval benchmark and its ef_search probe."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.retrieval.embedder import Vectors

K = 10
# As in ann-benchmarks: a result counts when its score ties the k-th exact score within this
# margin, because items with identical text have identical vectors and either is correct.
TIE_EPS = 1e-4
_WARMUP = 5
T = TypeVar("T")


def timed(search: Callable[[Vectors], T], queries: Vectors) -> tuple[NDArray[Any], list[T]]:
    """Run every query once after a short warm-up; return per-query milliseconds and results."""
    for q in queries[:_WARMUP]:  # loads lazily opened index segments and caches
        search(q)
    times, results = [], []
    for q in queries:
        start = time.perf_counter()
        results.append(search(q))
        times.append((time.perf_counter() - start) * 1000)
    return np.asarray(times), results


def latency_stats(times: NDArray[Any]) -> dict[str, float]:
    return {"p50": float(np.percentile(times, 50)), "p95": float(np.percentile(times, 95))}


def exact_search(matrix: Vectors) -> Callable[[Vectors], NDArray[Any]]:
    """Top-K scores by a full matrix product, best first."""

    def search(q: Vectors) -> NDArray[Any]:
        scores = matrix @ q
        top = np.argpartition(-scores, K)[:K]
        return np.sort(scores[top])[::-1]

    return search


def tie_aware_recall(found_scores: Sequence[Sequence[float]], kth_exact: NDArray[Any]) -> float:
    """Mean share of the K results that score at least the K-th exact score (minus TIE_EPS)."""
    hits = [
        sum(s >= kth - TIE_EPS for s in scores[:K]) / K
        for scores, kth in zip(found_scores, kth_exact, strict=True)
    ]
    return float(np.mean(hits))
