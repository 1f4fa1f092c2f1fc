"""Load and validate a catalogue folder (`items.csv`, `images/`, optional purchases and users)."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from fitroom.tools.errors import CatalogError

REQUIRED_COLUMNS = ("item_id", "title", "gender", "category", "article_type", "colour")
INTERACTION_COLUMNS = ("user_id", "item_id", "timestamp")
# H&M publishes only a normalised mean price; other catalogues give a plain `price`.
PRICE_COLUMNS = ("price", "price_mean_norm")
_LISTED = 10  # how many offending ids a message names before it says "and N more"


class ItemFacts(BaseModel):
    """The attributes shared by a catalogue item and its record in the item store."""

    item_id: str
    title: str
    gender: str
    category: str
    article_type: str
    colour: str
    colour_master: str = ""
    pattern: str = ""
    product_code: str = ""
    price: float | None = None


class Item(ItemFacts):
    """One catalogue article. `item_id` is always a string (H&M ids keep their leading zero)."""

    model_config = ConfigDict(frozen=True)

    subcategory: str = ""
    description: str = ""
    image: Path | None = None


class Interaction(BaseModel):
    """One purchase; repeated rows are repeat purchases."""

    model_config = ConfigDict(frozen=True)

    user_id: str
    item_id: str
    timestamp: date
    price: float | None = None


class Problem(BaseModel):
    """One validation finding, phrased as a sentence that names the fix."""

    severity: Literal["error", "warning"]
    message: str


@dataclass
class Catalog:
    """A validated catalogue held in memory."""

    path: Path
    items: list[Item]
    interactions: list[Interaction] = field(default_factory=list)
    user_ids: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # "currency" (a `price` column), "normalised" (H&M's `price_mean_norm`, no currency), "none".
    price_unit: str = "currency"

    @property
    def missing_images(self) -> list[str]:
        return [item.item_id for item in self.items if item.image is None]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def by_id(self) -> dict[str, Item]:
        return {item.item_id: item for item in self.items}


def listing(ids: list[str]) -> str:
    shown = ", ".join(ids[:_LISTED])
    return shown + (f" and {len(ids) - _LISTED} more" if len(ids) > _LISTED else "")


def _parse_price(raw: str) -> float | None:
    """Return the price, None when empty; raise ValueError when it is not a usable number."""
    text = raw.strip()
    if not text:
        return None
    value = float(text)
    if math.isnan(value) or value < 0:
        raise ValueError(text)
    return value


def _read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            return list(reader.fieldnames or []), rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CatalogError(f"Cannot read {path}: {exc}; check it is a UTF-8 CSV file.") from exc


def _row_to_item(folder: Path, item_id: str, row: dict[str, str], price_column: str | None) -> Item:
    """Build one item; raises ValueError when its price is not a usable number."""
    price = _parse_price(row.get(price_column) or "") if price_column else None
    image = folder / (row.get("image") or f"images/{item_id}.jpg")
    optional = {
        key: (row.get(key) or "").strip()
        for key in ("colour_master", "pattern", "subcategory", "description", "product_code")
    }
    optional["product_code"] = optional["product_code"] or item_id
    return Item(
        item_id=item_id,
        **{key: row[key].strip() for key in REQUIRED_COLUMNS if key != "item_id"},
        **optional,
        price=price,
        image=image if image.is_file() else None,
    )


def _error(message: str) -> Problem:
    return Problem(severity="error", message=message)


def _warning(message: str) -> Problem:
    return Problem(severity="warning", message=message)


def _ragged(row: dict[str, str]) -> bool:
    """csv.DictReader fills a short row with None and files a long row's extras under None."""
    return None in row or any(value is None for value in row.values())


@dataclass
class _ItemRowFaults:
    """The items.csv rows left out, by what is wrong with them."""

    ragged: list[str] = field(default_factory=list)
    empty_ids: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    bad_prices: list[str] = field(default_factory=list)


def _read_items(folder: Path, problems: list[Problem]) -> tuple[list[Item], str | None]:
    columns, rows = _read_rows(folder / "items.csv")
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise CatalogError(
            f"{folder / 'items.csv'} lacks the required column(s) {', '.join(missing)}; "
            f"add them (required: {', '.join(REQUIRED_COLUMNS)})."
        )
    price_column = next((c for c in PRICE_COLUMNS if c in columns), None)
    items, faults = _parse_items(folder, rows, price_column)
    problems.extend(_item_errors(faults, price_column))
    missing_images = [i.item_id for i in items.values() if i.image is None]
    if missing_images:
        problems.append(
            _warning(
                f"{len(missing_images)} item(s) have no image file: "
                f"{listing(missing_images)}; they are kept but cannot be "
                "shown or searched by photo."
            )
        )
    return list(items.values()), price_column


def _parse_items(
    folder: Path, rows: list[dict[str, str]], price_column: str | None
) -> tuple[dict[str, Item], _ItemRowFaults]:
    """The items of the rows that are sound, by id, and what is wrong with the others."""
    items: dict[str, Item] = {}
    faults = _ItemRowFaults()
    for line, row in enumerate(rows, start=2):
        item_id = (row.get("item_id") or "").strip()
        if _ragged(row):
            faults.ragged.append(f"line {line}")
        elif not item_id:
            faults.empty_ids.append(f"line {line}")
        elif item_id in items:
            faults.duplicates.append(item_id)
        else:
            try:
                items[item_id] = _row_to_item(folder, item_id, row, price_column)
            except ValueError:
                faults.bad_prices.append(
                    f"{item_id} ({row.get(price_column or '')!r}, line {line})"
                )
    return items, faults


