"""The simulated user and the metrics, on hand-made items and outcomes."""

from __future__ import annotations

import pytest

from fitroom.agent.state import Reply
from fitroom.eval.sim_metrics import Outcome, aggregate
from fitroom.eval.sim_user import AttributeUser, found_at
from fitroom.tools.catalog.items import Item


def _item(n: int, **facts: str) -> Item:
    base = {
        "title": f"Item {n}",
        "gender": "Women",
        "category": "Garment Upper body",
        "article_type": "T-shirt",
        "colour": "Light Blue",
        "colour_master": "Blue",
        "pattern": "Stripe",
        "product_code": f"p{n}",
    }
    return Item.model_validate({"item_id": f"i{n}", **base, **facts})


TARGET = _item(0)
ITEMS = {i.item_id: i for i in [TARGET, _item(1, colour="Black", colour_master="Black")]}


def test_the_target_or_its_same_colour_twin_counts_and_nothing_else() -> None:
    twin = _item(5, product_code="p0")
    dyed = _item(6, product_code="p0", colour="Black")
    assert found_at(TARGET, [dyed, twin]) == 1
    assert found_at(TARGET, [dyed, ITEMS["i1"]]) is None


@pytest.mark.parametrize(
    ("asked", "says"),
    [("colour_master", "blue"), ("gender", "for women"), ("article_type", "a t-shirt")],
)
def test_questions_get_the_targets_true_value(asked: str, says: str) -> None:
    user = AttributeUser(TARGET, ITEMS)
    assert user.respond(Reply(type="recommendations", text="?", asked=asked)) == says


def test_feedback_corrects_one_wrong_attribute_and_never_names_the_item() -> None:
    user = AttributeUser(TARGET, ITEMS)
    black = Reply.model_validate(
        {"type": "recommendations", "text": "", "items": [_card(ITEMS["i1"])]}
    )
    said = user.respond(black)
    assert said == "no, something in light blue" and TARGET.title.lower() not in said
    trousers = _item(2, article_type="Trousers")
    user = AttributeUser(TARGET, ITEMS | {"i2": trousers})
    reply = Reply.model_validate(
        {"type": "recommendations", "text": "", "items": [_card(trousers)]}
    )
    assert user.respond(reply) == "no, I want a t-shirt"
    unknown = AttributeUser(_item(3, article_type="Unknown"), ITEMS | {"i2": trousers})
    assert "unknown" not in unknown.respond(reply)  # catalogue gaps are never said
    twin = _item(4)  # right in every attribute a shopper can name, yet another garment
    user = AttributeUser(TARGET, ITEMS | {"i4": twin})
    reply = Reply.model_validate({"type": "recommendations", "text": "", "items": [_card(twin)]})
    assert user.respond(reply) == "none of these"


def test_a_question_beside_missed_picks_is_answered_first() -> None:
    user = AttributeUser(TARGET, ITEMS)
    both = Reply.model_validate(
        {
            "type": "recommendations",
            "text": "Here is one pick. Who is it for: women or men?",
            "items": [_card(ITEMS["i1"])],
            "asked": "gender",
        }
    )
    assert user.respond(both) == "for women"


def _card(item: Item) -> dict[str, object]:
    return item.model_dump(
        include={"item_id", "title", "article_type", "colour", "pattern", "gender", "price"}
    ) | {
        "image": "",
        "explanation": "",
    }


def test_aggregates_count_failures_as_six_turns_and_recall_cumulatively() -> None:
    outcomes = [
        Outcome(episode=0, success_turn=2, ranks=[None, 3], questions=["gender"]),
        Outcome(episode=1, success_turn=None, ranks=[None, None, None, None, None]),
    ]
    figures = aggregate(outcomes, draws=200)
    assert figures["success@5"] == 0.5 and figures["avg_turns"] == 4.0
    assert figures["recall@1"] == 0.0 and figures["recall@5"] == 0.5
    assert figures["recall@10_by_turn"] == [0.0, 0.5, 0.5, 0.5, 0.5]
    assert figures["questions_per_success"] == 1.0
    low, high = figures["success@5_ci95"]
    assert 0.0 <= low <= 0.5 <= high <= 1.0


