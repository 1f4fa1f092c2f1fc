"""Advice over the catalogue: the question worth asking, why an item fits, picks for a shopper."""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from fitroom.agent.nodes import query_words, stated_filters
from fitroom.agent.recommend import diverse, explain_picks, rank_candidates
from fitroom.agent.services import Services
from fitroom.agent.toolset.catalog_tools import known_item, product
from fitroom.agent.toolset.models import Count, ItemId, Product, ShopperId, Text, ToolInput
from fitroom.memory.long_term import load_memory, starting_preferences
from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.clarify import ASKABLE, ask_clarifying_question
from fitroom.tools.conversation.explain import check_explanation, explain_item, explanation_prompt
from fitroom.tools.conversation.preferences import STATED, Preferences
from fitroom.tools.errors import FitroomError, InvalidQueryError
from fitroom.tools.llm.chat import complete
from fitroom.tools.reader.reading import ParsedQuery
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.search import SearchRequest


class NextQuestionInput(ToolInput):
    query: Text = Field(description="What the shopper has asked for so far.")
    answered: dict[str, str] = Field(
        default_factory=dict,
        description=f"Answers already given, attribute -> label; attributes: {', '.join(ASKABLE)}.",
    )


class NextQuestionOutput(BaseModel):
    question: str | None = Field(description="Null when nothing is worth asking.")
    attribute: str | None
    options: list[str] | None


class ExplainItemInput(ToolInput):
    item_id: ItemId
    query: Text = Field(description="What the shopper asked for.")

    @field_validator("query")
    @classmethod
    def _said(cls, value: str) -> str:
        if not value.strip():  # an empty query gives a reason nobody asked for
            raise ValueError("The query is empty; say what the shopper asked for.")
        return value


class ExplainItemOutput(BaseModel):
    explanation: str
    grounded: bool = Field(description="Every claim in it checks against the item's record.")
    source: str = Field(description="llm (a checked draft) or template.")
    ruled_out: list[str] = Field(description="What the item is that the query rules out.")
    missing: list[str] = Field(description="What the query asks for that the item is not.")
    fits: bool = Field(description="The item is what was asked for and nothing ruled out.")


class RecommendInput(ToolInput):
    shopper_id: ShopperId
    query: Text = Field(default="", description="Optional: what they want this time.")
    k: Count = 6


class Pick(Product):
    explanation: str


class RecommendOutput(BaseModel):
    items: list[Pick]


def _preferences(parsed: ParsedQuery, start: Preferences | None = None) -> Preferences:
    """Preferences with what `parsed` wants and rules out added to `start`."""
    prefs = (start or Preferences()).model_copy(deep=True)
    said = parsed.filters
    for target, found in ((prefs.wanted, said.include), (prefs.excluded, said.exclude)):
        for attribute, labels in found.items():
            target[attribute] = list(dict.fromkeys([*target.get(attribute, []), *labels]))
    prefs.min_price = said.price_min if said.price_min is not None else prefs.min_price
    prefs.max_price = said.price_max if said.price_max is not None else prefs.max_price
    return prefs


def _pool(services: Services, prefs: Preferences, meaning: str) -> list[str]:
    words = query_words(prefs, meaning) or "clothes"
    request = SearchRequest(
        query=words, k=services.context.pool_k, filters=stated_filters(prefs), interpret=False
    )
    return [hit.item_id for hit in services.search(request).items]


def ask_next_question(services: Services, request: NextQuestionInput) -> NextQuestionOutput:
    """Choose the one question whose answer narrows the matching items most, if any is worth it."""
    unknown = sorted(set(request.answered) - set(ASKABLE))
    if unknown:
        raise InvalidQueryError(
            f"Cannot take an answer about {', '.join(unknown)}; answer {', '.join(ASKABLE)}."
        )
    parsed = services.reader.parse(request.query, ask_llm=False)
    vocabulary = services.context.vocabulary
    answers = vocabulary.canonical_filters(
        Filters(include={a: [v] for a, v in request.answered.items()})
    )
    prefs = _preferences(parsed)
    for attribute, labels in answers.include.items():
        prefs.wanted[attribute] = labels
    items = services.context.items
    candidates = [items[i] for i in _pool(services, prefs, parsed.meaning) if i in items]
    question = ask_clarifying_question(candidates, prefs.given())
    if question is None:
        return NextQuestionOutput(question=None, attribute=None, options=None)
    return NextQuestionOutput(
        question=question.text, attribute=question.attribute, options=question.options
    )


