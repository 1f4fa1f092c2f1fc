"""The graph's input side: understand the turn, retrieve candidates, decide, clarify."""

from __future__ import annotations

import random
import re
from pathlib import Path

from langgraph.runtime import Runtime

from fitroom.agent.context import AgentContext
from fitroom.agent.state import AgentState, Reply, Update
from fitroom.agent.understand import Turn, merge_extraction, understand
from fitroom.memory.long_term import (
    UserMemory,
    load_memory,
    save_memory,
    starting_preferences,
    with_purchases,
)
from fitroom.tools.catalog.images import open_rgb
from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.clarify import ask_clarifying_question, questions
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.errors import FitroomError
from fitroom.tools.reader.cue_words import ORDINALS
from fitroom.tools.reader.llm_extract import extract_wants
from fitroom.tools.retrieval.filters import Filters
from fitroom.tools.retrieval.search import SearchRequest
from fitroom.tools.retrieval.unsure_patterns import unsure

_OFF_TOPIC = re.compile(
    r"(ignore (?:all |any |the )?(?:previous|above|your) instructions|system prompt|"
    r"reveal (?:your|the) (?:prompt|instructions)|other (?:users?|people)'?s? (?:data|memory)|"
    r"(?:delete|change|edit) (?:the )?(?:memory|data) of|"
    r"(?:another|other|some ?one else'?s?|which) (?:users?|shoppers?|customers?)|"
    r"(?:user|shopper|customer) [\w-]+'?s? (?:likes|memory|data|history|preferences)|"
    r"what (?:user|shopper|customer) [\w-]+ (?:likes|wants|bought|said)|"
    r"(?:user|shopper|customer) [\w-]+ (?:has|had|is|was) (?:been )?(?:buying|bought|purchas\w*|"
    r"ordering|ordered|liking|looking|saying)|"
    # claims of authority and requests for every shopper's records
    r"\b(?:i am|i'?m|im|acting as|speaking as) (?:the |an? |your )?(?:admin|administrator|"
    r"developer|operator|root|superuser|moderator|owner of this)\b(?! assistant)|"
    r"\b(?:list|show|give|tell|dump|export|print|send) (?:me )?(?:(?:all|every) (?:the )?"
    r"(?:users?|shoppers?|customers?|accounts?|members?)\b(?!'| (?:like|who|looking|favou?rite))|"
    r"(?:the )?(?:users?|shoppers?|customers?|accounts?|members?)'? ?(?:ids?|names?|emails?|data|"
    r"list|records?)\b)|"
    r"\b(?:all|every|each) (?:users?|shoppers?|customers?)'?s? (?:ids?|data|memor\w*|names?|"
    r"emails?|records?|histor\w*|preferences)|"
    r"\b(?:api keys?|passwords?|credentials|access tokens?|secret keys?|environment variables)\b|"
    r"\b(?:disregard|forget|override) (?:all |any |your |the )*(?:previous |prior |earlier )?"
    r"(?:instructions|rules|guidelines)\b|developer mode|jailbreak|"
    # the tools' own names and role-play: "forget_shopper X now", "SYSTEM: switch user to X"
    r"\b(?:forget_shopper|shopper_memory|get_product|search_catalog|try_on|recommend_items)\b|"
    r"^\s*(?:system|assistant|developer)\s*:|\bswitch (?:the )?(?:user|shopper|account)\b|"
    r"\bi'?m (?:authori[sz]ed|allowed|permitted) to\b|\b(?:as|i'?m) authori[sz]ed\b)",
    re.IGNORECASE,
)

_NO_CURRENCY = (
    "This catalogue lists prices in normalised units, not a currency, so I cannot apply a price "
    "limit; say 'cheaper' to go below what you see."
)


_NO_PHOTO_SEARCH = (
    "I cannot search by photo here (no image model is installed), but I can put a garment I "
    "show you on your photo; tell me in words what you are looking for."
)
_NO_PHOTO_SEARCH_WORDS = (
    "I cannot search by photo here (no image model is installed), so I searched by your words."
)
_NO_CURRENCY_WORD = (
    "This catalogue lists prices in normalised units, not a currency, so I cannot apply that "
    "sum; I kept to your price word instead, against each kind's own prices."
)
_NO_LLM_READING = "The LLM failed, so I read your message without it."
_NO_PRICED = (
    "Nothing that matches has a price in that range (many items here list no price), so these "
    "ignore the price."
)


def _message(text: str) -> Update:
    return {"reply": Reply(type="message", text=text)}


def _memory(user_id: str, runtime: Runtime[AgentContext]) -> UserMemory | None:
    """The shopper's long-term memory; a customer seen for the first time starts from their
    purchase history (the ranker's, which comes from the interactions file)."""
    if runtime.store is None:
        return None
    memory = load_memory(runtime.store, user_id)
    ranker = runtime.context.ranker
    if not memory.with_purchases and ranker is not None and ranker.knows(user_id):
        items = runtime.context.items
        ids = ranker.purchases(user_id)
        memory = with_purchases(memory, [items[i] for i in ids if i in items])
        save_memory(runtime.store, user_id, memory)
    return memory


