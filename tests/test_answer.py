"""Answers about one item come from its record, and say so where the record is silent."""

from __future__ import annotations

import pytest

from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.answer import answer_about, question_topic

ITEM = Item(
    item_id="0111586001",
    title="Shape Up 30 den 1p Tights",
    gender="Women",
    category="Garment Lower body",
    article_type="Leggings/Tights",
    colour="Black",
    colour_master="Black",
    pattern="Solid",
    price=0.0134,
    description="Tights with built-in support to lift the bottom.",
)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("How much is it?", "price"),
        ("what's it made of", "material"),
        ("does the second come in my size?", "size"),
        ("tell me about the first one", "details"),
        ("what pattern is the third?", "pattern"),
        ("a black dress", None),
        ("something nice for a party?", None),
    ],
)
def test_question_topic(text: str, topic: str | None) -> None:
    assert question_topic(text) == topic


def test_every_answer_is_made_of_the_record() -> None:
    assert "0.0134 in normalised units" in answer_about(ITEM, "price", currency=False)
    assert answer_about(ITEM, "price") == "Shape Up 30 den 1p Tights. It costs 0.01."
    tiered = answer_about(ITEM, "price", currency=False, tier="budget")
    assert tiered.endswith("That is budget for a leggings/tights here.")
    assert answer_about(ITEM, "colour") == "The Shape Up 30 den 1p Tights is black (black family)."
    material = answer_about(ITEM, "material")
    assert "no fabric field" in material and ITEM.description in material
    assert "no sizes" in answer_about(ITEM, "size")
    details = answer_about(ITEM, "details")
    assert "leggings/tights in black, solid" in details and ITEM.description in details
    silent = ITEM.model_copy(update={"description": "", "price": None, "pattern": ""})
    assert answer_about(silent, "material") == (
        "Shape Up 30 den 1p Tights. The catalogue does not say what it is made of."
    )
    assert "no price" in answer_about(silent, "price")
    assert "no pattern" in answer_about(silent, "pattern")
