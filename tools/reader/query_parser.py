"""Map a shopper's everyday words onto the catalogue's own attribute labels."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from fitroom.tools.errors import FitroomError
from fitroom.tools.reader.ages import age_in
from fitroom.tools.reader.colour_families import excluded_shades, one_level, spared_families
from fitroom.tools.reader.cue_words import (
    CHATTER,
    CUES,
    GENERIC_PATTERN,
    IMPLIED_PATTERN,
    NOT_LABELS,
    POST_CUES,
    SCOPE_FILLERS,
)
from fitroom.tools.reader.features import features_in
from fitroom.tools.reader.generic_patterns import GENERIC, pattern_nouns, resolve_generic_patterns
from fitroom.tools.reader.money import money_said
from fitroom.tools.reader.motifs import motif_refusals
from fitroom.tools.reader.negation_cues import find_cues
from fitroom.tools.reader.occasion_tones import occasion_tones
from fitroom.tools.reader.occasions import read_occasion, triggers
from fitroom.tools.reader.price_tiers import cap_or_floor, price_word
from fitroom.tools.reader.reading import Match, ParsedQuery
from fitroom.tools.reader.referents import for_someone_else
from fitroom.tools.reader.rulings import Rulings, read_rulings
from fitroom.tools.reader.spans import Cue, Span
from fitroom.tools.reader.spelling import Speller, dictionary, spoken_words
from fitroom.tools.reader.synonyms import SYNONYMS
from fitroom.tools.reader.tokens import joined_prefixes, tokenize
from fitroom.tools.retrieval.embedder import Embedder
from fitroom.tools.retrieval.vocabulary import Vocabulary

if TYPE_CHECKING:
    from fitroom.tools.reader.garment_names import GarmentNames

# Order decides which attribute a word maps to when several carry it: a bare "black" means the
# whole black family (colour_master), while "dark blue" only exists as a shade (colour).
_EXACT_ORDER = ("gender", "article_type", "pattern", "colour_master", "colour", "category")
_MEANINGLESS = {"unknown", "undefined", "other", "items"}
_STOPWORDS = {
    *"a an the and or for with in on of to me my i some something like want need looking show "
    "find please that this is it under over very really nice new good".split(),
    # a whole outfit is no one garment, though MiniLM puts it next to Dress
    *"outfit outfits getup garment garments".split(),
    *(word for cue in CUES for word in cue),
    *SCOPE_FILLERS,
}
# Measured on MiniLM: non-garment words ("wedding", "office", "warm") score below 0.55 against
# every article type, while real synonyms ("raincoat"→Coat, "jeans"→Trousers) reach 0.75+.
SIMILARITY_THRESHOLD = 0.75
SIMILARITY_MARGIN = 0.03
# Who a pronoun points at, when no word says it more plainly ("for his birthday").
_PRONOUNS = {
    **dict.fromkeys(("he", "hes", "his", "him"), "Men"),
    **dict.fromkeys(("she", "shes", "her"), "Women"),
}
_GUESSED = frozenset({"pronoun", "referent"})  # whom it is for, read from "she" or "him"
_KIDS_UNTIL = 15  # H&M's children's wear runs to about 14


def _spans(tokens: list[str], sizes: tuple[int, ...]) -> Iterator[tuple[int, int, str]]:
    for n in sizes:
        for i in range(len(tokens) - n + 1):
            yield i, n, " ".join(tokens[i : i + n])


def _is_content(token: str) -> bool:
    return token not in _STOPWORDS and len(token) > 2 and not token.isdigit()


def _nameable(token: str) -> bool:
    """A word similarity may read as a garment: content, and not a verb's -ing form
    ("watching" is not a Watch)."""
    return _is_content(token) and not token.endswith("ing")


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "shes", "ches")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _rank(attribute: str) -> int:
    return _EXACT_ORDER.index(attribute) if attribute in _EXACT_ORDER else len(_EXACT_ORDER)


def _key(label: str) -> str:
    return " ".join(tokenize(label))


class QueryParser:
    """Reads labels by exact spelling, then the synonym table, then MiniLM similarity; then
    which of them a negation rules out, an occasion when no garment is named, and price words.
    """

    def __init__(
        self,
        vocabulary: Vocabulary,
        embedder: Embedder | None = None,
        garments: GarmentNames | None = None,
        occasions: bool = True,
    ) -> None:
        self._vocab = vocabulary
        self._embedder = embedder
        self._garments = garments  # an LLM naming garments for needs the rules cannot map
        self._occasions = occasions  # off only to measure the LLM's mapping on its own
        self._exact: dict[str, tuple[str, str]] = {}
        for attribute in reversed(_EXACT_ORDER):
            for label in vocabulary.values.get(attribute, []):
                if label.casefold() not in _MEANINGLESS:
                    self._exact[_key(label)] = (attribute, label)

    def _lookup(self, phrase: str) -> tuple[str, tuple[str, ...], str] | None:
        # "scarves" is a scarf, "gloves" a glove: both readings are tried.
        f_form = phrase[:-3] + "f" if phrase.endswith("ves") else phrase
        for candidate in dict.fromkeys((phrase, _singular(phrase), f_form)):
            known = [
                (a, label)
                for a, label in SYNONYMS.get(candidate, ())
                if label in self._vocab.values.get(a, [])
            ]
            # A word the catalogue spells as a label stands for it alone, unless the table
            # says it covers more ("metallic" is both Metallic and Glittering/Metallic) or
            # names its family ("purple" is the Lilac Purple family, not only that shade).
            broader = known and _rank(known[0][0]) < _rank(self._exact.get(candidate, ("",))[0])
            if candidate in self._exact and len(known) < 2 and not broader:
                attribute, label = self._exact[candidate]
                return attribute, (label,), "exact"
            if known:
                return known[0][0], tuple(label for _, label in known), "synonym"
        if phrase in GENERIC_PATTERN:
            return "pattern", (GENERIC,), "generic"
        if phrase in _PRONOUNS and _PRONOUNS[phrase] in self._vocab.values.get("gender", []):
            return "gender", (_PRONOUNS[phrase],), "pronoun"
        years = age_in(phrase)
        if (
            years is not None
            and years < _KIDS_UNTIL
            and "Kids" in self._vocab.values.get("gender", [])
        ):
            return "gender", ("Kids",), "synonym"  # "my 6 year old", "her six-year-old"
        return None

    @cached_property
    def _type_vectors(self) -> tuple[list[str], NDArray[Any]]:
        assert self._embedder is not None
        labels = self.article_types
        return labels, self._embedder.embed_texts(labels)

    @cached_property
    def article_types(self) -> list[str]:
        return [
            v
            for v in self._vocab.values.get("article_type", [])
            if v.casefold() not in _MEANINGLESS
        ]

    def _similar(self, phrases: list[str]) -> dict[str, str]:
        """Article types for phrases MiniLM places close to exactly one label."""
        if not phrases or self._embedder is None or not self.article_types:
            return {}
        labels, label_vectors = self._type_vectors
        scores = self._embedder.embed_texts(phrases) @ label_vectors.T
        found = {}
        for phrase, row in zip(phrases, scores, strict=True):
            # a catalogue of one kind has no runner-up: anything close enough is that kind
            best, second = (*np.sort(row)[::-1][:2], 0.0)[:2]
            if best >= SIMILARITY_THRESHOLD and best - second >= SIMILARITY_MARGIN:
                found[phrase] = labels[int(np.argmax(row))]
        return found

    @cached_property
    def _speller(self) -> Speller:
        return Speller((*self._exact, *SYNONYMS), dictionary())

    @cached_property
    def _cue_speller(self) -> Speller:
        """For negation words typed in a hurry ("nothign with stripes", "withuot")."""
        words = (w for cue in CUES | POST_CUES for w in cue)
        return Speller(words, dictionary(), plurals=False)

    def _as_cue_word(self, token: str) -> str:
        """A misspelt negation word as typed ("nothign"); a misspelt label stays a label."""
        if self._speller.correct(token):
            return token
        return self._cue_speller.correct(token) or token

    def _typo(self, token: str) -> tuple[str, tuple[str, ...], str] | None:
        """The label a misspelt word stands for."""
        if not _is_content(token) or token in CHATTER:
            return None
        known = self._speller.correct(token)
        hit = self._lookup(known) if known else None
        return (hit[0], hit[1], "typo") if hit else None

    def _by_lookup(self, tokens: list[str], used: list[bool]) -> list[Span]:
        found = []
        for i, n, phrase in _spans(tokens, (3, 2, 1)):
            hit = None if any(used[i : i + n]) else self._lookup(phrase)
            if hit is None and n == 1 and not used[i]:
                hit = self._typo(phrase)
            if hit:
                used[i : i + n] = [True] * n
                found.append(Span(i, n, *hit))
        return found

    def _by_similarity(self, tokens: list[str], used: list[bool]) -> list[Span]:
        open_spans = [
            (i, n, phrase)
            for i, n, phrase in _spans(tokens, (2, 1))
            if not any(used[i : i + n]) and all(_nameable(t) for t in tokens[i : i + n])
        ]
        similar = self._similar([phrase for _, _, phrase in open_spans])
        found: list[Span] = []
        for i, n, phrase in open_spans:
            if phrase in similar and not any(used[i : i + n]):
                used[i : i + n] = [True] * n
                found.append(Span(i, n, "article_type", (similar[phrase],), "similar"))
        return found

    def parse(self, text: str, *, ask_llm: bool = True) -> ParsedQuery:
        """Read what a message wants and rules out, in the catalogue's own labels. With
        `ask_llm` off, a need no rule maps is left to the words' meaning (a conversation that
        already has its garment: "ideally no pattern" is an answer, not a need)."""
        tokens = joined_prefixes(self._split_unknown_slashes(tokenize(text)))
        # A misspelt label stays a label: only words no label is close to are read as cues.
        tokens = [self._as_cue_word(t) for t in spoken_words(tokens, dictionary())]
        occasion_words = triggers(tokens)
        cues = find_cues(tokens, occasion=bool(occasion_words))
        used = _no_labels(tokens, cues)
        read = read_rulings(tokens, self._labels(tokens, used, occasion_words), cues)
        read, notes = motif_refusals(tokens, read)
        matches = self._matches(tokens, read)
        matches = self._with_needs(matches, tokens, used, notes, ask_llm)
        if self._occasions:
            matches += occasion_tones(tokens, matches, self._vocab.values.get("colour", []))
        matches = one_level(matches, self._vocab) + excluded_shades(matches, self._vocab)
        matches = spared_families(matches, self._vocab, text)
        matches = list({(m.attribute, m.label, m.negated, m.allowed): m for m in matches}.values())
        if for_someone_else(matches):  # "nothing pink for my daughter" is her taste
            matches = [m.model_copy(update={"lasting": False}) for m in matches]
        occasion = read_occasion(tokens, self.article_types) if self._occasions else None
        parsed = ParsedQuery(
            text=text,
            matches=matches,
            notes=notes,
            meaning=read.meaning,
            occasion=occasion.phrase if occasion else None,
        )
        return self._priced(parsed, text, tokens)

    def _labels(self, tokens: list[str], used: list[bool], occasion_words: set[int]) -> list[Span]:
        """The labels `tokens` name, in order; their words are marked `used`."""
        looked_up = self._by_lookup(tokens, used)
        looked_up += features_in(tokens, used)  # "not skinny": no label, but the titles say it
        for i in occasion_words if self._occasions else ():
            used[i] = True  # occasion words are not garments, however they sound
        return pattern_nouns(sorted(looked_up + self._by_similarity(tokens, used), key=_start))

    def _matches(self, tokens: list[str], read: Rulings) -> list[Match]:
        """The labels read, each ruled out or allowed as the message says."""
        matches = [
            m.model_copy(update={"allowed": span in read.permitted})
            for span in read.spans
            for m in self._read_span(tokens, span, read.ruled)
        ]
        if any(m.attribute == "gender" and m.how not in _GUESSED for m in matches):
            matches = [m for m in matches if m.how not in _GUESSED]  # "my daughter, she's 7"
        patterns = self._vocab.values.get("pattern", [])
        return resolve_generic_patterns(matches, patterns)

    def _with_needs(
        self,
        matches: list[Match],
        tokens: list[str],
        used: list[bool],
        notes: list[str],
        ask_llm: bool,
    ) -> list[Match]:
        """`matches`, with the garments a need calls for when none is named but by similarity."""
        named = [
            m for m in matches if m.attribute == "article_type" and not (m.negated or m.allowed)
        ]
        if not all(m.how == "similar" for m in named):
            return matches  # a garment named in words, not only guessed by similarity
        refused = {(m.attribute, m.label) for m in matches if m.negated}
        # "no more t-shirts, something smarter": never suggest what was refused
        needs = self._needs(tokens, used, notes, ask_llm)
        return matches + [m for m in needs if (m.attribute, m.label) not in refused]

    def _priced(self, parsed: ParsedQuery, text: str, tokens: list[str]) -> ParsedQuery:
        """`parsed` with the price range a price word says, if there is one, and any sum."""
        if money := money_said(text):
            parsed = parsed.model_copy(update={"money": money})
        # the words as read, so "pas trop cher" and "menos caro" say a price as English does
        if word := price_word(text) or price_word(" ".join(tokens)):
            kinds = parsed.filters.include.get("article_type", [])
            low, high = cap_or_floor(word, kinds, self._vocab.price_cuts)
            return parsed.model_copy(update={"price_min": low, "price_max": high})
        return parsed

    def _split_unknown_slashes(self, tokens: list[str]) -> list[str]:
        """ "black/white" is two colours; "leggings/tights" is one label."""
        out: list[str] = []
        for token in tokens:
            if "/" in token and token not in self._exact and token not in SYNONYMS:
                parts = token.split("/")
                out += [x for part in parts for x in (part, "/")][:-1]
            else:
                out.append(token)
        return out

    def _read_span(self, tokens: list[str], span: Span, ruled: dict[Span, bool]) -> list[Match]:
        phrase = " ".join(tokens[span.start : span.start + span.length])
        negated, lasting = span in ruled, ruled.get(span, False)
        matches = [
            Match(phrase=phrase, attribute=span.attribute, label=label, how=span.how)
            for label in span.labels
        ]
        implied = IMPLIED_PATTERN.get(phrase)
        if implied in self._vocab.values.get("pattern", []):
            pattern = Match(phrase=phrase, attribute="pattern", label=implied, how="synonym")
            # "not jeans" rules out denim, not trousers; "jeans" wants both.
            matches = [pattern] if negated else [*matches, pattern]
        return [m.model_copy(update={"negated": negated, "lasting": lasting}) for m in matches]

    def _needs(
        self, tokens: list[str], used: list[bool], notes: list[str], ask_llm: bool
    ) -> list[Match]:
        """Article types for an occasion or need, by the table, else by the LLM naming
        garments that are then read as labels; nothing when the words name neither."""
        occasion = read_occasion(tokens, self.article_types) if self._occasions else None
        if occasion:
            return [
                Match(phrase=occasion.phrase, attribute="article_type", label=t, how="occasion")
                for t in occasion.types
            ]
        left = [
            t
            for t, u in zip(tokens, used, strict=True)
            if not u and _is_content(t) and t not in CHATTER
        ]
        if not left or not ask_llm:
            return []
        if self._garments is None:
            notes.append(
                f"I could not map {' '.join(left)!r} onto the catalogue and no LLM is set up to "
                "suggest garments for it, so these are the closest items by meaning."
            )
            return []
        text = " ".join(tokens)
        try:
            names = self._garments(text)
        except FitroomError as error:
            notes.append(f"The LLM could not suggest garments ({error}); searching by meaning.")
            return []
        found: list[Match] = []
        for name in names:
            for m in self.garment_labels(name):
                if m.label not in {f.label for f in found}:
                    found.append(m.model_copy(update={"phrase": name, "how": "llm"}))
        return found

    def garment_labels(self, name: str) -> list[Match]:
        """The article types a garment name stands for (exact, synonym or similar)."""
        tokens = tokenize(name)
        used = [False] * len(tokens)
        spans = self._by_lookup(tokens, used) + self._by_similarity(tokens, used)
        garments = sorted((s for s in spans if s.attribute == "article_type"), key=_start)
        # The head noun is the last: "dress shoes" are shoes, "bikini bottoms" bottoms.
        return [m for span in garments[-1:] for m in self._read_span(tokens, span, {})]


def _start(span: Span) -> int:
    return span.start


def _no_labels(tokens: list[str], cues: list[Cue]) -> list[bool]:
    """Which words are never read as labels: the cues', and phrases that only sound like one."""
    used = [False] * len(tokens)
    for cue in cues:
        used[cue.start : cue.start + cue.length] = [True] * cue.length
    for i, n, phrase in _spans(tokens, (3, 2)):
        if tuple(phrase.split()) in NOT_LABELS:
            used[i : i + n] = [True] * n
    return used
