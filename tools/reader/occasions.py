"""Occasions and needs ("a summer wedding", "it's freezing", "for the gym") as the article
types that serve them.

An event says what to wear; weather and season only narrow it. So when a message names both
("a winter city break"), the event's types are kept where the weather agrees with them, and the
weather alone decides only when no event is named. Used only when the message names no garment.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel


def _types(labels: str) -> tuple[str, ...]:
    return tuple(labels.split("|"))


_DRESSY = _types("Dress|Blouse|Skirt|Jumpsuit/Playsuit|Heeled sandals|Pumps|Heels")
_SMART = _types("Blazer|Shirt|Trousers|Tie|Tailored Waistcoat")
_SPORT = _types(
    "Leggings/Tights|T-shirt|Vest top|Shorts|Sneakers|Bra|Hoodie|Top|Socks|"
    "Weekend/Gym bag|Cap/peaked"
)
_OUTDOOR = _types(
    "Jacket|Coat|Outdoor trousers|Outdoor Waistcoat|Outdoor overall|Boots|Backpack|"
    "Hat/beanie|Beanie|Sweater|Hoodie|Socks|Gloves"
)
_COLD = _types(
    "Coat|Jacket|Sweater|Cardigan|Hoodie|Scarf|Gloves|Hat/beanie|Beanie|Boots|Bootie|"
    "Outdoor Waistcoat|Outdoor trousers|Socks"
)
_WARM = _types(
    "Dress|Shorts|Vest top|T-shirt|Top|Skirt|Sandals|Blouse|Bikini top|"
    "Swimwear bottom|Swimsuit|Sunglasses|Hat/brim|Flip flop|Jumpsuit/Playsuit|Sarong|"
    "Wedge|Shirt|Polo shirt"
)
_SWIM = _types(
    "Bikini top|Swimwear bottom|Swimsuit|Swimwear set|Sarong|Flip flop|Sandals|"
    "Sunglasses|Hat/brim|Shorts|Dress|Vest top"
)
_SLEEP = _types("Pyjama set|Pyjama bottom|Pyjama jumpsuit/playsuit|Night gown|Robe|Slippers")
_OFFICE = _types(
    "Blazer|Shirt|Blouse|Trousers|Skirt|Dress|Cardigan|Sweater|Pumps|Flat shoe|"
    "Ballerinas|Tailored Waistcoat|Tie|Belt|Bag"
)
_CASUAL = _types(
    "T-shirt|Top|Trousers|Shirt|Blouse|Dress|Skirt|Sweater|Cardigan|Sneakers|Shorts|Jacket"
)
_TRAVEL = _types(
    "Jacket|Coat|Trousers|Sweater|Hoodie|Sneakers|Boots|Backpack|Bag|Cross-body bag|"
    "Scarf|T-shirt|Cardigan"
)
_RAIN = _types("Coat|Jacket|Umbrella|Boots|Outdoor trousers|Outdoor overall")
_PARTY = _types(
    "Dress|Top|Skirt|Jumpsuit/Playsuit|Heeled sandals|Blouse|Earring|Earrings|"
    "Necklace|Bag|Heels|Pumps|Shirt|Polo shirt|Blazer"
)
_GIFT = _types(
    "Scarf|Gloves|Sweater|Hat/beanie|Socks|Bag|Wallet|Necklace|Earring|Earrings|"
    "Bracelet|Belt|Tie|Pyjama set|Robe|Cardigan|Sunglasses|Ring"
)
_BABY = _types(
    "Bodysuit|Garment Set|Dungarees|Pyjama jumpsuit/playsuit|Socks|Hat/beanie|Cardigan|Sweater"
)
_CARRY = _types("Bag|Backpack|Shoulder bag|Tote bag|Cross-body bag|Weekend/Gym bag")
_COMMUTE = _types(
    "Jacket|Coat|Backpack|Trousers|Sneakers|Outdoor trousers|Gloves|Leggings/Tights|"
    "Hoodie|Shorts|Beanie|Hat/beanie"
)
_MATERNITY = _types(
    "Dress|Top|Leggings/Tights|Trousers|T-shirt|Bra|Jumpsuit/Playsuit|Vest top|"
    "Cardigan|Blouse|Sweater|Night gown|Pyjama set"
)


def _rows(*rows: tuple[str, tuple[str, ...]]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(trigger phrases separated by "|", article types), as the parser tokenises them."""
    return [(tuple(t.strip() for t in triggers.split("|")), types) for triggers, types in rows]


