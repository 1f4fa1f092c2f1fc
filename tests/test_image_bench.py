"""The image-tower benchmark end to end on a tiny drawn catalogue, and on the real one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fitroom.agent.settings import Settings
from fitroom.eval.image_bench import run_image_bench
from fitroom.eval.image_eval import held_out_figures
from fitroom.eval.lit_validation import validate_recipe
from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.errors import ConfigError
from fitroom.tools.image_tower.data import prepare, split_masks
from fitroom.tools.image_tower.pipeline import train_and_save
from fitroom.tools.image_tower.tower import build_tower, encode_pixels
from fitroom.tools.image_tower.train import LitRecipe
from fitroom.tools.retrieval.text_embedder import MiniLMEmbedder
from tests.conftest import garment_catalog

REQUIRED_KEYS = {
    "i2i_p10_article_type",
    "i2i_p10_colour",
    "i2i_p10_both",
    "baseline_colourhist_i2i_p10_article_type",
    "baseline_hog_i2i_p10_article_type",
    "baseline_best_i2i_p10_both",
    "t2i_attr_p10",
    "t2i_title_r10",
    "encode_images_per_s",
    "vit_b32_images_per_s",
    "train_minutes",
}


def test_bench_refuses_without_a_trained_tower(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, catalog=tmp_path)
    with pytest.raises(ConfigError, match=r"run `fitroom train image-tower`"):
        run_image_bench(settings, tmp_path / "reports")


@pytest.mark.slow
def test_bench_writes_every_figure_and_the_report(tmp_path: Path, minilm: MiniLMEmbedder) -> None:
    catalog = garment_catalog(tmp_path / "catalog", variants=4)
    settings = Settings(data_dir=tmp_path / "data", catalog=catalog)
    train_and_save(
        load_catalog(catalog).items,
        minilm,
        settings.data_dir,
        LitRecipe(epochs=3, minutes=0.5, shape_pretrain_share=0.0),
    )
    figures = run_image_bench(settings, tmp_path / "reports", speed_images=16)
    assert set(figures) >= REQUIRED_KEYS
    json.dumps({k: v for k, v in figures.items() if k != "card"})  # all JSON-serialisable
    for key in REQUIRED_KEYS - {"encode_images_per_s", "vit_b32_images_per_s", "train_minutes"}:
        assert 0.0 <= figures[key] <= 1.0, key
    assert figures["encode_images_per_s"] > 0 and figures["vit_b32_images_per_s"] > 0
    assert figures["data_hash_matches"] is True
    report = (tmp_path / "reports" / "image_tower.md").read_text()
    assert "| HOG |" in report and "ViT-B-32" in report and "image_tower.png" in report
    assert (tmp_path / "reports" / "image_tower.png").stat().st_size > 10_000


@pytest.mark.slow
@pytest.mark.integration
def test_a_short_run_on_real_photos_learns_something(
    hm_dir: Path, tmp_path: Path, minilm: MiniLMEmbedder
) -> None:
    """Two epochs on the real H&M photos already beat the untrained tower on held-out products:
    the pipeline learns from real data. Bounded by epochs, not the clock, so that a busy
    machine trains just as far."""
    items = load_catalog(hm_dir).items
    card = train_and_save(
        items,
        minilm,
        tmp_path,
        LitRecipe(minutes=10, epochs=2, shape_pretrain_share=0.0),
        evaluate=held_out_figures,
    )
    data = prepare(items, minilm, card["width"], card["height"], tmp_path / "cache")
    _, test_mask = split_masks(data.items)
    test = data.subset(test_mask)
    untrained = held_out_figures(test, encode_pixels(build_tower(), test.pixels), minilm)
    trained = card["metrics"]
    assert card["epochs_done"] == 2
    assert trained["i2i_p10_colour"] > untrained["i2i_p10_colour"] + 0.05
    assert trained["t2i_attr_p10"] > untrained["t2i_attr_p10"] + 0.1
    assert card["split"]["held_out_items"] == len(test.items)


@pytest.mark.slow
def test_recipe_validation_never_sees_held_out_products(tmp_path: Path) -> None:
    catalog_dir = garment_catalog(tmp_path / "catalog", variants=6)
    settings = Settings(data_dir=tmp_path / "data", catalog=catalog_dir)
    recipe = LitRecipe(minutes=0.1, epochs=2, shape_pretrain_share=0.0)
    figures = validate_recipe(settings, recipe)
    items = load_catalog(catalog_dir).items
    train_mask, _ = split_masks(items)
    assert figures["fit_items"] + figures["validation_items"] == int(train_mask.sum())
    assert figures["validation_items"] > 0
    assert 0.0 <= figures["i2i_p10_both"] <= 1.0
