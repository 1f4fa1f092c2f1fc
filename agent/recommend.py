"""The graph's output side: rank the candidates, show a diverse few, explain each, remember."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from langgraph.runtime import Runtime

from fitroom.agent.context import AgentContext
from fitroom.agent.state import AgentState, Reply, ShownItem, Understood, Update
from fitroom.memory.long_term import load_memory, remember_turn, save_memory
from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.explain import explain_item, explanation_prompt
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.errors import FitroomError
from fitroom.tools.llm.chat import complete
from fitroom.tools.reader.price_tiers import price_tier


def diverse(ranked: list[Item], k: int, colour_variants: bool) -> list[Item]:
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
    text = " ".join(label for labels in state["prefs"].wanted.values() for label in labels)
    text = f"{text} {state.get('text', '')}".strip()
    candidates = rank_candidates(
        runtime.context,
        state["user_id"],
        state["prefs"],
        text,
        state["candidates"],
        state.get("photo"),
    )
    # What the shopper saw and passed over goes behind what they have not seen yet: a refined
    # or repeated request deserves fresh picks, and the old ones stay reachable further down.
    seen = set(state.get("seen", []))
    return {"candidates": sorted(candidates, key=lambda i: i in seen)}


def rank_candidates(
    ctx: AgentContext,
    user_id: str,
    prefs: Preferences,
    text: str,
    candidates: Sequence[str],
    photo: str | None = None,
) -> list[str]:
    """The candidates best first for this shopper: by the ranker where there is one, else by
    purchases where the evaluation asks for that, else in retrieval order."""
    ids = [i for i in candidates if i in ctx.items]
    if ctx.ranker is not None:
        from fitroom.tools.ranker.content import content_vector

        words = ctx.embed_text([text])[0]
        width = ctx.ranker.context_width
        # "Like this": the photo steers the ranking too, or ranking would undo the photo search.
        seen_like = ctx.embed_photo(Path(photo)) if photo and ctx.embed_photo else None
        if seen_like is not None and width < len(words) + len(seen_like):
            seen_like = None  # a ranker built without photo vectors has no place for it
        context = content_vector(width, text=words, image=seen_like)
        liked = [i for i in prefs.liked if i in ctx.items]
        who = user_id if ctx.ranker.knows(user_id) or not liked else liked
        return [i for i, _ in ctx.ranker.rank(who, ids, context, ctx.session_popularity)]
    if (counts := ctx.popularity) is not None:  # stable: ties keep retrieval order
        return sorted(ids, key=lambda i: -counts.get(i, 0))
    return ids


def explain(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    ctx = runtime.context
    # "In another colour" asks for variants of one product; otherwise one colour each.
    variants = "other colour" in state.get("feedback", [])
    picks = diverse([ctx.items[i] for i in state["candidates"]], ctx.shown_k, variants)
    shown = explain_picks(ctx, picks, state["prefs"])
    if not shown.items:
        text = "I found nothing to show."
    else:
        text = (
            "Here is one pick." if len(shown.items) == 1 else f"Here are {len(shown.items)} picks."
        )
    reply = Reply(
        type="recommendations",
        text=text,
        items=shown.items,
        notes=shown.notes,
        llm_drafts=shown.drafts,
        llm_grounded=shown.grounded,
    )
    return {"reply": reply}


@dataclass
class Explained:
    """Picks with their reasons, and how many of those the LLM wrote and got right."""

    items: list[ShownItem] = field(default_factory=list)
    drafts: int = 0
    grounded: int = 0
    notes: list[str] = field(default_factory=list)


def explain_picks(ctx: AgentContext, picks: Sequence[Item], prefs: Preferences) -> Explained:
    """Each pick with a checked reason: an LLM draft for the first few where every claim in it
    holds, the grounded template otherwise."""
    done = Explained()
    for n, item in enumerate(picks):
        draft = None
        if ctx.chat is not None and n < ctx.llm_explanations and not done.notes:
            try:
                draft = complete(ctx.chat, explanation_prompt(item, prefs), max_tokens=40)
                done.drafts += 1
            except FitroomError as error:  # the reply still goes out, with template text
                done.notes.append(f"The LLM failed, so explanations use templates: {error}")
        explanation = explain_item(item, prefs, ctx.vocabulary, draft=draft)
        done.grounded += explanation.source == "llm"
        tier = price_tier(item.article_type, item.price, ctx.vocabulary.price_cuts)
        done.items.append(ShownItem.of(item, explanation.text, tier))
    return done


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
