"""The geometric try-on on real VITON-HD photos with the real mediapipe models, and every kind
of bad input it must refuse with one sentence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from fitroom.tools.catalog.items import Item, load_catalog
from fitroom.tools.errors import InvalidQueryError, TryOnError
from fitroom.tools.tryon.geometric import GeometricTryOn
from fitroom.tools.tryon.service import MAX_SIDE, render_try_on
from fitroom.tools.tryon.types import can_try_on
from tests.conftest import HM_DIR, TRYON_DIR

pytestmark = [pytest.mark.slow, pytest.mark.integration]

PERSON = TRYON_DIR / "person" / "00055_00.jpg"
GARMENT = TRYON_DIR / "garment" / "07764_00.jpg"


@pytest.fixture(scope="module")
def renderer() -> GeometricTryOn:
    if not TRYON_DIR.is_dir():
        pytest.fail(f"The try-on samples are missing at {TRYON_DIR}.")
    return GeometricTryOn()


@pytest.fixture(scope="module")
def items() -> dict[str, Item]:
    return load_catalog(HM_DIR).by_id()


def test_a_garment_lands_on_the_torso_and_nothing_else_changes(renderer: GeometricTryOn) -> None:
    person = Image.open(PERSON).convert("RGB")
    result = renderer.render(person, Image.open(GARMENT))
    assert result.image.size == person.size and result.renderer == "geometric"
    marks = result.landmarks
    assert marks["person_shoulder_l"][0] < marks["person_shoulder_r"][0]
    centre = np.mean(
        [marks[f"person_{j}"] for j in ("shoulder_l", "shoulder_r", "hip_l", "hip_r")], axis=0
    )
    garment = result.masks["garment"]
    assert garment[int(centre[1]), int(centre[0])]  # the chest is dressed
    assert 0.05 < garment.mean() < 0.5
    before, after = np.asarray(person), np.asarray(result.image)
    far = ~_grown(garment)  # the feathered seam is a few pixels wide
    assert np.array_equal(before[far], after[far])  # background, legs and face untouched
    changed = np.abs(before.astype(int) - after).sum(axis=2) > 30
    assert changed[garment].mean() > 0.5  # and the dressed region really changed
    assert set(result.stages) == {"person", "garment", "warp", "occlusion", "blend"}


def _grown(
    mask: np.ndarray[tuple[int, int], np.dtype[np.bool_]],
) -> np.ndarray[tuple[int, int], np.dtype[np.bool_]]:
    import cv2

    return np.asarray(cv2.dilate(mask.astype(np.uint8), np.ones((31, 31), np.uint8)), dtype=bool)


def test_catalogue_items_are_dressed_or_refused_by_type(
    renderer: GeometricTryOn, items: dict[str, Item]
) -> None:
    tee = next(i for i in items.values() if can_try_on(i.article_type, i.title))
    result = render_try_on(PERSON, tee.item_id, items=items, renderer=renderer)
    assert result.masks["garment"].any()
    trousers = next(i for i in items.values() if i.article_type == "Trousers")
    with pytest.raises(TryOnError, match="cannot be tried on; try-on dresses upper-body"):
        render_try_on(PERSON, trousers.item_id, items=items, renderer=renderer)
    with pytest.raises(TryOnError, match="no item 0000000000"):
        render_try_on(PERSON, "0000000000", items=items, renderer=renderer)


def _two_people() -> Image.Image:
    pair = Image.new("RGB", (1536, 1024))
    pair.paste(Image.open(PERSON), (0, 0))
    pair.paste(Image.open(TRYON_DIR / "person" / "01008_00.jpg"), (768, 0))
    return pair


@pytest.mark.parametrize(
    ("make", "error", "says"),
    [
        (lambda: Image.open(GARMENT), TryOnError, "no person in the photo"),
        (_two_people, TryOnError, "shows 2 people"),
        (
            lambda: Image.open(PERSON).crop((0, 0, 768, 250)),
            TryOnError,
            "cropped above the shoulders",
        ),
    ],
    ids=["no person", "two people", "cropped above the shoulders"],
)
def test_unusable_person_photos_are_refused_in_one_sentence(
    renderer: GeometricTryOn, make: object, error: type[Exception], says: str, tmp_path: Path
) -> None:
    photo = tmp_path / "person.png"
    make().save(photo)  # type: ignore[operator]
    with pytest.raises(error, match=says):
        render_try_on(photo, GARMENT, renderer=renderer)


def test_files_that_are_not_photos_or_too_big_are_handled(
    renderer: GeometricTryOn, tmp_path: Path
) -> None:
    with pytest.raises(InvalidQueryError, match="not an image"):
        render_try_on(Path(__file__), GARMENT, renderer=renderer)
    big = tmp_path / "big.jpg"
    Image.open(PERSON).resize((3600, 4800)).save(big, quality=80)  # 17 Mpx: scaled down
    result = render_try_on(big, GARMENT, renderer=renderer)
    assert max(result.image.size) == MAX_SIDE
    huge = tmp_path / "huge.png"
    Image.new("L", (8000, 6000)).save(huge)  # 48 Mpx: over the limit, refused
    with pytest.raises(InvalidQueryError, match="pixel limit"):
        render_try_on(huge, GARMENT, renderer=renderer)
