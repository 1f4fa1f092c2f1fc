"""What the app's tests share: a small real catalogue, its index, and a test-double backend."""

from __future__ import annotations

import csv
from functools import partial
from pathlib import Path

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.memory import InMemoryStore

from fitroom.agent.context import AgentContext
from fitroom.agent.graph import build_graph
from fitroom.agent.session import serializer
from fitroom.tools.catalog.items import Item, load_catalog
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.indexing import index_items
from fitroom.tools.retrieval.search import search_items
from fitroom.tools.retrieval.text_embedder import MiniLMEmbedder
from fitroom.ui.backend import Backend
from tests.conftest import HM_DIR, TRYON_DIR, hm_subset
from tests.fakes import FakeChat


def _copy_rows(name: str, folder: Path, keep: set[str]) -> None:
    with (HM_DIR / name).open(newline="") as source:
        reader = csv.DictReader(source)
        rows = [row for row in reader if row["item_id"] in keep]
        with (folder / name).open("w", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [])
            writer.writeheader()
            writer.writerows(rows)


def small_catalog(folder: Path, per_group: int = 12, purchases: bool = False) -> Path:
    """A catalogue folder with a few hundred real H&M items (and, if asked, their real
    purchases); the photos are linked, not copied."""
    keep = {i.item_id for i in hm_subset(load_catalog(HM_DIR).items, per_group)}
    folder.mkdir(parents=True, exist_ok=True)
    _copy_rows("items.csv", folder, keep)
    if purchases:
        _copy_rows("interactions.csv", folder, keep)
    (folder / "images").symlink_to(HM_DIR / "images")
    return folder


class CopyTryOn:
    """A try-on test double: the 'render' is the person photo itself."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, person: Path, item: Item) -> Path:
        out = self.folder / f"{item.item_id}.png"
        out.write_bytes(person.read_bytes())
        return out


def fake_backend(minilm: MiniLMEmbedder, folder: Path) -> Backend:
    """The real graph over a small real catalogue, with the test-double LLM and try-on."""
    items = hm_subset(load_catalog(HM_DIR).items, per_group=12)
    store = ChromaItemStore(
        open_client(f"path:{folder / 'chroma'}"), "ui-items", minilm.model_id, minilm.dim
    )
    index_items(items, minilm, store)
    parser = QueryParser(store.vocabulary(), minilm)
    (folder / "tryon").mkdir(exist_ok=True)
    context = AgentContext(
        items={i.item_id: i for i in items},
        vocabulary=store.vocabulary(),
        search=partial(search_items, embedder=minilm, store=store, parser=parser),
        parse=parser.parse,
        embed_text=minilm.embed_texts,
        chat=FakeChat(["You asked for a dress, and it is exactly that."]),
        try_on=CopyTryOn(folder / "tryon"),
        currency_prices=False,
    )
    memory = InMemoryStore()
    return Backend(
        context=context,
        graph=build_graph(InMemorySaver(serde=serializer()), memory),
        memory=memory,
        llm="fake-chat",
        catalogue=f"test subset ({len(items)} items)",
        index_size=store.count(),
        samples=sorted((TRYON_DIR / "person").glob("*.jpg"))[:3],
    )
