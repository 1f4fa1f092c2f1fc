"""`fitroom catalog check PATH`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer

from fitroom.cli.common import console, progress, reports_errors
from fitroom.tools.catalog.items import read_catalog

app = typer.Typer(help="Inspect a catalogue folder.", no_args_is_help=True)


@app.command("check")
@reports_errors
def check(path: Path = typer.Argument(..., help="Catalogue folder with items.csv")) -> None:
    """Validate a catalogue folder and print a summary."""
    catalog = read_catalog(path)
    items = catalog.items
    genders = Counter(i.gender for i in items)
    console.print(
        f"[bold]{path}[/bold]: {len(items)} items, "
        f"{len({i.product_code for i in items})} products, "
        f"{sum(i.price is not None for i in items)} priced, "
        f"{len(catalog.missing_images)} without image"
    )
    console.print("genders: " + ", ".join(f"{g} {n}" for g, n in genders.most_common()))
    top = Counter(i.article_type for i in items).most_common(8)
    console.print("top article types: " + ", ".join(f"{t} {n}" for t, n in top))
    console.print(
        f"purchases: {len(catalog.interactions)} by "
        f"{len({x.user_id for x in catalog.interactions})} users; "
        f"users.csv rows: {len(catalog.user_ids)}"
    )
    for problem in catalog.problems:
        colour = "red" if problem.severity == "error" else "yellow"
        console.print(
            f"[{colour}]{problem.severity}:[/{colour}] {problem.message}", highlight=False
        )
    if catalog.errors:
        raise typer.Exit(1)
    console.print("[green]ok[/green]: the catalogue can be indexed.")


@app.command("import-hm")
@reports_errors
def import_hm_command(
    source: Path = typer.Argument(..., help="Unzipped Kaggle H&M folder (articles.csv, images/)"),
    target: Path = typer.Argument(..., help="Folder to write the fitroom catalogue into"),
    purchases: bool = typer.Option(True, help="Also convert transactions_train.csv (31M rows)"),
) -> None:
    """Convert the Kaggle H&M competition files into a fitroom catalogue folder."""
    from fitroom.tools.catalog.hm_import import import_hm

    with progress() as bar:
        task = bar.add_task("converting", total=None)
        report = import_hm(
            source,
            target,
            with_purchases=purchases,
            on_progress=lambda stage, n: bar.update(task, description=f"{stage} {n:,}"),
        )
    console.print(
        f"wrote {report.items} items ({report.with_image} with images), "
        f"{report.purchases} purchases and {report.users} users to {target}; "
        f"index it with `fitroom index --catalog {target}`."
    )
