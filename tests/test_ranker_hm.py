"""The rankers on the real H&M purchases, with real MiniLM text vectors as content."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitroom.eval.ranker_eval import held_out_figures
from fitroom.tools.catalog.items import Catalog, load_catalog
from fitroom.tools.ranker.content import ContentRanker, content_matrix
from fitroom.tools.ranker.fused import FusedRanker
from fitroom.tools.ranker.itemknn import ItemKNN
from fitroom.tools.ranker.popularity import Popularity
from fitroom.tools.ranker.split import per_user_time_split
from fitroom.tools.retrieval.embedder import Vectors
from fitroom.tools.retrieval.text_embedder import MiniLMEmbedder

pytestmark = [pytest.mark.slow, pytest.mark.integration]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    from tests.conftest import HM_DIR

    if not HM_DIR.is_dir():
        pytest.fail(f"The sample catalogue is missing at {HM_DIR}.")
    return load_catalog(HM_DIR)


@pytest.fixture(scope="module")
def content(
    catalog: Catalog, minilm: MiniLMEmbedder, tmp_path_factory: pytest.TempPathFactory
) -> Vectors:
    cache: Path = tmp_path_factory.mktemp("content-cache")
    return content_matrix(catalog.items, minilm, None, cache)


def test_fused_beats_every_single_signal_on_held_out_purchases(
    catalog: Catalog, content: Vectors
) -> None:
    split = per_user_time_split(catalog.interactions)
    ids = [i.item_id for i in catalog.items]
    recall = {}
    for ranker in (Popularity(), ItemKNN(), ContentRanker(content), FusedRanker(content)):
        ranker.fit(split.train, ids)
        recall[ranker.name] = held_out_figures(ranker, split)["recall@20"]
    assert recall["fused"] >= 1.3 * recall["popularity"]
    assert recall["fused"] > max(recall["itemknn"], recall["content"])


def test_fused_top_20_reaches_items_nobody_bought(catalog: Catalog, content: Vectors) -> None:
    split = per_user_time_split(catalog.interactions)
    fused = FusedRanker(content)
    fused.fit(split.train, [i.item_id for i in catalog.items])
    cold = {fused.item_ids[row] for row in range(len(fused.item_ids)) if fused.cold[row]}
    users = sorted(split.test_baskets())[:200]
    reaching = sum(1 for u in users if cold & set(fused.full_sort(u, 20)))
    # ID-only models never can; the fused ranker does for a real share of users.
    assert reaching >= len(users) // 4
