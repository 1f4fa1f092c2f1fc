"""Write the ranker benchmark as `ranker.md` plus a bar chart."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GOAL_RATIO = 1.3
LATENCY_BUDGET_MS = 20.0
SINGLE_SIGNAL = ("popularity", "itemknn", "content", "mf")
RECIPES = "ranker_recipes.jsonl"


def goals(figures: dict[str, Any]) -> dict[str, bool | float]:
    recall = {n: m["recall@20"] for n, m in figures["models"].items()}
    latency = figures["latency_ms_200_candidates"]
    return {
        "fused_over_popularity": round(recall["fused"] / max(recall["popularity"], 1e-9), 2),
        "fused_beats_popularity_by_1.3x": recall["fused"] >= GOAL_RATIO * recall["popularity"],
        "fused_above_every_single_signal": all(recall["fused"] > recall[n] for n in SINGLE_SIGNAL),
        "fused_cold_recall_above_0": figures["cold"]["fused"]["recall@20"] > 0,
        "rank_200_within_20ms": max(latency.values()) <= LATENCY_BUDGET_MS,
    }


def _chart(figures: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and CI
    import matplotlib.pyplot as plt

    names = list(figures["models"])
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    for ax, (title, key, std) in zip(
        axes,
        (
            ("all test purchases", "models", "recall@20_std"),
            ("test purchases of cold items", "cold", "cold_recall@20_std"),
        ),
        strict=True,
    ):
        values = [figures[key][n]["recall@20"] for n in names]
        errors = [figures["spread"][n][std] for n in names]
        colours = ["tab:orange" if n == "fused" else "tab:blue" for n in names]
        ax.bar(names, values, yerr=errors, color=colours, capsize=4)
        ax.set_title(f"Recall@20, {title}", fontsize=10)
        ax.tick_params(axis="x", labelsize=9)
    fig.suptitle(f"mean and std over {figures['seeds']} seeds, per-user time split", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _table(summary: dict[str, Any], spread: bool) -> list[str]:
    lines = [
        "| model | Recall@20 | s.e. over users | NDCG@20 | HR@10 | cold Recall@20 |",
        "|---|---|---|---|---|---|",
    ]
    for name, m in summary["models"].items():
        s = summary["spread"][name]
        std, cold_std = (
            (f" ± {s['recall@20_std']:.4f}", f" ± {s['cold_recall@20_std']:.4f}")
            if spread
            else ("", "")
        )
        lines.append(
            f"| {name} | {m['recall@20']:.4f}{std} | {s['recall@20_se']:.4f} | "
            f"{m['ndcg@20']:.4f} | {m['hr@10']:.4f} | "
            f"{summary['cold'][name]['recall@20']:.4f}{cold_std} |"
        )
    return [*lines, "", *_paired(summary["paired_seed0"])]


def _paired(paired: dict[str, dict[str, float]]) -> list[str]:
    lines = [
        "Fused minus each single signal, user by user (seed 0): a difference is clear when it",
        "is well over twice its standard error.",
        "",
        "| fused minus | Recall@20 difference | s.e. | users better | users worse |",
        "|---|---|---|---|---|",
    ]
    for name, d in paired.items():
        lines.append(
            f"| {name} | {d['mean']:+.4f} | {d['se']:.4f} | {d['users_better']} | "
            f"{d['users_worse']} |"
        )
    return lines


def _validation_rows(out: Path) -> list[str]:
    path = out / RECIPES
    if not path.is_file():
        return ["(no validation rows yet: `fitroom bench ranker-recipe`)"]
    lines = [
        "| recipe changes from the default | fused Recall@20 (± s.e.) | cold | a, b, c after"
        " training | content-only |",
        "|---|---|---|---|---|",
    ]
    default = None
    for raw in path.read_text().splitlines():
        row = json.loads(raw)
        if default is None:
            from fitroom.tools.ranker.fused import FusedRecipe

            default = FusedRecipe().model_dump()
        changed = {k: v for k, v in row["recipe"].items() if default.get(k) != v}
        label = ", ".join(f"{k}={v}" for k, v in changed.items()) or "default"
        lines.append(
            f"| {label} | {row['fused']['recall@20']:.4f} ± {row['fused']['recall@20_se']:.4f} | "
            f"{row['fused']['cold']['recall@20']:.4f} | "
            f"{', '.join(f'{w:g}' for w in row.get('fused_weights', []))} | "
            f"{row['content_only']['recall@20']:.4f} |"
        )
    return lines


def _photos_section(figures: dict[str, Any]) -> list[str]:
    if not figures.get("photos_seed0"):
        return []
    lines = [
        "## What the photo vectors add (seed 0)",
        "",
        "| model | content | Recall@20 | NDCG@20 | cold Recall@20 |",
        "|---|---|---|---|---|",
    ]
    for name, variants in figures["photos_seed0"].items():
        for label, f in variants.items():
            lines.append(
                f"| {name} | {label} | {f['recall@20']:.4f} | {f['ndcg@20']:.4f} | "
                f"{f['cold']['recall@20']:.4f} |"
            )
    return [*lines, ""]


def _splits_section(figures: dict[str, Any]) -> list[str]:
    counts = "\n".join(
        f"| {name} | {c['train_purchases']} | {c['train_users']} | {c['train_items']} | "
        f"{c['test_purchases']} | {c['test_users']} | {c['test_items']} |"
        for name, c in figures["splits"].items()
    )
    return [
        "## Splits of the real H&M purchases",
        "",
        "| split | train purchases | train users | train items | test purchases | test users"
        " | test items |",
        "|---|---|---|---|---|---|---|",
        counts,
        "",
        f"Cold items: test purchases of items nobody bought in train; "
        f"{figures['cold_users']} test users bought at least one.",
        "",
    ]


def _results_sections(figures: dict[str, Any]) -> list[str]:
    """The per-user split with its chart, then the global time cut as a second view."""
    return [
        f"## Per-user time split (each user's last date), mean ± std over {figures['seeds']} seeds",
        "",
        "Full-catalogue ranking; only MF and the fused ranker depend on the seed. ± is the",
        "spread over seeds; the standard error over users says how much a different set",
        "of shoppers could move a figure.",
        "",
        *_table(figures, spread=True),
        "",
        "![Recall@20](ranker.png)",
        "",
        "## Global time cut (second view, seed 0)",
        "",
        *_table(figures["global"], spread=False),
        "",
    ]


def _goals_section(met: dict[str, bool | float], latency: dict[str, Any]) -> list[str]:
    return [
        "## Goals (per-user split)",
        "",
        *[f"- {k}: {v}" for k, v in met.items()],
        "",
        f"`rank_items` over 200 candidates: known user p50 {latency['known_p50']} ms, p95 "
        f"{latency['known_p95']} ms; new user with a context vector p50 "
        f"{latency['new_with_context_p50']} ms, p95 {latency['new_with_context_p95']} ms.",
        "",
    ]


def _validation_section(out: Path) -> list[str]:
    return [
        "## How the fused recipe was chosen (validation only)",
        "",
        "Each row applies the per-user time split again to the train part and scores the",
        "inner last date; the test split was never used to choose anything.",
        "",
        *_validation_rows(out),
        "",
    ]


def write_report(figures: dict[str, Any], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    _chart(figures, out / "ranker.png")
    met = goals(figures)
    figures["goals"] = met  # before the JSON dump below, so the figures carry their verdicts
    text = "\n".join(
        [
            "# Ranker benchmark",
            "",
            f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()} by "
            "`fitroom bench ranker`. Content vectors: " + figures["content_model"] + ".",
            "",
            *_splits_section(figures),
            *_results_sections(figures),
            *_photos_section(figures),
            *_goals_section(met, figures["latency_ms_200_candidates"]),
            *_validation_section(out),
            "## Figures",
            "",
            "```json",
            json.dumps(figures, indent=2),
            "```",
            "",
        ]
    )
    path = out / "ranker.md"
    path.write_text(text)
    return path
