"""The `search_items` tool: everyday words, a photo, or both, with structured filters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field, field_validator, model_validator

from fitroom.tools.errors import InvalidQueryError, StoreError
from fitroom.tools.reader.features import asked_for, inherent, item_says, opposed
from fitroom.tools.reader.money import Money
from fitroom.tools.reader.price_tiers import Tier, price_tier
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.reader.reading import Match, ParsedQuery
from fitroom.tools.reader.ruled_out import text_says, title_says
from fitroom.tools.retrieval.embedder import Embedder, Vectors, normalise
from fitroom.tools.retrieval.filters import FEATURE, Filters
from fitroom.tools.retrieval.item_store import ItemStore, StoredItem, StoreHit
from fitroom.tools.retrieval.unsure_patterns import unsure
from fitroom.tools.tryon.types import can_try_on

MAX_K = 1000
# When what the parser read leaves too few items, drop its guesses least-certain first; the
# caller's explicit filters are never dropped.
# Price words go first: half the H&M sample has no price, and "a cheap coat" should still show
# coats.
_NAMED_FIRM = frozenset({"article_type", "category", "gender"})
_RELAX_ORDER = (
    "price",
    "pattern",
    "colour",
    "colour_master",
    "category",
    # with nothing at all for both, the garment named matters more than whom it is for: a
    # woman's swimsuit is nearer "a swimsuit for my 5 year old" than a baby's bodysuit
    "gender",
    "article_type",
)
_EASED = {"colour_master": "colour", "article_type": "garment"}
_TITLE_SPARE = 20
_SOLID = "Solid"  # "plain", however said, is never relaxed
_FEATURE_SPARE = 80
# How far words pull a photo query ("like this but in black"). The parser already turns most
# such words into filters; the pull covers the rest ("with a collar") without drowning the
# photo. Both vectors are unit length and live in the image model's space.
TEXT_PULL = 0.5


class SearchRequest(BaseModel):
    """A search: words and/or a photo, how many results, and optional hard filters."""

    query: str = ""
    image: Path | None = None
    k: int = Field(default=10)
    filters: Filters = Filters()
    interpret: bool = True

    @model_validator(mode="after")
    def _something(self) -> SearchRequest:
        self.query = self.query.strip()
        if not self.query and self.image is None:
            raise InvalidQueryError(
                "The query is empty; say what you are looking for, for example 'black dress', "
                "or give a photo."
            )
        return self

    @field_validator("k")
    @classmethod
    def _k(cls, value: int) -> int:
        if not 1 <= value <= MAX_K:
            raise InvalidQueryError(f"k must be between 1 and {MAX_K}; got {value}.")
        return value


class ItemCard(BaseModel):
    """The facts every view of an item shows: search results and the agent's picks."""

    item_id: str
    title: str
    article_type: str
    colour: str
    pattern: str
    gender: str
    price: float | None  # in the catalogue's own units (H&M's are normalised, not a currency)
    colour_master: str = ""
    # Where the price stands among items of the same kind, which a person can read.
    price_tier: Tier | None = None
    try_on: bool = False  # the try-on renderer can dress it


class SearchItem(ItemCard):
    """One result as shown to a shopper or another agent."""

    score: float
    image: str


class SearchResult(BaseModel):
    """The results plus how the query was read, so a caller can show or undo it."""

    query: str
    image: str | None = None
    items: list[SearchItem]
    understood: list[Match] = []
    # The price range applied, in catalogue units: a sum ("under 40") where prices are a
    # currency, else words ("cheap", "premium") against the named kinds' own prices; None
    # where no price was said.
    price_min: float | None = None
    price_max: float | None = None
    relaxed: list[str] = []
    notes: list[str] = []  # how the words were read where that was not plain


def _text(item: StoredItem) -> str:
    return f"{item.title} {item.document}"


def _has(filters: Filters, key: str) -> bool:
    if key == "price":
        return filters.price_min is not None or filters.price_max is not None
    return key in filters.include


def _meaning(query: str, parsed: ParsedQuery | None) -> str:
    """What to search by meaning: the words less what they rule out, or, when nothing is
    left ("anything but a dress"), the wanted labels."""
    if parsed is None:
        return query
    if any(c.isalnum() for c in parsed.meaning):
        return parsed.meaning
    wanted = [label for labels in parsed.filters.include.values() for label in labels]
    return " ".join(wanted) or "clothes"


def _shown(hit: StoreHit, cuts: Mapping[str, Sequence[float]]) -> SearchItem:
    shown = hit.item.model_dump(
        include=set(SearchItem.model_fields) - {"score", "price_tier", "try_on"}
    )
    tier = price_tier(hit.item.article_type, hit.item.price, cuts)
    # Read now, not from the index: an index built before a rule changed keeps its old flag.
    able = can_try_on(hit.item.article_type, hit.item.title)
    return SearchItem(**shown, score=round(hit.score, 4), price_tier=tier, try_on=able)


