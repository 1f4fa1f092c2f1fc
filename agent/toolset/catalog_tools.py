"""Finding catalogue items: by words, by id, and like an item or a photo."""

from __future__ import annotations

import hashlib
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fitroom.agent.services import Services
from fitroom.agent.toolset.images import save_photo
from fitroom.agent.toolset.models import MAX_ID, Count, ItemId, Product, Text, ToolInput
from fitroom.tools.catalog.items import Item
from fitroom.tools.errors import InvalidQueryError
from fitroom.tools.reader.reading import Match
from fitroom.tools.retrieval.embedder import normalise
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.search import MAX_K, TEXT_PULL, SearchRequest


class FilterSpec(BaseModel):
    """Hard filters over the catalogue's own labels, keyed as `fitroom search --filter` is."""

    model_config = ConfigDict(extra="forbid")  # {"colour": [...]} here is a misplaced include

    include: dict[str, list[str]] = Field(
        default_factory=dict,
        description="key -> any of these labels; keys: gender, category, article_type, "
        "colour, colour_master, pattern.",
    )
    exclude: dict[str, list[str]] = Field(
        default_factory=dict, description="key -> none of these labels (also feature)."
    )
    price_min: float | None = Field(default=None, ge=0)
    price_max: float | None = Field(default=None, ge=0)


class SearchCatalogInput(ToolInput):
    query: Text = Field(description="What the shopper wants, in everyday words.")
    filters: FilterSpec | None = None
    k: Count = 10
    cursor: str | None = Field(default=None, description="`next_cursor` of the previous page.")


class SearchCatalogOutput(BaseModel):
    items: list[Product]
    understood: list[Match] = Field(description="How the words were read as catalogue labels.")
    relaxed: list[str] = Field(description="Filters read from the words that were dropped.")
    price_min: float | None = Field(description="The price floor applied, in catalogue units.")
    price_max: float | None = Field(description="The price cap applied, in catalogue units.")
    notes: list[str] = Field(description="How the words were read, where that was not plain.")
    next_cursor: str | None = Field(description="Pass it back for the next page; null at end.")


class GetProductInput(ToolInput):
    # Plain strings, not ItemId: one malformed id in a batch is one more missing id, not a
    # failed call (it is only ever looked up, never used as a path).
    item_ids: list[Annotated[str, Field(max_length=MAX_ID)]] = Field(
        min_length=1, max_length=50, description="Catalogue item ids."
    )


class GetProductOutput(BaseModel):
    items: list[Product]
    missing: list[str] = Field(description="Ids not in the catalogue.")


class FindSimilarInput(ToolInput):
    item_id: ItemId | None = None
    image_base64: str | None = Field(default=None, description="A PNG, JPEG or WebP as base64.")
    text: Text = Field(default="", description="How to steer it, e.g. 'but in black'.")
    k: Count = 10

    @model_validator(mode="after")
    def _one_source(self) -> FindSimilarInput:
        if (self.item_id is None) == (self.image_base64 is None):
            raise ValueError("Give exactly one of item_id or image_base64.")
        return self


class ItemsOutput(BaseModel):
    items: list[Product]


def product(services: Services, item: Item) -> Product:
    """The record another agent sees, with a photo URL only where photos are served."""
    base = services.settings.public_image_base
    url = None
    if base and item.image is not None:
        root = services.settings.catalog
        try:
            name = item.image.relative_to(root / "images") if root else item.image.name
        except ValueError:
            name = item.image.name
        url = f"{base.rstrip('/')}/{name}"
    return Product.of(item, services.context.vocabulary, url)


def products(services: Services, ids: list[str]) -> list[Product]:
    """The records of `ids`, skipping any the catalogue no longer has (an index built from an
    older catalogue)."""
    items = services.context.items
    return [product(services, items[i]) for i in ids if i in items]


def known_item(services: Services, item_id: str) -> Item:
    item = services.context.items.get(item_id)
    if item is None:
        raise InvalidQueryError(f"No item {item_id!r} in the catalogue; search for one first.")
    return item


def _search_key(request: SearchCatalogInput) -> str:
    """What a cursor is tied to: the words and filters of the search it pages through."""
    said = request.query + (request.filters.model_dump_json() if request.filters else "")
    return hashlib.sha256(said.encode()).hexdigest()[:8]


def _offset(request: SearchCatalogInput) -> int:
    """Where the page starts: 0, or the offset a cursor of this very search carries."""
    if request.cursor is None:
        return 0
    offset, _, key = request.cursor.partition("-")
    # Never echoed back: a cursor is the tool's own token, and a wrong one says nothing useful.
    if not offset.isdigit() or key != _search_key(request):
        raise InvalidQueryError(
            "The cursor is not one this tool gave out for this search; search again without it."
        )
    if int(offset) + request.k > MAX_K:
        raise InvalidQueryError(f"Paging stops at {MAX_K} items; narrow the search instead.")
    return int(offset)


def search_catalog(services: Services, request: SearchCatalogInput) -> SearchCatalogOutput:
    """Search the catalogue with everyday words, negation and hard filters, a page at a time."""
    offset = _offset(request)
    spec = request.filters or FilterSpec()
    filters = Filters(**spec.model_dump())
    # Exactly up to this page, so what the notes say was relaxed is what this page shows; a
    # full page offers a next one, which may then turn out empty.
    end = offset + request.k
    result = services.search(SearchRequest(query=request.query, k=end, filters=filters))
    page = [hit.item_id for hit in result.items[offset:end]]
    more = len(result.items) == end and end < MAX_K
    return SearchCatalogOutput(
        items=products(services, page),
        understood=result.understood,
        relaxed=result.relaxed,
        price_min=result.price_min,
        price_max=result.price_max,
        notes=result.notes,
        next_cursor=f"{offset + request.k}-{_search_key(request)}" if more else None,
    )


def get_products(services: Services, request: GetProductInput) -> GetProductOutput:
    """Look up catalogue items by id; ids not in the catalogue are listed as missing."""
    ids = list(dict.fromkeys(i.strip() for i in request.item_ids))
    return GetProductOutput(
        items=products(services, ids),
        missing=[i for i in ids if i not in services.context.items],
    )


def find_similar_items(services: Services, request: FindSimilarInput) -> ItemsOutput:
    """Find items like a catalogue item or a photo, optionally steered by words."""
    if request.image_base64 is not None:
        photo = save_photo(request.image_base64, services.uploads)
        found = services.search(SearchRequest(query=request.text, image=photo, k=request.k))
        return ItemsOutput(items=products(services, [h.item_id for h in found.items]))
    source = known_item(services, request.item_id or "")
    vector = services.store.vectors([source.item_id])[0]
    filters = Filters()
    if request.text.strip():
        parsed = services.reader.parse(request.text)
        filters = parsed.filters
        pull = services.embedder.embed_texts([parsed.meaning or request.text])[0]
        vector = normalise((vector + TEXT_PULL * pull)[None])[0]
    hits = services.store.query(vector, request.k + 1, filters)
    ids = [h.item.item_id for h in hits if h.item.item_id != source.item_id][: request.k]
    return ItemsOutput(items=products(services, ids))
