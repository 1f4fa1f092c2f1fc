"""The toolset's shared input fields and the item record every tool returns."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from fitroom.tools.catalog.items import Item
from fitroom.tools.reader.price_tiers import Tier, price_tier
from fitroom.tools.retrieval.vocabulary import Vocabulary
from fitroom.tools.tryon.types import can_try_on

MAX_TEXT = 2000  # a shopper's message or a query; longer is a paste, not a request
MAX_ID = 64


def _plain_id(value: str, what: str, example: str, also: str = "") -> str:
    value = value.strip()
    if not value:
        raise ValueError(f"The {what} is empty; give one, for example {example!r}.")
    allowed = "-_" + also
    if len(value) > MAX_ID or not all(c.isalnum() or c in allowed for c in value):
        said = ", ".join(repr(c) for c in allowed)
        raise ValueError(
            f"The {what} {value[:40]!r} is not valid; use up to {MAX_ID} letters, digits or {said}."
        )
    return value


def _item_id(value: str) -> str:
    return _plain_id(value, "item id", "0108775015")


def _shopper_id(value: str) -> str:
    return _plain_id(value, "shopper id", "alex", also=".@+")  # an e-mail address is a fine id


def _session_id(value: str) -> str:
    return _plain_id(value, "session id", "monday-1", also=".@+")


def _text(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValueError(f"The text is {len(value)} characters long; say it in at most {MAX_TEXT}.")
    return value


# The limits the validators keep, published in the schema too, so a client can check first;
# the validators still say what is wrong in a sentence.
_ID_SCHEMA = {"maxLength": MAX_ID, "pattern": r"^\s*[A-Za-z0-9_-]+\s*$"}
_PERSON_SCHEMA = {"maxLength": MAX_ID, "pattern": r"^\s*[A-Za-z0-9_.@+-]+\s*$"}
ItemId = Annotated[
    str,
    AfterValidator(_item_id),
    Field(description="A catalogue item id.", json_schema_extra=_ID_SCHEMA),
]
ShopperId = Annotated[
    str,
    AfterValidator(_shopper_id),
    Field(
        description="Who is shopping: memory is kept per shopper id.",
        json_schema_extra=_PERSON_SCHEMA,
    ),
]
SessionId = Annotated[
    str,
    AfterValidator(_session_id),
    Field(
        description="The conversation; the same id resumes it.", json_schema_extra=_PERSON_SCHEMA
    ),
]
Text = Annotated[str, AfterValidator(_text), Field(json_schema_extra={"maxLength": MAX_TEXT})]
Count = Annotated[int, Field(ge=1, le=50, description="How many items (1-50).")]


class ToolInput(BaseModel):
    # An unknown argument is a caller's typo, not something to ignore silently.
    model_config = ConfigDict(extra="forbid")


class Product(BaseModel):
    """One catalogue item as another agent sees it: facts only, never a server file path."""

    item_id: str
    title: str
    article_type: str
    colour: str
    colour_master: str
    pattern: str
    gender: str
    price: float | None = Field(description="In the catalogue's own units.")
    price_tier: Tier | None = Field(description="Where the price stands among items of its kind.")
    image_url: str | None = Field(
        description="The product photo, where FITROOM_PUBLIC_IMAGE_BASE says they are served."
    )
    try_on: bool = Field(description="The try_on tool can dress it (an upper-body garment).")

    @classmethod
    def of(cls, item: Item, vocabulary: Vocabulary, image_url: str | None) -> Product:
        return cls(
            **item.model_dump(
                include=set(cls.model_fields) - {"price_tier", "image_url", "try_on"}
            ),
            try_on=can_try_on(item.article_type, item.title),
            price_tier=price_tier(item.article_type, item.price, vocabulary.price_cuts),
            image_url=image_url,
        )
