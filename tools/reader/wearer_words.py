"""Words that say whom the clothes are for: "my husband", "a wee lassie", "the girls",
"clean girl aesthetic". A bare "boyfriend" is left out: boyfriend jeans are a women's cut."""

from __future__ import annotations

from fitroom.tools.reader.label_table import Label, any_of, many, words

WEARERS: dict[str, tuple[Label, ...]] = {
    **many("gender", "Men", "men", "mens", "man", "male", "guy", "guys", "gents", "menswear"),
    # Who a gift is for says the department. A bare "boyfriend" is left out: a boyfriend shirt
    # or boyfriend jeans are a women's cut; "my boyfriend" is a man.
    **words("gender", "Men", "husband hubby dad daddy father stepdad brother grandpa grandad"),
    **words("gender", "Men", "granddad grandfather uncle fella bloke blokes fiance bf hubs"),
    **many("gender", "Men", "my boyfriend", "brother in law", "father in law"),
    **words("gender", "Men", "gentleman gentlemen gent gents"),
    **words("gender", "Women", "wife wifey girlfriend mum mom mummy mother stepmum sister"),
    **words(
        "gender",
        "Women",
        "aunt auntie grandma granny gran grannie nan nana nanna grandmother fiancee gf",
    ),
    **many("gender", "Women", "mother in law", "sister in law"),
    **words(
        "gender", "Kids", "son daughter baby grandson granddaughter nephew niece lad twins triplets"
    ),
    **words("gender", "Kids", "bairn bairns wean weans"),
    # "A lassie" may be a young woman; "a wee lassie" or "the young one" is a child.
    **many("gender", "Kids", "wee lassie", "wee laddie", "wee one", "wee boy", "wee girl"),
    **many("gender", "Kids", "little one", "my little one", "the young one", "young one"),
    # "for himself" is a man, whether Irish for the husband or a reflexive.
    **words("gender", "Men", "himself"),
    **words("gender", "Women", "herself"),
    **words("gender", "Kids", "boy boys girl girls kiddo kiddos toddlers teen teens teenager"),
    **words("gender", "Kids", "tween newborn infant schoolboy schoolgirl"),
    # A teenager wears the kids' department's oldest sizes or small adult ones: a teenage son
    # is served by either, never by women's coats when the kids' have none.
    **any_of(
        (("gender", "Kids"), ("gender", "Men")),
        *("teenage son", "teenage boy", "teenage boys", "teen boy", "teen boys", "teenage lad"),
    ),
    **any_of(
        (("gender", "Kids"), ("gender", "Women")),
        *("teenage daughter", "teenage girl", "teenage girls", "teen girl", "teen girls"),
    ),
    **many(
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
    **many("gender", "Women", "girls trip", "girls night", "girls holiday", "girls weekend"),
    **many("gender", "Women", "girls night out", "the girls", "hen do", "hen party"),
    # a shopper calling herself a girl is a woman, not a child
    **many("gender", "Women", "im a girl", "i am a girl", "im a gal", "as a girl"),
    # the looks women follow online: "clean girl aesthetic", "tomato girl summer"
    **many("gender", "Women", "clean girl", "soft girl", "tomato girl", "that girl", "it girl"),
    **many("gender", "Women", "cool girl", "vanilla girl", "girly girl", "hot girl"),
    **many("gender", "Women", "girl aesthetic", "girl summer", "girl era", "girl vibes"),
    **many("gender", "Men", "im a bloke", "im a guy", "im a man", "i am a man", "im a lad"),
    **many("gender", "Men", "with the boys"),  # a man's mates, not his sons
    **many("gender", "Men", "stag do", "stag party", "the lads", "lads holiday", "lads trip"),
    **many("gender", "Kids", "kids", "kid", "children", "childrens", "child", "toddler"),
    **many("gender", "Kids", "toddlers", "newborn", "infant", "babies", "little ones"),
}
