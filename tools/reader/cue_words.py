"""The reader's function words: what opens a negation, what carries it on, what ends it.

One definition each, shared by the query parser, the explanation checker and the simulated
shopper's phrasings. Words are as the parser tokenises them: case-folded, apostrophes dropped
("don't" is "dont"), a possessive "'s" dropped ("men's" is "men").
"""

from __future__ import annotations


def _cues(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(cue.split()) for cue in text.split("|"))


# Each cue rules out the labels it governs. A cue is lasting when it states taste ("I hate
# florals"), which memory keeps across visits; the others correct what is on screen ("not
# black") and hold for the session only.
LASTING_CUES = _cues(
    "die if it was|die if it|die if it is|die if it were|die if they were|"
    "nothing|hate|hates|dislike|dislikes|detest|detests|loathe|loathes|cant stand|"
    "cannot stand|not a fan of|"
    "not a big fan of|no fan of|not into|not keen on|not big on|dont like|do not like|"
    "dont really like|never wear|dont wear|do not wear|never|nothing with|nothing in|"
    "steer clear of|stay away from|avoid|allergic to|not a huge fan of|"
    "not a massive fan of|not a great fan of|not the biggest fan of|cant be doing with|"
    "cannot be doing with|cant do|keep away from|im off|gone off|gone right off|"
    "doesnt like|does not like|doesnt really like|sworn off|have sworn off|had my fill of|"
    "dont even think about|sick to death of|sick and tired of|refuses to wear|refuse to wear|"
    "refuses|refuse|refusing|refuse to buy|wont wear|away from|clear of|rather die than|"
    "none of|none of that|none of those|"
    "cant bear|cannot bear|cant abide|wouldnt be caught dead in|wouldnt be seen dead in|"
    "look awful in|look terrible in|look horrible in|look rubbish in|look bad in|"
    "ugly|hideous|awful|horrible|tacky|naff|cringe|cringey|yuck|eww|ugh|gross|worst|"
    "the ick|give me the ick|gives me the ick|never been a|never liked|never suited|regret|"
    "regretting|regretted|regrets"
)
SESSION_CUES = _cues(
    "no|nope|non|not|without|except|excluding|minus|neither|anything but|everything but|"
    "apart from|other than|besides|skip|leave out|leave off|rather not|rather avoid|no more|enough|"
    "had enough of|sick of|tired of|fed up with|bored of|done with|too much|weary of|"
    "grown weary of|grown tired of|put off|been put off|put me off|puts me off|"
    # threats: "he'd never forgive me if it had a pattern on it"
    "never forgive me if|wouldnt forgive me if|kill me if|would kill me if|disown me if|"
    "not looking for|im over|i am over|so over|not feeling|not feeling the|past the|"
    "any colour but|any color but|any shade but|any pattern but|all but|swap|swap the|"
    "switch from|replace the|"
    # exchanges and returns: what goes back is not wanted again
    "exchange|exchange the|exchange my|exchanging|exchanging the|exchanging my|swapping|"
    "swapping the|swapping my|swap my|returning the|returning my|returning both|return the|"
    "return my|sending back|sending back the|send back the|send back|sending the|"
    "taking back the|take back the|returning|"
    "not interested in|not after|too many|exclude|anything bar|"
    "pass on|hold the|ditch|ditch the|forget the|lose the|spare me|no to|isnt|arent|"
    "not with|dont want|do not want|dont need|dont fancy|dont show|dont show me|"
    "get rid of|drop the|instead of|rather than|any colour bar|any color bar|but not|nah|"
    "no way|no chance|nix|nix the|scrap|scrap the|forget|forget about|bin|bin the|veto|"
    "ban|no thank you to|no thanks to|no thanks on|changed my mind about|"
    "shouldnt|should not|wouldnt|would not|couldnt|had it with|have had it with|"
    "aint|banned|has banned|have banned|beyond|beyond the|not allowed|not allowed any more|"
    "none in|none of them in|she is off|he is off|am off|we are off|they are off|theyre off|"
    "already have|already got|already own|already owns|already has|got loads of|have loads of|"
    "has loads of|own loads of|owns loads of|got lots of|have lots of|have plenty of|"
    "got plenty of|have so many|got so many|own so many|owns so many|my wardrobe is full of|"
    "no longer allowed|scratch|scratch the|any colour going but|any color going but|"
    "anything going but|opposite of|the opposite of|switching from|moving on from|"
    "moving away from|going from|spare him|spare her|spare them|spare us|excl|not incl|"
    "anything save|everything save|any colour save|any color save|all save|barring|bar|"
    "short of|any colour short of|with the exception of|except for|vetoed|has vetoed|"
    "prohibits|prohibited|rules out|rule out|bans|forbids|forbidden|not permitted|"
    "nobody|no one|noone|"
    "dont|doesnt|didnt|do not|does not|wont|will not|cant|cannot|isnt|arent|wasnt|werent"
)
CUES = LASTING_CUES | SESSION_CUES
# Said after what they rule out ("red just doesn't suit me", "stripes are a hard no"); all state
# a taste.
POST_CUES = _cues(
    "doesnt suit|dont suit|never suits|is out|are out|out of the question|hard no|is a no|"
    "are a no|no go|no-go|washes me out|wash me out|not for me|isnt for me|arent for me|"
    "not my thing|isnt my thing|arent my thing|not my style|isnt my style|arent my style|"
    "makes me look|make me look|i can do without|off the table|is banned|are done|is done|"
    "are over|is over|are banned|hard pass|a pass|is boring|are boring|so boring|"
    "is dull|are dull|gets a no|get a no|a no from me|a bit boring|bit boring|too boring|"
    "arent working for me|isnt working for me|not working for me|arent working|isnt working|"
    "away from me|a miss|the worst|is awful|are awful|is ugly|are ugly|is tacky|are tacky|"
    "is a nightmare|are a nightmare|is a no go|are a no go|make me dizzy|makes me dizzy|"
    "make me sick|makes me sick|make me feel sick|makes me feel sick|make me ill|makes me ill|"
    "not my colour|not my color|not my colours|not my colors|isnt my colour|isnt my color|"
    "isnt me|is not me|arent me|are not me|not really me|isnt really me|are pointless|"
    "is pointless|are useless|is useless|are no good|is no good|as bad|is bad|are bad|"
    "give me a headache|gives me a headache|give me headaches|give me the creeps|"
    "gives me the creeps|a step too far|step too far|excluded|is excluded|are excluded|"
    "makes me itch|make me itch|scratch me|scratches me|irritate my skin|irritates my skin|"
    "as it is|got enough|clashes with my|clash with my|makes me look tired|make me look tired|"
    "been there|done that|dun that|been there done that|been there and done that|theyre out|"
    "its out|thats out|theyre a no|thats a no|do me no favours|does me no favours|"
    "do me no favors|does me no favors|do nothing for me|does nothing for me|forget it|"
    "forget them|forget those|not happening|never again|not a chance|is forbidden|are forbidden|"
    "didnt suit|did not suit|didnt suit me|never suited me|isnt her thing|isnt his thing|"
    "not her thing|not his thing|arent her thing|arent his thing|not their thing|"
    "is a disaster|are a disaster|disaster|a disaster|done to death|been done to death|"
    "unsuitable|is unsuitable|are unsuitable|makes him look|make him look|makes her look|"
    "make her look|makes them look|make them look|"
    "is not allowed|are not allowed|isnt allowed|arent allowed|is prohibited|are prohibited|"
    "not really my thing|not really my style|really not my thing|not really my colour|"
    "not really my color|isnt really my thing|arent really my thing|"
    # pointing back: "the ones with big writing on the front, leave them"
    "leave them|leave those|ones away|stuff away"
)
# Said after, but about this request, not the shopper's taste: "ten grey ones as it is",
# "black excluded", "white is forbidden" (at a wedding).
POST_SESSION_CUES = _cues(
    "as it is|got enough|excluded|is excluded|are excluded|is forbidden|are forbidden|"
    "is not allowed|are not allowed|isnt allowed|arent allowed|is prohibited|are prohibited|"
    "forget it|forget them|forget those|not happening|"  # "any floral ones? actually, forget it"
    "leave them|leave those|ones away|stuff away|"
    # someone else's taste: "shiny stuff isn't her thing"
    "isnt her thing|isnt his thing|not her thing|not his thing|arent her thing|"
    "arent his thing|not their thing|makes him look|make him look|makes her look|make her look|"
    "makes them look|make them look"
)
# "I look dreadful in orange", "she looks washed out in grey": a look verb, one of these, and
# "in" rule out what follows, as a stated taste.
LOOK_VERBS = frozenset("look looks looked feel feels".split())
BAD_LOOKS = frozenset(
    """
    dreadful awful terrible horrible rubbish bad ill pale sick ghastly frumpy old washed out
    drained sallow ghostly ridiculous silly huge fat wide dowdy tired
    """.split()
)
# Cues of taste or rejection that reach the whole clause they are in when nothing follows them
# directly: "never been a stripes person", "wouldn't be caught dead in anything pink". Bare
# "no"/"not" are not among them ("no, something in blue" answers a question, "I'm not sure,
# maybe black" wants black), nor adjectives ("an ugly christmas jumper in black").
CLAUSE_CUES = _cues(
    "nix|scrap|forget|the ick|give me the ick|gives me the ick|never|never been a|hate|hates|"
    "dislike|dislikes|"
    "detest|detests|loathe|loathes|cant stand|cannot stand|cant bear|cannot bear|cant abide|"
    "never wear|"
    "wouldnt be caught dead in|wouldnt be seen dead in|look awful in|look terrible in|"
    "look horrible in|look rubbish in|look bad in|never liked|never suited|sick of|tired of|"
    "weary of|grown weary of|grown tired of|put off|been put off|gone off|"
    "regret|regretting|regretted|regrets|"
    "fed up with|bored of|done with|im over|so over|gone off|sworn off|allergic to|wouldnt|"
    "shouldnt|couldnt|changed my mind about"
)
# "sick of black trousers ... any other colour": rules out the colour named before, wherever.
OTHER_COLOUR = _cues(
    "any other colour|any other color|any other shade|any other colours|any other colors|"
    "other colours|other colors|a different colour|a different color|another colour|"
    "another color|in anything else|in something else|anything else colour wise|"
    "different colour|different color|different colours|different colors|another shade|"
    "different shade"
)
# "I never say no to stripes": a double negative wants what follows.
NO_NEGATION = _cues(
    "never say no to|cant say no to|cannot say no to|always say yes to|wouldnt say no to|"
    "would not say no to|couldnt say no to|dont forget|do not forget|cant go wrong with|"
    "nothing but|never wears anything but|never wear anything but|wont wear anything but|"
    "doesnt wear anything but|dont wear anything but|never wears anything except|"
    "wont wear anything except|wears nothing but|wear nothing but|"
    # hedges, not refusals: "I wouldn't mind a green jumper", "I don't suppose you've got a
    # men's T-shirt", "not that I'm against patterns"
    "wouldnt mind|would not mind|dont suppose|do not suppose|not that i|not that im|"
    "not that its|not that id|not that we|not that theyre"
)
LONGEST_CUE = max(len(cue) for cue in CUES | POST_CUES)
# A bare "no" or "not" with nothing of its own to rule out looks back at what was just named
# ("grey ones? no thanks", "black is not good for me"), but only when what follows it in the
# clause is a verdict like these ("not too expensive" looks back at nothing).
BARE_NEGATORS = _cues(
    "no|not|nope|never|nothing|nah|no way|no chance|yuck|eww|ew|ugh|gross|naff|cringe|tacky"
)
VERDICT_WORDS = frozenset(
    """
    good great ideal nice right ok okay for me thanks thank you please my thing style cup of
    him her them us wait a bit chance thanks
    tea working work suit suits flattering at all really so very keen ta cheers way chance ever
    again
    """.split()
)
# A negated verb ("doesn't have flowers", "don't even think about showing me beige") reaches
# past a few words of any kind to what it rules out, but not into a new clause, and not when
# the verb is one of indifference ("I don't mind black", "it doesn't have to be black").
NEGATED_VERBS = _cues(
    "dont|doesnt|didnt|do not|does not|wont|will not|cant|cannot|isnt|arent|wasnt|werent|"
    "aint|doesnt like|does not like|doesnt really like|dont even think about|shouldnt|should not|"
    "nobody|no one|noone|"
    "wouldnt|would not|couldnt|never forgive me if|wouldnt forgive me if|kill me if|"
    "would kill me if|disown me if"
)
INDIFFERENT = _cues(
    "mind|care|know|matter|worry|really mind|really care|have to|has to|need to|needs to|"
    "got to|have to be|need to be|decide|choose|pick|find|wait|believe|remember|tell|"
    "get enough of|stop|go wrong with|beat|beats|say no to"
)
CLAUSE_BREAKS = frozenset(
    "but so just because cause as though although if when while which who until".split()
)
# "heels please... no wait, flats": a label before one of these, and one of the same kind
# after it, takes the first back.
CORRECTIONS = _cues(
    "no wait|wait no|actually|on second thought|on second thoughts|scratch that|or rather|"
    "i mean|make that|change that to|sorry i meant|scrap that|wait scrap that|forget that|"
    "sorry|i meant|switching to|switch to|moving to|"
    # "same as that blue blouse but in white": the colour after replaces the one before
    "but in"
)
# Whose taste a cue states, when it is not the shopper's own ("my dad hates stripes").
OTHER_PEOPLE = frozenset(
    """
    he she they hes shes theyre him her his their dad mum mom father mother husband wife son
    daughter brother sister boyfriend girlfriend partner friend grandad grandma nan kid kids
    """.split()
)
# Said straight after a label, these rule it out: "lace-free", "print-free".
ADJACENT_POST_CUES = frozenset({"free"})

