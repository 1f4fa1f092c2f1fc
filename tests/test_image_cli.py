"""Train, index and search by photo through the `fitroom` command line (real MiniLM)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fitroom.cli.main import app
from tests.conftest import draw_garment, garment_catalog

runner = CliRunner()
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("image-cli")
    catalog = garment_catalog(root / "catalog", variants=3)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FITROOM_DATA_DIR", str(root / "data"))
        mp.setenv("FITROOM_CATALOG", str(catalog))
        mp.delenv("FITROOM_CHROMA", raising=False)
        mp.delenv("FITROOM_IMAGE_MODEL", raising=False)
        before = runner.invoke(app, ["index"])
        assert "photos not indexed" in before.output, before.output
        trained = runner.invoke(app, ["train", "image-tower", "--minutes", "0.5", "--epochs", "40"])
        assert trained.exit_code == 0, trained.output
        assert "held-out i2i_p10_article_type" in trained.output
        indexed = runner.invoke(app, ["index"])
        assert indexed.exit_code == 0, indexed.output
        assert "the image store holds 27" in indexed.output
    return root / "data", catalog


@pytest.fixture
def env(trained: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    data, catalog = trained
    monkeypatch.setenv("FITROOM_DATA_DIR", str(data))
    monkeypatch.setenv("FITROOM_CATALOG", str(catalog))
    monkeypatch.delenv("FITROOM_CHROMA", raising=False)
    monkeypatch.delenv("FITROOM_IMAGE_MODEL", raising=False)
    return catalog


def _search(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["search", *args, "--json"])
    assert result.exit_code == 0, result.output
    parsed: dict[str, object] = json.loads(result.output)
    return parsed


def test_card_records_split_and_metrics(env: Path, trained: tuple[Path, Path]) -> None:
    card = json.loads((trained[0] / "models" / "image-tower.json").read_text())
    assert card["split"]["by"] == "product_code" and card["dim"] == 384
    assert set(card["metrics"]) == {
        "i2i_p10_article_type",
        "i2i_p10_colour",
        "i2i_p10_both",
        "t2i_attr_p10",
    }


def test_a_catalogue_photo_finds_itself_first(env: Path) -> None:
    photo = next((env / "images").glob("*.jpg"))
    found = _search("--image", str(photo), "-k", "3")
    items = found["items"]
    assert isinstance(items, list)
    # The three variants of a drawn garment are the same picture, so they tie at the top.
    assert photo.stem in {i["item_id"] for i in items}
    assert all(i["score"] > 0.999 for i in items)
    assert len({(i["colour"], i["article_type"]) for i in items}) == 1


def test_words_steer_a_photo(env: Path, tmp_path: Path) -> None:
    photo = tmp_path / "my red dress.png"
    draw_garment(photo, "Dress", "Red")
    found = _search("--image", str(photo), "but in blue", "-k", "5")
    items = found["items"]
    assert isinstance(items, list) and items
    assert {i["colour"] for i in items} == {"Blue"}
    assert found["image"] == str(photo)


def test_a_bad_photo_is_one_line(env: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.jpg"
    junk.write_text("hello")
    result = runner.invoke(app, ["search", "--image", str(junk)])
    assert result.exit_code == 2
    assert "not an image Pillow can read" in result.output
    assert "Traceback" not in result.output


def test_photo_search_without_a_tower_says_how_to_get_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: Path
) -> None:
    monkeypatch.setenv("FITROOM_DATA_DIR", str(tmp_path / "fresh"))
    photo = next((env / "images").glob("*.jpg"))
    assert runner.invoke(app, ["index"]).exit_code == 0
    result = runner.invoke(app, ["search", "--image", str(photo)])
    assert result.exit_code == 2
    assert "run `fitroom train image-tower` first" in result.output
