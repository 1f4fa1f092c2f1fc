"""What every try-on renderer takes and returns, and which garments it can dress."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from numpy.typing import NDArray
from PIL import Image

Mask = NDArray[np.bool_]
Point = tuple[float, float]

# The upper-body garments a shoulders-to-hips warp can dress; anything else is refused.
UPPER_BODY = frozenset(
    {
        "T-shirt",
        "Top",
        "Blouse",
        "Shirt",
        "Sweater",
        "Hoodie",
        "Cardigan",
        "Jacket",
        "Blazer",
        "Vest top",
    }
)


def can_try_on(article_type: str) -> bool:
    return article_type in UPPER_BODY


@dataclass
class TryOnResult:
    """The rendered photo and how it was made, for display and for debugging a bad render."""

    image: Image.Image
    renderer: str
    landmarks: dict[str, Point]  # person and garment anchor points, in pixels
    masks: dict[str, Mask]  # "person", "garment" (warped), "occluders", ... at image size
    seconds: float
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage


class TryOnRenderer(Protocol):
    """Anything that dresses a person photo in a garment photo."""

    name: str

    def render(self, person: Image.Image, garment: Image.Image) -> TryOnResult: ...
