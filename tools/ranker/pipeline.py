"""`fitroom train ranker` end to end: held-out check on the time split, then the served model
fitted on every purchase, saved with a card."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from fitroom.tools.catalog.cards import read_card, write_card
from fitroom.tools.catalog.items import Interaction
from fitroom.tools.errors import ConfigError
from fitroom.tools.ranker.fused import FusedRanker, FusedRecipe
from fitroom.tools.ranker.split import PurchaseSplit, per_user_time_split
from fitroom.tools.retrieval.embedder import Vectors

CHECKPOINT_NAME = "ranker.safetensors"
Evaluate = Callable[[FusedRanker, PurchaseSplit], dict[str, Any]]
Progress = Callable[[str, float], None]


def checkpoint_path(data_dir: Path) -> Path:
    return data_dir / "models" / CHECKPOINT_NAME


def purchases_hash(purchases: Sequence[Interaction], item_ids: Sequence[str]) -> str:
    """Identifies the data a ranker learned from (order included: it fixes the user rows)."""
    digest = hashlib.sha256()
    for item_id in item_ids:
        digest.update(f"{item_id}\n".encode())
    for p in purchases:
        digest.update(f"{p.user_id},{p.item_id},{p.timestamp.isoformat()}\n".encode())
    return digest.hexdigest()[:16]


def train_and_save(
    purchases: Sequence[Interaction],
    item_ids: Sequence[str],
    content: Vectors,
    content_model: str,
    data_dir: Path,
    recipe: FusedRecipe,
    evaluate: Evaluate | None = None,
    on_progress: Progress | None = None,
) -> dict[str, Any]:
    """Fit on the per-user time split's train part and measure it on the test part, then fit
    the same recipe on every purchase (the model the agent serves) and save that.

    Returns:
        The card as written next to the checkpoint.
    """
    split = per_user_time_split(purchases)
    start = time.perf_counter()
    metrics, served = _fit(purchases, split, item_ids, content, recipe, evaluate, on_progress)
    seconds = time.perf_counter() - start
    path = checkpoint_path(data_dir)
    _save(path, content, served)
    card: dict[str, Any] = {
        "artefact": "ranker",
        "model": "fused",
        "served_on": "all purchases",
        "weights_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "data_hash": purchases_hash(purchases, item_ids),
        "content_model": content_model,
        "content_dim": int(content.shape[1]),
        "recipe": recipe.model_dump(),
        "split": {"name": split.name, **split.counts()},
        "examples": served.examples,
        "losses": [round(x, 4) for x in served.losses],
        "train_seconds": round(seconds, 1),
        "metrics": metrics,
    }
    write_card(path.with_suffix(".json"), **card)
    return card


def _fit(
    purchases: Sequence[Interaction],
    split: PurchaseSplit,
    item_ids: Sequence[str],
    content: Vectors,
    recipe: FusedRecipe,
    evaluate: Evaluate | None,
    on_progress: Progress | None,
) -> tuple[dict[str, Any], FusedRanker]:
    """The held-out figures of a fit on the split's train part, and the fit on every purchase."""
    held_out = FusedRanker(
        content, recipe, on_epoch=_stage(on_progress, "held-out fit (train split)")
    )
    held_out.fit(split.train, item_ids)
    metrics = evaluate(held_out, split) if evaluate else {}
    served = FusedRanker(
        content, recipe, on_epoch=_stage(on_progress, "served fit (all purchases)")
    )
    served.fit(purchases, item_ids)
    return metrics, served


def _stage(on_progress: Progress | None, name: str) -> Callable[[float], None] | None:
    """A per-epoch callback that reports to `on_progress` under the stage `name`."""
    return (lambda done: on_progress(name, done)) if on_progress else None


def _save(path: Path, content: Vectors, served: FusedRanker) -> None:
    """Write the checkpoint through a temporary file, so a crash never leaves half of it."""
    from safetensors.numpy import save_file

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    save_file({"content": np.ascontiguousarray(content), **served.trained_arrays()}, str(tmp))
    tmp.replace(path)


def load_ranker(
    data_dir: Path, purchases: Sequence[Interaction], item_ids: Sequence[str]
) -> FusedRanker:
    """The served ranker, rebuilt over the purchases it was trained on."""
    from safetensors.numpy import load_file

    path = checkpoint_path(data_dir)
    card = read_card(path.with_suffix(".json"))
    if card is None or not path.is_file():
        raise ConfigError(f"No trained ranker in {path.parent}; run `fitroom train ranker` first.")
    if card["data_hash"] != purchases_hash(purchases, item_ids):
        raise ConfigError(
            f"The ranker in {path.parent} was trained on other purchases or another catalogue; "
            "run `fitroom train ranker` again."
        )
    arrays = load_file(str(path))
    missing = [name for name in ("content", *FusedRanker.TRAINED) if name not in arrays]
    if missing:
        raise ConfigError(
            f"The ranker in {path.parent} lacks {', '.join(missing)} (saved by an older "
            "fitroom); run `fitroom train ranker` again."
        )
    ranker = FusedRanker(arrays["content"], FusedRecipe.model_validate(card["recipe"]))
    ranker.restore(purchases, item_ids, arrays)
    return ranker
