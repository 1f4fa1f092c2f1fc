"""What every try-on renderer takes and returns, and which garments it can dress."""

from __future__ import annotations

import re
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


# "2-pack", "3PK", "5-p", "2 PACK": the product photo shows several garments side by side, so a
# warp pastes them on top of one another (96 of the 3,216 upper-body items in the H&M sample).
_MULTI_PACK = re.compile(r"\b\d+\s*-?\s*(?:p|pk|pack|pcs)\b|\b(?:two|three|multi)[- ]?pack\b", re.I)


def refusal(title: str, article_type: str) -> str | None:
    """Why try-on cannot dress this garment, in one sentence, or None when it can."""
    if article_type not in UPPER_BODY:
        kinds = ", ".join(sorted(k.lower() for k in UPPER_BODY))
        return (
            f"The {title} ({article_type.lower()}) cannot be tried on; try-on dresses "
            f"upper-body garments only ({kinds})."
        )
    if _MULTI_PACK.search(title):
        return (
            f"The {title} is a multi-pack whose photo shows several garments, so I cannot put "
            "it on you; try a single one."
        )
    return None


def can_try_on(article_type: str, title: str = "") -> bool:
    return refusal(title, article_type) is None


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
