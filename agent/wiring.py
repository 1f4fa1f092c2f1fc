"""Build each backend from `Settings`; `services.Services` composes them, once per process."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from fitroom.agent.settings import Settings
from fitroom.tools.catalog.items import Catalog, Item, load_catalog
from fitroom.tools.errors import CatalogError, ConfigError, StoreMismatchError
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.embedder import Embedder, Vectors
from fitroom.tools.retrieval.search import ImageSearch
from fitroom.tools.retrieval.text_embedder import MiniLMEmbedder

if TYPE_CHECKING:  # scipy, the ranker and langgraph load only when asked for
    from fitroom.tools.llm.chat import ChatModel
    from fitroom.tools.ranker.fused import FusedRanker
    from fitroom.tools.tryon.types import TryOnRenderer


@lru_cache(maxsize=4)
def _minilm(folder: str) -> MiniLMEmbedder:
    # Cached so that a long-lived process (tests, the app) loads the weights once.
    return MiniLMEmbedder(Path(folder) if folder else None)


def build_embedder(settings: Settings) -> Embedder:
    return _minilm(settings.backend("text_model").arg)  # minilm is the only text model


def image_embedder(settings: Settings, *, required: bool) -> Embedder | None:
    """The configured image model, or None when it is `none` or the tower is not trained yet
    (an error instead when `required`)."""
    from fitroom.tools.image_tower.embedders import OpenClipEmbedder
    from fitroom.tools.image_tower.pipeline import weights_path

    kind, arg = astuple(settings.backend("image_model"))
    if kind == "none":
        if required:
            raise ConfigError("Image search is off (FITROOM_IMAGE_MODEL=none); set it to lit.")
        return None
    if kind == "lit":
        weights = Path(arg) if arg else weights_path(settings.data_dir)
        if not arg and not weights.is_file() and not required:
            return None
        stamp = weights.stat().st_mtime_ns if weights.is_file() else 0
        return _lit(str(weights), stamp, settings.backend("text_model").arg)
    arch, file = settings.backend("image_model").parts(":")  # open_clip:<arch>:<file>
    return OpenClipEmbedder(arch, Path(file))


@lru_cache(maxsize=2)
def _lit(weights: str, stamp: int, minilm_folder: str) -> Embedder:
    # Keyed on the file's mtime too, so a retrained tower is picked up by a running app.
    from fitroom.tools.image_tower.embedders import LitImageEmbedder

    return LitImageEmbedder(Path(weights), _minilm(minilm_folder))


def resolve_catalog(settings: Settings, override: Path | None = None) -> Path:
    path = override or settings.catalog
    if path is None:
        raise CatalogError(
            "No catalogue is configured; pass --catalog PATH or set FITROOM_CATALOG "
            "(see the README for getting the H&M data)."
        )
    return path


def open_catalog(settings: Settings, override: Path | None = None) -> Catalog:
    return load_catalog(resolve_catalog(settings, override))


def open_store(settings: Settings, embedder: Embedder, *, rebuild: bool = False) -> ChromaItemStore:
    client = open_client(settings.chroma_uri)
    if rebuild:
        ChromaItemStore.drop(client, settings.collection)
    return ChromaItemStore(
        client, settings.collection, embedder.model_id, embedder.dim, settings.hnsw
    )


def open_image_store(
    settings: Settings, embedder: Embedder, *, rebuild: bool = False, replace_stale: bool = False
) -> ChromaItemStore:
    """The image-vector collection. `replace_stale` drops it when another image model built it:
    image vectors are derived data, and a retrained tower makes every old one meaningless."""
    client = open_client(settings.chroma_uri)
    if rebuild:
        ChromaItemStore.drop(client, settings.image_collection)
    try:
        return ChromaItemStore(
            client, settings.image_collection, embedder.model_id, embedder.dim, settings.hnsw
        )
    except StoreMismatchError:
        if not replace_stale:
            raise
    ChromaItemStore.drop(client, settings.image_collection)
    return ChromaItemStore(
        client, settings.image_collection, embedder.model_id, embedder.dim, settings.hnsw
    )


def image_search(settings: Settings) -> ImageSearch:
    """What a photo query needs, or a one-sentence error saying which step is missing."""
    images = image_embedder(settings, required=True)
    assert images is not None
    return ImageSearch(embedder=images, store=open_image_store(settings, images))


def build_parser(
    store: ChromaItemStore, embedder: Embedder, chat: ChatModel | None = None
) -> QueryParser:
    """The reader over the store's labels; with `chat`, needs the rules cannot map ("a present
    for my dad") are read through garment names the LLM suggests."""
    from fitroom.tools.reader.garment_names import GarmentNames

    return QueryParser(store.vocabulary(), embedder, GarmentNames(chat) if chat else None)


def optional_chat_model(settings: Settings) -> tuple[ChatModel | None, str | None]:
    """The configured LLM, or None and the reason it is missing."""
    try:
        return chat_model(settings), None
    except ConfigError as error:
        return None, str(error)


def ranker_content(
    settings: Settings, items: Sequence[Item], *, photos: bool = True
) -> tuple[Vectors, str]:
    """The ranker's frozen content vectors (text, plus photos once the tower is trained and
    `photos` is on) and a description of the models that made them."""
    from fitroom.tools.ranker.content import content_matrix

    text = build_embedder(settings)
    images = image_embedder(settings, required=False) if photos else None
    content = content_matrix(items, text, images, settings.data_dir / "cache")
    return content, text.model_id + (f" + {images.model_id}" if images else "")


def ranker(settings: Settings, catalog: Catalog | None = None) -> FusedRanker:
    """The trained fused ranker over the configured catalogue's purchases."""
    from fitroom.tools.ranker.pipeline import load_ranker

    catalog = catalog or open_catalog(settings)
    return load_ranker(settings.data_dir, catalog.interactions, [i.item_id for i in catalog.items])


def try_on_renderer(settings: Settings) -> TryOnRenderer | None:
    """The configured try-on renderer (built lazily: mediapipe loads on the first render)."""
    from fitroom.tools.tryon.service import default_renderer

    kind, arg = astuple(settings.backend("tryon"))
    if kind == "none":
        return None
    if kind == "geometric":
        return default_renderer()
    from fitroom.tools.tryon.diffusion import DiffusionTryOn

    return DiffusionTryOn.from_folder(Path(arg), strength=settings.tryon_strength)


def chat_model(settings: Settings) -> ChatModel | None:
    """The configured LLM, or None for `none`; an error that says how to fix a broken one."""
    from fitroom.tools.llm.llamacpp import LlamaCppChat
    from fitroom.tools.llm.openai_compat import OpenAIChat
    from fitroom.tools.llm.weights import gguf_path

    backend = settings.backend("llm")
    if backend.kind == "none":
        return None
    if backend.kind == "llamacpp":
        path = Path(backend.arg) if backend.arg else gguf_path(settings.data_dir)
        return LlamaCppChat(path, threads=settings.llm_threads)
    return OpenAIChat(*backend.parts("#"))  # openai:<base url>#<model>
