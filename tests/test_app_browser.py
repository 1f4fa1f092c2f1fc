"""The app in a real browser: Debian's chromium driven by playwright, against `streamlit run` on
127.0.0.1 over a small real catalogue (no LLM, the real geometric try-on). Screenshots go to
reports/ui/ so that a person can look at them."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import TRYON_DIR
from tests.ui_support import small_catalog

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.integration]
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "reports" / "ui"
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PERSON = TRYON_DIR / "person" / "00055_00.jpg"
PICKS = re.compile(r"^Here (are \d+ picks|is one pick)\.")
_MAIN_IMAGES = "img:not([data-testid='stSidebar'] img)"


def _settled(page: Any) -> None:
    """Wait until the script run is over and every picture has arrived."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') !== 'running'",
        timeout=60_000,
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => [...document.images].every(i => i.complete)")


def _main_images(page: Any, condition: str) -> list[int]:
    """The natural widths of the page's (not the sidebar's) pictures, once `condition` holds
    for that list (a JavaScript expression over `w`)."""
    widths_of = "[...document.querySelectorAll(sel)].map(i => i.naturalWidth)"
    script = f"sel => {{ const w = {widths_of}; return ({condition}) && w; }}"
    widths: list[int] = page.wait_for_function(
        script, arg=_MAIN_IMAGES, timeout=60_000
    ).json_value()
    return widths


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, float, float]]:
    if not CHROMIUM.is_file():
        pytest.fail("Debian's chromium is missing at /usr/bin/chromium (apt-get install chromium).")
    root = tmp_path_factory.mktemp("browser")
    env = os.environ | {
        "FITROOM_DATA_DIR": str(root / "data"),
        "FITROOM_CATALOG": str(small_catalog(root / "catalog")),
        "FITROOM_IMAGE_MODEL": "none",
        "FITROOM_LLM": "none",
        "FITROOM_TRYON_SAMPLES": str(TRYON_DIR),
    }
    env.pop("FITROOM_CHROMA", None)
    cli = [sys.executable, "-m", "fitroom.cli.main"]
    subprocess.run([*cli, "index"], env=env, check=True, capture_output=True)
    port = _port()
    args = [sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "app.py")]
    args += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    args += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if httpx.get(f"{url}/_stcore/health").status_code == 200:
                    healthy = time.perf_counter()
                    break
            except httpx.HTTPError:
                time.sleep(0.25)
        else:
            pytest.fail("The app did not start within 60 s.")
        yield url, started, healthy
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_chat_cards_upload_and_try_on_in_chromium(server: tuple[str, float, float]) -> None:
    from playwright.sync_api import sync_playwright

    url, started, healthy = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        box = page.get_by_placeholder("What are you looking for?", exact=False)
        box.wait_for(timeout=60_000)
        timings["interactive_s_after_process_start"] = time.perf_counter() - started
        timings["interactive_s_after_server_up"] = time.perf_counter() - healthy
        page.get_by_text("Running on").wait_for(timeout=60_000)
        page.screenshot(path=str(SHOTS / "start.png"))

        box.fill("a t-shirt for women, just show me")
        asked = time.perf_counter()
        box.press("Enter")
        page.get_by_text(PICKS).first.wait_for(timeout=60_000)
        timings["first_text_s"] = time.perf_counter() - asked
        page.get_by_role("button", name="Try it on").first.wait_for(timeout=60_000)
        _settled(page)
        widths = _main_images(page, "w.length >= 3 && w.every(x => x > 0)")
        assert len(widths) >= 3  # real product photos, loaded
        page.screenshot(path=str(SHOTS / "cards.png"), full_page=True)

        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.locator("input[type='file']").set_input_files(str(PERSON))
        sidebar.get_by_text("00055_00.jpg").first.wait_for(timeout=30_000)
        # The upload reruns the script; a message typed during that rerun can be lost.
        _settled(page)
        box.fill("a blouse, just show me")
        asked = time.perf_counter()
        box.press("Enter")
        page.get_by_text(PICKS).nth(1).wait_for(timeout=60_000)
        timings["second_turn_first_text_s"] = time.perf_counter() - asked
        _settled(page)
        page.get_by_role("button", name="Try it on").first.click()
        clicked = time.perf_counter()
        page.get_by_text("on your photo").first.wait_for(timeout=60_000)
        timings["try_on_s"] = time.perf_counter() - clicked
        _settled(page)
        widths = _main_images(page, "w.length > 0 && w[w.length - 1] > 200")
        assert widths[-1] > 200  # the rendered try-on, last on the page, at full size
        page.screenshot(path=str(SHOTS / "tryon.png"), full_page=True)
        browser.close()
    rounded = {k: round(v, 2) for k, v in timings.items()}
    (SHOTS / "timings.json").write_text(json.dumps(rounded, indent=2) + "\n")
