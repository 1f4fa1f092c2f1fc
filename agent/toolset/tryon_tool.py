"""Try-on for other agents: a catalogue garment on a person's photo, returned as PNG bytes."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from fitroom.agent.services import Services
from fitroom.agent.toolset.catalog_tools import known_item
from fitroom.agent.toolset.images import save_photo
from fitroom.agent.toolset.models import ItemId, ToolInput
from fitroom.tools.errors import ConfigError


class TryOnInput(ToolInput):
    person_image: str = Field(description="The person's photo (PNG, JPEG or WebP) as base64.")
    item_id: ItemId


class TryOnOutput(BaseModel):
    item_id: str
    seconds: float = Field(description="Render time; near zero when it was rendered before.")
    png: bytes = Field(exclude=True)  # sent as image content, never inside the JSON


def render_try_on(services: Services, request: TryOnInput) -> TryOnOutput:
    """Show a catalogue garment on the person in a photo (upper-body garments)."""
    item = known_item(services, request.item_id)
    renderer = services.try_on
    if renderer is None:
        raise ConfigError("Try-on is switched off (FITROOM_TRYON=none); set it to geometric.")
    photo = save_photo(request.person_image, services.uploads)
    started = time.perf_counter()
    picture = renderer(photo, item)
    return TryOnOutput(
        item_id=item.item_id,
        seconds=round(time.perf_counter() - started, 3),
        png=picture.read_bytes(),
    )
