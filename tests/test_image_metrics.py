"""The benchmark's metrics and classical baselines on hand-made cases."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from fitroom.eval.image_metrics import (
    attribute_queries,
    i2i_precision,
    steered_type_precision,
    t2i_attribute_precision,
    t2i_title_recall,
)
from fitroom.tools.catalog.items import Item, load_catalog
from fitroom.tools.image_tower.classic_features import colour_histogram, hog
from fitroom.tools.image_tower.data import prepare
from fitroom.tools.retrieval.embedder import normalise
from tests.conftest import garment_catalog
from tests.fakes import FakeEmbedder


def _item(n: int, product: str, article_type: str, colour: str) -> Item:
    return Item(
        item_id=str(n),
        title=f"t{product}",
        gender="Women",
        category="c",
        article_type=article_type,
        colour=colour,
        colour_master=colour,
        product_code=product,
    )


def test_i2i_never_counts_the_query_s_own_product() -> None:
    items = [
        _item(0, "p", "Dress", "Red"),
        _item(1, "p", "Dress", "Red"),  # a variant identical to the query
        _item(2, "q", "Skirt", "Red"),
        _item(3, "r", "Dress", "Blue"),
    ]
    vectors = normalise(np.array([[1, 0], [1, 0], [0.9, 0.1], [0, 1]], dtype=np.float32))
    scores = i2i_precision(vectors, items, k=1)
    # Item 0's nearest other product is item 2 (a red skirt): colour right, type wrong.
    assert scores["colour"] == 0.75  # 0→2 red, 1→2 red, 2→0 red, 3→2 blue≠red
    assert scores["article_type"] == 0.0
    assert scores["both"] == 0.0


def test_t2i_attribute_precision_and_its_ceiling() -> None:
    items = [_item(n, str(n), "Dress", "Red") for n in range(3)] + [
        _item(n, str(n), "Dress", "Blue") for n in range(3, 15)
    ]
    vectors = normalise(np.array([[1, 0]] * 3 + [[0, 1]] * 12, dtype=np.float32))
    pairs = attribute_queries(items)
    assert pairs == [("Blue", "Dress"), ("Red", "Dress")]
    assert attribute_queries(items, min_items=10) == [("Blue", "Dress")]
    queries = normalise(np.array([[0, 1], [1, 0]], dtype=np.float32))
    p10, ceiling = t2i_attribute_precision(queries, pairs, vectors, items)
    assert ceiling == (1.0 + 0.3) / 2  # 12 blue fill a top-10, 3 red fill three slots
    assert p10 == ceiling  # a perfect ranking reaches the ceiling exactly


def test_title_recall_and_mrr() -> None:
    items = [_item(0, "a", "T", "R"), _item(1, "a", "T", "B"), _item(2, "b", "T", "R")]
    vectors = normalise(np.array([[1, 0], [0.8, 0.6], [0, 1]], dtype=np.float32))
    queries = normalise(np.array([[0, 1], [0, 1]], dtype=np.float32))  # both point at item 2
    recall, mrr = t2i_title_recall(queries, [items[0], items[2]], vectors, items)
    assert recall == 1.0  # with only three items everything is in the top 10
    # Query for product a: item 1 (0.6) ranks 2nd behind item 2; query for b: rank 1.
    assert mrr == (0.5 + 1.0) / 2


def test_classical_features_see_colour_and_shape(tmp_path: Path) -> None:
    catalog = load_catalog(garment_catalog(tmp_path / "g", variants=1))
    data = prepare(catalog.items, FakeEmbedder(dim=8), 64, 96)
    by = {(i.article_type, i.colour): row for row, i in enumerate(data.items)}
    hist, shape = colour_histogram(data.pixels), hog(data.pixels)
    red_dress, red_tee, blue_dress = by["Dress", "Red"], by["T-shirt", "Red"], by["Dress", "Blue"]
    assert hist[red_dress] @ hist[red_tee] > hist[red_dress] @ hist[blue_dress] + 0.5
    assert shape[red_dress] @ shape[blue_dress] > shape[red_dress] @ shape[red_tee] + 0.1


def test_steering_keeps_type_within_the_target_colour() -> None:
    items = [
        _item(0, "a", "Dress", "Red"),
        _item(1, "b", "Dress", "Blue"),
        _item(2, "c", "Skirt", "Blue"),
        _item(3, "d", "Skirt", "Red"),
    ]
    # Dress photos point one way, skirt photos the other; colour barely moves them.
    vectors = normalise(np.array([[1, 0.1], [1, -0.1], [0, 1], [0.1, 1]], dtype=np.float32))
    targets = ["Blue", "Red", "Red", "Blue"]  # each asks for the other colour
    no_pull = np.zeros_like(vectors)
    assert steered_type_precision(vectors, no_pull, targets, items, pull=0.0, k=1) == 1.0
    # Words pulling hard towards skirts send both dress queries to skirts.
    towards_skirts = np.tile(np.array([[0, 1]], dtype=np.float32), (4, 1))
    assert steered_type_precision(vectors, towards_skirts, targets, items, pull=5.0, k=1) == 0.5
