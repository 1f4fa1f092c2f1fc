"""Everything the graph's nodes need besides the state, passed in once per run."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from fitroom.tools.catalog.items import Item
from fitroom.tools.reader.reading import Reader
from fitroom.tools.retrieval.embedder import Vectors
from fitroom.tools.retrieval.search import SearchRequest, SearchResult
from fitroom.tools.retrieval.vocabulary import Vocabulary

if TYPE_CHECKING:
    from fitroom.tools.llm.chat import ChatModel
    from fitroom.tools.ranker.protocol import Ranker


@dataclass(frozen=True)
class AgentContext:
    """The catalogue, the tools bound to their backends, and the turn policy's limits."""

    items: Mapping[str, Item]
    vocabulary: Vocabulary
    search: Callable[[SearchRequest], SearchResult]
    parse: Reader  # the one reader that search shares
    embed_text: Callable[[list[str]], Vectors]
    # The photo model's vector for one picture (cached by the caller); None without photos.
    embed_photo: Callable[[Path], Vectors] | None = None
    photo_search: bool = True  # False: no image model, so a photo is only for a try-on
    ranker: Ranker | None = None
    # The ranker's popularity weight inside a conversation, where every candidate already
    # matches the stated filters. On 200 validation episodes success@5 was 0.86 at 0, 0.87 at
    # 1 and 0.84 at 3; across the whole catalogue it adds nothing (reports/ranker.md).
    session_popularity: float = 1.0
    chat: ChatModel | None = None  # None: templates phrase everything
    # Renders a shown garment onto the shopper's photo and returns the saved picture; None
    # where try-on is switched off.
    try_on: Callable[[Path, Item], Path] | None = None
    llm_explanations: int = 1  # shown items that get an LLM draft (each checked)
    llm_extraction: bool = False  # also read each message with the LLM (validated; slow on CPU)
    # Evaluation ablations; the defaults are the product's behaviour.
    question_policy: Literal["information_gain", "random"] = "information_gain"
    popularity: Mapping[str, int] | None = None  # with no ranker: order picks by purchases
    shown_k: int = 6
    # Candidates retrieved, ranked, and read by the clarifying policy. Wide, because the
    # ranker can only lift what retrieval let in: on 200 validation episodes (`fitroom eval
    # --split validation`) 200 raised success@5 from 0.79 to 0.855 over 50, for a few tens of
    # milliseconds a turn (reports/agent.md).
    pool_k: int = 200
    max_questions: int = 3
    max_chars: int = 500
    price_scale: float = 1.0  # currency units per catalogue price unit
    currency_prices: bool = True  # False: prices are normalised units, "under 40" cannot apply
