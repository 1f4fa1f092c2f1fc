"""Cut a garment out of its product photo and find its anchor points from the mask's shape.

Product photos (H&M's, VITON-HD's) show one garment on a plain, light background, so the
background colour read off the border plus a threshold, closed and hole-filled, separates it;
GrabCut takes over where a pale garment on a pale background leaves too little.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from fitroom.tools.errors import GarmentCloseUpError, GarmentPhotoError
from fitroom.tools.tryon.types import Mask, Point

_MIN_SHARE = 0.03  # a garment covers at least this share of its product photo
_SOLID = 0.8  # below this solidity the threshold's mask is refined with GrabCut
_SHOULDER_ROW = 0.08  # shoulder seams sit this far down the garment's height
_BODY_ROWS = (0.55, 0.85)  # rows below the sleeves, where the run through the centre is the body
# A garment "runs into the frame" within this share of an edge: GrabCut's sure-background frame
# is 3% wide and _outline ignores H&M's 8 px (2-1.5%) dark frame, so no mask gets nearer.
_EDGE_BAND = 0.04
# Refused when the mask runs into the frame along an unbroken stretch of this share of one
# edge: the frame cuts the garment, so the photo is a close-up (or a person wearing it, cut at
# the knees). Of the 3,189 H&M upper-body photos that are cut out, 3,138 never touch the frame;
# the 32 normal product shots that do reach 0.18 at most (white tops whose outline leaks into a
# textured background in ragged bits); the 16 from 0.31 to 0.97 are all close-ups. None of
# VITON-HD's 28 garments touches. Three close-ups whose mask misses the frame still pass.
_CUT_OFF = 0.25
# A close-up whose mask misses the frame still shows fabric all round it: more than this share
# of the band just inside the frame differs from the band's median grey by over 25 levels.
# The two such H&M close-ups reach 0.38 and 0.39; no other upper-body photo passes 0.15, and
# none of VITON-HD's 28 garments passes 0.
_BUSY_BORDER = 0.25


@dataclass
class Garment:
    """The garment photo cropped to the garment, its mask, and its anchor points (pixels)."""

    rgb: NDArray[np.uint8]
    mask: Mask
    anchors: dict[str, Point]  # collar, shoulder_l/r, waist_l/r, hem_l/r

    @property
    def shoulder_width(self) -> float:
        return self.anchors["shoulder_r"][0] - self.anchors["shoulder_l"][0]


def to_lab(pixels: NDArray[np.uint8]) -> NDArray[np.float32]:
    """CIE Lab (L in 0-100), where distances are roughly perceptual colour differences."""
    import cv2

    return np.asarray(cv2.cvtColor(pixels.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB))


def _fill(mask: Mask) -> Mask:
    """The largest blob with its holes filled (a print, a logo, a neck label stay garment)."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), 8)
    if count < 2:
        return mask
    blob = (labels == 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))).astype(np.uint8)
    contours, _ = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    filled = np.zeros_like(blob)
    cv2.drawContours(filled, contours, -1, 1, thickness=cv2.FILLED)
    return np.asarray(filled, dtype=bool)


def _threshold(pixels: NDArray[np.uint8]) -> Mask:
    import cv2

    lab = to_lab(pixels)
    border = np.concatenate([lab[:4].reshape(-1, 3), lab[-4:].reshape(-1, 3)])
    border = np.concatenate([border, lab[:, :4].reshape(-1, 3), lab[:, -4:].reshape(-1, 3)])
    background = np.median(border, axis=0)
    distance = np.linalg.norm(lab - background, axis=2)
    noise = float(np.percentile(np.linalg.norm(border - background, axis=1), 99))
    mask = (distance > max(8.0, noise + 4.0)).astype(np.uint8)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    return _fill(mask.astype(bool))


def _solidity(mask: Mask) -> float:
    """Area over convex-hull area: near 1 for a garment, low for a print floating on a pale
    garment the threshold missed."""
    import cv2

    contours, _ = cv2.findContours(
        mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE
    )
    if not contours:
        return 0.0
    hull = cv2.contourArea(cv2.convexHull(np.concatenate(contours)))
    return float(mask.sum()) / hull if hull else 0.0


