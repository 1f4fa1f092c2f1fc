"""Shoppers writing in a second language or in chat shorthand, hedged requests, and what new
users found: the sentences are this file's own, not the reader sets'."""

from __future__ import annotations

import pytest

from tests.test_reader import _rules_out, _wants, reader_with

_MORE = {
    "article_type": ["Jumpsuit/Playsuit", "Underwear bottom", "Bodysuit", "Cardigan"],
    "colour_master": ["Mole"],
    "pattern": ["Chambray"],
}
READ = reader_with(_MORE)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # request verbs carried over from other languages
        ("I look for a black coat", {"article_type": ["Coat"], "colour_master": ["Black"]}),
        ("I search jeans for my wife", {"article_type": ["Trousers"], "pattern": ["Denim"]}),
        # false friends, and how H&M itself names some garments
        ("I need one warm mantel", {"article_type": ["Coat"]}),
        ("one overall for the summer party", {"article_type": ["Jumpsuit/Playsuit"]}),
        ("slips for me, cotton", {"article_type": ["Underwear bottom"]}),
        ("a blouse with points", {"article_type": ["Blouse"], "pattern": ["Dot"]}),
        ("a shirt with squares", {"article_type": ["Shirt"], "pattern": ["Check"]}),
        ("a body for the baby", {"article_type": ["Bodysuit"]}),
        ("short trousers for the beach", {"article_type": ["Shorts"]}),
        ("sport shoes for running", {"article_type": ["Sneakers"]}),
        # hedges that still ask
        ("I wouldn't mind a pink top", {"article_type": ["Top"], "colour_master": ["Pink"]}),
        ("I don't suppose you have a men's shirt?", {"article_type": ["Shirt"], "gender": ["Men"]}),
    ],
)
def test_what_is_asked_for_in_other_words(text: str, wanted: dict[str, list[str]]) -> None:
    parsed = READ.parse(text)
    assert {k: v for k, v in _wants(parsed).items() if k in wanted} == wanted
    assert not _rules_out(parsed)


@pytest.mark.parametrize(
    ("text", "ruled_out", "wanted"),
    [
        ("a skirt, not from jeans material", {"pattern": ["Denim", "Chambray"]}, "Skirt"),
        ("tights, every1 has black so smth else", {"colour_master": ["Black"]}, "Leggings/Tights"),
        ("a top, florals r out", {"pattern": ["All over pattern"]}, "Top"),
        ("the checked is not allowed at his school, a shirt", {"pattern": ["Check"]}, "Shirt"),
        ("a dress for the party, white is forbidden", {"colour_master": ["White"]}, "Dress"),
        # the garment is wanted; what it is to be without is not
        ("I don't want a dress with stripes", {"pattern": ["Stripe"]}, "Dress"),
        ("she won't wear tops with dots any more", {"pattern": ["Dot"]}, "Top"),
        ("no fan of stripes. any shirts without them?", {"pattern": ["Stripe"]}, "Shirt"),
        ("a coat and a scarf, and neither of them in grey", {"colour_master": ["Grey"]}, "Coat"),
        ("a cardigan, no grey on it, it washes me out", {"colour_master": ["Grey"]}, "Cardigan"),
        # a condition, not a length
        ("a skirt, as long as it isn't black", {"colour_master": ["Black"]}, "Skirt"),
        # added to what came before
        ("grey I don't like and also pink. a top", {"colour_master": ["Grey", "Pink"]}, "Top"),
        # examples of what is ruled out
        ("a blazer, nothing pale like white or cream", {"colour_master": ["White"]}, "Blazer"),
        # what the one ruled out is a kind of
        ("a blue shirt that isn't denim", {"pattern": ["Denim", "Chambray"]}, "Shirt"),
        ("a jacket, not beige", {"colour_master": ["Beige", "Mole"]}, "Jacket"),
    ],
)
def test_what_is_ruled_out_in_other_words(
    text: str, ruled_out: dict[str, list[str]], wanted: str
) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == ruled_out
    assert wanted in _wants(parsed)["article_type"]


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        # "for" names whom it is for, whatever the story after it
        ("a shirt for my husband, the checked ones he has already too much", ["Men"]),
        # a judgement names nobody to dress
        ("a cardigan for my gran, she says yellow is for young girls", ["Women"]),
        ("a bikini top, nothing that screams grandma", None),
        # "if there is one" is no one-year-old
        ("a dress in green if there is one", None),
    ],
)
def test_who_it_is_for(text: str, gender: list[str] | None) -> None:
    parsed = READ.parse(text)
    assert _wants(parsed).get("gender") == gender
    assert "gender" not in _rules_out(parsed)


def test_not_that_im_against_is_no_refusal() -> None:
    parsed = READ.parse("not that I'm against patterns, but a plain top goes with more")
    assert _wants(parsed) == {"article_type": ["Top"], "pattern": ["Solid"]}
    assert not _rules_out(parsed)


def test_the_shoppers_own_pallor_is_no_colour() -> None:
    parsed = READ.parse("I'm pale as anything, so a blouse in pink")
    assert _wants(parsed) == {"article_type": ["Blouse"], "colour_master": ["Pink"]}