def _item_errors(faults: _ItemRowFaults, price_column: str | None) -> list[Problem]:
    errors: list[Problem] = []
    if faults.ragged:
        errors.append(
            _error(
                f"items.csv has rows whose field count differs from the header on "
                f"{listing(faults.ragged)}; fix their quoting or commas."
            )
        )
    if faults.empty_ids:
        errors.append(
            _error(
                f"items.csv has an empty item_id on {listing(faults.empty_ids)}; "
                "give every row a unique id."
            )
        )
    if faults.duplicates:
        repeated = listing(sorted(set(faults.duplicates)))
        errors.append(_error(f"items.csv repeats the id(s) {repeated}; keep one row per id."))
    if faults.bad_prices:
        errors.append(
            _error(
                f"items.csv has unparseable {price_column} values for "
                f"{listing(faults.bad_prices)}; write a plain non-negative number "
                "or leave it empty."
            )
        )
    return errors


def _read_interactions(folder: Path, known: set[str], problems: list[Problem]) -> list[Interaction]:
    path = folder / "interactions.csv"
    if not path.is_file():
        return []
    columns, rows = _read_rows(path)
    missing = [c for c in INTERACTION_COLUMNS if c not in columns]
    if missing:
        raise CatalogError(
            f"{path} lacks the column(s) {', '.join(missing)}; add them or remove the file."
        )
    out: list[Interaction] = []
    unknown: list[str] = []  # one entry per row skipped, so repeats count
    malformed: list[str] = []
    for line, row in enumerate(rows, start=2):
        if _ragged(row):
            malformed.append(f"line {line}")
        elif (item_id := row["item_id"].strip()) not in known:
            unknown.append(item_id)
        elif (purchase := _row_to_interaction(row, item_id)) is None:
            malformed.append(f"line {line}")
        else:
            out.append(purchase)
    problems.extend(_interaction_warnings(unknown, malformed))
    return out


def _row_to_interaction(row: dict[str, str], item_id: str) -> Interaction | None:
    """The purchase on one row, or None when its date or price is not usable."""
    try:
        when = date.fromisoformat(row["timestamp"].strip()[:10])
        price = _parse_price(row.get("price") or "")
    except ValueError:
        return None
    return Interaction(user_id=row["user_id"].strip(), item_id=item_id, timestamp=when, price=price)


def _interaction_warnings(unknown: list[str], malformed: list[str]) -> list[Problem]:
    warnings: list[Problem] = []
    if unknown:
        warnings.append(
            _warning(
                f"interactions.csv has {len(unknown)} purchase(s) of item(s) "
                f"not in items.csv ({listing(sorted(set(unknown)))}); those rows "
                "are skipped."
            )
        )
    if malformed:
        warnings.append(
            _warning(
                f"interactions.csv has {len(malformed)} malformed row(s) "
                f"({listing(malformed)}); each needs every column, a YYYY-MM-DD date "
                "and a plain-number price."
            )
        )
    return warnings


def read_catalog(folder: Path) -> Catalog:
    """Read a catalogue folder and collect every problem instead of stopping at the first.

    Args:
        folder: A folder with `items.csv` and `images/`; `interactions.csv` and `users.csv`
            are optional.

    Returns:
        The catalogue with its `problems`; rows with errors are left out of `items`.

    Raises:
        CatalogError: The folder or `items.csv` is missing, or a required column is absent.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise CatalogError(
            f"The catalogue folder {folder} does not exist; pass --catalog PATH "
            "or set FITROOM_CATALOG."
        )
    if not (folder / "items.csv").is_file():
        raise CatalogError(
            f"The catalogue folder {folder} has no items.csv; see the README's catalogue format."
        )
    problems: list[Problem] = []
    items, price_column = _read_items(folder, problems)
    interactions = _read_interactions(folder, {i.item_id for i in items}, problems)
    user_ids: list[str] = []
    if (folder / "users.csv").is_file():
        _, users = _read_rows(folder / "users.csv")
        user_ids = [u["user_id"] for u in users if u.get("user_id")]
    return Catalog(folder, items, interactions, user_ids, problems, price_unit=_unit(price_column))


def _unit(price_column: str | None) -> str:
    return {"price": "currency", "price_mean_norm": "normalised"}.get(price_column or "", "none")


def price_unit(folder: Path) -> str:
    """What a catalogue's prices are ("currency", "normalised" or "none"), from its header alone,
    for a search that need not read every row."""
    path = Path(folder).expanduser() / "items.csv"
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            columns = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CatalogError(f"Cannot read {path}: {exc}; check it is a UTF-8 CSV file.") from exc
    return _unit(next((c for c in PRICE_COLUMNS if c in columns), None))


def load_catalog(folder: Path) -> Catalog:
    """Read a catalogue folder and refuse it if it has errors (warnings are kept on the result).

    Args:
        folder: The catalogue folder.

    Returns:
        The validated catalogue.

    Raises:
        CatalogError: With the first error and how many more there are.
    """
    catalog = read_catalog(folder)
    if catalog.errors:
        more = len(catalog.errors) - 1
        suffix = f" ({more} more: run `fitroom catalog check {folder}`)" if more else ""
        raise CatalogError(catalog.errors[0].message + suffix)
    return catalog
