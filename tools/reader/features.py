"""What a garment is like beyond the catalogue's labels: cut, length, sleeves, neck, fabric.
H&M has no label for "skinny" or "sleeveless", but its titles and descriptions say them
("Skinny High Ankle Jeans", "Sleeveless top in jersey"). A shopper who rules one out ("black
jeans but not skinny", "nothing sleeveless") gets no item whose own text says it. One who asks
for one ("a short-sleeved top") gets first the items whose text says it and never one whose text
says its opposite ("long sleeve"); the rest follow by meaning, since an item's text may leave it
unsaid.

Each feature: the words a shopper says for it, and what an item's title or description says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from fitroom.tools.reader.spans import Span

ATTRIBUTE = "feature"

_FEATURES: dict[str, tuple[str, str]] = {
    # key: (words said, "|"-separated; what the item's text says, a regex)
    "skinny": ("skinny|skinnies|skinny fit|skinny leg|jeggings", r"\bskinny|jegging"),
    "slim fit": ("slim fit|slim|slim cut", r"\bslim\b|slim fit"),
    "tight": (
        "tight|tight fitting|figure hugging|bodycon|clingy|fitted|skin tight",
        r"\bfitted\b|bodycon|\bskinny\b|tight-fitting",
    ),
    "loose": ("loose|loose fit|baggy|boxy|relaxed fit", r"\bloose|\bboxy|relaxed fit|oversized"),
    "oversized": ("oversized|oversize", r"oversized"),
    "cropped": ("crop|cropped|crops", r"\bcrop"),
    # "short" but not "short-sleeved": "Short, A-line skirt" is a mini
    "mini": ("mini|minis|micro|short|too short", r"\bmini\b|\bshort\b(?![\s-]+sleeve)"),
    "long": (
        "long|longline|too long|long length",
        r"\blong(?:er|line)?\b(?![\s-]+sleeve)|maxi|ankle-length|floor-length|calf-length",
    ),
    "wide leg": (
        "wide leg|wide legged|wide legs|palazzo|flared|flares|bootcut|boot cut",
        r"\bwide\b|flare|bootcut|palazzo",
    ),
    "straight leg": (
        "straight leg|straight legged|straight legs|straight fit|straight cut",
        r"straight(?:-| )?(?:leg|fit|cut)",
    ),
    "knitted": ("knitted|knit|chunky knit|cable knit", r"\bknit"),
    "woven": ("woven", r"\bwoven\b"),
    "midi": ("midi|calf length|mid length", r"\bmidi\b|calf-length"),
    # H&M says "Long dress" for a maxi, "Short dress" for a mini
    "maxi": (
        "maxi|maxis|floor length|ankle length",
        r"\bmaxi\b|ankle-length|floor-length|\blong,? (?:[a-z-]+ )?(?:dress|skirt)",
    ),
    "sleeveless": (
        "sleeveless|strappy|spaghetti straps|no sleeves",
        r"sleeveless|\bstrappy|spaghetti|shoulder straps|\bstrap\b|tube top|strapless|bandeau",
    ),
    "strapless": ("strapless|bandeau|off the shoulder|off shoulder", r"strapless|bandeau"),
    # "a dress with no straps": H&M says "narrow, adjustable shoulder straps"
    "straps": ("straps|strap|shoulder straps", r"shoulder straps|\bstraps?\b|strappy|spaghetti"),
    # "a dress with sleeves", "a top without sleeves"
    "sleeves": ("sleeves|sleeved|with sleeves", r"sleeve(?!less)"),
    # H&M's titles shorten them ("Tanga LS", "Basic tee SS") and its descriptions put words
    # between ("long, cuffed sleeves")
    "short sleeves": (
        "short sleeves|short sleeved|short sleeve|t shirt sleeves|cap sleeves",
        r"short[\s-]?sleeve|\bs/?s\b|cap sleeve|elbow-length|\bshort\b(?:,? [a-z-]+){0,2} sleeves",
    ),
    "long sleeves": (
        "long sleeves|long sleeved|long sleeve|longsleeve|full sleeves",
        r"long[\s-]?sleeve|\bl/?s\b|\blong\b(?:,? [a-z-]+){0,2} sleeves",
    ),
    "v-neck": ("v neck|v necks|v necked|plunging|low cut", r"v-neck|plunging"),
    "polo neck": ("polo neck|turtleneck|turtle neck|roll neck", r"polo-neck|turtle|roll-neck"),
    "hooded": ("hood|hoods|hooded", r"\bhood"),
    "high waist": ("high waisted|high waist|high rise", r"high waist|high-rise|\bhw\b|\bh\.w\."),
    "low waist": ("low waisted|low waist|low rise", r"low waist|low-rise"),
    "padded": ("padded|push up|push ups|padding", r"padded|push-up|inserts|moulded"),
    "underwired": (
        "underwired|underwire|wired|underwiring|wires|wire|wirebra|wire bra",
        r"underwire|(?<!non-)(?<!non )\bwire(?:bra|d)?\b(?!-free| free)",
    ),
    # H&M says "non-wired" 163 times; "non" is no refusal of the bra
    "wire free": ("nonwired|wireless|wire free|wirefree|soft bra", r"non-wired|wireless|wire-free"),
    "frills": (
        "frills|frill|frilly|ruffles|ruffle|ruffled|flounce|flounces",
        r"frill|ruffle|flounce",
    ),
    "see-through": (
        "see through|sheer|mesh|transparent|see thru",
        r"\bmesh\b|\bsheer\b|transparent|chiffon|organza|tulle|georgette",
    ),
    "ripped": ("ripped|rips|distressed|holes|destroyed|worn look", r"\bworn\b|holes|\btrash"),
    "wool": ("wool|woolly|woollen|wooly", r"\bwool"),
    "leather": ("leather|pleather|faux leather", r"leather"),
    "polyester": ("polyester|synthetic|synthetics", r"polyester"),
    "linen": ("linen", r"\blinen"),
    "fleece": ("fleece|fleecy", r"fleece"),
    "velvet": ("velvet|velour", r"velvet|velour"),
    "satin": ("satin|silky", r"satin"),
    "corduroy": ("corduroy|cord|cords", r"corduroy|\bcord\b"),
    # Buttons, zips and collars: nearly every shirt and jacket has them, so asked for they only
    # put first the items that say so; ruled out ("a cardigan, no buttons"), they leave out every
    # item whose text says it has them ("No buttons" and "collarless" say the opposite).
    "buttons": ("buttons|buttoned|button fastening", r"(?<!no )(?<!without )\bbutton(?:s|ed)?\b"),
    "zip": ("zip|zips|zipper|zipped|zip up", r"(?<!no )(?<!without )\bzip(?:s|ped|per)?\b"),
    "collar": ("collar|collars|collared", r"(?<!no )(?<!without )\bcollar(?!less)"),
    # "fake front pockets" are none; H&M says "side pockets", "a chest pocket"
    "pockets": ("pocket|pockets", r"(?<!no )(?<!fake )(?<!without )(?<!front )\bpockets?\b"),
}
FEATURES = tuple(_FEATURES)
# What every garment of a kind has: "a polo, he hates doing buttons up" cannot mean a polo with
# no buttons, so such a refusal puts the items that say it last instead of leaving them out.
_INHERENT = {
    "Polo shirt": {"buttons", "collar"},
    "Shirt": {"buttons", "collar"},
    "Blazer": {"buttons", "collar"},
    "Hoodie": {"hooded"},
    "Jeans": {"buttons", "zip"},
}


def inherent(feature: str, article_types: Sequence[str]) -> bool:
    """Whether every one of the garments asked for has `feature` by its nature."""
    return bool(article_types) and all(feature in _INHERENT.get(t, set()) for t in article_types)


# What an item saying the one is not, when a shopper asks for the other: a "short-sleeved top"
# is no "Linnea V-neck long sleeve". Fabrics have none; a wool coat may be lined with anything.
_OPPOSED = (
    ("sleeves", "sleeveless"),
    ("short sleeves", "long sleeves"),
    ("short sleeves", "sleeveless"),
    ("long sleeves", "sleeveless"),
    ("mini", "long"),
    ("mini", "midi"),
    ("mini", "maxi"),
    ("midi", "maxi"),
    ("cropped", "long"),
    ("skinny", "wide leg"),
    ("straps", "strapless"),
    ("underwired", "wire free"),
    ("skinny", "straight leg"),
    ("knitted", "woven"),
    ("skinny", "loose"),
    ("skinny", "oversized"),
    ("slim fit", "loose"),
    ("slim fit", "oversized"),
    ("tight", "loose"),
    ("tight", "oversized"),
    ("high waist", "low waist"),
)
_SAID = {phrase: key for key, (said, _) in _FEATURES.items() for phrase in said.split("|")}
_LONGEST = max(len(p.split()) for p in _SAID)


def features_in(tokens: Sequence[str], used: list[bool]) -> list[Span]:
    """Spans of feature words among the tokens no label or cue has taken, longest first;
    marks them used."""
    found: list[Span] = []
    for n in range(_LONGEST, 0, -1):
        for i in range(len(tokens) - n + 1):
            key = _SAID.get(" ".join(tokens[i : i + n]))
            if key is not None and not any(used[i : i + n]):
                used[i : i + n] = [True] * n
                found.append(Span(i, n, ATTRIBUTE, (key,), ATTRIBUTE))
    return found


@cache
def _says(key: str) -> re.Pattern[str]:
    return re.compile(_FEATURES[key][1], re.IGNORECASE)


def _against(keys: set[str]) -> set[str]:
    return {b for a, b in _OPPOSED if a in keys} | {a for a, b in _OPPOSED if b in keys}


def asked_for(keys: Sequence[str]) -> list[str]:
    """The features asked for, less any asked both ways ("bodysuits, anything tight, forget
    it, maybe a loose blouse" read with its cue missed): those say nothing either way."""
    said = set(keys)
    return [k for k in keys if k not in _against(said - {k})]


def opposed(keys: Sequence[str]) -> list[str]:
    """The features an item must not say when the shopper asked for `keys`."""
    return sorted(_against(set(keys)) - set(keys))


def item_says(text: str, keys: Sequence[str]) -> bool:
    """Whether an item's own title or description says one of the features `keys`."""
    return any(_says(k).search(text) for k in keys if k in _FEATURES)
