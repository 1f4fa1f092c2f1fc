"""Photos arriving as base64: checked, capped and kept under the data directory by content.

No tool takes a file path, so a caller can never make the server read its own files; a photo
is stored under a name derived from its bytes, which also makes repeated calls free.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from fitroom.tools.errors import InvalidQueryError

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
_PLEA = "send the photo's bytes as base64 (PNG, JPEG or WebP)"


def _looks_like_a_path(text: str) -> bool:
    return text.startswith(("/", "./", "../", "~", "file:", "http:", "https:")) or "\\" in text


def _decode(data: str) -> bytes:
    text = data.strip()
    if text.startswith("data:"):  # a data URL: the base64 follows the comma
        text = text.partition(",")[2]
    if len(text) > MAX_BYTES * 4 // 3 + 4:
        raise InvalidQueryError(f"The photo is over {MAX_BYTES // 2**20} MB; send a smaller one.")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        # A JPEG's base64 starts with "/9j/", so a path is only recognised once decoding fails.
        if _looks_like_a_path(text):
            raise InvalidQueryError(
                f"A file path or URL is not accepted as a photo; {_PLEA}."
            ) from None
        raise InvalidQueryError(f"The photo is not valid base64; {_PLEA}.") from None
    if not raw:
        raise InvalidQueryError(f"The photo is empty; {_PLEA}.")
    return raw


def _check(raw: bytes) -> str:
    """The file suffix for a complete PNG, JPEG or WebP picture of at most MAX_PIXELS."""
    try:
        with Image.open(io.BytesIO(raw)) as image:
            kind = image.format or ""
            if kind not in _FORMATS:
                raise InvalidQueryError(f"The photo is {kind or 'of an unknown kind'}; {_PLEA}.")
            width, height = image.size  # read from the header: a bomb is refused undecoded
            if width * height > MAX_PIXELS:
                raise InvalidQueryError(
                    f"The photo is {width}x{height}, over {MAX_PIXELS // 10**6} megapixels; "
                    "send a smaller one."
                )
            image.load()  # a truncated or corrupt file fails here, not in the renderer
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise InvalidQueryError(
            f"The photo cannot be read (corrupt or truncated); {_PLEA}."
        ) from None
    return _FORMATS[kind]


def save_photo(data: str, folder: Path) -> Path:
    """Check a base64 photo and keep it under `folder`, named by its content.

    Args:
        data: The photo's bytes as base64 (a `data:` URL is accepted too).
        folder: Where uploaded photos are kept.

    Returns:
        The stored photo's path, for the tools that read photos from disk.

    Raises:
        InvalidQueryError: One sentence saying what is wrong with the photo.
    """
    raw = _decode(data)
    if len(raw) > MAX_BYTES:
        raise InvalidQueryError(f"The photo is over {MAX_BYTES // 2**20} MB; send a smaller one.")
    suffix = _check(raw)
    path = folder / f"{hashlib.sha256(raw).hexdigest()[:32]}.{suffix}"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(raw)
        partial.replace(path)  # never a half-written photo under the final name
    return path
