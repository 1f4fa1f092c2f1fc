"""Forgetting a shopper: what is remembered across visits, every conversation, and the photos
fitroom kept of them with the try-on pictures made from those photos."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from pydantic import BaseModel, Field

from fitroom.agent.session import Graph, thread_config
from fitroom.memory.backends import thread_ids
from fitroom.memory.long_term import (
    UserMemory,
    forget_memory,
    forget_sessions,
    load_memory,
    namespace,
    sessions_of,
)
from fitroom.tools.tryon.cache import CachedTryOn

_PHOTO_CHANNELS = ("image", "photo", "person_photo")


class Erased(BaseModel):
    """What forgetting a shopper removed."""

    remembered: UserMemory = Field(description="What was remembered across visits.")
    conversations: int = Field(description="Conversations erased, with their photos' paths.")
    photos: int = Field(description="Photos the shopper sent that fitroom had kept.")
    renders: int = Field(description="Try-on pictures made from the shopper's photos.")


def _photos_in(saver: BaseCheckpointSaver[Any], thread: RunnableConfig) -> set[Path]:
    """Every photo a conversation ever held, from each of its checkpoints."""
    found = set()
    for saved in saver.list(thread):
        values = saved.checkpoint.get("channel_values", {})
        found |= {Path(str(values[c])) for c in _PHOTO_CHANNELS if values.get(c)}
    return found


def _owned(path: Path, folders: Iterable[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder.resolve()) for folder in folders)


def forget_shopper_everywhere(
    graph: Graph,
    user_id: str,
    owned: Sequence[Path] = (),
    try_on: CachedTryOn | None = None,
) -> Erased:
    """Erase a shopper's long-term memory, conversations and kept photos.

    Args:
        graph: The compiled graph, with the checkpointer and store the shopper's data is in.
        user_id: The shopper.
        owned: Folders whose photos fitroom made (uploads); a photo elsewhere is the
            operator's own file (`fitroom chat`'s /photo PATH) and is never deleted.
        try_on: The try-on cache, whose pictures of the shopper's photos are deleted.
    """
    store = graph.store
    if store is None:
        raise ValueError("the graph has no store to forget from")
    remembered = load_memory(store, user_id)
    sessions = sessions_of(store, user_id)
    photos: set[Path] = set()
    saver = graph.checkpointer
    threads: set[str] = set()
    if isinstance(saver, BaseCheckpointSaver):
        threads = {thread_config(user_id, s)["configurable"]["thread_id"] for s in sessions}
        # "<shopper label>/": the thread ids `thread_config` gives, including unrecorded ones
        threads |= set(thread_ids(saver, f"{namespace(user_id)[1]}/"))
        for thread in threads:
            photos |= _photos_in(saver, {"configurable": {"thread_id": thread}})
            saver.delete_thread(thread)
    renders = sum(try_on.forget(p) for p in photos if p.is_file()) if try_on else 0
    kept = [p for p in photos if p.is_file() and _owned(p, owned)]
    for photo in kept:
        photo.unlink(missing_ok=True)
    forget_sessions(store, user_id, sessions)
    forget_memory(store, user_id)
    return Erased(
        remembered=remembered, conversations=len(threads), photos=len(kept), renders=renders
    )