@dataclass(frozen=True)
class ImageSearch:
    """The image model and its collection, for photo queries."""

    embedder: Embedder
    store: ItemStore


def _closest_in_price(
    hits: list[StoreHit], low: float | None, high: float | None
) -> list[StoreHit]:
    """Hits found once the price range was dropped, nearest the range first: a shopper who
    said "cheap" and got no cheap coat sees the least dear coats, not the dearest."""

    def gap(hit: StoreHit) -> float:
        price = hit.item.price
        if price is None:
            return float("inf")
        return max((low or 0.0) - price, price - (high if high is not None else price), 0.0)

    return sorted(hits, key=gap)  # stable: equally near stay in order of meaning


def search_items(
    request: SearchRequest,
    *,
    embedder: Embedder,
    store: ItemStore,
    parser: QueryParser,
    images: ImageSearch | None = None,
    price_scale: float | None = None,
) -> SearchResult:
    """Find catalogue items matching everyday words, a photo ("like this but in black"), or both.

    Words go to the text collection; a photo goes to the image collection, with any words turned
    into filters by the parser and into a pull in the image model's own space.

    Args:
        request: The query text and/or photo, `k` and explicit filters.
        embedder: The text encoder of the text collection.
        store: The text collection.
        parser: Maps words such as "navy" or "jumper" onto catalogue labels.
        images: The image model and collection; needed only for a photo query.
        price_scale: Currency units per catalogue price unit, to apply a sum such as "under
            40"; None when the catalogue's prices are not a currency (H&M's are normalised).

    Returns:
        Up to `k` items, best first, with what the parser understood and any filters it relaxed.
    """
    if store.count() == 0:
        raise StoreError("The item store is empty; build it with `fitroom index` first.")
    vocabulary = store.vocabulary()
    explicit = vocabulary.canonical_filters(request.filters)
    parsed = parser.parse(request.query) if request.interpret and request.query else None
    # A sum said ("under 40") is a limit, never relaxed; "cheap" is a guess at one.
    firm_price = False
    if parsed is not None and parsed.money is not None:
        parsed, firm_price = _with_money(parsed, parsed.money, price_scale)
    # Words the caller already constrained explicitly are not second-guessed.
    inferred = (parsed.filters if parsed else Filters()).without(explicit.include)
    # The meaning leaves out what was ruled out, or "no hood" would pull hoods in.
    vector, store = _query_vector(request, _meaning(request.query, parsed), embedder, store, images)
    found = _relaxed_search(store, vector, request.k, explicit, inferred, parsed, firm_price)
    return SearchResult(
        query=request.query,
        image=str(request.image) if request.image else None,
        items=[_shown(h, vocabulary.price_cuts) for h in found.hits],
        understood=parsed.matches if parsed else [],
        price_min=parsed.price_min if parsed else None,
        price_max=parsed.price_max if parsed else None,
        relaxed=found.relaxed,
        notes=found.notes,
    )


def _with_money(
    parsed: ParsedQuery, money: Money, price_scale: float | None
) -> tuple[ParsedQuery, bool]:
    """`parsed` with the sum it names as its price range, or, where prices are no currency, a
    note that the sum was not applied (a cap in H&M's units would silently let everything in);
    and whether it was applied."""
    if price_scale is None and money.in_catalogue_units:
        price_scale = 1.0
    if price_scale is None:
        note = (
            f"Prices in this catalogue are in its own normalised units, not a currency, so "
            f"'{money.said}' was not applied; say 'cheap' or 'premium' to choose by each kind's "
            "own prices."
        )
        return parsed.model_copy(update={"notes": [*parsed.notes, note]}), False
    low, high = (None if v is None else v / price_scale for v in (money.low, money.high))
    return parsed.model_copy(update={"price_min": low, "price_max": high}), True


@dataclass(frozen=True)
class _Found:
    """What a search found, and what gave way to find it."""

    hits: list[StoreHit]
    relaxed: list[str]  # the parser's guesses dropped to find enough, in the order dropped
    notes: list[str]


