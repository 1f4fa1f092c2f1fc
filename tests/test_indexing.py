"""Indexing is resumable: an interrupted run completes without duplicates or lost items."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from fitroom.tools.catalog.items import Item, load_catalog
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.indexing import content_hash, index_items, item_document
from fitroom.tools.tryon.types import UPPER_BODY
from tests.conftest import CatalogFactory
from tests.fakes import FakeEmbedder, FakePhotoEmbedder


def _many(make_catalog: CatalogFactory, n: int) -> list[Item]:
    base = load_catalog(make_catalog()).items
    return [base[i % len(base)].model_copy(update={"item_id": f"{i:010d}"}) for i in range(n)]


def test_interrupted_run_resumes_without_duplicates(
    make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    items = _many(make_catalog, 23)
    batches = 0

    def stop_after_two(_: int) -> None:
        nonlocal batches
        batches += 1
        if batches == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index_items(items, fake_embedder, store, on_progress=stop_after_two, batch_size=5)
    assert store.count() == 10
    fake_embedder.embedded = 0
    report = index_items(items, fake_embedder, store, batch_size=5)
    assert store.count() == 23
    assert (report.embedded, report.skipped) == (13, 10)
    assert fake_embedder.embedded == 13


def test_only_changed_items_are_re_embedded(
    make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    items = _many(make_catalog, 6)
    index_items(items, fake_embedder, store)
    items[2] = items[2].model_copy(update={"title": "Renamed jumper"})
    report = index_items(items, fake_embedder, store)
    assert report.embedded == 1 and store.count() == 6
    hit = store.query(fake_embedder.embed_texts(["renamed jumper"])[0], 1)[0]
    assert hit.item.item_id == items[2].item_id and hit.item.title == "Renamed jumper"


def test_vocabulary_is_recorded(
    make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    index_items(load_catalog(make_catalog()).items, fake_embedder, store)
    vocab = store.vocabulary()
    assert vocab.values["colour"] == ["Beige", "Black", "Dark Blue", "White"]
    assert vocab.values["gender"] == ["Men", "Women"]


def test_document_and_hash_cover_what_search_needs(make_catalog: CatalogFactory) -> None:
    item = load_catalog(make_catalog()).items[2]
    doc = item_document(item)
    for fact in ("Knit jumper", "Dark Blue", "Stripe", "Sweater", "Men", "soft knit"):
        assert fact in doc
    assert content_hash(item, "a") != content_hash(item, "b")
    assert content_hash(item, "a") != content_hash(item.model_copy(update={"price": 1.0}), "a")


def test_photo_indexing_skips_the_unreadable_and_notices_replaced_photos(
    make_catalog: CatalogFactory, tmp_path: Path
) -> None:
    catalog = load_catalog(make_catalog())
    photos = FakePhotoEmbedder()
    client = open_client(f"path:{tmp_path / 'chroma'}")
    store = ChromaItemStore(client, "photos", photos.model_id, photos.dim)
    broken = catalog.items[1]
    assert broken.image is not None
    broken.image.write_bytes(b"\xff\xd8 not really a jpeg")
    report = index_items(catalog.items, photos, store, modality="image")
    assert report.unreadable == [broken.item_id]
    assert report.embedded == len(catalog.items) - 1 == store.count()
    # Nothing changed: only the broken photo is tried again (as its batch, then alone).
    photos.photos = 0
    again = index_items(catalog.items, photos, store, modality="image")
    assert again.embedded == 0 and photos.photos == 2
    # A new photo at the same path is re-embedded, even though the catalogue row is the same.
    replaced = catalog.items[0]
    assert replaced.image is not None
    Image.new("RGB", (8, 12), (250, 10, 10)).save(replaced.image)
    os.utime(replaced.image, ns=(1, 1))  # a distinct mtime even on coarse file systems
    third = index_items(catalog.items, photos, store, modality="image")
    assert third.embedded == 1
    red = store.vectors([replaced.item_id])[0]
    assert red[0] > red[1] + 0.5  # the stored vector is the red photo's


def test_photo_indexing_leaves_out_items_without_a_photo(
    make_catalog: CatalogFactory, tmp_path: Path
) -> None:
    catalog = load_catalog(make_catalog(images=False))
    photos = FakePhotoEmbedder()
    store = ChromaItemStore(
        open_client(f"path:{tmp_path / 'chroma'}"), "photos", photos.model_id, photos.dim
    )
    report = index_items(catalog.items, photos, store, modality="image")
    assert report.embedded == 0 and store.count() == 0 and photos.photos == 0


def test_the_store_marks_what_try_on_can_dress(
    make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    items = load_catalog(make_catalog()).items
    index_items(items, fake_embedder, store)
    hits = store.query(fake_embedder.embed_texts(["anything"]), k=len(items))
    marked = {hit.item.item_id: hit.item.try_on for hit in hits}
    assert marked == {i.item_id: i.article_type in UPPER_BODY for i in items}
    assert any(marked.values()) and not all(marked.values())
