"""Write the agent benchmark as `agent.md`."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GOAL_P95_MS = 300.0
GOAL_TTFT_S = 1.5


def _llm_line(figures: dict[str, Any]) -> list[str]:
    if "llm_speed" not in figures:
        return ["- LLM: none configured or installed; questions and explanations are templates."]
    speed, runs = figures["llm_speed"], figures["with_llm"]
    met = "met" if figures["goal_ttft_met"] else "not met"
    return [
        f"- LLM {figures['llm']}: time to first token p50 {speed['ttft_s_p50']} s, p95 "
        f"{speed['ttft_s_p95']} s, warm (goal ≤ {GOAL_TTFT_S} s: {met}); "
        f"{speed['tokens_per_s']} tokens/s.",
        f"- With the LLM drafting the top pick's explanation: turn p50 {runs['turn_ms_p50']} ms, "
        f"p95 {runs['turn_ms_p95']} ms; {runs['llm_drafts']} drafts, "
        f"{runs['llm_groundedness']} of them passed the checker (the rest were replaced by the "
        f"template); every shown explanation re-checked: {runs['shown_groundedness']}.",
    ]


def write_report(figures: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rows = [
        f"| {k} | {v['turns']} | {v['p50']} | {v['p95']} |" for k, v in figures["by_reply"].items()
    ]
    met = "met" if figures["goal_p95_met"] else "not met"
    lines = [
        "# Agent benchmark",
        "",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()} by "
        "`fitroom bench agent`: scripted conversations on the sample catalogue through the "
        "compiled graph with SQLite memory, timed per turn; the table is without the LLM.",
        "",
        "| reply | turns | p50 ms | p95 ms |",
        "|---|---|---|---|",
        *rows,
        f"| **all** | {figures['turns']} | {figures['turn_ms_p50']} | {figures['turn_ms_p95']} |",
        "",
        f"- Goal: p95 ≤ {GOAL_P95_MS:.0f} ms for a turn without the LLM: {met}.",
        f"- Explanations shown: {figures['explanations_shown']}; share passing the checker: "
        f"{figures['groundedness']}.",
        *_llm_line(figures),
        "",
        "```json",
        json.dumps(figures, indent=2),
        "```",
        "",
    ]
    (out / "agent.md").write_text("\n".join(lines))
