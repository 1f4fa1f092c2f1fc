"""Open any photo a shopper or a catalogue gives us as a bounded, upright RGB image."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps, UnidentifiedImageError

from fitroom.tools.errors import InvalidQueryError

# 40 megapixels covers any phone photo; above it a file is a decompression bomb or a scan we
# should not spend seconds and gigabytes on.
MAX_PIXELS = 40_000_000
# Catalogue photos are 2:3 portrait (width:height); other photos are padded to that shape.
ASPECT = 2 / 3
_BACKGROUND = (255, 255, 255)  # catalogue photos sit on white

Pixels = NDArray[np.uint8]


def open_rgb(
    path: Path, *, min_size: tuple[int, int] | None = None, max_pixels: int = MAX_PIXELS
) -> Image.Image:
    """Open `path` as an upright RGB image, or raise one sentence saying what is wrong.

    Greyscale, palette, CMYK and 16-bit images are converted; transparency is flattened onto
    white; EXIF rotation is applied. A JPEG is decoded at the smallest scale that still covers
    `min_size` (width, height), which makes thumbnails several times cheaper.
    """
    if not path.is_file():
        raise InvalidQueryError(f"Image {path} does not exist; check the path.")
    if path.stat().st_size == 0:
        raise InvalidQueryError(f"Image {path} is an empty file; choose a JPEG or PNG photo.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(path)
            width, height = image.size
            if width * height > max_pixels:
                raise InvalidQueryError(
                    f"Image {path} is {width}x{height} pixels, over the {max_pixels:,}-pixel "
                    "limit; resize it before searching with it."
                )
            if min_size:
                image.draft("RGB", min_size)
            image.load()
    except InvalidQueryError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InvalidQueryError(
            f"Image {path} is too large to decode safely; resize it before searching with it."
        ) from exc
    except UnidentifiedImageError as exc:
        raise InvalidQueryError(
            f"{path} is not an image Pillow can read; choose a JPEG, PNG or WebP photo."
        ) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise InvalidQueryError(
            f"Image {path} is damaged or truncated ({exc}); save it again or choose another photo."
        ) from exc
    image = ImageOps.exif_transpose(image)
    return _flatten(image)


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, _BACKGROUND)
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit greyscale: scale to 8 bits before the RGB conversion clips it to white.
        array = np.asarray(image, dtype=np.float64)
        peak = max(float(array.max()), 1.0)
        image = Image.fromarray((array * (255.0 / peak)).astype(np.uint8))
    return image.convert("RGB")


def fit(image: Image.Image, width: int, height: int) -> Pixels:
    """Pad to the catalogue's aspect ratio on white, then resize to `width` x `height`."""
    w, h = image.size
    if abs(w / h - width / height) > 0.01:
        target_w, target_h = (w, round(w / (width / height)))
        if target_h < h:
            target_w, target_h = round(h * (width / height)), h
        canvas = Image.new("RGB", (target_w, target_h), _BACKGROUND)
        canvas.paste(image, ((target_w - w) // 2, (target_h - h) // 2))
        image = canvas
    resized = image.resize((width, height), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.asarray(resized, dtype=np.uint8)


def load_pixels(path: Path, width: int, height: int) -> Pixels:
    """`open_rgb` then `fit`: an (height, width, 3) uint8 array."""
    return fit(open_rgb(path, min_size=(width, height)), width, height)
