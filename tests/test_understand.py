"""The deterministic understanding step: labels, negation, prices and feedback on shown items."""

from __future__ import annotations

import pytest

from fitroom.agent.understand import understand
from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.vocabulary import Vocabulary


def _item(n: int, article_type: str, colour: str, pattern: str, price: float) -> Item:
    return Item(
        item_id=f"i{n}",
        title=f"item {n}",
        gender="Women",
        category="Garment Full body",
        article_type=article_type,
        colour=colour,
        colour_master=colour,
        pattern=pattern,
        price=price,
    )


SHOWN = [
    _item(0, "Dress", "Black", "Solid", 30.0),
    _item(1, "Dress", "Blue", "Stripe", 20.0),
    _item(2, "Skirt", "Beige", "Solid", 25.0),
]
PARSE = QueryParser(Vocabulary.from_items(SHOWN)).parse


def test_labels_negation_and_price() -> None:
    prefs, turn = understand("a black dress, no stripes, under 40", Preferences(), PARSE)
    assert prefs.wanted == {"colour_master": ["Black"], "article_type": ["Dress"]}
    assert prefs.excluded["pattern"] == ["Stripe"]
    assert prefs.max_price == 40.0
    assert not turn.just_show and turn.feedback == []


def test_a_new_statement_replaces_the_old_and_lifts_a_dislike() -> None:
    prefs, _ = understand("not black", Preferences(wanted={"colour_master": ["Black"]}), PARSE)
    assert "Black" not in prefs.wanted.get("colour_master", [])
    prefs, _ = understand("actually black is good", prefs, PARSE)
    assert prefs.wanted["colour_master"] == ["Black"] and prefs.excluded["colour_master"] == []
    prefs, _ = understand("a skirt", prefs, PARSE)
    assert prefs.wanted["article_type"] == ["Skirt"]


def test_feedback_on_shown_items() -> None:
    start = Preferences()
    rejected, turn = understand("not the second one", start, PARSE, SHOWN)
    assert rejected.rejected == ["i1"] and turn.feedback == ["rejected"]
    liked, turn = understand("more like the third", start, PARSE, SHOWN)
    assert liked.liked == ["i2"] and turn.feedback == ["liked"]
    cheaper, turn = understand("cheaper please", start, PARSE, SHOWN)
    assert cheaper.max_price is not None and cheaper.max_price < 25.0
    recoloured, turn = understand("the first in another colour", start, PARSE, SHOWN)
    assert recoloured.excluded["colour_master"] == ["Black"] and turn.feedback == ["other colour"]
    assert start == Preferences()  # the input state is never modified


def test_just_show_me_and_price_scale() -> None:
    _, turn = understand("anything is fine, just show me", Preferences(), PARSE)
    assert turn.just_show
    prefs, _ = understand("under 59", Preferences(), PARSE, price_scale=590.0)
    assert prefs.max_price == 0.1


def test_another_kind_of_garment_is_a_new_request() -> None:
    first, _ = understand("black", Preferences(), PARSE)
    first, _ = understand("a dress", first, PARSE)  # the first kind named keeps the colour
    assert first.wanted == {"colour_master": ["Black"], "article_type": ["Dress"]}
    prefs, _ = understand("a black striped dress under 40", Preferences(), PARSE)
    prefs, _ = understand("now a skirt", prefs, PARSE)
    assert prefs.wanted == {"article_type": ["Skirt"]}
    assert prefs.max_price == 40.0  # the budget carries over
    prefs, _ = understand("a beige dress", prefs, PARSE)
    assert prefs.wanted == {"article_type": ["Dress"], "colour_master": ["Beige"]}


def test_a_validated_llm_reading_only_fills_gaps() -> None:
    from fitroom.agent.understand import merge_extraction
    from fitroom.tools.reader.llm_extract import Extraction

    prefs = Preferences(wanted={"colour_master": ["Blue"]}, excluded={"pattern": ["Stripe"]})
    reading = Extraction(
        wanted={"colour_master": "Black", "article_type": "Dress", "pattern": "Stripe"},
        occasion="summer wedding",
    )
    merged = merge_extraction(prefs, reading)
    assert merged.wanted == {"colour_master": ["Blue"], "article_type": ["Dress"]}
    assert merged.occasion == "summer wedding" and merged.excluded == {"pattern": ["Stripe"]}


