"""The search_items tool: validation, everyday words as filters, and relaxation."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.errors import InvalidQueryError, StoreError
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.indexing import index_items
from fitroom.tools.retrieval.search import ImageSearch, SearchRequest, SearchResult, search_items
from tests.conftest import CatalogFactory, garment_catalog
from tests.fakes import FakeEmbedder, FakePhotoEmbedder


@pytest.fixture
def run(make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder):  # type: ignore[no-untyped-def]
    index_items(load_catalog(make_catalog()).items, fake_embedder, store)
    parser = QueryParser(store.vocabulary())

    def search(query: str, k: int = 10, **kwargs: object) -> SearchResult:
        request = SearchRequest(query=query, k=k, **kwargs)  # type: ignore[arg-type]
        return search_items(request, embedder=fake_embedder, store=store, parser=parser)

    return search


@pytest.mark.parametrize(
    ("query", "k", "message"),
    [
        ("   ", 10, "The query is empty"),
        ("dress", 0, "k must be between 1 and 1000; got 0"),
        ("dress", 1001, "k must be between 1 and 1000; got 1001"),
    ],
)
def test_bad_requests_are_refused(query: str, k: int, message: str) -> None:
    with pytest.raises(InvalidQueryError, match=message):
        SearchRequest(query=query, k=k)


def test_everyday_words_become_filters(run) -> None:  # type: ignore[no-untyped-def]
    result = run("navy jumper for men", k=1)
    assert [i.item_id for i in result.items] == ["0100000003"]
    read = {(m.phrase, m.attribute, m.label) for m in result.understood}
    assert read == {
        ("navy", "colour", "Dark Blue"),
        ("jumper", "article_type", "Sweater"),
        ("men", "gender", "Men"),
    }


def test_negation_excludes(run) -> None:  # type: ignore[no-untyped-def]
    ids = [i.item_id for i in run("dress not black", k=5).items]
    assert "0100000001" not in ids and "0100000002" in ids


def test_too_few_matches_relaxes_the_parsers_guesses_not_the_callers(run) -> None:  # type: ignore[no-untyped-def]
    result = run("black dress", k=3)
    assert result.items[0].item_id == "0100000001"
    assert "colour_master" in result.relaxed
    # the garment named is never relaxed: fewer items, not other things, and a note says so
    assert {i.article_type for i in result.items} == {"Dress"} and len(result.items) < 3
    assert "Only 2 items fit" in result.notes[-1]
    # and what gave way is said: one black dress fits, the other shown is not black
    assert "Only 1 item fits everything said; the rest leave out the colour." in result.notes
    explicit = run("dress", k=3, filters=Filters(include={"gender": ["Women"]}))
    assert {i.gender for i in explicit.items} == {"Women"}


def test_explicit_filter_values_are_respelled_or_refused(run) -> None:  # type: ignore[no-untyped-def]
    result = run("anything", filters=Filters(include={"colour": ["dark blue"]}))
    assert {i.colour for i in result.items} == {"Dark Blue"}
    with pytest.raises(InvalidQueryError, match="no colour 'Mauve'; known values include"):
        run("anything", filters=Filters(include={"colour": ["Mauve"]}))


def test_empty_store_says_to_index(store: ChromaItemStore, fake_embedder: FakeEmbedder) -> None:
    with pytest.raises(StoreError, match="fitroom index"):
        search_items(
            SearchRequest(query="dress"),
            embedder=fake_embedder,
            store=store,
            parser=QueryParser(store.vocabulary()),
        )


def test_photo_search_uses_the_image_collection_and_words_as_filters(
    tmp_path: Path, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    items = load_catalog(garment_catalog(tmp_path / "garments")).items
    index_items(items, fake_embedder, store)
    photos = FakePhotoEmbedder()
    image_store = ChromaItemStore(
        open_client(f"path:{tmp_path / 'photo-chroma'}"), "photos", photos.model_id, photos.dim
    )
    index_items(items, photos, image_store, modality="image")
    images = ImageSearch(embedder=photos, store=image_store)
    parser = QueryParser(store.vocabulary())
    red_dress = next(i for i in items if (i.colour, i.article_type) == ("Red", "Dress"))
    assert red_dress.image is not None

    def search(query: str) -> SearchResult:
        request = SearchRequest(query=query, image=red_dress.image, k=4)
        return search_items(
            request, embedder=fake_embedder, store=store, parser=parser, images=images
        )

    alike = search("")
    assert alike.items[0].item_id == red_dress.item_id and alike.items[0].score > 0.999
    assert alike.image == str(red_dress.image)
    steered = search("but in blue")
    assert {i.colour for i in steered.items} == {"Blue"}
    assert [(m.attribute, m.label) for m in steered.understood] == [("colour_master", "Blue")]
    with pytest.raises(StoreError, match=r"Photos are not indexed"):
        search_items(
            SearchRequest(image=red_dress.image),
            embedder=fake_embedder,
            store=store,
            parser=parser,
        )


def test_relaxing_never_brings_back_what_was_ruled_out(run) -> None:  # type: ignore[no-untyped-def]
    result = run("something striped, nothing black or white", k=10)
    assert result.relaxed == ["pattern"]  # one striped item only: the pattern was relaxed
    assert len(result.items) > 1 and all(i.colour not in ("Black", "White") for i in result.items)


def test_an_unmapped_need_without_an_llm_is_searched_by_meaning_with_a_note(run) -> None:  # type: ignore[no-untyped-def]
    result = run("something for my cousin's quinceanera")
    assert result.items and result.understood == []
    assert "closest items by meaning" in result.notes[0]


def test_no_pattern_is_never_relaxed_away(run) -> None:  # type: ignore[no-untyped-def]
    result = run("something black with no pattern", k=10)
    assert result.items and all(i.pattern == "Solid" for i in result.items)
    assert "pattern" not in result.relaxed


def test_when_the_price_is_relaxed_the_nearest_prices_come_first() -> None:
    from fitroom.tools.retrieval.item_store import StoredItem, StoreHit
    from fitroom.tools.retrieval.search import _closest_in_price

    def hit(n: int, price: float | None) -> StoreHit:
        item = StoredItem(
            item_id=str(n),
            title="coat",
            gender="Women",
            category="c",
            article_type="Coat",
            colour="Black",
            price=price,
        )
        return StoreHit(item=item, score=1.0 - n / 10)

    by_meaning = [hit(0, 0.12), hit(1, None), hit(2, 0.05), hit(3, 0.03), hit(4, 0.03)]
    cheap = _closest_in_price(by_meaning, None, 0.02)
    assert [h.item.item_id for h in cheap] == ["3", "4", "2", "0", "1"]
    premium = _closest_in_price(by_meaning, 0.2, None)
    assert [h.item.item_id for h in premium] == ["0", "2", "3", "4", "1"]


def test_a_feature_ruled_out_drops_items_whose_own_text_says_it(run) -> None:  # type: ignore[no-untyped-def]
    everything = {i.item_id for i in run("something to wear", k=10).items}
    result = run("something to wear, nothing in linen", k=10)
    shown = {i.item_id for i in result.items}
    assert "0100000005" in everything and "0100000005" not in shown  # "Wide trousers in linen."
    assert shown == everything - {"0100000005"}


def test_a_feature_asked_for_comes_first_and_its_opposite_never(run) -> None:  # type: ignore[no-untyped-def]
    linen = run("something to wear in linen", k=10)
    assert [m.label for m in linen.understood] == ["linen"]
    assert linen.items[0].item_id == "0100000005"  # "Wide trousers in linen."
    assert len(linen.items) == 5  # the rest still follow: their text may leave it unsaid
    shown = {i.item_id for i in run("something long to wear", k=10).items}
    # both dresses say "Short ... dress": no answer to "long"
    assert shown == {"0100000003", "0100000004", "0100000005"}


def test_a_feature_asked_both_ways_orders_nothing(run) -> None:  # type: ignore[no-untyped-def]
    everything = [i.item_id for i in run("something to wear", k=10).items]
    both = [i.item_id for i in run("something to wear, tight or loose", k=10).items]
    assert both == everything


def test_plain_said_as_a_word_is_never_relaxed(run) -> None:  # type: ignore[no-untyped-def]
    result = run("a plain jumper", k=10)  # the only jumper is striped
    # a dead end shows other plain garments, never the striped jumper
    assert result.items and {i.pattern for i in result.items} == {"Solid"}
    assert result.relaxed == ["article_type"]


def test_with_nothing_for_both_the_garment_named_outlasts_the_wearer(run) -> None:  # type: ignore[no-untyped-def]
    result = run("a jumper for women", k=10)  # the only jumper is a man's
    assert [i.item_id for i in result.items] == ["0100000003"]
    assert result.relaxed == ["gender"]
    assert result.notes == ["Nothing fits the gender named, so these are the closest."]


def test_a_sum_applies_where_prices_are_a_currency(
    make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    index_items(load_catalog(make_catalog()).items, fake_embedder, store)
    parser = QueryParser(store.vocabulary())
    request = SearchRequest(query="a t-shirt or jumper under 4", k=5)
    # 100 currency units to the catalogue unit: "under 4" is a cap of 0.04
    result = search_items(
        request, embedder=fake_embedder, store=store, parser=parser, price_scale=100.0
    )
    assert result.price_max == pytest.approx(0.04) and result.price_min is None
    assert result.items and all(i.price is not None and i.price <= 0.04 for i in result.items)
    assert not any("not applied" in note for note in result.notes)


def test_a_sum_is_not_applied_to_normalised_prices_and_says_so(run) -> None:  # type: ignore[no-untyped-def]
    said = run("a jumper for at least £20", k=3)
    assert said.price_min is None and said.price_max is None
    assert [n for n in said.notes if "'at least £20' was not applied" in n]
    assert any(i.article_type == "Sweater" for i in said.items)


def test_a_bare_number_below_one_is_read_in_the_catalogue_s_own_units(run) -> None:  # type: ignore[no-untyped-def]
    said = run("a t-shirt or a jumper under 0.04", k=5)
    assert said.price_max == pytest.approx(0.04)
    assert said.items and all(i.price is not None and i.price <= 0.04 for i in said.items)
    assert not any("not applied" in note for note in said.notes)


def _black(n: int, kind: str, said: str, pattern: str = "Solid") -> list[str]:
    """A black garment row of `kind` whose description is `said`."""
    gender, category = (
        ("Men", "Garment Upper body") if kind == "Polo shirt" else ("Women", "Garment Lower body")
    )
    return [
        f"0{n:09d}", f"{kind} {n}", gender, category, kind, "Black", "Black", pattern, said,
        f"{n}", "0.03",
    ]  # fmt: skip


def _search(
    rows: list[list[str]],
    query: str,
    k: int,
    make_catalog: CatalogFactory,
    store: ChromaItemStore,
    embedder: FakeEmbedder,
) -> SearchResult:
    index_items(load_catalog(make_catalog(rows)).items, embedder, store)
    request = SearchRequest(query=query, k=k)
    return search_items(
        request, embedder=embedder, store=store, parser=QueryParser(store.vocabulary())
    )


def test_jeans_filed_as_solid_are_known_by_their_own_description(
    make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    rows = [_black(n, "Trousers", "Ankle-length jeans in washed stretch denim.") for n in range(3)]
    rows += [_black(n, "Trousers", "Tailored trousers in a viscose weave.") for n in range(3, 6)]
    rows.append(_black(9, "Trousers", "Jeans in denim.", pattern="Denim"))
    query = "i'm done with jeans, show me trousers"
    found = _search(rows, query, 6, make_catalog, store, fake_embedder)
    assert found.items and {i.item_id for i in found.items} <= {f"0{n:09d}" for n in (3, 4, 5)}


def test_a_refusal_of_what_every_polo_has_puts_those_last_not_out(
    make_catalog: CatalogFactory, store: ChromaItemStore, fake_embedder: FakeEmbedder
) -> None:
    rows = [
        _black(n, "Polo shirt", "Polo shirt in pique with buttons at the top.") for n in range(3)
    ]
    rows.append(_black(7, "Polo shirt", "Polo shirt in pique with a zip at the top."))
    query = "a polo for him, he hates doing buttons up"
    found = _search(rows, query, 4, make_catalog, store, fake_embedder)
    assert found.items[0].item_id == f"0{7:09d}" and len(found.items) == 4
