"""Fashion-MNIST (Debian's `dataset-fashion-mnist`): 70k garment silhouettes for shape
pretraining, which the 7k catalogue photos alone are too few to teach."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.errors import ConfigError

if TYPE_CHECKING:
    import torch

FOLDER = Path("/usr/share/datasets/fashion-mnist")
_FILES = (
    ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
)


def available(folder: Path = FOLDER) -> bool:
    return all((folder / name).is_file() for pair in _FILES for name in pair)


def load(folder: Path = FOLDER) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
    """All 70k images as (N, 28, 28) uint8 and their 10-class labels."""
    images, labels = [], []
    for image_file, label_file in _FILES:
        if not (folder / image_file).is_file():
            raise ConfigError(
                f"Fashion-MNIST is not at {folder}; install it with "
                "`apt-get install dataset-fashion-mnist`, or train without shape pretraining."
            )
        with gzip.open(folder / image_file) as f:
            images.append(np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28))
        with gzip.open(folder / label_file) as f:
            labels.append(np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64))
    return np.concatenate(images), np.concatenate(labels)


def as_photos(images: NDArray[np.uint8], width: int, height: int) -> torch.Tensor:
    """Light-on-black 28x28 → dark-on-white RGB at the tower's size and 2:3 shape, as uint8
    (N, H, W, 3): catalogue photos are garments on a white studio background."""
    import torch
    import torch.nn.functional as F

    batch = torch.as_tensor(255 - images).float().unsqueeze(1)
    pad = (height * 28 // width - 28) // 2  # 28 wide → 42 tall, white above and below
    batch = F.pad(batch, (0, 0, pad, pad), value=255.0)
    batch = F.interpolate(batch, size=(height, width), mode="bilinear", align_corners=False)
    return batch.clamp(0, 255).to(torch.uint8).permute(0, 2, 3, 1).expand(-1, -1, -1, 3)
