"""Whom "she" points at, what a garment is compared to, busy prints, tones, spoken
self-corrections and a subject placed before its verb. The sentences are this file's own, not
the reader sets'."""

from __future__ import annotations

import pytest

from fitroom.tools.reader.tokens import tokenize
from tests.test_reader import READ, _rules_out, _wants
from tests.test_reader_statements import _labels


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        # The person named in the story is whom the pronoun points at.
        ("my niece (7) thinks yellow is babyish. she wants a cardigan", "Kids"),
        ("my grandson is 9 and reckons checks are for grandads. shorts for him", "Kids"),
        ("my brother says grey makes him look old, a shirt for him", "Men"),
        # A pronoun that gives an opinion is still whom the clothes are for ...
        ("he says no to anything striped, he needs a jumper", "Men"),
        ("she'll need a coat for the winter, nothing grey", "Women"),
    ],
)
def test_a_pronoun_points_at_the_person_named_in_the_story(text: str, gender: str) -> None:
    assert _wants(READ.parse(text)).get("gender") == [gender]


def test_a_pronoun_of_the_other_sex_does_not_take_the_person() -> None:
    parsed = READ.parse("my daughter says his tie is ugly; a shirt for him")
    assert _wants(parsed).get("gender") == ["Men"]


def test_a_pronoun_reporting_what_the_shopper_looks_like_is_not_whom_it_is_for() -> None:
    assert "gender" not in _wants(READ.parse("she says I look tired in beige, a top please"))


@pytest.mark.parametrize(
    ("text", "ruled_out", "wanted"),
    [
        ("checks remind me of a tablecloth, a shirt please", {"Check"}, {"Shirt"}),
        ("denim makes me feel like a cowboy; trousers", {"Denim"}, {"Trousers"}),
    ],
)
def test_what_a_garment_is_likened_to_is_not_asked_for(
    text: str, ruled_out: set[str], wanted: set[str]
) -> None:
    parsed = READ.parse(text)
    assert _labels(_rules_out(parsed)) >= ruled_out
    assert _labels(_wants(parsed)) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "a blouse, nothing too busy",
        "no loud prints, just a skirt",
        "a shirt with no stripes and nothing with a busy pattern",
        "prints are far too much for him, a tie",
    ],
)
def test_busy_or_loud_prints_ruled_out_mean_plain(text: str) -> None:
    assert _wants(READ.parse(text)).get("pattern") == ["Solid"]


def test_a_generic_pattern_word_liked_is_not_a_plain_want() -> None:
    assert "pattern" not in _wants(READ.parse("prints are great on me, a dress"))


@pytest.mark.parametrize(
    ("text", "ruled", "kept"),
    [
        ("a coat, nothing dark", "Black", "White"),
        ("a top but no light colours", "White", "Black"),
    ],
)
def test_dark_and_light_include_black_and_white(text: str, ruled: str, kept: str) -> None:
    out = READ.parse(text).filters.exclude
    assert ruled in out.get("colour", [])
    assert kept not in out.get("colour", [])


def test_grey_marl_rules_out_the_marl_not_grey() -> None:
    parsed = READ.parse("a sweatshirt, not grey marl")
    assert _rules_out(parsed) == {"pattern": ["Melange"]}


@pytest.mark.parametrize(
    ("text", "wanted", "ruled_out"),
    [
        ("skirts, no wait, trousers please", "Trousers", "Skirt"),
        ("a blazer, no wait, a jacket, actually no, go back to the blazer", "Blazer", "Jacket"),
    ],
)
def test_a_spoken_self_correction_takes_back_what_came_before(
    text: str, wanted: str, ruled_out: str
) -> None:
    parsed = READ.parse(text)
    assert _wants(parsed).get("article_type") == [wanted]
    assert ruled_out in _rules_out(parsed).get("article_type", [])


def test_a_hesitant_no_is_still_a_no() -> None:
    assert tokenize("um no, a skirt") == ["no", ",", "a", "skirt"]
    parsed = READ.parse("a skirt in black or blue um no patterns")
    assert _wants(parsed).get("pattern") == ["Solid"]


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("pink at my sister's wedding was a disaster. a dress", "Pink"),
        ("skinny jeans always dig into my hips, trousers please", "Denim"),
    ],
)
def test_a_subject_before_where_or_what_it_did_is_ruled_out(text: str, ruled_out: str) -> None:
    out = _rules_out(READ.parse(text))
    assert ruled_out in _labels(out)


