"""Structured filters: CLI syntax, validation and their Chroma form."""

from __future__ import annotations

import pytest

from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.retrieval.filters import Filters, parse_filter_args


def test_parse_every_form() -> None:
    f = parse_filter_args(
        ["gender=Men", "colour=Black, White", "pattern!=Stripe", "price<=0.05", "price>=0.01"]
    )
    assert f.include == {"gender": ["Men"], "colour": ["Black", "White"]}
    assert f.exclude == {"pattern": ["Stripe"]}
    assert (f.price_min, f.price_max) == (0.01, 0.05)


def test_where_clause_combines_all_constraints() -> None:
    f = Filters(
        include={"gender": ["Men"], "colour": ["Black", "White"]},
        exclude={"pattern": ["Stripe"]},
        price_max=0.05,
    )
    assert f.to_where() == {
        "$and": [
            {"colour": {"$in": ["Black", "White"]}},
            {"gender": {"$eq": "Men"}},
            {"pattern": {"$nin": ["Stripe"]}},
            {"price": {"$lte": 0.05}},
        ]
    }
    assert Filters().to_where() is None
    assert Filters(price_min=1).to_where() == {"price": {"$gte": 1}}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["size=M"], "Unknown filter key 'size'"),
        (["colour"], "Cannot read the filter"),
        (["price=3"], "price<=X or price>=X"),
        (["price<=cheap"], "needs a number"),
        (["colour>=Black"], "Only price takes"),
        (["price>=5", "price<=1"], "price range 5.0..1.0 is empty"),
    ],
)
def test_bad_filters_get_one_clear_sentence(args: list[str], message: str) -> None:
    with pytest.raises(InvalidQueryError, match=message):
        parse_filter_args(args)


def test_merge_lets_the_second_win_and_unions_exclusions() -> None:
    a = Filters(include={"colour": ["Black"]}, exclude={"pattern": ["Dot"]}, price_max=3)
    b = Filters(include={"colour": ["White"]}, exclude={"pattern": ["Stripe"]})
    merged = a.merged(b)
    assert merged.include == {"colour": ["White"]}
    assert merged.exclude == {"pattern": ["Dot", "Stripe"]}
    assert merged.price_max == 3
