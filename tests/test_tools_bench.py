"""`fitroom bench tools` end to end over tiny services: every tool timed on both paths, and the
report, the plot and the figures written."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw

from fitroom.agent.services import Services
from fitroom.agent.settings import Settings
from fitroom.agent.toolset.registry import TOOLS
from fitroom.eval.tools_bench import run_tools_bench
from fitroom.tools.tryon.cache import CachedTryOn
from fitroom.tools.tryon.types import TryOnResult
from tests.tiny_agent import tiny_services


class Returning:
    """A try-on renderer test double: the person as they are (no mediapipe)."""

    name = "returning"

    def render(self, person: Image.Image, garment: Image.Image) -> TryOnResult:
        return TryOnResult(image=person, renderer=self.name, landmarks={}, masks={}, seconds=0.0)


def _services(folder: Path) -> Services:
    samples = folder / "tryon"
    (samples / "person").mkdir(parents=True)
    for n, colour in enumerate(("grey", "navy")):
        Image.new("RGB", (48, 64), colour).save(samples / "person" / f"0000{n}_00.jpg")
    services = tiny_services(folder, tryon_samples=samples)
    items = services.catalog.by_id()
    for item in items.values():  # a garment on a white ground, so that it cuts out
        photo = Image.new("RGB", (60, 90), "white")
        ImageDraw.Draw(photo).rectangle((10, 10, 50, 80), fill=(30, 30, 120))
        assert item.image is not None
        photo.save(item.image)
    services.__dict__["try_on"] = CachedTryOn(folder / "renders", items, Returning, "returning")
    return services


def test_every_tool_is_timed_on_both_paths_and_reported(tmp_path: Path) -> None:
    services = _services(tmp_path)
    out = tmp_path / "reports"

    def build(settings: Settings) -> Services:
        assert settings is services.settings
        return services

    figures = run_tools_bench(services.settings, out, repeats=2, build=build)

    assert set(figures) >= {"startup_seconds", "tools", "machine", "llm"}
    assert figures["llm"] is None and figures["startup_seconds"] >= 0
    assert figures["machine"]["cpus"] >= 1 and figures["machine"]["python"].count(".") == 2
    assert list(figures["tools"]) == [spec.name for spec in TOOLS]
    for name, timed in figures["tools"].items():
        assert timed["errors"] == 0, (name, timed["first_error"])
        assert timed["calls"] >= 1, name
        for key in ("direct_ms_p50", "direct_ms_p95", "mcp_ms_p50", "mcp_ms_p95"):
            assert timed[key] > 0, (name, key)
        assert timed["direct_ms_p95"] >= timed["direct_ms_p50"], name
    assert figures["tools"]["search_catalog"]["calls"] == 2
    report = (out / "tools.md").read_text()
    assert "`fitroom bench tools`" in report and "| try_on |" in report
    assert json.loads(report.split("```json")[1].split("```")[0]) == figures
    assert (out / "tools.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (services.settings.data_dir / "memory").exists()  # a scratch memory only
