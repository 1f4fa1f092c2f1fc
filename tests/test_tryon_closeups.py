"""Close-up garment photos (the frame cuts the garment) are refused in one sentence; whole
garments on a plain background, even those whose mask grazes the frame, are not."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image

from fitroom.tools.errors import GarmentCloseUpError, GarmentPhotoError
from fitroom.tools.tryon.garment import cut_out
from tests.conftest import HM_DIR

CLOSE_UP = "The photo of this garment is a close-up, not the whole garment"

# Found by measuring every upper-body photo of the H&M sample and looking at them: knitwear,
# a hoodie's zip, a blazer's lapel, a white top's ribbing and a folded shirt filling the frame.
HM_CLOSE_UPS = ["0673677023", "0669091001", "0651591001", "0659832004", "0795836006"]
# Close-ups whose garment never reaches the frame: the fabric all round the border gives them away.
HM_CLOSE_UPS += ["0378447003", "0653208001"]
# Whole garments, four of them white on a textured background whose outline leaks to the frame
# in ragged bits: the normal photos that come nearest to the rule.
HM_WHOLE = ["0841473001", "0765773007", "0865076002", "0842000003", "0577556001"]


def _fabric(seed: int = 0) -> NDArray[np.uint8]:
    """A knit's ridges and noise filling a 360x540 frame, as in a detail shot."""
    rng = np.random.default_rng(seed)
    ridges = 25 * np.sin(np.arange(360)[None, :] / 3.0) * np.cos(np.arange(540)[:, None] / 5.0)
    pixels = np.array([150.0, 110.0, 80.0]) + ridges[..., None] + rng.normal(0, 8, (540, 360, 3))
    return np.asarray(np.clip(pixels, 0, 255), dtype=np.uint8)


def _tee(drop: int = 0) -> NDArray[np.uint8]:
    """A navy T-shirt on a pale grey background, moved `drop` pixels down."""
    import cv2

    pixels = np.full((540, 360, 3), 236, np.uint8)
    outline = [(120, 80), (240, 80), (320, 160), (285, 200), (260, 180), (260, 460)]
    outline += [(100, 460), (100, 180), (75, 200), (40, 160)]
    points = np.array(outline, np.int32) + np.array([0, drop], np.int32)
    cv2.fillPoly(pixels, [points], (30, 40, 90))
    return pixels


def test_fabric_filling_the_frame_is_refused_as_a_close_up() -> None:
    with pytest.raises(GarmentCloseUpError, match=CLOSE_UP):
        cut_out(Image.fromarray(_fabric()))


def test_a_garment_cut_off_by_the_frame_is_refused() -> None:
    with pytest.raises(GarmentCloseUpError, match=CLOSE_UP):
        cut_out(Image.fromarray(_tee(drop=150)))  # the hem runs out of the bottom edge


def test_a_whole_garment_on_a_plain_background_is_cut_out() -> None:
    garment = cut_out(Image.fromarray(_tee()))
    height, width = garment.rgb.shape[:2]
    assert 381 <= height <= 390 and 281 <= width <= 290  # the whole tee, and little else
    assert garment.anchors["shoulder_l"][0] < garment.anchors["shoulder_r"][0]


def test_a_close_up_is_still_a_garment_photo_error() -> None:
    assert issubclass(GarmentCloseUpError, GarmentPhotoError)  # callers catching it still do


@pytest.mark.integration
def test_real_catalogue_close_ups_are_refused_and_whole_garments_kept() -> None:
    if not HM_DIR.is_dir():
        pytest.fail(f"The sample catalogue is missing at {HM_DIR}.")
    for item_id in HM_CLOSE_UPS:
        with pytest.raises(GarmentCloseUpError, match=CLOSE_UP):
            cut_out(Image.open(HM_DIR / "images" / f"{item_id}.jpg"))
    for item_id in HM_WHOLE:
        garment = cut_out(Image.open(HM_DIR / "images" / f"{item_id}.jpg"))
        assert garment.mask.mean() > 0.3, item_id