def test_the_llm_simulator_never_lets_the_title_through() -> None:
    from fitroom.eval.sim_llm_user import LEAK_RATIO, LLMUser, closeness
    from tests.fakes import FakeChat

    assert closeness("I really want the item 0 you showed", "Item 0") >= LEAK_RATIO
    assert closeness("something in light blue please", "Item 0") < LEAK_RATIO
    question = Reply(
        type="recommendations", text="Which colour: blue or black?", asked="colour_master"
    )
    chat = FakeChat(["Item 0 is what I want", "Blue would be lovely"])
    shopper = LLMUser(TARGET, ITEMS, chat)
    assert shopper.respond(question) == "Blue would be lovely"
    assert shopper.regenerated == 1 and shopper.fell_back == 0
    assert all(TARGET.title not in m["content"] for p in chat.prompts for m in p)
    leaky = LLMUser(TARGET, ITEMS, FakeChat(["Item 0 please"]))
    assert leaky.respond(question) == "blue"  # five leaks: the template's words instead
    assert leaky.regenerated == 5 and leaky.fell_back == 1


def test_garments_are_named_as_a_shopper_would() -> None:
    from fitroom.eval.sim_episodes import garment_words

    named = [garment_words(_item(7, article_type=t)) for t in ("Underwear bottom", "Trousers")]
    assert named == ["an underwear bottom", "some trousers"]


def test_paired_difference_counts_what_only_one_configuration_found() -> None:
    from fitroom.eval.sim_metrics import paired_difference

    def run(turns: list[int | None]) -> list[Outcome]:
        return [Outcome(episode=n, success_turn=t) for n, t in enumerate(turns)]

    full, other = run([1, 2, None, 3]), run([1, None, None, None])
    diff = paired_difference(full, other, draws=200)
    assert diff["success@5_difference"] == 0.5
    assert diff["avg_turns_difference"] == (1 + 2 + 6 + 3 - 1 - 6 - 6 - 6) / 4
    assert (diff["only_full"], diff["only_other"]) == (2, 0)
    low, high = diff["success@5_difference_ci95"]
    assert low <= 0.5 <= high
    assert paired_difference(full, full)["success@5_difference_ci95"] == [0.0, 0.0]


def test_varied_phrasings_are_seeded_and_read_back_to_the_same_correction() -> None:
    """With a seed the shopper words its corrections like a person, negations included; the
    reader must understand each as wanting the target's value and ruling out only the shown
    one's."""
    import random

    from fitroom.tools.reader.query_parser import QueryParser
    from fitroom.tools.retrieval.vocabulary import Vocabulary

    reader = QueryParser(Vocabulary.from_items(ITEMS.values()))
    black = Reply.model_validate(
        {"type": "recommendations", "text": "", "items": [_card(ITEMS["i1"])]}
    )
    said = {AttributeUser(TARGET, ITEMS, random.Random(n)).respond(black) for n in range(40)}
    assert len(said) >= 4 and any(s.startswith(("not ", "anything but", "no black")) for s in said)
    assert said == {
        AttributeUser(TARGET, ITEMS, random.Random(n)).respond(black) for n in range(40)
    }
    for sentence in said:
        filters = reader.parse(sentence).filters
        # Either it names the target's colour, or it only rules out the shown one's.
        assert filters.include.get("colour", ["Light Blue"]) == ["Light Blue"], sentence
        assert filters.include or filters.exclude == {"colour_master": ["Black"]} | {
            "colour": ["Black"]
        }, sentence
        assert "Light Blue" not in filters.exclude.get("colour", []), sentence
        assert filters.exclude.get("colour_master", ["Black"]) == ["Black"], sentence


def test_a_shade_of_the_target_s_own_family_is_ruled_out_by_shade_only() -> None:
    import random

    dark = _item(7, colour="Dark Blue")  # the target is Light Blue, same family
    user = AttributeUser(TARGET, ITEMS | {"i7": dark}, random.Random(1))
    for n in range(20):
        user.rng = random.Random(n)
        said = user.respond(
            Reply.model_validate({"type": "recommendations", "text": "", "items": [_card(dark)]})
        )
        assert "not blue" not in said and "but blue" not in said, said
