"""The try-on tool's input handling, with a renderer test double (no mediapipe)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from fitroom.tools.catalog.items import Item
from fitroom.tools.errors import GarmentCloseUpError, GarmentPhotoError, TryOnError
from fitroom.tools.tryon.service import MAX_SIDE, render_try_on
from fitroom.tools.tryon.types import TryOnResult, can_try_on


class Recording:
    """Records the sizes it was given; raises `error` instead when set."""

    name = "recording"

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.sizes: list[tuple[tuple[int, int], tuple[int, int]]] = []

    def render(self, person: Image.Image, garment: Image.Image) -> TryOnResult:
        if self.error:
            raise self.error
        self.sizes.append((person.size, garment.size))
        return TryOnResult(image=person, renderer=self.name, landmarks={}, masks={}, seconds=0.0)


def _item(tmp_path: Path, article_type: str) -> Item:
    photo = tmp_path / f"{article_type}.jpg"
    Image.new("RGB", (360, 540), "navy").save(photo)
    return Item(
        item_id="0123456789",
        title="Pale tee",
        gender="Women",
        category="Garment Upper body",
        article_type=article_type,
        colour="White",
        image=photo,
    )


def test_photos_are_bounded_and_items_are_looked_up(tmp_path: Path) -> None:
    person = tmp_path / "person.jpg"
    Image.new("RGB", (3000, 4000), "grey").save(person)
    item = _item(tmp_path, "T-shirt")
    renderer = Recording()
    render_try_on(person, item.item_id, items={item.item_id: item}, renderer=renderer)
    assert renderer.sizes == [((1200, MAX_SIDE), (360, 540))]


def test_a_garment_that_cannot_be_cut_out_is_named_in_the_reply(tmp_path: Path) -> None:
    item = _item(tmp_path, "T-shirt")
    failing = Recording(GarmentPhotoError("I could not tell the garment from the background."))
    person = Image.new("RGB", (300, 400))
    with pytest.raises(GarmentPhotoError, match="cannot tell the Pale tee from the background"):
        render_try_on(person, item.item_id, items={item.item_id: item}, renderer=failing)
    with pytest.raises(GarmentPhotoError, match="could not tell the garment"):
        render_try_on(person, Image.new("RGB", (300, 400)), renderer=failing)


def test_a_close_up_catalogue_photo_is_named_as_one(tmp_path: Path) -> None:
    item = _item(tmp_path, "T-shirt")
    failing = Recording(GarmentCloseUpError("The photo of this garment is a close-up."))
    person = Image.new("RGB", (300, 400))
    with pytest.raises(GarmentCloseUpError, match="catalogue photo of the Pale tee is a close-up"):
        render_try_on(person, item.item_id, items={item.item_id: item}, renderer=failing)
    with pytest.raises(GarmentCloseUpError, match="photo of this garment is a close-up"):
        render_try_on(person, Image.new("RGB", (300, 400)), renderer=failing)


def test_lower_body_items_and_unknown_ids_are_refused(tmp_path: Path) -> None:
    skirt = _item(tmp_path, "Skirt")
    person = Image.new("RGB", (300, 400))
    with pytest.raises(TryOnError, match=r"Pale tee \(skirt\) cannot be tried on"):
        render_try_on(person, skirt.item_id, items={skirt.item_id: skirt}, renderer=Recording())
    with pytest.raises(TryOnError, match="no item 0999999999 in the catalogue"):
        render_try_on(person, "0999999999", items={}, renderer=Recording())


@pytest.mark.parametrize(
    "title", ["ELIAS basic V-neck BB 2-p", "VICTOR 3PK SLIM VN T-SHIRT", "Moa 2-pack", "5PACK LS"]
)
def test_a_multi_pack_is_refused_in_one_sentence(tmp_path: Path, title: str) -> None:
    item = _item(tmp_path, "T-shirt").model_copy(update={"title": title})
    assert not can_try_on(item.article_type, item.title)
    with pytest.raises(TryOnError, match="multi-pack whose photo shows several garments"):
        render_try_on(Image.new("RGB", (300, 400)), item.item_id, items={item.item_id: item})
    assert can_try_on("T-shirt", "Basic tee 2020 edition")  # a number is not a pack
