"""Build backends from `Settings`: the one place that turns configuration into objects."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fitroom.agent.settings import Settings
from fitroom.tools.catalog import Catalog, load_catalog
from fitroom.tools.chroma_store import ChromaItemStore, open_client
from fitroom.tools.embedder import Embedder
from fitroom.tools.errors import CatalogError, ConfigError
from fitroom.tools.query_parser import QueryParser
from fitroom.tools.text_embedder import MiniLMEmbedder


@lru_cache(maxsize=4)
def _minilm(folder: str) -> MiniLMEmbedder:
    # Cached so that a long-lived process (tests, the app) loads the weights once.
    return MiniLMEmbedder(Path(folder) if folder else None)


def build_embedder(settings: Settings) -> Embedder:
    kind, _, arg = settings.text_model.partition(":")
    if kind != "minilm":
        raise ConfigError(
            f"FITROOM_TEXT_MODEL={settings.text_model!r} is unknown; use minilm or minilm:<folder>."
        )
    return _minilm(arg)


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


def build_parser(store: ChromaItemStore, embedder: Embedder) -> QueryParser:
    return QueryParser(store.vocabulary(), embedder)
