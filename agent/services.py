"""The composition root: every backend the product uses, built from `Settings` once.

The app, the CLI, the evaluation and the toolset each hold one `Services`; each part is built
on first use (a `fitroom memory` command never loads MiniLM), then shared, so the item store
and the memory files are opened once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.tools.errors import CatalogError, ConfigError, StoreError

if TYPE_CHECKING:  # langgraph, scipy and the LLM load only when a part is asked for
    from fitroom.agent.context import AgentContext
    from fitroom.agent.session import Graph
    from fitroom.memory.backends import Memory
    from fitroom.tools.catalog.items import Catalog
    from fitroom.tools.llm.chat import ChatModel
    from fitroom.tools.ranker.protocol import Ranker
    from fitroom.tools.reader.query_parser import QueryParser
    from fitroom.tools.retrieval.chroma_store import ChromaItemStore
    from fitroom.tools.retrieval.embedder import Embedder
    from fitroom.tools.retrieval.search import ImageSearch, SearchRequest, SearchResult
    from fitroom.tools.tryon.cache import CachedTryOn


@dataclass
class Services:
    settings: Settings
    # One line for each optional part that is missing: the agent works without it, and says so.
    notes: list[str] = field(default_factory=list)

    @cached_property
    def catalog(self) -> Catalog:
        return wiring.open_catalog(self.settings)

    @cached_property
    def price_scale(self) -> float | None:
        """Currency units per catalogue price unit, for "under 40"; None where the prices are no
        currency (H&M's are normalised) or the catalogue cannot say."""
        from fitroom.tools.catalog.items import price_unit

        folder = self.settings.catalog
        try:
            return 1.0 if folder is not None and price_unit(folder) == "currency" else None
        except CatalogError:
            return None  # search works from the store alone; a sum then goes unapplied, saying so

    @cached_property
    def embedder(self) -> Embedder:
        return wiring.build_embedder(self.settings)

    @cached_property
    def store(self) -> ChromaItemStore:
        store = wiring.open_store(self.settings, self.embedder)
        if store.count() == 0:
            raise StoreError("The item store is empty; build it with `fitroom index` first.")
        return store

    @cached_property
    def chat(self) -> ChatModel | None:
        chat, missing = wiring.optional_chat_model(self.settings)
        if missing:
            self.notes.append(f"No LLM: {missing} Explanations use templates.")
        elif chat is None:
            self.notes.append(
                "No LLM is configured (FITROOM_LLM=none): explanations use templates."
            )
        return chat

    @cached_property
    def reader(self) -> QueryParser:
        """The one reader search, chat and the tools share (with the LLM for needs it has one)."""
        return wiring.build_parser(self.store, self.embedder, self.chat)

    @cached_property
    def images(self) -> ImageSearch | None:
        """Photo search with each photo's vector remembered, or None while the tower is missing."""
        from fitroom.tools.image_tower.embedders import RememberedPhotos
        from fitroom.tools.retrieval.search import ImageSearch

        try:
            found = wiring.image_search(self.settings)
        except ConfigError as error:
            self.notes.append(f"Photo queries are off: {error}")
            return None
        return ImageSearch(embedder=RememberedPhotos(found.embedder), store=found.store)

    @cached_property
    def ranker(self) -> Ranker | None:
        try:
            return wiring.ranker(self.settings, self.catalog)
        except ConfigError as error:
            self.notes.append(f"Picks come in retrieval order: {error}")
            return None

    @cached_property
    def try_on(self) -> CachedTryOn | None:
        if self.settings.tryon == "none":
            return None
        from fitroom.tools.tryon.cache import CachedTryOn

        return CachedTryOn(
            self.settings.data_dir / "tryon",
            self.catalog.by_id(),
            partial(wiring.try_on_renderer, self.settings),
            self.settings.tryon,
        )

    @cached_property
    def memory(self) -> Memory:
        """Short-term checkpoints and long-term shopper memory, in the data directory."""
        from fitroom.agent.session import serializer
        from fitroom.memory.backends import sqlite_memory

        return sqlite_memory(self.settings.data_dir / "memory", serializer())

    @property
    def uploads(self) -> Path:
        """Where photos sent to the tools are kept, named by their content."""
        return self.settings.data_dir / "uploads"

    @cached_property
    def graph(self) -> Graph:
        from fitroom.agent.graph import build_graph

        return build_graph(self.memory.checkpointer, self.memory.store)

    def search(self, request: SearchRequest) -> SearchResult:
        """A search exactly as `fitroom search` runs it, photo included where one is given."""
        from fitroom.tools.retrieval.search import search_items

        # Without photo search, building it again raises the sentence saying which step is missing.
        images = (self.images or wiring.image_search(self.settings)) if request.image else None
        return search_items(
            request,
            embedder=self.embedder,
            store=self.store,
            parser=self.reader,
            images=images,
            price_scale=self.price_scale,
        )

    def searcher(self, *, photos: bool) -> Callable[[SearchRequest], SearchResult]:
        """Search bound to these backends; with `photos` off, as if no image model existed."""
        from fitroom.tools.retrieval.search import search_items

        return partial(
            search_items,
            embedder=self.embedder,
            store=self.store,
            parser=self.reader,
            images=self.images if photos else None,
            price_scale=self.price_scale,
        )

    @cached_property
    def context(self) -> AgentContext:
        """The agent's tools bound to these backends."""
        from fitroom.agent.context import AgentContext
        from fitroom.tools.image_tower.embedders import RememberedPhotos

        catalog, store, images = self.catalog, self.store, self.images
        photos = images.embedder if images else None
        return AgentContext(
            items=catalog.by_id(),
            vocabulary=store.vocabulary(),
            search=self.searcher(photos=True),
            parse=self.reader.parse,
            embed_text=self.embedder.embed_texts,
            embed_photo=photos.photo if isinstance(photos, RememberedPhotos) else None,
            photo_search=images is not None,
            ranker=self.ranker,
            session_popularity=self.settings.session_popularity,
            chat=self.chat,
            llm_explanations=self.settings.llm_explanations,
            llm_extraction=self.settings.llm_extraction,
            currency_prices=catalog.price_unit == "currency",
            try_on=self.try_on,
        )
