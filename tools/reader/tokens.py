"""A message as the reader's words: case-folded, apostrophes dropped ("don't" is "dont"), a
possessive "'s" dropped ("men's" is "men"), and the punctuation that ends a clause kept as its
own token. Search boxes' "-black" and "w/o", dashes, emoji and spoken fillers are read here."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[a-z0-9]+(?:/[a-z0-9]+)*|[,.;:!?]")
_IS = re.compile(
    r"['’]s (?=(?:out|a no|banned|not|so|too|just|never|off|over|awful|boring|dull|ugly)\b)"
)
_WOULD = re.compile(r"\b(he|she|they)['’](?:d|ll)\b")
_MINUS = re.compile(r"(?:(?<=\s)|^)-(?=[a-z])")
_SHORTHANDS = {"w/o": " without ", "w/out": " without ", "w/": " with "}
_SHORTHAND = re.compile(r"(?<![a-z])(?:w/out|w/o|w/)(?![a-z/])")
_HEDGES = frozenset({"um", "umm", "uh", "uhm", "erm", "er", "ermm", "hm", "hmm", "hmmm", "mmm"})
_ABBREVIATED = re.compile(r"\b(excl|incl|esp|approx|inc)\.")
# An emoji closes a thought: "polka dots remind me of my ex 😬 need a new blouse".
_RESUMING = frozenset({",", "go", "make", "let", "i", "wait", "scratch", "forget", "lets"})
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]+")
# Emoji that refuse: "grey 👎", "checked ❌", "❌ florals", "❌ white ❌ cream"
_REFUSING = re.compile(
    "[\u274c\U0001f44e\U0001f6ab\u26d4\u2716\U0001f645\U0001f92e\U0001f922]\ufe0f?"
)
_CHUNK_END = re.compile(r"[a-z0-9]\s*$")
# ... and that approve: "black 👍 grey 👎" asks for the black
_APPROVING = re.compile("[\u2705\U0001f44d\u2714\u2764\U0001f60d]\ufe0f?")
_DASH = re.compile(r"\s[-–—]+\s|[–—]")  # "skirts - not denim", "niece—her mum": a new clause


def tokenize(text: str) -> list[str]:
    """Words and the punctuation that ends a clause; "t-shirt" and "t shirt" read alike."""
    # "grey's out", "denim's a no": the verb; "winter's", "men's": the noun itself
    text = _IS.sub(" is ", _unaccented(text.casefold())).replace("&", " and ")
    text = _ABBREVIATED.sub(r"\1", text)  # "cardigan excl. melange": no sentence end
    text = re.sub(r"['’]s\b", "", text)
    text = _WOULD.sub(r"\1", text)  # "he'd like", "she'll need": the person, not "hed"
    text = _SHORTHAND.sub(lambda m: _SHORTHANDS[m.group(0)], text)
    text = _MINUS.sub(" without ", text)  # "hoodie -black", as search boxes take it
    text = _DASH.sub(" ; ", text.replace("'", "").replace("’", ""))
    text = _EMOJI.sub(" ; ", _APPROVING.sub(" please ; ", _refusing_emoji(text)))
    return _unhedged(_TOKEN.findall(re.sub(r"(?<=[a-z0-9])-(?=[a-z0-9])", " ", text)))


def _unaccented(text: str) -> str:
    """ "déjà", "Mütze", "marrón" as "deja", "mutze", "marron": shoppers type accents or not."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _refusing_emoji(text: str) -> str:
    """A refusing emoji as words: after what it refuses ("grey 👎") as "is out", before it
    ("❌ florals", "❌ white ❌ cream") as "no"."""
    parts = _REFUSING.split(text)
    out, before_was_refused = parts[0], False
    for chunk in parts[1:]:
        # the words since the last emoji of any kind
        said = _EMOJI.split(out)[-1]
        after = bool(_CHUNK_END.search(said)) and not before_was_refused
        out += (" is out ; " if after else " ; no ") + chunk
        before_was_refused = not after
    return out


def _unhedged(tokens: list[str]) -> list[str]:
    """Without spoken fillers: "trousers that aren't, like, the basic black" reads as
    "trousers that aren't the basic black", and "um" is no word."""
    out: list[str] = []
    for n, token in enumerate(tokens):
        if token in _HEDGES:
            continue
        if token == "no" and out[-1:] == ["actually"] and _RESUMING & set(tokens[n + 1 : n + 2]):
            continue  # "actually no, go back to hoodies": the correction, not a refusal
        if token == "," and len(out) >= 2 and out[-1] == "like" and out[-2] == ",":
            del out[-2:]  # ", like ," says nothing
            continue
        out.append(token)
    return out


# "non-wired", "non-stretch": a prefix on one word, not a refusal of the garment after it
_PREFIXED = frozenset({"wired", "wire", "padded", "stretch", "iron", "slip", "crease", "itchy"})


def joined_prefixes(tokens: list[str]) -> list[str]:
    """`tokens` with "non" joined to the word it qualifies ("non wired" -> "nonwired")."""
    out: list[str] = []
    for token in tokens:
        if out and out[-1] == "non" and token in _PREFIXED:
            out[-1] = f"non{token}"
        else:
            out.append(token)
    return out
