"""Per-episode outcomes of the simulated-user evaluation, and their aggregates with bootstrap
95% intervals."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from pydantic import BaseModel

MAX_TURNS = 5
FAILED_TURNS = MAX_TURNS + 1  # a failure counts as one turn past the limit


class Outcome(BaseModel):
    """What happened in one episode under one configuration."""

    episode: int
    success_turn: int | None = None  # the turn whose list held the target (1-based)
    ranks: list[int | None] = []  # per turn: the target's 0-based position in the list shown
    questions: list[str] = []  # attributes asked, in order
    shown_explanations: int = 0
    grounded_explanations: int = 0
    dialogue: list[tuple[str, str]] = []  # (speaker, text), for the report's failed examples
    leaks_regenerated: int = 0  # LLM simulator replies thrown away for naming the item
    leak_fallbacks: int = 0  # turns where the LLM simulator fell back to the template


def _hit_by(outcome: Outcome, turn: int, k: int) -> float:
    return float(any(r is not None and r < k for r in outcome.ranks[:turn]))


def _ndcg10(outcome: Outcome) -> float:
    best = min((r for r in outcome.ranks if r is not None and r < 10), default=None)
    return 0.0 if best is None else 1.0 / math.log2(best + 2)


def per_episode(outcome: Outcome) -> dict[str, float]:
    turn = outcome.success_turn
    success = turn is not None and turn <= MAX_TURNS
    row = {
        "success@5": float(success),
        "ndcg@10": _ndcg10(outcome),
        "avg_turns": float(turn if turn is not None and success else FAILED_TURNS),
        "questions": float(len(outcome.questions)),
    }
    for k in (1, 5, 10):
        row[f"recall@{k}"] = _hit_by(outcome, MAX_TURNS, k)
    return row


def _interval(values: np.ndarray[Any, Any], rng: np.random.Generator, draws: int) -> list[float]:
    picks = rng.integers(0, len(values), size=(draws, len(values)))
    means = values[picks].mean(axis=1)
    return [round(float(np.percentile(means, 2.5)), 4), round(float(np.percentile(means, 97.5)), 4)]


def aggregate(outcomes: list[Outcome], seed: int = 0, draws: int = 1000) -> dict[str, Any]:
    """Means over episodes, 95% bootstrap intervals (episodes resampled), per-turn recall."""
    rows = [per_episode(o) for o in outcomes]
    rng = np.random.default_rng(seed)
    figures: dict[str, Any] = {"episodes": len(outcomes)}
    for key in ("success@5", "recall@1", "recall@5", "recall@10", "ndcg@10", "avg_turns"):
        values = np.array([r[key] for r in rows])
        figures[key] = round(float(values.mean()), 4)
        figures[f"{key}_ci95"] = _interval(values, rng, draws)
    successes = [o for o in outcomes if o.success_turn is not None]
    asked = sum(len(o.questions) for o in successes)
    figures["questions_per_success"] = round(asked / len(successes), 3) if successes else None
    shown = sum(o.shown_explanations for o in outcomes)
    grounded = sum(o.grounded_explanations for o in outcomes)
    figures["groundedness"] = round(grounded / shown, 4) if shown else None
    figures["success_by_turn"] = [
        round(
            float(np.mean([o.success_turn is not None and o.success_turn <= t for o in outcomes])),
            4,
        )
        for t in range(1, MAX_TURNS + 1)
    ]
    figures["recall@10_by_turn"] = [
        round(float(np.mean([_hit_by(o, t, 10) for o in outcomes])), 4)
        for t in range(1, MAX_TURNS + 1)
    ]
    return figures


def paired_difference(
    full: list[Outcome], other: list[Outcome], seed: int = 0, draws: int = 1000
) -> dict[str, Any]:
    """full minus another configuration, episode by episode (both ran the same episodes), on
    success@5 and on turns taken, each with a 95% bootstrap interval; and how many episodes
    only one of them solved. Paired, the intervals are far narrower than the two separate ones
    suggest."""
    a = [per_episode(o) for o in full]
    b = [per_episode(o) for o in other]
    rng = np.random.default_rng(seed)
    figures: dict[str, Any] = {}
    for key in ("success@5", "avg_turns"):
        diff = np.array([x[key] - y[key] for x, y in zip(a, b, strict=True)])
        figures[f"{key}_difference"] = round(float(diff.mean()), 4)
        figures[f"{key}_difference_ci95"] = _interval(diff, rng, draws)
    won = np.array([x["success@5"] for x in a]) - np.array([y["success@5"] for y in b])
    figures["only_full"] = int((won > 0).sum())
    figures["only_other"] = int((won < 0).sum())
    return figures
