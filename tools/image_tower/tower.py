"""The in-domain image tower: an open_clip vision tower from a config this project registers."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from fitroom.tools.catalog.images import Pixels
from fitroom.tools.errors import ConfigError
from fitroom.tools.retrieval.embedder import Vectors, normalise

if TYPE_CHECKING:
    import torch

CONFIG_DIR = Path(__file__).parent / "model_configs"
DEFAULT_ARCH = "fitroom-lit-regnet"
# CLIP's normalisation constants; the tower trains from scratch, so any fixed pair works, and
# these keep open_clip's own preprocess interchangeable with ours.
_MEAN = (0.48145466, 0.4578275, 0.40821073)
_STD = (0.26862954, 0.26130258, 0.27577711)


def register_configs() -> None:
    """Make `fitroom-lit-*` configs known to open_clip (idempotent)."""
    import open_clip

    if DEFAULT_ARCH not in open_clip.list_models():
        open_clip.add_model_config(CONFIG_DIR)


def build_tower(arch: str = DEFAULT_ARCH, seed: int = 0) -> torch.nn.Module:
    """A randomly initialised vision tower projecting to the text encoder's dimension.

    open_clip builds a whole CLIP model; its text side here is a one-layer stub that the config
    format requires. The real text tower is the frozen MiniLM, whose vectors are the targets.
    """
    import torch

    register_configs()
    torch.manual_seed(seed)
    tower: torch.nn.Module = random_init_model(arch).visual
    return tower


def random_init_model(arch: str) -> Any:
    """An open_clip model with random weights, for training from scratch or timing; never for
    serving (nothing here loads weights)."""
    import open_clip

    # open_clip logs a warning for pretrained=None; random init is the point here.
    root = logging.getLogger()
    was, root.disabled = root.disabled, True
    try:
        return open_clip.create_model(arch, pretrained=None)
    finally:
        root.disabled = was


def image_size(arch: str = DEFAULT_ARCH) -> tuple[int, int]:
    """(width, height) the tower expects, read from its config without building it."""
    import open_clip

    register_configs()
    config = open_clip.get_model_config(arch)
    size = config["vision_cfg"]["image_size"] if config else None
    if isinstance(size, int):
        return size, size
    if not size:
        raise ConfigError(f"open_clip has no model config {arch!r} with an image size.")
    height, width = size
    return int(width), int(height)


def to_input(pixels: Pixels | torch.Tensor) -> torch.Tensor:
    """(N, H, W, 3) uint8 → normalised (N, 3, H, W) float tensor."""
    import torch

    batch = torch.as_tensor(pixels).permute(0, 3, 1, 2).float().div_(255.0)
    mean = torch.tensor(_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(_STD).view(1, 3, 1, 1)
    return (batch - mean) / std


def encode_pixels(tower: torch.nn.Module, pixels: Pixels, batch_size: int = 256) -> Vectors:
    """Unit-length embeddings of (N, H, W, 3) uint8 images."""
    import torch

    tower.eval()
    out = []
    with torch.inference_mode():
        for start in range(0, len(pixels), batch_size):
            out.append(tower(to_input(pixels[start : start + batch_size])).numpy())
    if not out:
        return np.zeros((0, 0), dtype=np.float32)
    return normalise(np.concatenate(out).astype(np.float32))
