"""The agent graph's typed state and what one turn replies."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import BaseModel
from typing_extensions import TypedDict

from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.answer import Topic
from fitroom.tools.conversation.clarify import Question
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.reader.price_tiers import Tier
from fitroom.tools.retrieval.search import ItemCard
from fitroom.tools.tryon.types import can_try_on


class ShownItem(ItemCard):
    """One recommended item as the shopper sees it."""

    image: str
    explanation: str

    @classmethod
    def of(cls, item: Item, explanation: str, tier: Tier | None = None) -> ShownItem:
        fields = item.model_dump(
            include=set(cls.model_fields) - {"image", "explanation", "price_tier"}
        )
        return cls(
            **fields,
            image=str(item.image or ""),
            explanation=explanation,
            price_tier=tier,
            try_on=can_try_on(item.article_type, item.title),
        )


class Understood(BaseModel):
    """What the agent understood so far, in catalogue labels, for the shopper to check."""

    wants: dict[str, list[str]] = {}
    excluded: dict[str, list[str]] = {}
    occasion: str | None = None
    price_min: float | None = None  # in the catalogue's units, from "premium" or a number
    price_max: float | None = None  # from "cheap", "under 40" or "cheaper"

    @classmethod
    def of(cls, prefs: Preferences) -> Understood:
        families = [x.casefold() for x in prefs.excluded.get("colour_master", [])]
        excluded = {
            # "not white" also rules out the shades named after it; the family says it all.
            a: [x for x in labels if a != "colour" or not any(f in x.casefold() for f in families)]
            for a, labels in prefs.excluded.items()
        }
        return cls(
            wants={a: v for a, v in prefs.wanted.items() if v},
            excluded={a: v for a, v in excluded.items() if v},
            occasion=prefs.occasion,
            price_min=prefs.min_price,
            price_max=prefs.max_price,
        )


class Reply(BaseModel):
    """What the agent says back: recommendations (with at most one clarifying question beside
    them), a try-on, or a plain message."""

    type: Literal["recommendations", "tryon", "message"]
    text: str
    items: list[ShownItem] = []
    image: str | None = None  # a try-on's rendered picture
    asked: str | None = None  # the attribute a question beside the picks asks about
    notes: list[str] = []
    llm_drafts: int = 0  # explanations the LLM wrote this turn
    llm_grounded: int = 0  # of those, the ones every claim of which checked out
    understood: Understood | None = None  # the wants and exclusions after this turn


class TurnInput(TypedDict):
    """What one turn brings into the graph: who, their words, and an optional photo."""

    user_id: str
    text: str
    image: NotRequired[str | None]


class AgentState(TypedDict, total=False):
    """One conversation thread; the checkpointer keeps it between turns."""

    user_id: str
    text: str
    image: str | None
    started: bool
    prefs: Preferences
    before: Preferences  # the preferences at the start of this turn, for memory
    just_show: bool
    intent: Literal["search", "answer", "tryon"]
    target: str | None  # the shown item an "answer" or "tryon" turn is about
    topic: Topic | None  # what an "answer" turn asks
    person_photo: str | None  # the shopper's own photo, kept for further try-ons
    photo: str | None  # the "like this" photo the search is anchored to, kept across turns
    feedback: list[str]  # what this turn said about the items shown last
    turn_notes: list[str]  # said alongside this turn's reply, whatever path it took
    asked: list[str]  # attributes asked about this conversation
    candidates: list[str]  # retrieved item ids, retrieval order
    question: Question | None
    shown: list[str]  # item ids shown last turn
    seen: list[str]  # every item id shown this conversation, oldest first
    reply: Reply | None


# Models the checkpointer may rebuild from its stored bytes, and nothing else.
_MODELS = [
    ("fitroom.tools.conversation.preferences", "Preferences"),
    ("fitroom.tools.conversation.clarify", "Question"),
    ("fitroom.agent.state", "Reply"),
    ("fitroom.agent.state", "Understood"),
    ("fitroom.agent.state", "ShownItem"),
    ("fitroom.tools.retrieval.search", "ItemCard"),
]
# Checkpoints written before tools/ was grouped into subpackages name these module paths; the
# serializer makes each old path an alias of the new one, so those conversations still resume.
MOVED_MODULES = {
    "fitroom.tools.preferences": "fitroom.tools.conversation.preferences",
    "fitroom.tools.clarify": "fitroom.tools.conversation.clarify",
    "fitroom.tools.search": "fitroom.tools.retrieval.search",
}
_RENAMED = {new: old for old, new in MOVED_MODULES.items()}
CHECKPOINTED = _MODELS + [(_RENAMED[m], name) for m, name in _MODELS if m in _RENAMED]

# What a node returns: the state keys it changes.
Update = AgentState
