"""Write the understanding benchmark as `understanding.md`, failures listed."""

from __future__ import annotations

import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GOAL_COMPLIANCE = 0.95
GOAL_VAGUE_SERVED = 0.8


def _row(name: str, f: dict[str, Any]) -> str:
    served = f["vague_served"] / max(f["vague_requests"], 1)
    return (
        f"| {name} | {f['compliance']:.3f} | {f['requests_showing_avoided']} / {f['requests']} "
        f"| {f['vague_served']} / {f['vague_requests']} ({served:.2f}) | {f['search_ms_p50']} "
        f"| {f['search_ms_p95']} |"
    )


def _failures(f: dict[str, Any]) -> list[str]:
    lines = [f'- "{x["text"]}": {x["fit"]}/10 fit' for x in f["failures"]]
    lines = [
        line + (f"; **shows ruled-out {', '.join(x['avoided'])}**" if x["avoided"] else "")
        for line, x in zip(lines, f["failures"], strict=True)
    ]
    lines += [
        f'- vague "{x["text"]}": {x["fit"]}/6 fit; shown {", ".join(x["shown"])}'
        for x in f["vague_failures"]
    ]
    return lines or ["- none"]


def write_report(figures: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    llm = figures.get("with_llm")
    rows = [_row("rules only", figures)]
    if llm:
        rows.append(_row(f"rules + LLM ({figures['llm']})", llm))
        alone = figures["llm_only"]
        share = alone["vague_served"] / max(alone["vague_requests"], 1)
        rows.append(
            f"| LLM alone, no occasion table (vague set only) | | | {alone['vague_served']} / "
            f"{alone['vague_requests']} ({share:.2f}) | {alone['search_ms_p50']} "
            f"| {alone['search_ms_p95']} |"
        )
    lines = [
        "# Reading shoppers' words",
        "",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()} by "
        "`fitroom bench understanding`, over `../shared/eval/utterances_dev.jsonl` and "
        "`vague_dev.jsonl`, through `search_items` as `fitroom search` runs it (top 10).",
        "",
        "- **compliance:** per request, the share of the top 10 with every wanted label and no "
        "ruled-out one; the mean over requests (goal ≥ "
        f"{GOAL_COMPLIANCE}).",
        "- **showing ruled-out:** requests whose top 10 holds any item the shopper ruled out "
        "(goal: none).",
        "- **vague served:** occasion and need requests where at least 4 of the first 6 fit "
        f"(goal ≥ {GOAL_VAGUE_SERVED} with the LLM).",
        "",
        "| reader | compliance | showing ruled-out | vague served | search ms p50 | p95 |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    if llm:
        lines += [
            f"LLM calls: {figures['llm_calls']} (one per need the rules could not map, and "
            "one per vague request with the occasion table off; cached by normalised text); "
            f"seconds p50 {figures['llm_seconds_p50']}, p95 {figures['llm_seconds_p95']}, warm.",
            "",
        ]
    else:
        lines += [f"No LLM measured: {figures.get('llm_missing')}", ""]
    lines += ["## Failures, rules only", "", *_failures(figures), ""]
    if llm:
        lines += ["## Failures, rules + LLM", "", *_failures(llm), ""]
        lines += ["## Failures, LLM alone", "", *_failures(figures["llm_only"]), ""]
    (out / "understanding.md").write_text("\n".join(lines))
