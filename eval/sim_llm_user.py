"""The LLM simulator: the attribute simulator decides what to say, and the configured LLM says
it in a shopper's words, in the persona of someone who wants the target's attributes.

Deciding and phrasing are split on purpose: an LLM left to decide is an over-cooperative
shopper, one that leaks the item or accepts anything. The leak guard regenerates any reply too
close to the target's title and, after 5 tries, falls back to the template's words.
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import SequenceMatcher

from fitroom.agent.state import Reply
from fitroom.eval.sim_user import AttributeUser
from fitroom.tools.catalog.items import Item
from fitroom.tools.errors import LLMError
from fitroom.tools.llm.chat import ChatMessage, ChatModel, complete

LEAK_RATIO = 60  # 0-100, as in fuzzy string matching: at or above it a reply names the item
TRIES = 5


def closeness(text: str, title: str) -> float:
    """How close any stretch of `text` comes to `title`, 0-100 (a partial ratio: a reply that
    contains the title inside a longer sentence is still a leak)."""
    words, target = text.casefold().split(), title.casefold()
    size = max(len(target.split()), 1)
    windows = [" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1))]
    return 100 * max(SequenceMatcher(None, w, target).ratio() for w in windows)


class LLMUser(AttributeUser):
    """An attribute simulator whose words come from an LLM."""

    def __init__(self, target: Item, items: Mapping[str, Item], chat: ChatModel) -> None:
        super().__init__(target, items)
        self.chat = chat
        self.regenerated = 0  # replies thrown away by the leak guard
        self.fell_back = 0  # turns where every try leaked (or the LLM failed)

    def _persona(self) -> str:
        t = self.target
        wants = ", ".join(v for v in (t.article_type, t.colour, t.pattern, t.gender) if v)
        return (
            "You are a shopper chatting with a shop assistant. You want: "
            f"{wants}. Reply in one short, casual sentence, in the first person. Never name a "
            "product; say only what you are told to say."
        )

    def respond(self, reply: Reply) -> str:
        intent = super().respond(reply)
        messages: list[ChatMessage] = [
            {"role": "system", "content": self._persona()},
            {"role": "user", "content": f'The assistant said: "{reply.text}". Say: "{intent}"'},
        ]
        for _ in range(TRIES):
            try:
                said = complete(self.chat, messages, max_tokens=30).strip().strip('"')
            except LLMError:
                break
            if said and closeness(said, self.target.title) < LEAK_RATIO:
                return said
            self.regenerated += 1
        self.fell_back += 1
        return intent
