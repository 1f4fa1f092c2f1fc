"""A shade wanted by name out of a family ruled out ("not white, although cream would be ok"):
the shade stays in, the family's other shades stay out."""

from __future__ import annotations

import pytest

from tests.test_reader import READ, _rules_out, reader_with


@pytest.mark.parametrize(
    "text",
    [
        "blouse, preferably not white although cream would be ok",
        "no white please, but off white is fine",
    ],
)
def test_a_shade_allowed_by_name_survives_its_family_ruled_out(text: str) -> None:
    filters = READ.parse(text).filters
    assert "White" not in filters.exclude.get("colour_master", [])
    assert filters.exclude.get("colour") == ["White"]


def test_a_family_ruled_out_with_no_shade_spared_rules_out_every_shade() -> None:
    ruled = _rules_out(READ.parse("a blouse, no white at all"))
    assert ruled["colour_master"] == ["White"]
    assert sorted(READ.parse("a blouse, no white at all").filters.exclude["colour"]) == [
        "Off White", "White",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "shade"),
    [("a mauve dress", "Light Purple"), ("something dusty pink", "Light Pink")],
)
def test_muted_shade_words_are_read(text: str, shade: str) -> None:
    reader = reader_with({"colour": ["Light Purple", "Light Pink"]})
    assert shade in reader.parse(text).filters.include.get("colour", [])


@pytest.mark.parametrize(
    ("text", "tones"),
    [
        ("a dress for my gran's funeral", ["Black", "Dark Blue"]),
        ("a dress for a funeral, not black", ["Dark Blue"]),  # the refused shade stays out
        ("a blazer for a wedding, not in black, it's not a funeral", []),
        ("black feels a bit too funeral for the beach", []),  # likened, not attended
    ],
)
def test_an_occasion_s_shades_skip_what_is_refused_and_what_is_only_likened(
    text: str, tones: list[str]
) -> None:
    said = [
        m.label for m in READ.parse(text).matches if m.how == "occasion" and m.attribute == "colour"
    ]
    assert said == tones


@pytest.mark.parametrize(
    "text",
    [
        "a warm hat, not black, I'd like to be seen in the dark",  # "dark": many shades
        "cream? had it. a blouse, no white at all",  # said before the refusal
    ],
)
def test_a_family_is_not_spared_by_a_shade_word_that_may_be_misread(text: str) -> None:
    ruled = READ.parse(text).filters.exclude.get("colour_master", [])
    assert ruled in (["Black"], ["White"])
