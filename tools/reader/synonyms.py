"""Everyday words for catalogue labels, where MiniLM similarity alone is too weak.

MiniLM scores "navy" 0.34 against both "Dark Blue" and "Blue", and "jumper" closer to "Top"
than to "Sweater", so common British and American shopping words are listed here. An entry
only applies when its label exists in the open catalogue's vocabulary.
"""

from __future__ import annotations

Label = tuple[str, str]  # attribute, label
# The hues H&M spells with Dark and Light in front ("Dark Blue", "Light Pink").
_BRIGHT = (
    "Red",
    "Other Red",
    "Yellow",
    "Other Yellow",
    "Orange",
    "Other Orange",
    "Other Pink",
    "Dark Pink",
    "Other Green",
    "Other Blue",
    "Other Purple",
    "Turquoise",
    "Gold",
)
_HUES = "Beige Blue Green Grey Orange Pink Purple Red Turquoise Yellow".split()


def _many(attribute: str, label: str, *words: str) -> dict[str, tuple[Label, ...]]:
    return dict.fromkeys(words, ((attribute, label),))


def _words(attribute: str, label: str, words: str) -> dict[str, tuple[Label, ...]]:
    """Single words, space-separated, for one label."""
    return _many(attribute, label, *words.split())


def _any_of(labels: tuple[Label, ...], *words: str) -> dict[str, tuple[Label, ...]]:
    """Words that mean any of several labels ("tights" are sold as two article types)."""
    return dict.fromkeys(words, labels)


