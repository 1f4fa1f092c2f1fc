"""Map a shopper's everyday words onto the catalogue's own attribute labels."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel

from fitroom.tools.embedder import Embedder
from fitroom.tools.filters import Filters
from fitroom.tools.synonyms import SYNONYMS
from fitroom.tools.vocabulary import Vocabulary

# Order decides which attribute a word maps to when several carry it: a bare "black" means the
# whole black family (colour_master), while "dark blue" only exists as a shade (colour).
_EXACT_ORDER = ("gender", "article_type", "pattern", "colour_master", "colour", "category")
_MEANINGLESS = {"unknown", "undefined", "other", "items"}
_NEGATIONS = {"no", "not", "without", "non", "except"}
_STOPWORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "for",
    "with",
    "in",
    "on",
    "of",
    "to",
    "me",
    "my",
    "i",
    "some",
    "something",
    "like",
    "want",
    "need",
    "looking",
    "show",
    "find",
    "please",
    "that",
    "this",
    "is",
    "it",
    "under",
    "over",
    "very",
    "really",
    "nice",
    "new",
    "good",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")
# Measured on MiniLM: non-garment words ("wedding", "office", "warm") score below 0.55 against
# every article type, while real synonyms ("raincoat"→Coat, "jeans"→Trousers) reach 0.75+.
SIMILARITY_THRESHOLD = 0.75
SIMILARITY_MARGIN = 0.03


class Match(BaseModel):
    """One phrase of the query read as a catalogue label."""

    phrase: str
    attribute: str
    label: str
    how: str  # "exact", "synonym", "similar", or "family" (a shade of an excluded family)
    negated: bool = False


class ParsedQuery(BaseModel):
    """What the parser understood: matched labels and the filters they imply."""

    text: str
    matches: list[Match] = []

    @property
    def filters(self) -> Filters:
        include: dict[str, list[str]] = {}
        exclude: dict[str, list[str]] = {}
        for m in self.matches:
            target = exclude if m.negated else include
            if m.label not in target.setdefault(m.attribute, []):
                target[m.attribute].append(m.label)
        return Filters(include=include, exclude=exclude)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold().replace("'", "").replace("’", ""))


_Found = tuple[int, int, str, str, str]  # start, length, attribute, label, how


def _spans(tokens: list[str], sizes: tuple[int, ...]) -> Iterator[tuple[int, int, str]]:
    for n in sizes:
        for i in range(len(tokens) - n + 1):
            yield i, n, " ".join(tokens[i : i + n])


def _is_content(token: str) -> bool:
    return token not in _STOPWORDS and len(token) > 2 and not token.isdigit()


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "shes", "ches")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class QueryParser:
    """Reads labels by exact spelling, then the synonym table, then MiniLM similarity."""

    def __init__(self, vocabulary: Vocabulary, embedder: Embedder | None = None) -> None:
        self._vocab = vocabulary
        self._embedder = embedder
        self._exact: dict[str, tuple[str, str]] = {}
        for attribute in reversed(_EXACT_ORDER):
            for label in vocabulary.values.get(attribute, []):
                if label.casefold() not in _MEANINGLESS:
                    self._exact[label.casefold()] = (attribute, label)

    def _lookup(self, phrase: str) -> tuple[str, str, str] | None:
        for candidate in dict.fromkeys((phrase, _singular(phrase))):
            if candidate in self._exact:
                return (*self._exact[candidate], "exact")
            hit = SYNONYMS.get(candidate)
            if hit and hit[1] in self._vocab.values.get(hit[0], []):
                return (*hit, "synonym")
        return None

    @cached_property
    def _type_vectors(self) -> tuple[list[str], NDArray[Any]]:
        assert self._embedder is not None
        labels = [
            v
            for v in self._vocab.values.get("article_type", [])
            if v.casefold() not in _MEANINGLESS
        ]
        return labels, self._embedder.embed_texts(labels)

    def _similar(self, phrases: list[str]) -> dict[str, str]:
        """Article types for phrases MiniLM places close to exactly one label."""
        if not phrases or self._embedder is None or not self._vocab.values.get("article_type"):
            return {}
        labels, label_vectors = self._type_vectors
        scores = self._embedder.embed_texts(phrases) @ label_vectors.T
        found = {}
        for phrase, row in zip(phrases, scores, strict=True):
            best, second = np.sort(row)[::-1][:2]
            if best >= SIMILARITY_THRESHOLD and best - second >= SIMILARITY_MARGIN:
                found[phrase] = labels[int(np.argmax(row))]
        return found

    def _by_lookup(self, tokens: list[str], used: list[bool]) -> list[_Found]:
        found = []
        for i, n, phrase in _spans(tokens, (3, 2, 1)):
            hit = None if any(used[i : i + n]) else self._lookup(phrase)
            if hit:
                used[i : i + n] = [True] * n
                found.append((i, n, *hit))
        return found

    def _by_similarity(self, tokens: list[str], used: list[bool]) -> list[_Found]:
        open_spans = [
            (i, n, phrase)
            for i, n, phrase in _spans(tokens, (2, 1))
            if not any(used[i : i + n]) and all(_is_content(t) for t in tokens[i : i + n])
        ]
        similar = self._similar([phrase for _, _, phrase in open_spans])
        found: list[_Found] = []
        for i, n, phrase in open_spans:
            if phrase in similar and not any(used[i : i + n]):
                used[i : i + n] = [True] * n
                found.append((i, n, "article_type", similar[phrase], "similar"))
        return found

    def parse(self, text: str) -> ParsedQuery:
        """Read the attribute labels a query names: exact and synonym phrases (longest first),
        then MiniLM similarity for the content words left over."""
        tokens = _tokens(text)
        used = [False] * len(tokens)
        found = self._by_lookup(tokens, used) + self._by_similarity(tokens, used)
        matches = [
            Match(
                phrase=" ".join(tokens[i : i + n]),
                attribute=attribute,
                label=label,
                how=how,
                negated=i > 0 and tokens[i - 1] in _NEGATIONS,
            )
            for i, n, attribute, label, how in sorted(found)
        ]
        return ParsedQuery(text=text, matches=matches + self._excluded_shades(matches))

    def _excluded_shades(self, matches: list[Match]) -> list[Match]:
        """Shades named after an excluded colour family: "not white" must also drop items whose
        colour is White but whose family H&M left Unknown (32 such items in the sample)."""
        return [
            Match(phrase=m.phrase, attribute="colour", label=shade, how="family", negated=True)
            for m in matches
            if m.negated and m.attribute == "colour_master"
            for shade in self._vocab.values.get("colour", [])
            if m.label.casefold() in shade.casefold()
        ]
