"""Settings come from FITROOM_* variables; wiring turns them into backends or clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitroom.agent import wiring
from fitroom.agent.settings import Settings, load_settings
from fitroom.tools.errors import CatalogError, ConfigError


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FITROOM_CATALOG", str(tmp_path / "cat"))
    monkeypatch.setenv("FITROOM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FITROOM_HNSW__EF_SEARCH", "64")
    monkeypatch.delenv("FITROOM_CHROMA", raising=False)
    settings = Settings()
    assert settings.catalog == tmp_path / "cat"
    assert settings.hnsw.ef_search == 64 and settings.hnsw.max_neighbors == 32
    assert settings.chroma_uri == f"path:{tmp_path / 'data' / 'chroma'}"
    monkeypatch.setenv("FITROOM_CHROMA", "http://10.0.0.1:8000")
    assert Settings().chroma_uri == "http://10.0.0.1:8000"


@pytest.mark.parametrize(
    ("variable", "value", "sentence"),
    [
        ("FITROOM_TEXT_MODEL", "clip", "FITROOM_TEXT_MODEL='clip' is unknown; use minilm or"),
        ("FITROOM_LLM", "nonsense", "use llamacpp, llamacpp:<file.gguf>, openai:<base url>#"),
        ("FITROOM_LLM", "openai:http://h:8000/v1", "FITROOM_LLM='openai:http://h:8000/v1' is"),
        ("FITROOM_IMAGE_MODEL", "open_clip:ViT-B-32", "use lit, lit:<file>, open_clip:"),
        ("FITROOM_TRYON", "diffusion", "use geometric, diffusion:<folder> or none"),
        ("FITROOM_CHROMA", "ftp://x", "is neither path:<dir> nor http://host:port"),
        ("FITROOM_HNSW__EF_SEARCH", "many", "FITROOM_HNSW__EF_SEARCH='many': Input should be"),
    ],
)
def test_a_bad_setting_stops_the_start_with_one_sentence(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, sentence: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert sentence in message and "\n" not in message and message.endswith(".")


def test_backends_are_parsed_once_into_kind_and_argument() -> None:
    settings = Settings(llm="openai:http://h:8000/v1#qwen", tryon="diffusion:/models/sd")
    assert settings.backend("llm").kind == "openai"
    assert settings.backend("llm").parts("#") == ("http://h:8000/v1", "qwen")
    assert (settings.backend("tryon").kind, settings.backend("tryon").arg) == (
        "diffusion",
        "/models/sd",
    )


def test_no_catalogue_says_how_to_set_one() -> None:
    with pytest.raises(CatalogError, match="pass --catalog PATH or set FITROOM_CATALOG"):
        wiring.resolve_catalog(Settings(catalog=None))


def test_nothing_loads_until_used(tmp_path: Path) -> None:
    # A folder of its own, so the process-wide embedder cache cannot hand back a loaded one.
    embedder = wiring.build_embedder(Settings(text_model=f"minilm:{tmp_path}"))
    assert "_model" not in vars(embedder)  # weights load on first embed, not at wiring
