"""Content vectors of catalogue items (frozen text and image vectors), and the content-only
ranker: a user is the mean of what they bought."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from fitroom.tools.catalog.items import Interaction, Item
from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.image_tower.data import text_targets
from fitroom.tools.ranker.base import CatalogueRanker, Scores
from fitroom.tools.retrieval.embedder import Embedder, Vectors, normalise

_TIE_BREAK = 1e-6


def content_matrix(
    items: Sequence[Item], text: Embedder, images: Embedder | None, cache_dir: Path | None
) -> Vectors:
    """One row per item: its text vector, beside its photo vector when an image model is
    given (each half unit-length, so both count equally); rows are unit length."""
    texts = text_targets(items, text, cache_dir)
    if images is None:
        return texts
    photos = np.zeros((len(items), images.dim), dtype=np.float32)
    with_photo = [row for row, item in enumerate(items) if item.image is not None]
    paths = [items[row].image for row in with_photo]
    photos[with_photo] = images.embed_images([p for p in paths if p is not None])
    return normalise(np.hstack([texts, photos]))


class ContentRanker(CatalogueRanker):
    """Cosine between an item's content vector and the mean of the user's purchases'."""

    name = "content"

    def __init__(self, content: Vectors) -> None:
        super().__init__()
        self.content = content

    def _fit(self, train: Sequence[Interaction]) -> None:
        if len(self.content) != len(self.item_ids):
            raise ValueError("content rows must match the catalogue's items")

    def profile(self, rows: list[int]) -> Vectors:
        return normalise(self.content[rows].mean(axis=0, keepdims=True)).reshape(-1)

    def _user_scores(self, user_id: str, rows: list[int]) -> Scores:
        scores: Scores = np.asarray(
            self.content @ self.profile(rows) + _TIE_BREAK * self.popularity, dtype=np.float32
        )
        return scores


def content_vector(dim: int, text: Vectors | None = None, image: Vectors | None = None) -> Vectors:
    """A query in the layout of `content_matrix` rows (text first, photo last), from a text
    vector, a photo vector, or both; what is missing stays zero."""
    out = np.zeros(dim, dtype=np.float32)
    if text is not None:
        if len(text) > dim:
            raise InvalidQueryError(f"A {len(text)}-d text vector does not fit {dim}-d content.")
        out[: len(text)] = normalise(text.reshape(1, -1))[0]
    if image is not None:
        if len(image) >= dim:
            raise InvalidQueryError(
                f"This ranker's {dim}-d content has no photo part for a {len(image)}-d vector."
            )
        out[dim - len(image) :] = normalise(image.reshape(1, -1))[0]
    result: Vectors = normalise(out.reshape(1, -1))[0]
    return result
