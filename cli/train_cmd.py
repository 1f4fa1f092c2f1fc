"""`fitroom train ...`: train the project's own models on the catalogue."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import TaskID

from fitroom.agent import wiring
from fitroom.cli.common import console, progress, reports_errors, settings

app = typer.Typer(help="Train a model on the catalogue.", no_args_is_help=True)


@app.command("image-tower")
@reports_errors
def image_tower(
    minutes: float = typer.Option(12.0, min=0.1, help="Training budget in minutes, both stages"),
    epochs: int = typer.Option(30, min=1, help="At most this many passes over the train split"),
    shape_pretraining: bool = typer.Option(
        True, help="Spend a third of the budget on Fashion-MNIST silhouettes first"
    ),
    catalog: Path | None = typer.Option(None, help="Catalogue folder (default: FITROOM_CATALOG)"),
) -> None:
    """Train the image tower against the frozen text encoder (LiT) on the train split."""
    from fitroom.eval.image_eval import held_out_figures
    from fitroom.tools.lit_pipeline import train_and_save, weights_path
    from fitroom.tools.lit_train import LitRecipe

    config = settings()
    cat = wiring.open_catalog(config, catalog)
    recipe = LitRecipe(minutes=minutes, epochs=epochs)
    if not shape_pretraining:
        recipe = recipe.model_copy(update={"shape_pretrain_share": 0.0})
    with progress() as bar:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: float) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=100)
            bar.update(tasks[stage], completed=round(100 * done))

        card = train_and_save(
            cat.items,
            wiring.build_embedder(config),
            config.data_dir,
            recipe,
            on_progress=report,
            evaluate=held_out_figures,
        )
    if card["shape_pretraining"].startswith("skipped"):
        console.print(
            f"[yellow]warning:[/yellow] shape pretraining {card['shape_pretraining']}; install "
            "Debian's dataset-fashion-mnist for a tower that tells garment types apart better."
        )
    figures = ", ".join(f"{k} {v:.3f}" for k, v in card["metrics"].items())
    console.print(
        f"trained {card['arch']} for {card['epochs_done']} epochs in {card['train_minutes']} min "
        f"on {card['split']['train_items']} items; held-out {figures}; saved "
        f"{weights_path(config.data_dir)}. Run `fitroom index` to add image vectors."
    )
