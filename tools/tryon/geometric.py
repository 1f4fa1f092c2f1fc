"""The default renderer: warp the product photo onto the person's shoulders and hips (thin-plate
spline on garment anchor points), keep the arms and hair in front, and feather the seam.

This is the warping stage of VITON and CP-VTON with landmark correspondences in place of a
learned warp: fast on a CPU and honest about what geometry alone cannot do (no new folds, no
relighting, the shopper's own garment shows wherever the new one does not cover it).
"""

from __future__ import annotations

import time

import numpy as np
from numpy.typing import ArrayLike, NDArray
from PIL import Image

from fitroom.tools.tryon.garment import Garment, cut_out, to_lab
from fitroom.tools.tryon.person import Person, PersonFinder
from fitroom.tools.tryon.types import Mask, Point, TryOnResult

Pixels = NDArray[np.uint8]
_SHOULDER_SPREAD = 1.16  # shoulder seams sit outside the shoulder joints, by this factor
_HIP_SPREAD = 1.45  # the body's width at the hips, as a multiple of the hip joints' distance
_HEM_DEPTH = 1.0  # the lowest a hem lands, as a share of the shoulders-to-hips distance
_GRID = 8  # the warp is solved on every 8th pixel and interpolated in between


def _vec(a: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    return np.subtract(b, a).astype(np.float64)


def corners(garment: Garment) -> dict[str, Point]:
    """The garment photo's corners: carried by the plain similarity transform, they keep the
    spline from swinging sleeves and straps far from any anchor."""
    height, width = garment.mask.shape
    return {
        "corner_tl": (0.0, 0.0),
        "corner_tr": (float(width - 1), 0.0),
        "corner_bl": (0.0, float(height - 1)),
        "corner_br": (float(width - 1), float(height - 1)),
    }


def targets(person: Person, garment: Garment) -> dict[str, Point]:
    """Where each garment anchor lands on the person.

    A similarity transform along the body's axis carries the garment at its own proportions,
    so a crop top stays cropped and a long shirt stays long; then any waist or hem point that
    would fall inside the body is pushed out to the body's edge.
    """
    j = person.joints
    mid_s = (np.add(j["shoulder_l"], j["shoulder_r"])) / 2
    mid_h = (np.add(j["hip_l"], j["hip_r"])) / 2
    down = _vec(mid_s, mid_h)
    torso = float(np.linalg.norm(down)) or 1.0
    down /= torso
    across = np.array([-down[1], down[0]])
    if np.dot(across, _vec(j["shoulder_l"], j["shoulder_r"])) < 0:
        across = -across
    scale = _SHOULDER_SPREAD * person.shoulder_width / max(garment.shoulder_width, 1.0)
    origin = np.array([garment.anchors["collar"][0], garment.anchors["shoulder_l"][1]])
    hip_width = _HIP_SPREAD * float(np.linalg.norm(_vec(j["hip_l"], j["hip_r"])))
    shoulder_width = _SHOULDER_SPREAD * person.shoulder_width
    # Product photos are often stretched to a fixed frame (VITON-HD's are 3:4 whatever the
    # garment), so the length follows the photo only up to the hips: a hem never lands lower.
    length = max(garment.anchors["hem_l"][1] - origin[1], 1.0)
    tall = min(scale, _HEM_DEPTH * torso / length)
    out: dict[str, Point] = {}
    for name, (gx, gy) in (garment.anchors | corners(garment)).items():
        dx, dy = (gx - origin[0]) * scale, (gy - origin[1]) * tall
        if name[:-2] in ("waist", "hem"):
            depth = min(max(dy / torso, 0.0), 1.0)
            body = shoulder_width + depth * (hip_width - shoulder_width)
            dx = np.sign(dx) * max(abs(dx), body / 2)
        point = mid_s + dx * across + dy * down
        out[name] = (float(point[0]), float(point[1]))
    return out


def _warp(
    garment: Garment, dst: dict[str, Point], size: tuple[int, int]
) -> tuple[Pixels, NDArray[np.float32]]:
    """The garment photo and its mask carried onto a canvas of `size` (width, height)."""
    import cv2
    from skimage.transform import ThinPlateSplineTransform

    points = garment.anchors | corners(garment)
    names = list(points)
    src = np.array([points[n] for n in names])
    to = np.array([dst[n] for n in names])
    width, height = size
    # Solved from person pixels back into the garment photo, which is what remap samples.
    inverse = ThinPlateSplineTransform.from_estimate(to, src)
    gx, gy = np.meshgrid(np.arange(0, width + _GRID, _GRID), np.arange(0, height + _GRID, _GRID))
    coarse = inverse(np.column_stack([gx.ravel(), gy.ravel()]).astype(np.float64))
    full = [
        cv2.resize(
            coarse[:, k].reshape(gx.shape).astype(np.float32),
            (gx.shape[1] * _GRID, gx.shape[0] * _GRID),
        )[:height, :width]
        for k in (0, 1)
    ]
    rgb = cv2.remap(garment.rgb, full[0], full[1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    alpha = cv2.remap(
        garment.mask.astype(np.float32),
        full[0],
        full[1],
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
    )
    return rgb, alpha


def occluders(pixels: Pixels, person: Person) -> dict[str, Mask]:
    """What stays in front of the new garment: forearms and hands, and hair and skin around
    the neck (the product photo's inside back collar must not cover the shopper's neck)."""
    import cv2

    j = person.joints
    width = person.shoulder_width
    arms = np.zeros(pixels.shape[:2], np.uint8)
    for side in ("l", "r"):
        elbow = tuple(int(v) for v in j[f"elbow_{side}"])
        wrist = tuple(int(v) for v in j[f"wrist_{side}"])
        cv2.line(arms, elbow, wrist, 1, thickness=max(int(0.22 * width), 3))
        cv2.circle(arms, wrist, max(int(0.16 * width), 3), 1, thickness=-1)
    arm_mask = arms.astype(bool) & person.mask
    lab = to_lab(pixels)
    nose_x, nose_y = (int(v) for v in j["nose"])
    patch = lab[max(nose_y - 4, 0) : nose_y + 5, max(nose_x - 4, 0) : nose_x + 5].reshape(-1, 3)
    skin = np.median(patch, axis=0)
    crown = person.mask.copy()
    crown[max(nose_y - int(0.25 * width), 1) :] = False  # the top of the head: mostly hair
    hair = np.median(lab[crown], axis=0) if crown.any() else skin
    ys, xs = np.mgrid[0 : pixels.shape[0], 0 : pixels.shape[1]]
    shoulder_y = min(j["shoulder_l"][1], j["shoulder_r"][1])
    off_centre = np.abs(xs - nose_x)
    # The neck in the collar's opening, and hair falling over the shoulders; bare shoulders
    # and arms further out are what the garment must cover, so they are left alone.
    neck = (off_centre < 0.28 * width) & (ys < shoulder_y + 0.2 * width)
    neck &= np.linalg.norm(lab - skin, axis=2) < 14
    locks = (off_centre < 0.75 * width) & (ys < shoulder_y + 0.5 * width)
    locks &= np.linalg.norm(lab - hair, axis=2) < 12
    # Hair is only what hangs from the head: a black top under black hair is not hair.
    _, labels = cv2.connectedComponents((locks & person.mask).astype(np.uint8), connectivity=8)
    from_head = np.unique(labels[: max(nose_y, 1)])
    locks = np.isin(labels, from_head[from_head > 0])
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))
    head = ((neck & person.mask) | locks).astype(np.uint8)
    head = cv2.morphologyEx(head, cv2.MORPH_OPEN, kernel).astype(bool)
    return {"arms": arm_mask, "head": head}


class GeometricTryOn:
    """Shoulder-and-hip-anchored warp, occlusion and feathered blending, on the CPU."""

    name = "geometric"

    def __init__(self, finder: PersonFinder | None = None) -> None:
        self._finder = finder

    def _people(self) -> PersonFinder:
        if self._finder is None:
            self._finder = PersonFinder()
        return self._finder

    def render(self, person_image: Image.Image, garment_image: Image.Image) -> TryOnResult:
        import cv2

        stages: dict[str, float] = {}
        start = clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            stages[stage] = round(now - clock, 4)
            clock = now

        pixels = np.ascontiguousarray(np.asarray(person_image.convert("RGB")))
        person = self._people().find(person_image)
        lap("person")
        garment = cut_out(garment_image)
        lap("garment")
        dst = targets(person, garment)
        height, width = pixels.shape[:2]
        rgb, alpha = _warp(garment, dst, (width, height))
        lap("warp")
        hidden = occluders(pixels, person)
        front = hidden["arms"] | hidden["head"]
        lap("occlusion")
        sigma = max(1.0, 0.002 * max(width, height))
        alpha = cv2.GaussianBlur(alpha * (~front), (0, 0), sigma)[..., None]
        blended = alpha * rgb.astype(np.float32) + (1 - alpha) * pixels.astype(np.float32)
        out = Image.fromarray(np.clip(blended + 0.5, 0, 255).astype(np.uint8))
        lap("blend")
        points = {f"person_{k}": v for k, v in person.joints.items()}
        points |= {f"garment_{k}": v for k, v in dst.items()}
        return TryOnResult(
            image=out,
            renderer=self.name,
            landmarks=points,
            masks={"person": person.mask, "garment": alpha[..., 0] > 0.5, **hidden},
            seconds=time.perf_counter() - start,
            stages=stages,
        )
