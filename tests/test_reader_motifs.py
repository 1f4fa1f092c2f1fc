"""Prints of one motif ruled out ("no dinosaur prints"): other prints stay, and a note says why,
while "no prints" and "no big prints" still mean plain."""

from __future__ import annotations

import pytest

from tests.test_reader import READ, _rules_out, _wants


@pytest.mark.parametrize(
    ("text", "motif"),
    [
        ("he's had it with dinosaur prints, a t-shirt for my son", "dinosaur"),
        ("please, no more unicorn prints for her", "unicorn"),
        ("a sweater but not with a reindeer motif", "reindeer"),
    ],
)
def test_one_motif_refused_leaves_other_prints_and_says_so(text: str, motif: str) -> None:
    parsed = READ.parse(text)
    assert "pattern" not in _rules_out(parsed)
    assert _wants(parsed).get("pattern") is None  # not plain only
    assert any(f"{motif} prints" in note for note in parsed.notes)


@pytest.mark.parametrize(
    "text",
    ["no prints please", "a top with no big prints", "nothing with prints", "no loud patterns"],
)
def test_prints_refused_as_such_still_mean_plain(text: str) -> None:
    parsed = READ.parse(text)
    assert _wants(parsed).get("pattern") == ["Solid"] and not parsed.notes
