"""`fitroom bench tools`: how long each agent-facing tool takes, called directly in Python and
through the MCP server in-process, in one run over the same services, so that the protocol's
overhead shows as a ratio measured under the same load."""

from __future__ import annotations

import base64
import os
import platform
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

import anyio
import numpy as np
from mcp import Client
from PIL import Image
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from fitroom.agent.mcp_server import build_server, warm_up
from fitroom.agent.services import Services
from fitroom.agent.session import serializer
from fitroom.agent.settings import Settings
from fitroom.agent.toolset.registry import TOOLS, ToolSpec
from fitroom.memory.backends import sqlite_memory
from fitroom.tools.catalog.items import Item
from fitroom.tools.errors import FitroomError, TryOnError

Args = dict[str, Any]
_ERR = Console(stderr=True, soft_wrap=True)  # progress on stderr, so that --json prints JSON alone
SPECS = {spec.name: spec for spec in TOOLS}
# These take seconds (an LLM-drafted explanation, a graph turn, a rendered photo): fewer calls.
SLOW = frozenset({"explain_item", "recommend", "try_on", "chat"})
APART = frozenset({"explain_item", "recommend", "chat"})  # each path gets its own arguments
QUERIES = (
    "black dress no stripes",
    "warm jumper for winter",
    "something for a summer wedding",
    "blue jeans for men",
    "a white shirt for the office",
    "red skirt, nothing patterned",
    "cosy cardigan, not grey",
    "striped t-shirt, something cheap",
    "a light jacket for spring",
    "floral blouse",
    "comfortable trousers for work",
    "a party top, no sequins",
)
CHAT_LINES = (
    "I need a dress for a summer wedding",
    "warm jumper for winter, no stripes",
    "show me black trousers, just show me",
    "something casual for the weekend",
    "a blouse, not pink",
)
# Steers the rules read: one they cannot map asks the LLM (seconds, once per phrase), which
# would land on whichever path saw the phrase first.
STEERS = ("", "but in black", "in blue", "without stripes")
SHOPPERS = ("bench-tools-ana", "bench-tools-ben", "bench-tools-cy")
UPPER_QUERIES = ("warm jumper for winter", "dark shirt", "navy blue t-shirt", "black sweater")


def _percentile(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 2) if values else None


@dataclass
class _Timings:
    """One tool's calls on both paths, in milliseconds."""

    calls: int
    direct: list[float] = field(default_factory=list)
    mcp: list[float] = field(default_factory=list)
    first_ms: float | None = None
    errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        direct, mcp = _percentile(self.direct, 50), _percentile(self.mcp, 50)
        return {
            "calls": self.calls,
            "direct_ms_p50": direct,
            "direct_ms_p95": _percentile(self.direct, 95),
            "mcp_ms_p50": mcp,
            "mcp_ms_p95": _percentile(self.mcp, 95),
            "mcp_over_direct_p50": round(mcp / direct, 2) if direct and mcp else None,
            "direct_ms_first": self.first_ms,
            "errors": len(self.errors),
            "first_error": self.errors[0] if self.errors else None,
        }


def _sandbox(services: Services, scratch: Path) -> None:
    """Shopper memory and try-on pictures in `scratch`: no real shopper's memory is touched, and
    no render is served from an earlier run's cache."""
    services.__dict__["memory"] = sqlite_memory(scratch / "memory", serializer())
    if services.try_on is not None:
        services.try_on.folder = scratch / "tryon"


def _pool(services: Services, queries: tuple[str, ...]) -> list[tuple[str, Args]]:
    """(query, item) for the items a search for each query shows, in query order."""
    found: list[tuple[str, Args]] = []
    for query in queries:
        reply = SPECS["search_catalog"](services, {"query": query, "k": 10})
        found += [(query, item) for item in reply.model_dump(mode="json")["items"]]
    if not found:
        raise FitroomError("No search found any item; check the index with `fitroom search`.")
    return found


def _people(services: Services) -> list[str]:
    """The sample person photos as base64, or none where try-on cannot be measured."""
    samples = services.settings.tryon_samples
    if services.try_on is None or samples is None:
        return []
    photos = sorted((samples / "person").glob("*.jpg"))
    return [base64.b64encode(photo.read_bytes()).decode() for photo in photos]


