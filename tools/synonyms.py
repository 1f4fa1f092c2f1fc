"""Everyday words for catalogue labels, where MiniLM similarity alone is too weak.

MiniLM scores "navy" 0.34 against both "Dark Blue" and "Blue", and "jumper" closer to "Top"
than to "Sweater", so common British and American shopping words are listed here. An entry
only applies when its label exists in the open catalogue's vocabulary.
"""

from __future__ import annotations


def _many(attribute: str, label: str, *words: str) -> dict[str, tuple[str, str]]:
    return dict.fromkeys(words, (attribute, label))


SYNONYMS: dict[str, tuple[str, str]] = {
    **_many("gender", "Men", "men", "mens", "man", "male", "guy", "guys", "gents", "menswear"),
    # Who a gift is for says the department. "Boyfriend" is left out: a boyfriend shirt or
    # boyfriend jeans are a women's cut.
    **_many("gender", "Men", "husband", "dad", "father", "brother", "grandpa", "him"),
    **_many("gender", "Women", "wife", "girlfriend", "mum", "mom", "mother", "sister", "her"),
    **_many("gender", "Kids", "son", "daughter", "baby", "grandson", "granddaughter"),
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
    **_many("gender", "Kids", "kids", "kid", "children", "childrens", "child", "toddler"),
    **_many("article_type", "Sweater", "jumper", "pullover", "sweatshirt", "knitwear"),
    **_many("article_type", "T-shirt", "tee", "tshirt", "t shirt"),
    **_many(
        "article_type", "Trousers", "pants", "jeans", "chinos", "slacks", "joggers", "sweatpants"
    ),
    **_many("article_type", "Vest top", "tank top", "tank", "camisole", "cami"),
    **_many("article_type", "Sneakers", "trainers", "trainer", "sneaker", "running shoes"),
    **_many("article_type", "Hoodie", "hoody", "hooded sweatshirt"),
    **_many("article_type", "Dress", "gown", "frock"),
    **_many("article_type", "Leggings/Tights", "leggings", "tights"),
    **_many("article_type", "Jumpsuit/Playsuit", "jumpsuit", "playsuit", "romper"),
    **_many("article_type", "Pyjama set", "pyjamas", "pajamas", "pjs"),
    **_many("article_type", "Swimsuit", "bathing suit", "swimming costume", "one piece"),
    **_many("article_type", "Cardigan", "cardi"),
    **_many("article_type", "Polo shirt", "polo"),
    **_many("article_type", "Bag", "handbag", "purse"),
    **_many("article_type", "Hat/beanie", "hat"),
    **_many("article_type", "Cap/peaked", "cap", "baseball cap"),
    **_many("article_type", "Earring", "earrings"),
    **_many("colour", "Dark Blue", "navy", "navy blue", "midnight blue"),
    **_many("colour", "Dark Red", "burgundy", "maroon", "wine", "oxblood"),
    **_many("colour", "Off White", "cream", "ivory", "ecru"),
    **_many("colour", "Dark Grey", "charcoal"),
    **_many("colour", "Dark Turquoise", "teal"),
    **_many("colour", "Dark Yellow", "mustard"),
    **_many("colour", "Gold", "golden"),
    **_many("colour_master", "Khaki green", "khaki", "olive"),
    **_many("colour_master", "Lilac Purple", "purple", "lilac", "violet", "lavender"),
    **_many("colour_master", "Beige", "tan", "camel", "nude", "sand"),
    **_many("colour_master", "Grey", "gray"),
    **_many("pattern", "Stripe", "striped", "stripes", "stripy", "stripey", "pinstripe"),
    **_many("pattern", "Check", "checked", "checkered", "chequered", "plaid", "tartan", "gingham"),
    **_many("pattern", "Dot", "polka dot", "polka dots", "dotted", "spotted", "spotty", "dots"),
    **_many("pattern", "Solid", "plain"),
    **_many("pattern", "Lace", "lacy"),
    **_many("pattern", "All over pattern", "floral", "flowery", "patterned", "printed"),
    **_many("pattern", "Sequin", "sequinned", "sequined", "sequins"),
    **_many("pattern", "Embroidery", "embroidered"),
    **_many("pattern", "Glittering/Metallic", "glitter", "glittery", "sparkly"),
}
