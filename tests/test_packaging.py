"""The wheel installs everything under the one `fitroom` namespace."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_has_only_the_fitroom_namespace(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("fitroom-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"fitroom", next(t for t in tops if t.endswith(".dist-info"))}
    for package in ("agent", "tools", "memory", "eval", "ui", "cli"):
        assert f"fitroom/{package}/__init__.py" in names
    assert "fitroom/tools/catalog.py" in names
    assert not any(n.startswith("fitroom/tests") for n in names)


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = (
        "import sys, fitroom.cli.main; "
        "print(sorted(m for m in ('torch', 'chromadb', 'sentence_transformers') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
