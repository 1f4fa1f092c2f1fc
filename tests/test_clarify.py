"""The clarifying policy: highest entropy among open attributes, real options, no repeats."""

from __future__ import annotations

from fitroom.tools.catalog.items import ItemFacts
from fitroom.tools.conversation.clarify import ask_clarifying_question


def _item(n: int, article_type: str, colour: str, pattern: str = "Solid") -> ItemFacts:
    return ItemFacts(
        item_id=str(n),
        title=f"item {n}",
        gender="Women",
        category="Garment Upper body",
        article_type=article_type,
        colour=colour,
        colour_master=colour,
        pattern=pattern,
    )


# Types split 4/4 (1 bit), colours 7/1 (0.54 bits): the type question gains more.
MIXED = [_item(n, "Dress" if n < 4 else "Skirt", "Black" if n < 7 else "Beige") for n in range(8)]


def test_asks_about_the_most_uncertain_open_attribute() -> None:
    question = ask_clarifying_question(MIXED)
    assert question is not None and question.attribute == "article_type"
    assert question.options == ["Dress", "Skirt"]
    assert question.text == "What kind of piece: dress or skirt?"
    assert question.bits == 1.0


def test_never_asks_what_is_known_or_was_asked() -> None:
    after_type = ask_clarifying_question(MIXED, known={"article_type"}, min_bits=0.5)
    assert after_type is not None and after_type.attribute == "colour_master"
    assert after_type.options[0] == "Black"  # the leading option first
    assert ask_clarifying_question(MIXED, known={"article_type"}, asked={"colour_master"}) is None


def test_no_question_when_the_candidates_agree() -> None:
    same = [_item(n, "Dress", "Black") for n in range(6)]
    assert ask_clarifying_question(same) is None
    assert ask_clarifying_question([]) is None


def test_vague_labels_are_never_offered() -> None:
    items = [
        _item(n, "Dress", "Black", "Unknown" if n % 2 else "Other structure") for n in range(6)
    ]
    items += [_item(9, "Dress", "Black", "Stripe")]
    # Patterns are uncertain, but only one real option remains: nothing worth asking.
    assert ask_clarifying_question(items, known={"article_type"}) is None
