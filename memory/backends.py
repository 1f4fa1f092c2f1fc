"""Both memories built in one place: conversation checkpoints (short-term) and the per-shopper
store (long-term)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from langgraph.checkpoint.base import BaseCheckpointSaver
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
