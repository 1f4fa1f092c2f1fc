"""Training and evaluation data for the image tower: photos, frozen text targets, the split."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.catalog.images import Pixels, load_pixels
from fitroom.tools.catalog.items import Item
from fitroom.tools.retrieval.embedder import Embedder, Vectors
from fitroom.tools.retrieval.indexing import item_document

HELD_OUT_FRACTION = 0.2


def held_out(product_code: str, seed: int = 0, fraction: float = HELD_OUT_FRACTION) -> bool:
    """Whether a product is in the held-out split: a hash, so it never depends on row order and
    every colour variant of a product lands on the same side."""
    digest = hashlib.sha256(f"{seed}:{product_code}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


def product_of(item: Item) -> str:
    return item.product_code or item.item_id


def data_hash(items: Sequence[Item]) -> str:
    """Changes whenever an item's facts or its photo file change."""
    h = hashlib.sha256()
    for item in items:
        h.update(item.model_dump_json().encode())
        if item.image:
            stat = item.image.stat()
            h.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


@dataclass
class LitData:
    """Items with photos, their pixels and their frozen text vectors, row-aligned."""

    items: list[Item]
    pixels: Pixels
    texts: Vectors

    def subset(self, mask: NDArray[np.bool_]) -> LitData:
        rows = np.flatnonzero(mask)
        return LitData([self.items[i] for i in rows], self.pixels[rows], self.texts[rows])

    def labels(self, field: str) -> tuple[NDArray[np.int64], list[str]]:
        values = [str(getattr(item, field)) for item in self.items]
        names = sorted(set(values))
        index = {name: i for i, name in enumerate(names)}
        return np.array([index[v] for v in values], dtype=np.int64), names


def split_masks(
    items: Sequence[Item], seed: int = 0
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """(train, held-out) boolean masks by product code."""
    test = np.array([held_out(product_of(i), seed) for i in items], dtype=bool)
    return ~test, test


Progress = Callable[[str, float], None]
"""Called with (stage, fraction of that stage done)."""


def load_photos(
    items: Sequence[Item], width: int, height: int, on_progress: Progress | None = None
) -> Pixels:
    pixels = np.zeros((len(items), height, width, 3), dtype=np.uint8)
    for row, item in enumerate(items):
        assert item.image is not None, "callers pass items with photos only"
        pixels[row] = load_pixels(item.image, width, height)
        if on_progress and ((row + 1) % 256 == 0 or row + 1 == len(items)):
            on_progress("loading photos", (row + 1) / len(items))
    return pixels


def text_targets(
    items: Sequence[Item], embedder: Embedder, cache_dir: Path | None = None
) -> Vectors:
    """The frozen text encoder's vectors of each item's document; cached, because the encoder
    never changes during training and embedding the catalogue costs a minute on 2 cores."""
    documents = [item_document(i) for i in items]
    key = hashlib.sha256("\x00".join([embedder.model_id, *documents]).encode()).hexdigest()[:16]
    path = cache_dir / f"text-targets-{key}.npy" if cache_dir else None
    if path and path.is_file():
        cached: Vectors = np.load(path)
        return cached
    vectors = embedder.embed_texts(documents)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def prepare(
    items: Sequence[Item],
    embedder: Embedder,
    width: int,
    height: int,
    cache_dir: Path | None = None,
    on_progress: Progress | None = None,
) -> LitData:
    """Every item with a photo, with its pixels and its text target."""
    report = on_progress or (lambda stage, done: None)
    usable = [i for i in items if i.image is not None]
    pixels = load_photos(usable, width, height, report)
    report("encoding item texts", 0.0)  # a minute on 2 cores the first time, then cached
    texts = text_targets(usable, embedder, cache_dir)
    report("encoding item texts", 1.0)
    return LitData(usable, pixels, texts)
