"""Long-term memory: counts, persistence across sessions, isolation, forgetting."""

from __future__ import annotations

from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.memory import InMemoryStore

from fitroom.agent.graph import build_graph
from fitroom.agent.session import serializer
from fitroom.memory.backends import sqlite_memory, thread_ids
from fitroom.memory.long_term import (
    UserMemory,
    forget_memory,
    load_memory,
    namespace,
    remember_turn,
    save_memory,
    starting_preferences,
)
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.errors import InvalidQueryError


def test_a_stated_taste_persists_until_said_otherwise() -> None:
    store = InMemoryStore()
    hates_stripes = Preferences(excluded={"pattern": ["Stripe"]}, lasting={"pattern": ["Stripe"]})
    save_memory(store, "ana", remember_turn(UserMemory(), Preferences(), hates_stripes))
    tomorrow = starting_preferences(load_memory(store, "ana"))
    assert tomorrow.excluded == {"pattern": ["Stripe"]} == tomorrow.lasting
    assert tomorrow.wanted == {}
    stripes_ok = Preferences(wanted={"pattern": ["Stripe"]})
    memory = remember_turn(load_memory(store, "ana"), tomorrow, stripes_ok)
    assert memory.liked == {"pattern": {"Stripe": 1}} and memory.disliked == {}
    assert starting_preferences(memory).excluded == {}


def test_a_correction_of_the_picks_holds_for_the_session_only() -> None:
    store = InMemoryStore()
    corrected = Preferences(excluded={"colour_master": ["Black"]}, rejected=["i9"], max_price=0.02)
    save_memory(store, "ana", remember_turn(UserMemory(), Preferences(), corrected))
    tomorrow = starting_preferences(load_memory(store, "ana"))
    assert (tomorrow.excluded, tomorrow.rejected, tomorrow.max_price) == ({}, [], None)


def test_users_never_see_each_other_and_forget_is_per_user() -> None:
    store = InMemoryStore()
    save_memory(store, "ana", UserMemory(liked_items=["i1"]))
    save_memory(store, "a.b@x", UserMemory(liked_items=["i2"]))  # not a plain label: hashed
    assert load_memory(store, "bob").is_empty()
    assert load_memory(store, "a.b@x").liked_items == ["i2"]
    forget_memory(store, "ana")
    assert load_memory(store, "ana").is_empty()
    assert load_memory(store, "a.b@x").liked_items == ["i2"]
    assert namespace("a.b@x") != namespace("a_b_x")
    with pytest.raises(InvalidQueryError, match="user id is empty"):
        namespace("  ")


def test_purchases_are_counted_in_once() -> None:
    from fitroom.memory.long_term import with_purchases
    from fitroom.tools.catalog.items import ItemFacts

    tee = ItemFacts(
        item_id="t1",
        title="Tee",
        gender="Men",
        category="Garment Upper body",
        article_type="T-shirt",
        colour="Black",
        colour_master="Black",
        pattern="Solid",
    )
    once = with_purchases(UserMemory(rejected_items=["x"]), [tee, tee])
    assert once.liked["article_type"] == {"T-shirt": 2} and once.liked_items == ["t1"]
    assert with_purchases(once, [tee]) == once and once.rejected_items == ["x"]


def test_garments_an_occasion_suggested_and_wants_taken_back_are_no_likes() -> None:
    gym = Preferences(
        wanted={"article_type": ["Shorts", "Bra"], "colour_master": ["White"]},
        suggested=["Shorts", "Bra"],
    )
    memory = remember_turn(UserMemory(), Preferences(), gym)
    assert memory.liked == {"colour_master": {"White": 1}}
    taken_back = Preferences(
        wanted={"article_type": ["Shorts", "Bra"]},
        excluded={"colour_master": ["White"]},
        suggested=["Shorts", "Bra"],
    )
    assert remember_turn(memory, gym, taken_back).liked == {}


def test_a_dislike_said_to_be_fine_now_is_gone_next_visit_and_is_no_like() -> None:
    store = InMemoryStore()
    hates_grey = Preferences(
        excluded={"colour_master": ["Grey"], "colour": ["Dark Grey"]},
        lasting={"colour_master": ["Grey"], "colour": ["Dark Grey"]},
    )
    save_memory(store, "ana", remember_turn(UserMemory(), Preferences(), hates_grey))
    tomorrow = starting_preferences(load_memory(store, "ana"))
    grey_is_fine = Preferences(excluded={"colour": []}, lasting={"colour": []})  # lifted
    memory = remember_turn(load_memory(store, "ana"), tomorrow, grey_is_fine)
    assert memory.disliked == {} and memory.liked == {}
    assert starting_preferences(memory).excluded == {}


@pytest.mark.parametrize("backend", ["sqlite", "memory"])
def test_a_shopper_s_threads_are_found_by_their_prefix_only(tmp_path: Path, backend: str) -> None:
    saver = (
        sqlite_memory(tmp_path, serializer()).checkpointer
        if backend == "sqlite"
        else InMemorySaver(serde=serializer())
    )
    graph = build_graph(saver, InMemoryStore())
    for thread in ("a_b/1", "a_b/2", "aXb/1", "a_bc/1"):  # "_" is no wildcard here
        graph.update_state({"configurable": {"thread_id": thread}}, {"text": "hi"})
    assert sorted(thread_ids(saver, "a_b/")) == ["a_b/1", "a_b/2"]