def _grabcut(pixels: NDArray[np.uint8], seed: Mask) -> Mask:
    """GrabCut at 256 px, seeded with the threshold's pixels as likely garment and the frame
    as sure background."""
    import cv2

    height, width = pixels.shape[:2]
    scale = 256 / max(height, width)
    size = (round(width * scale), round(height * scale))
    small = cv2.resize(pixels, size, interpolation=cv2.INTER_AREA)
    grown = cv2.resize(seed.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST)
    h, w = small.shape[:2]
    mask = np.full((h, w), cv2.GC_PR_BGD, np.uint8)
    inner = np.zeros((h, w), bool)
    inner[round(0.03 * h) : round(0.97 * h), round(0.03 * w) : round(0.97 * w)] = True
    mask[inner] = cv2.GC_PR_FGD if not grown.any() else cv2.GC_PR_BGD
    if grown.any():
        contours, _ = cv2.findContours(grown, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        hull = np.zeros_like(grown)
        cv2.fillPoly(hull, [cv2.convexHull(np.concatenate(contours))], 1)
        mask[hull.astype(bool) & inner] = cv2.GC_PR_FGD
    mask[~inner] = cv2.GC_BGD
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.grabCut(
        np.ascontiguousarray(small[..., ::-1]), mask, None, bgd, fgd, 5, cv2.GC_INIT_WITH_MASK
    )
    fg = np.isin(mask, (cv2.GC_FGD, cv2.GC_PR_FGD)).astype(np.uint8)
    return _fill(cv2.resize(fg, (width, height), interpolation=cv2.INTER_NEAREST).astype(bool))


def _outline(pixels: NDArray[np.uint8]) -> Mask:
    """Everything the background cannot reach without crossing an edge: for a white garment
    on a white background, where colour alone separates nothing but the shading outlines it."""
    import cv2

    grey = cv2.GaussianBlur(cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    edges = cv2.dilate(cv2.Canny(grey, 6, 18), np.ones((5, 5), np.uint8))
    edges[:8], edges[-8:], edges[:, :8], edges[:, -8:] = 0, 0, 0, 0  # H&M photos have a dark frame
    reach = edges.copy()
    frame = np.zeros((reach.shape[0] + 2, reach.shape[1] + 2), np.uint8)
    cv2.floodFill(reach, frame, (0, 0), 2)
    return _fill(reach != 2)


def _longest_cut(mask: Mask) -> float:
    """The longest unbroken stretch along which the mask runs into the photo's frame, as a
    share of that edge."""
    height, width = mask.shape
    rows, cols = max(1, round(_EDGE_BAND * height)), max(1, round(_EDGE_BAND * width))
    edges = (mask[:rows].any(0), mask[-rows:].any(0), mask[:, :cols].any(1), mask[:, -cols:].any(1))
    longest = 0.0
    for edge in edges:
        steps = np.diff(edge.astype(np.int8), prepend=0, append=0)
        runs = np.flatnonzero(steps == -1) - np.flatnonzero(steps == 1)
        longest = max(longest, int(runs.max(initial=0)) / edge.size)
    return longest


def _busy_border(pixels: NDArray[np.uint8]) -> float:
    """The share of a band just inside the frame (past H&M's dark edge) that is not the
    background's own grey: fabric, where the photo is a close-up."""
    grey = np.asarray(pixels, dtype=np.float32).mean(axis=2)
    height, width = grey.shape
    # 2-4% in from each edge: past the dark frame, before a whole garment's margin ends
    rows = slice(int(0.02 * height), max(int(0.04 * height), int(0.02 * height) + 1))
    cols = slice(int(0.02 * width), max(int(0.04 * width), int(0.02 * width) + 1))
    band = np.concatenate(
        [
            grey[rows].ravel(),
            grey[::-1][rows].ravel(),
            grey[:, cols].ravel(),
            grey[:, ::-1][:, cols].ravel(),
        ]
    )
    return float(np.mean(np.abs(band - np.median(band)) > 25))


def garment_mask(pixels: NDArray[np.uint8]) -> Mask:
    """The garment's pixels in a product photo, or a GarmentPhotoError when none stand out or
    the photo shows only part of the garment."""
    mask = _threshold(pixels)
    if mask.mean() < _MIN_SHARE or _solidity(mask) < _SOLID:
        refined = _grabcut(pixels, mask)
        if refined.mean() >= _MIN_SHARE and _solidity(refined) > _solidity(mask):
            mask = refined
    # A white garment's print stands out from the background and the garment does not: the
    # outline then encloses much more than the colour threshold found.
    outlined = _outline(pixels)
    wider = outlined.sum() > 1.25 * mask.sum() and _solidity(outlined) >= 0.6
    if _MIN_SHARE <= outlined.mean() < 0.95 and (wider or _solidity(outlined) > _solidity(mask)):
        mask = outlined
    if mask.mean() < _MIN_SHARE:
        raise GarmentPhotoError(
            "I could not tell the garment from the background of its photo; use a product "
            "photo on a plain background."
        )
    if _longest_cut(mask) >= _CUT_OFF or _busy_border(pixels) > _BUSY_BORDER:
        raise GarmentCloseUpError(
            "The photo of this garment is a close-up, not the whole garment, so I cannot put it "
            "on you; use a photo of the whole garment on a plain background."
        )
    return mask


def _run(row: Mask, x: int) -> tuple[int, int]:
    """The extent of the run of garment pixels through column `x` (or the nearest one)."""
    hits = np.flatnonzero(row)
    if not row[x]:
        x = int(hits[np.argmin(np.abs(hits - x))])
    gaps = np.flatnonzero(~row)
    left = gaps[gaps < x]
    right = gaps[gaps > x]
    return (
        int(left[-1]) + 1 if left.size else 0,
        int(right[0]) - 1 if right.size else row.size - 1,
    )


def _clamped(run: tuple[int, int], centre: int, body: float) -> tuple[int, int]:
    """A waist or hem run no narrower than 0.6 and no wider than 1.6 bodies: a tie, a slit or
    a sleeve touching the hem must not pinch or splay the warp."""
    half = min(max((run[1] - run[0]) / 2, 0.3 * body), 0.8 * body)
    middle = (run[0] + run[1]) / 2 if abs((run[0] + run[1]) / 2 - centre) < body / 4 else centre
    return round(middle - half), round(middle + half)


def cut_out(image: Image.Image) -> Garment:
    """The garment in a product photo, cropped, with collar, shoulder, waist and hem points."""
    pixels = np.asarray(image.convert("RGB"))
    mask = garment_mask(pixels)
    ys, xs = np.nonzero(mask)
    top, bottom, left, right = ys.min(), ys.max(), xs.min(), xs.max()
    rgb, mask = pixels[top : bottom + 1, left : right + 1], mask[top : bottom + 1, left : right + 1]
    height, width = mask.shape
    band = mask[int(0.3 * height) : int(0.9 * height)]
    centre = round(float(np.median(np.nonzero(band)[1])))
    # The garment ends where its centre line does: straps or ties hanging lower are not a hem.
    column = np.flatnonzero(mask[:, centre])
    bottom = int(column.max()) if column.size else height - 1
    rows = [
        y
        for y in range(int(_BODY_ROWS[0] * bottom), max(int(_BODY_ROWS[1] * bottom), 1))
        if mask[y, centre]
    ]
    widths = [np.subtract(*_run(mask[y], centre)[::-1]) + 1 for y in rows]
    body = max(float(np.median(widths)) if widths else 0.0, 0.3 * width)
    shoulder_y = _SHOULDER_ROW * bottom
    waist_y, hem_y = int(0.6 * bottom), int(0.97 * bottom)
    waist, hem = (
        _clamped(_run(mask[waist_y], centre), centre, body),
        _clamped(_run(mask[hem_y], centre), centre, body),
    )
    anchors = {
        "collar": (float(centre), 0.0),
        "shoulder_l": (centre - body / 2, shoulder_y),
        "shoulder_r": (centre + body / 2, shoulder_y),
        "waist_l": (float(waist[0]), float(waist_y)),
        "waist_r": (float(waist[1]), float(waist_y)),
        "hem_l": (float(hem[0]), float(hem_y)),
        "hem_r": (float(hem[1]), float(hem_y)),
    }
    return Garment(rgb=np.ascontiguousarray(rgb), mask=mask, anchors=anchors)
