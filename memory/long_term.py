"""Long-term memory: what each shopper likes and dislikes, kept across sessions in a LangGraph
Store under that shopper's own namespace."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from langgraph.store.base import BaseStore
from pydantic import BaseModel, Field

from fitroom.tools.catalog.items import ItemFacts
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.errors import InvalidQueryError

_KEY = "profile"
_SESSIONS = "sessions"
_PLAIN_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")

Counts = dict[str, dict[str, int]]  # attribute -> label -> times said


class UserMemory(BaseModel):
    """Everything remembered about one shopper."""

    liked: Counts = Field(default_factory=dict)
    disliked: Counts = Field(default_factory=dict)
    liked_items: list[str] = Field(default_factory=list)
    # Written by versions that kept "not that one" across visits; read for `memory show` only.
    rejected_items: list[str] = Field(default_factory=list)
    with_purchases: bool = False  # the customer's purchase history has been counted in
    own_gender: str | None = None  # the department they said was theirs ("I'm a guy")

    def is_empty(self) -> bool:
        return not (self.liked or self.disliked or self.liked_items or self.rejected_items)


def namespace(user_id: str) -> tuple[str, str]:
    """The user's own namespace; ids the store cannot hold as a label are hashed, never mixed."""
    user_id = user_id.strip()
    if not user_id:
        raise InvalidQueryError("The user id is empty; give any name, for example --user alex.")
    if _PLAIN_ID.match(user_id):
        return ("users", user_id)
    return ("users", "h-" + hashlib.sha256(user_id.encode()).hexdigest()[:32])


def load_memory(store: BaseStore, user_id: str) -> UserMemory:
    found = store.get(namespace(user_id), _KEY)
    return UserMemory.model_validate(found.value) if found else UserMemory()


def save_memory(store: BaseStore, user_id: str, memory: UserMemory) -> None:
    store.put(namespace(user_id), _KEY, memory.model_dump())


def forget_memory(store: BaseStore, user_id: str) -> None:
    store.delete(namespace(user_id), _KEY)


def note_session(store: BaseStore, user_id: str, session: str) -> None:
    """Record that `session` is one of the shopper's conversations, so forgetting them can
    find every one (the checkpointer has no search by thread prefix)."""
    store.put((*namespace(user_id), _SESSIONS), session, {})


def sessions_of(store: BaseStore, user_id: str) -> list[str]:
    """The shopper's recorded conversations."""
    ns = (*namespace(user_id), _SESSIONS)
    found, offset = [], 0
    while page := store.search(ns, limit=100, offset=offset):
        found += [item.key for item in page]
        offset += len(page)
    return found


def forget_sessions(store: BaseStore, user_id: str, sessions: Sequence[str]) -> None:
    ns = (*namespace(user_id), _SESSIONS)
    for session in sessions:
        store.delete(ns, session)


def _bump(counts: Counts, attribute: str, label: str) -> None:
    counts.setdefault(attribute, {})
    counts[attribute][label] = counts[attribute].get(label, 0) + 1


def _drop(counts: Counts, attribute: str, label: str) -> None:
    counts.get(attribute, {}).pop(label, None)
    if attribute in counts and not counts[attribute]:
        del counts[attribute]  # nothing left to say about it


def remember_turn(memory: UserMemory, before: Preferences, after: Preferences) -> UserMemory:
    """Memory after a turn moved the preferences from `before` to `after`: new wants count as
    likes (not the garments an occasion suggested) and lift an old dislike, and a want taken
    back is no like; an exclusion stated as taste ("I hate florals") counts as a dislike until
    said otherwise ("florals are fine now" takes it back). Corrections of the picks on screen
    ("not black", "not the first one", "cheaper") are left to the session."""
    memory = memory.model_copy(deep=True)
    memory.own_gender = after.own_gender or memory.own_gender
    if after.for_someone_else():
        return memory  # "a jumper for my dad, nothing with a pattern" is his taste, not theirs
    for attribute, labels in after.wanted.items():
        for label in set(labels) - set(before.wanted.get(attribute, [])):
            if after.suggests(attribute, label):
                continue  # what an occasion called for ("gym": shorts, bras) is no taste
            if attribute == "gender":
                continue  # who it is for ("for my brother") is no taste of the shopper's
            _bump(memory.liked, attribute, label)
            _drop(memory.disliked, attribute, label)
    for attribute, labels in after.excluded.items():
        for label in set(labels) - set(before.excluded.get(attribute, [])):
            if label in before.wanted.get(attribute, []):
                _drop(memory.liked, attribute, label)  # "white is good" ... "not white after all"
    for attribute, labels in after.lasting.items():
        for label in set(labels) - set(before.lasting.get(attribute, [])):
            _bump(memory.disliked, attribute, label)
            _drop(memory.liked, attribute, label)
    for attribute, labels in before.lasting.items():
        for label in set(labels) - set(after.lasting.get(attribute, [])):
            _drop(memory.disliked, attribute, label)  # "grey is fine now", for good
    memory.liked_items = list(dict.fromkeys([*memory.liked_items, *after.liked]))
    return memory


def lift_dislike(memory: UserMemory, attribute: str, label: str) -> UserMemory:
    """Memory with one dislike taken back ("stripes are fine after all")."""
    memory = memory.model_copy(deep=True)
    _drop(memory.disliked, attribute, label)
    return memory


def starting_preferences(memory: UserMemory) -> Preferences:
    """A new session starts from the remembered dislikes and the shopper's own department (other
    wants are per session: yesterday's dress does not make today's request a dress, and neither
    does yesterday's "not that one")."""
    disliked = {a: sorted(labels) for a, labels in memory.disliked.items() if labels}
    return Preferences(
        # a request that names nobody is the shopper's own, in the department they gave;
        # naming someone else replaces it (`agent/recipient.py`)
        wanted={"gender": [memory.own_gender]} if memory.own_gender else {},
        excluded=disliked,
        lasting={a: list(labels) for a, labels in disliked.items()},  # its own lists
        liked=list(memory.liked_items),
        own_gender=memory.own_gender,
    )


def with_purchases(memory: UserMemory, bought: Sequence[ItemFacts]) -> UserMemory:
    """A known customer's memory with what their purchases say they like counted in, once."""
    if memory.with_purchases:
        return memory
    memory = memory.model_copy(deep=True)
    memory.with_purchases = True
    ids = [i.item_id for i in bought]
    memory.liked_items = list(dict.fromkeys([*ids, *memory.liked_items]))
    for item in bought:
        for attribute in ("article_type", "colour_master", "pattern"):
            label = getattr(item, attribute)
            if label:
                _bump(memory.liked, attribute, label)
    return memory
