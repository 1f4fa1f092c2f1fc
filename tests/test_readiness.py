"""What `fitroom app` builds on a fresh data directory, and that it then finds nothing missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitroom.agent.readiness import missing_steps
from fitroom.agent.settings import Settings
from tests.conftest import HM_DIR

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def test_a_fresh_data_directory_needs_every_build_step(tmp_path: Path) -> None:
    settings = Settings(catalog=HM_DIR, data_dir=tmp_path, chroma="")
    steps, notes = missing_steps(settings)
    commands = [step.command for step in steps]
    assert commands[:3] == [["train", "image-tower"], ["index"], ["train", "ranker"]]
    llm_step = ["llm", "install"] in commands
    llm_note = any("local LLM is not installed" in note for note in notes)
    assert llm_step != llm_note  # the weights are joined when their parts are installed


def test_without_photos_or_llm_only_the_index_and_ranker_are_built(tmp_path: Path) -> None:
    settings = Settings(
        catalog=HM_DIR, data_dir=tmp_path, chroma="", image_model="none", llm="none"
    )
    steps, notes = missing_steps(settings)
    assert [s.command for s in steps] == [["index"], ["train", "ranker"]] and notes == []