def explain_catalog_item(services: Services, request: ExplainItemInput) -> ExplainItemOutput:
    """Explain, in checked facts, how an item fits what the shopper asked for."""
    item = known_item(services, request.item_id)
    prefs = _preferences(services.reader.parse(request.query, ask_llm=False))
    clashes, missing = _mismatches(item, prefs)
    if clashes or missing:  # a reason to buy it would contradict what the shopper said
        ruled = " and ".join(f"{a.replace('_', ' ')} {x.lower()}" for a, x in clashes)
        said = f"The {item.title} has {ruled}, which the query rules out."
        if not clashes:
            what = f"{item.colour} {item.article_type} ({item.pattern})".lower()
            said = f"{item.title} is a {what}, not {' or '.join(missing)} as the query asks."
        return ExplainItemOutput(
            explanation=said,
            grounded=True,
            source="template",
            ruled_out=list(dict.fromkeys(x for _, x in clashes)),
            missing=missing,
            fits=False,
        )
    vocabulary = services.context.vocabulary
    draft = None
    if services.chat is not None and services.context.llm_explanations > 0:
        try:
            draft = complete(services.chat, explanation_prompt(item, prefs), max_tokens=40)
        except FitroomError:  # the template still explains it
            draft = None
    explained = explain_item(item, prefs, vocabulary, draft=draft)
    problems = check_explanation(explained.text, item, vocabulary, prefs)
    return ExplainItemOutput(
        explanation=explained.text,
        grounded=not problems,
        source=explained.source,
        ruled_out=[],
        missing=[],
        fits=True,
    )


def _mismatches(item: Item, prefs: Preferences) -> tuple[list[tuple[str, str]], list[str]]:
    """The item's labels the query rules out, and the labels it asks for that the item lacks
    (any one of a list will do; a feature is left to the item's text, which may not say)."""

    def own(attribute: str) -> str:
        return str(getattr(item, attribute, ""))

    clashes = [(a, own(a)) for a, labels in prefs.excluded.items() if own(a) in labels]
    # the colour family says it once: "colour black", not "colour master black" as well
    if any(a == "colour" for a, _ in clashes):
        clashes = [(a, x) for a, x in clashes if a != "colour_master"]
    # what the words said, not the garments an occasion suggests ("a beach holiday")
    missing = [
        " or ".join(labels).lower()
        for a, labels in prefs.said().items()
        if labels and a in STATED and own(a) not in labels
    ]
    return clashes, missing


def recommend_items(services: Services, request: RecommendInput) -> RecommendOutput:
    """Recommend items for a shopper: their remembered tastes, this request, the ranker."""
    memory = load_memory(services.memory.store, request.shopper_id)
    parsed = services.reader.parse(request.query, ask_llm=False) if request.query else None
    start = starting_preferences(memory)
    prefs = _preferences(parsed, start) if parsed else start
    meaning = parsed.meaning if parsed else ""
    ctx = services.context
    ranked = rank_candidates(
        ctx, request.shopper_id, prefs, request.query, _pool(services, prefs, meaning)
    )
    picks = diverse([ctx.items[i] for i in ranked], request.k, colour_variants=False)
    shown = explain_picks(ctx, picks, prefs)
    return RecommendOutput(
        items=[
            Pick(**product(services, item).model_dump(), explanation=said.explanation)
            for item, said in zip(picks, shown.items, strict=True)
        ]
    )