# Inside a negation's scope: "or" and "nor" carry it to any next label, "and" and a comma only
# to another label of the same kind ("no stripes or black" vs "no stripes, a black dress").
ANY_KIND_JOINS = frozenset({"or", "nor", "/"})
SAME_KIND_JOINS = frozenset({"and", ","})
# Words a scope may pass over, before or between the labels it rules out ("leave out the grey
# ones", "anything black", "any shade apart from").
SCOPE_FILLERS = frozenset(
    """
    a an the any anything with in of more too really that those these ones one colour colours
    color colors shade shades kind kinds sort type stuff things items clothes all much so very
    like to see wear wearing already either for on finish look looks please have having both
    just at me are is be big huge little small bright loud bold busy absolutely definitely
    totally tbh honestly this time another even anymore usual typical same old loads lots plenty
    tons heaps my your his her our their got it era phase days vibe from made also them either
    store shop entirely quite rather wholly totally utterly pair pairs last
    """.split()
)
# Punctuation the tokenizer keeps: a label phrase never spans it, and a sentence end closes
# every scope. A spaced dash reads as ";".
PUNCTUATION = frozenset({",", ".", ";", ":", "!", "?"})
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})

# Phrases that sound like labels but name none: "the dress code", "a black tie event".
# "Suit" as a verb too: "navy would suit him", "a colour that suits me".
NOT_LABELS = frozenset(
    tuple(p.split())
    for p in (
        "as long|so long|"  # "as long as it isn't grey" asks for no length
        "over the top|"  # "less over the top than the sequin one" asks for no top
        # money, not a fit: "my budget is tight"
        "budget is tight|money is tight|tight on money|tight on cash|tight budget|budget tight|"
        "money tight|"
        # "if there is one" is no one-year-old
        "there is|there are|it is|that is|this is|which is|"
        # "I'm pale as anything" is the shopper's skin, not a colour asked for
        "im pale|am pale|shes pale|hes pale|so pale|very pale|quite pale|pale skin|"
        "pale skinned|pale as|look pale|looks pale|"
        "dress code|black tie|white tie|dress up|dressed up|dressing up|dress down|would suit|"
        "will suit|could suit|might suit|should suit|really suit|really suits|to suit|suit me|"
        "suit him|suit her|suit them|suit you|suit us|suits me|suits him|suits her|suits them|"
        "suits you|that suit|that suits|it suits|doesnt suit|dont suit|never suits|"
        # how something makes them look, not a cut asked for: "stripes make me look wide"
        "look wide|looks wide|look wider|look big|look bigger|look fat|look short|look shorter|"
        "look tall|look taller|look old|look older|look long|look boxy|"
        # the person, not the tote bag: "their shopper id", "as a shopper"
        "shopper id|shopper ids|shopper account|shopper name|shopper number|as a shopper|"
        "other shoppers|fellow shoppers|a regular shopper|online shopper|personal shopper"
    ).split("|")
)
# Words for "some pattern or other": ruled out, they mean plain (Solid); after a named pattern
# ("check pattern", "floral prints") they add nothing.
# "nothing too busy", "no loud prints": nothing patterned, whatever else is named with it
BUSY = frozenset({"busy", "loud"})
GENERIC_PATTERN = frozenset(
    "pattern patterns patterned print prints printed motif motifs design designs busy".split()
) | {f"{a} {b}" for a in BUSY for b in ("print", "prints", "pattern", "patterns")}
# Said as a want, these two mean an all-over pattern; the nouns alone mean nothing.
PATTERNED = frozenset({"patterned", "printed"})
# Garment words that also say a pattern: ruled out, they rule out the pattern, not the kind
# ("trousers, just not jeans"); wanted, they want both.
IMPLIED_PATTERN = {"jeans": "Denim", "jean": "Denim", "denims": "Denim"}

