"""`fitroom bench agent`: how long a turn takes without an LLM, on the sample catalogue, and
whether every shown explanation passes the checker."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import track

from fitroom.agent.context import AgentContext
from fitroom.agent.graph import build_graph
from fitroom.agent.services import Services
from fitroom.agent.session import run_turn, serializer
from fitroom.agent.settings import Settings
from fitroom.eval.agent_report import GOAL_P95_MS, GOAL_TTFT_S, write_report
from fitroom.memory.backends import sqlite_memory
from fitroom.tools.conversation.explain import check_explanation, explanation_prompt
from fitroom.tools.conversation.preferences import Preferences

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


@dataclass
class _Pass:
    """One run of every scripted conversation."""

    times: dict[str, list[float]] = field(default_factory=dict)
    shown: int = 0
    grounded: int = 0
    drafts: int = 0
    drafts_ok: int = 0

    def percentiles(self) -> dict[str, Any]:
        every = [t for ts in self.times.values() for t in ts]
        return {
            "turns": len(every),
            "turn_ms_p50": round(float(np.percentile(every, 50)), 1),
            "turn_ms_p95": round(float(np.percentile(every, 95)), 1),
            "by_reply": {
                k: {
                    "turns": len(v),
                    "p50": round(float(np.percentile(v, 50)), 1),
                    "p95": round(float(np.percentile(v, 95)), 1),
                }
                for k, v in self.times.items()
            },
        }


def _run(context: AgentContext, scripts: list[list[tuple[str, str | None]]], label: str) -> _Pass:
    out = _Pass()
    with tempfile.TemporaryDirectory() as folder:
        graph = build_graph(*sqlite_memory(Path(folder), serializer()))
        run_turn(graph, context, "warm-up", "w", "a dress, just show me")  # loads the models
        for n, script in enumerate(track(scripts, label, console=Console(stderr=True))):
            for text, image in script:
                start = time.perf_counter()
                reply = run_turn(graph, context, f"bench-{n}", "s", text, image)
                kind = "picks and a question" if reply.asked else reply.type
                out.times.setdefault(kind, []).append(1000 * (time.perf_counter() - start))
                out.drafts += reply.llm_drafts
                out.drafts_ok += reply.llm_grounded
                for item in reply.items:
                    out.shown += 1
                    real = context.items[item.item_id]
                    out.grounded += not check_explanation(
                        item.explanation, real, context.vocabulary
                    )
    return out


def run_agent_bench(settings: Settings, out: Path) -> dict[str, Any]:
    """Time every scripted conversation without the LLM (the turn-time goal), then, when an
    LLM is configured, again with its explanation drafts, plus its own speed."""
    services = Services(settings)
    context, notes = services.context, services.notes
    photos = [str(i.image) for i in list(context.items.values())[:400:50] if i.image]
    photos = photos if not any(n.startswith("Photo queries are off") for n in notes) else []
    scripts = _scripts(photos)
    plain = _run(replace(context, chat=None), scripts, "conversations, no LLM")
    figures: dict[str, Any] = {
        **plain.percentiles(),
        "explanations_shown": plain.shown,
        "groundedness": round(plain.grounded / plain.shown, 4) if plain.shown else None,
        "llm": context.chat.model_id if context.chat else None,
        "notes": notes,
    }
    figures["goal_p95_met"] = figures["turn_ms_p95"] <= GOAL_P95_MS
    if context.chat is not None:
        with_llm = _run(context, scripts, "conversations, with the LLM")
        figures["with_llm"] = {
            **with_llm.percentiles(),
            "llm_drafts": with_llm.drafts,
            "llm_groundedness": round(with_llm.drafts_ok / with_llm.drafts, 4)
            if with_llm.drafts
            else None,
            "shown_groundedness": round(with_llm.grounded / with_llm.shown, 4)
            if with_llm.shown
            else None,
        }
        figures["llm_speed"] = _llm_speed(context)
        figures["goal_ttft_met"] = figures["llm_speed"]["ttft_s_p95"] <= GOAL_TTFT_S
    write_report(figures, out)
    return figures