@pytest.mark.parametrize(
    ("text", "ruled_out", "wanted"),
    [
        # emoji that refuse, after or before what they refuse, and emoji that approve
        ("black 👍 grey 👎 a coat", {"colour_master": ["Grey"]}, {"colour_master": ["Black"]}),
        ("a top ✅ stripes ❌ pink ❌", {"colour_master": ["Pink"], "pattern": ["Stripe"]}, {}),
        ("a dress, ❌ white ❌ beige", {"colour_master": ["Beige", "Mole", "White"]}, {}),
        # what is owned, then a change
        ("a coat, had two black ones already, want a change", {"colour_master": ["Black"]}, {}),
        (
            "a jacket. got a denim one so something different",
            {"pattern": ["Chambray", "Denim"]},
            {},
        ),
        # a correction
        ("a top with stripes, no actually plain", {"pattern": ["Stripe"]}, {"pattern": ["Solid"]}),
        (
            "a coat like hers, but hers is pink so anything but that",
            {"colour_master": ["Pink"]},
            {},
        ),
        ("boots, tried the grey ones in store, didn't suit me", {"colour_master": ["Grey"]}, {}),
        ("a shirt, nowt checked", {"pattern": ["Check"]}, {}),
    ],
)
def test_chat_shorthand_and_stories(
    text: str, ruled_out: dict[str, list[str]], wanted: dict[str, list[str]]
) -> None:
    parsed = READ.parse(text)
    out = {k: sorted(v) for k, v in _rules_out(parsed).items()}
    assert out == {k: sorted(v) for k, v in ruled_out.items()}
    assert wanted.items() <= _wants(parsed).items()


def test_someone_only_along_is_not_whom_it_is_for() -> None:
    parsed = READ.parse("trousers, light colours are a disaster with a toddler")
    assert "gender" not in _wants(parsed)


@pytest.mark.parametrize(
    ("text", "ruled_out", "wanted"),
    [
        # a list typed without commas
        (
            "a hoodie, nothing black grey or white",
            {"colour_master": ["Black", "Grey", "White"]},
            {},
        ),
        # "forget it" after a question takes back what was asked
        ("tops. any with dots? actually no forget it", {"pattern": ["Dot"]}, {}),
        # who urges the shopper is not whom it is for
        ("my husband wants me to wear more dresses, any in pink?", {}, {"colour_master": ["Pink"]}),
        ("my friend says I should wear more skirts, any in blue?", {}, {"colour_master": ["Blue"]}),
        ("I'm a girl, 25, need a dress", {}, {"gender": ["Women"]}),
    ],
)
def test_what_a_new_user_found(
    text: str, ruled_out: dict[str, list[str]], wanted: dict[str, list[str]]
) -> None:
    parsed = READ.parse(text)
    assert {k: sorted(v) for k, v in _rules_out(parsed).items()} == ruled_out
    assert wanted.items() <= _wants(parsed).items()
    assert "gender" not in _wants(parsed) or wanted.get("gender") == _wants(parsed)["gender"]


def test_an_occasions_rule_is_for_this_request_and_a_taste_lasts() -> None:
    rule = READ.parse("a dress for my cousin's wedding, nothing white obviously")
    taste = READ.parse("I hate white, a dress for a wedding")
    assert {m.lasting for m in rule.matches if m.negated} == {False}
    assert {m.lasting for m in taste.matches if m.negated} == {True}


@pytest.mark.parametrize(
    ("text", "ruled_out", "wanted"),
    [
        # letters, terse men, wishes relayed, and what went wrong last time
        (
            "I have worn grey for years and I confess I have grown weary of it. A coat?",
            {"colour_master": ["Grey"]},
            {},
        ),
        (
            "I consider denim quite unsuitable at my age. A skirt, please.",
            {"pattern": ["Chambray", "Denim"]},
            {},
        ),
        (
            "shirt. men's. white and blue both done to death",
            {"colour_master": ["Blue", "White"]},
            {"gender": ["Men"]},
        ),
        ("a jumper for him. he's told me he wants it plain", {}, {"pattern": ["Solid"]}),
        (
            "the striped blouse snagged on everything. another blouse please",
            {"pattern": ["Stripe"]},
            {"article_type": ["Blouse"]},
        ),
        ("a t-shirt without writing on it", {"pattern": ["Front print"]}, {}),
        ("socks for me, I am a retired gentleman", {}, {"gender": ["Men"]}),
        # the wearer's relative speaks for her, and is not whom it is for
        (
            "a dress for my granddaughter. Her mother says not pink",
            {"colour_master": ["Pink"]},
            {"gender": ["Kids"]},
        ),
    ],
)
def test_letters_and_relayed_wishes(
    text: str, ruled_out: dict[str, list[str]], wanted: dict[str, list[str]]
) -> None:
    parsed = READ.parse(text)
    assert {k: sorted(v) for k, v in _rules_out(parsed).items()} == ruled_out
    assert wanted.items() <= _wants(parsed).items()


def test_a_relative_named_alone_is_whom_it_is_for() -> None:
    assert _wants(READ.parse("his wife needs a dress"))["gender"] == ["Women"]
