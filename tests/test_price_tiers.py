"""Prices as a person reads them: tiers within the item's own kind, and price words."""

from __future__ import annotations

import pytest

from fitroom.tools.reader.price_tiers import cap_or_floor, price_cuts, price_tier, price_word


def test_tiers_are_terciles_of_each_kind_s_own_prices() -> None:
    rows = [("Coat", p / 100) for p in range(10, 19)] + [("T-shirt", p / 1000) for p in range(9)]
    cuts = price_cuts(rows)
    assert price_tier("Coat", 0.10, cuts) == "budget"  # the cheapest coat
    assert price_tier("T-shirt", 0.008, cuts) == "premium"  # the dearest tee, far cheaper
    assert price_tier("Coat", 0.14, cuts) == "mid"
    assert price_tier("Coat", None, cuts) is None
    assert price_tier("Hat", 0.5, cuts) == "premium"  # no hats priced: the whole catalogue's


def test_too_few_prices_give_no_cuts_of_their_own() -> None:
    assert "Coat" not in price_cuts([("Coat", 0.1), ("Coat", 0.2)])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("something cheap", "low"),
        ("not too expensive please", "low"),
        ("under the usual price", "low"),
        ("I'm on a budget", "low"),
        ("a premium coat", "high"),
        ("something a bit luxurious", "high"),
        ("a black dress", None),
        ("a top for under a tenner", "low"),
        ("I'm skint this month, a coat", "low"),
        ("I can't spend much on jeans", "low"),
        ("a coat, money is no object", "high"),
        ("an investment piece for winter", "high"),
        ("a bag with a broken strap", None),
    ],
)
def test_price_words(text: str, word: str | None) -> None:
    assert price_word(text) == word


def test_a_cap_across_several_kinds_is_generous() -> None:
    cuts = {"Coat": [0.05, 0.08], "Dress": [0.02, 0.04], "*": [0.01, 0.03]}
    assert cap_or_floor("low", ["Coat", "Dress"], cuts) == (None, 0.05)
    assert cap_or_floor("high", ["Coat", "Dress"], cuts) == (0.04, None)
    assert cap_or_floor("low", [], cuts) == (None, 0.01)
