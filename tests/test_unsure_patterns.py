"""A vague print label ("All over pattern") may hide the dots or stripes a shopper ruled out:
such items come after those whose label settles it, in search and among a chat's picks."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.memory import InMemoryStore

from fitroom.agent.graph import build_graph
from fitroom.agent.session import run_turn, serializer
from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.chroma_store import ChromaItemStore
from fitroom.tools.retrieval.indexing import index_items
from fitroom.tools.retrieval.search import SearchRequest, search_items
from fitroom.tools.retrieval.unsure_patterns import unsure
from tests.conftest import CatalogFactory
from tests.fakes import FakeEmbedder
from tests.tiny_agent import tiny_context


@pytest.mark.parametrize(
    ("pattern", "excluded", "wanted", "expected"),
    [
        ("All over pattern", {"pattern": ["Dot", "Stripe"]}, {}, True),
        ("Other pattern", {"pattern": ["Check"]}, {}, True),
        ("Solid", {"pattern": ["Dot"]}, {}, False),
        ("All over pattern", {"pattern": ["Lace"]}, {}, False),  # a structure, not a print
        ("All over pattern", {"pattern": ["Dot"]}, {"pattern": ["All over pattern"]}, False),
        ("All over pattern", {}, {}, False),
    ],
)
def test_a_vague_print_label_is_unsure_only_against_a_print_ruled_out(
    pattern: str, excluded: dict[str, list[str]], wanted: dict[str, list[str]], expected: bool
) -> None:
    assert unsure(pattern, excluded, wanted) is expected


def _dress(n: int, pattern: str) -> list[str]:
    # the printed ones' own words are nearest to "a black dress" by meaning
    title, said = ("Black dress", "A black dress.") if pattern != "Solid" else ("Shift", "Knit.")
    return [
        f"02000000{n:02d}", f"{title} {n}", "Women", "Garment Full body", "Dress", "Black",
        "Black", pattern, said, f"{200 + n}", "0.03",
    ]  # fmt: skip


def test_search_shows_settled_labels_before_vague_prints_when_dots_are_ruled_out(
    make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    rows = [_dress(n, "All over pattern" if n % 2 else "Solid") for n in range(6)]
    rows += [_dress(90, "Dot"), _dress(91, "Stripe")]  # so that the words name labels
    index_items(load_catalog(make_catalog(rows)).items, fake_embedder, store)
    parser = QueryParser(store.vocabulary())

    def patterns(query: str) -> list[str]:
        request = SearchRequest(query=query, k=6)
        found = search_items(request, embedder=fake_embedder, store=store, parser=parser)
        return [i.pattern for i in found.items]

    ruled = patterns("a black dress, nothing with dots or stripes")
    assert ruled == ["Solid"] * 3 + ["All over pattern"] * 3
    assert patterns("a black dress")[:3] != ["Solid"] * 3  # the prints are nearer by meaning


def test_a_chat_s_picks_leave_out_vague_prints_while_enough_settled_ones_fit(
    tmp_path: Path,
) -> None:
    rows = [_dress(n, "All over pattern" if n % 2 else "Solid") for n in range(16)]
    rows += [_dress(90, "Dot"), _dress(91, "Stripe")]
    context = tiny_context(tmp_path, rows)
    graph = build_graph(InMemorySaver(serde=serializer()), InMemoryStore())
    turn = partial(run_turn, graph, context, "uma", "s1")
    first = turn("a black dress, just show me")
    assert "All over pattern" in {context.items[i.item_id].pattern for i in first.items}
    ruled = turn("nothing with stripes or dots")
    assert {context.items[i.item_id].pattern for i in ruled.items} == {"Solid"}
