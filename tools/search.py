"""The `search_items` tool: everyday-language text search with structured filters."""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from fitroom.tools.embedder import Embedder
from fitroom.tools.errors import InvalidQueryError, StoreError
from fitroom.tools.filters import Filters
from fitroom.tools.item_store import ItemStore, StoreHit
from fitroom.tools.query_parser import Match, QueryParser

MAX_K = 1000
# When what the parser read leaves too few items, drop its guesses least-certain first; the
# caller's explicit filters are never dropped.
_RELAX_ORDER = ("pattern", "colour", "colour_master", "category", "article_type", "gender")


class SearchRequest(BaseModel):
    """A text search: words, how many results, and optional hard filters."""

    query: str
    k: int = Field(default=10)
    filters: Filters = Filters()
    interpret: bool = True

    @field_validator("query")
    @classmethod
    def _query(cls, value: str) -> str:
        if not value.strip():
            raise InvalidQueryError(
                "The query is empty; say what you are looking for, for example 'black dress'."
            )
        return value.strip()

    @field_validator("k")
    @classmethod
    def _k(cls, value: int) -> int:
        if not 1 <= value <= MAX_K:
            raise InvalidQueryError(f"k must be between 1 and {MAX_K}; got {value}.")
        return value


class SearchItem(BaseModel):
    """One result as shown to a shopper or another agent."""

    item_id: str
    title: str
    article_type: str
    colour: str
    pattern: str
    gender: str
    price: float | None
    score: float
    image: str


class SearchResult(BaseModel):
    """The results plus how the query was read, so a caller can show or undo it."""

    query: str
    items: list[SearchItem]
    understood: list[Match] = []
    relaxed: list[str] = []


def _shown(hit: StoreHit) -> SearchItem:
    shown = hit.item.model_dump(include=set(SearchItem.model_fields) - {"score"})
    return SearchItem(**shown, score=round(hit.score, 4))


def search_items(
    request: SearchRequest, *, embedder: Embedder, store: ItemStore, parser: QueryParser
) -> SearchResult:
    """Find catalogue items matching everyday words and optional filters.

    Args:
        request: The query text, `k` and explicit filters.
        embedder: Encodes the query into the store's vector space.
        store: The item store to search.
        parser: Maps words such as "navy" or "jumper" onto catalogue labels.

    Returns:
        Up to `k` items, best first, with what the parser understood and any filters it relaxed.
    """
    if store.count() == 0:
        raise StoreError("The item store is empty; build it with `fitroom index` first.")
    explicit = store.vocabulary().canonical_filters(request.filters)
    parsed = parser.parse(request.query) if request.interpret else None
    understood = parsed.matches if parsed else []
    # Words the caller already constrained explicitly are not second-guessed.
    inferred = (parsed.filters if parsed else Filters()).without(explicit.include)
    vector = embedder.embed_texts([request.query])[0]
    hits = store.query(vector, request.k, inferred.merged(explicit))
    relaxed: list[str] = []
    for key in _RELAX_ORDER:
        if len(hits) >= request.k or key not in inferred.include:
            continue
        inferred = inferred.without([key])
        relaxed.append(key)
        seen = {h.item.item_id for h in hits}
        more = store.query(vector, request.k, inferred.merged(explicit))
        hits += [h for h in more if h.item.item_id not in seen][: request.k - len(hits)]
    return SearchResult(
        query=request.query, items=[_shown(h) for h in hits], understood=understood, relaxed=relaxed
    )
