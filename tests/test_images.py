"""Bad and unusual photos: each gets a clear error or a correct conversion."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from fitroom.tools.catalog.images import fit, load_pixels, open_rgb
from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.retrieval.embedder import Vectors


def test_non_image_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("not a photo")
    with pytest.raises(InvalidQueryError, match=r"not an image Pillow can read"):
        open_rgb(path)


def test_empty_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.touch()
    with pytest.raises(InvalidQueryError, match=r"empty file"):
        open_rgb(path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidQueryError, match=r"does not exist"):
        open_rgb(tmp_path / "nope.png")


def test_truncated_jpeg_is_reported(tmp_path: Path) -> None:
    full = tmp_path / "full.jpg"
    rng = np.random.default_rng(0)
    Image.fromarray(rng.integers(0, 255, (300, 200, 3), dtype=np.uint8)).save(full, quality=95)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 3])
    with pytest.raises(InvalidQueryError, match=r"damaged or truncated"):
        open_rgb(cut)


def _png_claiming(path: Path, width: int, height: int) -> None:
    """A tiny valid-looking PNG whose header claims a huge size (a decompression bomb)."""
    Image.new("RGB", (1, 1)).save(path)
    data = bytearray(path.read_bytes())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    path.write_bytes(bytes(data))


def test_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    _png_claiming(path, 60_000, 60_000)
    with pytest.raises(InvalidQueryError, match=r"bomb.png is (too large|60000x60000).*resize it"):
        open_rgb(path)


def test_pixel_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    Image.new("RGB", (100, 100)).save(path)
    with pytest.raises(InvalidQueryError, match=r"over the 5,000-pixel limit"):
        open_rgb(path, max_pixels=5_000)
    assert open_rgb(path, max_pixels=10_000).size == (100, 100)


def test_greyscale_becomes_rgb(tmp_path: Path) -> None:
    path = tmp_path / "grey.png"
    Image.new("L", (20, 30), 77).save(path)
    assert np.asarray(open_rgb(path))[0, 0].tolist() == [77, 77, 77]


def test_sixteen_bit_greyscale_keeps_its_contrast(tmp_path: Path) -> None:
    path = tmp_path / "deep.png"
    array = np.zeros((30, 20), dtype=np.uint16)
    array[:, 10:] = 60_000
    Image.fromarray(array).save(path)
    rgb = np.asarray(open_rgb(path))
    assert rgb[0, 0].tolist() == [0, 0, 0]
    assert rgb[0, 15].tolist() == [255, 255, 255]


def test_cmyk_becomes_rgb(tmp_path: Path) -> None:
    path = tmp_path / "print.jpg"
    Image.new("CMYK", (20, 30), (0, 255, 255, 0)).save(path)  # pure red in CMYK
    r, g, b = np.asarray(open_rgb(path))[10, 10].tolist()
    assert r > 200 and g < 60 and b < 60


def test_transparency_is_flattened_onto_white(tmp_path: Path) -> None:
    path = tmp_path / "cutout.png"
    image = Image.new("RGBA", (20, 30), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (5, 5, 15, 25))
    image.save(path)
    rgb = np.asarray(open_rgb(path))
    assert rgb[0, 0].tolist() == [255, 255, 255]
    assert rgb[15, 10].tolist() == [200, 0, 0]


def test_exif_rotation_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    image = Image.new("RGB", (40, 20), (0, 0, 255))
    exif = image.getexif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    image.save(path, exif=exif)
    assert open_rgb(path).size == (20, 40)


def test_fit_pads_other_shapes_onto_white_at_the_catalogue_aspect() -> None:
    square = Image.new("RGB", (60, 60), (0, 128, 0))
    pixels = fit(square, 64, 96)
    assert pixels.shape == (96, 64, 3)
    assert pixels[0, 32].tolist() == [255, 255, 255]  # padded above
    assert pixels[48, 32].tolist() == [0, 128, 0]  # the photo in the middle


def test_load_pixels_on_a_catalogue_photo(tmp_path: Path) -> None:
    path = tmp_path / "item.jpg"
    Image.new("RGB", (360, 540), (10, 200, 10)).save(path)
    pixels = load_pixels(path, 64, 96)
    assert pixels.shape == (96, 64, 3) and pixels.dtype == np.uint8
    assert abs(int(pixels[48, 32, 1]) - 200) < 6


def test_a_remembered_photo_is_encoded_once_and_batches_pass_through(tmp_path: Path) -> None:
    from fitroom.tools.image_tower.embedders import RememberedPhotos

    class Counting:
        model_id, dim, calls = "counting", 3, 0

        def embed_texts(self, texts: Sequence[str]) -> Vectors:
            return np.ones((len(texts), 3), dtype=np.float32)

        def embed_images(self, images: Sequence[Path]) -> Vectors:
            self.calls += 1
            return np.array([[len(str(p)), 0, 0] for p in images], dtype=np.float32)

    inner = Counting()
    photos = RememberedPhotos(inner)
    one, same = photos.embed_images([tmp_path / "a.jpg"]), photos.photo(tmp_path / "a.jpg")
    assert inner.calls == 1 and np.array_equal(one[0], same)
    assert photos.embed_images([tmp_path / "a.jpg", tmp_path / "bb.jpg"]).shape == (2, 3)
    assert inner.calls == 2 and photos.model_id == "counting" and photos.dim == 3
    with pytest.raises(ValueError):
        same[0] = 0.0  # the shared vector cannot be changed by one caller for the others
