"""The naive try-on the geometric renderer must beat: the garment pasted into the box between
the person's shoulders and hips."""

from __future__ import annotations

import time

import numpy as np
from PIL import Image

from fitroom.tools.tryon.garment import cut_out
from fitroom.tools.tryon.person import PersonFinder
from fitroom.tools.tryon.types import TryOnResult


class PasteTryOn:
    name = "paste"

    def __init__(self, finder: PersonFinder) -> None:
        self._finder = finder

    def render(self, person_image: Image.Image, garment_image: Image.Image) -> TryOnResult:
        start = time.perf_counter()
        person = self._finder.find(person_image)
        garment = cut_out(garment_image)
        j = person.joints
        left, right = int(j["shoulder_l"][0]), int(j["shoulder_r"][0])
        top = int(min(j["shoulder_l"][1], j["shoulder_r"][1]))
        bottom = int(max(j["hip_l"][1], j["hip_r"][1]))
        size = (max(right - left, 1), max(bottom - top, 1))
        cloth = Image.fromarray(garment.rgb).resize(size, Image.Resampling.BILINEAR)
        mask = Image.fromarray(garment.mask.astype(np.uint8) * 255).resize(size)
        out = person_image.convert("RGB").copy()
        out.paste(cloth, (left, top), mask)
        placed = np.zeros((out.height, out.width), bool)
        box = np.asarray(mask) > 127
        h = min(size[1], out.height - top)
        w = min(size[0], out.width - left)
        placed[top : top + h, left : left + w] = box[:h, :w]
        return TryOnResult(
            image=out,
            renderer=self.name,
            landmarks={f"person_{k}": v for k, v in j.items()},
            masks={"person": person.mask, "garment": placed},
            seconds=time.perf_counter() - start,
        )
