"""`fitroom bench ...`: benchmarks that write reports/."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from fitroom.cli.common import console, reports_errors, settings

app = typer.Typer(help="Run a benchmark and write its report.", no_args_is_help=True)


@app.command("retrieval")
@reports_errors
def retrieval(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    out: Path = typer.Option(Path("reports"), help="Folder for retrieval.md and its plot"),
    big: int = typer.Option(100_000, help="Vector count for the large-scale run"),
    queries: int = typer.Option(300, help="Queries per measurement"),
) -> None:
    """Index time, Chroma vs exact latency at catalogue size and 100k, and recall@10."""
    from fitroom.eval.retrieval_bench import run_retrieval_bench

    figures = run_retrieval_bench(settings(), out, big=big, n_queries=queries)
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        console.print(f"wrote {out / 'retrieval.md'}")


@app.command("image-tower")
@reports_errors
def image_tower(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    out: Path = typer.Option(Path("reports"), help="Folder for image_tower.md and its grid"),
) -> None:
    """The trained tower vs random init, colour histogram and HOG on held-out products."""
    from fitroom.eval.image_bench import run_image_bench

    figures = run_image_bench(settings(), out)
    if as_json:
        shown = {k: v for k, v in figures.items() if k not in ("card", "i2i")}
        print(json.dumps(shown, indent=2))
    else:
        console.print(
            f"i2i P@10 type {figures['i2i_p10_article_type']:.3f}, colour "
            f"{figures['i2i_p10_colour']:.3f}, both {figures['i2i_p10_both']:.3f} (best classical "
            f"{figures['baseline_best_i2i_p10_both']:.3f}); t2i attribute P@10 "
            f"{figures['t2i_attr_p10']:.3f}; wrote {out / 'image_tower.md'}"
        )


@app.command("image-recipe")
@reports_errors
def image_recipe(
    minutes: float = typer.Option(12.0, min=0.1, help="Training budget in minutes"),
    overrides: list[str] = typer.Option(
        [], "--set", help="Recipe field=value (JSON value), e.g. --set batch_size=256; repeatable"
    ),
    out: Path = typer.Option(Path("reports/image_recipes.jsonl"), help="Append the result here"),
) -> None:
    """Score a training recipe on a validation carve-out of the train split (never held-out)."""
    from fitroom.eval.lit_validation import validate_recipe
    from fitroom.tools.image_tower.train import LitRecipe

    fields: dict[str, object] = {"minutes": minutes}
    fields.update(_fields(overrides, set(LitRecipe.model_fields)))
    figures = validate_recipe(settings(), LitRecipe.model_validate(fields))
    _append(out, figures)
    print(json.dumps(figures, indent=2))


@app.command("understanding")
@reports_errors
def understanding(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    out: Path = typer.Option(Path("reports"), help="Folder for understanding.md"),
    eval_dir: Path = typer.Option(
        Path("../shared/eval"), help="Folder with utterances_dev.jsonl and vague_dev.jsonl"
    ),
) -> None:
    """Negation, "or", occasions and needs: what search shows against what was asked."""
    from fitroom.eval.understanding_bench import run_understanding_bench

    figures = run_understanding_bench(settings(), eval_dir, out)
    if as_json:
        keys = ("failures", "vague_failures")
        shown = {k: v for k, v in figures.items() if k not in keys}
        for part in ("with_llm", "llm_only"):
            if shown.get(part):
                shown[part] = {k: v for k, v in shown[part].items() if k not in keys}
        print(json.dumps(shown, indent=2))
    else:
        console.print(
            f"compliance {figures['compliance']:.3f}, {figures['requests_showing_avoided']} of "
            f"{figures['requests']} requests show a ruled-out item, vague served "
            f"{figures['vague_served']}/{figures['vague_requests']}; wrote "
            f"{out / 'understanding.md'}"
        )


@app.command("ranker")
@reports_errors
def ranker(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    out: Path = typer.Option(Path("reports"), help="Folder for ranker.md and its chart"),
    seeds: int = typer.Option(3, min=1, help="Seeds for the seeded models (MF, fused)"),
) -> None:
    """Every ranker on the per-user and global time splits: Recall@20, NDCG@20, HR@10, overall
    and on cold items, plus the fused ranker's run-time speed."""
    from fitroom.eval.ranker_bench import run_ranker_bench

    figures = run_ranker_bench(settings(), out, seeds=seeds)
    if as_json:
        shown = ("models", "cold", "spread", "goals", "latency_ms_200_candidates", "splits")
        print(json.dumps({k: figures[k] for k in shown}, indent=2))
    else:
        recall = ", ".join(f"{n} {m['recall@20']:.4f}" for n, m in figures["models"].items())
        console.print(f"Recall@20: {recall}; wrote {out / 'ranker.md'}")


