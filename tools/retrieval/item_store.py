"""The `ItemStore` protocol and the typed records that cross it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel

from fitroom.tools.catalog.items import ItemFacts
from fitroom.tools.retrieval.embedder import Vectors
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.vocabulary import Vocabulary


class StoredItem(ItemFacts):
    """What the store keeps beside each vector: filterable fields plus what a result shows."""

    image: str = ""
    try_on: bool = False  # an upper-body garment the try-on renderer can dress
    content_hash: str = ""
    document: str = ""


class StoreHit(BaseModel):
    """One search result: the stored item and its cosine similarity to the query."""

    item: StoredItem
    score: float


class ItemStore(Protocol):
    """A vector store of catalogue items keyed by `item_id`, in cosine space."""

    model_id: str
    dim: int

    def upsert(self, items: Sequence[StoredItem], vectors: Vectors) -> None:
        """Insert or replace items by id; running it twice leaves one copy."""
        ...

    def content_hashes(self, item_ids: Sequence[str]) -> dict[str, str]:
        """The stored content hash of each id already present."""
        ...

    def vectors(self, item_ids: Sequence[str]) -> Vectors:
        """The stored vectors of `item_ids`, in that order."""
        ...

    def query(self, vector: Vectors, k: int, filters: Filters | None = None) -> list[StoreHit]:
        """The `k` nearest items that pass the filters, best first."""
        ...

    def count(self) -> int:
        """How many items are stored."""
        ...

    def vocabulary(self) -> Vocabulary:
        """The attribute labels of the stored items."""
        ...

    def save_vocabulary(self, vocabulary: Vocabulary) -> None:
        """Record the attribute labels of the stored items."""
        ...
