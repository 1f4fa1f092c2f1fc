"""Server mode: the same store over HTTP against a real `chroma run` on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.errors import StoreMismatchError, StoreUnavailableError
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.indexing import index_items
from tests.conftest import CatalogFactory
from tests.fakes import FakeEmbedder

pytestmark = pytest.mark.server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server .ci/run started (FITROOM_TEST_CHROMA_URL), else one started here."""
    if url := os.environ.get("FITROOM_TEST_CHROMA_URL"):
        yield url
        return
    binary = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [binary, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.25)
        else:
            pytest.fail(f"`chroma run` did not answer at {url} within 30 s.")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_index_and_filtered_query_over_http(
    chroma_url: str, make_catalog: CatalogFactory, fake_embedder: FakeEmbedder
) -> None:
    name = f"test-{uuid.uuid4().hex[:8]}"
    client = open_client(chroma_url)
    store = ChromaItemStore(client, name, fake_embedder.model_id, fake_embedder.dim)
    items = load_catalog(make_catalog()).items
    index_items(items, fake_embedder, store)
    index_items(items, fake_embedder, store)
    assert store.count() == len(items)
    query = fake_embedder.embed_texts(["knit jumper"])[0]
    assert store.query(query, 1)[0].item.item_id == "0100000003"
    hits = store.query(query, 5, Filters(include={"gender": ["Women"]}, price_max=0.035))
    assert [h.item.item_id for h in hits] == ["0100000001"]
    with pytest.raises(StoreMismatchError):
        ChromaItemStore(open_client(chroma_url), name, "another-model", fake_embedder.dim)
    ChromaItemStore.drop(client, name)


def test_unreachable_server_names_the_url() -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(StoreUnavailableError, match=f"Cannot reach the Chroma server at {url}"):
        open_client(url)
