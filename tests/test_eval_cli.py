"""`fitroom eval` end to end on a small real catalogue with its real purchases: the harness
works and reports every figure; the scores themselves are the benchmark's business."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fitroom.cli.main import app
from fitroom.eval.sim_run import ABLATIONS
from tests.conftest import HM_DIR
from tests.ui_support import small_catalog

pytestmark = [pytest.mark.slow, pytest.mark.integration]
runner = CliRunner()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if not HM_DIR.is_dir():
        pytest.fail(f"The sample catalogue is missing at {HM_DIR}.")
    root = tmp_path_factory.mktemp("eval")
    values = {
        "FITROOM_DATA_DIR": str(root / "data"),
        "FITROOM_CATALOG": str(small_catalog(root / "catalog", purchases=True)),
        "FITROOM_IMAGE_MODEL": "none",
        "FITROOM_LLM": "none",
    }
    cli = [sys.executable, "-m", "fitroom.cli.main", "index"]
    subprocess.run(cli, env={**__import__("os").environ, **values}, check=True, capture_output=True)
    return values


def test_a_small_deterministic_eval_reports_every_configuration(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    args = ["eval", "--episodes", "30", "--opening", "mixed", "--json", "--out", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    runs = json.loads(result.stdout)["runs"]
    assert tuple(runs) == ABLATIONS
    for figures in runs.values():
        assert figures["episodes"] == 30
        assert 0 <= figures["success@5"] <= 1 and 1 <= figures["avg_turns"] <= 6
        assert figures["recall@1"] <= figures["recall@5"] <= figures["recall@10"]
        low, high = figures["success@5_ci95"]
        assert low <= figures["success@5"] <= high
    assert runs["no_questions"]["asked"] == {}
    for name, figures in runs.items():
        assert set(figures["success@5_by_opening"]) == {"text", "photo"}
        assert ("full_minus_this" in figures) == (name != "full")
    report = (tmp_path / "eval.md").read_text()
    assert report.count("| full |") == 3  # figures, openings, turns
    assert "On success@5, full is clearly" in report
    assert (tmp_path / "eval.png").stat().st_size > 0


def test_an_unknown_ablation_or_simulator_is_refused(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    bad = runner.invoke(app, ["eval", "--ablation", "no_brain"])
    assert bad.exit_code == 2 and "Unknown ablation 'no_brain'" in bad.output
    llm = runner.invoke(app, ["eval", "--simulator", "llm"])  # FITROOM_LLM=none here
    assert llm.exit_code == 2 and "needs an LLM" in llm.output
    odd = runner.invoke(app, ["eval", "--simulator", "oracle"])
    assert odd.exit_code == 2 and "unknown" in odd.output
    split = runner.invoke(app, ["eval", "--split", "future"])
    assert split.exit_code == 2 and "--split 'future' is unknown" in split.output


def test_validation_episodes_come_from_the_train_side_only() -> None:
    from fitroom.eval.sim_episodes import build_episodes
    from fitroom.eval.sim_run import episode_split
    from fitroom.tools.catalog.items import load_catalog

    catalog = load_catalog(HM_DIR)
    outer = episode_split(catalog.interactions, "test")
    inner = episode_split(catalog.interactions, "validation")
    train_pairs = {(p.user_id, p.item_id, p.timestamp) for p in outer.train}
    inner_test = {(p.user_id, p.item_id) for p in inner.test}
    assert all((p.user_id, p.item_id, p.timestamp) in train_pairs for p in inner.test)
    episodes = build_episodes(catalog, inner, 40, "text", seed=0)
    assert episodes and all((e.user_id, e.target) in inner_test for e in episodes)


def test_episodes_are_reproducible_distinct_and_leak_nothing() -> None:
    from fitroom.eval.sim_episodes import build_episodes
    from fitroom.tools.catalog.items import load_catalog
    from fitroom.tools.ranker.split import per_user_time_split

    catalog = load_catalog(HM_DIR)
    items = catalog.by_id()
    split = per_user_time_split(catalog.interactions)
    episodes = build_episodes(catalog, split, 60, "mixed", seed=3)
    assert episodes == build_episodes(catalog, split, 60, "mixed", seed=3)
    assert len({e.user_id for e in episodes}) == 60  # distinct shoppers first
    test_pairs = {(p.user_id, p.item_id) for p in split.test}
    for episode in episodes:
        target = items[episode.target]
        assert (episode.user_id, episode.target) in test_pairs
        assert target.title.casefold() not in episode.text.casefold()
        if episode.opening == "photo":
            photo_id = episode.image.rsplit("/", 1)[-1].removesuffix(".jpg")  # type: ignore[union-attr]
            assert items[photo_id].article_type == target.article_type
            assert items[photo_id].product_code != target.product_code
    assert {e.opening for e in episodes} == {"text", "photo"}
