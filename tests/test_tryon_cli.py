"""`fitroom tryon` and `fitroom bench tryon` on the real VITON-HD samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from fitroom.cli.main import app
from fitroom.tools.tryon.types import can_try_on
from tests.conftest import HM_DIR, TRYON_DIR

runner = CliRunner()
pytestmark = [pytest.mark.slow, pytest.mark.integration]
PERSON = TRYON_DIR / "person" / "00055_00.jpg"
GARMENT = TRYON_DIR / "garment" / "07764_00.jpg"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FITROOM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FITROOM_CATALOG", str(HM_DIR))
    monkeypatch.setenv("FITROOM_TRYON_SAMPLES", str(TRYON_DIR))
    monkeypatch.delenv("FITROOM_TRYON", raising=False)


def test_tryon_writes_the_picture_its_masks_and_diagnostics(tmp_path: Path) -> None:
    out, masks = tmp_path / "out.png", tmp_path / "masks"
    args = ["tryon", str(PERSON), str(GARMENT), "-o", str(out), "--masks", str(masks), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["renderer"] == "geometric" and "person_shoulder_l" in figures["landmarks"]
    assert Image.open(out).size == Image.open(PERSON).size
    assert {p.name for p in masks.iterdir()} >= {"garment.png", "person.png", "arms.png"}


def test_tryon_refuses_a_skirt_and_a_photo_without_a_person(tmp_path: Path) -> None:
    from fitroom.tools.catalog.items import load_catalog

    skirt = next(i for i in load_catalog(HM_DIR).items if i.article_type == "Skirt")
    refused = runner.invoke(
        app, ["tryon", str(PERSON), skirt.item_id, "-o", str(tmp_path / "x.png")]
    )
    assert refused.exit_code == 2 and "cannot be tried on" in refused.output
    nobody = runner.invoke(
        app, ["tryon", str(GARMENT), str(GARMENT), "-o", str(tmp_path / "y.png")]
    )
    assert nobody.exit_code == 2 and "no person in the photo" in nobody.output
    assert not (tmp_path / "x.png").exists() and not (tmp_path / "y.png").exists()


def test_bench_tryon_reports_the_issue_figures(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bench", "tryon", "--json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    for key in ("garment_ssim", "baseline_garment_ssim", "garment_delta_e"):
        assert 0 < figures[key] < 100
    assert figures["renders"] >= 12 and figures["seconds_per_render_p50"] > 0
    assert {"00055_00", "14627_00"} == set(figures["pairs"])
    for name in ("tryon.md", "tryon_contact_sheet.png", "tryon_pairs.png"):
        assert (tmp_path / name).stat().st_size > 0


def test_the_agents_try_on_tool_renders_once_per_photo_and_item() -> None:
    from fitroom.agent.services import Services
    from fitroom.agent.settings import Settings

    tool = Services(Settings()).try_on
    assert tool is not None
    items = tool.items
    tee = next(i for i in items.values() if can_try_on(i.article_type, i.title))
    first = tool(PERSON, tee)
    stamp = first.stat().st_mtime_ns
    assert Image.open(first).size == Image.open(PERSON).size
    assert tool(PERSON, tee) == first and first.stat().st_mtime_ns == stamp  # served again
    assert Services(Settings(tryon="none")).try_on is None
