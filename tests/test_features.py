"""Features no label holds ("not skinny", "nothing sleeveless"), read in the shopper's words and
checked in the items' own text."""

from __future__ import annotations

import pytest

from fitroom.tools.reader.features import asked_for, item_says, opposed
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.vocabulary import Vocabulary
from tests.test_reader import READ, _rules_out, _wants, reader_with


@pytest.mark.parametrize(
    ("text", "refused", "wanted"),
    [
        ("grey jeans please but nothing skinny", ["skinny"], {"Trousers"}),
        ("a jacket, I can't stand anything with a hood", ["hooded"], {"Jacket"}),
        ("dress for work, no minis and no v necks", ["mini", "v-neck"], {"Dress"}),
        ("a top, but not strapless or cropped", ["strapless", "cropped"], {"Top"}),
        ("a dress with no straps please", ["straps"], {"Dress"}),
        ("a jacket, but no zip and no buttons", ["zip", "buttons"], {"Jacket"}),
        ("wool makes me itch, a jumper please", ["wool"], {"Sweater"}),
        ("a top without sleeves for hot days", ["sleeves"], {"Top"}),
    ],
)
def test_a_refused_feature_is_ruled_out_and_the_garment_stays_wanted(
    text: str, refused: list[str], wanted: set[str]
) -> None:
    parsed = READ.parse(text)
    assert sorted(_rules_out(parsed).get("feature", [])) == sorted(refused)
    assert set(_wants(parsed).get("article_type", [])) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "skinny jeans r so over, gimme wide leg ones",
        "I'm done with skinny jeans, high waisted ones please",
        "ripped jeans are not for me, a straight leg pair",
    ],
)
def test_a_garment_asked_for_again_by_ones_keeps_only_the_cut_refused(text: str) -> None:
    parsed = READ.parse(text)
    refused = _rules_out(parsed)
    assert refused.get("feature") and "pattern" not in refused  # not the denim, only the cut
    assert set(_wants(parsed).get("article_type", [])) == {"Trousers"}


def test_a_feature_asked_for_is_wanted_and_kept_in_the_meaning() -> None:
    parsed = READ.parse("skinny black jeans with a high waist")
    assert sorted(parsed.filters.include["feature"]) == ["high waist", "skinny"]
    assert "feature" not in parsed.filters.exclude
    assert "skinny" in parsed.meaning


@pytest.mark.parametrize(
    ("asked", "kept", "refused"),
    [
        (["short sleeves"], ["short sleeves"], ["long sleeves", "sleeveless"]),
        (["mini", "wool"], ["mini", "wool"], ["long", "maxi", "midi"]),
        (["tight", "loose"], [], ["oversized", "skinny", "slim fit"]),
    ],
)
def test_a_feature_asked_for_refuses_its_opposites(
    asked: list[str], kept: list[str], refused: list[str]
) -> None:
    assert asked_for(asked) == kept
    assert opposed(kept or asked) == refused


def test_not_a_kind_of_the_garment_refuses_the_kind_only() -> None:
    parsed = READ.parse("a shirt that isn't a cropped shirt")
    assert _wants(parsed) == {"article_type": ["Shirt"]}
    assert _rules_out(parsed) == {"feature": ["cropped"]}


def test_a_label_and_a_feature_in_one_list() -> None:
    vocab = Vocabulary(values={"pattern": ["Lace"], "article_type": ["Top"]})
    parsed = QueryParser(vocab).parse("a top, no lace and nothing see-through")
    assert _rules_out(parsed) == {"pattern": ["Lace"], "feature": ["see-through"]}


