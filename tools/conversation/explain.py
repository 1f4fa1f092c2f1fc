"""Explain a pick with true facts only: a grounded template, and a checker for any other text."""

from __future__ import annotations

import re

from pydantic import BaseModel

from fitroom.tools.catalog.items import Item
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.llm.chat import ChatMessage
from fitroom.tools.reader.features import ATTRIBUTE as FEATURE
from fitroom.tools.reader.features import item_says
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.vocabulary import Vocabulary

_CHECKED = ("colour", "colour_master", "article_type", "pattern")
_VAGUE = {"unknown", "undefined", "other", "solid", "other structure", "other pattern"}
# Material and property claims a small LLM likes to invent; each must be in the item's record.
CLAIMS = frozenset(
    {"breathable", "lightweight", "cotton", "linen", "wool", "silk", "satin", "leather"}
    | {"denim", "waterproof", "water-repellent", "stretchy", "warm", "cosy", "organic"}
    | {"recycled", "cashmere", "velvet"}
)
_PHRASES = {"gender": "for {}"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# "You asked for a black dress with stripes and dots, and this one has both": the clause runs
# to the end of the sentence or to where the item takes over ("and this one", "but it").
_ATTRIBUTION = re.compile(
    r"\byou(?:'re| are)? (?:asked|wanted|want|said|requested|looking|were looking|"
    r"were after|are after|prefer|like|love)(?: for)?(?P<clause>[^.;!?]*)"
)
_ITEM_TAKES_OVER = re.compile(r",|\b(?:and|but|so|while|which)\s+(?:this|it|that|these|here)\b")
# "You asked for a jacket, but this one is yellowish brown": a reason never turns on "but"
_CONTRAST = re.compile(r"\b(?:but|however|although|though)\b,? (?:this|it|that|the)\b", re.I)
_REFUSAL = re.compile(
    r"\b(?:sorry|apolog|as an ai|i (?:do not|don'?t|cannot|can'?t) (?:have|know|help|see))",
    re.IGNORECASE,
)


class Explanation(BaseModel):
    """The shown text, where it came from, and what a rejected draft got wrong."""

    item_id: str
    text: str
    source: str  # "template" or "llm"
    rejected: list[str] = []  # unsupported claims of a draft that was replaced by the template


def _words(text: str) -> str:
    """Lower-case words between single spaces; punctuation becomes a "|" that no label phrase
    can span ("Greta tote: bag" must not read as "tote bag")."""
    marked = re.sub(r"[,:;!?()\[\]\"]|\.(?!\d)", " | ", text.casefold())
    return " " + " ".join(re.sub(r"[^a-z0-9.|/-]+", " ", marked).split()) + " "


def _own_text(item: Item) -> str:
    return f"{item.title} {item.description}"


def template_explanation(item: Item, prefs: Preferences) -> str:
    """One or two sentences built from the item's record and the matching stated wants."""
    look = f"{item.article_type.lower()} in {item.colour.lower()}"
    if item.pattern and item.pattern.casefold() not in _VAGUE:
        look += f" ({item.pattern.lower()})"
    matched = [
        _PHRASES.get(attribute, "{}").format(label.lower())
        for attribute, labels in prefs.said().items()
        for label in labels
        if getattr(item, attribute, None) == label
    ]
    # A feature is no label: it matches only where the item's own text says it.
    matched += [f for f in prefs.said().get(FEATURE, []) if item_says(_own_text(item), [f])]
    if prefs.max_price is not None and item.price is not None and item.price <= prefs.max_price:
        matched.append("within your budget")
    text = f"{item.title}: {look}."
    if matched:
        text += f" It matches what you asked for: {', '.join(dict.fromkeys(matched))}."
    if prefs.occasion and item.article_type in prefs.suggested:
        text += f" Picked for: {prefs.occasion}."
    return text


def _attributed(text: str) -> list[str]:
    """The clauses of `text` that say what the shopper asked for ("you asked for a black
    dress")."""
    return [
        _ITEM_TAKES_OVER.split(m.group("clause"))[0] for m in _ATTRIBUTION.finditer(text.casefold())
    ]


_READERS: dict[int, tuple[Vocabulary, QueryParser]] = {}


def _reader(vocabulary: Vocabulary) -> QueryParser:
    """One rules-only reader per vocabulary (kept alive beside it, so its id stays its own)."""
    if id(vocabulary) not in _READERS:
        if len(_READERS) >= 4:
            _READERS.pop(next(iter(_READERS)))
        _READERS[id(vocabulary)] = (vocabulary, QueryParser(vocabulary))
    return _READERS[id(vocabulary)][1]


def _about(text: str, item: Item, vocabulary: Vocabulary) -> bool:
    """Whether `text` names the item's type, colour or pattern, read as the shopper is read
    ("You asked for a variety of items" names nothing)."""
    facts = {getattr(item, a) for a in _CHECKED} - {""}
    read = _reader(vocabulary).parse(text).matches
    return any(m.label in facts for m in read) or item.article_type.casefold() in text.casefold()


def _misattributed(text: str, vocabulary: Vocabulary, prefs: Preferences) -> list[str]:
    """What `text` says the shopper asked for that they did not, read by the same parser that
    read the shopper: a label they never wanted, or one they ruled out."""
    reader = _reader(vocabulary)
    stated = prefs.said()
    shades = [w.casefold() for w in stated.get("colour", [])]
    for clause in _attributed(text):
        for m in reader.parse(clause).matches:
            if m.negated:
                continue  # "you asked for no stripes" is true when they were ruled out
            if m.label in prefs.excluded.get(m.attribute, []):
                return [
                    f"says the shopper asked for {m.attribute} {m.label!r}, which they ruled out"
                ]
            # The family of an asked-for shade is fair ("navy" asked, "blue" said); a shade
            # of an asked-for family is not ("blue" asked, "dark blue" said).
            family = m.attribute == "colour_master" and any(m.label.casefold() in w for w in shades)
            if m.label not in stated.get(m.attribute, []) and not family:
                return [f"says the shopper asked for {m.attribute} {m.label!r}"]
    return []


def check_explanation(
    text: str, item: Item, vocabulary: Vocabulary, prefs: Preferences | None = None
) -> list[str]:
    """The claims in `text` that the item's record does not support (empty: grounded), and,
    given `prefs`, any label it says the shopper asked for that they did not."""
    said = _words(text)
    if prefs is not None and (misattributed := _misattributed(text, vocabulary, prefs)):
        return misattributed
    # The record: every fact the catalogue holds about the item, in words.
    record = _words(" ".join(str(getattr(item, a)) for a in (*_CHECKED, "title", "description")))
    true = {_words(str(getattr(item, a))).strip() for a in _CHECKED}
    problems = ["a refusal or apology, not a reason"] if _REFUSAL.search(text) else []
    if _CONTRAST.search(text):
        problems.append("sets the pick against the request, not a reason")
    if not _about(text, item, vocabulary):
        problems.append("names nothing the item is (its type, colour or pattern)")
    for attribute in _CHECKED:
        for label in vocabulary.values.get(attribute, []):
            name = _words(label).strip()
            if name in _VAGUE or f" {name} " not in said:
                continue
            if not any(f" {name} " in f" {t} " for t in true) and f" {name} " not in record:
                problems.append(f"{attribute} {label!r}")
    problems += [
        f"claim {w!r}" for w in sorted(CLAIMS) if f" {w} " in said and f" {w} " not in record
    ]
    # "short sleeves", "sleeveless": true only where the item's own text says so, in its
    # words ("off-shoulder") or the feature's
    unhyphenated = record.replace("-", " ")
    claimed = {
        m.label
        for m in _reader(vocabulary).parse(text).matches
        if m.attribute == FEATURE and not m.negated and f" {m.phrase} " not in unhyphenated
    }
    own = _own_text(item)
    problems += [f"feature {f!r}" for f in sorted(claimed) if not item_says(own, [f])]
    prices = {f"{item.price:g}", f"{item.price:.2f}"} if item.price is not None else set()
    problems += [
        f"number {n}" for n in _NUMBER.findall(text) if n not in prices and n not in record
    ]
    return problems


# Identical on every call, so llama.cpp reuses the cached prefix; short, because 2 CPU cores
# read about 69 prompt tokens a second.
SYSTEM = (
    "You are a shop assistant talking to a shopper. In one sentence of at most 20 words, "
    "addressed to them as 'you', say why the item matches what they asked for. Use only the "
    "facts given; never mention fabric, fit, comfort or price."
)


# One worked example fixes the voice ("you") better than instructions do for a 1.5B model.
# The item's name is left out: the card shows it, and a small model copies names it has seen.
_EXAMPLE: list[ChatMessage] = [
    {"role": "user", "content": "Item: Dress, Black. Shopper wants: Black, Dress."},
    {"role": "assistant", "content": "You asked for a black dress, and this one is exactly that."},
]


def explanation_prompt(item: Item, prefs: Preferences) -> list[ChatMessage]:
    """The messages asking an LLM to explain `item` from its record and the stated wants."""
    wants = [label for labels in prefs.wanted.values() for label in labels]
    if prefs.occasion:
        wants.append(prefs.occasion)
    facts = f"{item.article_type}, {item.colour}"
    if item.pattern and item.pattern.casefold() not in _VAGUE:
        facts += f", {item.pattern}"
    asked = ", ".join(wants) or "ideas"
    return [
        {"role": "system", "content": SYSTEM},
        *_EXAMPLE,
        {"role": "user", "content": f"Item: {facts}. Shopper wants: {asked}."},
    ]


def explain_item(
    item: Item, prefs: Preferences, vocabulary: Vocabulary, draft: str | None = None
) -> Explanation:
    """Explain why `item` was picked.

    Args:
        item: The shown item.
        prefs: What the shopper asked for.
        vocabulary: The catalogue's labels, to recognise attribute words in `draft`.
        draft: Optional text from an LLM; used only if every claim in it checks out.

    Returns:
        The draft when every claim in it checks out, else the grounded template (with the
        draft's unsupported claims in `rejected`, for the groundedness rate).
    """
    problems = check_explanation(draft, item, vocabulary, prefs) if draft else []
    if draft and not problems:
        return Explanation(item_id=item.item_id, text=draft.strip(), source="llm")
    text = template_explanation(item, prefs)
    return Explanation(item_id=item.item_id, text=text, source="template", rejected=problems)
