"""Everything the app does besides drawing: the agent and its memory, built once per server.

Kept free of Streamlit so the same functions serve the app, its tests and anything else.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from fitroom.agent.context import AgentContext
from fitroom.agent.forget import Erased, forget_shopper_everywhere
from fitroom.agent.services import Services
from fitroom.agent.session import Graph, run_turn, thread_config
from fitroom.agent.settings import Settings, load_settings
from fitroom.agent.state import Reply
from fitroom.memory.long_term import (
    UserMemory,
    lift_dislike,
    load_memory,
    save_memory,
)
from fitroom.tools.catalog.images import open_rgb
from fitroom.tools.conversation.explain import explanation_prompt
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.errors import FitroomError
from fitroom.tools.llm.chat import complete
from fitroom.tools.reader.cue_words import ORDINALS
from fitroom.tools.retrieval.search import SearchRequest
from fitroom.tools.tryon.cache import CachedTryOn

_NAMES = {"article_type": "type", "colour_master": "colour family", "colour": "shade"}


class Chip(BaseModel):
    """One understood label as the app shows it above the picks."""

    attribute: str
    label: str
    excluded: bool = False

    @property
    def text(self) -> str:
        return f"not {self.label}" if self.excluded else self.label


def chips(reply: Reply) -> list[Chip]:
    """The wants, then the exclusions, the agent understood after `reply`'s turn."""
    understood = reply.understood
    if understood is None:
        return []
    wanted = [Chip(attribute=a, label=x) for a, xs in understood.wants.items() for x in xs]
    ruled = [
        Chip(attribute=a, label=x, excluded=True)
        for a, xs in understood.excluded.items()
        for x in xs
    ]
    return wanted + ruled


def _shades(prefs: Preferences, family: str) -> list[str]:
    """The shades ruled out with a colour family ("not white" also rules out Off White)."""
    return [x for x in prefs.excluded.get("colour", []) if family.casefold() in x.casefold()]


@dataclass
class Backend:
    """The agent bound to its backends, and what the sidebar says about them."""

    context: AgentContext
    graph: Graph
    memory: Any  # a LangGraph BaseStore
    notes: list[str] = field(default_factory=list)
    llm: str = "none (templates)"
    catalogue: str = ""
    index_size: int = 0
    samples: list[Path] = field(default_factory=list)  # sample person photos for try-on
    try_on: CachedTryOn | None = None  # its pictures of a shopper go when they are forgotten

    def turn(self, user: str, session: str, text: str, image: Path | None = None) -> Reply:
        return run_turn(
            self.graph, self.context, user, session, text, str(image) if image else None
        )

    def drop(self, user: str, session: str, chip: Chip) -> Reply:
        """Take one understood want or exclusion back (a chip's cross), then show fresh picks
        without it; a lasting dislike taken back is forgotten too."""
        config = thread_config(user, session)
        prefs = self.graph.get_state(config).values.get("prefs") or Preferences()
        prefs = prefs.model_copy(deep=True)
        kept = prefs.excluded if chip.excluded else prefs.wanted
        labels = [chip.label] + (_shades(prefs, chip.label) if chip.excluded else [])
        for attribute in {chip.attribute, "colour"} if chip.excluded else {chip.attribute}:
            kept[attribute] = [x for x in kept.get(attribute, []) if x not in labels]
        if chip.excluded and chip.label in prefs.lasting.get(chip.attribute, []):
            prefs.lasting[chip.attribute].remove(chip.label)
            save_memory(
                self.memory, user, lift_dislike(self.remembered(user), chip.attribute, chip.label)
            )
        if not chip.excluded and chip.attribute == "article_type":
            prefs.suggested = [x for x in prefs.suggested if x != chip.label]
        self.graph.update_state(config, {"prefs": prefs}, as_node="remember")
        return self.turn(user, session, "show me more")

    def remembered(self, user: str) -> UserMemory:
        return load_memory(self.memory, user)

    def forget(self, user: str, uploads: Path) -> Erased:
        """Erase the shopper's memory, conversations, photos uploaded in `uploads` and the
        try-on pictures made from them."""
        return forget_shopper_everywhere(self.graph, user, [uploads], self.try_on)


def build_backend(settings: Settings | None = None) -> Backend:
    """The configured agent over SQLite memory in the data directory (seconds: MiniLM, the
    index, the ranker; the LLM and the try-on models load on first use)."""
    services = Services(settings or load_settings())
    settings, context = services.settings, services.context
    # The first search pays for MiniLM's first forward pass and the index's first read; pay it
    # here, while the page is already up, not on the shopper's first message.
    found = context.search(SearchRequest(query="a black dress", k=5))
    if context.chat is not None and found.items:
        # Loading 1 GB of weights and reading the fixed prompt prefix is seconds of work; do it
        # now rather than on the first reply. A broken LLM is reported by the first turn.
        with suppress(FitroomError):
            item = context.items[found.items[0].item_id]
            complete(context.chat, explanation_prompt(item, Preferences()), max_tokens=1)
    samples = settings.tryon_samples
    return Backend(
        context=context,
        graph=services.graph,
        memory=services.memory.store,
        notes=services.notes,
        llm=context.chat.model_id if context.chat else "none (templates)",
        catalogue=f"{settings.catalog} ({len(context.items):,} items)",
        index_size=services.store.count(),
        samples=sorted((samples / "person").glob("*.jpg")) if samples else [],
        try_on=services.try_on,
    )


def photo_problem(path: Path) -> str | None:
    """Why a photo cannot be used (one sentence), or None when it opens."""
    try:
        open_rgb(path, min_size=(16, 16)).close()
    except FitroomError as error:
        return str(error)
    return None


def feedback_text(action: str, position: int) -> str:
    """The words a card's button sends, as a shopper would type them."""
    ordinal = ORDINALS[position] if position < len(ORDINALS) else f"{position + 1}th"
    return {
        "more": f"more like the {ordinal} one",
        "not": f"not the {ordinal} one",
        "try": f"try the {ordinal} one on",
    }[action]


def memory_lines(memory: UserMemory) -> list[str]:
    """What is remembered, in words, strongest first."""
    lines = []
    for heading, counts in (("likes", memory.liked), ("dislikes", memory.disliked)):
        for attribute, labels in counts.items():
            ranked = sorted(labels.items(), key=lambda kv: -kv[1])
            said = ", ".join(f"{label} ({n})" for label, n in ranked)
            lines.append(f"{heading} {_NAMES.get(attribute, attribute)}: {said}")
    if memory.liked_items:
        lines.append(f"liked items: {len(memory.liked_items)}")
    if memory.rejected_items:
        lines.append(f"items ruled out: {len(memory.rejected_items)}")
    return lines
