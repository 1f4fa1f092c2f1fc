"""Try-on as the agent calls it: one saved picture per (photo, item, renderer setting)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path

from fitroom.tools.catalog.items import Item
from fitroom.tools.tryon.types import TryOnRenderer


class CachedTryOn:
    """Renders an item onto a shopper's photo and saves it under `folder`; the same photo and
    item give the same file, so a repeated request costs nothing. The renderer is built on the
    first render (mediapipe and any diffusion weights load then), then reused."""

    def __init__(
        self,
        folder: Path,
        items: Mapping[str, Item],
        make_renderer: Callable[[], TryOnRenderer | None],
        variant: str,
    ) -> None:
        self.folder = folder
        self.items = items
        self.variant = variant  # the renderer setting: another renderer means another picture
        self._make_renderer = make_renderer
        self._renderers: list[TryOnRenderer | None] = []

    def __call__(self, photo: Path, item: Item) -> Path:
        from fitroom.tools.tryon.service import render_try_on

        out = self.render_path(photo, item)
        if not out.is_file():
            self._renderers[:] = self._renderers or [self._make_renderer()]
            result = render_try_on(
                photo, item.item_id, items=self.items, renderer=self._renderers[0]
            )
            self.folder.mkdir(parents=True, exist_ok=True)
            result.image.save(out)
        return out

    def render_path(self, photo: Path, item: Item) -> Path:
        """Where the picture of `item` on `photo` is kept."""
        garment = hashlib.sha256(f"{item.item_id}|{self.variant}".encode()).hexdigest()[:16]
        return self.folder / f"{_photo_key(photo)}-{garment}.png"

    def forget(self, photo: Path) -> int:
        """Delete every picture made from `photo`; how many there were."""
        renders = list(self.folder.glob(f"{_photo_key(photo)}-*.png"))
        for render in renders:
            render.unlink(missing_ok=True)
        return len(renders)


def _photo_key(photo: Path) -> str:
    # Named by the photo first, so that forgetting a shopper finds every picture of them.
    return hashlib.sha256(photo.read_bytes()).hexdigest()[:24]
