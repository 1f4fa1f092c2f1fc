"""`fitroom bench image-tower`: the trained tower against baselines on held-out products."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.eval.image_eval import MIN_ITEMS, held_out_figures
from fitroom.eval.image_metrics import (
    attribute_queries,
    attribute_query_text,
    i2i_precision,
    steered_type_precision,
    t2i_attribute_precision,
    t2i_title_recall,
)
from fitroom.eval.image_report import write_report
from fitroom.tools.catalog.images import Pixels
from fitroom.tools.errors import ConfigError
from fitroom.tools.image_tower.classic_features import FEATURES
from fitroom.tools.image_tower.data import LitData, data_hash, prepare, product_of, split_masks
from fitroom.tools.image_tower.embedders import LitImageEmbedder
from fitroom.tools.image_tower.pipeline import weights_path
from fitroom.tools.image_tower.tower import build_tower, encode_pixels, random_init_model
from fitroom.tools.retrieval.embedder import Embedder, Vectors
from fitroom.tools.retrieval.search import TEXT_PULL

SPEED_IMAGES = 512


def images_per_second(encode: Callable[[Pixels], Any], pixels: Pixels, repeats: int = 3) -> float:
    """Best of `repeats` timed passes after one warm-up; the best is the least disturbed by
    whatever else the machine is doing."""
    encode(pixels[:32])
    best = min(_timed(encode, pixels) for _ in range(repeats))
    return len(pixels) / best


def _timed(encode: Callable[[Pixels], Any], pixels: Pixels) -> float:
    start = time.perf_counter()
    encode(pixels)
    return time.perf_counter() - start


def _vit_b32_speed(n: int) -> float:
    """open_clip ViT-B-32 at its native 224 px; random weights time the same as real ones."""
    import torch

    model = random_init_model("ViT-B-32").eval()
    batch = torch.randn(n, 3, 224, 224)

    def encode(_: Pixels) -> None:
        with torch.inference_mode():
            for start in range(0, n, 64):
                model.encode_image(batch[start : start + 64])

    return images_per_second(encode, np.zeros((n, 1), dtype=np.uint8), repeats=2)


def _titles(test: LitData) -> list[int]:
    """One query row per held-out product (its first item's title)."""
    seen: dict[str, int] = {}
    for row, item in enumerate(test.items):
        seen.setdefault(product_of(item), row)
    return list(seen.values())


def _steering(test: LitData, vectors: Vectors, tower: LitImageEmbedder) -> dict[str, float]:
    """ "Like this, but in black/white": each held-out photo asks for the commonest colour
    family other than its own; does the result keep the garment type, with and without the
    words' pull?"""
    common = [c for c, _ in Counter(i.colour_master for i in test.items).most_common(2)]
    targets = [common[1] if i.colour_master == common[0] else common[0] for i in test.items]
    pulls = tower.embed_texts([f"like this but in {t.lower()}" for t in targets])
    return {
        f"steer_p10_type_pull_{pull:g}": steered_type_precision(
            vectors, pulls, targets, test.items, pull
        )
        for pull in (0.0, TEXT_PULL)
    }


def _trained_tower(settings: Settings, text: Embedder) -> LitImageEmbedder:
    path = weights_path(settings.data_dir)
    if not path.is_file():
        raise ConfigError(f"No trained image tower at {path}; run `fitroom train image-tower`.")
    return LitImageEmbedder(path, text)


def _held_out_vectors(tower: LitImageEmbedder, test: LitData) -> dict[str, Any]:
    """The held-out photos through the tower, the same tower untrained, and each classical
    feature."""
    return {
        "tower": tower.embed_pixels(test.pixels),
        "random_init": encode_pixels(build_tower(tower.card["arch"], seed=0), test.pixels),
        **{f"baseline_{name}": f(test.pixels) for name, f in FEATURES.items()},
    }


def _baseline_figures(i2i: dict[str, dict[str, float]]) -> dict[str, Any]:
    """The classical features' i2i figures, and the best of them the tower must beat."""
    classical = [n for n in i2i if n.startswith("baseline_")]
    best = max(classical, key=lambda n: i2i[n]["both"])
    return {
        "baseline_colourhist_i2i_p10_article_type": i2i["baseline_colour"]["article_type"],
        "baseline_colourhist_i2i_p10_colour": i2i["baseline_colour"]["colour"],
        "baseline_hog_i2i_p10_article_type": i2i["baseline_hog"]["article_type"],
        "baseline_hog_i2i_p10_colour": i2i["baseline_hog"]["colour"],
        "baseline_best_i2i_p10_both": i2i[best]["both"],
        "baseline_best_name": best.removeprefix("baseline_"),
        "baseline_best_i2i_p10_article_type": max(i2i[n]["article_type"] for n in classical),
        "baseline_best_i2i_p10_colour": max(i2i[n]["colour"] for n in classical),
    }


def _t2i_figures(text: Embedder, test: LitData, vectors: dict[str, Any]) -> dict[str, Any]:
    """Text-to-image beyond `held_out_figures`: every attribute combination, the untrained
    tower on the well-populated ones, and product titles."""
    pairs_all = attribute_queries(test.items)
    queries_all = text.embed_texts([attribute_query_text(c, t) for c, t in pairs_all])
    t2i_all, ceiling_all = t2i_attribute_precision(
        queries_all, pairs_all, vectors["tower"], test.items
    )
    pairs = attribute_queries(test.items, MIN_ITEMS)
    queries = text.embed_texts([attribute_query_text(c, t) for c, t in pairs])
    t2i_random, _ = t2i_attribute_precision(queries, pairs, vectors["random_init"], test.items)
    title_rows = _titles(test)
    title_vectors = text.embed_texts([test.items[r].title for r in title_rows])
    titled = [test.items[r] for r in title_rows]
    r10, mrr = t2i_title_recall(title_vectors, titled, vectors["tower"], test.items)
    return {
        "random_init_t2i_attr_p10": t2i_random,
        "t2i_attr_pairs": len(pairs),
        "t2i_attr_p10_all_pairs": t2i_all,
        "t2i_attr_p10_all_pairs_ceiling": ceiling_all,
        "t2i_attr_all_pairs": len(pairs_all),
        "t2i_title_r10": r10,
        "t2i_title_mrr": mrr,
        "t2i_title_queries": len(title_rows),
    }


def run_image_bench(
    settings: Settings, out: Path, speed_images: int = SPEED_IMAGES
) -> dict[str, Any]:
    """Score the trained tower, a random-init tower and classical features on held-out
    products, time encoding against ViT-B-32, and write `out/image_tower.md`."""
    text = wiring.build_embedder(settings)
    tower = _trained_tower(settings, text)
    card = tower.card
    catalog = wiring.open_catalog(settings)
    data = prepare(catalog.items, text, *tower.size, settings.data_dir / "cache")
    _, test_mask = split_masks(data.items)
    test = data.subset(test_mask)
    vectors = _held_out_vectors(tower, test)
    i2i = {name: i2i_precision(v, test.items) for name, v in vectors.items()}
    figures: dict[str, Any] = held_out_figures(test, vectors["tower"], text)
    t2i = _t2i_figures(text, test, vectors)
    steer = _steering(test, vectors["tower"], tower)
    speed_pixels = test.pixels[np.arange(speed_images) % len(test.pixels)]
    figures.update(
        {
            **_baseline_figures(i2i),
            **t2i,
            "encode_images_per_s": images_per_second(tower.embed_pixels, speed_pixels),
            "vit_b32_images_per_s": _vit_b32_speed(max(speed_images // 4, 8)),
            "train_minutes": card["train_minutes"],
            **steer,
            "held_out_items": len(test.items),
            "held_out_products": t2i["t2i_title_queries"],  # one title query per product
            "i2i": i2i,
            "card": card,
            "data_hash_matches": data_hash(data.items) == card["data_hash"],
        }
    )
    write_report(figures, test, vectors["tower"], out)
    return figures
