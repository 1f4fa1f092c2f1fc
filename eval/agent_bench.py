"""`fitroom bench agent`: how long a turn takes without an LLM, on the sample catalogue, and
whether every shown explanation passes the checker."""

from __future__ import annotations

import json
import platform
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import track

from fitroom.agent import wiring
from fitroom.agent.context import AgentContext
from fitroom.agent.graph import build_graph
from fitroom.agent.session import run_turn, sqlite_memory
from fitroom.agent.settings import Settings
from fitroom.tools.explain import check_explanation, explanation_prompt
from fitroom.tools.preferences import Preferences

GOAL_P95_MS = 300.0
TYPES = ("Dress", "Sweater", "Trousers", "T-shirt", "Skirt", "Shirt", "Jacket", "Blouse")
COLOURS = ("black", "blue", "white", "beige", "pink")


def _scripts(with_photo: list[str]) -> list[list[tuple[str, str | None]]]:
    """Conversations that walk every path: questions, answers, recommendations, feedback."""
    scripts: list[list[tuple[str, str | None]]] = []
    for n, kind in enumerate(TYPES):
        colour = COLOURS[n % len(COLOURS)]
        scripts.append([("something for the weekend", None), (kind.lower(), None), (colour, None)])
        scripts.append(
            [
                (f"{colour} {kind.lower()}, no stripes, just show me", None),
                ("not the first one", None),
                ("in another colour", None),
                ("cheaper", None),
            ]
        )
    scripts += [[("something like this", photo), ("just show me", None)] for photo in with_photo]
    return scripts


def _llm_speed(context: AgentContext, runs: int = 8) -> dict[str, float]:
    """Warm time to first token and generation speed on explanation prompts."""
    assert context.chat is not None
    items = list(context.items.values())[:runs]
    first: list[float] = []
    rates: list[float] = []
    for item in [items[0], *items]:  # the first call only warms the model and its prefix cache
        start = time.perf_counter()
        pieces = 0
        ttft = None
        for _ in context.chat.stream(explanation_prompt(item, Preferences()), 40):
            ttft = ttft or time.perf_counter() - start
            pieces += 1
        total = time.perf_counter() - start
        if ttft is not None and pieces > 1:
            first.append(ttft)
            rates.append((pieces - 1) / max(total - ttft, 1e-6))
    first, rates = first[1:], rates[1:]
    return {
        "ttft_s_p50": round(float(np.percentile(first, 50)), 2),
        "ttft_s_p95": round(float(np.percentile(first, 95)), 2),
        "tokens_per_s": round(float(np.median(rates)), 1),
    }


def run_agent_bench(settings: Settings, out: Path) -> dict[str, Any]:
    context, notes = wiring.agent_context(settings)
    photos = [str(i.image) for i in list(context.items.values())[:400:50] if i.image]
    photos = photos if not any(n.startswith("Photo queries are off") for n in notes) else []
    times: dict[str, list[float]] = {}
    shown = grounded = drafts = drafts_ok = 0
    kinds: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        graph = build_graph(*sqlite_memory(Path(folder)))
        run_turn(graph, context, "warm-up", "w", "a dress, just show me")  # loads the models
        scripts = _scripts(photos)
        for n, script in enumerate(track(scripts, "conversations", console=Console(stderr=True))):
            for text, image in script:
                start = time.perf_counter()
                reply = run_turn(graph, context, f"bench-{n}", "s", text, image)
                times.setdefault(reply.type, []).append(1000 * (time.perf_counter() - start))
                kinds[reply.type] += 1
                drafts += reply.llm_drafts
                drafts_ok += reply.llm_grounded
                for item in reply.items:
                    shown += 1
                    real = context.items[item.item_id]
                    grounded += not check_explanation(item.explanation, real, context.vocabulary)
    every = [t for ts in times.values() for t in ts]
    figures: dict[str, Any] = {
        "turns": len(every),
        "turn_ms_p50": round(float(np.percentile(every, 50)), 1),
        "turn_ms_p95": round(float(np.percentile(every, 95)), 1),
        "by_reply": {
            k: {
                "turns": len(v),
                "p50": round(float(np.percentile(v, 50)), 1),
                "p95": round(float(np.percentile(v, 95)), 1),
            }
            for k, v in times.items()
        },
        "explanations_shown": shown,
        "groundedness": round(grounded / shown, 4) if shown else None,
        "llm": context.chat.model_id if context.chat else None,
        "llm_drafts": drafts,
        "llm_groundedness": round(drafts_ok / drafts, 4) if drafts else None,
        "llm_speed": _llm_speed(context) if context.chat else None,
        "notes": notes,
    }
    figures["goal_p95_met"] = figures["turn_ms_p95"] <= GOAL_P95_MS
    _write(figures, out)
    return figures


def _llm_line(figures: dict[str, Any]) -> str:
    speed = figures["llm_speed"]
    if not speed:
        return "- LLM: none configured or installed; questions and explanations are templates."
    return (
        f"- LLM {figures['llm']}: time to first token p50 {speed['ttft_s_p50']} s, p95 "
        f"{speed['ttft_s_p95']} s (warm); {speed['tokens_per_s']} tokens/s; "
        f"{figures['llm_drafts']} explanation drafts, {figures['llm_groundedness']} passed the "
        "checker (the rest were replaced by the template)."
    )


def _write(figures: dict[str, Any], out: Path) -> None:
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
        "compiled graph with SQLite memory, timed per turn.",
        "",
        "| reply | turns | p50 ms | p95 ms |",
        "|---|---|---|---|",
        *rows,
        f"| **all** | {figures['turns']} | {figures['turn_ms_p50']} | {figures['turn_ms_p95']} |",
        "",
        f"- Goal: p95 ≤ {GOAL_P95_MS:.0f} ms without the LLM: {met}.",
        f"- Explanations shown: {figures['explanations_shown']}; share passing the checker: "
        f"{figures['groundedness']}.",
        _llm_line(figures),
        "",
        "```json",
        json.dumps(figures, indent=2),
        "```",
        "",
    ]
    (out / "agent.md").write_text("\n".join(lines))
