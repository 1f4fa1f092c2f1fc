"""Regional Englishes and the ways people refuse without a stock phrase: Scots spellings,
Irish "himself", West African "I beg", threats, bans on what someone may wear, and the shopper
named as the wearer after someone else's opinion. The sentences are this file's own."""

from __future__ import annotations

import pytest

from tests.test_reader import _rules_out, _wants, reader_with, reads_as

_MORE = {
    "article_type": ["Polo shirt", "Garment Set", "Bag"],
    "colour_master": ["Brown", "Lilac Purple"],
    "pattern": ["Sequin", "Placement print"],
}
READ = reader_with(_MORE)


@pytest.mark.parametrize(
    ("text", "wanted", "ruled_out"),
    [
        # Scots spellings of everyday words, and "no" for "not" before a verb
        ("a scarf, onythin but broon", {"article_type": ["Scarf"]}, {"colour_master": ["Brown"]}),
        (
            "if it's pink ah'm no wantin it, a coat",
            {"article_type": ["Coat"]},
            {"colour_master": ["Pink"]},
        ),
        (
            "a dress fur ma wee lassie, nae black",
            {"article_type": ["Dress"], "gender": ["Kids"]},
            {"colour_master": ["Black"]},
        ),
        # "I beg" is "please"; "leave them" points back at what was just named
        (
            "a hoodie. the ones with writing on the front, I beg leave them",
            {"article_type": ["Hoodie"]},
            {"pattern": ["Front print", "Placement print"]},
        ),
        # London "allow it" drops what follows when it opens the clause
        ("allow the checks bruv, a shirt", {"article_type": ["Shirt"]}, {"pattern": ["Check"]}),
        # a threat about one more of something
        (
            "if I buy one more grey jumper my flatmate will scream. a jumper",
            {"article_type": ["Sweater"]},
            {"colour_master": ["Grey"]},
        ),
        (
            "a blazer for him, he'd kill me if it was beige",
            {"article_type": ["Blazer"], "gender": ["Men"]},
            {"colour_master": ["Beige"]},
        ),
        # a ban on what someone may wear: the wearer stays, what they wear goes
        (
            "the school won't let the kids wear hoodies with a print, a plain hoodie for my son",
            {"article_type": ["Hoodie"], "gender": ["Kids"]},
            {},
        ),
        (
            "camp won't let the children wear sequins, so a top for my girl",
            {"article_type": ["Top"], "gender": ["Kids"]},
            {"pattern": ["Sequin"]},
        ),
        (
            "been put off khaki by the army cadets, a jacket",
            {"article_type": ["Jacket"]},
            {"colour_master": ["Khaki green"]},
        ),
    ],
)
def test_refusals_in_other_englishes(
    text: str, wanted: dict[str, list[str]], ruled_out: dict[str, list[str]]
) -> None:
    parsed = READ.parse(text)
    reads_as(parsed, wanted, ruled_out)
    assert "gender" not in _rules_out(parsed)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("a green or navy shirt for himself", {"article_type": ["Shirt"], "gender": ["Men"]}),
        ("a polo tee in white", {"article_type": ["Polo shirt"], "colour_master": ["White"]}),
        ("a button-down for work", {"article_type": ["Shirt"]}),
        ("a skirt with the print all over", {"pattern": ["All over pattern"]}),
        ("a dress, something floral would be beaut", {"pattern": ["All over pattern"]}),
        ("my mates said get a khaki jacket", {"colour_master": ["Khaki green"]}),
        ("my son's school says the jumper must be grey", {"gender": ["Kids"]}),
        ("an outfit set for the baby", {"article_type": ["Garment Set"]}),
        ("off camping with the boys, hoodies", {"gender": ["Men"]}),
    ],
)
def test_wants_in_other_englishes(text: str, wanted: dict[str, list[str]]) -> None:
    parsed = READ.parse(text)
    assert {k: v for k, v in _wants(parsed).items() if k in wanted} == wanted
    assert not _rules_out(parsed)


def test_if_another_asks_when_nothing_is_threatened() -> None:
    parsed = READ.parse("if you have another black coat in stock I'll take it")
    assert _wants(parsed)["colour_master"] == ["Black"] and not _rules_out(parsed)


def test_for_me_after_someone_elses_opinion_names_the_wearer() -> None:
    parsed = READ.parse("My wife says stripes make me look like a deckchair. A shirt, for me.")
    assert "gender" not in _wants(parsed) and _rules_out(parsed) == {"pattern": ["Stripe"]}
    bloke = READ.parse("Mum says no black at her party. I need a shirt - for me, I'm a bloke")
    assert _wants(bloke)["gender"] == ["Men"] and _rules_out(bloke) == {"colour_master": ["Black"]}


def test_an_outfit_is_no_single_garment() -> None:
    parsed = READ.parse("nothing black, she wants a bright outfit")
    assert "article_type" not in _wants(parsed)
