"""Find the one person in a photo: pose landmarks, a body mask and a face count (mediapipe).

The models ship inside the mediapipe wheel (`model_complexity=1` pose, the general selfie
segmenter, the full-range face detector), so nothing is downloaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from fitroom.tools.errors import TryOnError
from fitroom.tools.tryon.types import Mask, Point

# mediapipe's landmark indices (the person's own left and right).
_POSE = {
    "nose": 0,
    "left_shoulder": 11,
    "right_shoulder": 12,
    "left_elbow": 13,
    "right_elbow": 14,
    "left_wrist": 15,
    "right_wrist": 16,
    "left_hip": 23,
    "right_hip": 24,
}
_SEEN = 0.5  # landmark visibility below which a joint counts as out of the photo
_MIN_BODY = 0.03  # share of the photo one more segmented body must cover to count as a person


@dataclass
class Person:
    """One person's joints in pixels (image left and right, as seen) and their body mask."""

    joints: dict[str, Point]
    mask: Mask
    hips_estimated: bool  # hips below the photo's edge, placed from the shoulders instead

    @property
    def shoulder_width(self) -> float:
        (x0, y0), (x1, y1) = self.joints["shoulder_l"], self.joints["shoulder_r"]
        return float(np.hypot(x1 - x0, y1 - y0))


class PersonFinder:
    """Holds the three mediapipe graphs; build once and reuse (each `find` is ~0.2 s)."""

    def __init__(self) -> None:
        with _quiet_stderr():
            self._build()

    def _build(self) -> None:
        import mediapipe as mp

        self._pose = mp.solutions.pose.Pose(
            static_image_mode=True, model_complexity=1, enable_segmentation=False
        )
        self._segmenter = mp.solutions.selfie_segmentation.SelfieSegmentation(model_selection=0)
        self._faces = mp.solutions.face_detection.FaceDetection(
            model_selection=1, min_detection_confidence=0.6
        )

    def find(self, image: Image.Image) -> Person:
        """The person in `image`, or a TryOnError saying why there is no usable one."""
        pixels = np.ascontiguousarray(np.asarray(image.convert("RGB")))
        height, width = pixels.shape[:2]
        with _quiet_stderr():
            pose: Any = self._pose.process(pixels)
        if pose.pose_landmarks is None:
            raise TryOnError(
                "I found no person in the photo; use a photo of one person facing the camera, "
                "from head to hips."
            )
        with _quiet_stderr():
            mask = self._segmenter.process(pixels).segmentation_mask > 0.5
            faces = _faces(self._faces.process(pixels))
        people = max(faces, _bodies(mask))
        if people > 1:
            raise TryOnError(
                f"The photo shows {people} people; use a photo of just the person to dress."
            )
        marks = pose.pose_landmarks.landmark
        found = {name: marks[i] for name, i in _POSE.items()}
        shoulders = [found["left_shoulder"], found["right_shoulder"]]
        if any(m.visibility < _SEEN or not 0 <= m.y <= 1 for m in shoulders):
            raise TryOnError(
                "The photo is cropped above the shoulders (or they are hidden); use one that "
                "shows the person from head to hips."
            )
        px = {name: (m.x * width, m.y * height) for name, m in found.items()}
        joints = _as_seen(px)
        hips = [found["left_hip"], found["right_hip"]]
        estimated = any(m.visibility < _SEEN or m.y > 1 for m in hips)
        if estimated:  # a chest-up photo: hips a typical torso length below the shoulders
            width_s = float(np.hypot(*np.subtract(joints["shoulder_r"], joints["shoulder_l"])))
            for side in ("l", "r"):
                x, y = joints[f"shoulder_{side}"]
                inset = 0.15 * width_s * (1 if side == "l" else -1)
                joints[f"hip_{side}"] = (x + inset, y + 1.5 * width_s)
        return Person(joints=joints, mask=mask, hips_estimated=estimated)


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence the C++ side's start-up chatter (TFLite delegates, absl warnings), which writes
    straight to file descriptor 2 where no Python logging setting reaches it."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with Path(os.devnull).open("w") as sink:
            os.dup2(sink.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _as_seen(px: dict[str, Point]) -> dict[str, Point]:
    """Joints keyed by the side of the image they appear on ("_l" is the smaller x), so a
    garment photo's left edge maps to the photo's left whichever way the person faces."""
    facing_away = px["left_shoulder"][0] < px["right_shoulder"][0]
    joints = {"nose": px["nose"]}
    for joint in ("shoulder", "elbow", "wrist", "hip"):
        own_left, own_right = px[f"left_{joint}"], px[f"right_{joint}"]
        pair = (own_left, own_right) if facing_away else (own_right, own_left)
        joints[f"{joint}_l"], joints[f"{joint}_r"] = pair
    return joints


def _faces(result: Any) -> int:
    return len(result.detections or [])


def _bodies(mask: Mask) -> int:
    """Separate segmented bodies big enough to be people."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    areas = stats[1:count, cv2.CC_STAT_AREA]
    return int((areas >= _MIN_BODY * mask.size).sum())
