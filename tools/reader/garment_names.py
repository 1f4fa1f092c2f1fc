"""Garments an LLM names for a need the rules cannot map ("a present for my dad"), in plain
words, cached by the normalised message.

Asking a 1.5B model to pick from ~130 article-type labels makes it list them alphabetically;
asking for a few garment names in everyday words, then reading each through the parser onto
the labels, is both faster and more often right (../shared/eval/README.md).
"""

from __future__ import annotations

import re
from collections import OrderedDict

from fitroom.tools.llm.chat import ChatMessage, ChatModel, complete

_SYSTEM = (
    "You are a fashion shop assistant. The shopper describes a need or an occasion. Reply with "
    "4 to 6 kinds of clothing, shoes or accessories that a shop sells for it, as plain nouns "
    "separated by commas, most fitting first. No other words."
)
# Worked examples steer a small model towards garments that suit the need, not its favourites.
_EXAMPLES: list[ChatMessage] = [
    {"role": "user", "content": "it's pouring with rain all week"},
    {"role": "assistant", "content": "raincoat, jacket, boots, umbrella, waterproof trousers"},
    {"role": "user", "content": "a black tie dinner"},
    {"role": "assistant", "content": "dress, suit, blazer, shirt, heels, clutch bag"},
]
_SPLIT = re.compile(r"[,;\n]|\band\b|\d+[.)]")
_ARTICLE = re.compile(r"^(?:a|an|the|some|pair of|a pair of)\s+")
_CACHE_SIZE = 512
_MAX_CHARS = 300


def normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


class GarmentNames:
    """Asks `chat` for garment names; the same need (normalised) is asked once."""

    def __init__(self, chat: ChatModel) -> None:
        self._chat = chat
        self._cache: OrderedDict[str, list[str]] = OrderedDict()

    def __call__(self, text: str) -> list[str]:
        key = normalise(text)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        messages: list[ChatMessage] = [
            {"role": "system", "content": _SYSTEM},
            *_EXAMPLES,
            {"role": "user", "content": text[:_MAX_CHARS]},  # a need fits in a sentence or two
        ]
        reply = complete(self._chat, messages, max_tokens=40)
        names = [_ARTICLE.sub("", n.strip(" .*-\"'").casefold()) for n in _SPLIT.split(reply)]
        names = [n for n in dict.fromkeys(names) if n and len(n.split()) <= 3][:6]
        self._cache[key] = names
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return names
