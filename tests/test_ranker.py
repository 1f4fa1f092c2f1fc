"""Purchase splits, the shared ranker contract, popularity, ItemKNN and the metrics."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray

from fitroom.eval.ranker_metrics import paired_difference, ranking_metrics
from fitroom.tools.catalog.items import Interaction
from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.ranker.content import ContentRanker
from fitroom.tools.ranker.fused import FusedRanker, FusedRecipe
from fitroom.tools.ranker.itemknn import ItemKNN
from fitroom.tools.ranker.mf import BprMF
from fitroom.tools.ranker.popularity import Popularity
from fitroom.tools.ranker.split import global_time_split, per_user_time_split
from fitroom.tools.retrieval.embedder import normalise

ITEMS = ["i0", "i1", "i2", "i3", "i4"]


def _buy(user: str, item: str, day: int) -> Interaction:
    return Interaction(user_id=user, item_id=item, timestamp=date(2020, 1, day))


# u1 and u2 both buy i0 then i1; u3 buys i2 a lot; u4 buys once (no history to test).
PURCHASES = [
    _buy("u1", "i0", 1),
    _buy("u1", "i1", 5),
    _buy("u2", "i0", 2),
    _buy("u2", "i1", 3),
    _buy("u2", "i3", 9),
    _buy("u3", "i2", 1),
    _buy("u3", "i2", 2),
    _buy("u3", "i2", 4),
    _buy("u3", "i4", 8),
    _buy("u4", "i2", 6),
]


def test_per_user_split_tests_each_user_s_last_date() -> None:
    split = per_user_time_split(PURCHASES)
    assert split.test_baskets() == {"u1": {"i1"}, "u2": {"i3"}, "u3": {"i4"}}
    assert _buy("u4", "i2", 6) in split.train  # a one-date user trains, is not tested
    assert len(split.train) + len(split.test) == len(PURCHASES)
    assert split.counts()["test_users"] == 3


def test_global_split_cuts_one_date_for_everyone() -> None:
    split = global_time_split(PURCHASES, test_share=0.3)
    cut = min(p.timestamp for p in split.test)
    assert all(p.timestamp < cut for p in split.train)
    # Only users with purchases before the cut are tested.
    assert {p.user_id for p in split.test} <= {p.user_id for p in split.train}


def test_popularity_counts_with_optional_recency() -> None:
    plain = Popularity(half_life_days=None)
    plain.fit(PURCHASES, ITEMS)
    assert plain.full_sort("anyone", 2) == ["i2", "i0"]
    recent = Popularity(half_life_days=1.0)
    recent.fit(PURCHASES, ITEMS)
    assert recent.full_sort("anyone", 1) == ["i3"]  # bought on the newest day


def test_itemknn_recommends_co_purchases() -> None:
    knn = ItemKNN()
    knn.fit([p for p in PURCHASES if p.user_id != "u1" or p.item_id == "i0"], ITEMS)
    # u1 bought i0; u2 bought i0 with i1 and i3, so those come first.
    assert set(knn.full_sort("u1", 2)) == {"i1", "i3"}
    # A user it never saw gets popularity, not an error.
    assert knn.full_sort("stranger", 1) == ["i2"]


def test_contract_bad_input() -> None:
    ranker = Popularity(None)
    ranker.fit(PURCHASES, ITEMS)
    assert ranker.score("u1", []).shape == (0,)
    scores = ranker.score("u1", ["i2", "i0"])
    assert scores[0] > scores[1]
    with pytest.raises(InvalidQueryError, match=r"Unknown item id\(s\) nope, gone"):
        ranker.score("u1", ["i0", "nope", "gone"])


def test_metrics_on_a_known_ranking() -> None:
    ranker = Popularity(None)
    ranker.fit(PURCHASES, ITEMS)  # order: i2, i0, i1, then i3/i4
    baskets = {"a": {"i2"}, "b": {"i1", "nope"}}
    metrics = ranking_metrics(ranker, baskets, k=2, hit_k=1)
    assert metrics["recall@2"] == pytest.approx((1.0 + 0.0) / 2)
    assert metrics["hr@1"] == pytest.approx(0.5)
    assert metrics["ndcg@2"] == pytest.approx((1.0 + 0.0) / 2)
    assert np.isclose(ranking_metrics(ranker, {})["recall@20"], 0.0)


def _content() -> NDArray[Any]:
    """i0 and i1 look alike, as do i3 and i4; i2 stands apart."""
    raw = np.array([[1, 0, 0], [0.9, 0.1, 0], [0, 1, 0], [0, 0, 1], [0.1, 0, 0.9]], np.float32)
    return normalise(raw)


def test_content_ranker_follows_what_the_user_bought() -> None:
    ranker = ContentRanker(_content())
    ranker.fit([_buy("u", "i3", 1)], ITEMS)
    assert ranker.full_sort("u", 2) == ["i3", "i4"]
    assert ranker.full_sort("new", 1) == ["i3"]  # a new user gets popularity


def test_mf_learns_ids_in_one_epoch_and_cannot_rank_unbought_items() -> None:
    mf = BprMF(dim=4, epochs=1, seed=0)
    mf.fit(PURCHASES, ITEMS)
    assert mf.score("u1", ITEMS).shape == (5,)
    assert np.isfinite(mf.score("u1", ITEMS)).all()
    assert mf.full_sort("nobody", 1) == ["i2"]  # popularity for a stranger


def test_fused_trains_one_epoch_and_scores_cold_items_through_content() -> None:
    bought = [p for p in PURCHASES if p.item_id != "i4"]  # i4 is cold: nobody bought it
    fused = FusedRanker(_content(), FusedRecipe(id_dim=4, epochs=1, batch_size=2, seed=0))
    fused.fit(bought, ITEMS)
    assert len(fused.losses) == 1 and np.isfinite(fused.losses[0])
    assert fused.examples == 5  # every purchase after its buyer's first date
    scores = fused.score("u2", ITEMS)
    assert np.isfinite(scores).all()
    # u2 bought i3; the cold i4 looks like i3, so it outranks i2, which is popular but looks
    # like nothing u2 bought. ID-only MF could not tell i4 from any other unbought item.
    assert scores[4] > scores[2]
    assert fused.user_vectors.shape == (4, 4)  # every buyer, one-date ones too
    assert not fused.item_vectors[4].any()  # an unbought item has no ID to learn


def test_paired_difference_and_standard_error() -> None:
    a = np.array([1.0, 0.0, 1.0, 1.0])
    b = np.array([0.0, 0.0, 1.0, 0.0])
    d = paired_difference(a, b)
    assert d["mean"] == pytest.approx(0.5)
    assert d["se"] == pytest.approx(0.5 / 2)  # std of [1, 0, 0, 1] over sqrt(4)
    assert (d["users_better"], d["users_worse"]) == (2, 0)
    ranker = Popularity(None)
    ranker.fit(PURCHASES, ITEMS)
    metrics = ranking_metrics(ranker, {"a": {"i2"}, "b": {"i4"}}, k=1)
    assert metrics["recall@1"] == pytest.approx(0.5)
    assert metrics["recall@1_se"] == pytest.approx(0.5 / np.sqrt(2))
