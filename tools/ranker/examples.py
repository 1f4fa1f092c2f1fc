"""Training examples that look like the test: a user's earlier purchases predict a later date's.

The test asks "given everything a user bought before their last date, what do they buy on it?",
so each training example asks the same of an earlier date. Popularity is counted as of that
date too; otherwise every training positive would look already-bought and the model would
learn that new items never sell, when nearly half of all test purchases are of such items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.catalog.items import Interaction


@dataclass(frozen=True)
class Examples:
    """Example e: user `users[e]` bought `positives[e]` on date number `dates[e]`, having bought
    `histories[e]` (catalogue rows) before it. `counts_before[d]` is each item's purchase count
    before date number d."""

    users: NDArray[np.int64]
    dates: NDArray[np.int64]
    positives: NDArray[np.int64]
    histories: list[list[int]]
    counts_before: NDArray[np.float32]

    def __len__(self) -> int:
        return len(self.positives)


def causal_examples(
    train: Sequence[Interaction], index: Mapping[str, int], users: Mapping[str, int]
) -> Examples:
    """Every purchase made after the buyer's first purchase date becomes one example."""
    known = [p for p in train if p.item_id in index and p.user_id in users]
    days = sorted({p.timestamp for p in known})
    day_no = {d: n for n, d in enumerate(days)}
    by_user: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(list))
    counts = np.zeros((len(days) + 1, len(index)), dtype=np.float32)
    for p in known:
        by_user[p.user_id][p.timestamp].append(index[p.item_id])
        counts[day_no[p.timestamp] + 1, index[p.item_id]] += 1
    rows_u: list[int] = []
    rows_d: list[int] = []
    positives: list[int] = []
    histories: list[list[int]] = []
    for user, bought in by_user.items():
        before: list[int] = []
        for day in sorted(bought):
            if before:
                history = sorted(set(before))
                for row in bought[day]:
                    rows_u.append(users[user])
                    rows_d.append(day_no[day])
                    positives.append(row)
                    histories.append(history)
            before.extend(bought[day])
    return Examples(
        users=np.asarray(rows_u, dtype=np.int64),
        dates=np.asarray(rows_d, dtype=np.int64),
        positives=np.asarray(positives, dtype=np.int64),
        histories=histories,
        counts_before=np.cumsum(counts, axis=0),
    )
