"""Both memories built in one place: conversation checkpoints (short-term) and the per-shopper
store (long-term)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.serde.base import SerializerProtocol
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.store.base import BaseStore
from langgraph.store.sqlite import SqliteStore


class Memory(NamedTuple):
    checkpointer: BaseCheckpointSaver[str]
    store: BaseStore


def sqlite_memory(folder: Path, serde: SerializerProtocol) -> Memory:
    """Checkpoints and the shopper store in SQLite files in `folder`; `serde` decides which
    classes a checkpoint may rebuild (the agent's state owns that list)."""
    folder.mkdir(parents=True, exist_ok=True)
    saver = SqliteSaver(
        sqlite3.connect(folder / "checkpoints.sqlite", check_same_thread=False), serde=serde
    )
    # The store manages its own transactions: it needs the connection in autocommit mode.
    store_db = sqlite3.connect(
        folder / "memory.sqlite", check_same_thread=False, isolation_level=None
    )
    store = SqliteStore(store_db)
    store.setup()
    return Memory(saver, store)


def thread_ids(saver: BaseCheckpointSaver[str], prefix: str) -> list[str]:
    """Every conversation thread whose id starts with `prefix` (a shopper's own), found in the
    backend itself: threads written before sessions were recorded have no other trace."""
    if isinstance(saver, SqliteSaver):
        with saver.cursor(transaction=False) as cur:
            escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            cur.execute(
                "SELECT DISTINCT thread_id FROM checkpoints WHERE thread_id LIKE ? ESCAPE '\\'",
                (f"{escaped}%",),
            )
            return [row[0] for row in cur.fetchall()]
    if isinstance(saver, InMemorySaver):
        return [t for t in saver.storage if t.startswith(prefix)]
    found = (c.config["configurable"]["thread_id"] for c in saver.list(None))
    return sorted({t for t in found if str(t).startswith(prefix)})
