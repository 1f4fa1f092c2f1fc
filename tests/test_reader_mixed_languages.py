"""Shoppers who mix Spanish, French, German, Hindi or Tagalog into English, trend talk, and
comparisons: the sentences are this file's own, not the reader sets'."""

from __future__ import annotations

import pytest

from fitroom.tools.reader.mixed_languages import in_english
from fitroom.tools.reader.tokens import tokenize
from tests.test_reader import _rules_out, _wants, reader_with, reads_as

_MORE = {
    "article_type": ["Pyjama set", "Socks", "Beanie", "Swimsuit", "Bag"],
    "colour_master": ["Brown", "Red", "Green", "Yellow", "Lilac Purple"],
    "pattern": ["Lace"],
}
READ = reader_with(_MORE)


@pytest.mark.parametrize(
    ("text", "wanted", "ruled_out"),
    [
        (
            "busco una chaqueta, pero sin nada de gris",
            {"article_type": ["Jacket"]},
            {"colour_master": ["Grey"]},
        ),
        (
            "una falda que no sea ni negra ni blanca",
            {"article_type": ["Skirt"]},
            {"colour_master": ["Black", "White"]},
        ),
        (
            "je voudrais une robe, mais pas de rayures",
            {"article_type": ["Dress"]},
            {"pattern": ["Stripe"]},
        ),
        (
            "un manteau pour mon mari, n'importe quelle couleur sauf le marron",
            {"article_type": ["Coat"], "gender": ["Men"]},
            {"colour_master": ["Brown"]},
        ),
        (
            "Für meinen Sohn eine Jacke, bitte keine Punkte",
            {"article_type": ["Jacket"], "gender": ["Kids"]},
            {"pattern": ["Dot"]},
        ),
        (
            "Socken für mich, alles außer Gelb",
            {"article_type": ["Socks"]},
            {"colour_master": ["Yellow"]},
        ),
        (
            "didi ke liye scarf chahiye, brown bilkul nahi",
            {"article_type": ["Scarf"], "gender": ["Women"]},
            {"colour_master": ["Brown"]},
        ),
        (
            "ek hoodie dikhao, green mat dikhana",
            {"article_type": ["Hoodie"]},
            {"colour_master": ["Green"]},
        ),
        (
            "kuya needs a shirt, wag checks",
            {"article_type": ["Shirt"], "gender": ["Men"]},
            {"pattern": ["Check"]},
        ),
        ("blouse po, basta hindi lace", {"article_type": ["Blouse"]}, {"pattern": ["Lace"]}),
    ],
)
def test_refusals_mixed_into_english(
    text: str, wanted: dict[str, list[str]], ruled_out: dict[str, list[str]]
) -> None:
    reads_as(READ.parse(text), wanted, ruled_out)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "quiero botas rojas o verdes",
            {"article_type": ["Boots"], "colour_master": ["Red", "Green"]},
        ),
        (
            "ein Kleid in Blau oder Grün, bitte",
            {"article_type": ["Dress"], "colour_master": ["Blue", "Green"]},
        ),
        (
            "office ke liye blazer, black ya grey",
            {"article_type": ["Blazer"], "colour_master": ["Black", "Grey"]},
        ),
        ("a clean girl aesthetic vest top", {"gender": ["Women"], "article_type": ["Vest top"]}),
        ("a baby tee in lilac", {"article_type": ["T-shirt"]}),
        ("same as the black coat but in green", {"colour_master": ["Green"]}),
        ("a dress that's a bit over the top for a party", {"article_type": ["Dress"]}),
        ("my dad says I can have boots if they're brown", {"colour_master": ["Brown"]}),
        ("trousers that have to be black or navy", {"colour_master": ["Black", "Blue"]}),
    ],
)
def test_wants_mixed_into_english(text: str, wanted: dict[str, list[str]]) -> None:
    parsed = READ.parse(text)
    assert {k: v for k, v in _wants(parsed).items() if k in wanted} == wanted


def test_english_words_of_other_languages_stay_english_outside_them() -> None:
    assert in_english(tokenize("a yoga mat bag")) == ["a", "yoga", "mat", "bag"]
    assert in_english(tokenize("une robe, a robe")) == ["a", "dress", ",", "a", "robe"]
    assert in_english(tokenize("a pair o boots")) == ["a", "pair", "o", "boots"]
    assert in_english(tokenize("see ya, do ya have boots")) == [
        "see",
        "ya",
        ",",
        "do",
        "ya",
        "have",
        "boots",
    ]
    assert in_english(tokenize("déjà trois")) == ["already", "trois"]


def test_comparisons_rule_out_what_the_shopper_wants_unlike() -> None:
    parsed = READ.parse("a skirt, nothing as loud as last year's leopard print")
    assert _rules_out(parsed) == {"pattern": ["All over pattern"]}
    threat = READ.parse("a top, if she gets another striped one she'll cry")
    assert _rules_out(threat) == {"pattern": ["Stripe"]}
    permitted = READ.parse("a top, I'll only take it if it's striped")
    assert _wants(permitted)["pattern"] == ["Stripe"] and not _rules_out(permitted)


@pytest.mark.parametrize(
    ("text", "cap"),
    [
        ("une jupe, pas trop chère", True),
        ("ein Pullover, nicht zu teuer", True),
        ("una chaqueta menos cara", True),
        ("something less expensive", True),
        ("a dress, my budget is tight", True),
        ("a jacket, money is no object", False),
    ],
)
def test_price_words_in_other_languages(text: str, cap: bool) -> None:
    parsed = READ.parse(text)
    assert (parsed.price_max is not None) == cap and (parsed.price_min is not None) != cap


def test_a_tight_budget_is_no_tight_fit() -> None:
    parsed = READ.parse("a dress, budget is tight, anything but red")
    assert "feature" not in _wants(parsed) and _rules_out(parsed) == {"colour_master": ["Red"]}


def test_features_and_inflected_colours_in_german_and_spanish() -> None:
    german = READ.parse("eine schwarze Jacke ohne Kapuze")
    assert _wants(german)["colour_master"] == ["Black"]
    assert _rules_out(german) == {"feature": ["hooded"]}
    spanish = READ.parse("una chaqueta sin capucha")
    assert _rules_out(spanish) == {"feature": ["hooded"]}
