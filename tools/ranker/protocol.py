"""What the agent asks of a ranker: whom it knows, what they bought, and an ordering.

Nodes depend on this, never on a concrete ranker's arrays, so another ranker (or a remote one)
can serve the agent without touching the graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from fitroom.tools.retrieval.embedder import Vectors


class Ranker(Protocol):
    @property
    def context_width(self) -> int:
        """Dimensions of the content space a session's context vector lives in."""
        ...

    def knows(self, user_id: str) -> bool:
        """Whether `user_id` has purchases the ranker learned from."""
        ...

    def purchases(self, user_id: str) -> list[str]:
        """The item ids `user_id` bought, oldest first (empty for a stranger)."""
        ...

    def rank(
        self,
        user: str | Sequence[str] | None,
        candidate_ids: Sequence[str],
        context_vector: Vectors | None = None,
        popularity: float | None = None,
    ) -> list[tuple[str, float]]:
        """`candidate_ids` best first with their scores, for a user id or a liked-items profile."""
        ...
