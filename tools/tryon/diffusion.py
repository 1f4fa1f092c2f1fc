"""The diffusion path: refine the geometric render with Stable Diffusion inpainting (SDEdit
style), inside the garment's region only.

No diffusion weights exist offline here, so this is the code a user with a local inpainting
checkpoint (the diffusers folder layout of, say, stable-diffusion-inpainting) points fitroom at
with FITROOM_TRYON=diffusion:<folder>. Weights load from that folder and nowhere else; tests
build tiny random components, which never serve a user.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from fitroom.tools.errors import ConfigError
from fitroom.tools.tryon.geometric import GeometricTryOn
from fitroom.tools.tryon.types import TryOnResult

_PROMPT = "a photo of a person wearing this garment, natural folds and lighting"


class DiffusionTryOn:
    """Geometric warp first, then an inpainting pass over the (slightly grown) garment region
    at `strength`; outside that region the result is the geometric render, pixel for pixel."""

    name = "diffusion"

    def __init__(
        self,
        pipeline: Any,
        *,
        geometric: GeometricTryOn | None = None,
        strength: float = 0.35,
        steps: int = 20,
        seed: int = 0,
        work_size: tuple[int, int] = (384, 512),
        grow: int = 9,
    ) -> None:
        if any(side % 8 for side in work_size):
            raise ConfigError(f"The diffusion work size {work_size} must be multiples of 8.")
        self.pipeline = pipeline
        self.geometric = geometric or GeometricTryOn()
        self.strength, self.steps, self.seed = strength, steps, seed
        self.work_size, self.grow = work_size, grow

    @classmethod
    def from_folder(cls, folder: Path, **options: Any) -> DiffusionTryOn:
        """Load a diffusers inpainting pipeline from a local folder, never from a hub."""
        if not (folder / "model_index.json").is_file():
            raise ConfigError(
                f"{folder} is not a diffusers inpainting checkpoint (no model_index.json); "
                "point FITROOM_TRYON=diffusion:<folder> at a local copy."
            )
        from diffusers import StableDiffusionInpaintPipeline

        load: Any = StableDiffusionInpaintPipeline.from_pretrained  # untyped in diffusers
        pipeline = load(
            folder, local_files_only=True, safety_checker=None, requires_safety_checker=False
        )
        pipeline.set_progress_bar_config(disable=True)
        return cls(pipeline, **options)

    def region(self, garment: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """The pixels the diffusion pass may repaint: the garment grown by `grow` pixels, so
        its seam is repainted too."""
        import cv2

        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * self.grow + 1,) * 2)
        return np.asarray(cv2.dilate(garment.astype(np.uint8), kernel), dtype=bool)

    def render(self, person: Image.Image, garment: Image.Image) -> TryOnResult:
        import torch

        start = time.perf_counter()
        base = self.geometric.render(person, garment)
        region = self.region(base.masks["garment"])
        mask = Image.fromarray(region.astype(np.uint8) * 255)
        width, height = self.work_size
        generator = torch.Generator().manual_seed(self.seed)
        refined = self.pipeline(
            prompt=_PROMPT,
            image=base.image.resize(self.work_size, Image.Resampling.LANCZOS),
            mask_image=mask.resize(self.work_size, Image.Resampling.NEAREST),
            height=height,
            width=width,
            strength=self.strength,
            num_inference_steps=self.steps,
            generator=generator,
            output_type="pil",
        ).images[0]
        refined = refined.resize(base.image.size, Image.Resampling.LANCZOS)
        # Outside the region nothing may change: the pipeline's VAE round trip alters every
        # pixel slightly, so the geometric render is put back there.
        out = np.where(region[..., None], np.asarray(refined), np.asarray(base.image))
        seconds = time.perf_counter() - start
        return TryOnResult(
            image=Image.fromarray(out.astype(np.uint8)),
            renderer=self.name,
            landmarks=base.landmarks,
            masks=base.masks | {"refined": region},
            seconds=seconds,
            stages=base.stages | {"diffusion": round(seconds - base.seconds, 4)},
        )
