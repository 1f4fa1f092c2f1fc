"""Write the image-tower benchmark as `image_tower.md` plus a PNG grid of sample queries."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from fitroom.eval.image_metrics import K
from fitroom.tools.image_tower.data import LitData, product_of
from fitroom.tools.retrieval.embedder import Vectors

GOALS = {
    "both_ratio": 1.6,
    "t2i_attr_p10": 0.5,
    "speed_ratio": 5.0,
    "train_minutes": 15.0,
}
_SAMPLES = 8
_SHOWN = 5


def _grid(test: LitData, vectors: Vectors, path: Path, seed: int = 0) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and CI
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(seed)
    queries = rng.choice(len(test.items), size=min(_SAMPLES, len(test.items)), replace=False)
    products = np.array([product_of(i) for i in test.items])
    fig, axes = plt.subplots(
        len(queries), _SHOWN + 1, figsize=(1.9 * (_SHOWN + 1), 2.9 * len(queries)), squeeze=False
    )
    for row, q in enumerate(queries):
        scores = vectors @ vectors[q]
        scores[products == products[q]] = -np.inf  # as in the metric: no colour variants
        found = [int(i) for i in np.argsort(-scores) if np.isfinite(scores[i])][:_SHOWN]
        shown: list[int | None] = [int(q), *found]
        shown += [None] * (_SHOWN + 1 - len(shown))  # a tiny gallery leaves blanks
        for col, idx in enumerate(shown):
            ax = axes[row, col]
            if idx is None:
                ax.axis("off")
                continue
            item, query = test.items[idx], test.items[q]
            ax.imshow(test.pixels[idx])
            ax.set_xticks([])
            ax.set_yticks([])
            same = (item.article_type, item.colour_master) == (
                query.article_type,
                query.colour_master,
            )
            colour = "black" if col == 0 else ("green" if same else "red")
            for spine in ax.spines.values():
                spine.set_edgecolor(colour)
                spine.set_linewidth(3 if col else 1)
            label = f"{item.article_type}\n{item.colour_master}"
            ax.set_title(("QUERY\n" if col == 0 else "") + label, fontsize=7, color=colour)
    fig.suptitle(
        "Held-out queries (left) and the tower's top-5, own product excluded; "
        "green = same type and colour family",
        fontsize=9,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.985))  # leave the top strip to the title
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _row(name: str, scores: dict[str, float]) -> str:
    return (
        f"| {name} | {scores['article_type']:.3f} | {scores['colour']:.3f} | {scores['both']:.3f} |"
    )


_NAMES = {
    "tower": "**LiT tower (ours)**",
    "random_init": "same tower, random init",
    "baseline_colour": "HSV colour histogram",
    "baseline_hog": "HOG",
    "baseline_colour+hog": "histogram + HOG",
}


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _header(f: dict[str, Any]) -> list[str]:
    return [
        "# Image tower benchmark",
        "",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `fitroom bench image-tower` on "
        f"{platform.machine()} ({platform.processor() or 'cpu'}); regenerate with that command "
        "after `fitroom train image-tower`.",
        "",
        f"Held-out split: {f['held_out_items']} items of {f['held_out_products']} products "
        f"(20% of product codes, by hash); the tower trained on the other "
        f"{f['card']['split']['train_items']} items only. Catalogue unchanged since training: "
        f"{f['data_hash_matches']}.",
        "",
    ]


def _i2i_section(f: dict[str, Any]) -> list[str]:
    return [
        "## Image → image P@10 (the query's own product excluded from the gallery)",
        "",
        "| method | same article type | same colour family | both |",
        "|---|---|---|---|",
        *(_row(_NAMES[n], s) for n, s in f["i2i"].items()),
        "",
    ]


def _goals_section(f: dict[str, Any]) -> list[str]:
    both_ratio = f["i2i_p10_both"] / max(f["baseline_best_i2i_p10_both"], 1e-9)
    speed_ratio = f["encode_images_per_s"] / f["vit_b32_images_per_s"]
    return [
        "## Goals",
        "",
        "| goal | measured | verdict |",
        "|---|---|---|",
        f"| i2i both ≥ {GOALS['both_ratio']}× best classical ({f['baseline_best_name']}: "
        f"{f['baseline_best_i2i_p10_both']:.3f}) | {f['i2i_p10_both']:.3f} ({both_ratio:.2f}×) "
        f"| {_verdict(both_ratio >= GOALS['both_ratio'])} |",
        f"| i2i type ≥ best classical ({f['baseline_best_i2i_p10_article_type']:.3f}) "
        f"| {f['i2i_p10_article_type']:.3f} "
        f"| {_verdict(f['i2i_p10_article_type'] >= f['baseline_best_i2i_p10_article_type'])} |",
        f"| i2i colour ≥ best classical ({f['baseline_best_i2i_p10_colour']:.3f}) "
        f"| {f['i2i_p10_colour']:.3f} "
        f"| {_verdict(f['i2i_p10_colour'] >= f['baseline_best_i2i_p10_colour'])} |",
        f"| text→image attribute P@10 ≥ {GOALS['t2i_attr_p10']} ({f['t2i_attr_pairs']} "
        f"combinations with ≥ 10 held-out items) | {f['t2i_attr_p10']:.3f} "
        f"| {_verdict(f['t2i_attr_p10'] >= GOALS['t2i_attr_p10'])} |",
        f"| encoding ≥ {GOALS['speed_ratio']}× ViT-B-32 | {f['encode_images_per_s']:.0f} vs "
        f"{f['vit_b32_images_per_s']:.0f} images/s ({speed_ratio:.1f}×) "
        f"| {_verdict(speed_ratio >= GOALS['speed_ratio'])} |",
        f"| training ≤ {GOALS['train_minutes']:g} min on this machine "
        f"| {f['train_minutes']:.1f} min "
        f"| {_verdict(f['train_minutes'] <= GOALS['train_minutes'])} |",
        "",
    ]


def _t2i_section(f: dict[str, Any]) -> list[str]:
    return [
        "## Text → image",
        "",
        "| query set | metric | LiT tower | random init |",
        "|---|---|---|---|",
        f'| "{{colour}} {{article_type}}", {f["t2i_attr_pairs"]} combinations with ≥ 10 '
        f"held-out items | P@10 | {f['t2i_attr_p10']:.3f} | {f['random_init_t2i_attr_p10']:.3f} |",
        f'| "{{colour}} {{article_type}}", all {f["t2i_attr_all_pairs"]} combinations '
        f"| P@10 (ceiling {f['t2i_attr_p10_all_pairs_ceiling']:.3f}) "
        f"| {f['t2i_attr_p10_all_pairs']:.3f} | |",
        f"| titles, one per held-out product ({f['t2i_title_queries']}) | R@10 / MRR "
        f"| {f['t2i_title_r10']:.3f} / {f['t2i_title_mrr']:.3f} | |",
        "",
        "Text queries are embedded by the frozen MiniLM; both attributes must match to count.",
        "",
    ]


def _steering_section(f: dict[str, Any]) -> list[str]:
    return [
        "## Photo steered by words",
        "",
        'Each held-out photo asks "like this but in <the commonest other colour family>"; '
        "the parsed colour filter leaves items of that family, and P@10 counts those of the "
        "photo's article type (other products only).",
        "",
        "| words' pull on the photo vector | P@10 same type |",
        "|---|---|",
        *(
            f"| {key.removeprefix('steer_p10_type_pull_')} | {value:.3f} |"
            for key, value in f.items()
            if key.startswith("steer_p10_type_pull_")
        ),
        "",
    ]


def _recipe_section(card: dict[str, Any]) -> list[str]:
    return [
        "## Recipe (from the tower's card)",
        "",
        f"- architecture: `{card['arch']}` (open_clip config registered by fitroom, random "
        f"init), {card['width']}x{card['height']} px, {card['dim']}-d output",
        f"- trained {card['epochs_done']} epochs in {card['train_minutes']} min "
        f"(+ {card['prep_minutes']} min loading photos and text targets)",
        "- recipe: `" + json.dumps(card["recipe"]) + "`",
        "",
    ]


def _samples_section() -> list[str]:
    return [
        "## Sample queries",
        "",
        f"![held-out queries and their top-{_SHOWN}](image_tower.png)",
        "",
        f"Each row: a held-out query photo, then the tower's top-{_SHOWN} among held-out items "
        f"of other products (P@{K} counts the top-{K}).",
        "",
    ]


def write_report(figures: dict[str, Any], test: LitData, vectors: Vectors, out: Path) -> Path:
    """Render the figures to `out/image_tower.md` and `out/image_tower.png`."""
    out.mkdir(parents=True, exist_ok=True)
    _grid(test, vectors, out / "image_tower.png")
    lines = [
        *_header(figures),
        *_i2i_section(figures),
        *_goals_section(figures),
        *_t2i_section(figures),
        *_steering_section(figures),
        *_recipe_section(figures["card"]),
        *_samples_section(),
    ]
    path = out / "image_tower.md"
    path.write_text("\n".join(lines))
    return path