def test_twins_and_their_age_are_children() -> None:
    assert _wants(READ.parse("matching jumpers for the twins, they're four")) == {
        "article_type": ["Sweater"],
        "gender": ["Kids"],
    }


@pytest.mark.parametrize(
    "text",
    [
        "a skirt, dnt want stripes",
        "a skirt nt stripes",
        "a skirt witout stripes",
        "a skirt exept stripes",
    ],
)
def test_a_negation_typed_in_a_hurry_still_rules_out(text: str) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == {"pattern": ["Stripe"]}
    assert _wants(parsed) == {"article_type": ["Skirt"]}


@pytest.mark.parametrize(
    "text", ["a jacket that isn't a bomber jacket", "a coat please, just not a hooded coat"]
)
def test_refusing_a_kind_of_the_garment_asked_for_keeps_the_garment(text: str) -> None:
    parsed = READ.parse(text)
    assert _wants(parsed).get("article_type") in (["Jacket"], ["Coat"])
    assert "article_type" not in _rules_out(parsed)


def test_refused_jeans_still_rule_out_denim_when_trousers_are_asked_for() -> None:
    parsed = READ.parse("trousers, but not skinny jeans")
    assert _wants(parsed).get("article_type") == ["Trousers"]
    assert _rules_out(parsed).get("pattern") == ["Denim"]


@pytest.mark.parametrize(
    ("text", "lasting"),
    [
        ("a jumper, nothing with stripes", True),
        ("a jumper for my dad, nothing with stripes", False),
        ("my niece wants a skirt too, nothing with stripes", False),
    ],
)
def test_a_taste_stated_for_someone_else_is_not_the_shoppers_to_keep(
    text: str, lasting: bool
) -> None:
    stripes = [m for m in READ.parse(text).matches if m.label == "Stripe"]
    assert stripes and all(m.negated and m.lasting is lasting for m in stripes)


def test_whose_event_it_is_is_not_whom_the_clothes_are_for() -> None:
    parsed = READ.parse("he needs a shirt for his sister's graduation")
    assert _wants(parsed) == {"article_type": ["Shirt"], "gender": ["Men"]}


@pytest.mark.parametrize(
    ("text", "gender", "garment"),
    [
        ("a vest for the gym, not white", None, "Vest top"),
        ("a scarf for my gran", "Women", "Scarf"),
    ],
)
def test_british_words_for_garments_and_people(text: str, gender: str | None, garment: str) -> None:
    wants = _wants(READ.parse(text))
    assert wants.get("article_type") == [garment]
    assert wants.get("gender") == ([gender] if gender else None)


@pytest.mark.parametrize(
    ("text", "garment", "ruled"),
    [
        ("I've already got this skirt in black, could I have it in white?", "Skirt", "Black"),
        ("sending back the dress, the stripes were too much. other dresses?", "Dress", "Stripe"),
    ],
)
def test_a_garment_asked_for_again_stays_wanted(text: str, garment: str, ruled: str) -> None:
    parsed = READ.parse(text)
    assert _wants(parsed).get("article_type") == [garment]
    assert ruled in _labels(_rules_out(parsed))
    assert garment not in _rules_out(parsed).get("article_type", [])


def test_a_pointer_asks_again_only_for_the_garment_it_follows() -> None:
    parsed = READ.parse("shorts do nothing for me, so skirts it is. any in black?")
    assert _rules_out(parsed).get("article_type") == ["Shorts"]


def test_a_verdict_on_it_with_its_verb_looks_back() -> None:
    parsed = READ.parse("the checked shirt was nice but it is not for me. a plain one?")
    assert _rules_out(parsed).get("pattern") == ["Check"]


@pytest.mark.parametrize(
    ("text", "ruled"),
    [
        ("a jumper for my niece, she's outgrown stripes", {"pattern": ["Stripe"]}),
        ("my son has grown out of his jeans, trousers please", {}),
    ],
)
def test_outgrowing_a_taste_rules_it_out_but_outgrowing_clothes_does_not(
    text: str, ruled: dict[str, list[str]]
) -> None:
    assert _rules_out(READ.parse(text)) == ruled
