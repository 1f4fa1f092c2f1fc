"""Whom the clothes are for, across a conversation and visits."""

from __future__ import annotations

from fitroom.agent.understand import understand
from fitroom.memory.long_term import UserMemory, remember_turn, starting_preferences
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.vocabulary import Vocabulary

VOCAB = Vocabulary(
    values={
        "gender": ["Women", "Men", "Kids"],
        "article_type": ["Dress", "Scarf", "Trousers", "Hoodie", "Sweater"],
        "colour_master": ["Black", "Red"],
        "pattern": ["Solid", "Stripe"],
    }
)
PARSE = QueryParser(VOCAB).parse


def _talk(*messages: str, prefs: Preferences | None = None) -> Preferences:
    prefs = prefs or Preferences()
    for text in messages:
        prefs, _ = understand(text, prefs, PARSE)
    return prefs


def test_back_to_the_shopper_after_someone_else_is_a_new_request_for_them() -> None:
    prefs = _talk(
        "a hoodie for myself, I'm a guy",
        "my wife wants a scarf, nothing red",
        "ok, back to me: trousers",
    )
    assert prefs.wanted == {"gender": ["Men"], "article_type": ["Trousers"]}
    assert "colour_master" not in prefs.excluded  # the scarf's "nothing red" was hers


def test_a_present_for_someone_else_drops_the_shoppers_garment() -> None:
    prefs = _talk("a black dress for me", "now a jumper for my son, he's 9")
    assert prefs.wanted == {"gender": ["Kids"], "article_type": ["Sweater"]}
    prefs = _talk("a black dress for me", "and something for my dad")
    assert "article_type" not in prefs.wanted and prefs.wanted["gender"] == ["Men"]


def test_a_taste_for_someone_else_is_not_remembered_but_who_the_shopper_is_is() -> None:
    before = Preferences()
    after = _talk("I'm a woman, a dress please", prefs=before)
    memory = remember_turn(UserMemory(), before, after)
    gift = _talk("a hoodie for my brother, he hates stripes", prefs=after)
    memory = remember_turn(memory, after, gift)
    assert memory.own_gender == "Women"
    assert "pattern" not in memory.disliked and "Hoodie" not in memory.liked.get("article_type", {})
    visit = _talk("a scarf for me", prefs=starting_preferences(memory))
    assert visit.wanted["gender"] == ["Women"]
    visit = _talk("I need a shirt", prefs=starting_preferences(memory))  # nobody named
    assert visit.wanted["gender"] == ["Women"]
    visit = _talk("I need a shirt for my son", prefs=starting_preferences(memory))
    assert visit.wanted["gender"] == ["Kids"]


def test_the_same_for_someone_else_keeps_the_garment() -> None:
    prefs = _talk("a black dress for me please", "my mum would like one too")
    assert prefs.wanted == {
        "colour_master": ["Black"],
        "article_type": ["Dress"],
        "gender": ["Women"],
    }
    prefs = _talk("red trousers for me", "and the same for my brother")
    assert prefs.wanted["article_type"] == ["Trousers"] and prefs.wanted["gender"] == ["Men"]
