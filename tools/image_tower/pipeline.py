"""`fitroom train image-tower` end to end: data, split, training, held-out check, artefact."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fitroom.tools.catalog.cards import write_card
from fitroom.tools.catalog.items import Item
from fitroom.tools.errors import CatalogError
from fitroom.tools.image_tower import fashion_mnist
from fitroom.tools.image_tower.data import (
    HELD_OUT_FRACTION,
    LitData,
    Progress,
    data_hash,
    prepare,
    split_masks,
)
from fitroom.tools.image_tower.tower import encode_pixels, image_size
from fitroom.tools.image_tower.train import LitRecipe, TrainResult, train_tower
from fitroom.tools.retrieval.embedder import Embedder, Vectors

if TYPE_CHECKING:
    import torch

WEIGHTS_NAME = "image-tower.safetensors"


def weights_path(data_dir: Path) -> Path:
    return data_dir / "models" / WEIGHTS_NAME


@dataclass
class _Prepared:
    """The catalogue's photos and text targets, split by product code."""

    data: LitData
    train: LitData
    test: LitData
    width: int
    height: int
    seconds: float


def train_and_save(
    items: Sequence[Item],
    text: Embedder,
    data_dir: Path,
    recipe: LitRecipe,
    on_progress: Progress | None = None,
    evaluate: Callable[[LitData, Vectors, Embedder], dict[str, float]] | None = None,
) -> dict[str, Any]:
    """Train the tower on the train split and write its weights and card to `data_dir/models`.

    Args:
        items: The catalogue; items without a photo are left out.
        text: The frozen text encoder whose vectors are the targets.
        data_dir: Where the weights, card and the text-target cache go.
        recipe: What to train.
        on_progress: Reports the data, training and saving stages.
        evaluate: Optional held-out check, given (held-out data, held-out vectors, text encoder);
            its figures are recorded in the card.

    Returns:
        The card as written.
    """
    prepared = _prepare(items, text, data_dir, recipe, on_progress)
    recipe, skipped = _without_missing_shapes(recipe)
    result = train_tower(prepared.train, recipe, on_step=on_progress)
    test = prepared.test
    metrics = evaluate(test, encode_pixels(result.tower, test.pixels), text) if evaluate else {}
    path = weights_path(data_dir)
    digest = _save_weights(result.tower, path)
    card = _card(prepared, recipe, text, result, digest, skipped, metrics)
    write_card(path.with_suffix(".json"), **card)
    return card


def _prepare(
    items: Sequence[Item],
    text: Embedder,
    data_dir: Path,
    recipe: LitRecipe,
    on_progress: Progress | None,
) -> _Prepared:
    width, height = image_size(recipe.arch)
    start = time.perf_counter()
    data = prepare(items, text, width, height, data_dir / "cache", on_progress)
    if not data.items:
        raise CatalogError("No catalogue item has a photo; the image tower learns from photos.")
    train_mask, test_mask = split_masks(data.items)
    train, test = data.subset(train_mask), data.subset(test_mask)
    return _Prepared(data, train, test, width, height, time.perf_counter() - start)


def _without_missing_shapes(recipe: LitRecipe) -> tuple[LitRecipe, str]:
    """The recipe less shape pretraining when Fashion-MNIST is absent, and why it was dropped."""
    if recipe.shape_pretrain_share > 0 and not fashion_mnist.available(recipe.fashion_mnist):
        # Still a useful tower without it, just a weaker one on garment type; the card says so.
        skipped = f"Fashion-MNIST is not installed at {recipe.fashion_mnist}"
        return recipe.model_copy(update={"shape_pretrain_share": 0.0}), skipped
    return recipe, ""


def _save_weights(tower: torch.nn.Module, path: Path) -> str:
    """Write the weights through a temporary file, so a crash never leaves half of them;
    returns their SHA-256."""
    from safetensors.torch import save_file

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    save_file({k: v.contiguous() for k, v in tower.state_dict().items()}, str(tmp))
    tmp.replace(path)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _card(
    prepared: _Prepared,
    recipe: LitRecipe,
    text: Embedder,
    result: TrainResult,
    digest: str,
    skipped: str,
    metrics: dict[str, float],
) -> dict[str, Any]:
    return {
        "artefact": "image-tower",
        "arch": recipe.arch,
        "dim": text.dim,
        "width": prepared.width,
        "height": prepared.height,
        "text_model_id": text.model_id,
        "weights_sha256": digest,
        "data_hash": data_hash(prepared.data.items),
        "split": {
            "by": "product_code",
            "held_out_fraction": HELD_OUT_FRACTION,
            "seed": 0,
            "train_items": len(prepared.train.items),
            "held_out_items": len(prepared.test.items),
        },
        "recipe": recipe.model_dump(),
        "epochs_done": round(result.epochs_done, 2),
        "shape_pretraining": _shape_note(skipped, result.shape_images_seen),
        "losses": result.losses,
        "prep_minutes": round(prepared.seconds / 60, 2),
        "train_minutes": round(result.seconds / 60, 2),
        "metrics": metrics,
    }


def _shape_note(skipped: str, images_seen: int) -> str:
    if skipped:
        return f"skipped: {skipped}"
    return f"{images_seen} Fashion-MNIST images" if images_seen else "off"
