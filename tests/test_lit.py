"""LiT training: the split, the loop, and the saved artefact."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray

from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.errors import ConfigError
from fitroom.tools.image_tower import fashion_mnist
from fitroom.tools.image_tower.data import held_out, prepare, split_masks
from fitroom.tools.image_tower.embedders import LitImageEmbedder
from fitroom.tools.image_tower.pipeline import train_and_save
from fitroom.tools.image_tower.tower import build_tower, encode_pixels
from fitroom.tools.image_tower.train import LitRecipe, train_tower
from tests.conftest import garment_catalog
from tests.fakes import FakeEmbedder

# No shape pretraining unless a test asks for it: it needs Fashion-MNIST and a minute. The
# epochs bound the run, not the clock: on a loaded machine a one-minute budget stopped training
# early and the quality assertions failed for want of epochs, not of a working tower.
QUICK = LitRecipe(
    epochs=60,
    minutes=10.0,
    batch_size=18,
    lr=3e-3,
    max_shift=0.02,
    max_zoom=0.02,
    shape_pretrain_share=0.0,
)


def test_split_is_by_product_hash_and_about_a_fifth() -> None:
    codes = [str(700000 + i) for i in range(2000)]
    share = np.mean([held_out(c) for c in codes])
    assert 0.17 < share < 0.23
    assert [held_out(c) for c in codes] == [held_out(c) for c in codes]
    assert [held_out(c, seed=1) for c in codes] != [held_out(c) for c in codes]


def test_colour_variants_never_straddle_the_split(tmp_path: Path) -> None:
    catalog = load_catalog(garment_catalog(tmp_path / "cat"))
    items = [i.model_copy(update={"product_code": i.article_type}) for i in catalog.items]
    train, test = split_masks(items)
    for article_type in {i.article_type for i in items}:
        sides = {
            bool(t) for i, t in zip(items, test, strict=True) if i.article_type == article_type
        }
        assert len(sides) == 1
    assert (train ^ test).all()


@pytest.fixture
def garments(tmp_path: Path) -> Path:
    return garment_catalog(tmp_path / "garments")


@pytest.mark.slow
def test_training_pulls_photos_onto_their_texts(garments: Path) -> None:
    text = FakeEmbedder(dim=384)
    data = prepare(load_catalog(garments).items, text, 64, 96)
    before = encode_pixels(build_tower(), data.pixels)
    result = train_tower(data, QUICK)
    after = encode_pixels(result.tower, data.pixels)

    def own_text_rank1(vectors: NDArray[Any]) -> float:
        return float(
            np.mean(np.argmax(vectors @ data.texts.T, axis=1) == np.arange(len(data.items)))
        )

    def same_colour_type(vectors: NDArray[Any]) -> float:
        nearest = np.argmax(vectors @ data.texts.T, axis=1)
        pairs = [(i.colour, i.article_type) for i in data.items]
        return float(np.mean([pairs[n] == pairs[i] for i, n in enumerate(nearest)]))

    assert same_colour_type(after) >= 0.9
    assert same_colour_type(after) > same_colour_type(before) + 0.3
    assert own_text_rank1(after) > own_text_rank1(before)
    assert result.losses[-1] < result.losses[0]


def test_the_clock_stops_training(garments: Path) -> None:
    data = prepare(load_catalog(garments).items, FakeEmbedder(dim=384), 64, 96)
    result = train_tower(
        data, LitRecipe(epochs=10_000, minutes=0.02, batch_size=6, shape_pretrain_share=0.0)
    )
    assert result.epochs_done < 10_000
    assert result.seconds < 10


def test_saved_tower_reloads_and_records_what_built_it(garments: Path, tmp_path: Path) -> None:
    text = FakeEmbedder(dim=384)
    catalog = load_catalog(garments)
    card = train_and_save(
        catalog.items,
        text,
        tmp_path / "data",
        LitRecipe(epochs=2, minutes=0.5, batch_size=8, shape_pretrain_share=0.0),
    )
    assert card["shape_pretraining"] == "off"
    weights = tmp_path / "data" / "models" / "image-tower.safetensors"
    assert card["weights_sha256"] == hashlib.sha256(weights.read_bytes()).hexdigest()
    assert card["dim"] == 384 and card["text_model_id"] == text.model_id
    split = card["split"]
    assert split["train_items"] + split["held_out_items"] == len(catalog.items)
    embedder = LitImageEmbedder(weights, text)
    assert embedder.model_id.endswith(card["weights_sha256"][:12])
    photos = [i.image for i in catalog.items[:4] if i.image]
    first, again = embedder.embed_images(photos), embedder.embed_images(photos)
    assert first.shape == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(first, again, rtol=1e-5)
    with pytest.raises(ConfigError, match=r"aligned to fake-bow-384.*retrain"):
        LitImageEmbedder(weights, FakeEmbedder(dim=384, model_id="other"))


def test_an_untrained_tower_never_loads(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"run `fitroom train image-tower` first"):
        LitImageEmbedder(tmp_path / "image-tower.safetensors", FakeEmbedder(dim=384))


def _fake_fashion_mnist(folder: Path, n: int = 64) -> Path:
    """Fashion-MNIST's idx format: tall bars are class 0, wide bars class 1."""
    images = np.zeros((n, 28, 28), dtype=np.uint8)
    labels = np.arange(n, dtype=np.uint8) % 2
    for row, label in enumerate(labels):
        if label:
            images[row, 10:18, 2:26] = 255
        else:
            images[row, 2:26, 10:18] = 255
    folder.mkdir(parents=True)
    for prefix in ("train", "t10k"):
        with gzip.open(folder / f"{prefix}-images-idx3-ubyte.gz", "wb") as f:
            f.write(b"\0" * 16 + images.tobytes())
        with gzip.open(folder / f"{prefix}-labels-idx1-ubyte.gz", "wb") as f:
            f.write(b"\0" * 8 + labels.tobytes())
    return folder


