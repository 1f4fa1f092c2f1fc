"""Measure one `ef_search` value in a fresh process.

Chroma 1.5 applies a changed `ef_search` only when a process first loads the index, so each point
of the sweep runs here, in its own interpreter, against the benchmark's persisted store.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from fitroom.eval.retrieval_metrics import K, latency_stats, tie_aware_recall, timed
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, HnswParams, open_client


def probe(folder: Path, collection: str, model_id: str, ef_search: int) -> dict[str, Any]:
    queries = np.load(folder / "queries.npy")
    kth = np.load(folder / "kth.npy")
    client = open_client(f"path:{folder / 'chroma'}")
    store = ChromaItemStore(
        client, collection, model_id, queries.shape[1], HnswParams(ef_search=ef_search)
    )
    times, results = timed(lambda q: [h.score for h in store.query(q, K)], queries)
    return {
        "ef_search": ef_search,
        **latency_stats(times),
        "recall": tie_aware_recall(results, kth),
    }


if __name__ == "__main__":
    folder, collection, model_id, ef = sys.argv[1:5]
    print(json.dumps(probe(Path(folder), collection, model_id, int(ef))))
