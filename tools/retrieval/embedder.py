"""The `Embedder` protocol every text or image encoder implements."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]


class Embedder(Protocol):
    """Encodes texts (and, where it can, images) into one L2-normalised vector space."""

    @property
    def model_id(self) -> str:
        """A stable name for the vector space; a store built with another one is refused."""
        ...

    @property
    def dim(self) -> int:
        """The vector dimension."""
        ...

    def embed_texts(self, texts: Sequence[str]) -> Vectors:
        """Encode texts as a (len(texts), dim) float32 array of unit-length rows."""
        ...

    def embed_images(self, images: Sequence[Path]) -> Vectors:
        """Encode image files as a (len(images), dim) float32 array of unit-length rows."""
        ...


def normalise(vectors: Vectors) -> Vectors:
    """Scale rows to unit length so that cosine similarity is a dot product."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    scaled: Vectors = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
    return scaled
