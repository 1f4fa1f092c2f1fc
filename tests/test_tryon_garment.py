"""Garment cut-out and anchors on real product photos (VITON-HD and H&M)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from fitroom.tools.catalog.items import load_catalog
from fitroom.tools.errors import TryOnError
from fitroom.tools.tryon.garment import cut_out
from fitroom.tools.tryon.types import can_try_on
from tests.conftest import HM_DIR, TRYON_DIR

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def _check(path: str) -> None:
    garment = cut_out(Image.open(path))
    a = garment.anchors
    assert 0.3 < garment.mask.mean() < 0.98, path
    assert a["shoulder_l"][0] < a["collar"][0] < a["shoulder_r"][0], path
    assert a["collar"][1] < a["shoulder_l"][1] < a["waist_l"][1] < a["hem_l"][1], path
    assert a["waist_l"][0] < a["waist_r"][0] and a["hem_l"][0] < a["hem_r"][0], path


def test_every_viton_garment_is_cut_out_with_ordered_anchors() -> None:
    photos = sorted(str(p) for p in (TRYON_DIR / "garment").glob("*.jpg"))
    if not photos:
        pytest.fail(f"The try-on samples are missing at {TRYON_DIR}.")
    for path in photos:
        _check(path)


def test_nearly_every_hm_top_is_cut_out_and_the_rest_refused_clearly() -> None:
    if not HM_DIR.is_dir():
        pytest.fail(f"The sample catalogue is missing at {HM_DIR}.")
    tops = [i for i in load_catalog(HM_DIR).items if can_try_on(i.article_type)][::25]
    refused = 0
    for item in tops:
        try:
            _check(str(item.image))
        except TryOnError as error:
            assert "plain background" in str(error)
            refused += 1
    assert len(tops) > 100 and refused <= 0.03 * len(tops)


def test_a_white_tee_on_white_is_found_by_its_outline() -> None:
    photo = Image.open(TRYON_DIR / "garment" / "09133_00.jpg")
    white = cut_out(photo)
    assert white.rgb.shape[1] > 0.6 * photo.width  # the whole top, not only its buttons


def test_a_blank_photo_is_refused() -> None:
    with pytest.raises(TryOnError, match="could not tell the garment from the background"):
        cut_out(Image.fromarray(np.full((400, 300, 3), 240, np.uint8)))
