"""A few hundred real H&M items, indexed with real MiniLM: searches return the right attributes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fitroom.tools.catalog.items import Item, load_catalog
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.indexing import index_items
from fitroom.tools.retrieval.search import SearchItem, SearchRequest, search_items
from fitroom.tools.retrieval.text_embedder import MiniLMEmbedder
from tests.conftest import HM_DIR, hm_subset

pytestmark = [pytest.mark.slow, pytest.mark.integration]
Search = Callable[..., list[SearchItem]]


@pytest.fixture(scope="module")
def subset() -> list[Item]:
    if not HM_DIR.is_dir():
        pytest.fail(f"The sample catalogue is missing at {HM_DIR}.")
    return hm_subset(load_catalog(HM_DIR).items)


@pytest.fixture(scope="module")
def search(
    subset: list[Item], minilm: MiniLMEmbedder, tmp_path_factory: pytest.TempPathFactory
) -> Search:
    folder: Path = tmp_path_factory.mktemp("hm-store")
    store = ChromaItemStore(open_client(f"path:{folder}"), "hm-subset", minilm.model_id, minilm.dim)
    index_items(subset, minilm, store)
    parser = QueryParser(store.vocabulary(), minilm)

    def run(query: str, k: int = 5, interpret: bool = True) -> list[SearchItem]:
        request = SearchRequest(query=query, k=k, interpret=interpret)
        return search_items(request, embedder=minilm, store=store, parser=parser).items

    return run


def _available(subset: list[Item], **attrs: str) -> int:
    return sum(all(getattr(i, k) == v for k, v in attrs.items()) for i in subset)


def test_subset_is_a_few_hundred_items(subset: list[Item]) -> None:
    assert 200 <= len(subset) <= 310


def test_black_dress(search: Search, subset: list[Item]) -> None:
    assert _available(subset, article_type="Dress", colour="Black") >= 5
    assert all(i.article_type == "Dress" and i.colour == "Black" for i in search("black dress"))


def test_navy_jumper_means_dark_blue_sweaters(search: Search, subset: list[Item]) -> None:
    n = _available(subset, article_type="Sweater", colour="Dark Blue")
    assert n >= 3
    top = search("navy jumper", k=min(n, 5))
    assert all(i.article_type == "Sweater" and i.colour == "Dark Blue" for i in top)


def test_tee_for_men(search: Search) -> None:
    assert all(i.article_type == "T-shirt" and i.gender == "Men" for i in search("tee for men"))


def test_striped_shirt_without_white(search: Search, subset: list[Item]) -> None:
    n = sum(
        i.pattern == "Stripe" and i.article_type == "Shirt" and i.colour_master != "White"
        for i in subset
    )
    top = search("striped shirt, not white", k=min(n, 5))
    assert n >= 1 and all(i.pattern == "Stripe" and i.article_type == "Shirt" for i in top)
    assert all(i.colour not in ("White", "Off White") for i in top)


def test_meaning_alone_finds_dresses(search: Search) -> None:
    top = search("black dress", interpret=False)
    assert sum(i.article_type == "Dress" for i in top) >= 3
