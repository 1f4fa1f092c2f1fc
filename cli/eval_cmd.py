"""`fitroom eval`: simulated shoppers against the agent and its ablations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import typer

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.cli.common import console, progress, reports_errors, settings
from fitroom.tools.errors import ConfigError

if TYPE_CHECKING:
    from fitroom.tools.catalog.items import Catalog
    from fitroom.tools.llm.chat import ChatModel


@reports_errors
def evaluate(
    episodes: int = typer.Option(200, min=1, help="Episodes per configuration"),
    simulator: str = typer.Option("attribute", help="attribute (deterministic) or llm"),
    opening: str = typer.Option("mixed", help="text, photo or mixed"),
    ablation: list[str] = typer.Option(
        [], "--ablation", help="Run only these configurations (default: all)"
    ),
    seed: int = typer.Option(0, help="Seed for drawing episodes and bootstrap intervals"),
    split: str = typer.Option(
        "test",
        help="test (held-out last purchases) or validation (the train side split again, "
        "for tuning the agent without touching test)",
    ),
    phrasing: str = typer.Option(
        "varied",
        help="varied (the attribute simulator words replies as people do, negations included) "
        "or labels (it speaks the catalogue's labels)",
    ),
    out: Path = typer.Option(Path("reports"), help="Folder for eval.md and eval.png"),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
) -> None:
    """Success within 5 turns, recall, NDCG and turns for the agent and every ablation."""
    chosen = _chosen(simulator, opening, split, phrasing, ablation)
    config = settings()
    catalog = wiring.open_catalog(config)
    chat = _simulator_chat(config, simulator)
    result = _simulate(config, catalog, episodes, opening, chosen, seed, chat, split, phrasing)
    line = (
        f"{episodes} episodes from the {split} split, {opening} openings, {simulator} "
        f"simulator ({phrasing} phrasing), seed {seed}"
    )
    _report(result, line, out, as_json, chosen[0])


def _chosen(
    simulator: str, opening: str, split: str, phrasing: str, ablation: list[str]
) -> tuple[str, ...]:
    """The configurations to run, in their usual order, once every option has been checked."""
    from fitroom.eval.sim_run import ABLATIONS

    if simulator not in ("attribute", "llm"):
        raise ConfigError(f"--simulator {simulator!r} is unknown; use attribute or llm.")
    if opening not in ("text", "photo", "mixed"):
        raise ConfigError(f"--opening {opening!r} is unknown; use text, photo or mixed.")
    if phrasing not in ("varied", "labels"):
        raise ConfigError(f"--phrasing {phrasing!r} is unknown; use varied or labels.")
    if split not in ("test", "validation"):
        raise ConfigError(f"--split {split!r} is unknown; use test or validation.")
    unknown = [a for a in ablation if a not in ABLATIONS]
    if unknown:
        raise ConfigError(f"Unknown ablation {unknown[0]!r}; choose from {', '.join(ABLATIONS)}.")
    return tuple(a for a in ABLATIONS if a in ablation) or ABLATIONS


def _simulator_chat(config: Settings, simulator: str) -> ChatModel | None:
    chat = wiring.chat_model(config) if simulator == "llm" else None
    if simulator == "llm" and chat is None:
        raise ConfigError("The LLM simulator needs an LLM; FITROOM_LLM is none.")
    return chat


def _simulate(
    config: Settings,
    catalog: Catalog,
    episodes: int,
    opening: str,
    chosen: tuple[str, ...],
    seed: int,
    chat: ChatModel | None,
    split: str,
    phrasing: str,
) -> dict[str, Any]:
    """Run every chosen configuration behind one progress bar."""
    from fitroom.eval.sim_episodes import Opening
    from fitroom.eval.sim_run import Phrasing, Split, run_simulation

    with progress() as bar:
        task = bar.add_task("preparing (ranker on the train split)", total=episodes * len(chosen))

        def advance(name: str) -> None:
            bar.update(task, advance=1, description=f"episodes ({name})")

        kind = cast(Opening, opening)  # checked by _chosen
        return run_simulation(
            config,
            catalog,
            episodes,
            kind,
            chosen,
            seed,
            advance,
            chat,
            cast(Split, split),
            cast(Phrasing, phrasing),
        )


def _report(result: dict[str, Any], line: str, out: Path, as_json: bool, first: str) -> None:
    """Write eval.md and eval.png, and print the figures or the first configuration's score."""
    from fitroom.eval.sim_report import write_report

    write_report(result, line, out)
    if as_json:
        print(json.dumps({"runs": result["runs"]}, indent=2))
    else:
        full = result["runs"].get(first, {})
        console.print(f"{first}: success@5 {full.get('success@5')}; wrote {out / 'eval.md'}")