def test_questions_and_try_ons_about_shown_items_change_no_preference() -> None:
    start = Preferences(wanted={"article_type": ["Dress"]})
    for text, topic, target in [
        ("how much is the second one?", "price", "i1"),
        ("what is the third made of?", "material", "i2"),
        ("tell me more about the last one", "details", "i2"),
        ("what colour is it?", "colour", "i0"),
        # a feature asked about is answered from the item's own description
        ("is the 2nd one long sleeved?", "details", "i1"),
        ("does the last one have a hood?", "details", "i2"),
    ]:
        prefs, turn = understand(text, start, PARSE, SHOWN)
        assert (turn.intent, turn.topic, turn.target) == ("answer", topic, target), text
        assert prefs == start
    prefs, turn = understand("can I try the second one on?", start, PARSE, SHOWN)
    assert (turn.intent, turn.target, prefs) == ("tryon", "i1", start)
    _, nothing_shown = understand("try it on", start, PARSE)
    assert (nothing_shown.intent, nothing_shown.target) == ("tryon", None)


def test_a_question_that_names_a_label_is_a_search_and_an_unshown_ordinal_is_refused() -> None:
    _, turn = understand("do you have the first one in blue?", Preferences(), PARSE, SHOWN)
    assert turn.intent == "search"
    prefs, turn = understand("not the ninth one", Preferences(), PARSE, SHOWN)
    assert turn.unknown_reference == "ninth" and prefs.rejected == []


def test_after_a_try_on_a_bare_pointer_asks_for_another() -> None:
    start = Preferences()
    _, turn = understand("and the second?", start, PARSE, SHOWN, after_try_on=True)
    assert (turn.intent, turn.target) == ("tryon", "i1")
    _, turn = understand("what about the last one", start, PARSE, SHOWN, after_try_on=True)
    assert (turn.intent, turn.target) == ("tryon", "i2")
    assert understand("and the second?", start, PARSE, SHOWN)[1].intent == "search"
    assert understand("a skirt", start, PARSE, SHOWN, after_try_on=True)[1].intent == "search"


def test_not_that_colour_rules_out_the_colour_of_the_pick_it_means() -> None:
    for text in ["hmm, not that colour", "I don't like this colour", "the second, different shade"]:
        prefs, turn = understand(text, Preferences(), PARSE, SHOWN)
        family = "Blue" if "second" in text else "Black"
        assert prefs.excluded["colour_master"] == [family], text
        assert turn.feedback == ["other colour"], text
    _, turn = understand("that colour is lovely", Preferences(), PARSE, SHOWN)
    assert turn.feedback == []


def test_a_pronoun_does_not_override_who_the_shopper_already_named() -> None:
    vocab = Vocabulary(values={"gender": ["Kids", "Men", "Women"], "article_type": ["T-shirt"]})
    parse = QueryParser(vocab).parse
    prefs, _ = understand("a t-shirt for my son, he is 8", Preferences(), parse)
    assert prefs.wanted["gender"] == ["Kids"]
    prefs, _ = understand("he hates anything with a print on it", prefs, parse)
    assert prefs.wanted["gender"] == ["Kids"]


def test_a_need_said_later_keeps_the_garment_and_cheaper_means_below_the_typical_pick() -> None:
    vocab = Vocabulary(
        values={"article_type": ["Dress", "Hair clip"], "colour_master": ["Red", "Black"]}
    )
    parse = QueryParser(vocab).parse
    prefs, _ = understand("a dress for a wedding", Preferences(), parse)
    prefs, _ = understand("I can't wear red, it clashes with my hair", prefs, parse)
    assert prefs.wanted["article_type"] == ["Dress"]
    assert prefs.excluded["colour_master"] == ["Red"]
    cheaper, _ = understand("cheaper please", Preferences(), PARSE, SHOWN)
    assert cheaper.max_price is not None and 20.0 < cheaper.max_price < 25.0


def test_said_both_ways_in_one_message_ruled_out_wins_as_in_search() -> None:
    prefs, _ = understand("a dress but not a blue one, I live in blue", Preferences(), PARSE)
    assert prefs.excluded["colour_master"] == ["Blue"]
    assert "colour_master" not in prefs.wanted


