"""Try-on quality against a real photo of the person wearing the garment: SSIM and colour
difference (CIEDE2000) inside the garment's region of that photo, and the region itself."""

from __future__ import annotations

from typing import Any

import numpy as np
from PIL import Image

from fitroom.tools.tryon.garment import Garment, to_lab
from fitroom.tools.tryon.person import Person
from fitroom.tools.tryon.types import Mask

_PALETTE = 5  # colour clusters that describe a garment
_MATCH = 14.0  # CIE76 distance within which a photo pixel counts as the garment's colour


def garment_region(photo: Image.Image, person: Person, garment: Garment) -> Mask:
    """Where the garment is in a real photo of the person wearing it, found without any
    renderer: the person's pixels between shoulders and hips that have the garment's colours.
    Both methods are scored on this one region, so neither chooses where it is judged."""
    import cv2

    lab = to_lab(np.asarray(photo.convert("RGB")))
    cloth = to_lab(garment.rgb)[garment.mask].astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 0.5)
    _, _, centres = cv2.kmeans(cloth, _PALETTE, None, criteria, 3, cv2.KMEANS_PP_CENTERS)
    distance = np.min(np.linalg.norm(lab[:, :, None, :] - centres[None, None], axis=3), axis=2)
    j = person.joints
    width = person.shoulder_width
    top = min(j["shoulder_l"][1], j["shoulder_r"][1]) - 0.25 * width
    bottom = max(j["hip_l"][1], j["hip_r"][1]) + 0.1 * width
    left, right = j["shoulder_l"][0] - 0.45 * width, j["shoulder_r"][0] + 0.45 * width
    ys, xs = np.mgrid[0 : lab.shape[0], 0 : lab.shape[1]]
    band = (ys >= top) & (ys <= bottom) & (xs >= left) & (xs <= right)
    region = (band & person.mask & (distance < _MATCH)).astype(np.uint8)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    region = cv2.morphologyEx(region, cv2.MORPH_OPEN, kernel)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(region, 8)
    keep = [i for i in range(1, count) if stats[i, cv2.CC_STAT_AREA] >= 0.02 * region.sum()]
    return np.isin(labels, keep)


def ssim_in(result: Image.Image, truth: Image.Image, region: Mask) -> float:
    """Mean structural similarity (per channel, 7-px windows) over `region`."""
    from skimage.metrics import structural_similarity

    ssim: Any = structural_similarity  # untyped in scikit-image
    _, full = ssim(
        np.asarray(result.convert("RGB")),
        np.asarray(truth.convert("RGB")),
        channel_axis=2,
        data_range=255,
        full=True,
    )
    return float(full.mean(axis=2)[region].mean())


def delta_e_in(result: Image.Image, truth: Image.Image, region: Mask) -> float:
    """Mean CIEDE2000 colour difference over `region` (0: identical; about 2.3: just visible)."""
    from skimage.color import deltaE_ciede2000, rgb2lab

    ciede2000: Any = deltaE_ciede2000  # untyped in scikit-image

    a = rgb2lab(np.asarray(result.convert("RGB"))[region][None])
    b = rgb2lab(np.asarray(truth.convert("RGB"))[region][None])
    return float(ciede2000(a, b).mean())
