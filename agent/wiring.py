"""Build backends from `Settings`: the one place that turns configuration into objects."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import astuple
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from fitroom.agent.settings import Settings
from fitroom.tools.catalog import Catalog, Item, load_catalog
from fitroom.tools.chroma_store import ChromaItemStore, open_client
from fitroom.tools.embedder import Embedder, Vectors
from fitroom.tools.errors import CatalogError, ConfigError, StoreError, StoreMismatchError
from fitroom.tools.query_parser import QueryParser
from fitroom.tools.search import ImageSearch, search_items
from fitroom.tools.text_embedder import MiniLMEmbedder

if TYPE_CHECKING:  # scipy, the ranker and langgraph load only when asked for
    from langgraph.store.base import BaseStore

    from fitroom.agent.context import AgentContext
    from fitroom.agent.session import Graph
    from fitroom.tools.llm import ChatModel
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
    from fitroom.tools.image_embedders import OpenClipEmbedder
    from fitroom.tools.lit_pipeline import weights_path

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
    from fitroom.tools.image_embedders import LitImageEmbedder

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
    from fitroom.tools.garment_names import GarmentNames

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


def agent_context(settings: Settings) -> tuple[AgentContext, list[str]]:
    """The agent's tools bound to the configured backends, and one line for each optional part
    that is missing (the agent works without it, and says so)."""
    from fitroom.agent.context import AgentContext

    catalog = open_catalog(settings)
    embedder = build_embedder(settings)
    store = open_store(settings, embedder)
    if store.count() == 0:
        raise StoreError("The item store is empty; build it with `fitroom index` first.")
    notes: list[str] = []
    chat, missing = optional_chat_model(settings)
    if missing:
        notes.append(f"No LLM: {missing} Explanations use templates.")
    parser = build_parser(store, embedder, chat)
    from fitroom.tools.image_embedders import RememberedPhotos

    images: ImageSearch | None = None
    photos: RememberedPhotos | None = None
    try:
        found = image_search(settings)
        photos = RememberedPhotos(found.embedder)
        images = ImageSearch(embedder=photos, store=found.store)
    except ConfigError as error:
        notes.append(f"Photo queries are off: {error}")
    fitted: FusedRanker | None = None
    try:
        fitted = ranker(settings, catalog)
    except ConfigError as error:
        notes.append(f"Picks come in retrieval order: {error}")
    if chat is None and settings.llm == "none":
        notes.append("No LLM is configured (FITROOM_LLM=none): explanations use templates.")
    context = AgentContext(
        items=catalog.by_id(),
        vocabulary=store.vocabulary(),
        search=partial(search_items, embedder=embedder, store=store, parser=parser, images=images),
        parse=parser.parse,
        embed_text=embedder.embed_texts,
        embed_photo=photos.photo if photos else None,
        ranker=fitted,
        session_popularity=settings.session_popularity,
        chat=chat,
        llm_explanations=settings.llm_explanations,
        llm_extraction=settings.llm_extraction,
        currency_prices=catalog.price_unit == "currency",
        try_on=try_on_tool(settings, catalog.by_id()),
    )
    return context, notes


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


def try_on_tool(
    settings: Settings, items: Mapping[str, Item]
) -> Callable[[Path, Item], Path] | None:
    """Render an item onto a shopper's photo and save it under `<data_dir>/tryon/`; the same
    photo and item give the same file, so a repeated request costs nothing."""
    if settings.tryon == "none":
        return None
    from fitroom.tools.tryon.service import render_try_on

    folder = settings.data_dir / "tryon"
    renderers: list[TryOnRenderer | None] = []  # built on the first try-on, then reused

    def try_on(photo: Path, item: Item) -> Path:
        key = hashlib.sha256(photo.read_bytes() + f"|{item.item_id}|{settings.tryon}".encode())
        out = folder / f"{key.hexdigest()[:24]}.png"
        if not out.is_file():
            renderers[:] = renderers or [try_on_renderer(settings)]
            result = render_try_on(photo, item.item_id, items=items, renderer=renderers[0])
            folder.mkdir(parents=True, exist_ok=True)
            result.image.save(out)
        return out

    return try_on


def agent_graph(settings: Settings) -> Graph:
    """The compiled graph over SQLite short- and long-term memory in the data directory."""
    from fitroom.agent.graph import build_graph
    from fitroom.agent.session import sqlite_memory

    return build_graph(*sqlite_memory(settings.data_dir / "memory"))


def memory_store(settings: Settings) -> BaseStore:
    from fitroom.agent.session import sqlite_memory

    return sqlite_memory(settings.data_dir / "memory")[1]


def chat_model(settings: Settings) -> ChatModel | None:
    """The configured LLM, or None for `none`; an error that says how to fix a broken one."""
    from fitroom.tools.llm_llamacpp import LlamaCppChat
    from fitroom.tools.llm_openai import OpenAIChat
    from fitroom.tools.llm_weights import gguf_path

    backend = settings.backend("llm")
    if backend.kind == "none":
        return None
    if backend.kind == "llamacpp":
        path = Path(backend.arg) if backend.arg else gguf_path(settings.data_dir)
        return LlamaCppChat(path, threads=settings.llm_threads)
    return OpenAIChat(*backend.parts("#"))  # openai:<base url>#<model>
