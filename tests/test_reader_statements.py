"""Labels named in a story, not a request: "lace itches", "every coat I own is black, so
something else". The sentences are this file's own, not the reader sets'."""

from __future__ import annotations

import pytest

from fitroom.tools.reader.spans import Span
from fitroom.tools.reader.statements import statements
from tests.test_reader import READ, _rules_out, _wants


def _labels(by_attribute: dict[str, list[str]]) -> set[str]:
    return {label for labels in by_attribute.values() for label in labels}


@pytest.mark.parametrize(
    ("text", "ruled_out", "wanted"),
    [
        # The label is what the clause is about, and the clause does not praise it.
        ("a top please. stripes always make me look boxy", "Stripe", "Top"),
        ("grey fades so fast on me, need a hoodie", "Grey", "Hoodie"),
        ("a skirt; the denim ones ride up every time", "Denim", "Skirt"),
        ("need a blouse, my skin and pink just don't get on", "Pink", "Blouse"),
        ("florals I simply cannot wear. a dress?", "All over pattern", "Dress"),
        ("looking for trousers, in our house jeans are banned", "Denim", "Trousers"),
        # A story that complains, counts too many, or is followed by a wish for a change.
        ("my whole wardrobe is black at this point, so a coat in something else", "Black", "Coat"),
        ("I've got about five striped tops already. more tops?", "Stripe", "Top"),
        ("she wears beige every single day, a jacket that breaks the habit", "Beige", "Jacket"),
        ("my old white trainers turned grey in a week, sneakers please", "White", "Sneakers"),
        # A list named before a complaint in the same sentence.
        ("checks, stripes, dots... honestly I'm so bored of it all. a shirt", "Check", "Shirt"),
        ("stick me in pink and I look washed out. a dress", "Pink", "Dress"),
        # "Too" or "either" carries what was said of the label before.
        ("a scarf. black is out, and grey too", "Grey", "Scarf"),
    ],
)
def test_a_label_in_a_story_of_complaint_is_ruled_out(
    text: str, ruled_out: str, wanted: str
) -> None:
    parsed = READ.parse(text)
    assert ruled_out in _labels(_rules_out(parsed))
    assert _wants(parsed)["article_type"] == [wanted]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # Praise, a request inside the story, or a wish for more of the same keeps it wanted.
        ("a dress; black goes with everything", "Black"),
        ("stripes would be lovely, a top", "Stripe"),
        ("pink skirts are what she's after", "Pink"),
        ("my sister only wears black, a top for her", "Black"),
        ("he lives in checked shirts, can I see some?", "Check"),
        ("I'd like a dress, and it has to be blue", "Blue"),
        # Label words that modify the garment asked for, even when unknown words follow.
        ("black joggers with pockets", "Black"),
        ("a white ribbed vest top", "White"),
        ("grey marl hoodie for my son", "Melange"),
    ],
)
def test_a_label_praised_or_asked_for_stays_wanted(text: str, wanted: str) -> None:
    parsed = READ.parse(text)
    assert wanted in _labels(_wants(parsed))
    assert wanted not in _labels(_rules_out(parsed))


@pytest.mark.parametrize(
    "text",
    [
        "I have a black skirt, a top to go with it",
        "I wear a lot of grey for work and need a weekend hoodie",
    ],
)
def test_a_label_only_mentioned_in_passing_is_neither_wanted_nor_ruled_out(text: str) -> None:
    parsed = READ.parse(text)
    assert not {"Black", "Grey"} & (_labels(_wants(parsed)) | _labels(_rules_out(parsed)))
    assert "black" not in parsed.meaning.split() and "grey" not in parsed.meaning.split()


def test_a_garment_in_a_story_is_ruled_out_only_when_another_is_asked_for() -> None:
    switch = READ.parse("my drawers are overflowing with hoodies. sweaters?")
    assert _rules_out(switch)["article_type"] == ["Hoodie"]
    assert _wants(switch)["article_type"] == ["Sweater"]
    same = READ.parse("every dress I own is black, so a dress with some colour")
    assert _wants(same)["article_type"] == ["Dress"]
    assert _rules_out(same) == {"colour_master": ["Black"]}


def test_who_it_is_for_is_never_ruled_out_by_a_story() -> None:
    parsed = READ.parse("my dad is so fussy, he hates everything. a shirt for him")
    assert _wants(parsed)["gender"] == ["Men"]


def test_what_a_story_rules_out_holds_for_the_session_only() -> None:
    parsed = READ.parse("melange always pills on me, a top")
    melange = [m for m in parsed.matches if m.negated]
    assert melange and not any(m.lasting for m in melange)


def test_statements_leaves_spans_already_ruled_to_the_cues() -> None:
    tokens = "stripes are out , stripes make me look boxy".split()
    first = Span(0, 1, "pattern", ("Stripe",), "exact")
    second = Span(4, 1, "pattern", ("Stripe",), "exact")
    ruled, unsaid, allowed = statements(tokens, [first, second], {first})
    assert [r.span for r in ruled] == [second] and unsaid == allowed == []


@pytest.mark.parametrize(
    "text",
    [
        "a top brighter than stripes",
        "a top a bit less loud than my usual stripes",
        "something livelier than the stripes I always end up buying, a top",
        "a top that's warmer in feel than stripes",
    ],
)
def test_a_comparison_rules_out_what_it_compares_with(text: str) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == {"pattern": ["Stripe"]}
    assert _wants(parsed)["article_type"] == ["Top"]