EVENTS = _rows(
    ("wedding|weddings|weding|weddin|married|marry|marrying|wedding guest|christening|gala"
     "|ball|prom|formal"
     "|black tie|ceremony|graduation|races|opera|theatre|anniversary|homecoming|communion"
     "|first communion|confirmation|bar mitzvah|bat mitzvah|church|mass|sunday service"
     "|sunday best|easter|eid|diwali|owambe|engagement party", (*_DRESSY, *_SMART[:2])),
    ("funeral|burial|burying|memorial|wake|mourning|cremation",
     ("Dress", "Blazer", "Trousers", "Shirt", "Blouse", "Coat", "Tie", "Skirt", "Pumps")),
    ("party|parties|birthday party|cocktail|cocktails|night out|nights out|clubbing|club|date"
     "|date night|first date|dinner|new years eve|disco|festive|christmas party|hen do|hen party"
     "|stag do|out till|dancing|salsa|bar|bars",
     (*_PARTY, "Costumes")),
    ("halloween|fancy dress|dress up|costume party|dressed as|dress as|dressed up as|dressing up as"
     "|dress up as|costume|costumes|cosplay|world book day|spooky|pirate|witch|zombie|vampire",
     ("Costumes", "Hat/brim", "Dress", "Top", "Other accessories", "Leggings/Tights", "Shirt")),
    ("video call|video calls|zoom|wfh|work from home|working from home|on camera|waist up",
     ("Blouse", "Shirt", "Top", "Sweater", "Cardigan", "Blazer", "Earring", "Earrings")),
    # A music festival is shorts, vests and a hat in a field, not a hiker's parka.
    ("festival|festivals|glastonbury|coachella|music festival|gig|gigs|concert|concerts", (
        "Shorts", "Vest top", "T-shirt", "Top", "Jumpsuit/Playsuit", "Hoodie", "Jacket",
        "Hat/brim", "Sunglasses", "Boots", "Cross-body bag", "Backpack")),
    ("brunch|garden party|picnic|lunch|cafe|weekend|day out|shopping|bbq|barbecue", (
        *_CASUAL, "Bag", "Ballerinas", "Sandals", "Sunglasses")),
    ("office|work|job|interview|meeting|meetings|business|workplace|presentation|conference"
     "|smart|professional|bank|internship", _OFFICE),
    ("gym|workout|work out|training|train|running|run|jogging|jog|yoga|pilates|fitness|exercise"
     "|fitness club|health club|sports club|running club|leisure centre"
     "|lifting|weights|weightlifting|crossfit|bootcamp|boxing"
     "|sport|sports|football|tennis|cycling|cycle|bike|biking|marathon|5k|spin class|dance class",
     _SPORT),
    ("hiking|hike|trek|trekking|camping|walking|walks|walk|mountains|mountain|outdoors|outside"
     "|outdoor|countryside|dog walk|dog walks|fell|sailing|boat|yacht|deck"
     "|fishing|riding|horse riding|stables|allotment|gardening", _OUTDOOR),
    # Not "lake": "the Lake District" is hill walking.
    ("beach|pool|swim|swimming|seaside|holiday|vacation|resort|sunbathing|cruise|surfing"
     "|honeymoon|maldives|caribbean|bali"
     "|ibiza|island", _SWIM),
    ("sleep|sleeping|bed|bedtime|night in|lounging|lounge|nightwear|sleepover|cosy night"
     "|at home|around the house|round the house|sofa|couch|at night|nighttime|night time"
     "|lazy|slob|slobbing"
     "|loungewear|duvet day|pyjama day|chill|chilling|netflix|films|poorly|unwell"
     "|under the weather|recovering|get well|hospital|operation|surgery|hospital stay",
     (*_SLEEP, "Slippers", "Robe")),
    ("new baby|newborn|baby shower|new arrival|baby gift|gift for the baby", _BABY),
    ("shot up|growth spurt|grown out of|outgrown|outgrew|grew out of|too small|too short"
     "|too tight|nothing fits", (*_CASUAL, "Hoodie", "Leggings/Tights", "Socks")),
    ("city break|trip|travel|travelling|traveling|flight|journey|sightseeing|road trip", _TRAVEL),
    ("present|gift|presents|gifts|stocking filler|secret santa", _GIFT),
    ("laptop|carry|lug|tablet|documents|books", _CARRY),
    ("commute|commuting|cycle to work|cycle to the office|bike to work|walk to work|school run",
     (*_COMMUTE, "Bag")),
    ("university|uni|campus|lectures|college|halls|freshers|students|student|school", (
        *_CASUAL, "Hoodie", "Backpack", "Bag")),
    ("pregnant|pregnancy|maternity|bump|expecting a baby", _MATERNITY),
)  # fmt: skip
# A body part in need names the garment outright ("my hands are freezing"); these come first.
BODY = _rows(
    ("ears pierced|pierced ears|pierced|piercing|piercings", ("Earring", "Earrings")),
    (
        # Not bare "hair": "red clashes with my hair" needs no hair clip.
        "fringe|bangs|ponytail|plait|plaits|braids|hair in my eyes|hair out of|hair up"
        "|my hair back|tie my hair|hold my hair|keep my hair|bad hair day",
        ("Hair clip", "Hair/alice band", "Hair string", "Hair ties", "Hairband"),
    ),
    (
        "show through|shows through|showing through|see through|seen through|underneath|vpl"
        "|visible lines|knicker lines|panty lines|bra straps|straps showing",
        ("Bra", "Underwear bottom", "Underwear body", "Underdress", "Vest top", "Bodysuit"),
    ),
    ("hands|fingers", ("Gloves",)),
    ("laces|bend down|slip on|slip ons", ("Ballerinas", "Slippers", "Sandals", "Flat shoe")),
    (
        "burn|burns|sunburn|sunburnt|burn easily|pale skin|sun on my face",
        ("Hat/brim", "Sunglasses", "Cap/peaked", "Shirt", "Blouse", "Scarf"),
    ),
    ("ears|ear", ("Hat/beanie", "Beanie", "Hat/brim", "Cap/peaked")),
    ("neck|throat", ("Scarf",)),
    ("feet|foot|toes", ("Socks", "Boots", "Slippers", "Sneakers")),
    ("legs", ("Trousers", "Leggings/Tights", "Underwear Tights")),
)
WEATHER = _rows(
    ("freezing|cold|winter|wintry|chilly|nippy|brisk|snow|snowy|frosty|icy|autumn|fall"
     "|arctic|air con|aircon|air conditioning|draughty|drafty|shivering"
     "|keep warm|warm|cosy|november|december|january|february|bonfire|bonfire night|fireworks"
     "|cozy|ski|skiing|slopes|alps|snowboarding|apres", _COLD),
    ("hot|summer|heatwave|heat|sunny|sun|warm weather|spring|tropical|humid|scorching|boiling"
     "|june|july|august|midsummer", _WARM),
    ("rain|rainy|raining|rains|pours|pours down|pour down|wet|storm|stormy|drizzle|showers"
     "|pouring|chucking it down|downpour"
     "|bucketing|bucketing down|tipping down|lashing|pelting|teeming|soaked|drenched"
     "|muddy|mud|puddles",
     _RAIN),
)  # fmt: skip