# A phrase may stand for several labels of one attribute, read as any of them.
SYNONYMS: dict[str, tuple[Label, ...]] = {
    **_many("gender", "Men", "men", "mens", "man", "male", "guy", "guys", "gents", "menswear"),
    # Who a gift is for says the department. A bare "boyfriend" is left out: a boyfriend shirt
    # or boyfriend jeans are a women's cut; "my boyfriend" is a man.
    **_words("gender", "Men", "husband hubby dad daddy father stepdad brother grandpa grandad"),
    **_words("gender", "Men", "granddad grandfather uncle fella bloke blokes fiance bf hubs"),
    **_many("gender", "Men", "my boyfriend", "brother in law", "father in law"),
    **_words("gender", "Men", "gentleman gentlemen gent gents"),
    **_words("gender", "Women", "wife wifey girlfriend mum mom mummy mother stepmum sister"),
    **_words(
        "gender",
        "Women",
        "aunt auntie grandma granny gran grannie nan nana nanna grandmother fiancee gf",
    ),
    **_many("gender", "Women", "mother in law", "sister in law"),
    **_words(
        "gender", "Kids", "son daughter baby grandson granddaughter nephew niece lad twins triplets"
    ),
    **_words("gender", "Kids", "bairn bairns wean weans"),
    # "A lassie" may be a young woman; "a wee lassie" or "the young one" is a child.
    **_many("gender", "Kids", "wee lassie", "wee laddie", "wee one", "wee boy", "wee girl"),
    **_many("gender", "Kids", "little one", "my little one", "the young one", "young one"),
    # "for himself" is a man, whether Irish for the husband or a reflexive.
    **_words("gender", "Men", "himself"),
    **_words("gender", "Women", "herself"),
    **_words("gender", "Kids", "boy boys girl girls kiddo kiddos toddlers teen teens teenager"),
    **_words("gender", "Kids", "tween newborn infant schoolboy schoolgirl"),
    **_many(
        "gender",
        "Women",
        "women",
        "womens",
        "woman",
        "ladies",
        "lady",
        "female",
        "womenswear",
        "ladieswear",
    ),
    # "A girls' trip" is grown women; "my girl" is a child.
    **_many("gender", "Women", "girls trip", "girls night", "girls holiday", "girls weekend"),
    **_many("gender", "Women", "girls night out", "the girls", "hen do", "hen party"),
    # a shopper calling herself a girl is a woman, not a child
    **_many("gender", "Women", "im a girl", "i am a girl", "im a gal", "as a girl"),
    # the looks women follow online: "clean girl aesthetic", "tomato girl summer"
    **_many("gender", "Women", "clean girl", "soft girl", "tomato girl", "that girl", "it girl"),
    **_many("gender", "Women", "cool girl", "vanilla girl", "girly girl", "hot girl"),
    **_many("gender", "Women", "girl aesthetic", "girl summer", "girl era", "girl vibes"),
    **_many("gender", "Men", "im a bloke", "im a guy", "im a man", "i am a man", "im a lad"),
    **_many("gender", "Men", "with the boys"),  # a man's mates, not his sons
    **_many("gender", "Men", "stag do", "stag party", "the lads", "lads holiday", "lads trip"),
    **_many("gender", "Kids", "kids", "kid", "children", "childrens", "child", "toddler"),
    **_many("gender", "Kids", "toddlers", "newborn", "infant", "babies", "little ones"),
    **_many("colour", "Light Blue", "baby blue", "powder blue", "sky blue"),
    # Tones as H&M's shades spell them: "nothing dark", "light colours". Black is the darkest
    # shade and white the lightest, though H&M spells neither with a tone.
    **_any_of(
        (*(("colour", f"Dark {c}") for c in _HUES), ("colour", "Black")),
        *["dark", "dark colours", "dark colour", "dark coloured", "dark colors", "dark color"],
        *["dark shades", "dark ones", "dark stuff"],
    ),
    **_any_of(
        (*(("colour", f"Light {c}") for c in _HUES), ("colour", "White"), ("colour", "Off White")),
        *["light colours", "light colour", "light coloured", "light colors", "light color"],
        *["light shades", "light ones", "pale colours", "pale ones", "pale", "pale coloured"],
    ),
    **_any_of(
        tuple(("colour", f"Light {c}") for c in _HUES),
        *["pastel", "pastels", "pastel colours", "pastel colors", "pastel shades"],
    ),
    # The shades H&M mostly files as Bright, and the reds, yellows and oranges anyone calls so.
    **_any_of(
        tuple(("colour", c) for c in _BRIGHT),
        *["bright colours", "bright colour", "bright colors", "bright color", "brights"],
        *["bright ones", "neon", "neons", "loud colours", "loud colors", "bold colours"],
    ),
    **_many("colour", "Light Pink", "baby pink", "blush", "pale pink"),
    **_many("article_type", "Sweater", "jumper", "pullover", "sweatshirt", "knitwear"),
    **_many("article_type", "T-shirt", "tee", "tshirt", "t shirt"),
    **_many(
        "article_type",
        "Trousers",
        "trouser",
        "pants",
        "jeans",
        "jean",
        "chinos",
        "slacks",
        "joggers",
        "sweatpants",
        "trackies",
        "trackie bottoms",
        "track pants",
        "trakkies",
    ),
    # Australian, Irish and Scottish words as well as British and American ones.
    **_many("article_type", "Vest top", "tank top", "tank", "camisole", "cami", "singlet"),
    # H&M's labels are British: a "vest" is a vest top, a "waistcoat" the other one.
    **_many("article_type", "Vest top", "vest", "vests", "running vest", "gym vest"),
    **_many("article_type", "Night gown", "nightie", "nighty", "nightdress", "nightgown"),
    **_many("article_type", "Sneakers", "trainers", "trainer", "sneaker", "runners", "runner"),
    **_many("article_type", "Hoodie", "hoody", "hooded sweatshirt"),
    **_many("article_type", "Dress", "gown", "frock"),
    **_many("article_type", "Leggings/Tights", "leggings", "yoga pants"),
    **_any_of(
        (("article_type", "Leggings/Tights"), ("article_type", "Underwear Tights")),
        "tights",
        "pantyhose",
        "stockings",
    ),
    **_many("article_type", "Swimwear bottom", "bikini bottom", "bikini bottoms", "swim shorts"),
    **_many("article_type", "Bikini top", "bikini"),
    **_many("article_type", "Shorts", "hot pants", "bermudas"),
    **_many("article_type", "Coat", "overcoat", "trench", "trenchcoat", "parka"),
    **_many("article_type", "Boots", "wellies", "wellingtons", "ankle boots"),
    **_many("article_type", "Sandals", "sliders"),
    **_many("article_type", "Blazer", "suit jacket", "sports jacket"),
    **_many("article_type", "Scarf", "shawl", "pashmina"),
    # Garment names an LLM suggests for a need, onto what this catalogue sells.
    **_any_of((("article_type", "Blazer"), ("article_type", "Trousers")), "suit", "suits"),
    **_any_of(
        (("article_type", "Pumps"), ("article_type", "Heeled sandals"), ("article_type", "Heels")),
        "heels",
        "high heels",
        "stilettos",
        "court shoes",
    ),
    **_any_of((("article_type", "Hoodie"), ("article_type", "Trousers")), "tracksuit", "sweatsuit"),
    **_any_of(
        (("article_type", "Necklace"), ("article_type", "Earring"), ("article_type", "Bracelet")),
        "jewellery",
        "jewelry",
    ),
    **_any_of(
        (("article_type", "Underwear bottom"),),
        *["knickers", "briefs", "boxers", "thong", "thongs", "panties", "underpants", "trunks"],
        "boxer shorts",
    ),
    **_any_of(
        (("pattern", "Front print"), ("pattern", "Placement print")),
        *["logo", "logos", "slogan", "slogans", "graphic", "graphics"],
        "graphic tee",
        "picture on the front",
        "big picture",
        "pictures on the front",
        "writing on the front",
        "writing",
        "lettering",
        "wording",
        "text on it",
        "print on the front",
        "on the front",
        "on the chest",
        "across the chest",
        "across the front",
        "logo on the front",
        "graphic on the front",
        "front logo",
    ),
    **_many("article_type", "Bag", "clutch", "clutch bag", "tote", "shopper"),
    **_many("article_type", "Outdoor trousers", "waterproof trousers", "hiking trousers"),
    **_many("article_type", "Swimwear bottom", "swimming trunks", "swim trunks", "board shorts"),
    **_many("article_type", "Hat/beanie", "woolly hat", "bobble hat"),
    **_many("article_type", "Sweater", "fleece"),
    **_many("article_type", "Dress", "kaftan", "sundress", "maxi dress", "midi dress"),
    **_many("article_type", "Bra", "bralette", "sports bra"),
    **_many("article_type", "Gloves", "mittens", "mitts"),
    **_many("article_type", "Bodysuit", "leotard"),
    **_many("article_type", "Pyjama jumpsuit/playsuit", "onesie"),
    **_any_of(
        (("article_type", "Flat shoe"), ("article_type", "Other shoe")), "loafers", "brogues"
    ),
    **_any_of(
        (
            ("article_type", "Flat shoe"),
            ("article_type", "Flat shoes"),
            ("article_type", "Ballerinas"),
        ),
        "flats",
        "ballet flats",
        "ballet pumps",
    ),
    **_any_of(
        (("article_type", "Outdoor Waistcoat"), ("article_type", "Tailored Waistcoat")),
        "gilet",
        "waistcoat",
        "bodywarmer",
    ),
    **_many("article_type", "Jacket", "windbreaker", "rain jacket", "puffer", "anorak"),
    **_many("article_type", "Coat", "raincoat", "mac"),
    **_many("article_type", "Sneakers", "running shoes", "gym shoes", "sport shoes"),
    **_many("article_type", "Sneakers", "sports shoes", "training shoes", "tennis shoes"),
    **_any_of(
        tuple(
            ("article_type", t)
            for t in "Sneakers|Boots|Flat shoe|Pumps|Ballerinas|Sandals|Other shoe".split("|")
        ),
        "shoes",
        "shoe",
        "footwear",
    ),
    **_any_of(
        (("article_type", "Top"), ("article_type", "Blouse"), ("article_type", "Dress")), "tunic"
    ),
    **_many("article_type", "Pyjama set", "sleepsuit", "sleep suit", "nightwear"),
    **_many("article_type", "Robe", "dressing gown", "bathrobe", "bath robe", "housecoat"),
    **_many("article_type", "Skirt", "miniskirt", "mini skirt", "maxi skirt"),
    **_many("article_type", "Jumpsuit/Playsuit", "jumpsuit", "playsuit", "romper"),
    # Words of other languages that English-speaking shoppers from there carry over: an
    # "overall" is a jumpsuit, a "mantel" a coat, "slips" briefs, "points" dots, a "body" a
    # bodysuit (as H&M names its own).
    **_many("article_type", "Jumpsuit/Playsuit", "overall"),
    **_many("article_type", "Dungarees", "overalls", "dungarees"),
    **_many("article_type", "Coat", "mantel", "manteau", "mantle"),
    **_many("article_type", "Underwear bottom", "slips", "slip briefs"),
    **_many("article_type", "Bodysuit", "a body", "bodies", "baby body", "baby bodies"),
    **_many("article_type", "Bodysuit", "babygrow", "babygrows", "babygro"),
    **_many("article_type", "Shorts", "short trousers", "short pants"),
    **_many("article_type", "Pyjama set", "pyjamas", "pajamas", "pjs"),
    **_many("article_type", "Swimsuit", "bathing suit", "swimming costume", "one piece"),
    **_many("article_type", "Swimsuit", "cossie", "cozzie", "swimmers", "togs"),
    **_many("article_type", "Cardigan", "cardi"),
    **_many("article_type", "Garment Set", "outfit set", "outfit sets"),
    **_many("article_type", "T-shirt", "baby tee", "baby tees"),  # a cropped women's tee
    **_many("article_type", "Polo shirt", "polo", "polo t shirt", "polo tee", "polo top"),
    **_many("article_type", "Shirt", "button up", "button ups", "button down", "button downs"),
    **_many("article_type", "Bag", "handbag", "purse"),
    # H&M files most bags (85) under Accessories; its "Bags" category holds only nine.
    **_any_of(
        tuple(("article_type", t) for t in ("Bag", "Shoulder bag", "Tote bag", "Cross-body bag")),
        "bags",
    ),
    **_many(
        "pattern",
        "Colour blocking",
        *["colour blocked", "color blocked", "colour block", "color block", "colourblock"],
        *["colorblock", "colour blocking", "color blocking"],
    ),
    **_many("article_type", "Hat/beanie", "hat"),
    **_many("article_type", "Hat/brim", "sun hat", "sunhat", "straw hat", "bucket hat", "fedora"),
    **_many("article_type", "Cap/peaked", "cap", "baseball cap"),
    **_any_of((("article_type", "Earring"), ("article_type", "Earrings")), "earrings", "earring"),
    **_many("article_type", "Sunglasses", "sunnies"),
    **_many("colour", "Dark Blue", "navy", "navy blue", "midnight blue"),
    **_many("colour", "Dark Red", "burgundy", "maroon", "wine", "oxblood"),
    **_many("colour", "Off White", "cream", "ivory", "ecru"),
    **_many("colour", "Dark Grey", "charcoal"),
    **_many("pattern", "Denim", "jeans material", "jeans fabric", "jean material", "jean fabric"),
    **_many("colour_master", "Pink", "rose", "rosa", "rosé"),
    # Named shades too rare on their own (18 Dark Turquoise, 15 Dark Yellow items) read as
    # their family, which is what a shopper saying them will accept.
    **_many("colour_master", "Turquoise", "teal", "aqua", "aquamarine"),
    **_many("colour_master", "Yellow", "mustard", "lemon"),
    **_many("colour", "Gold", "golden"),
    **_many("colour_master", "Khaki green", "khaki", "olive", "olive green", "army green"),
    **_many("colour_master", "Khaki green", "military green", "khaki green"),
    **_many("colour_master", "Lilac Purple", "purple", "lilac", "violet", "lavender"),
    **_many("colour_master", "Beige", "tan", "camel", "nude", "sand", "oatmeal", "stone"),
    **_many("colour_master", "Mole", "taupe", "mole", "mushroom", "greige"),
    # Jewel tones by their stones.
    **_many("colour_master", "Green", "emerald", "emerald green", "jade", "bottle green"),
    **_many("colour_master", "Blue", "sapphire", "cobalt", "royal blue", "cornflower"),
    **_many("colour_master", "Red", "ruby", "scarlet", "crimson", "cherry red"),
    **_many(
        "colour_master", "Beige", "skin coloured", "skin colour", "skin tone", "flesh coloured"
    ),
    **_many("colour_master", "Beige", "skin colored", "skin color", "flesh colored"),
    **_many("colour_master", "Grey", "gray", "greys", "grays"),
    **_many(
        "pattern",
        "Stripe",
        "striped",
        "stripes",
        "stripy",
        "stripey",
        "pinstripe",
        "pinstripes",
        "pinstriped",
        "breton",
    ),
    **_many(
        "pattern",
        "Check",
        "checked",
        "checks",
        "checkered",
        "chequered",
        "plaid",
        "plaids",
        "tartan",
        "gingham",
        "houndstooth",
        "squares",
        "squared",
        "carreaux",
    ),
    **_many(
        "pattern",
        "Dot",
        "polka",
        "polka dot",
        "polka dots",
        "polka-dot",
        "dotted",
        "spotted",
        "spotty",
        "spots",
        "dots",
        "dotty",
        "points",
        "pois",
    ),
    **_many("pattern", "Solid", "plain", "unpatterned", "one colour", "single colour"),
    **_many("pattern", "Solid", "block colour", "block colours", "block coloured", "one color"),
    **_many("pattern", "Solid", "flat colour", "flat colours", "flat color", "flat colors"),
    **_many("pattern", "Lace", "lacy"),
    **_many(
        "pattern",
        "All over pattern",
        "floral",
        "florals",
        "flowery",
        "flowers",
        "flower",
        "flowered",
        "botanical",
        "leopard",
        "animal print",
        "paisley",
        "ditsy",
        "ditsy print",
        "ditsy floral",
        "camouflage",
        "camo",
        "zebra",
        "snake print",
        "print all over",
        "prints all over",
        "printed all over",
        "pattern all over",
    ),
    **_any_of(
        (
            ("pattern", "All over pattern"),
            ("pattern", "Front print"),
            ("pattern", "Placement print"),
        ),
        "cartoon",
        "cartoons",
        "cartoon print",
        "character print",
        "characters",
    ),
    **_many("pattern", "Melange", "marl", "marled", "heathered", "heather"),
    # "not grey marl" rules out the marl, not every grey
    **_many("pattern", "Melange", "grey marl", "gray marl", "grey melange", "gray melange"),
    **_many("pattern", "Sequin", "sequinned", "sequined", "sequins", "sequinny", "sequiny"),
    **_many("pattern", "Embroidery", "embroidered"),
    **_any_of(
        (("pattern", "Glittering/Metallic"), ("pattern", "Metallic")),
        "metallic",
        "shiny",
        "shimmery",
        "lurex",
        "flashy",
        "bling",
    ),
    # Said about a whole look, glitter covers sequins too.
    **_any_of(
        (("pattern", "Glittering/Metallic"), ("pattern", "Metallic"), ("pattern", "Sequin")),
        "glitter",
        "glittery",
        "sparkly",
        "sparkles",
    ),
}
