"""The words `statements` reads a story by: who it is about, what asks, what a predicate
starts with, what praises, what complains and what wishes for a change. Words are as the parser
tokenises them: case-folded, apostrophes dropped ("i've" is "ive", "I'll" is "ill")."""

from __future__ import annotations

from fitroom.tools.reader.cue_words import BAD_LOOKS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def phrases(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in text.split("|"))


# Who a telling clause is about, as its first word (apostrophes are dropped: "i've" is "ive").
SUBJECTS = _words(
    "i im ive id ill my he she they theyre their his her we our everything everyone every it "
    "its mine hes shes weve all"
)
# Words before the subject that do not change what the clause is: "ugh, literally every ...".
OPENERS = _words(
    "ugh literally honestly omg lol well tbh also plus oh and but cos because so though now "
    "currently basically seriously sadly apparently reckon guess suppose mate jaysus jesus "
    "god lord blimey crikey gosh jeez jeeze sheesh bruv fam chale abeg"
)
# What asks for something: a clause with one of these is a request, not a story.
ASKING = phrases(
    "need|needs|needed|want|wants|wanted|looking|after|please|pls|plz|show|find|fancy|ideas|"
    "suggest|recommend|shopping|hunting|searching|seeking|help|get me|give me|id like|"
    "would like|id love|would love|could do with|in search of|got any|have you|do you|"
    "can i|can you|could you|could i|may i|can we|could we|have a look|let see|let look|"
    "let try|let me|on the hunt|"
    "in the market|after a|after an|after some|would be good|would be great|would be nice|"
    "thinking|think|considering|hoping|hope|wondering|what about|how about|what abt|wonder|"
    "tempted|eyeing|prefer|"
    "rather|ideally|maybe|perhaps|preferably|go for|going for|mood for|keen on|craving|"
    "dreaming of|love|loving|require|requires|has to|have to|must|should|needs to|need to|"
    "got to|gotta|sorting|"
    # as shoppers from other languages put it: "I look for jeans", "I search a warm coat"
    "look for|looks for|search|search for|seek|want buy|buy for|buy me|can buy|"
    "could buy|where can|where i can|where to find|exist|exists|is there|are there|ill take|"
    "i take|i would take"
)
# Nouns a label's phrase may end in before its verb: "the white ones are", "blue wash is".
HEADS = _words(
    "ones one pair pairs thing things stuff colour color colours colors shade shades tone tones "
    "version versions wash washes print prints pattern patterns sort kind type on"
)
# What a label's predicate starts with: a verb, or what is left of "denim's a bit too casual"
# once the tokenizer drops the "'s". Unknown words are not verbs: "plaid flannel shirt",
# "black loafers" and "white ribbed tank" name what is asked for.
VERBS = _words(
    "is are was were be been am has have had do does did dont doesnt didnt cant cannot wont "
    "wouldnt isnt arent wasnt werent never always just really still will would can could "
    "should might must a an the way get gets got go goes went make makes made look looks "
    "feel feels give gives gave show shows showed wash washes fade fades faded itch itches "
    "remind reminds keep keeps end ends turn turns seem seems pill pills kill kills stain stains "
    "clash clashes ride rides cling clings shrink shrinks drive drives irritate irritates "
    "scratch scratches bother bothers suck sucks hurt hurts rub rubs drown drowns swamp swamps "
    "turned became went kept ended seemed killed stained clashed rode clung shrank drove "
    "bothered sucked rubbed lasted ripped tore broke fell catch catches snag snags being "
    "came comes come dug digs"
)
ARTICLES = _words("a an the")
# Words after a label that start no predicate: prepositions, sizes, fits, requests.
NOT_VERBS = _words(
    "for with in on from to at of by like please pls plz only if or and nor size fit that which "
    "who as than rather instead without except no not"
)
# What follows a verb and seldom an adjective: "soak up the sun", "shrink badly".
AFTER_VERBS = _words(
    "up down out off away the a an my me him her them it everything every all so too really "
    "like after badly easily quickly fast into through"
)
# A label followed by one of these and a negation is what the clause is about: "florals I just
# can't do", "lace I don't like it" (but "a black top I've got" is a relative clause).
PERSONAL = _words("i im ive id we he she they me")
NEGATIVE_VERBS = _words(
    "dont doesnt didnt cant cannot wont wouldnt isnt arent never not hate hates loathe"
)
# A predicate that praises the label keeps it wanted ("stripes would be lovely").
PRAISE = phrases(
    "fine|ok|okay|good|great|perfect|ideal|nice|lovely|love|loves|favourite|favorite|best|"
    "works|suits|suit|flattering|classic|gorgeous|beautiful|amazing|better|prefer|"
    "preferred|go to|goes with everything|go with everything|goes with more|go with more|"
    "goes with anything|go with anything|versatile|my colour|her colour|his colour|"
    "my color|her color|his color|a must|must|need|needed|what i want|what i need|cute|"
    "stunning|elegant|timeless|mad about|obsessed with|adore|"
    # "he's into plaid", not "jeans dig into my belly"
    "is into|are into|am into|im into|hes into|shes into|theyre into|really into|so into|"
    "well into|big into|totally into|adores|likes|i like|we like|"
    "fab|fabulous|brilliant|wonderful|ace|cool|excellent|handy|useful|welcome|easier|nicer|"
    "comfier|more comfortable|more practical|will do|would do|is in|are in|only|what i|what im|"
    "would work|will work|could work|should work|might work|all im after|all i need|"
    "makes sense|make sense|more sense|makes more sense|"
    "all i want|all shell wear|all he wears|all she wears|smart|sharp|chic|stylish|"
    "look good|looks good|look great|looks great|"
    "what were|what she|what he|is what|are what|"
    # as Australians, the Irish and Londoners praise
    "beaut|bonza|bonzer|grand|deadly|class|peng|lush|mint|banging|fire|dope|iconic|the vibe|"
    "a vibe|magic|belter|cracking|smashing|divine|adorable|a winner"
)
# ... unless it says this: "a white one is the last thing I want".
SCORN = phrases("last thing|wasted|the last|no good|not good|not great|not nice|not ideal")
# A telling clause that says one of these complains, counts too many, or wants a change.
COMPLAINT = BAD_LOOKS | _words(
    "sweat sweaty stain stains stained filthy dirty grubby itch itches itchy rash fade fades "
    "faded pill pills pilled bobbly bobble shrink shrank shrunk ruined disaster regret boring "
    "bored dull drab harsh funeral funereal clash clashes clashing too hate hated ugh ew eww cry "
    "uncomfortable scratchy sick banned ban banning refusing refuses refused refuse stop "
    "overflowing drowning full enough loads tons heaps already every over done "
    "fill many much uniform everywhere mistake mistakes dig digs cringe cringey cringy "
    "embarrassing unflattering clingy snagged snags snag snagging keeps"
)
# What makes a story a complaint even about what was named just before it, outside the clause:
# "sequins, glitter, anything sparkly - I'm so over it", "put me in khaki and I look ill".
STRONG = frozenset((w,) for w in BAD_LOOKS) | phrases(
    "sweat|sweaty|stain|stains|filthy|itch|itches|itchy|rash|fade|faded|pill|pills|bobbly|"
    "shrink|ruined|disaster|regret|boring|bored|dull|drab|harsh|funeral|funereal|hate|cry|"
    "uncomfortable|scratchy|sick|banned|fill|over it|over them|over that|so over|done with|"
    "had enough|too many|too much|mistake|cringe|cringey|embarrassing|unflattering"
)
TERSE = 4
# What a garment is compared to is not asked for: "melange looks like pyjamas on me".
LIKENED = phrases(
    "look like|looks like|looked like|looking like|feel like|feels like|felt like|"
    "remind me of|reminds me of|reminded me of|remind her of|reminds her of|remind him of|"
    "reminds him of|look as if|dressed like|dressed as|screams|scream|screaming|shouts"
)
CHANGE = phrases(
    "different|else|change|other|others|instead|for once|this time|break|fresh|switch|"
    "colourful|colorful|bit of colour|bit of color|brighter|warmer|lighter|darker|fun|"
    "a change|mix it up|something new|any colour|any color|not the same|another shade|anything but|"
    "another colour|another color|another pattern|another print|stand out"
)
# Not "just" or "which": "florals I just can't do" is one clause.
BREAKS = _words("but so because cause though although if")
ILL_BEFORE = _words("look looks looked feel feels felt me so really very quite bit")
COPULAS = _words("is are was were")
PLACES = _words("in on at from")  # "orange in my holiday photos was a mistake"
LIKENED_ARTICLES = _words("a an the my some")
DETERMINERS = _words("the this these those that our your")
POINTERS = _words("some those them these similar same more like")
# Who says one of these gives an opinion, and is not who the clothes are for by that alone.
# What a person owns or holds, after them: "his wife's colleagues" are not whom it is for.
# ("birthday" is not here: "my dad's birthday" is a present for him.)
POSSESSED = _words(
    "wedding weddings colleagues parents friends family house place funeral graduation "
    "christening engagement retirement work office boss mates"
)
SHOPPER = _words("i im ive id me my")  # who speaks, in what someone else says
OPINION_VERBS = _words(
    "says said saying reckons reckon thinks think thought told insists claims right"
)
# A number after these, or before these, is an age or a size, not a count.
AGE_OR_SIZE_BEFORE = _words("is are hes shes he she they theyre aged age size sizes turned turning")
AGE_AFTER = _words("year years yr yrs yo months month")
# Words of degree before "too": "far too busy", "a bit too loud".
DEGREES = _words("far way much a bit little rather just so really slightly")
# A predicate with one of these allows its subject, without asking for it: "florals are fine".
ALLOWING = phrases(
    "fine|ok|okay|alright|all right|acceptable|no problem|not a problem|also fine|fine too|"
    "ok too|okay too|fine by me|ok by me|fine now|ok now|okay now|allowed"
)
# After a "so" that says how much, not what follows: "so fast", "so over it".
SO_HOW = _words(
    "fast quickly quick easily much many badly bad often little few well long hard over done "
    "tired sick bored boring dull ugly awful grubby dirty itchy"
)
# Counted, these say too many: "I've got six striped tees", "ten brown pairs".
NUMBER_WORDS = _words("two three four five six seven eight nine ten eleven twelve dozen twenty")
# After "all", a complaint of too many: "all my jumpers are grey", "all he owns".
ALL_OF = _words("my his her our their i he she of the same")
# "white on me is a disaster": who a colour is worn by, inside its noun phrase.
ON_WHOM = _words("me him her them us you")
# A story that starts with what was done: "returned the black ones", "bought these last week".
HISTORY = _words("returned returning bought tried wore had sent was wanted planned got")
# "black I have already two": owning, after a label and a pronoun.
POSSESSING = _words("have ve got own owns has had bought")
# Openings of a story told without "I" first: "last time I bought black ...".
STORY_OPENINGS = phrases("last time|the last|in my")
