"""The wheel installs everything under the one `fitroom` namespace."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def _tree_packages() -> set[str]:
    """Every folder with an `__init__.py` under the top-level folders pyproject maps."""
    found = set()
    for package, folder in SETUPTOOLS["package-dir"].items():
        for init in (ROOT / folder).rglob("__init__.py"):
            parts = init.parent.relative_to(ROOT / folder).parts
            found.add(".".join((package, *parts)))
    return found


def _tree_modules() -> set[str]:
    """Every module the wheel must carry, as its path inside the wheel."""
    return {
        f"{package.replace('.', '/')}/{py.relative_to(ROOT / folder).as_posix()}"
        for package, folder in SETUPTOOLS["package-dir"].items()
        for py in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in py.parts
    }


def test_the_package_list_matches_the_tree() -> None:
    # A package missing from the list installs editable but not from a wheel (tools.tryon once).
    assert set(SETUPTOOLS["packages"]) == _tree_packages()


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
    assert _tree_modules() <= set(names), sorted(_tree_modules() - set(names))
    assert not any(n.startswith("fitroom/tests") for n in names)


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = (
        "import sys, fitroom.cli.main; "
        "print(sorted(m for m in ('torch', 'chromadb', 'sentence_transformers') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
