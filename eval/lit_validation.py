"""Recipe selection without touching the held-out split: train on most of the train split and
score on a validation carve-out of it (another 20% of its products, by a differently seeded
hash)."""

from __future__ import annotations

from typing import Any

import numpy as np

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.eval.image_eval import held_out_figures
from fitroom.tools.image_tower.data import Progress, held_out, prepare, product_of, split_masks
from fitroom.tools.image_tower.tower import encode_pixels, image_size
from fitroom.tools.image_tower.train import LitRecipe, train_tower

VALIDATION_SEED = 1


def validate_recipe(
    settings: Settings, recipe: LitRecipe, on_step: Progress | None = None
) -> dict[str, Any]:
    """Validation figures of `recipe` (the same ones the held-out check reports)."""
    text = wiring.build_embedder(settings)
    catalog = wiring.open_catalog(settings)
    width, height = image_size(recipe.arch)
    data = prepare(catalog.items, text, width, height, settings.data_dir / "cache")
    train_mask, _ = split_masks(data.items)
    train = data.subset(train_mask)
    val_mask = np.array([held_out(product_of(i), VALIDATION_SEED) for i in train.items])
    fit, val = train.subset(~val_mask), train.subset(val_mask)
    result = train_tower(fit, recipe, on_step=on_step)
    figures = held_out_figures(val, encode_pixels(result.tower, val.pixels), text)
    return {
        "recipe": recipe.model_dump(mode="json"),
        "fit_items": len(fit.items),
        "validation_items": len(val.items),
        "epochs_done": round(result.epochs_done, 2),
        "train_minutes": round(result.seconds / 60, 2),
        **{k: round(v, 4) for k, v in figures.items()},
    }
