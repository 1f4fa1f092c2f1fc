"""Write the simulated-user evaluation: `eval.md`, the success-versus-turn curve, the ablation
table, where the agent fails, and a few failed dialogues."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fitroom.eval.sim_metrics import MAX_TURNS

GOAL_SUCCESS = 0.5
_OPENINGS = ("text", "photo")
_COLUMNS = ("success@5", "recall@1", "recall@5", "recall@10", "ndcg@10", "avg_turns")


def _plot(runs: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 4))
    turns = list(range(1, MAX_TURNS + 1))
    for name, figures in runs.items():
        ax.plot(turns, figures["success_by_turn"], marker="o", label=name)
    ax.set_xlabel("turn")
    ax.set_ylabel("share of episodes succeeded")
    ax.set_xticks(turns)
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _cell(figures: dict[str, Any], key: str) -> str:
    low, high = figures[f"{key}_ci95"]
    return f"{figures[key]:.3f} [{low:.3f}, {high:.3f}]"


def _difference(paired: dict[str, Any], key: str) -> str:
    low, high = paired[f"{key}_difference_ci95"]
    return f"{paired[f'{key}_difference']:+.3f} [{low:+.3f}, {high:+.3f}]"


def _verdict(runs: dict[str, Any]) -> str:
    """Which ablations full is clearly ahead of, level with, or behind, by the paired
    success@5 interval (above zero, spanning it, below it)."""
    groups: dict[str, list[str]] = {"ahead of": [], "level with": [], "behind": []}
    for name, figures in runs.items():
        if paired := figures.get("full_minus_this"):
            low, high = paired["success@5_difference_ci95"]
            side = "ahead of" if low > 0 else "behind" if high < 0 else "level with"
            groups[side].append(name)
    said = [f"{side} {', '.join(names)}" for side, names in groups.items() if names]
    return f"On success@5, full is clearly {'; '.join(said)}." if said else ""


def _failures(result: dict[str, Any], count: int = 3) -> list[str]:
    failed = [o for o in result["outcomes"].get("full", []) if o["success_turn"] is None]
    lines = []
    for outcome in failed[:count]:
        episode = result["episodes"][outcome["episode"]]
        lines += ["", f"Episode {outcome['episode']} (target {episode['target']}):", "```"]
        lines += [f"{who}: {text}" for who, text in outcome["dialogue"]]
        lines += ["```"]
    return lines


def goals(runs: dict[str, Any]) -> dict[str, Any]:
    full = runs.get("full")
    if full is None:
        return {}
    others = {k: v for k, v in runs.items() if k != "full"}
    beats = all(full["success@5"] > v["success@5"] for v in others.values()) if others else None
    not_beaten = [k for k, v in others.items() if v["success@5"] >= full["success@5"]]
    separated = None
    if "no_questions" in runs:
        separated = full["success@5_ci95"][0] > runs["no_questions"]["success@5_ci95"][1]
    return {
        "full_beats_every_ablation": beats,
        "ci_separated_from_no_questions": separated,
        "success_at_least_half": full["success@5"] >= GOAL_SUCCESS,
        "ablations_full_does_not_beat": not_beaten,
    }


def _intro(settings_line: str) -> list[str]:
    return [
        "# Simulated-user evaluation",
        "",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()} by "
        f"`fitroom eval` ({settings_line}). Every configuration ran on the same episodes: a "
        "held-out real purchase (per-user time split) is the target, the shopper's earlier "
        "purchases are their history, and the ranker is fitted on the purchases before it. "
        "The agent shows 10 picks every turn, with at most one clarifying question beside "
        "them (up to 3 a conversation). The deterministic attribute simulator accepts when "
        "the target is among the 10 shown; otherwise it answers the question truthfully if "
        "one was asked, or corrects the first attribute the top pick gets wrong, or, when the "
        "top pick is right in everything a shopper can name, says 'none of these'. Intervals "
        "are 95% bootstrap intervals over episodes.",
        "",
    ]


def _figures_table(runs: dict[str, Any]) -> list[str]:
    return [
        "| configuration | " + " | ".join(_COLUMNS) + " | questions/success | seconds |",
        "|" + "---|" * (len(_COLUMNS) + 3),
        *(
            f"| {name} | "
            + " | ".join(_cell(f, key) for key in _COLUMNS)
            + f" | {f['questions_per_success']} | {f['seconds']} |"
            for name, f in runs.items()
        ),
        "",
        f"Goals: {json.dumps(goals(runs))}",
        "",
    ]


def _paired_section(runs: dict[str, Any]) -> list[str]:
    """Empty when no run carries a paired difference (no `full`, or `full` alone)."""
    paired = [
        f"| {name} | {_difference(d, 'success@5')} | {_difference(d, 'avg_turns')} "
        f"| {d['only_full']} | {d['only_other']} |"
        for name, f in runs.items()
        if (d := f.get("full_minus_this"))
    ]
    if not paired:
        return []
    return [
        "full minus each ablation, episode by episode (the same episodes, so the paired "
        "interval is the fair test of a difference):",
        "",
        _verdict(runs),
        "",
        "| ablation | success@5 difference [95% CI] | turns difference [95% CI] | found "
        "only by full | found only by the ablation |",
        "|---|---|---|---|---|",
        *paired,
        "",
    ]


def _openings_table(runs: dict[str, Any]) -> list[str]:
    return [
        "success@5 by opening (text: one or two of the target's attributes in words; photo: "
        "another item of the same type, 'something like this'):",
        "",
        "| configuration | " + " | ".join(_OPENINGS) + " |",
        "|---|" + "---|" * len(_OPENINGS),
        *(_opening_row(name, f["success@5_by_opening"]) for name, f in runs.items()),
        "",
    ]


def _opening_row(name: str, shares: dict[str, float]) -> str:
    # an opening no episode used shows as nan rather than dropping its column
    return (
        f"| {name} | " + " | ".join(f"{shares.get(k, float('nan')):.3f}" for k in _OPENINGS) + " |"
    )


def _turns_table(runs: dict[str, Any]) -> list[str]:
    return [
        "Recall@10 by turn (cumulative):",
        "",
        "| configuration | " + " | ".join(f"turn {t}" for t in range(1, MAX_TURNS + 1)) + " |",
        "|---|" + "---|" * MAX_TURNS,
        *(
            f"| {name} | " + " | ".join(f"{v:.3f}" for v in f["recall@10_by_turn"]) + " |"
            for name, f in runs.items()
        ),
        "",
    ]


def _asked_list(runs: dict[str, Any]) -> list[str]:
    return [
        "Attributes asked:",
        "",
        *(f"- {name}: {json.dumps(f['asked'])}" for name, f in runs.items() if f["asked"]),
        "",
    ]


def write_report(result: dict[str, Any], settings_line: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    runs = result["runs"]
    _plot(runs, out / "eval.png")
    lines = [
        *_intro(settings_line),
        *_figures_table(runs),
        *_paired_section(runs),
        "![success by turn](eval.png)",
        "",
        *_openings_table(runs),
        *_turns_table(runs),
        *_asked_list(runs),
        "A few failed `full` episodes:",
        *_failures(result),
        "",
    ]
    (out / "eval.md").write_text("\n".join(lines))
