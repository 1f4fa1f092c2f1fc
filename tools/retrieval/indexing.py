"""Embed catalogue items and upsert them into the item store, skipping unchanged ones."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel

from fitroom.tools.catalog.items import Item, ItemFacts
from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.retrieval.embedder import Embedder, Vectors
from fitroom.tools.retrieval.item_store import ItemStore, StoredItem
from fitroom.tools.retrieval.vocabulary import Vocabulary
from fitroom.tools.tryon.types import can_try_on

# Small enough that an interrupted run loses little work, large enough to batch MiniLM well.
BATCH_SIZE = 128


class IndexReport(BaseModel):
    """What one indexing run did."""

    total: int
    embedded: int
    skipped: int
    seconds: float
    unreadable: list[str] = []


def item_document(item: Item) -> str:
    """The text that represents an item for the text encoder."""
    facts = " ".join(
        p
        for p in (item.colour, item.pattern if item.pattern != "Solid" else "", item.article_type)
        if p
    )
    parts = [item.title, f"{facts} for {item.gender}.", f"{item.category}, {item.subcategory}."]
    if item.description:
        parts.append(item.description)
    return " ".join(parts)


Modality = Literal["text", "image"]


def content_hash(item: Item, model_id: str, modality: Modality = "text") -> str:
    """Changes whenever the item's stored record or its vector would change."""
    # The schema tag changes when the stored fields do (v2 added `try_on`), so an index built
    # before re-stores every item once.
    payload = item.model_dump_json() + "\x00" + model_id + "\x00v2"
    if modality == "image" and item.image and item.image.is_file():
        stat = item.image.stat()  # a replaced photo at the same path must be re-embedded
        payload += f"\x00{stat.st_size}:{stat.st_mtime_ns}"
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def to_stored(item: Item, model_id: str, modality: Modality = "text") -> StoredItem:
    return StoredItem(
        **item.model_dump(include=set(ItemFacts.model_fields)),
        image=str(item.image) if item.image else "",
        try_on=can_try_on(item.article_type, item.title),
        content_hash=content_hash(item, model_id, modality),
        document=item_document(item),
    )


def _embed(
    todo: list[StoredItem], embedder: Embedder, modality: Modality
) -> tuple[list[StoredItem], Vectors, list[str]]:
    """Vectors for `todo`; a photo that cannot be read is left out and named, not fatal."""
    if modality == "text":
        return todo, embedder.embed_texts([s.document for s in todo]), []
    try:
        return todo, embedder.embed_images([Path(s.image) for s in todo]), []
    except InvalidQueryError:
        good, vectors, bad = [], [], []
        for s in todo:
            try:
                vectors.append(embedder.embed_images([Path(s.image)])[0])
                good.append(s)
            except InvalidQueryError:
                bad.append(s.item_id)
        return good, np.asarray(vectors, dtype=np.float32).reshape(-1, embedder.dim), bad


def index_items(
    items: Sequence[Item],
    embedder: Embedder,
    store: ItemStore,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    modality: Modality = "text",
) -> IndexReport:
    """Embed and upsert items batch by batch, so an interrupted run resumes where it stopped.

    Args:
        items: Catalogue items to index.
        embedder: Encodes each item's document.
        store: Receives the vectors; items whose content hash is unchanged are skipped.
        on_progress: Called with the number of items handled after each batch.
        batch_size: Items per embed-and-upsert step.
        modality: Embed each item's document, or its photo (items without one are skipped).

    Returns:
        Counts of embedded and skipped items and the time taken.
    """
    start = time.perf_counter()
    embedded = 0
    unreadable: list[str] = []
    store.save_vocabulary(store.vocabulary().merged(Vocabulary.from_items(items)))
    for offset in range(0, len(items), batch_size):
        chunk = items[offset : offset + batch_size]
        batch = [
            to_stored(i, embedder.model_id, modality)
            for i in chunk
            if modality == "text" or i.image is not None
        ]
        stored = store.content_hashes([s.item_id for s in batch])
        todo = [s for s in batch if stored.get(s.item_id) != s.content_hash]
        if todo:
            good, vectors, bad = _embed(todo, embedder, modality)
            store.upsert(good, vectors)
            embedded += len(good)
            unreadable += bad
        if on_progress:
            on_progress(len(chunk))
    return IndexReport(
        total=len(items),
        embedded=embedded,
        skipped=len(items) - embedded - len(unreadable),
        seconds=time.perf_counter() - start,
        unreadable=unreadable,
    )
