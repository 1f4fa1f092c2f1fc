"""Write the tool-latency benchmark as `tools.md` plus `tools.png`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# The tools that ask the LLM for an explanation draft when one is configured.
LLM_TOOLS = ("explain_item", "recommend", "chat")


def _timed(figures: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The tools with timings on both paths."""
    tools: dict[str, dict[str, Any]] = figures["tools"]
    return {n: t for n, t in tools.items() if t["direct_ms_p50"] and t["mcp_ms_p50"]}


def _plot(figures: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and CI
    import matplotlib.pyplot as plt

    tools = _timed(figures)
    names = list(tools)[::-1]  # the first tool at the top
    fig, ax = plt.subplots(figsize=(9, 1.0 + 0.55 * len(names)))
    for offset, path_name, colour in ((0.2, "direct", "tab:blue"), (-0.2, "mcp", "tab:orange")):
        p50 = [tools[n][f"{path_name}_ms_p50"] for n in names]
        p95 = [tools[n][f"{path_name}_ms_p95"] for n in names]
        ax.barh(
            [y + offset for y in range(len(names))],
            p50,
            height=0.4,
            xerr=[[0.0] * len(names), [max(b - a, 0.0) for a, b in zip(p50, p95, strict=True)]],
            color=colour,
            capsize=3,
            label=f"{'direct Python call' if path_name == 'direct' else 'through MCP'}",
        )
    ax.set_xscale("log")
    ax.set_yticks(list(range(len(names))), names)
    ax.set_xlabel("milliseconds per call (bar p50, whisker p95; log scale)")
    ax.set_title("fitroom tool latency: direct vs MCP (in-process client)")
    ax.legend(loc="best")
    ax.grid(axis="x", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _rows(figures: dict[str, Any]) -> list[str]:
    rows = []
    for name, t in figures["tools"].items():
        ratio = t["mcp_over_direct_p50"]
        rows.append(
            f"| {name} | {t['calls']} | {_cell(t['direct_ms_p50'])} | {_cell(t['direct_ms_p95'])} "
            f"| {_cell(t['mcp_ms_p50'])} | {_cell(t['mcp_ms_p95'])} | "
            f"{'—' if ratio is None else f'{ratio:.2f}×'} | {_cell(t['direct_ms_first'])} "
            f"| {t['errors']} |"
        )
    return rows


def _bands(tools: dict[str, Any]) -> list[str]:
    """The MCP/direct ratios of tools grouped by how long their own work takes."""
    bands = (
        ("under 10 ms", 0.0, 10.0),
        ("10 ms to 1 s", 10.0, 1000.0),
        ("a second or more", 1000.0, float("inf")),
    )
    lines = []
    for label, low, high in bands:
        band = {n: t for n, t in tools.items() if low <= t["direct_ms_p50"] < high}
        if not band:
            continue
        ratios = sorted(t["mcp_over_direct_p50"] for t in band.values())
        spread = f"{ratios[0]:.2f}×" + (f" to {ratios[-1]:.2f}×" * (ratios[-1] > ratios[0]))
        both = ratios[0] < 1 < ratios[-1]
        lines.append(
            f"  - direct p50 {label} ({', '.join(band)}): MCP/direct p50 {spread}"
            + (
                "; on both sides of 1, so the variation between calls outweighs it."
                if both
                else "."
            )
        )
    return lines


def _reading(figures: dict[str, Any]) -> list[str]:
    """A few sentences drawn from the figures, so that they stay true when it is regenerated."""
    tools = _timed(figures)
    if not tools:
        return ["- No tool answered on both paths; see the errors below."]
    light = {n: t for n, t in tools.items() if t["direct_ms_p50"] < 10} or tools
    extra = sorted(t["mcp_ms_p50"] - t["direct_ms_p50"] for t in light.values())
    lines = [
        f"- **Protocol overhead.** For the tools whose own work is cheapest ({', '.join(light)}), "
        f"MCP adds {extra[0]:.2f} to {extra[-1]:.2f} ms at p50: argument validation, JSON both "
        "ways, the in-memory transport and a hop to a worker thread. A fixed cost of that size "
        "matters only for tools that take a few milliseconds themselves:",
    ]
    lines += _bands(tools)
    if figures["llm"]:
        drafting = [n for n in LLM_TOOLS if n in tools]
        lines.append(
            f"- With the LLM ({figures['llm']}) configured, {', '.join(drafting)} each draft an "
            "explanation with it (FITROOM_LLM_EXPLANATIONS), which is most of their time on CPU."
        )
    else:
        lines.append(
            "- No LLM was configured: explanations are templates, so no tool waits on one."
        )
    lines += [
        "- Arguments repeat across calls, so the reader's cache of readings serves repeats, as "
        "in a long-running server; the first path to see a phrase pays for reading it, and the "
        "paths take turns going first. explain_item, recommend, chat and try_on get different "
        "arguments on each path (the LLM reuses an identical prompt's work, and a try-on an "
        "identical render), so their ratios compare similar calls, not the same ones.",
        "- try_on renders a fresh (person, garment) pair on every call, in a scratch cache; a "
        "repeated pair is served from the cache in near-zero time in real use.",
        "- Each tool is called once on each path before timing; that first direct call is shown "
        "as *first ms* (try_on loads its pose models then). With few calls, p95 is close to the "
        "slowest call. Other work on the machine during the run shows in p95 first.",
    ]
    return lines


def write_report(figures: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _plot(figures, out / "tools.png")
    machine = figures["machine"]
    lines = [
        "# Tool latency: direct and through MCP",
        "",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `fitroom bench tools` "
        f"(`--repeats {figures['repeats']}`), on {machine['cpus']} CPUs ({machine['arch']}, "
        f"{machine['platform']}, Python {machine['python']}; load average "
        f"{' / '.join(map(str, machine['load_average_1_5_15_min']))} over 1 / 5 / 15 min as it "
        f"ended), LLM: {figures['llm'] or 'none'}. "
        "Each tool is called with varied, realistic arguments (queries, item ids from a search, "
        "sample person photos as base64, bench-only shopper ids in a scratch memory), once "
        "directly (`spec(services, arguments)`) and once through `build_server(services)` with "
        "the MCP SDK's in-process client, alternating which goes first, in the same run.",
        "",
        f"Start-up (build the services and warm every model): **{figures['startup_seconds']} s**;"
        f" building the MCP server and connecting a client: {figures['mcp_connect_seconds']} s.",
        "",
        "![tool latency](tools.png)",
        "",
        "| tool | calls | direct p50 ms | direct p95 ms | MCP p50 ms | MCP p95 ms | MCP/direct "
        "p50 | first ms | failed |",
        "|---|---|---|---|---|---|---|---|---|",
        *_rows(figures),
        "",
        "*calls*: timed calls on each path; *first ms*: the untimed warm-up call, direct; "
        "*failed*: calls that raised on either path, left out of the times.",
        "",
        "## Reading",
        "",
        *_reading(figures),
        "",
    ]
    failed = [f"- {n}: {t['first_error']}" for n, t in figures["tools"].items() if t["errors"]]
    notes = [f"- {note}" for note in figures["notes"]]
    if failed or notes:
        lines += ["## Notes", "", *failed, *notes, ""]
    lines += ["```json", json.dumps(figures, indent=2), "```", ""]
    (out / "tools.md").write_text("\n".join(lines))
