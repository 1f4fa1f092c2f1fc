"""Episodes for the simulated-user evaluation: each is a held-out real purchase to find.

The per-user time split of the ranker issue decides what is held out: the target is a test
purchase, the shopper's history is their earlier (train) purchases, and the user id is the real
one, so the agent's memory of that customer applies. Openings reveal at most two attributes.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Literal

from pydantic import BaseModel

from fitroom.tools.catalog.items import Catalog, Item
from fitroom.tools.ranker.split import PurchaseSplit

Opening = Literal["text", "photo", "mixed"]
_GENDER_WORDS = {"Women": "women", "Men": "men", "Kids": "kids"}
_SOME = {"trousers", "shorts", "jeans", "leggings", "socks"}  # said with "some", not "a"


class Episode(BaseModel):
    """One simulated shopper looking for one held-out purchase."""

    number: int
    user_id: str
    target: str  # item id
    history: list[str]  # the user's train purchases, oldest first
    opening: Literal["text", "photo"]
    text: str
    image: str | None = None  # for a photo opening: another item of the same type


def garment_words(item: Item) -> str:
    """How a shopper names the item's type: "a t-shirt", "some trousers"."""
    kind = item.article_type.split("/")[0].lower()
    if kind in _SOME:
        return f"some {kind}"
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _phrase(target: Item, rng: random.Random) -> str:
    kind = garment_words(target)
    choices = [f"I'm after {kind}"]
    if target.colour_master:
        article, _, noun = kind.partition(" ")
        choices.append(f"I'm looking for {article} {target.colour_master.lower()} {noun}")
    if target.gender in _GENDER_WORDS:
        choices.append(f"Have you got {kind} for {_GENDER_WORDS[target.gender]}?")
    return rng.choice(choices)


def build_episodes(
    catalog: Catalog, split: PurchaseSplit, n: int, opening: Opening, seed: int = 0
) -> list[Episode]:
    """`n` reproducible episodes: distinct shoppers first, drawn with `seed`."""
    items = catalog.by_id()
    history: dict[str, list[str]] = defaultdict(list)
    for purchase in sorted(split.train, key=lambda p: p.timestamp):
        history[purchase.user_id].append(purchase.item_id)
    same_type: dict[str, list[Item]] = defaultdict(list)
    for item in catalog.items:
        if item.image is not None:
            same_type[item.article_type].append(item)
    targets = sorted(
        {(p.user_id, p.item_id) for p in split.test if p.item_id in items},
    )
    rng = random.Random(seed)
    rng.shuffle(targets)
    first: list[tuple[str, str]] = []  # each shopper's first drawn purchase
    seen: set[str] = set()
    for user, item_id in targets:
        if user not in seen:
            seen.add(user)
            first.append((user, item_id))
    chosen = set(first)
    order = first + [t for t in targets if t not in chosen]
    episodes: list[Episode] = []
    for number, (user, item_id) in enumerate(order[:n]):
        target = items[item_id]
        kind: Literal["text", "photo"] = (
            opening if opening != "mixed" else ("text" if number % 2 == 0 else "photo")
        )
        others = [
            i for i in same_type[target.article_type] if i.product_code != target.product_code
        ]
        photo = rng.choice(others) if kind == "photo" and others else None
        episodes.append(
            Episode(
                number=number,
                user_id=user,
                target=item_id,
                history=history[user],
                opening="photo" if photo else "text",
                text="something like this" if photo else _phrase(target, rng),
                image=str(photo.image) if photo else None,
            )
        )
    return episodes
