"""One shopper: a conversation turn with the agent, and what is remembered about them."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from fitroom.agent.forget import forget_shopper_everywhere
from fitroom.agent.services import Services
from fitroom.agent.state import Understood
from fitroom.agent.toolset.catalog_tools import product
from fitroom.agent.toolset.errors import without_paths
from fitroom.agent.toolset.images import save_photo
from fitroom.agent.toolset.models import Product, SessionId, ShopperId, Text, ToolInput
from fitroom.memory.long_term import UserMemory, load_memory


class ChatInput(ToolInput):
    shopper_id: ShopperId
    session_id: SessionId
    text: Text = Field(description="What the shopper says.")
    image_base64: str | None = Field(default=None, description="A photo (PNG, JPEG or WebP).")


class ChatPick(Product):
    explanation: str


class ChatOutput(BaseModel):
    """The agent's reply, as `fitroom chat --json` gives it, without server file paths."""

    type: Literal["recommendations", "tryon", "message"]
    text: str
    items: list[ChatPick]
    asked: str | None = Field(description="The attribute a question beside the picks asks about.")
    understood: Understood | None
    notes: list[str] = Field(description="What the shopper should know about this reply.")
    picture: bool = Field(description="A try-on picture comes with the reply, as an image.")
    png: bytes | None = Field(default=None, exclude=True)  # sent as image content, not JSON


class ShopperInput(ToolInput):
    shopper_id: ShopperId


class ShopperMemoryOutput(BaseModel):
    shopper_id: str
    remembered: UserMemory


class ForgetOutput(BaseModel):
    shopper_id: str
    erased: UserMemory = Field(description="What was remembered, now erased.")
    conversations: int = Field(description="Conversations erased.")
    photos: int = Field(description="Photos the shopper sent that were kept, now deleted.")
    renders: int = Field(description="Try-on pictures of the shopper, now deleted.")


def chat_with_agent(services: Services, request: ChatInput) -> ChatOutput:
    """Say something to the agent in a shopper's conversation and get its reply."""
    from fitroom.agent.session import run_turn

    photo = save_photo(request.image_base64, services.uploads) if request.image_base64 else None
    reply = run_turn(
        services.graph,
        services.context,
        request.shopper_id,
        request.session_id,
        request.text,
        str(photo) if photo else None,
    )
    items = services.context.items
    picks = [
        ChatPick(
            **product(services, items[shown.item_id]).model_dump(),
            explanation=shown.explanation,
        )
        for shown in reply.items
        if shown.item_id in items
    ]
    picture = Path(reply.image).read_bytes() if reply.type == "tryon" and reply.image else None
    return ChatOutput(
        type=reply.type,
        text=reply.text,
        items=picks,
        asked=reply.asked,
        understood=reply.understood,
        notes=[without_paths(note) for note in reply.notes],
        picture=picture is not None,
        png=picture,
    )


def read_shopper_memory(services: Services, request: ShopperInput) -> ShopperMemoryOutput:
    """Show what the agent remembers about a shopper across visits."""
    remembered = load_memory(services.memory.store, request.shopper_id)
    return ShopperMemoryOutput(shopper_id=request.shopper_id, remembered=remembered)


def forget_shopper(services: Services, request: ShopperInput) -> ForgetOutput:
    """Erase everything kept about a shopper: memory across visits, every conversation, and
    the photos they sent with the try-on pictures made from them."""
    erased = forget_shopper_everywhere(
        services.graph, request.shopper_id, [services.uploads], services.try_on
    )
    return ForgetOutput(
        shopper_id=request.shopper_id,
        erased=erased.remembered,
        conversations=erased.conversations,
        photos=erased.photos,
        renders=erased.renders,
    )