def _cuts_out(item: Item) -> bool:
    """Whether try-on can cut the garment out of its catalogue photo (a few it cannot)."""
    from fitroom.tools.tryon.garment import cut_out

    if item.image is None:
        return False
    try:
        with Image.open(item.image) as photo:
            cut_out(photo)
    except TryOnError:
        return False
    return True


def _garments(services: Services, notes: list[str]) -> list[str]:
    """The upper-body items searches show whose photo cuts out; the others noted."""
    pool = _pool(services, UPPER_QUERIES)
    found = list(dict.fromkeys(item["item_id"] for _, item in pool if item["try_on"]))
    good = [i for i in found if _cuts_out(services.context.items[i])]
    if len(good) < len(found):
        notes.append(
            f"try_on: left out {len(found) - len(good)} of the {len(found)} upper-body garments "
            "found, whose catalogue photo does not cut out (the tool refuses those)."
        )
    return good


def _try_on_calls(garments: list[str], people: list[str], n: int) -> list[Args]:
    """`n` (person, garment) pairs, all different while there are that many: each render is a
    fresh one, never served from the cache."""
    if not garments or not people:
        return []
    pairs = list(product(range(len(people)), garments))
    random.Random(0).shuffle(pairs)
    pairs = (pairs * (n // len(pairs) + 1))[:n]
    return [{"person_image": people[p], "item_id": item} for p, item in pairs]


def _arguments(name: str, i: int, pool: list[tuple[str, Args]]) -> Args:
    """The arguments of a tool's call `i` (any tool but try_on)."""
    query, item = pool[(7 * i) % len(pool)]
    shopper = SHOPPERS[i % len(SHOPPERS)]
    wanted = QUERIES[i % len(QUERIES)]
    arguments: dict[str, Args] = {
        "search_catalog": {"query": wanted, "k": 10}
        | ({"filters": {"exclude": {"pattern": ["Stripe"]}}} if i % 5 == 2 else {}),
        "get_product": {"item_ids": [pool[(i + j) % len(pool)][1]["item_id"] for j in range(4)]},
        "find_similar": {"item_id": item["item_id"], "text": STEERS[i % len(STEERS)], "k": 10},
        "next_question": {"query": wanted}
        | ({"answered": {"colour_master": "Black"}} if i % 3 == 1 else {}),
        "explain_item": {"item_id": item["item_id"], "query": query},
        "recommend": {"shopper_id": shopper, "query": wanted, "k": 6},
        "chat": {
            "shopper_id": shopper,
            "session_id": f"bench-{i}",
            "text": CHAT_LINES[i % len(CHAT_LINES)],
        },
        "shopper_memory": {"shopper_id": shopper},
        "forget_shopper": {"shopper_id": shopper},
    }
    return arguments[name]


def _calls(name: str, i: int, pool: list[tuple[str, Args]]) -> tuple[Args, Args]:
    """Call `i` of a tool (any but try_on): its arguments for the direct path and the MCP one.

    The LLM reuses the work of a prompt it has just seen, so where a tool prompts it each path
    gets its own arguments; otherwise the second path would be served faster."""
    if name in APART:
        return _arguments(name, 2 * i, pool), _arguments(name, 2 * i + 1, pool)
    same = _arguments(name, i, pool)
    return same, same


def plan(services: Services, repeats: int) -> tuple[dict[str, list[tuple[Args, Args]]], list[str]]:
    """Per tool, the warm-up call and then the measured ones; and a note for each tool left out."""
    pool = _pool(services, QUERIES)
    slow = max(1, repeats // 4)
    calls: dict[str, list[tuple[Args, Args]]] = {}
    notes: list[str] = []
    for spec in TOOLS:
        n = 1 + (slow if spec.name in SLOW else repeats)
        if spec.name != "try_on":
            calls[spec.name] = [_calls(spec.name, i, pool) for i in range(n)]
            continue
        # Even ones direct, odd ones over MCP: every render on either path is a new pair.
        people = _people(services)
        tried = _try_on_calls(_garments(services, notes) if people else [], people, 2 * n)
        if tried:
            calls["try_on"] = list(zip(tried[::2], tried[1::2], strict=True))
        else:
            notes.append("try_on not measured: try-on is off, or no person photos or garments.")
    return calls, notes


class _MCPCallError(FitroomError):
    """The MCP server answered with an error."""


def _direct(spec: ToolSpec, services: Services, arguments: Args) -> float:
    started = time.perf_counter()
    spec(services, arguments)
    return 1000 * (time.perf_counter() - started)


async def _mcp(client: Client, name: str, arguments: Args) -> float:
    started = time.perf_counter()
    result = await client.call_tool(name, arguments)
    took = 1000 * (time.perf_counter() - started)
    if result.is_error:
        raise _MCPCallError(" ".join(getattr(block, "text", "") for block in result.content))
    return took


async def _one(
    client: Client, services: Services, spec: ToolSpec, args: tuple[Args, Args], mcp_first: bool
) -> tuple[float | None, float | None, str | None]:
    """One call on each path (the MCP one first when `mcp_first`): their ms, or the error."""
    direct = mcp = None
    try:
        if mcp_first:
            mcp = await _mcp(client, spec.name, args[1])
        direct = _direct(spec, services, args[0])
        if not mcp_first:
            mcp = await _mcp(client, spec.name, args[1])
    except (FitroomError, ValidationError) as error:
        return direct, mcp, f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return direct, mcp, None


async def _measure(
    services: Services,
    calls: dict[str, list[tuple[Args, Args]]],
    step: Callable[[str, int], None],
) -> tuple[dict[str, _Timings], float]:
    """Every planned call on both paths; and the seconds to build the server and connect."""
    started = time.perf_counter()
    async with Client(build_server(services)) as client:
        connected = time.perf_counter() - started
        timings: dict[str, _Timings] = {}
        for name, planned in calls.items():
            spec, seen = SPECS[name], _Timings(calls=len(planned) - 1)
            for i, args in enumerate(planned):
                step(name, 0)
                # Alternating which path goes first, so neither gets all the warm caches.
                direct, mcp, error = await _one(client, services, spec, args, i % 2 == 1)
                step(name, 2)
                if error:
                    seen.errors.append(error)
                elif i == 0:  # the warm-up call, unmeasured: a first call loads what it needs
                    seen.first_ms = round(direct or 0.0, 1)
                else:
                    seen.direct.append(direct or 0.0)
                    seen.mcp.append(mcp or 0.0)
            timings[name] = seen
    return timings, connected


def _machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "arch": platform.machine(),
        # Taken as the run ends: other work on the machine shows in every time above.
        "load_average_1_5_15_min": [round(x, 2) for x in os.getloadavg()],
    }


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_ERR,
    )


def run_tools_bench(
    settings: Settings,
    out: Path,
    repeats: int = 20,
    build: Callable[[Settings], Services] = Services,
) -> dict[str, Any]:
    """Warm every model, time each tool `repeats` times on both paths (a quarter as many for the
    slow ones), and write `tools.md` and `tools.png`."""
    from fitroom.eval.tools_report import write_report

    with tempfile.TemporaryDirectory(prefix="fitroom-bench-tools-") as folder:
        started = time.perf_counter()
        services = build(settings)
        _sandbox(services, Path(folder))
        warm_up(services, lambda said: _ERR.print(said, highlight=False))
        startup = time.perf_counter() - started
        calls, notes = plan(services, repeats)
        with _progress() as bar:
            task = bar.add_task("tools", total=2 * sum(len(c) for c in calls.values()))

            def step(name: str, calls_done: int) -> None:
                bar.update(task, advance=calls_done, description=f"tools: {name}")

            timings, connected = anyio.run(_measure, services, calls, step)
        chat = services.chat
        figures: dict[str, Any] = {
            "startup_seconds": round(startup, 2),
            "mcp_connect_seconds": round(connected, 3),
            "repeats": repeats,
            "tools": {name: seen.figures() for name, seen in timings.items()},
            "machine": _machine(),
            "llm": chat.model_id if chat is not None else None,
            "notes": [*services.notes, *notes],
        }
    write_report(figures, out)
    return figures
