"""`fitroom train image-tower` end to end: data, split, training, held-out check, artefact."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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
from fitroom.tools.image_tower.train import LitRecipe, train_tower
from fitroom.tools.retrieval.embedder import Embedder, Vectors

WEIGHTS_NAME = "image-tower.safetensors"


def weights_path(data_dir: Path) -> Path:
    return data_dir / "models" / WEIGHTS_NAME


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
    from safetensors.torch import save_file

    width, height = image_size(recipe.arch)
    start = time.perf_counter()
    data = prepare(items, text, width, height, data_dir / "cache", on_progress)
    if not data.items:
        raise CatalogError("No catalogue item has a photo; the image tower learns from photos.")
    train_mask, test_mask = split_masks(data.items)
    train, test = data.subset(train_mask), data.subset(test_mask)
    prep_seconds = time.perf_counter() - start
    skipped = ""
    if recipe.shape_pretrain_share > 0 and not fashion_mnist.available(recipe.fashion_mnist):
        # Still a useful tower without it, just a weaker one on garment type; the card says so.
        skipped = f"Fashion-MNIST is not installed at {recipe.fashion_mnist}"
        recipe = recipe.model_copy(update={"shape_pretrain_share": 0.0})
    result = train_tower(train, recipe, on_step=on_progress)
    metrics = evaluate(test, encode_pixels(result.tower, test.pixels), text) if evaluate else {}
    path = weights_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    save_file({k: v.contiguous() for k, v in result.tower.state_dict().items()}, str(tmp))
    tmp.replace(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    card: dict[str, Any] = {
        "artefact": "image-tower",
        "arch": recipe.arch,
        "dim": text.dim,
        "width": width,
        "height": height,
        "text_model_id": text.model_id,
        "weights_sha256": digest,
        "data_hash": data_hash(data.items),
        "split": {
            "by": "product_code",
            "held_out_fraction": HELD_OUT_FRACTION,
            "seed": 0,
            "train_items": len(train.items),
            "held_out_items": len(test.items),
        },
        "recipe": recipe.model_dump(),
        "epochs_done": round(result.epochs_done, 2),
        "shape_pretraining": (
            f"skipped: {skipped}"
            if skipped
            else f"{result.shape_images_seen} Fashion-MNIST images"
            if result.shape_images_seen
            else "off"
        ),
        "losses": result.losses,
        "prep_minutes": round(prep_seconds / 60, 2),
        "train_minutes": round(result.seconds / 60, 2),
        "metrics": metrics,
    }
    write_card(path.with_suffix(".json"), **card)
    return card
