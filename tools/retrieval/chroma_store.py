"""The item store over chromadb: embedded `PersistentClient` or a Chroma server over HTTP."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from pydantic import BaseModel

from fitroom.tools.errors import ConfigError, StoreError, StoreMismatchError, StoreUnavailableError
from fitroom.tools.retrieval.embedder import Vectors
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.item_store import StoredItem, StoreHit
from fitroom.tools.retrieval.vocabulary import Vocabulary

# Everything a result shows or a filter needs, except what Chroma keeps elsewhere (the id and
# the document) and the price, which is stored only when known.
_META_FIELDS = tuple(
    f for f in StoredItem.model_fields if f not in ("item_id", "document", "price")
)
REBUILD_HINT = "rebuild it with `fitroom index --rebuild`"


class HnswParams(BaseModel):
    """HNSW settings, tuned for p95 <= 15 ms and recall@10 >= 0.98 at 100k vectors on 2 cores
    (reports/retrieval.md). `ef_search` may change on an existing collection, but Chroma 1.5
    applies it only when a process first loads the index; the others need a new collection."""

    ef_construction: int = 200
    max_neighbors: int = 32
    ef_search: int = 512


def parse_chroma_uri(uri: str) -> Path | tuple[str, int, bool]:
    """`path:<dir>` as the folder, `http(s)://host[:port]` as (host, port, ssl); ConfigError
    for anything else."""
    if uri.startswith("path:"):
        return Path(uri.removeprefix("path:")).expanduser()
    parsed = urlparse(uri)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ConfigError(
            f"FITROOM_CHROMA={uri!r} is neither path:<dir> nor http://host:port; fix the setting."
        )
    ssl = parsed.scheme == "https"
    return parsed.hostname, parsed.port or (443 if ssl else 8000), ssl


def open_client(uri: str) -> Any:
    """Open `path:<dir>` as an embedded client or `http(s)://host:port` as a server client."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    # Telemetry would try to reach the internet on every start.
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    target = parse_chroma_uri(uri)
    if isinstance(target, Path):
        target.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(target), settings=chroma_settings)
    host, port, ssl = target
    try:
        return chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=chroma_settings)
    except Exception as exc:  # chromadb raises bare ValueError/ConnectError on a dead server
        raise StoreUnavailableError(
            f"Cannot reach the Chroma server at {uri}; start it with `chroma run` or fix "
            "FITROOM_CHROMA."
        ) from exc


class ChromaItemStore:
    """Items, their vectors and metadata in one cosine-space Chroma collection."""

    def __init__(
        self, client: Any, name: str, model_id: str, dim: int, hnsw: HnswParams | None = None
    ) -> None:
        self.model_id, self.dim = model_id, dim
        hnsw = hnsw or HnswParams()
        # embedding_function=None: Chroma's default one downloads a model; we always pass vectors.
        self._col = client.get_or_create_collection(
            name,
            embedding_function=None,
            metadata={"model_id": model_id, "dim": dim},
            configuration={"hnsw": {"space": "cosine", **hnsw.model_dump()}},
        )
        meta = self._col.metadata or {}
        if meta.get("model_id") != model_id or meta.get("dim") != dim:
            raise StoreMismatchError(
                f"The item store {name!r} was built with {meta.get('model_id')} "
                f"({meta.get('dim')}-d) but the embedder is {model_id} ({dim}-d); {REBUILD_HINT}."
            )
        if self._col.configuration.get("hnsw", {}).get("ef_search") != hnsw.ef_search:
            self._col.modify(configuration={"hnsw": {"ef_search": hnsw.ef_search}})

    @staticmethod
    def drop(client: Any, name: str) -> None:
        """Delete the collection if it exists."""
        if name in [c.name for c in client.list_collections()]:
            client.delete_collection(name)

    def upsert(self, items: Sequence[StoredItem], vectors: Vectors) -> None:
        if len(items) != len(vectors) or (len(vectors) and vectors.shape[1] != self.dim):
            raise StoreError(
                f"Got {len(items)} items for {vectors.shape} vectors; they must pair "
                f"up with {self.dim}-d vectors."
            )
        if not items:
            return
        self._col.upsert(
            ids=[i.item_id for i in items],
            embeddings=vectors.tolist(),
            metadatas=[_metadata(i) for i in items],
            documents=[i.document for i in items],
        )

    def content_hashes(self, item_ids: Sequence[str]) -> dict[str, str]:
        if not item_ids:
            return {}  # Chroma refuses an empty id list
        got = self._col.get(ids=list(item_ids), include=["metadatas"])
        return {
            i: str(m.get("content_hash", ""))
            for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
        }

    def vectors(self, item_ids: Sequence[str]) -> Vectors:
        """The stored vectors of `item_ids`, in that order; unknown ids are an error."""
        got = self._col.get(ids=list(item_ids), include=["embeddings"])
        by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
        missing = [i for i in item_ids if i not in by_id]
        if missing:
            raise StoreError(
                f"The item store has no item(s) {', '.join(missing[:10])}; "
                "check the ids or re-run `fitroom index`."
            )
        return np.asarray([by_id[i] for i in item_ids], dtype=np.float32).reshape(-1, self.dim)

    def query(self, vector: Vectors, k: int, filters: Filters | None = None) -> list[StoreHit]:
        where = filters.to_where() if filters else None
        res = self._col.query(
            query_embeddings=[vector.reshape(-1).tolist()],
            n_results=k,
            where=where,
            include=["metadatas", "distances", "documents"],
        )
        return [
            StoreHit(item=_item(item_id, meta, doc), score=1.0 - float(dist))
            for item_id, meta, dist, doc in zip(
                res["ids"][0],
                res["metadatas"][0],
                res["distances"][0],
                res["documents"][0],
                strict=True,
            )
        ]

    def count(self) -> int:
        return int(self._col.count())

    def vocabulary(self) -> Vocabulary:
        raw = (self._col.metadata or {}).get("vocabulary")
        return Vocabulary.model_validate(json.loads(raw)) if raw else Vocabulary()

    def save_vocabulary(self, vocabulary: Vocabulary) -> None:
        meta = dict(self._col.metadata or {})
        meta["vocabulary"] = vocabulary.model_dump_json()
        self._col.modify(metadata=meta)


def _metadata(item: StoredItem) -> dict[str, str | float | bool]:
    meta: dict[str, str | float | bool] = {key: getattr(item, key) for key in _META_FIELDS}
    if item.price is not None:  # absent, not null, so a price filter excludes unpriced items
        meta["price"] = item.price
    return meta


def _item(item_id: str, meta: dict[str, Any], document: str | None) -> StoredItem:
    fields = {key: meta.get(key, "") for key in _META_FIELDS if key != "try_on"}
    return StoredItem(
        item_id=item_id,
        price=meta.get("price"),
        document=document or "",
        try_on=bool(meta.get("try_on", False)),
        **fields,
    )