def triggers(tokens: Sequence[str]) -> set[int]:
    """The positions of words that name an occasion, so they are never read as garments by
    similarity ("outside" is not an Outdoor overall)."""
    found: set[int] = set()
    for i, token in enumerate(tokens):
        for words in _BY_FIRST_WORD.get(token, ()):
            if tuple(tokens[i : i + len(words)]) == words:
                found.update(range(i, i + len(words)))
    return found


# Occasions with a colour custom, as the catalogue's shades: a shop assistant shows nothing pink
# for a funeral.
TONES = _rows(
    (
        "funeral|burial|burying|memorial|wake|mourning|cremation|remembrance",
        ("Black", "Dark Grey", "Dark Blue", "Grey"),
    ),
)


def occasion_colours(tokens: Sequence[str]) -> tuple[str, list[str]] | None:
    """The words naming an occasion with a colour custom, and its shades; None for none."""
    found = _find(tokens, TONES)
    if not found:
        return None
    return " ".join(p for p, _ in found), list(dict.fromkeys(c for _, row in found for c in row))


def _first_words() -> dict[str, list[tuple[str, ...]]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrases, _ in (*BODY, *EVENTS, *WEATHER):
        for phrase in phrases:
            words = tuple(phrase.split())
            by_first.setdefault(words[0], []).append(words)
    return by_first


_BY_FIRST_WORD = _first_words()


class Occasion(BaseModel):
    """The words that named an occasion or need, and the article types it maps to."""

    phrase: str
    types: list[str]


# Times of day, not occasions: "go to the gym after work" is about the gym.
_NOT_OCCASIONS = (
    *("after work", "before work", "after school", "before school", "from work"),
    # a complaint about the picks, not an occasion: "these are too formal"
    *(
        f"{degree} {word}"
        for degree in ("too", "less", "not so", "not that", "so")
        for word in (
            "formal",
            "smart",
            "dressy",
            "fancy",
            "sporty",
            "casual",
            "warm",
            "summery",
            "wintry",
        )
    ),
)


def _find(
    tokens: Sequence[str], table: list[tuple[tuple[str, ...], tuple[str, ...]]]
) -> list[tuple[str, tuple[str, ...]]]:
    """The (trigger, types) rows the tokens name, in the order the message says them; a
    trigger inside a longer one ("club" in "fitness club") or a time ("after work") is not
    one."""
    text = f" {' '.join(tokens)} "
    for phrase in _NOT_OCCASIONS:
        text = text.replace(f" {phrase} ", " " * (len(phrase) + 2))
    found = []
    for phrases, types in table:
        hit = next((p for p in sorted(phrases, key=len, reverse=True) if f" {p} " in text), None)
        if hit:
            found.append((text.index(f" {hit} "), hit, types))
    kept = [
        (at, hit, types)
        for at, hit, types in found
        if not any(
            o_at <= at and at + len(hit) <= o_at + len(o_hit) and len(o_hit) > len(hit)
            for o_at, o_hit, _ in found
        )
    ]
    return [(hit, types) for _, hit, types in sorted(kept)]


def read_occasion(tokens: Sequence[str], known_types: Sequence[str]) -> Occasion | None:
    """The article types an occasion or need in `tokens` calls for, limited to `known_types`
    (the open catalogue's), or None when the words name none."""
    known = set(known_types)
    body = _find(tokens, BODY)
    if any(p.startswith("pierc") or "pierced" in p for p, _ in body):
        body = body[:1]  # pierced ears want earrings, not a hat
    if body:
        needed = [t for _, row in body for t in row if t in known]
        return Occasion(phrase=" ".join(p for p, _ in body), types=needed) if needed else None
    events, weather = _find(tokens, EVENTS), _find(tokens, WEATHER)
    if not events and not weather:
        return None
    # Several events narrow each other ("pool party": what suits both a pool and a party).
    votes: dict[str, int] = {}
    for _, types in events:
        for t in dict.fromkeys(types):
            votes[t] = votes.get(t, 0) + (t in known)
    top = max(votes.values(), default=0)
    picked = [t for t, n in votes.items() if n == top and n > 0]
    phrases = [p for p, _ in events]
    if weather:
        suits = [t for _, types in weather for t in types if t in known]
        narrowed = [t for t in picked if t in suits]
        # "a summer wedding": what suits both; "rain on the walk to work": the weather first,
        # then the event, since what keeps you dry comes before what suits the office.
        picked = narrowed or [*suits, *picked]
        phrases = [p for p, _ in weather] + phrases
    picked = list(dict.fromkeys(picked))
    return Occasion(phrase=" ".join(phrases), types=picked) if picked else None