def test_a_count_is_no_comparison() -> None:
    assert _rules_out(READ.parse("more than two striped tops")) == {}


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        # A bare list, then a complaint about it in the same breath.
        ("stripes, checks - honestly I'm so over them. a top", {"Stripe", "Check"}),
        # Terse verdicts after a dash.
        ("tops: black - too many already, grey - boring", {"Black", "Grey"}),
    ],
)
def test_labels_named_then_complained_about_are_ruled_out(text: str, ruled_out: set[str]) -> None:
    parsed = READ.parse(text)
    assert _labels(_rules_out(parsed)) == ruled_out
    assert _wants(parsed)["article_type"] == ["Top"]


@pytest.mark.parametrize(
    "text",
    [
        # "ill" is "I'll" here, not a complaint.
        "a top in black this time, and I'll be wearing it to work",
        # A second noun phrase is no predicate.
        "I want a black top and a white one would be a bonus",
        # Nor is what follows a comma.
        "black tops or black hoodies, whichever you have",
    ],
)
def test_black_asked_for_alongside_a_story_stays_wanted(text: str) -> None:
    parsed = READ.parse(text)
    assert "Black" in _labels(_wants(parsed))
    assert "Black" not in _labels(_rules_out(parsed))


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("nothin wi stripes, a top", {"Stripe"}),
        ("a top tho nothin striped", {"Stripe"}),
        ("a top, I dinnae want stripes", {"Stripe"}),
    ],
)
def test_chat_and_dialect_spellings_of_negation_read_as_negation(
    text: str, ruled_out: set[str]
) -> None:
    assert _labels(_rules_out(READ.parse(text))) == ruled_out


@pytest.mark.parametrize(
    ("word", "label"),
    [("runners", "Sneakers"), ("singlet", "Vest top"), ("trackies", "Trousers")],
)
def test_australian_irish_and_scottish_garment_words(word: str, label: str) -> None:
    assert _wants(READ.parse(f"black {word} please"))["article_type"] == [label]


@pytest.mark.parametrize(
    ("text", "ruled_out", "wanted"),
    [
        ("dots? eww. a blouse", {"Dot"}, {"Blouse"}),
        ("hoodies are too sporty, what about a jacket", {"Hoodie"}, {"Jacket"}),
        ("a top that's not got stripes on it", {"Stripe"}, {"Top"}),
        ("she'd wear a scarf more than a hat", {"Hat/beanie"}, {"Scarf", "Women"}),
        ("pink is my usual but I want a change, a top", {"Pink"}, {"Top"}),
        ("my husband says I look like a deckchair in stripes, a top", {"Stripe"}, {"Top"}),
        ("a top please, white goes grubby so fast with my kids around", {"White"}, {"Top"}),
    ],
)
def test_what_a_new_user_said_is_read_as_meant(
    text: str, ruled_out: set[str], wanted: set[str]
) -> None:
    parsed = READ.parse(text)
    assert _labels(_rules_out(parsed)) == ruled_out
    assert _labels(_wants(parsed)) == wanted  # who tells the story is not who it is for


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("never wears anything but plain ones, a top", {"Solid", "Top"}),
        ("blue would really suit her, a top", {"Blue", "Top"}),
        ("checks are fine, no stripes though, a shirt", {"Shirt"}),
    ],
)
def test_double_negatives_verbs_and_permissions(text: str, wanted: set[str]) -> None:
    assert _labels(_wants(READ.parse(text))) == wanted


def test_a_label_said_to_be_fine_is_allowed_not_asked_for() -> None:
    parsed = READ.parse("checks are fine, a shirt")
    check = [m for m in parsed.matches if m.label == "Check"]
    assert check and all(m.allowed and not m.negated for m in check)
    assert "Check" not in _labels(_wants(parsed))


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("a top in anything save stripes", {"Stripe"}),
        ("three things I can't wear: pink, grey, and anything with checks. a top", None),
        ("a top, stripes do me no favours", {"Stripe"}),
        ("the colour black I have already three, so a top in other colour", {"Black"}),
        ("a top. pink on me is a disaster", {"Pink"}),
        ("my whole closet is grey so anything but that, a top", {"Grey"}),
        ("returned the grey top, it went bobbly. a top in another colour", {"Grey"}),
        ("trousers that aren't, like, the usual black or grey, um, a top", {"Black", "Grey"}),
    ],
)
def test_more_ways_of_ruling_out(text: str, ruled_out: set[str] | None) -> None:
    expected = ruled_out if ruled_out is not None else {"Pink", "Grey", "Check"}
    assert expected <= _labels(_rules_out(READ.parse(text)))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("was going to get a coat but a jacket makes more sense, not pink", {"Jacket"}),
        ("T-shirt. Grey - sorry, pink, I meant pink", {"T-shirt", "Pink"}),
        ("she reckons I always go for grey, so a top", {"Top"}),
        ("white t-shirts for the stag do, all the lads, men's ones", {"White", "T-shirt", "Men"}),
        ("he only wears plain ones, he's forty-five; a shirt for dad", {"Solid", "Shirt", "Men"}),
    ],
)
def test_more_ways_of_asking(text: str, wanted: set[str]) -> None:
    assert _labels(_wants(READ.parse(text))) == wanted
