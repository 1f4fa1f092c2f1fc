"""Small JSON cards that say what an artefact is, what built it, and when."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def write_card(path: Path, **fields: Any) -> Path:
    """Write `fields` plus a UTC timestamp as pretty JSON, replacing any older card."""
    path.parent.mkdir(parents=True, exist_ok=True)
    card = {**fields, "created": datetime.now(UTC).isoformat(timespec="seconds")}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(card, indent=2, default=str) + "\n")
    tmp.replace(path)  # a crash mid-write never leaves a half card behind
    return path


def read_card(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text())
    return data
