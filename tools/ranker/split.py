"""Time-based train/test splits of purchases: the past trains, the future tests."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from fitroom.tools.catalog.items import Interaction


@dataclass(frozen=True)
class PurchaseSplit:
    """Train and test purchases; every test user also has train purchases."""

    name: str
    train: list[Interaction]
    test: list[Interaction]

    def counts(self) -> dict[str, int]:
        return {
            "train_purchases": len(self.train),
            "train_users": len({i.user_id for i in self.train}),
            "train_items": len({i.item_id for i in self.train}),
            "test_purchases": len(self.test),
            "test_users": len({i.user_id for i in self.test}),
            "test_items": len({i.item_id for i in self.test}),
        }

    def test_baskets(self) -> dict[str, set[str]]:
        """Each test user's purchased items."""
        baskets: dict[str, set[str]] = defaultdict(set)
        for purchase in self.test:
            baskets[purchase.user_id].add(purchase.item_id)
        return dict(baskets)


def per_user_time_split(purchases: Sequence[Interaction]) -> PurchaseSplit:
    """Each user's last purchase date is test, everything earlier train.

    A user whose purchases all fall on one date has no history to predict from, so those
    purchases stay in train (they still tell what is popular) and the user is not tested.
    """
    last: dict[str, date] = {}
    first: dict[str, date] = {}
    for p in purchases:
        last[p.user_id] = max(last.get(p.user_id, p.timestamp), p.timestamp)
        first[p.user_id] = min(first.get(p.user_id, p.timestamp), p.timestamp)
    tested = {user for user in last if first[user] < last[user]}
    test = [p for p in purchases if p.user_id in tested and p.timestamp == last[p.user_id]]
    train = [p for p in purchases if not (p.user_id in tested and p.timestamp == last[p.user_id])]
    return PurchaseSplit("per-user last date", train, test)


def global_time_split(purchases: Sequence[Interaction], test_share: float = 0.1) -> PurchaseSplit:
    """One cut date for everyone: about the last `test_share` of purchases are test, for users
    who bought something before the cut."""
    if not purchases:
        return PurchaseSplit("global time cut", [], [])
    dates = sorted(p.timestamp for p in purchases)
    cut = dates[min(int(len(dates) * (1 - test_share)), len(dates) - 1)]
    train = [p for p in purchases if p.timestamp < cut]
    known = {p.user_id for p in train}
    test = [p for p in purchases if p.timestamp >= cut and p.user_id in known]
    return PurchaseSplit(f"global time cut at {cut.isoformat()}", train, test)
