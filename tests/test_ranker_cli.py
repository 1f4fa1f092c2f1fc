"""`fitroom train ranker` and `fitroom bench ranker` end to end on a tiny catalogue with the
real MiniLM encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.cli.main import app
from fitroom.tools.ranker.service import rank_items
from tests.conftest import CatalogFactory

runner = CliRunner()
ITEMS = [f"010000000{n}" for n in range(1, 6)]
# Three shoppers come back on a later date, so the per-user split has something to test.
PURCHASES = [
    ["a", ITEMS[0], "2020-01-01"],
    ["a", ITEMS[1], "2020-01-05"],
    ["b", ITEMS[0], "2020-01-02"],
    ["b", ITEMS[1], "2020-01-03"],
    ["b", ITEMS[3], "2020-01-09"],
    ["c", ITEMS[2], "2020-01-01"],
    ["c", ITEMS[4], "2020-01-08"],
    ["d", ITEMS[2], "2020-01-06"],
]


@pytest.fixture
def env(tmp_path: Path, make_catalog: CatalogFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    rows = [[*p, "0.02", "2"] for p in PURCHASES]
    monkeypatch.setenv("FITROOM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FITROOM_CATALOG", str(make_catalog(interactions=rows)))
    monkeypatch.setenv("FITROOM_IMAGE_MODEL", "none")
    return tmp_path / "data"


@pytest.mark.slow
def test_train_ranker_saves_a_checkpoint_the_agent_loads(env: Path) -> None:
    result = runner.invoke(app, ["train", "ranker", "--epochs", "1"])
    assert result.exit_code == 0, result.output
    assert "held-out (per-user last date): Recall@20" in result.output
    card = json.loads((env / "models" / "ranker.json").read_text())
    assert card["split"]["test_users"] == 3 and card["examples"] == 4
    assert len(card["losses"]) == 1 and "cold" in card["metrics"]
    ranker = wiring.ranker(Settings())
    ranked = rank_items(ranker, "b", ITEMS)
    assert sorted(i for i, _ in ranked) == sorted(ITEMS)


@pytest.mark.slow
def test_bench_ranker_json_and_report(env: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = runner.invoke(app, ["bench", "ranker", "--json", "--seeds", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)  # progress goes to stderr
    models = {"popularity", "itemknn", "content", "mf", "fused"}
    assert set(figures["models"]) == models and set(figures["cold"]) == models
    assert set(figures["models"]["fused"]) == {"recall@20", "ndcg@20", "hr@10"}
    assert figures["models"]["mf"]["recall@20"] >= figures["spread"]["mf"]["recall@20_min"]
    assert (out / "ranker.md").is_file() and (out / "ranker.png").stat().st_size > 0
    assert "Per-user time split" in (out / "ranker.md").read_text()


def test_train_ranker_without_purchases_is_one_line(
    tmp_path: Path, make_catalog: CatalogFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FITROOM_DATA_DIR", str(tmp_path / "data"))
    result = runner.invoke(app, ["train", "ranker", "--catalog", str(make_catalog())])
    assert result.exit_code == 2
    assert "no purchases" in result.output and "Traceback" not in result.output