def _relaxed_search(
    store: ItemStore,
    vector: Vectors,
    k: int,
    explicit: Filters,
    inferred: Filters,
    parsed: ParsedQuery | None,
    firm_price: bool = False,
) -> _Found:
    """Search under every filter, then drop the parser's guesses one by one, least certain
    first, while too few items fit."""
    stated = inferred.merged(explicit)
    query = _Query(store, vector, k, stated)
    hits = query(stated)
    plain, named = _firm(parsed.matches if parsed else [])
    plain |= {"price"} if firm_price else set()
    relaxed: list[str] = []
    fitting = len(hits)  # the items that fit every word, before anything gave way
    for key in _RELAX_ORDER:
        # A dead end is worse than a near miss (no kids' coats at all shows jackets), but "no
        # pattern" said in words never gives way.
        held = key in plain or (key in named and bool(hits))
        if len(hits) >= k or not _has(inferred, key) or held:
            continue
        inferred = inferred.without([key])
        relaxed.append(key)
        seen = {h.item.item_id for h in hits}
        more = [h for h in query(inferred.merged(explicit)) if h.item.item_id not in seen]
        if key == "price" and parsed is not None:
            more = _closest_in_price(more, parsed.price_min, parsed.price_max)
        hits += more[: k - len(hits)]
    notes = parsed.notes if parsed else []
    if dropped := [key.replace("_", " ") for key in relaxed if key in named]:
        notes = [
            *notes,
            f"Nothing fits the {' and '.join(dropped)} named, so these are the closest.",
        ]
    elif relaxed:  # colour, pattern or price gave way: say so, or "striped" shows plain
        eased = " and ".join(dict.fromkeys(_EASED.get(key, key) for key in relaxed))
        fit = "1 item fits" if fitting == 1 else f"{fitting} items fit"
        notes = [*notes, f"Only {fit} everything said; the rest leave out the {eased}."]
    if not dropped and len(hits) < k and any(_has(inferred, key) for key in plain | named):
        notes = [*notes, f"Only {len(hits)} items fit what was named; nothing else is shown."]
    return _Found(hits, relaxed, notes)


def _query_vector(
    request: SearchRequest,
    meaning: str,
    embedder: Embedder,
    store: ItemStore,
    images: ImageSearch | None,
) -> tuple[Vectors, ItemStore]:
    """The vector to search with and the collection it lives in: the words' meaning in the text
    collection, or the photo (pulled towards any words) in the image collection."""
    if request.image is None:
        return embedder.embed_texts([meaning])[0], store
    if images is None or images.store.count() == 0:
        raise StoreError(
            "Photos are not indexed; run `fitroom train image-tower`, then `fitroom index`."
        )
    vector = images.embedder.embed_images([request.image])[0]
    if request.query:
        pulled = vector + TEXT_PULL * images.embedder.embed_texts([meaning])[0]
        vector = normalise(pulled[None])[0]
    return vector, images.store


class _Query:
    """One store query under some filters, less the items whose own text says what was ruled
    out, with the items that say a wanted feature first."""

    def __init__(self, store: ItemStore, vector: Vectors, k: int, stated: Filters) -> None:
        self.store, self.vector, self.k = store, vector, k
        self.ruled_out, self.wanted = stated.exclude, stated.include
        self.asked = asked_for(stated.include.get(FEATURE, []))
        refused = sorted({*self.ruled_out.get(FEATURE, []), *opposed(self.asked)})
        kinds = stated.include.get("article_type", [])
        # "a polo, he hates doing buttons up": every polo has some, so those go last, not out
        self.softly = [f for f in refused if inherent(f, kinds)]
        self.refused = [f for f in refused if f not in self.softly]

    def __call__(self, filters: Filters) -> list[StoreHit]:
        # A few more than asked, for the ones whose own names say what was ruled out; many
        # more when a feature is named ("not skinny": most jeans are).
        named = self.refused or self.asked or self.softly
        spare = _TITLE_SPARE + (_FEATURE_SPARE if named else 0)
        hits = self.store.query(self.vector, self.k + spare, filters)
        kept = [
            h
            for h in hits
            if not title_says(h.item.title, self.ruled_out)
            and not text_says(_text(h.item), self.ruled_out)
            and not (self.refused and item_says(_text(h.item), self.refused))
        ]
        if self.asked:  # stable: those that say it first, each part in order of meaning
            kept.sort(key=lambda h: not item_says(_text(h.item), self.asked))
        if self.softly:
            kept.sort(key=lambda h: item_says(_text(h.item), self.softly))
        # "nothing with dots": a vague "All over pattern" may be dots, so it comes last
        kept.sort(key=lambda h: unsure(h.item.pattern, self.ruled_out, self.wanted))
        return kept[: self.k]


def _firm(understood: Sequence[Match]) -> tuple[set[str], set[str]]:
    """Attributes never relaxed ("no pattern" said in words), and those relaxed only when
    nothing fits: a garment or a wearer named outright (socks are no answer to "trainers, not
    white", nor a girl's bikini to "swimwear for my husband")."""
    plain = {
        m.attribute
        for m in understood
        if m.how == "plain" or (m.label == _SOLID and not (m.negated or m.allowed))
    }
    named = {
        m.attribute
        for m in understood
        if m.attribute in _NAMED_FIRM and m.how in ("exact", "synonym") and not m.negated
    }
    return plain, named
