"""Catalogue loading and validation, on tiny malformed fixtures and on the real sample data."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitroom.tools.catalog.items import load_catalog, read_catalog
from fitroom.tools.errors import CatalogError
from tests.conftest import COLUMNS, TINY_ROWS, CatalogFactory


def test_valid_catalogue_loads_typed_items(make_catalog: CatalogFactory) -> None:
    catalog = load_catalog(make_catalog())
    assert [i.item_id for i in catalog.items] == [r[0] for r in TINY_ROWS]
    first = catalog.items[0]
    assert first.item_id == "0100000001"  # the leading zero survives
    assert first.price == pytest.approx(0.03)
    assert catalog.items[1].price is None
    assert first.image is not None and first.image.is_file()
    assert catalog.problems == []


def test_missing_required_column_is_named(make_catalog: CatalogFactory) -> None:
    columns = [c for c in COLUMNS if c != "article_type"]
    rows = [[v for c, v in zip(COLUMNS, r, strict=True) if c != "article_type"] for r in TINY_ROWS]
    with pytest.raises(CatalogError, match=r"lacks the required column.*article_type"):
        load_catalog(make_catalog(rows, columns=columns))


def test_duplicate_ids_are_an_error_naming_them(make_catalog: CatalogFactory) -> None:
    folder = make_catalog([*TINY_ROWS, TINY_ROWS[2]])
    with pytest.raises(CatalogError, match=r"repeats the id.*0100000003"):
        load_catalog(folder)


def test_unparseable_price_is_an_error_naming_the_row(make_catalog: CatalogFactory) -> None:
    rows = [r.copy() for r in TINY_ROWS]
    rows[3][-1] = "ten euros"
    rows[4][-1] = "-1"
    catalog = read_catalog(make_catalog(rows))
    assert len(catalog.errors) == 1
    message = catalog.errors[0].message
    assert "0100000004" in message and "ten euros" in message and "0100000005" in message
    with pytest.raises(CatalogError, match="unparseable"):
        load_catalog(make_catalog(rows))


def test_missing_images_are_counted_not_fatal(make_catalog: CatalogFactory) -> None:
    folder = make_catalog()
    (folder / "images" / "0100000002.jpg").unlink()
    (folder / "images" / "0100000004.jpg").unlink()
    catalog = load_catalog(folder)
    assert catalog.missing_images == ["0100000002", "0100000004"]
    assert len(catalog.items) == len(TINY_ROWS)
    assert any("2 item(s) have no image" in p.message for p in catalog.problems)


def test_interactions_with_unknown_items_are_skipped_and_reported(
    make_catalog: CatalogFactory,
) -> None:
    rows = [
        ["u1", "0100000001", "2020-01-02", "0.03", "2"],
        ["u1", "0999999999", "2020-01-03", "0.03", "2"],
        ["u2", "0100000003", "not a date", "0.05", "1"],
        ["u2", "0100000003"],
    ]
    catalog = load_catalog(make_catalog(interactions=rows))
    assert [(x.user_id, x.item_id) for x in catalog.interactions] == [("u1", "0100000001")]
    messages = " ".join(p.message for p in catalog.problems)
    assert "0999999999" in messages and "2 malformed row(s) (line 4, line 5)" in messages


def test_rows_with_too_few_or_too_many_fields_are_an_error(make_catalog: CatalogFactory) -> None:
    rows = [r.copy() for r in TINY_ROWS]
    rows[1] = rows[1][:3]
    rows[3] = [*rows[3], "stray"]
    catalog = read_catalog(make_catalog(rows))
    assert [p.message for p in catalog.errors] == [
        "items.csv has rows whose field count differs from the header on line 3, line 5; "
        "fix their quoting or commas."
    ]
    assert [i.item_id for i in catalog.items] == ["0100000001", "0100000003", "0100000005"]


def test_missing_folder_says_how_to_point_at_one(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"does not exist.*FITROOM_CATALOG"):
        load_catalog(tmp_path / "nowhere")


def test_folder_without_items_csv(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"no items\.csv"):
        load_catalog(tmp_path)


@pytest.mark.integration
def test_real_sample_catalogue(hm_dir: Path) -> None:
    catalog = load_catalog(hm_dir)
    assert len(catalog.items) == 8588
    assert all(len(i.item_id) == 10 and i.item_id.isdigit() for i in catalog.items)
    assert sum(i.item_id.startswith("0") for i in catalog.items) == 8588
    assert sum(i.price is not None for i in catalog.items) == 4116
    assert len(catalog.interactions) == 9925
    assert catalog.missing_images == []
    assert len({i.product_code for i in catalog.items}) < len(catalog.items)


def test_the_price_unit_follows_the_price_column(make_catalog: CatalogFactory) -> None:
    assert load_catalog(make_catalog()).price_unit == "normalised"  # H&M's price_mean_norm
    currency = [c if c != "price_mean_norm" else "price" for c in COLUMNS]
    assert load_catalog(make_catalog(columns=currency)).price_unit == "currency"
    unpriced = [row[:-1] for row in TINY_ROWS]
    assert load_catalog(make_catalog(unpriced, columns=COLUMNS[:-1])).price_unit == "none"
