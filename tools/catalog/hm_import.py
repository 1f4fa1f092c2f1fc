"""Convert the Kaggle "H&M Personalized Fashion Recommendations" files into fitroom's format."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel

from fitroom.tools.errors import CatalogError

ITEM_COLUMNS = [
    "item_id",
    "title",
    "gender",
    "category",
    "subcategory",
    "article_type",
    "colour",
    "season",
    "usage",
    "year",
    "description",
    "pattern",
    "colour_tone",
    "colour_master",
    "department",
    "section",
    "index_name",
    "index_group",
    "product_code",
    "price_mean_norm",
    "n_purchases",
    "image",
]
_FROM_ARTICLES = {
    "title": "prod_name",
    "category": "product_group_name",
    "subcategory": "garment_group_name",
    "article_type": "product_type_name",
    "colour": "colour_group_name",
    "description": "detail_desc",
    "pattern": "graphical_appearance_name",
    "colour_tone": "perceived_colour_value_name",
    "colour_master": "perceived_colour_master_name",
    "department": "department_name",
    "section": "section_name",
    "index_name": "index_name",
    "index_group": "index_group_name",
    "product_code": "product_code",
}
_GENDER_BY_GROUP = {
    "Ladieswear": "Women",
    "Menswear": "Men",
    "Baby/Children": "Kids",
    "Divided": "Women",
}


Prices = dict[str, list[float]]
Progress = Callable[[str, int], None]


class ImportReport(BaseModel):
    items: int
    with_image: int
    purchases: int
    users: int


def hm_gender(index_group: str, section: str) -> str:
    """H&M has no gender column: derive it from the index group, and for Sport from the section."""
    if index_group in _GENDER_BY_GROUP:
        return _GENDER_BY_GROUP[index_group]
    lowered = section.lower()
    if "kid" in lowered or "child" in lowered or "girl" in lowered or "boy" in lowered:
        return "Kids"
    return "Men" if "men" in lowered and "women" not in lowered else "Women"


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def _write_purchases(
    source: Path, target: Path, on_progress: Progress | None
) -> tuple[int, Prices]:
    """Copy transactions and sum each item's prices on the way (H&M has no list price)."""
    prices: Prices = defaultdict(lambda: [0.0, 0])
    count = 0
    with (target / "interactions.csv").open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["user_id", "item_id", "timestamp", "price", "sales_channel_id"])
        for row in _rows(source / "transactions_train.csv"):
            item_id = row["article_id"].zfill(10)
            out.writerow(
                [row["customer_id"], item_id, row["t_dat"], row["price"], row["sales_channel_id"]]
            )
            prices[item_id][0] += float(row["price"])
            prices[item_id][1] += 1
            count += 1
            if on_progress and count % 100_000 == 0:
                on_progress("purchases", count)
    return count, prices


def _write_items(source: Path, target: Path, prices: Prices) -> tuple[int, int]:
    items = with_image = 0
    with (target / "items.csv").open("w", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=ITEM_COLUMNS, extrasaction="ignore")
        out.writeheader()
        for row in _rows(source / "articles.csv"):
            item_id = row["article_id"].zfill(10)
            image = source / "images" / item_id[:3] / f"{item_id}.jpg"
            total, count = prices.get(item_id, (0.0, 0))
            record: dict[str, object] = {k: row.get(c, "") for k, c in _FROM_ARTICLES.items()}
            record.update(
                item_id=item_id,
                image=str(image.resolve()) if image.is_file() else "",
                gender=hm_gender(row["index_group_name"], row["section_name"]),
                price_mean_norm=total / count if count else "",
                n_purchases=int(count),
            )
            out.writerow(record)
            items += 1
            with_image += image.is_file()
    return items, with_image


def _write_users(source: Path, target: Path) -> int:
    columns = ["FN", "Active", "club_member_status", "fashion_news_frequency", "age", "postal_code"]
    users = 0
    with (target / "users.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["user_id", *columns])
        for row in _rows(source / "customers.csv"):
            writer.writerow([row["customer_id"], *(row.get(c, "") for c in columns)])
            users += 1
    return users


def import_hm(
    source: Path,
    target: Path,
    on_progress: Progress | None = None,
    with_purchases: bool = True,
) -> ImportReport:
    """Write `items.csv`, `interactions.csv` and `users.csv` in fitroom's format.

    Args:
        source: The unzipped Kaggle folder (articles.csv, customers.csv, transactions_train.csv,
            images/).
        target: The folder to write; images are referenced in place, not copied.
        on_progress: Called with a stage name and a row count every 100,000 purchases.
        with_purchases: Also convert the 31M-row transactions file (slow).

    Returns:
        How many items, images, purchases and users were written.
    """
    needed = ["articles.csv", "customers.csv"] + (["transactions_train.csv"] * with_purchases)
    missing = [name for name in needed if not (source / name).is_file()]
    if missing:
        raise CatalogError(
            f"{source} lacks {', '.join(missing)}; get them from Kaggle (see the README)."
        )
    target.mkdir(parents=True, exist_ok=True)
    purchases, prices = _write_purchases(source, target, on_progress) if with_purchases else (0, {})
    items, with_image = _write_items(source, target, prices)
    return ImportReport(
        items=items, with_image=with_image, purchases=purchases, users=_write_users(source, target)
    )
