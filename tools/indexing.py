"""Embed catalogue items and upsert them into the item store, skipping unchanged ones."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence

from pydantic import BaseModel

from fitroom.tools.catalog import Item, ItemFacts
from fitroom.tools.embedder import Embedder
from fitroom.tools.item_store import ItemStore, StoredItem
from fitroom.tools.vocabulary import Vocabulary

# Small enough that an interrupted run loses little work, large enough to batch MiniLM well.
BATCH_SIZE = 128


class IndexReport(BaseModel):
    """What one indexing run did."""

    total: int
    embedded: int
    skipped: int
    seconds: float


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


def content_hash(item: Item, model_id: str) -> str:
    """Changes whenever the item's stored record or its vector would change."""
    payload = item.model_dump_json() + "\x00" + model_id
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def to_stored(item: Item, model_id: str) -> StoredItem:
    return StoredItem(
        **item.model_dump(include=set(ItemFacts.model_fields)),
        image=str(item.image) if item.image else "",
        content_hash=content_hash(item, model_id),
        document=item_document(item),
    )


def index_items(
    items: Sequence[Item],
    embedder: Embedder,
    store: ItemStore,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> IndexReport:
    """Embed and upsert items batch by batch, so an interrupted run resumes where it stopped.

    Args:
        items: Catalogue items to index.
        embedder: Encodes each item's document.
        store: Receives the vectors; items whose content hash is unchanged are skipped.
        on_progress: Called with the number of items handled after each batch.
        batch_size: Items per embed-and-upsert step.

    Returns:
        Counts of embedded and skipped items and the time taken.
    """
    start = time.perf_counter()
    embedded = 0
    store.save_vocabulary(store.vocabulary().merged(Vocabulary.from_items(items)))
    for offset in range(0, len(items), batch_size):
        batch = [to_stored(i, embedder.model_id) for i in items[offset : offset + batch_size]]
        stored = store.content_hashes([s.item_id for s in batch])
        todo = [s for s in batch if stored.get(s.item_id) != s.content_hash]
        if todo:
            store.upsert(todo, embedder.embed_texts([s.document for s in todo]))
            embedded += len(todo)
        if on_progress:
            on_progress(len(batch))
    return IndexReport(
        total=len(items),
        embedded=embedded,
        skipped=len(items) - embedded,
        seconds=time.perf_counter() - start,
    )
