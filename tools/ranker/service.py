"""What the agent calls at run time: rank a shortlist for a user, a liked-items profile, or a
shopper nobody knows yet."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.ranker.fused import FusedRanker
from fitroom.tools.retrieval.embedder import Vectors


def rank_items(
    ranker: FusedRanker,
    user: str | Sequence[str] | None,
    candidate_ids: Sequence[str],
    context_vector: Vectors | None = None,
    popularity: float | None = None,
) -> list[tuple[str, float]]:
    """`candidate_ids` best first, with their scores.

    Args:
        ranker: A fitted fused ranker.
        user: A user id (an unknown one is a new user), or a profile: the ids of items the
            shopper liked or bought, or None for nobody in particular.
        candidate_ids: The shortlist to order; an empty one gives an empty ranking.
        context_vector: The session's stated preferences in the ranker's content space (see
            `content.content_vector`); with no history it is blended with popularity.
        popularity: The popularity weight for this ranking, in place of the ranker's own.
            Across the catalogue popularity adds nothing (reports/ranker.md), but among items
            that already match every stated filter it separates the likely from the rest.
    """
    if not candidate_ids:
        return []
    candidates = np.asarray(ranker.rows(candidate_ids), dtype=np.int64)
    if context_vector is not None and context_vector.shape != (ranker.content.shape[1],):
        raise InvalidQueryError(
            f"The context vector has shape {context_vector.shape}; this ranker's content "
            f"vectors have {ranker.content.shape[1]} dimensions."
        )
    if isinstance(user, str):
        rows = ranker.history.get(user, [])
        user_row = ranker.users.get(user)
    else:
        rows = ranker.rows(list(user or []))
        user_row = None
    scores = ranker.scores_for(rows, user_row, context_vector, candidates, popularity)
    order = np.argsort(-scores, kind="stable")
    return [(candidate_ids[i], float(scores[i])) for i in order]
