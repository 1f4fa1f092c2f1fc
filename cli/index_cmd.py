"""`fitroom index`: embed the catalogue into the item store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import typer

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.cli.common import console, progress, reports_errors, settings
from fitroom.tools.catalog.cards import write_card
from fitroom.tools.catalog.items import Item
from fitroom.tools.retrieval.chroma_store import ChromaItemStore
from fitroom.tools.retrieval.embedder import Embedder
from fitroom.tools.retrieval.indexing import IndexReport, index_items


@reports_errors
def index(
    catalog: Path | None = typer.Option(None, help="Catalogue folder (default: FITROOM_CATALOG)"),
    limit: int | None = typer.Option(None, min=1, help="Index only the first N items"),
    rebuild: bool = typer.Option(False, help="Delete the store first and rebuild it"),
) -> None:
    """Build or update the item store; a re-run skips unchanged items."""
    config = settings()
    cat = wiring.open_catalog(config, catalog)
    for problem in cat.problems:
        console.print(f"[yellow]warning:[/yellow] {problem.message}", highlight=False)
    items = cat.items[:limit] if limit else cat.items
    embedder = wiring.build_embedder(config)
    store = wiring.open_store(config, embedder, rebuild=rebuild)
    photos = _open_photos(config, rebuild)
    report, image_report = _index(items, embedder, store, photos)
    _write_card(config, config.collection, "item-index", cat.path, store, report)
    console.print(
        f"indexed {report.total} items ({report.embedded} embedded, {report.skipped} "
        f"unchanged) in {report.seconds:.1f}s; the store holds {store.count()}."
    )
    if photos and image_report:
        _photos_indexed(config, cat.path, photos, image_report)
    else:
        console.print(f"photos not indexed: {_why_no_photos(config)}.")


class _Photos(NamedTuple):
    """The image model and its collection, where photos can be indexed."""

    embedder: Embedder
    store: ChromaItemStore


def _open_photos(config: Settings, rebuild: bool) -> _Photos | None:
    images = wiring.image_embedder(config, required=False)
    if not images:
        return None
    image_store = wiring.open_image_store(config, images, rebuild=rebuild, replace_stale=True)
    return _Photos(images, image_store)


def _index(
    items: Sequence[Item], embedder: Embedder, store: ChromaItemStore, photos: _Photos | None
) -> tuple[IndexReport, IndexReport | None]:
    """Index the items' text, then their photos, each with its own progress bar."""
    image_report = None
    try:
        with progress() as bar:
            task = bar.add_task("indexing text", total=len(items))
            report = index_items(items, embedder, store, on_progress=lambda n: bar.advance(task, n))
            if photos:
                task = bar.add_task("indexing photos", total=len(items))
                image_report = index_items(
                    items,
                    photos.embedder,
                    photos.store,
                    on_progress=lambda n: bar.advance(task, n),
                    modality="image",
                )
    except KeyboardInterrupt:
        # Every finished batch is already stored; a re-run skips it by its content hash.
        console.print(
            f"interrupted with {store.count()} items stored; run `fitroom index` "
            "again to finish (finished batches are skipped)."
        )
        raise typer.Exit(130) from None
    return report, image_report


def _why_no_photos(config: Settings) -> str:
    if config.image_model == "none":
        return "FITROOM_IMAGE_MODEL=none"
    return "no image tower yet; run `fitroom train image-tower`, then `fitroom index` again"


def _photos_indexed(
    config: Settings, catalog: Path, photos: _Photos, image_report: IndexReport
) -> None:
    _write_card(config, config.image_collection, "image-index", catalog, photos.store, image_report)
    for item_id in image_report.unreadable:
        console.print(f"[yellow]warning:[/yellow] the photo of item {item_id} is unreadable.")
    console.print(
        f"indexed photos ({image_report.embedded} embedded, {len(image_report.unreadable)} "
        f"unreadable) in {image_report.seconds:.1f}s with {photos.embedder.model_id}; the image "
        f"store holds {photos.store.count()}."
    )


def _write_card(
    config: Settings,
    collection: str,
    artefact: str,
    catalog: Path,
    store: ChromaItemStore,
    report: IndexReport,
) -> None:
    write_card(
        config.data_dir / "cards" / f"{collection}.json",
        artefact=artefact,
        catalog=catalog.resolve(),
        items=store.count(),
        model_id=store.model_id,
        dim=store.dim,
        chroma=config.chroma_uri,
        hnsw=config.hnsw.model_dump(),
        last_run=report.model_dump(),
    )
