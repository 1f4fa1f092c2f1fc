"""`fitroom eval`: simulated shoppers against the agent and its ablations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import typer

from fitroom.agent import wiring
from fitroom.cli.common import console, progress, reports_errors, settings
from fitroom.tools.errors import ConfigError


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
    from fitroom.eval.sim_episodes import Opening
    from fitroom.eval.sim_report import write_report
    from fitroom.eval.sim_run import ABLATIONS, Phrasing, Split, run_simulation

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
    chosen = tuple(a for a in ABLATIONS if a in ablation) or ABLATIONS
    config = settings()
    catalog = wiring.open_catalog(config)
    chat = wiring.chat_model(config) if simulator == "llm" else None
    if simulator == "llm" and chat is None:
        raise ConfigError("The LLM simulator needs an LLM; FITROOM_LLM is none.")
    with progress() as bar:
        task = bar.add_task("preparing (ranker on the train split)", total=episodes * len(chosen))

        def advance(name: str) -> None:
            bar.update(task, advance=1, description=f"episodes ({name})")

        kind = cast(Opening, opening)  # checked above
        result = run_simulation(
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
    line = (
        f"{episodes} episodes from the {split} split, {opening} openings, {simulator} "
        f"simulator ({phrasing} phrasing), seed {seed}"
    )
    write_report(result, line, out)
    if as_json:
        print(json.dumps({"runs": result["runs"]}, indent=2))
    else:
        full = result["runs"].get(chosen[0], {})
        console.print(f"{chosen[0]}: success@5 {full.get('success@5')}; wrote {out / 'eval.md'}")
