"""Which question to ask, if any: the attribute that splits the live candidates most evenly."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence

from pydantic import BaseModel

from fitroom.tools.catalog.items import ItemFacts

# What a shopper can answer in a word, in the order ties are broken.
ASKABLE = ("article_type", "colour_master", "pattern", "gender")
_PROMPTS = {
    "article_type": "What kind of piece",
    "colour_master": "Which colour",
    "pattern": "Plain or patterned",
    "gender": "Who is it for",
}
# Labels that answer nothing; never offered as options.
_VAGUE = {"", "unknown", "undefined", "other", "other structure", "other pattern"}
# Below one bit the candidates already mostly agree: asking would only slow the shopper down.
MIN_BITS = 1.0


class Question(BaseModel):
    """A clarifying question about one attribute, offering its leading values."""

    attribute: str
    options: list[str]
    bits: float
    text: str


def _entropy(counts: Counter[str]) -> float:
    total = sum(counts.values())
    return -sum(n / total * math.log2(n / total) for n in counts.values() if n)


def ask_clarifying_question(
    candidates: Sequence[ItemFacts],
    known: Collection[str] = (),
    asked: Collection[str] = (),
    n_options: int = 3,
    min_bits: float = MIN_BITS,
) -> Question | None:
    """Choose the question worth asking about the top retrieved candidates.

    Args:
        candidates: The live candidate set, best first (the top N of retrieval).
        known: Attributes the shopper has already given; never asked again.
        asked: Attributes already asked this conversation; never asked again.
        n_options: How many leading values to offer.
        min_bits: The least entropy worth a question.

    Returns:
        The question on the attribute with the highest entropy (the most information gained
        by its answer), or None when no open attribute is ambiguous enough.
    """
    open_questions = questions(candidates, known, asked, n_options)
    worth = [q for q in open_questions if q.bits >= min_bits]
    return max(worth, key=lambda q: q.bits, default=None)


def questions(
    candidates: Sequence[ItemFacts],
    known: Collection[str] = (),
    asked: Collection[str] = (),
    n_options: int = 3,
) -> list[Question]:
    """Every question the candidates could answer: each open attribute on which they hold at
    least two values, with its entropy (the ablation that asks at random draws from these)."""
    found: list[Question] = []
    for attribute in ASKABLE:
        if attribute in known or attribute in asked:
            continue
        counts = Counter(getattr(item, attribute) for item in candidates)
        options = [v for v, _ in counts.most_common() if v.casefold() not in _VAGUE]
        if len(options) < 2:
            continue
        shown = options[:n_options]
        listed = ", ".join(o.lower() for o in shown[:-1]) + f" or {shown[-1].lower()}"
        found.append(
            Question(
                attribute=attribute,
                options=shown,
                bits=round(_entropy(counts), 3),
                text=f"{_PROMPTS[attribute]}: {listed}?",
            )
        )
    return found
