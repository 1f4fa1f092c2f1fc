"""The graph's output side: rank the candidates, show a diverse few, explain each, remember."""

from __future__ import annotations

from pathlib import Path

from langgraph.runtime import Runtime

from fitroom.agent.context import AgentContext
from fitroom.agent.state import AgentState, Reply, ShownItem, Understood, Update
from fitroom.memory.long_term import load_memory, remember_turn, save_memory
from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.explain import explain_item, explanation_prompt
from fitroom.tools.errors import FitroomError
from fitroom.tools.llm.chat import complete
from fitroom.tools.reader.price_tiers import price_tier


def _diverse(ranked: list[Item], k: int, colour_variants: bool) -> list[Item]:
    """The first `k`, skipping further colour variants of a product already shown."""
    shown: list[Item] = []
    products: set[str] = set()
    for item in ranked:
        product = item.product_code or item.item_id
        if product in products and not colour_variants:
            continue
        products.add(product)
        shown.append(item)
        if len(shown) == k:
            break
    return shown


def rank(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    ctx = runtime.context
    candidates = [i for i in state["candidates"] if i in ctx.items]
    if ctx.ranker is not None:
        from fitroom.tools.ranker.content import content_vector

        text = " ".join(label for labels in state["prefs"].wanted.values() for label in labels)
        text = f"{text} {state.get('text', '')}".strip()
        words = ctx.embed_text([text])[0]
        width = ctx.ranker.context_width
        photo = state.get("photo")
        # "Like this": the photo steers the ranking too, or ranking would undo the photo search.
        seen_like = ctx.embed_photo(Path(photo)) if photo and ctx.embed_photo else None
        if seen_like is not None and width < len(words) + len(seen_like):
            seen_like = None  # a ranker built without photo vectors has no place for it
        context = content_vector(width, text=words, image=seen_like)
        liked = [i for i in state["prefs"].liked if i in ctx.items]
        who = state["user_id"] if ctx.ranker.knows(state["user_id"]) or not liked else liked
        ranked = ctx.ranker.rank(who, candidates, context, ctx.session_popularity)
        candidates = [i for i, _ in ranked]
    elif (counts := ctx.popularity) is not None:  # stable: ties keep retrieval order
        candidates = sorted(candidates, key=lambda i: -counts.get(i, 0))
    # What the shopper saw and passed over goes behind what they have not seen yet: a refined
    # or repeated request deserves fresh picks, and the old ones stay reachable further down.
    seen = set(state.get("seen", []))
    candidates = sorted(candidates, key=lambda i: i in seen)
    return {"candidates": candidates}


def explain(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    ctx = runtime.context
    prefs = state["prefs"]
    # "In another colour" asks for variants of one product; otherwise one colour each.
    variants = "other colour" in state.get("feedback", [])
    picks = _diverse([ctx.items[i] for i in state["candidates"]], ctx.shown_k, variants)
    shown = []
    drafts = grounded = 0
    notes: list[str] = []
    for n, item in enumerate(picks):
        draft = None
        if ctx.chat is not None and n < ctx.llm_explanations and not notes:
            try:
                draft = complete(ctx.chat, explanation_prompt(item, prefs), max_tokens=40)
                drafts += 1
            except FitroomError as error:  # the reply still goes out, with template text
                notes.append(f"The LLM failed, so explanations use templates: {error}")
        explanation = explain_item(item, prefs, ctx.vocabulary, draft=draft)
        grounded += explanation.source == "llm"
        tier = price_tier(item.article_type, item.price, ctx.vocabulary.price_cuts)
        shown.append(ShownItem.of(item, explanation.text, tier))
    if not shown:
        text = "I found nothing to show."
    else:
        text = "Here is one pick." if len(shown) == 1 else f"Here are {len(shown)} picks."
    reply = Reply(
        type="recommendations",
        text=text,
        items=shown,
        notes=notes,
        llm_drafts=drafts,
        llm_grounded=grounded,
    )
    return {"reply": reply}


def remember(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    reply = state.get("reply")
    update: Update = {}
    if reply is not None and reply.type == "recommendations":
        update["shown"] = [i.item_id for i in reply.items]
        update["seen"] = list(dict.fromkeys([*state.get("seen", []), *update["shown"]]))
    if reply is not None:
        notes = [*state.get("turn_notes", []), *reply.notes]
        understood = Understood.of(state["prefs"]) if "prefs" in state else None
        update["reply"] = reply.model_copy(update={"notes": notes, "understood": understood})
    if runtime.store is not None and "before" in state and "prefs" in state:
        user = state["user_id"]
        memory = remember_turn(load_memory(runtime.store, user), state["before"], state["prefs"])
        save_memory(runtime.store, user, memory)
    return update
