"""Sums of money named in a message: caps, floors and ranges, in any currency, and the numbers
that are ages, sizes or temperatures, not prices."""

from __future__ import annotations

import pytest

from fitroom.tools.reader.money import money_said

SUMS = [
    ("a black dress under 40", None, 40.0),
    ("nothing over 25 quid please", None, 25.0),  # "nothing over" caps, whatever the cue
    ("tops below €15", None, 15.0),
    ("jeans, $60 max", None, 60.0),
    ("my budget is 80", None, 80.0),
    ("I can only spend 30 euros", None, 30.0),
    ("no more than £45 for a coat", None, 45.0),
    ("something 50 or less", None, 50.0),
    ("shoes at 70 bucks tops", None, 70.0),
    ("a jacket over 100 dollars is fine", 100.0, None),
    ("at least €50, I want quality", 50.0, None),
    ("between 20 and 35 for a skirt", 20.0, 35.0),
    ("between £35 and £20", 20.0, 35.0),
    ("a £40 dress", None, 40.0),
    ("under 12,50 € please", None, 12.5),
    ("the price is under 40", None, 40.0),
    ("a top over 0.05", 0.05, None),  # a bare floor, in the catalogue's own units
]
NOT_MONEY = [
    "a coat for kids under 5",
    "a dress for my 5 year old",
    "it's under 10 degrees outside",
    "size 40 trainers",
    "for my 40th birthday",
    "top 10 summer dresses",
    "jeans with a 32 waist",
    "a jumper for a boy aged 12",
    "girls 7 or under",
    "a coat for over 6 months",
    "pyjamas from 3 to 5 years",
    "I'm over 30, something classy",
    "my mum is over 60",
]


@pytest.mark.parametrize(("text", "low", "high"), SUMS)
def test_a_sum_is_read_as_a_cap_floor_or_range(
    text: str, low: float | None, high: float | None
) -> None:
    money = money_said(text)
    assert money is not None, text
    assert (money.low, money.high) == (low, high)
    assert money.said and money.said in text.casefold()


@pytest.mark.parametrize("text", NOT_MONEY)
def test_ages_sizes_and_temperatures_are_no_sum(text: str) -> None:
    assert money_said(text) is None


def test_a_currency_is_told_from_a_bare_number() -> None:
    named = [money_said(t) for t in ("under £40", "30 euros max", "under 0.03", "40 or less")]
    assert [m.in_a_currency if m else None for m in named] == [True, True, False, False]


def test_a_bare_number_below_one_is_in_the_catalogue_s_units() -> None:
    said = [money_said(t) for t in ("under 0.03", "under £0.50", "under 40", "over 0.1")]
    assert [m.in_catalogue_units if m else None for m in said] == [True, False, False, True]