@pytest.mark.parametrize(
    ("text", "keys", "says"),
    [
        ("Skinny High Ankle Jeans. 5-pocket jeans in washed denim", ["skinny"], True),
        ("Regular Fit Jeans. 5-pocket jeans in stretch denim", ["skinny"], False),
        ("Vest top. Sleeveless top in jersey", ["sleeveless"], True),
        ("Zoo strap. Dress with narrow, adjustable shoulder straps", ["sleeveless"], True),
        ("Zoo strap. Dress with narrow, adjustable shoulder straps", ["straps"], True),
        ("Sam dress. Dress with long sleeves and a round neck", ["straps"], False),
        ("Lash wirebra. Padded underwired bra in lace", ["underwired"], True),
        ("Ellen rio. Non-wired bra in soft cotton jersey", ["underwired"], False),
        ("Ellen rio. Non-wired bra in soft cotton jersey", ["wire free"], True),
        ("Robert. Cardigan with buttons down the front", ["buttons"], True),
        ("Haag Cardigan. Long cardigan with no buttons", ["buttons"], False),
        ("Steve collarless shirt. Shirt in cotton", ["collar"], False),
        ("Nora shirt. Shirt with a collar and a yoke", ["collar"], True),
        ("Sam dress. Dress with side pockets", ["pockets"], True),
        ("Jade jeans. Jeans with fake front pockets", ["pockets"], False),
        ("Mom Fit Trash. Jeans with heavily worn details", ["ripped"], True),
        ("Hooded top. Top with a lined drawstring hood", ["hooded"], True),
        ("Hooded top. Top with a lined drawstring hood", ["unknown"], False),
        ("CHARLIE SKIRT. Short, A-line skirt in woven fabric", ["mini"], True),
        ("Tee. Short-sleeved top in cotton jersey", ["mini"], False),
        ("Longsleeve top. Top in jersey with long sleeves", ["long"], False),
        ("Manila. Long cardigan in a soft knit", ["long"], True),
        ("Tiny dress. Short dress in airy chiffon", ["see-through"], True),
        ("Tanga LS. Top in jersey", ["long sleeves"], True),
        ("Basic tee. Top in jersey with short sleeves", ["long sleeves"], False),
        ("Zelda ss top. Top in jersey", ["short sleeves"], True),
        ("Mom Fit HW Belted. Jeans", ["high waist"], True),
        ("Martin. Shirt with long, cuffed sleeves", ["long sleeves"], True),
        ("Tiny dress. Long dress in woven fabric", ["maxi"], True),
        ("Vest top. Sleeveless top in jersey", ["sleeves"], False),
    ],
)
def test_an_items_own_text_says_a_feature(text: str, keys: list[str], says: bool) -> None:
    assert item_says(text, keys) is says


def test_a_feature_is_no_store_filter() -> None:
    filters = Filters(exclude={"feature": ["skinny"], "colour_master": ["Black"]})
    assert filters.to_where() == {"colour_master": {"$nin": ["Black"]}}


def test_bright_colours_are_the_shades_sold_as_bright() -> None:
    vocab = Vocabulary(
        values={"colour": ["Red", "Yellow", "Black", "Pink"], "article_type": ["Top"]}
    )
    parsed = QueryParser(vocab).parse("a top, not a fan of bright colours")
    assert parsed.filters.exclude == {"colour": ["Red", "Yellow"]}


@pytest.mark.parametrize("text", ["a non-wired bra", "a non wired bra in black please"])
def test_non_qualifies_one_word_and_never_refuses_the_garment(text: str) -> None:
    parsed = reader_with({"article_type": ["Bra"]}).parse(text)
    assert _wants(parsed)["article_type"] == ["Bra"] and "wire free" in _wants(parsed)["feature"]
    assert "article_type" not in _rules_out(parsed)
    without = reader_with({"article_type": ["Bra"]}).parse("a bra without wires")
    assert _rules_out(without)["feature"] == ["underwired"] and _wants(without)["article_type"]


def test_a_refused_feature_every_garment_asked_for_has_goes_last_not_out() -> None:
    from fitroom.tools.reader.features import inherent

    assert inherent("buttons", ["Polo shirt"]) and inherent("collar", ["Shirt", "Polo shirt"])
    assert not inherent("buttons", ["Cardigan"]) and not inherent("buttons", [])
    assert not inherent("buttons", ["Polo shirt", "T-shirt"])  # a T-shirt may have none
