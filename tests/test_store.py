"""The Chroma item store: upsert, query, filters, vocabulary and model mismatch."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.errors import ConfigError, StoreError, StoreMismatchError
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.indexing import item_document, to_stored
from fitroom.tools.retrieval.vocabulary import Vocabulary
from tests.conftest import CatalogFactory
from tests.fakes import FakeEmbedder


@pytest.fixture
def filled(
    store: ChromaItemStore, fake_embedder: FakeEmbedder, make_catalog: CatalogFactory
) -> ChromaItemStore:
    items = load_catalog(make_catalog()).items
    records = [to_stored(i, fake_embedder.model_id) for i in items]
    store.upsert(records, fake_embedder.embed_texts([item_document(i) for i in items]))
    return store


def _ids(
    store: ChromaItemStore,
    embedder: FakeEmbedder,
    text: str,
    filters: Filters | None = None,
    k: int = 10,
) -> list[str]:
    return [h.item.item_id for h in store.query(embedder.embed_texts([text])[0], k, filters)]


def test_upsert_is_idempotent(
    filled: ChromaItemStore, fake_embedder: FakeEmbedder, make_catalog: CatalogFactory
) -> None:
    items = load_catalog(make_catalog()).items
    filled.upsert(
        [to_stored(i, fake_embedder.model_id) for i in items],
        fake_embedder.embed_texts([item_document(i) for i in items]),
    )
    assert filled.count() == 5


def test_query_ranks_by_cosine_and_returns_the_record(
    filled: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    hits = filled.query(fake_embedder.embed_texts(["linen trousers beige"])[0], 3)
    assert hits[0].item.item_id == "0100000005"
    assert hits[0].item.title == "Linen trousers" and hits[0].item.price == pytest.approx(0.04)
    assert hits[0].score > hits[1].score >= hits[2].score
    assert "linen" in hits[0].item.document.lower()


def test_filters_equality_membership_exclusion_and_price(
    filled: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    e = fake_embedder
    assert set(_ids(filled, e, "dress", Filters(include={"gender": ["Men"]}))) == {
        "0100000003",
        "0100000004",
    }
    assert set(_ids(filled, e, "dress", Filters(include={"colour": ["Black", "White"]}))) == {
        "0100000001",
        "0100000004",
    }
    assert "0100000001" not in _ids(filled, e, "dress", Filters(exclude={"colour": ["Black"]}))
    # The unpriced dress (…002) must not pass a price filter.
    assert set(_ids(filled, e, "x", Filters(price_min=0.02, price_max=0.045))) == {
        "0100000001",
        "0100000005",
    }
    assert _ids(filled, e, "x", Filters(include={"gender": ["Kids"]})) == []


def test_vectors_round_trip_and_unknown_ids_fail(
    filled: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    got = filled.vectors(["0100000004", "0100000001"])
    assert got.shape == (2, fake_embedder.dim)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    with pytest.raises(StoreError, match=r"no item.*nope"):
        filled.vectors(["nope"])


def test_vocabulary_round_trips(store: ChromaItemStore) -> None:
    vocab = Vocabulary(values={"colour": ["Black", "Dark Blue"]})
    store.save_vocabulary(vocab)
    assert store.vocabulary() == vocab


def test_another_model_is_refused_with_the_rebuild_command(
    tmp_path: Path, filled: ChromaItemStore
) -> None:
    client = open_client(f"path:{tmp_path / 'chroma'}")
    with pytest.raises(StoreMismatchError, match=r"fake-bow-64.*fitroom index --rebuild"):
        ChromaItemStore(client, "test-items", "other-model", 64)
    with pytest.raises(StoreMismatchError, match="128-d"):
        ChromaItemStore(client, "test-items", "fake-bow-64", 128)
    ChromaItemStore.drop(client, "test-items")
    assert ChromaItemStore(client, "test-items", "other-model", 64).count() == 0


def test_mismatched_vectors_are_rejected(
    store: ChromaItemStore, make_catalog: CatalogFactory, fake_embedder: FakeEmbedder
) -> None:
    item = load_catalog(make_catalog()).items[0]
    with pytest.raises(StoreError, match="pair up"):
        store.upsert([to_stored(item, "m")], np.zeros((1, 3), dtype=np.float32))


def test_bad_chroma_uri_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="neither path:<dir> nor http"):
        open_client("ftp://example")
