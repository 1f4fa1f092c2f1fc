"""Shared fixtures: tiny catalogues written on the fly, the real sample data, real MiniLM."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from fitroom.tools.catalog.items import Item
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.text_embedder import MiniLMEmbedder
from tests.fakes import FakeEmbedder

HM_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "hm"
TRYON_DIR = HM_DIR.parent / "tryon"
HM_TYPES = ("Dress", "Sweater", "T-shirt", "Trousers", "Shirt", "Skirt", "Blouse")


def hm_subset(items: list[Item], per_group: int = 22) -> list[Item]:
    """Up to `per_group` women's and men's items of each common type, lowest ids first: a few
    hundred real items, small enough to index in seconds."""
    picked: list[Item] = []
    for kind in HM_TYPES:
        for gender in ("Women", "Men"):
            pool = sorted(
                (i for i in items if i.article_type == kind and i.gender == gender),
                key=lambda i: i.item_id,
            )
            picked += pool[:per_group]
    return picked


COLUMNS = [
    "item_id",
    "title",
    "gender",
    "category",
    "article_type",
    "colour",
    "colour_master",
    "pattern",
    "description",
    "product_code",
    "price_mean_norm",
]

TINY_ROWS = [
    [
        "0100000001",
        "Solo dress",
        "Women",
        "Garment Full body",
        "Dress",
        "Black",
        "Black",
        "Solid",
        "Short black dress in jersey.",
        "100000",
        "0.03",
    ],
    [
        "0100000002",
        "Solo dress",
        "Women",
        "Garment Full body",
        "Dress",
        "Dark Blue",
        "Blue",
        "Solid",
        "Short dress in jersey.",
        "100000",
        "",
    ],
    [
        "0100000003",
        "Knit jumper",
        "Men",
        "Garment Upper body",
        "Sweater",
        "Dark Blue",
        "Blue",
        "Stripe",
        "Striped jumper in soft knit.",
        "100001",
        "0.05",
    ],
    [
        "0100000004",
        "Basic tee",
        "Men",
        "Garment Upper body",
        "T-shirt",
        "White",
        "White",
        "Solid",
        "T-shirt in cotton jersey.",
        "100002",
        "0.01",
    ],
    [
        "0100000005",
        "Linen trousers",
        "Women",
        "Garment Lower body",
        "Trousers",
        "Beige",
        "Beige",
        "Solid",
        "Wide trousers in linen.",
        "100003",
        "0.04",
    ],
]

CatalogFactory = Callable[..., Path]


def write_catalog(
    folder: Path,
    rows: list[list[str]],
    columns: list[str] | None = None,
    images: bool = True,
    interactions: list[list[str]] | None = None,
) -> Path:
    """Write a catalogue folder with 8x12 px images; returns the folder."""
    columns = columns or COLUMNS
    (folder / "images").mkdir(parents=True, exist_ok=True)
    with (folder / "items.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    if images:
        for row in rows:
            Image.new("RGB", (8, 12), (20, 20, 20)).save(folder / "images" / f"{row[0]}.jpg")
    if interactions is not None:
        with (folder / "interactions.csv").open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["user_id", "item_id", "timestamp", "price", "sales_channel_id"])
            writer.writerows(interactions)
    return folder


@pytest.fixture
def make_catalog(tmp_path: Path) -> CatalogFactory:
    counter = iter(range(1000))

    def make(rows: list[list[str]] | None = None, **kwargs: object) -> Path:
        folder = tmp_path / f"catalog{next(counter)}"
        return write_catalog(folder, TINY_ROWS if rows is None else rows, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def hm_dir() -> Path:
    if not (HM_DIR / "items.csv").is_file():
        pytest.fail(f"The sample catalogue is missing at {HM_DIR}; this test needs ../shared/data.")
    return HM_DIR


@pytest.fixture(scope="session")
def minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder()


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def store(tmp_path: Path, fake_embedder: FakeEmbedder) -> ChromaItemStore:
    client = open_client(f"path:{tmp_path / 'chroma'}")
    return ChromaItemStore(client, "test-items", fake_embedder.model_id, fake_embedder.dim)


GARMENT_COLOURS = {"Black": (15, 15, 15), "Red": (200, 20, 30), "Blue": (30, 50, 200)}
GARMENT_TYPES = {
    "Dress": [(130, 80, 230, 480)],
    "Trousers": [(110, 60, 170, 500), (190, 60, 250, 500)],
    "T-shirt": [(60, 100, 300, 200), (130, 100, 230, 380)],
}


def draw_garment(path: Path, article_type: str, colour: str) -> None:
    """A 360x540 catalogue-style photo: a flat garment silhouette on white."""
    from PIL import ImageDraw

    image = Image.new("RGB", (360, 540), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for box in GARMENT_TYPES[article_type]:
        draw.rectangle(box, fill=GARMENT_COLOURS[colour])
    image.save(path, quality=95)


def garment_catalog(folder: Path, variants: int = 2) -> Path:
    """Every colour x type, `variants` products each, with drawn photos."""
    rows = []
    n = 0
    for article_type in GARMENT_TYPES:
        for colour in GARMENT_COLOURS:
            for v in range(variants):
                n += 1
                rows.append(
                    [
                        f"02{n:08d}",
                        f"{colour} {article_type.lower()} {v}",
                        "Women",
                        "Garment",
                        article_type,
                        colour,
                        colour,
                        "Solid",
                        f"A plain {colour.lower()} {article_type.lower()}.",
                        f"2{n:05d}",
                        "0.02",
                    ]
                )
    write_catalog(folder, rows, images=False)
    for row in rows:
        draw_garment(folder / "images" / f"{row[0]}.jpg", row[4], row[5])
    return folder
