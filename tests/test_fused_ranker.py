"""The fused ranker's parts: leave-one-user-out co-purchases, causal examples, the run-time
`rank_items` API and the saved checkpoint."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from fitroom.tools.catalog.items import Interaction
from fitroom.tools.errors import ConfigError, InvalidQueryError
from fitroom.tools.ranker.content import content_vector
from fitroom.tools.ranker.copurchase import CoPurchase
from fitroom.tools.ranker.examples import causal_examples
from fitroom.tools.ranker.fused import FusedRanker, FusedRecipe
from fitroom.tools.ranker.pipeline import checkpoint_path, load_ranker, train_and_save
from fitroom.tools.ranker.service import rank_items
from fitroom.tools.retrieval.embedder import normalise
from tests.test_ranker import ITEMS, PURCHASES, _buy, _content

RECIPE = FusedRecipe(id_dim=4, epochs=1, batch_size=2)


def test_leaving_a_user_out_equals_counting_without_them() -> None:
    rng = np.random.default_rng(0)
    pairs = np.unique(np.c_[rng.integers(0, 12, 80), rng.integers(0, 9, 80)], axis=0)
    full = CoPurchase(pairs, 12, 9)
    for user in range(12):
        history = sorted(pairs[pairs[:, 0] == user, 1].tolist())
        if not history:
            continue
        others = CoPurchase(pairs[pairs[:, 0] != user], 12, 9)
        left_out = full.sums([history], leave_out=[user])[0]
        np.testing.assert_allclose(left_out, others.sums([history])[0], atol=1e-5)
    # Without leaving out, an item is still never its own neighbour.
    lone = CoPurchase(np.array([[0, 1]]), 1, 3)
    assert not lone.sums([[1]]).any()


def test_causal_examples_only_look_back() -> None:
    index = {item: row for row, item in enumerate(ITEMS)}
    users = {u: n for n, u in enumerate(dict.fromkeys(p.user_id for p in PURCHASES))}
    ex = causal_examples(PURCHASES, index, users)
    got = sorted(
        (u, ITEMS[p], tuple(ITEMS[h] for h in hist))
        for u, p, hist in zip(ex.users.tolist(), ex.positives.tolist(), ex.histories, strict=True)
    )
    u1, u2, u3 = users["u1"], users["u2"], users["u3"]
    assert got == sorted(
        [
            (u1, "i1", ("i0",)),
            (u2, "i1", ("i0",)),
            (u2, "i3", ("i0", "i1")),
            (u3, "i2", ("i2",)),
            (u3, "i2", ("i2",)),
            (u3, "i4", ("i2",)),
        ]
    )
    # Popularity as of each example's date counts only earlier purchases.
    last = int(ex.dates[ex.positives == index["i3"]][0])
    assert ex.counts_before[last][index["i3"]] == 0
    assert ex.counts_before[last][index["i2"]] == 4
    assert ex.counts_before[0].sum() == 0


@pytest.fixture
def fused() -> FusedRanker:
    ranker = FusedRanker(_content(), RECIPE)
    ranker.fit([p for p in PURCHASES if p.item_id != "i4"], ITEMS)
    return ranker


def test_rank_items_bad_and_empty_input(fused: FusedRanker) -> None:
    assert rank_items(fused, "u1", []) == []
    with pytest.raises(InvalidQueryError, match=r"Unknown item id\(s\) nope, gone"):
        rank_items(fused, "u1", ["i0", "nope", "gone"])
    with pytest.raises(InvalidQueryError, match="has shape"):
        rank_items(fused, None, ITEMS, np.ones(7, dtype=np.float32))


def test_a_stranger_gets_popularity_then_their_stated_preferences(fused: FusedRanker) -> None:
    # i2 is the best seller, then i0 and i1.
    assert [i for i, _ in rank_items(fused, "never-seen", ITEMS)][:3] == ["i2", "i0", "i1"]
    assert rank_items(fused, None, ["i0", "i2"])[0][0] == "i2"
    # Stated preferences that look like i3/i4 overrule popularity, cold i4 included.
    context = content_vector(3, text=_content()[3])
    ranked = [i for i, _ in rank_items(fused, "never-seen", ITEMS, context)]
    assert set(ranked[:2]) == {"i3", "i4"}


def test_known_user_profile_and_context(fused: FusedRanker) -> None:
    scores = dict(rank_items(fused, "u2", ITEMS))
    assert scores["i4"] > scores["i2"]  # u2 bought i3; cold i4 looks like it
    assert [i for i, _ in rank_items(fused, ["i3"], ["i2", "i4"])] == ["i4", "i2"]
    # Context steers a known user too.
    steered = dict(rank_items(fused, "u3", ITEMS, content_vector(3, text=_content()[0])))
    plain = dict(rank_items(fused, "u3", ITEMS))
    assert steered["i0"] - steered["i2"] > plain["i0"] - plain["i2"]


def test_content_vector_layout() -> None:
    v = content_vector(6, text=np.array([3.0, 4.0, 0.0], dtype=np.float32))
    np.testing.assert_allclose(v, [0.6, 0.8, 0, 0, 0, 0], atol=1e-6)
    both = content_vector(4, text=np.ones(2, np.float32), image=np.ones(2, np.float32))
    np.testing.assert_allclose(both, np.full(4, 0.5), atol=1e-6)
    with pytest.raises(InvalidQueryError, match="no photo part"):
        content_vector(3, image=np.ones(3, np.float32))


def test_checkpoint_round_trip_and_stale_data(tmp_path: Path) -> None:
    content = normalise(np.random.default_rng(1).normal(size=(5, 3)).astype(np.float32))
    purchases = [*PURCHASES, _buy("u1", "i2", 9), _buy("u2", "i4", 12)]
    card = train_and_save(
        purchases,
        ITEMS,
        content,
        "test vectors",
        tmp_path,
        RECIPE,
        evaluate=lambda ranker, split: {"test_users": len(split.test_baskets())},
    )
    assert card["metrics"] == {"test_users": 3}
    assert card["split"]["test_users"] == 3 and card["content_dim"] == 3
    loaded = load_ranker(tmp_path, purchases, ITEMS)
    trained = FusedRanker(content, RECIPE)
    trained.fit(purchases, ITEMS)
    for user in ("u1", "u3", "stranger"):
        np.testing.assert_allclose(loaded.score(user, ITEMS), trained.score(user, ITEMS), rtol=1e-5)
    newer = [*purchases, Interaction(user_id="u9", item_id="i0", timestamp=date(2020, 2, 1))]
    with pytest.raises(ConfigError, match="run `fitroom train ranker` again"):
        load_ranker(tmp_path, newer, ITEMS)
    with pytest.raises(ConfigError, match="No trained ranker"):
        load_ranker(tmp_path / "elsewhere", purchases, ITEMS)
    arrays = load_file(str(checkpoint_path(tmp_path)))
    save_file({k: v for k, v in arrays.items() if k != "weights"}, str(checkpoint_path(tmp_path)))
    with pytest.raises(ConfigError, match="lacks weights"):
        load_ranker(tmp_path, purchases, ITEMS)