def test_a_label_said_to_be_fine_lifts_its_ruling_out_without_being_required() -> None:
    prefs, _ = understand("a dress, no stripes and nothing blue", Preferences(), PARSE)
    assert prefs.excluded["pattern"] == ["Stripe"]
    prefs, _ = understand("actually stripes are fine now", prefs, PARSE)
    assert prefs.excluded["pattern"] == [] and prefs.lasting.get("pattern", []) == []
    assert "pattern" not in prefs.wanted
    assert prefs.excluded["colour_master"] == ["Blue"]


def test_a_price_read_against_one_garment_is_dropped_for_another_but_a_sum_is_kept() -> None:
    prefs, _ = understand("a dress", Preferences(), PARSE)
    prefs, _ = understand("cheaper please", prefs, PARSE, SHOWN)
    assert prefs.max_price is not None and prefs.price_for == ["Dress"]
    prefs, _ = understand("a black one", prefs, PARSE, SHOWN)
    assert prefs.max_price is not None  # still the dresses
    prefs, _ = understand("show me skirts instead", prefs, PARSE, SHOWN)
    assert prefs.max_price is None and prefs.price_for == []
    prefs, _ = understand("a dress under 40", Preferences(), PARSE)
    prefs, _ = understand("show me skirts instead", prefs, PARSE, SHOWN)
    assert prefs.max_price == 40.0  # a budget holds whatever the garment


def test_a_need_after_an_occasion_replaces_what_the_occasion_suggested() -> None:
    kinds = ["Necklace", "Scarf", "Gloves", "Coat", "Dress"]
    parse = QueryParser(
        Vocabulary(values={"article_type": kinds, "gender": ["Men", "Women"]})
    ).parse
    prefs, _ = understand("a present for my dad", Preferences(), parse)
    assert "Necklace" in prefs.wanted["article_type"]
    prefs, _ = understand("he's always freezing", prefs, parse)
    assert "Necklace" not in prefs.wanted["article_type"]
    assert {"Scarf", "Gloves"} <= set(prefs.wanted["article_type"])
    assert prefs.occasion == "freezing"
    named, _ = understand("a dress", Preferences(), parse)
    named, _ = understand("it's freezing out", named, parse)
    assert named.wanted["article_type"] == ["Dress"]  # a garment named stands


@pytest.mark.parametrize(
    "text",
    [
        "put the second one on me",
        "what would the second look like on me?",
        "show the second one on my photo",
        "dress me in the second one",
        "let me see myself in the second",
        "virtual try-on of the second please",
    ],
)
def test_a_try_on_is_read_however_it_is_asked(text: str) -> None:
    prefs, turn = understand(text, Preferences(), PARSE, SHOWN)
    assert (turn.intent, turn.target, prefs) == ("tryon", "i1", Preferences()), text


@pytest.mark.parametrize(
    "text", ["black looks awful on me", "something that looks good on me", "show me more"]
)
def test_a_verdict_on_me_is_not_a_try_on(text: str) -> None:
    assert understand(text, Preferences(), PARSE, SHOWN)[1].intent == "search", text


def test_a_photo_only_a_try_on_can_use_points_at_a_shown_item() -> None:
    for text in ["", "here's me", "the third one"]:
        turn = understand(text, Preferences(), PARSE, SHOWN, photo_for_try_on=True)[1]
        assert turn.intent == "tryon" and turn.target == ("i2" if "third" in text else "i0")
    # a garment or a colour named is a search by those words
    said = understand("like this but in blue", Preferences(), PARSE, SHOWN, photo_for_try_on=True)
    assert said[1].intent == "search" and said[0].wanted.get("colour_master") == ["Blue"]
    assert understand("", Preferences(), PARSE, photo_for_try_on=True)[1].intent == "search"


def test_a_sum_in_catalogue_units_is_a_cap_and_a_currency_sum_is_scaled() -> None:
    prefs, turn = understand("a dress under 0.03", Preferences(), PARSE, price_scale=590.0)
    assert prefs.max_price == 0.03 and turn.catalogue_units
    prefs, turn = understand("a dress under £59", Preferences(), PARSE, price_scale=590.0)
    assert prefs.max_price == 0.1 and not turn.catalogue_units
    prefs, _ = understand("a dress over 0.05", Preferences(), PARSE)
    assert (prefs.min_price, prefs.max_price) == (0.05, None)
