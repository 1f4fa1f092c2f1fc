"""Settings come from FITROOM_* variables; wiring turns them into backends or clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
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


def test_unknown_text_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="FITROOM_TEXT_MODEL='clip' is unknown"):
        wiring.build_embedder(Settings(text_model="clip"))


def test_no_catalogue_says_how_to_set_one() -> None:
    with pytest.raises(CatalogError, match="pass --catalog PATH or set FITROOM_CATALOG"):
        wiring.resolve_catalog(Settings(catalog=None))


def test_nothing_loads_until_used(tmp_path: Path) -> None:
    # A folder of its own, so the process-wide embedder cache cannot hand back a loaded one.
    embedder = wiring.build_embedder(Settings(text_model=f"minilm:{tmp_path}"))
    assert "_model" not in vars(embedder)  # weights load on first embed, not at wiring
