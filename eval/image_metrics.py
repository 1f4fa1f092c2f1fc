"""Retrieval metrics for the image tower, all excluding the query's own product."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.catalog.items import Item
from fitroom.tools.image_tower.data import product_of
from fitroom.tools.retrieval.embedder import Vectors

K = 10


def _top_k(scores: NDArray[np.float32], k: int) -> NDArray[np.int64]:
    if k >= scores.shape[1]:
        return np.argsort(-scores, axis=1)
    part = np.argpartition(-scores, k, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(scores, part, axis=1), axis=1)
    return np.take_along_axis(part, order, axis=1)


def i2i_precision(vectors: Vectors, items: Sequence[Item], k: int = K) -> dict[str, float]:
    """Image→image P@k on the same article type, colour family and both.

    Every item of the query's own product (its colour variants too) is taken out of the
    gallery, so a method cannot score by finding the same garment in another colour.
    """
    products = np.array([product_of(i) for i in items])
    types = np.array([i.article_type for i in items])
    colours = np.array([i.colour_master for i in items])
    scores = (vectors @ vectors.T).astype(np.float32)
    scores[products[:, None] == products[None, :]] = -np.inf
    top = _top_k(scores, k)
    same_type = types[top] == types[:, None]
    same_colour = colours[top] == colours[:, None]
    return {
        "article_type": float(same_type.mean()),
        "colour": float(same_colour.mean()),
        "both": float((same_type & same_colour).mean()),
    }


def attribute_queries(items: Sequence[Item], min_items: int = 0) -> list[tuple[str, str]]:
    """(colour, article_type) pairs present in `items`, with at least `min_items` of them."""
    counts = Counter((i.colour, i.article_type) for i in items)
    return sorted(pair for pair, n in counts.items() if n >= max(min_items, 1))


def attribute_query_text(colour: str, article_type: str) -> str:
    return f"{colour} {article_type}"


def t2i_attribute_precision(
    query_vectors: Vectors,
    pairs: Sequence[tuple[str, str]],
    vectors: Vectors,
    items: Sequence[Item],
) -> tuple[float, float]:
    """Text→image P@k for "{colour} {article_type}" queries; both attributes must match.

    Returns the mean P@k and its ceiling (the best possible, given how many items match);
    both are 0 when there are no queries.
    """
    if not pairs:
        return 0.0, 0.0
    attrs = np.array([f"{i.colour}\x00{i.article_type}" for i in items])
    wanted = np.array([f"{c}\x00{t}" for c, t in pairs])
    top = _top_k((query_vectors @ vectors.T).astype(np.float32), K)
    hits = attrs[top] == wanted[:, None]
    relevant = (attrs[None, :] == wanted[:, None]).sum(1)
    return float(hits.mean()), float(np.minimum(relevant, K).mean() / K)


def t2i_title_recall(
    title_vectors: Vectors, titled: Sequence[Item], vectors: Vectors, items: Sequence[Item]
) -> tuple[float, float]:
    """Title queries, one per product: R@k of that product's items, and MRR of the first one."""
    products = np.array([product_of(i) for i in items])
    wanted = np.array([product_of(i) for i in titled])
    scores = (title_vectors @ vectors.T).astype(np.float32)
    relevant = products[None, :] == wanted[:, None]
    top = _top_k(scores, K)
    recall = relevant[np.arange(len(wanted))[:, None], top].sum(1) / np.minimum(relevant.sum(1), K)
    # Rank of the first relevant item = 1 + how many irrelevant items outscore it.
    best_relevant = np.where(relevant, scores, -np.inf).max(1)
    ranks = 1 + (np.where(relevant, -np.inf, scores) > best_relevant[:, None]).sum(1)
    return float(recall.mean()), float((1.0 / ranks).mean())


def steered_type_precision(
    vectors: Vectors,
    pulls: Vectors,
    targets: Sequence[str],
    items: Sequence[Item],
    pull: float,
    k: int = K,
) -> float:
    """ "Like this photo, but in <colour family>": P@k on the query's article type among items of
    the target colour family (what the parsed filter leaves), other products only, with the
    photo's vector pulled by `pull` times the words' vector."""
    products = np.array([product_of(i) for i in items])
    types = np.array([i.article_type for i in items])
    colours = np.array([i.colour_master for i in items])
    queries = vectors + pull * pulls
    scores = (queries @ vectors.T).astype(np.float32)
    scores[
        (products[:, None] == products[None, :]) | (colours[None, :] != np.array(targets)[:, None])
    ] = -np.inf
    top = _top_k(scores, k)
    valid = np.isfinite(np.take_along_axis(scores, top, axis=1))
    hits = (types[top] == types[:, None]) & valid
    return float(hits.sum() / np.maximum(valid.sum(), 1))
