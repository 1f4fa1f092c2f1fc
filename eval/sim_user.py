"""The deterministic attribute simulator (iEvaLM's attribute mode): it answers questions with
the target's true value, accepts when the target is shown, and otherwise corrects one attribute
that the shown items get wrong. It never names the item."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from fitroom.agent.state import Reply
from fitroom.eval.sim_episodes import garment_words
from fitroom.tools.catalog.items import Item

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


# Everyday words for the pattern labels a shopper would name, beside the label itself.
_PATTERN_WORDS = {
    "Solid": ["plain", "solid", "no pattern"],
    "Stripe": ["striped", "stripes", "stripy"],
    "Dot": ["dotted", "polka dot", "spotty"],
    "Check": ["checked", "plaid", "tartan"],
    "All over pattern": ["patterned", "all over pattern", "printed"],
    "Melange": ["melange", "marl"],
    "Denim": ["denim"],
}
# (answer to a question, correction) templates; {v} is the wanted value, {x} the shown one
# that is wrong. Negations name only what is wrong, never anything the target has.
_ANSWERS = ["{v}", "{v} please", "{v}, I think", "ideally {v}", "I'd go for {v}"]
# Some corrections only say what is wrong, as people often do ("anything but black").
_COLOUR_FIXES = [
    "no, something in {v}",
    "not {x}, {v} please",
    "anything but {x}. {v} would be nice",
    "I'm not into {x}; {v}",
    "no {x} please, I want {v}",
    "anything but {x}",
    "{x} doesn't suit me",
]
_PATTERN_FIXES = [
    "no, {v} please",
    "not {x}, {v}",
    "I don't want {x}; {v} instead",
    "anything but {x}. {v} please",
    "nothing {x} please",
]
_KIND_FIXES = [
    "no, I want {v}",
    "not {x}, I want {v}",
    "something other than {x}. {v}",
    "no more {x} please. {v} instead",
]


def _pattern_word(label: str, rng: random.Random | None) -> str:
    words = _PATTERN_WORDS.get(label, [label.lower()])
    return rng.choice(words) if rng else label.lower()


class AttributeUser:
    """Answers for one target item. With `rng` it phrases each answer and correction from a
    seeded set of templates, negations included ("not black, navy please"), so the evaluation
    reads the shopper's words through the reader too; without, it speaks the labels."""

    def __init__(
        self, target: Item, items: Mapping[str, Item], rng: random.Random | None = None
    ) -> None:
        self.target = target
        self.items = items
        self.rng = rng

    def _say(self, templates: list[str], **words: str) -> str:
        template = self.rng.choice(templates) if self.rng else templates[0]
        return template.format(**words)

    def answer(self, question: Reply) -> str:
        attribute = question.asked or ""
        value = str(getattr(self.target, attribute, "") or "")
        if not _said(value):
            return "anything is fine"
        if attribute == "gender":
            return f"for {value.lower()}"
        if attribute == "article_type":
            return garment_words(self.target)
        if attribute == "pattern":
            value = _pattern_word(value, self.rng)
        return self._say(_ANSWERS, v=value.lower())

    def correct(self, shown: Sequence[Item]) -> str:
        """One piece of corrective feedback: the first attribute on which the top pick (the
        one the agent is surest of) differs from the target; when it differs on none, that
        pick is right in every way the shopper can say, and none of the list is the one."""
        t, top = self.target, shown[0]
        if top.article_type != t.article_type and _said(t.article_type):
            return self._say(_KIND_FIXES, v=garment_words(t), x=_plural(top))
        if top.gender != t.gender and _said(t.gender):
            return f"no, for {t.gender.lower()}"
        if top.colour != t.colour and _said(t.colour):
            wrong = _wrong_colour(top, t)
            fixes = _COLOUR_FIXES if wrong else _COLOUR_FIXES[:1]
            return self._say(fixes, v=t.colour.lower(), x=wrong or "")
        if top.pattern != t.pattern and _said(t.pattern):
            fixes = _PATTERN_FIXES if _said(top.pattern) else _PATTERN_FIXES[:1]
            wrong = _pattern_word(top.pattern, self.rng)
            return self._say(fixes, v=_pattern_word(t.pattern, self.rng), x=wrong)
        return "none of these"

    def respond(self, reply: Reply) -> str:
        if reply.asked:  # a question, asked alone or beside picks that missed
            return self.answer(reply)
        shown = [self.items[i.item_id] for i in reply.items if i.item_id in self.items]
        if reply.type == "recommendations" and shown:
            return self.correct(shown)
        return "anything is fine, just show me"


def _plural(item: Item) -> str:
    kind = item.article_type.split("/")[0].lower()
    return kind if kind.endswith("s") else f"{kind}s"


def _wrong_colour(top: Item, target: Item) -> str | None:
    """The shown colour to rule out, never one that would rule out the target: the family
    ("not black") where the families differ, the shade ("not light blue") where they agree;
    None where the shade is named like its family ("white" beside "off white")."""
    if not _said(top.colour_master) or top.colour_master != target.colour_master:
        return top.colour_master.lower() if _said(top.colour_master) else None
    if top.colour.casefold() == top.colour_master.casefold():
        return None
    return top.colour.lower()
