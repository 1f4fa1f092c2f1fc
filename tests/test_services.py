"""The composition root: each backend built once, on first use, and shared by every caller."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitroom.agent.services import Services
from fitroom.agent.session import run_turn
from fitroom.agent.settings import Settings
from fitroom.memory.long_term import UserMemory, load_memory, save_memory
from fitroom.tools.errors import ConfigError
from fitroom.tools.retrieval.search import SearchRequest
from tests.conftest import TRYON_DIR

# The real index and MiniLM: what composes the product is what is tested.
pytestmark = [pytest.mark.slow, pytest.mark.integration]

PHOTO = TRYON_DIR / "person" / "00055_00.jpg"


@pytest.fixture
def services(tmp_path: Path) -> Services:
    # The real index, but memory, try-ons and the (missing) ranker in a fresh data directory.
    real = Settings()
    return Services(
        Settings(data_dir=tmp_path, chroma=real.chroma_uri, llm="none", image_model="none")
    )


def test_each_backend_is_built_once_and_shared(services: Services, tmp_path: Path) -> None:
    context = services.context
    assert services.context is context and services.store is services.store
    assert context.parse == services.reader.parse  # search and chat read with one reader
    graph = services.graph
    assert graph.store is services.memory.store
    reply = run_turn(graph, context, "ann", "s1", "a black dress please, just show me")
    assert reply.type == "recommendations" and reply.items
    assert all(i.colour_master == "Black" for i in reply.items)
    assert (tmp_path / "memory" / "checkpoints.sqlite").is_file()


def test_missing_optional_parts_are_noted_once_each(services: Services) -> None:
    assert services.context is services.context
    assert services.ranker is None and services.chat is None and services.images is None
    assert sorted(n.split(":")[0] for n in services.notes) == [
        "No LLM is configured (FITROOM_LLM=none)",
        "Photo queries are off",
        "Picks come in retrieval order",
    ]


def test_memory_alone_opens_no_catalogue_and_no_model(tmp_path: Path) -> None:
    services = Services(Settings(data_dir=tmp_path, catalog=None))
    save_memory(services.memory.store, "bo", UserMemory(disliked={"pattern": {"Stripe": 1}}))
    again = Services(Settings(data_dir=tmp_path, catalog=None))  # a new process, same files
    assert load_memory(again.memory.store, "bo").disliked == {"pattern": {"Stripe": 1}}
    assert not {"catalog", "embedder", "store", "reader"} & set(vars(services))


def test_a_photo_search_without_an_image_model_says_which_setting(services: Services) -> None:
    with pytest.raises(ConfigError, match="FITROOM_IMAGE_MODEL"):
        services.search(SearchRequest(query="but in black", image=PHOTO))
    words = services.search(SearchRequest(query="a grey hoodie", k=5))
    assert [i.article_type for i in words.items] == ["Hoodie"] * 5
