"""Image embedders: the in-domain LiT tower, or a real open_clip checkpoint from a local file.

Each one also encodes text *into its own image space*, so that words can steer a photo query
without mixing vectors from different spaces.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from fitroom.tools.catalog.cards import read_card
from fitroom.tools.catalog.images import Pixels, load_pixels, open_rgb
from fitroom.tools.errors import ConfigError
from fitroom.tools.image_tower.tower import build_tower, encode_pixels
from fitroom.tools.retrieval.embedder import Embedder, Vectors, normalise


def file_fingerprint(path: Path) -> str:
    """A content hash of a weights file: its size plus its first and last megabyte, which
    tells checkpoints apart without reading hundreds of megabytes on every start."""
    h = hashlib.sha256(str(path.stat().st_size).encode())
    with path.open("rb") as f:
        h.update(f.read(1 << 20))
        f.seek(max(path.stat().st_size - (1 << 20), 0))
        h.update(f.read(1 << 20))
    return h.hexdigest()[:12]


class LitImageEmbedder:
    """The tower trained by `fitroom train image-tower`. Its space *is* the text encoder's
    (it was trained to land on frozen MiniLM vectors), so texts go through MiniLM."""

    def __init__(self, weights: Path, text: Embedder) -> None:
        card = read_card(weights.with_suffix(".json"))
        if card is None or not weights.is_file():
            raise ConfigError(
                f"No trained image tower at {weights}; run `fitroom train image-tower` first."
            )
        if card["text_model_id"] != text.model_id:
            raise ConfigError(
                f"The image tower at {weights} was aligned to {card['text_model_id']}, not "
                f"{text.model_id}; retrain it with `fitroom train image-tower`."
            )
        self.weights = weights
        self.card = card
        self._text = text
        self.model_id = f"fitroom-lit:{card['arch']}:{card['weights_sha256'][:12]}"
        self.dim = int(card["dim"])
        self.size = (int(card["width"]), int(card["height"]))

    @cached_property
    def _tower(self) -> Any:
        from safetensors.torch import load_file

        tower = build_tower(self.card["arch"])
        tower.load_state_dict(load_file(self.weights))
        return tower.eval()

    def embed_pixels(self, pixels: Pixels) -> Vectors:
        return encode_pixels(self._tower, pixels)

    def embed_images(self, images: Sequence[Path]) -> Vectors:
        if not images:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self.embed_pixels(np.stack([load_pixels(p, *self.size) for p in images]))

    def embed_texts(self, texts: Sequence[str]) -> Vectors:
        return self._text.embed_texts(texts)


class OpenClipEmbedder:
    """A real pretrained open_clip model from a local weights file (`open_clip:ARCH:FILE`).

    Its image vectors live in CLIP's space, not MiniLM's, so texts go through CLIP's own text
    tower and its vectors go to their own collection, never beside MiniLM's.
    """

    def __init__(self, arch: str, weights: Path) -> None:
        import open_clip

        if arch not in open_clip.list_models():
            raise ConfigError(
                f"open_clip has no model config {arch!r}; use one of open_clip.list_models(), "
                "for example ViT-B-32."
            )
        if not weights.is_file():
            raise ConfigError(f"open_clip weights {weights} do not exist; check the path.")
        self.arch = arch
        self.weights = weights
        self.model_id = f"open_clip:{arch}:{file_fingerprint(weights)}"

    @cached_property
    def _loaded(self) -> tuple[Any, Any, Any]:
        import open_clip

        try:
            model, _, preprocess = open_clip.create_model_and_transforms(
                self.arch, pretrained=str(self.weights)
            )
        except (RuntimeError, KeyError, ValueError, AssertionError) as exc:
            # open_clip reports a wrong checkpoint with any of these, asserts included.
            raise ConfigError(
                f"{self.weights} does not hold {self.arch} weights ({str(exc)[:120]}); check "
                "FITROOM_IMAGE_MODEL."
            ) from exc
        return model.eval(), preprocess, open_clip.get_tokenizer(self.arch)

    @cached_property
    def dim(self) -> int:
        return int(self.embed_texts(["a garment"]).shape[1])

    def embed_images(self, images: Sequence[Path]) -> Vectors:
        import torch

        model, preprocess, _ = self._loaded
        if not images:
            return np.zeros((0, self.dim), dtype=np.float32)
        batch = torch.stack([preprocess(open_rgb(p)) for p in images])
        with torch.inference_mode():
            return normalise(model.encode_image(batch).float().numpy())

    def embed_texts(self, texts: Sequence[str]) -> Vectors:
        import torch

        model, _, tokenizer = self._loaded
        with torch.inference_mode():
            return normalise(model.encode_text(tokenizer(list(texts))).float().numpy())


class RememberedPhotos:
    """An image embedder that encodes each single photo once: a "like this" photo is searched
    with and ranked by on every turn of a conversation, and encoding it costs far more than
    the rest of the turn. Photos are keyed by path (uploads are saved under their content
    hash, catalogue photos never change); batches pass straight through."""

    def __init__(self, inner: Embedder, size: int = 256) -> None:
        self.inner = inner
        self.photo = lru_cache(maxsize=size)(self._encode)

    def _encode(self, path: Path) -> Vectors:
        vector: Vectors = self.inner.embed_images([path])[0]
        vector.flags.writeable = False  # shared by every caller: nobody may change it
        return vector

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed_texts(self, texts: Sequence[str]) -> Vectors:
        return self.inner.embed_texts(texts)

    def embed_images(self, images: Sequence[Path]) -> Vectors:
        if len(images) == 1:
            return self.photo(Path(images[0]))[None]
        return self.inner.embed_images(images)
