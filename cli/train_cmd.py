"""`fitroom train ...`: train the project's own models on the catalogue."""

from __future__ import annotations

from pathlib import Path

import typer

from fitroom.agent import wiring
from fitroom.cli.common import console, progress, reports_errors, settings, stage_bars

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
    from fitroom.tools.image_tower.pipeline import train_and_save, weights_path
    from fitroom.tools.image_tower.train import LitRecipe

    config = settings()
    cat = wiring.open_catalog(config, catalog)
    recipe = LitRecipe(minutes=minutes, epochs=epochs)
    if not shape_pretraining:
        recipe = recipe.model_copy(update={"shape_pretrain_share": 0.0})
    with progress() as bar:
        report = stage_bars(bar)
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


@app.command("ranker")
@reports_errors
def ranker(
    epochs: int = typer.Option(5, min=0, help="Passes over the causal training examples"),
    seed: int = typer.Option(0, help="Seed for initialisation, sampling and dropout"),
    catalog: Path | None = typer.Option(None, help="Catalogue folder (default: FITROOM_CATALOG)"),
) -> None:
    """Train the fused ranker on the catalogue's purchases: measured on the per-user time
    split, then fitted on every purchase and saved for the agent."""
    from fitroom.eval.ranker_eval import held_out_figures
    from fitroom.tools.ranker.fused import FusedRecipe
    from fitroom.tools.ranker.pipeline import checkpoint_path, train_and_save

    config = settings()
    cat = wiring.open_catalog(config, catalog)
    if not cat.interactions:
        raise typer.BadParameter("the catalogue has no purchases (interactions.csv) to learn from")
    with console.status("content vectors (text, and photos once the image tower is trained)"):
        content, content_model = wiring.ranker_content(config, cat.items)
    with progress() as bar:
        report = stage_bars(bar)
        card = train_and_save(
            cat.interactions,
            [i.item_id for i in cat.items],
            content,
            content_model,
            config.data_dir,
            FusedRecipe(epochs=epochs, seed=seed),
            evaluate=held_out_figures,
            on_progress=report,
        )
    m = card["metrics"]
    console.print(
        f"held-out (per-user last date): Recall@20 {m['recall@20']:.4f}, NDCG@20 "
        f"{m['ndcg@20']:.4f}, HR@10 {m['hr@10']:.4f}, cold Recall@20 {m['cold']['recall@20']:.4f};"
        f" served model fitted on all {len(cat.interactions)} purchases in "
        f"{card['train_seconds']} s, saved {checkpoint_path(config.data_dir)}."
    )
