"""The try-on tool: a person photo and a garment (a catalogue item id or a photo) in, the
rendered photo and its diagnostics out."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from PIL import Image

from fitroom.tools.catalog.images import open_rgb
from fitroom.tools.catalog.items import Item
from fitroom.tools.errors import GarmentCloseUpError, GarmentPhotoError, TryOnError
from fitroom.tools.tryon.types import TryOnRenderer, TryOnResult, refusal

# Renders are made at most this many pixels on the long side: a 12-megapixel phone photo is
# scaled down to 1600 px (about 0.3 s more than VITON-HD's 1024) rather than taking seconds.
MAX_SIDE = 1600


@lru_cache(maxsize=1)
def default_renderer() -> TryOnRenderer:
    """The geometric renderer, built once per process (its mediapipe graphs are reused)."""
    from fitroom.tools.tryon.geometric import GeometricTryOn

    return GeometricTryOn()


def _bounded(image: Image.Image) -> Image.Image:
    if max(image.size) <= MAX_SIDE:
        return image
    scale = MAX_SIDE / max(image.size)
    size = (round(image.width * scale), round(image.height * scale))
    return image.resize(size, Image.Resampling.LANCZOS)


def garment_photo(garment: str | Path | Image.Image, items: Mapping[str, Item]) -> Image.Image:
    """The product photo of an item id or a path, refusing what try-on cannot dress."""
    if isinstance(garment, Image.Image):
        return garment
    if isinstance(garment, str) and garment in items:
        item = items[garment]
        if (refused := refusal(item.title, item.article_type)) is not None:
            raise TryOnError(refused)
        if item.image is None:
            raise TryOnError(f"Item {item.item_id} has no photo to try on.")
        return open_rgb(item.image)
    path = Path(garment)
    if not path.exists() and isinstance(garment, str) and garment.isdigit():
        raise TryOnError(f"There is no item {garment} in the catalogue; check the item id.")
    return open_rgb(path)


def render_try_on(
    person_image: Path | Image.Image,
    garment: str | Path | Image.Image,
    *,
    items: Mapping[str, Item] | None = None,
    renderer: TryOnRenderer | None = None,
) -> TryOnResult:
    """Dress the person in `person_image` in `garment`.

    Args:
        person_image: A photo of one person, facing the camera, head to hips (path or image).
        garment: A catalogue item id (looked up in `items`), a product photo's path, or an
            image. Item ids that are not upper-body garments are refused.
        items: The catalogue by item id, for item ids.
        renderer: The renderer; the geometric one by default.

    Raises:
        TryOnError, InvalidQueryError: One sentence on what is wrong with either input.
    """
    catalogue = items or {}
    person = person_image if isinstance(person_image, Image.Image) else open_rgb(person_image)
    cloth = garment_photo(garment, catalogue)
    try:
        return (renderer or default_renderer()).render(_bounded(person), _bounded(cloth))
    except GarmentPhotoError as error:
        if isinstance(garment, str) and garment in catalogue:
            raise _named(error, catalogue[garment].title) from error
        raise


def _named(error: GarmentPhotoError, title: str) -> GarmentPhotoError:
    """The refusal of a catalogue garment's photo, naming the garment."""
    if isinstance(error, GarmentCloseUpError):
        return GarmentCloseUpError(
            f"The catalogue photo of the {title} is a close-up, not the whole garment, so I "
            "cannot put it on you; try another."
        )
    return GarmentPhotoError(
        f"I cannot tell the {title} from the background of its catalogue photo, so I cannot "
        "show it on you; try another."
    )
