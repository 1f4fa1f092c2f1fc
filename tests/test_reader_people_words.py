"""Words that name a garment elsewhere but a person here: "shopper" is a tote bag in "a big
shopper for the beach", and the shopper in "my shopper id is maya"."""

from __future__ import annotations

import pytest

from tests.test_reader import _wants, reader_with

READ = reader_with({"article_type": ["Bag", "Coat"]})


@pytest.mark.parametrize(
    "text", ["my shopper id is maya", "as a shopper I want a coat", "other shoppers liked it"]
)
def test_a_shopper_is_a_person_here_not_a_tote_bag(text: str) -> None:
    assert "Bag" not in _wants(READ.parse(text)).get("article_type", [])


def test_a_shopper_is_still_a_bag_when_it_is_one() -> None:
    assert _wants(READ.parse("a big shopper for the beach"))["article_type"] == ["Bag"]


@pytest.mark.parametrize(
    ("text", "genders"),
    [
        ("a coat for my teenage son", ["Kids", "Men"]),
        ("jeans for a teen boy", ["Kids", "Men"]),
        ("a party dress for my teenage daughter", ["Kids", "Women"]),
        ("a coat for my son", ["Kids"]),
    ],
)
def test_a_teenager_is_served_by_the_kids_or_the_adult_department(
    text: str, genders: list[str]
) -> None:
    reader = reader_with({"gender": ["Kids", "Men", "Women"], "article_type": ["Coat", "Dress"]})
    assert sorted(_wants(reader.parse(text))["gender"]) == genders


def test_how_something_makes_them_look_is_no_cut_asked_for() -> None:
    parsed = READ.parse("a coat, no stripes, striped stuff makes me look wide")
    assert "feature" not in _wants(parsed)
