"""Retrieval benchmark: index time, Chroma vs exact latency and recall, at catalogue size and 100k.

Everything is measured in one run on the same vectors and queries, so ratios are comparable even
on a noisy machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rich.console import Console
from rich.progress import Progress

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.eval.retrieval_metrics import K, exact_search, latency_stats, tie_aware_recall, timed
from fitroom.eval.retrieval_report import write_report
from fitroom.tools.catalog.items import Item
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.embedder import Vectors, normalise
from fitroom.tools.retrieval.indexing import index_items, to_stored

EF_SWEEP = (16, 32, 64, 128, 256, 512, 1024)
NOISE = 0.5  # norm of the noise added to a catalogue vector: cosine ~0.89 to its source
COLLECTION = "bench-items"
_UPSERT_BATCH = 4096


def bench_queries(items: list[Item], n: int, seed: int = 0) -> list[str]:
    """Shopper-style queries built from real attribute combinations of the catalogue."""
    rng = np.random.default_rng(seed)
    templates = (
        "{colour} {type}",
        "{colour} {type} for {gender}",
        "{pattern} {type}",
        "{type} for {gender}",
        "{title}",
    )
    out: list[str] = []
    for index in rng.integers(len(items), size=n):
        item = items[int(index)]
        out.append(
            templates[len(out) % len(templates)].format(
                colour=item.colour.lower(),
                type=item.article_type.lower(),
                gender=item.gender.lower(),
                pattern=item.pattern.lower(),
                title=item.title,
            )
        )
    return out


def _measure(
    figures: dict[str, Any], label: str, store: ChromaItemStore, matrix: Vectors, queries: Vectors
) -> NDArray[Any]:
    """Time exact and Chroma search on the same queries; return the K-th exact score per query."""
    exact_t, exact_r = timed(exact_search(matrix), queries)
    chroma_t, chroma_r = timed(lambda q: [h.score for h in store.query(q, K)], queries)
    for engine, times in (("exact", exact_t), ("chroma", chroma_t)):
        for stat, value in latency_stats(times).items():
            figures[f"{engine}_{stat}_ms_{label}"] = value
    kth = np.asarray([scores[K - 1] for scores in exact_r])
    figures[f"chroma_recall_at_10_{label}"] = tie_aware_recall(chroma_r, kth)
    return kth


def _grow(
    store: ChromaItemStore,
    items: list[Item],
    base: Vectors,
    total: int,
    bar: Progress,
    seed: int = 1,
) -> Vectors:
    """Add noisy copies of catalogue vectors until the store holds `total`; return them."""
    rng = np.random.default_rng(seed)
    extra = total - len(items)
    source = rng.integers(len(items), size=extra)
    noise = rng.normal(size=(extra, base.shape[1])).astype(np.float32)
    noise *= NOISE / np.linalg.norm(noise, axis=1, keepdims=True)
    vectors = normalise(base[source] + noise)
    task = bar.add_task(f"adding {extra} synthetic vectors", total=extra)
    for start in range(0, extra, _UPSERT_BATCH):
        stop = min(start + _UPSERT_BATCH, extra)
        records = [
            to_stored(items[int(s)], store.model_id).model_copy(
                update={"item_id": f"synthetic-{start + n:06d}"}
            )
            for n, s in enumerate(source[start:stop])
        ]
        store.upsert(records, vectors[start:stop])
        bar.advance(task, stop - start)
    return vectors


def _sweep(folder: Path, model_id: str, queries: Vectors, kth: NDArray[Any]) -> list[Any]:
    np.save(folder / "queries.npy", queries)
    np.save(folder / "kth.npy", kth)
    points = []
    for ef in EF_SWEEP:
        cmd = [
            sys.executable,
            "-m",
            "fitroom.eval.ef_probe",
            str(folder),
            COLLECTION,
            model_id,
            str(ef),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        points.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return points


def run_retrieval_bench(
    settings: Settings, out: Path, big: int = 100_000, n_queries: int = 300
) -> dict[str, Any]:
    """Run every measurement, write `out/retrieval.md` and its plot, and return the figures."""
    items = wiring.open_catalog(settings).items
    embedder = wiring.build_embedder(settings)
    label = f"{big // 1000}k"
    figures: dict[str, Any] = {
        "items": len(items),
        "big": big,
        "queries": n_queries,
        "hnsw": settings.hnsw.model_dump(),
    }
    with tempfile.TemporaryDirectory() as tmp, Progress(console=Console(stderr=True)) as bar:
        folder = Path(tmp)
        store = ChromaItemStore(
            open_client(f"path:{folder / 'chroma'}"),
            COLLECTION,
            embedder.model_id,
            embedder.dim,
            settings.hnsw,
        )
        task = bar.add_task("indexing the catalogue", total=len(items))
        report = index_items(items, embedder, store, on_progress=lambda n: bar.advance(task, n))
        figures["index_seconds"] = report.seconds
        base = store.vectors([i.item_id for i in items])
        start = time.perf_counter()
        queries = embedder.embed_texts(bench_queries(items, n_queries))
        figures["query_embed_ms"] = (time.perf_counter() - start) * 1000 / n_queries
        _measure(figures, "catalog", store, base, queries)
        start = time.perf_counter()
        extra = _grow(store, items, base, big, bar)
        figures["grow_seconds"] = time.perf_counter() - start
        kth = _measure(figures, label, store, np.vstack([base, extra]), queries)
        sweep_task = bar.add_task("ef_search sweep (fresh process each)", total=None)
        figures[f"ef_sweep_{label}"] = _sweep(folder, embedder.model_id, queries, kth)
        bar.update(sweep_task, total=1, completed=1)
    write_report(figures, out)
    return figures
