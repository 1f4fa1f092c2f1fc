"""Turns about one item already shown: a question answered from its record, or a try-on."""

from __future__ import annotations

from pathlib import Path

from langgraph.runtime import Runtime

from fitroom.agent.context import AgentContext
from fitroom.agent.state import AgentState, Reply, ShownItem, Update
from fitroom.tools.conversation.answer import answer_about
from fitroom.tools.errors import FitroomError
from fitroom.tools.reader.price_tiers import price_tier
from fitroom.tools.tryon.types import refusal


def _message(text: str) -> Update:
    return {"reply": Reply(type="message", text=text)}


def answer(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    ctx = runtime.context
    item = ctx.items[str(state["target"])]
    topic = state.get("topic") or "details"
    tier = price_tier(item.article_type, item.price, ctx.vocabulary.price_cuts)
    text = answer_about(item, topic, currency=ctx.currency_prices, tier=tier)
    return {"reply": Reply(type="message", text=text, items=[ShownItem.of(item, "", tier)])}


def try_on(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
    ctx = runtime.context
    target = state.get("target")
    if target is None:
        return _message(
            "I have not shown you anything to try on yet; tell me what you are looking for."
        )
    item = ctx.items[target]
    if (refused := refusal(item.title, item.article_type)) is not None:
        return _message(refused)  # before asking for a photo it could not dress
    if ctx.try_on is None:
        return _message(
            "Try-on is switched off on this server (FITROOM_TRYON=none), so I cannot show it "
            "on you; set FITROOM_TRYON=geometric to turn it on."
        )
    photo = state.get("person_photo")
    if not photo:
        return _message(
            f"Send a photo of yourself, facing the camera from head to hips, with 'try it on', "
            f"and I will show the {item.title} on you."
        )
    try:  # a photo with no person in it, or a garment it cannot dress, is said plainly
        rendered = ctx.try_on(Path(photo), item)
    except FitroomError as error:
        return _message(str(error))
    card = ShownItem.of(item, f"The {item.title} on your photo.")
    return {
        "reply": Reply(
            type="tryon",
            text=f"Here is the {item.title} on your photo.",
            items=[card],
            image=str(rendered),
        )
    }
