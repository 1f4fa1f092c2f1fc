"""Converting Kaggle-format H&M files into a catalogue that loads."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from fitroom.cli.main import app
from fitroom.tools.catalog.hm_import import hm_gender, import_hm
from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.errors import CatalogError

ARTICLE_COLUMNS = [
    "article_id",
    "product_code",
    "prod_name",
    "product_type_name",
    "product_group_name",
    "graphical_appearance_name",
    "colour_group_name",
    "perceived_colour_value_name",
    "perceived_colour_master_name",
    "department_name",
    "index_name",
    "index_group_name",
    "section_name",
    "garment_group_name",
    "detail_desc",
]
ARTICLES = [
    [
        "108775015",
        "108775",
        "Strap top",
        "Vest top",
        "Garment Upper body",
        "Solid",
        "Black",
        "Dark",
        "Black",
        "Jersey Basic",
        "Ladieswear",
        "Ladieswear",
        "Womens Everyday Basics",
        "Jersey Basic",
        "Jersey top with narrow straps.",
    ],
    [
        "706016001",
        "706016",
        "Jade HW Skinny",
        "Trousers",
        "Garment Lower body",
        "Denim",
        "Blue",
        "Medium Dusty",
        "Blue",
        "Trousers",
        "Divided",
        "Divided",
        "Ladies Denim",
        "Trousers Denim",
        "High-waisted jeans.",
    ],
    [
        "568601006",
        "568601",
        "Sport tee",
        "T-shirt",
        "Garment Upper body",
        "Solid",
        "White",
        "Light",
        "White",
        "Men Sport Tops",
        "Sport",
        "Sport",
        "Men H&M Sport",
        "Jersey Fancy",
        "",
    ],
]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def kaggle(tmp_path: Path) -> Path:
    source = tmp_path / "kaggle"
    (source / "images" / "010").mkdir(parents=True)
    (source / "images" / "070").mkdir(parents=True)
    _write(source / "articles.csv", ARTICLE_COLUMNS, ARTICLES)
    _write(
        source / "transactions_train.csv",
        ["t_dat", "customer_id", "article_id", "price", "sales_channel_id"],
        [
            ["2020-09-01", "c1", "108775015", "0.01", "2"],
            ["2020-09-02", "c1", "108775015", "0.03", "2"],
            ["2020-09-03", "c2", "706016001", "0.05", "1"],
        ],
    )
    _write(
        source / "customers.csv",
        [
            "customer_id",
            "FN",
            "Active",
            "club_member_status",
            "fashion_news_frequency",
            "age",
            "postal_code",
        ],
        [
            ["c1", "", "", "ACTIVE", "NONE", "24", "p1"],
            ["c2", "1", "1", "ACTIVE", "NONE", "", "p2"],
        ],
    )
    for item_id in ("0108775015", "0706016001"):
        Image.new("RGB", (4, 6)).save(source / "images" / item_id[:3] / f"{item_id}.jpg")
    return source


def test_import_produces_a_loadable_catalogue(kaggle: Path, tmp_path: Path) -> None:
    report = import_hm(kaggle, tmp_path / "out")
    assert (report.items, report.with_image, report.purchases, report.users) == (3, 2, 3, 2)
    catalog = load_catalog(tmp_path / "out")
    items = catalog.by_id()
    assert set(items) == {"0108775015", "0706016001", "0568601006"}
    assert items["0108775015"].price == pytest.approx(0.02)
    assert items["0568601006"].price is None
    assert [items[i].gender for i in ("0108775015", "0706016001", "0568601006")] == [
        "Women",
        "Women",
        "Men",
    ]
    assert items["0706016001"].article_type == "Trousers" and items["0706016001"].image
    assert catalog.missing_images == ["0568601006"]
    assert [x.item_id for x in catalog.interactions] == ["0108775015", "0108775015", "0706016001"]
    assert catalog.user_ids == ["c1", "c2"]


@pytest.mark.parametrize(
    ("group", "section", "gender"),
    [
        ("Menswear", "Men Suits", "Men"),
        ("Baby/Children", "Kids Boy", "Kids"),
        ("Sport", "Ladies H&M Sport", "Women"),
        ("Sport", "Kids Sports", "Kids"),
    ],
)
def test_gender_derivation(group: str, section: str, gender: str) -> None:
    assert hm_gender(group, section) == gender


def test_missing_kaggle_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"lacks articles\.csv, customers\.csv; get them"):
        import_hm(tmp_path, tmp_path / "out", with_purchases=False)


def test_cli_import(kaggle: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["catalog", "import-hm", str(kaggle), str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "wrote 3 items (2 with images), 3 purchases and 2 users" in result.output
