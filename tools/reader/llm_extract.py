"""An optional LLM reading of a message, validated: whatever it names must be a catalogue label
(read back through the deterministic parser) or words the shopper actually wrote."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from pydantic import BaseModel

from fitroom.tools.llm.chat import ChatMessage, ChatModel, complete
from fitroom.tools.reader.reading import ParsedQuery

_SYSTEM = (
    "Extract what the shopper wants as JSON with the keys colour, garment, pattern, gender and "
    "occasion. Use null for anything they did not say. Reply with the JSON only."
)
# Which catalogue attributes an extracted field may land on once parsed.
_FIELDS = {
    "colour": ("colour_master", "colour"),
    "garment": ("article_type",),
    "pattern": ("pattern",),
    "gender": ("gender",),
}
_OBJECT = re.compile(r"\{.*\}", re.DOTALL)
# A small model guesses a gender from nothing ("office trousers" → Men): one is kept only when
# the message has a word that says it.
_GENDER_CUES = {
    "Men": {"men", "mens", "man", "male", "him", "his", "husband", "boyfriend", "dad", "father"},
    "Women": {"women", "womens", "woman", "female", "her", "wife", "girlfriend", "mum", "mother"},
    "Kids": {"kid", "kids", "child", "children", "son", "daughter", "baby", "boy", "girl"},
}


class Extraction(BaseModel):
    """What survived validation, and what was dropped (for counting, never shown as fact)."""

    wanted: dict[str, str] = {}
    occasion: str | None = None
    dropped: list[str] = []


def extract_wants(chat: ChatModel, text: str, parse: Callable[[str], ParsedQuery]) -> Extraction:
    """Ask the LLM what `text` wants; keep only values that map onto catalogue labels (or, for
    the occasion, words that are in `text`)."""
    messages: list[ChatMessage] = [
        {"role": "system", "content": _SYSTEM},
        {"role": "user", "content": text},
    ]
    found = _OBJECT.search(complete(chat, messages, max_tokens=60))
    try:
        raw = json.loads(found.group(0)) if found else None
    except json.JSONDecodeError:
        raw = None
    if not isinstance(raw, dict):
        return Extraction(dropped=["reply"])
    out = Extraction()
    said = set(re.findall(r"[a-z]+", text.casefold()))
    for field, attributes in _FIELDS.items():
        value = raw.get(field)
        if not isinstance(value, str) or not value.strip():
            continue
        read = parse(value).matches
        labels = [m for m in read if m.attribute in attributes and not (m.negated or m.allowed)]
        if labels and field == "gender" and not _GENDER_CUES.get(labels[0].label, set()) & said:
            labels = []
        if labels:
            out.wanted[labels[0].attribute] = labels[0].label
        else:
            out.dropped.append(f"{field}={value}")
    occasion = raw.get("occasion")
    if isinstance(occasion, str) and occasion.strip():
        words = set(re.findall(r"[a-z]+", occasion.casefold()))
        if words and words <= said:  # the shopper's own words, not the model's
            out.occasion = occasion.strip()
        else:
            out.dropped.append(f"occasion={occasion}")
    return out