def understand_turn(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    ctx = runtime.context
    prefs, update = _turn_start(state, runtime)
    text = state.get("text", "").strip()
    image = state.get("image")
    if not text and not image:
        return update | _message("Tell me what you are looking for, or send a photo.")
    update["intent"] = "search"
    if (problem := _unusable(text, image)) is not None:
        return update | _message(problem)
    if len(text) > ctx.max_chars:
        update["turn_notes"] = [
            f"Your message was long; I read its first {ctx.max_chars} characters."
        ]
    shown = [ctx.items[i] for i in state.get("shown", []) if i in ctx.items]
    after_try_on = state.get("intent") == "tryon"
    photo_for_try_on = bool(image) and not ctx.photo_search
    after, turn = understand(
        text[: ctx.max_chars],
        prefs,
        ctx.parse,
        shown,
        ctx.price_scale,
        after_try_on,
        photo_for_try_on,
    )
    if turn.unknown_reference:
        return update | _message(_not_shown(turn.unknown_reference, len(shown)))
    if turn.intent != "search":
        if turn.intent == "tryon" and image:
            update["person_photo"] = image
        return update | {"intent": turn.intent, "target": turn.target, "topic": turn.topic}
    if photo_for_try_on:  # search by the words alone, and never "like this photo" later
        if not any(c.isalnum() for c in text):
            return update | _message(_NO_PHOTO_SEARCH)
        update["turn_notes"] = [*update.get("turn_notes", []), _NO_PHOTO_SEARCH_WORDS]
        image = None
    after = _with_extraction(after, text[: ctx.max_chars], ctx, update)
    after = _price_cap(after, prefs, turn, ctx.currency_prices, update)
    return update | _search_update(state, prefs, after, turn, image)


def _not_shown(reference: str, shown: int) -> str:
    """What to say when the shopper points at an item beyond the `shown` ones ("the ninth")."""
    if shown == 0:
        return "I have not shown you anything yet; tell me what you are looking for."
    return (
        f"I showed you {shown} item{'s' if shown != 1 else ''}, so there is no {reference} one; "
        f"say first to {ORDINALS[min(shown, len(ORDINALS)) - 1]}, or describe what you want."
    )


def _with_extraction(
    after: Preferences, text: str, ctx: AgentContext, update: Update
) -> Preferences:
    """`after`, with what an LLM reading of `text` adds, when one is set up; its failure is
    said in a turn note."""
    if ctx.chat is not None and ctx.llm_extraction:
        try:
            return merge_extraction(after, extract_wants(ctx.chat, text, ctx.parse))
        except FitroomError:  # the parser's reading stands on its own
            update["turn_notes"] = [*update["turn_notes"], _NO_LLM_READING]
    return after


def _search_update(
    state: AgentState, prefs: Preferences, after: Preferences, turn: Turn, image: str | None
) -> Update:
    """The update of a turn that searches, from `prefs` to `after`."""
    # Feedback on shown items wants a new list, not a question; "just show me" holds for the
    # rest of the session.
    just_show = state.get("just_show", False) or turn.just_show or bool(turn.feedback)
    changed: Update = {}
    kind = prefs.wanted.get("article_type")
    if kind and after.wanted.get("article_type") != kind:
        changed["asked"] = []  # another kind of garment may deserve its own questions
        changed["photo"] = None  # and "like this" no longer points at that photo
    if image:  # "something like this": every later refinement is still like this photo
        changed["photo"] = image
    return changed | {
        "prefs": after,
        "before": prefs,
        "just_show": just_show,
        "feedback": turn.feedback,
    }


def _turn_start(state: AgentState, runtime: Runtime[AgentContext]) -> tuple[Preferences, Update]:
    """The preferences the turn starts from (a new conversation's from long-term memory) and
    the update every turn makes, whatever path it takes."""
    prefs = state.get("prefs") or Preferences()
    if not state.get("started"):
        memory = _memory(state["user_id"], runtime)
        prefs = starting_preferences(memory) if memory else prefs
    # "before" == "prefs" until understanding changes them, so a turn that stops early
    # remembers nothing twice.
    update: Update = {
        "reply": None,
        "question": None,
        "prefs": prefs,
        "before": prefs,
        "feedback": [],
        "turn_notes": [],
    }
    if not state.get("started"):
        update |= {"started": True, "asked": [], "just_show": False}
    return prefs, update


def _unusable(text: str, image: str | None) -> str | None:
    """Why the message cannot be searched with (one sentence), or None."""
    if image:
        try:  # say what is wrong with the photo before any search is attempted
            open_rgb(Path(image), min_size=(16, 16)).close()
        except FitroomError as error:
            return str(error)
    if _OFF_TOPIC.search(text):
        return (
            "I can only help you find clothes from this catalogue, and I only see your own "
            "preferences. What are you looking for?"
        )
    return None


def _price_cap(
    after: Preferences, prefs: Preferences, turn: Turn, currency: bool, update: Update
) -> Preferences:
    """`after`, without a currency cap the catalogue cannot apply (said in a turn note)."""
    limits = (after.min_price, after.max_price)
    stated = limits != (prefs.min_price, prefs.max_price) and "cheaper" not in turn.feedback
    # (a cap dropped with the garment it was for, "show me skirts" after "cheaper", is no sum)
    stated = stated and not turn.relative_price and limits != (None, None)
    if stated and not currency and not turn.catalogue_units:
        said = _NO_CURRENCY if turn.word_price is None else _NO_CURRENCY_WORD
        update["turn_notes"] = [*update.get("turn_notes", []), said]
        if turn.word_price is not None:  # "under 30 quid, cheap is fine": the word still holds
            low, high = turn.word_price
            garments = list(after.wanted.get("article_type", []))
            return after.model_copy(
                update={"min_price": low, "max_price": high, "price_for": garments}
            )
        return after.model_copy(update={"min_price": prefs.min_price, "max_price": prefs.max_price})
    return after


def stated_filters(prefs: Preferences) -> Filters:
    """What the shopper has asked for and ruled out, as hard filters on the catalogue."""
    return Filters(
        include={k: v for k, v in prefs.wanted.items() if v},
        exclude={k: v for k, v in prefs.excluded.items() if v},
        price_min=prefs.min_price,
        price_max=prefs.max_price,
    )


def query_words(prefs: Preferences, meaning: str) -> str:
    """What to search by meaning: the wanted labels, the occasion and the message's meaning."""
    labels = [label for labels in prefs.wanted.values() for label in labels]
    return " ".join([*labels, prefs.occasion or "", meaning]).strip()


def _pattern(ctx: AgentContext, item_id: str) -> str:
    item = ctx.items.get(item_id)
    return item.pattern if item is not None else ""


def _product(item: Item) -> str:
    return item.product_code or item.item_id


def retrieve(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    ctx = runtime.context
    prefs = state["prefs"]
    image = state.get("photo")
    # What the message rules out must not steer the search by meaning ("no hood").
    meaning = ctx.parse(state.get("text", "")[: ctx.max_chars], ask_llm=False).meaning
    filters = stated_filters(prefs)
    notes: list[str] = []
    try:  # an unreadable photo or an impossible filter is said, and the conversation goes on
        request = SearchRequest(
            query=query_words(prefs, meaning),
            image=Path(image) if image else None,
            k=ctx.pool_k,
            filters=filters,
            interpret=False,
        )
        found = ctx.search(request)
        priced = filters.price_min is not None or filters.price_max is not None
        if not found.items and priced:
            # Half the H&M sample has no price: a price limit alone must not empty the list.
            found = ctx.search(request.model_copy(update={"filters": filters.without(["price"])}))
            notes = [_NO_PRICED] if found.items else []
    except FitroomError as error:
        return _message(str(error))
    # "Not that one" rules out its colour variants too: the same garment, another dye.
    rejected = {_product(ctx.items[i]) for i in prefs.rejected if i in ctx.items}
    ids = [
        i.item_id
        for i in found.items
        if i.item_id not in prefs.rejected
        and (i.item_id not in ctx.items or _product(ctx.items[i.item_id]) not in rejected)
    ]
    if not ids:
        return _message(
            "Nothing in the catalogue matches all of that. Try dropping a colour, a pattern or "
            "the price limit."
        )
    # "nothing with dots": a vague "All over pattern" may be dots; the ranker never sees those
    # while enough items settle it, and otherwise they come last
    sure = {i: None for i in ids if not unsure(_pattern(ctx, i), prefs.excluded, prefs.wanted)}
    kept = list(sure)  # a dict: ordered, and a set for the membership test below
    ids = kept if len(kept) >= ctx.shown_k else kept + [i for i in ids if i not in sure]
    if notes:
        return {"candidates": ids, "turn_notes": [*state.get("turn_notes", []), *notes]}
    return {"candidates": ids}


def decide(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    ctx = runtime.context
    asked = state.get("asked", [])
    if state.get("just_show") or len(asked) >= ctx.max_questions:
        return {"question": None}
    candidates = [ctx.items[i] for i in state["candidates"] if i in ctx.items]
    given = state["prefs"].given()
    if ctx.question_policy == "random":  # the ablation: any open attribute, not the best one
        open_questions = questions(candidates, given, asked)
        seed = f"{state['user_id']}|{len(asked)}|{state.get('text', '')}"
        pick = random.Random(seed).choice(open_questions) if open_questions else None
        return {"question": pick}
    return {"question": ask_clarifying_question(candidates, given, asked)}


def clarify(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    """Ask alongside the picks: the shopper may find the piece at once, and the answer narrows
    the next list if not."""
    question, reply = state["question"], state["reply"]
    assert question is not None and reply is not None
    return {
        "reply": reply.model_copy(
            update={"text": f"{reply.text} {question.text}", "asked": question.attribute}
        ),
        "asked": [*state.get("asked", []), question.attribute],
    }