@app.command("ranker-recipe")
@reports_errors
def ranker_recipe(
    overrides: list[str] = typer.Option(
        [], "--set", help="Recipe field=value (JSON value), e.g. --set id_dim=8; repeatable"
    ),
    out: Path = typer.Option(Path("reports/ranker_recipes.jsonl"), help="Append the result here"),
) -> None:
    """Score a fused-ranker recipe on a validation carve-out of the train split (never test)."""
    from fitroom.eval.ranker_validation import validate_recipe
    from fitroom.tools.ranker.fused import FusedRecipe

    recipe = FusedRecipe.model_validate(_fields(overrides, set(FusedRecipe.model_fields)))
    figures = validate_recipe(settings(), recipe)
    _append(out, figures)
    print(json.dumps(figures, indent=2))


@app.command("agent")
@reports_errors
def agent(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    out: Path = typer.Option(Path("reports"), help="Folder for agent.md"),
) -> None:
    """Turn time of scripted conversations through the agent graph, and explanation
    groundedness."""
    from fitroom.eval.agent_bench import run_agent_bench

    figures = run_agent_bench(settings(), out)
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        console.print(
            f"{figures['turns']} turns: p50 {figures['turn_ms_p50']} ms, p95 "
            f"{figures['turn_ms_p95']} ms; wrote {out / 'agent.md'}"
        )


@app.command("tryon")
@reports_errors
def tryon(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    out: Path = typer.Option(Path("reports"), help="Folder for tryon.md and its sheets"),
) -> None:
    """The geometric try-on against the paste baseline on the ground-truth pairs, render time,
    and a contact sheet."""
    from fitroom.eval.tryon_bench import run_tryon_bench

    figures = run_tryon_bench(settings().tryon_samples, out)
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        console.print(
            f"SSIM {figures['garment_ssim']} (paste {figures['baseline_garment_ssim']}), ΔE "
            f"{figures['garment_delta_e']} (paste {figures['baseline_garment_delta_e']}), "
            f"{figures['seconds_per_render_p50']} s a render; wrote {out / 'tryon.md'}"
        )


@app.command("tools")
@reports_errors
def tools(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    out: Path = typer.Option(Path("reports"), help="Folder for tools.md and tools.png"),
    repeats: int = typer.Option(
        20, min=1, help="Timed calls per tool and path (a quarter as many for the slow ones)"
    ),
) -> None:
    """How long each agent-facing tool takes, called directly and through the MCP server, with
    the start-up time to warm every model."""
    from fitroom.eval.tools_bench import run_tools_bench

    figures = run_tools_bench(settings(), out, repeats=repeats)
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        timed = figures["tools"]
        errors = sum(t["errors"] for t in timed.values())
        console.print(
            f"{len(timed)} tools timed, start-up {figures['startup_seconds']} s, "
            f"{errors} failed calls; wrote {out / 'tools.md'}"
        )


def _fields(overrides: list[str], known: set[str]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep or key not in known:
            raise typer.BadParameter(f"--set {item!r}: use field=value with a recipe field")
        try:
            fields[key] = json.loads(value)
        except json.JSONDecodeError:
            fields[key] = value
    return fields


def _append(out: Path, figures: dict[str, object]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a") as handle:
        handle.write(json.dumps(figures) + "\n")
