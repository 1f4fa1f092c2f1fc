"""Everyday words onto the real catalogue's labels, with the real MiniLM encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.reader.occasions import read_occasion
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.text_embedder import MiniLMEmbedder
from fitroom.tools.retrieval.vocabulary import Vocabulary

pytestmark = [pytest.mark.slow, pytest.mark.integration]


@pytest.fixture(scope="module")
def parser(minilm: MiniLMEmbedder) -> QueryParser:
    from tests.conftest import HM_DIR

    if not HM_DIR.is_dir():
        pytest.fail(f"The sample catalogue is missing at {HM_DIR}.")
    return QueryParser(Vocabulary.from_items(load_catalog(HM_DIR).items), minilm)


def _read(parser: QueryParser, text: str) -> set[tuple[str, str, bool]]:
    return {(m.attribute, m.label, m.negated) for m in parser.parse(text).matches}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("black dress", {("colour_master", "Black", False), ("article_type", "Dress", False)}),
        ("navy jumper", {("colour", "Dark Blue", False), ("article_type", "Sweater", False)}),
        ("a tee for men", {("article_type", "T-shirt", False), ("gender", "Men", False)}),
        ("men's t-shirts", {("article_type", "T-shirt", False), ("gender", "Men", False)}),
        ("dark blue dresses", {("colour", "Dark Blue", False), ("article_type", "Dress", False)}),
        (
            "striped shirt, no black",
            {
                ("pattern", "Stripe", False),
                ("article_type", "Shirt", False),
                ("colour_master", "Black", True),
                ("colour", "Black", True),
            },
        ),
        ("tank top for ladies", {("article_type", "Vest top", False), ("gender", "Women", False)}),
        ("a raincoat", {("article_type", "Coat", False)}),
        ("necklaces", {("article_type", "Necklace", False)}),
        ("a shirt for my husband", {("article_type", "Shirt", False), ("gender", "Men", False)}),
        ("a dress for my wife", {("article_type", "Dress", False), ("gender", "Women", False)}),
        (
            "boyfriend jeans",
            {("article_type", "Trousers", False), ("pattern", "Denim", False)},
        ),
    ],
)
def test_everyday_words(
    parser: QueryParser, text: str, expected: set[tuple[str, str, bool]]
) -> None:
    assert _read(parser, text) == expected


@pytest.mark.parametrize("text", ["something from the advert", "the one from the advert"])
def test_words_that_name_no_label_stay_free_text(parser: QueryParser, text: str) -> None:
    assert parser.parse(text).matches == []


def test_an_occasion_reads_as_the_garments_that_serve_it(parser: QueryParser) -> None:
    read = parser.parse("something for a summer wedding")
    assert {m.how for m in read.matches} == {"occasion"}
    assert {m.phrase for m in read.matches} == {"summer wedding"}
    assert "Dress" in read.filters.include["article_type"]
    assert "Bikini top" not in read.filters.include["article_type"]  # summer, but a wedding


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my mum is going into hospital next week", "Robe"),
        ("starting to lift weights at the leisure centre", "Sneakers"),
        ("something for a newborn", "Bodysuit"),
    ],
)
def test_needs_the_table_reads(parser: QueryParser, text: str, expected: str) -> None:
    read = parser.parse(text)
    assert expected in read.filters.include.get("article_type", [])


def test_without_an_encoder_exact_and_synonyms_still_work(tmp_path: Path) -> None:
    vocab = Vocabulary(values={"colour": ["Dark Blue"], "article_type": ["Sweater", "Coat"]})
    plain = QueryParser(vocab)
    assert {(m.label, m.how) for m in plain.parse("navy jumpers").matches} == {
        ("Dark Blue", "synonym"),
        ("Sweater", "synonym"),
    }
    assert plain.parse("kagoule").matches == []  # MiniLM's job, and there is none


def test_excluding_a_colour_family_also_excludes_its_shades() -> None:
    vocab = Vocabulary(
        values={"colour_master": ["White", "Blue"], "colour": ["White", "Off White", "Light Blue"]}
    )
    parsed = QueryParser(vocab).parse("shirt, not white")
    assert parsed.filters.exclude == {"colour_master": ["White"], "colour": ["White", "Off White"]}
    assert QueryParser(vocab).parse("white shirt").filters.include == {"colour_master": ["White"]}


def test_a_complaint_about_the_picks_names_no_occasion() -> None:
    assert read_occasion("these are too formal , something casual".split(), ["Dress"]) is None
    assert read_occasion("something formal".split(), ["Dress"]) is not None
