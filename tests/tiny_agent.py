"""A tiny agent for the fast lane: 96 made-up items of the catalogue's own labels, bag-of-words
vectors and an embedded Chroma store, so graph tests run in seconds without MiniLM or the sample
data. What the real models add is tested in the slow lane."""

from __future__ import annotations

from functools import partial
from itertools import product
from pathlib import Path
from typing import Any

from fitroom.agent import wiring
from fitroom.agent.context import AgentContext
from fitroom.agent.services import Services
from fitroom.agent.settings import Settings
from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.indexing import index_items
from fitroom.tools.retrieval.search import search_items
from tests.conftest import write_catalog
from tests.fakes import FakeEmbedder

_TYPES = {
    "Dress": ("Garment Full body", "Women"),
    "Skirt": ("Garment Lower body", "Women"),
    "Trousers": ("Garment Lower body", "Men"),
    "Sweater": ("Garment Upper body", "Men"),
}
_COLOURS = ("Black", "White", "Blue", "Red")
_PATTERNS = {"Solid": "plain", "Stripe": "striped", "Dot": "dotted"}


def tiny_rows() -> list[list[str]]:
    """Each type in each colour and pattern, for women and for men: 4 x 4 x 3 x 2 items."""
    rows = []
    combos = product(_TYPES.items(), _COLOURS, _PATTERNS.items(), ("Women", "Men"))
    for n, ((kind, (category, _)), colour, (pattern, word), gender) in enumerate(combos):
        title = f"{word.capitalize()} {colour.lower()} {kind.lower()}"
        description = f"A {word} {kind.lower()} in {colour.lower()} for {gender.lower()}."
        price = f"{0.01 + (n % 5) * 0.01:.3f}"
        rows.append(
            [
                f"09{n:08d}", title, gender, category, kind, colour, colour, pattern,
                description, f"{9000 + n}", price,
            ]
        )  # fmt: skip
    return rows


def tiny_context(folder: Path, rows: list[list[str]] | None = None) -> AgentContext:
    """The agent over the tiny catalogue (or `rows`), indexed in `folder`."""
    catalog = load_catalog(write_catalog(folder / "catalog", rows or tiny_rows()))
    embedder = FakeEmbedder()
    store = ChromaItemStore(
        open_client(f"path:{folder / 'chroma'}"), "tiny", embedder.model_id, embedder.dim
    )
    index_items(catalog.items, embedder, store)
    parser = QueryParser(store.vocabulary(), embedder)
    return AgentContext(
        items=catalog.by_id(),
        vocabulary=store.vocabulary(),
        search=partial(search_items, embedder=embedder, store=store, parser=parser),
        parse=parser.parse,
        embed_text=embedder.embed_texts,
        currency_prices=False,
    )


def tiny_services(folder: Path, catalog: Path | None = None, **settings: Any) -> Services:
    """Services over a tiny catalogue (the made-up one by default) with bag-of-words vectors
    standing in for MiniLM, and no LLM, image tower or ranker: the composition root as it runs,
    with the models where the tests' point is not the models."""
    catalog = catalog or write_catalog(folder / "catalog", tiny_rows())
    config = Settings(
        catalog=catalog, data_dir=folder / "data", llm="none", image_model="none", **settings
    )
    embedder = FakeEmbedder()
    index_items(load_catalog(catalog).items, embedder, wiring.open_store(config, embedder))
    services = Services(config)
    services.__dict__["embedder"] = embedder  # the cached part, as if built from settings
    return services
