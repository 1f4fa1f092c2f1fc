"""LLM extraction keeps only what maps onto the catalogue or what the shopper wrote."""

from __future__ import annotations

from fitroom.tools.reader.llm_extract import extract_wants
from tests.fakes import FakeChat
from tests.test_understand import PARSE


def test_catalogue_values_survive_and_inventions_are_dropped() -> None:
    reply = (
        'Sure! {"colour": "Black", "garment": "Dresses", "pattern": "polka hearts", '
        '"gender": null, "occasion": "summer wedding"}'
    )
    got = extract_wants(FakeChat([reply]), "something for a summer wedding, in black", PARSE)
    assert got.wanted == {"colour_master": "Black", "article_type": "Dress"}
    assert got.occasion == "summer wedding"
    assert got.dropped == ["pattern=polka hearts"]


def test_an_occasion_the_shopper_never_wrote_is_dropped() -> None:
    reply = '{"colour": null, "garment": null, "pattern": null, "occasion": "gala dinner"}'
    got = extract_wants(FakeChat([reply]), "something nice please", PARSE)
    assert got.occasion is None and got.dropped == ["occasion=gala dinner"]


def test_a_reply_that_is_not_json_adds_nothing() -> None:
    got = extract_wants(FakeChat(["I think a dress would be lovely!"]), "a dress", PARSE)
    assert got.wanted == {} and got.dropped == ["reply"]


def test_a_gender_needs_a_word_that_says_it() -> None:
    reply = '{"colour": null, "garment": "dress", "pattern": null, "gender": "Women"}'
    guessed = extract_wants(FakeChat([reply]), "a dress for the office", PARSE)
    assert guessed.wanted == {"article_type": "Dress"} and guessed.dropped == ["gender=Women"]
    said = extract_wants(FakeChat([reply]), "a dress for my wife", PARSE)
    assert said.wanted == {"article_type": "Dress", "gender": "Women"}