def test_shape_pretraining_runs_first_and_is_recorded(garments: Path, tmp_path: Path) -> None:
    shapes = _fake_fashion_mnist(tmp_path / "fmnist")
    images, labels = fashion_mnist.load(shapes)
    assert images.shape == (128, 28, 28) and set(labels.tolist()) == {0, 1}
    photos = fashion_mnist.as_photos(images[:2], 64, 96).numpy()
    assert photos.shape == (2, 96, 64, 3)
    assert photos[0, 0, 0].tolist() == [255, 255, 255]  # white studio background
    assert photos[0, 48, 32].tolist() == [0, 0, 0]  # the garment, dark
    stages: list[str] = []
    recipe = LitRecipe(minutes=0.05, shape_pretrain_share=0.5, fashion_mnist=shapes, batch_size=8)
    data = prepare(load_catalog(garments).items, FakeEmbedder(dim=384), 64, 96)
    result = train_tower(data, recipe, on_step=lambda stage, done: stages.append(stage))
    assert result.shape_images_seen > 0
    assert stages[0] == "shape pretraining" and stages[-1] == "training"


def test_missing_fashion_mnist_falls_back_and_says_so(garments: Path, tmp_path: Path) -> None:
    recipe = LitRecipe(minutes=0.05, fashion_mnist=tmp_path / "nowhere", batch_size=8)
    card = train_and_save(
        load_catalog(garments).items, FakeEmbedder(dim=384), tmp_path / "data", recipe
    )
    assert card["shape_pretraining"].startswith("skipped: Fashion-MNIST is not installed")
    assert card["recipe"]["shape_pretrain_share"] == 0.0
    with pytest.raises(ConfigError, match=r"apt-get install dataset-fashion-mnist"):
        fashion_mnist.load(tmp_path / "nowhere")
