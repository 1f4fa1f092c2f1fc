"""The deterministic attribute simulator (iEvaLM's attribute mode): it answers questions with
the target's true value, accepts when the target is shown, and otherwise corrects one attribute
that the shown items get wrong. It never names the item."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fitroom.agent.state import Reply
from fitroom.eval.sim_episodes import garment_words
from fitroom.tools.catalog import Item

_VAGUE = {"unknown", "undefined", "other", "other pattern", "other structure"}


def _said(value: str) -> bool:
    """Whether a shopper would name this value ("Unknown" and "Other" are catalogue gaps)."""
    return bool(value) and value.casefold() not in _VAGUE


def found_at(target: Item, shown: Sequence[Item]) -> int | None:
    """The 0-based position of the target among `shown`. A colour variant of the same product
    counts only in the target's own colour: the shopper wants that garment, not its twin in
    another dye."""
    for n, item in enumerate(shown):
        if item.item_id == target.item_id:
            return n
        same_product = bool(target.product_code) and item.product_code == target.product_code
        if same_product and item.colour == target.colour:
            return n
    return None


class AttributeUser:
    """Answers for one target item."""

    def __init__(self, target: Item, items: Mapping[str, Item]) -> None:
        self.target = target
        self.items = items

    def answer(self, question: Reply) -> str:
        attribute = question.asked or ""
        value = str(getattr(self.target, attribute, "") or "")
        if not _said(value):
            return "anything is fine"
        if attribute == "gender":
            return f"for {value.lower()}"
        if attribute == "article_type":
            return garment_words(self.target)
        return value.lower()

    def correct(self, shown: Sequence[Item]) -> str:
        """One piece of corrective feedback: the first attribute on which the top pick (the
        one the agent is surest of) differs from the target; when it differs on none, that
        pick is right in every way the shopper can say, and none of the list is the one."""
        t, top = self.target, shown[0]
        if top.article_type != t.article_type and _said(t.article_type):
            return f"no, I want {garment_words(t)}"
        if top.gender != t.gender and _said(t.gender):
            return f"no, for {t.gender.lower()}"
        if top.colour != t.colour and _said(t.colour):
            return f"no, something in {t.colour.lower()}"
        if top.pattern != t.pattern and _said(t.pattern):
            return f"no, {t.pattern.lower()} please"
        return "none of these"

    def respond(self, reply: Reply) -> str:
        if reply.asked:  # a question, asked alone or beside picks that missed
            return self.answer(reply)
        shown = [self.items[i.item_id] for i in reply.items if i.item_id in self.items]
        if reply.type == "recommendations" and shown:
            return self.correct(shown)
        return "anything is fine, just show me"
