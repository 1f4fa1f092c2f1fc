"""Test doubles. Never imported by fitroom itself."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from fitroom.tools.errors import LLMError
from fitroom.tools.retrieval.embedder import Vectors, normalise


class FakeEmbedder:
    """Bag-of-words hashing: texts sharing words get similar vectors. Counts what it embeds."""

    def __init__(self, dim: int = 64, model_id: str = "fake-bow") -> None:
        self.dim = dim
        self.model_id = f"{model_id}-{dim}"
        self.embedded = 0

    def embed_texts(self, texts: Sequence[str]) -> Vectors:
        self.embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                slot = int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim
                out[row, slot] += 1.0
            out[row, 0] += 1e-3  # keeps an empty text off the zero vector
        return normalise(out)

    def embed_images(self, images: Sequence[Path]) -> Vectors:
        raise NotImplementedError("FakeEmbedder encodes text only")


class FakePhotoEmbedder(FakeEmbedder):
    """Encodes a photo as its mean colour (padded to `dim`); counts photos it tries to read."""

    def __init__(self, dim: int = 64) -> None:
        super().__init__(dim, model_id="fake-photo")
        self.photos = 0

    def embed_images(self, images: Sequence[Path]) -> Vectors:
        from fitroom.tools.catalog.images import load_pixels

        out = np.full((len(images), self.dim), 1e-3, dtype=np.float32)
        for row, path in enumerate(images):
            self.photos += 1
            out[row, :3] = load_pixels(path, 8, 12).reshape(-1, 3).mean(0) / 255.0 + 1e-3
        return normalise(out)


class FakeChat:
    """A chat model that replies with scripted texts in turn, or fails when told to."""

    model_id = "fake-chat"

    def __init__(self, replies: Sequence[str], fail: bool = False) -> None:
        self.replies = list(replies)
        self.fail = fail
        self.prompts: list[list[dict[str, str]]] = []

    def stream(self, messages: Sequence[Any], max_tokens: int) -> Iterator[str]:
        self.prompts.append([dict(m) for m in messages])
        if self.fail:
            raise LLMError("The fake LLM is down.")
        reply = self.replies[(len(self.prompts) - 1) % len(self.replies)]
        yield from (word + " " for word in reply.split())