# Conversation, not a need: a message made only of these ("just show me", "thanks, cheaper
# ones") never sends the reader to the LLM for garment ideas.
CHATTER = frozenset(
    """
    just show anything fine whatever thanks thank yes yeah yep sure okay hello hey hiya more
    other else these cheaper similar mind care matter prefer maybe love great perfect cool
    first second third fourth fifth sixth last next again instead still also actually what
    about how which where when does have has can could would should try lets see give get got
    find looking look want need after buy buying shop shopping today now then there here one
    ones them those this that any some something someone stuff thing things item items clothes
    clothing outfit outfits wear wearing style nice new good lovely pretty smart casual colour
    color pattern size price budget ideally probably guess think id go rather prefer preferably
    fancy quite bit lot ok okay fine great yeah yep hmm you your yours we our they it its ive
    youre whats hows how are was were will would can could should hi hiya morning evening
    gimme lemme wanna gonna gotta pls plz please tho though kinda sorta
    """.split()
)


# How a shopper points at a shown item by place ("the second one"), in order.
ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def ordinal_words() -> dict[str, int]:
    """Each ordinal word and its short form ("2nd") with the position it names, from 0."""
    suffixes = {1: "st", 2: "nd", 3: "rd"}
    return {
        word: n
        for n, name in enumerate(ORDINALS)
        for word in (name, f"{n + 1}{suffixes.get(n + 1, 'th')}")
    }
