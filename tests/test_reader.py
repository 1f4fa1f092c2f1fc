"""The reader on the H&M sample's own labels: every negation cue, its scope, "or" as any-of,
plain as Solid, everyday words, switching garments, price words and occasions. No model is
loaded: these are the deterministic rules that search, chat and the tools share."""

from __future__ import annotations

import pytest

from fitroom.tools.reader.cue_words import CUES, LASTING_CUES, POST_CUES, POST_SESSION_CUES
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.reader.reading import ParsedQuery
from fitroom.tools.retrieval.vocabulary import Vocabulary

# A slice of the H&M sample's vocabulary, spelled as items.csv spells it.
VOCAB = Vocabulary(
    values={
        "gender": ["Kids", "Men", "Women"],
        "article_type": [
            "Blouse",
            "Coat",
            "Dress",
            "Hoodie",
            "Jacket",
            "Leggings/Tights",
            "Scarf",
            "Shirt",
            "Shorts",
            "Skirt",
            "Sweater",
            "T-shirt",
            "Top",
            "Trousers",
            "Underwear Tights",
            "Vest top",
            "Sneakers",
            "Boots",
            "Gloves",
            "Hat/beanie",
            "Bikini top",
            "Blazer",
        ],
        "colour_master": ["Beige", "Black", "Blue", "Grey", "Khaki green", "Pink", "White"],
        "colour": ["Black", "Dark Blue", "Light Blue", "Off White", "White"],
        "pattern": [
            "All over pattern",
            "Check",
            "Denim",
            "Dot",
            "Front print",
            "Glittering/Metallic",
            "Melange",
            "Metallic",
            "Solid",
            "Stripe",
        ],
    },
    price_cuts={"Dress": [0.02, 0.04], "Coat": [0.05, 0.08], "*": [0.015, 0.03]},
)
READ = QueryParser(VOCAB)


def reader_with(more: dict[str, list[str]]) -> QueryParser:
    """The test reader over VOCAB and `more` labels."""
    values = {k: [*v, *more.get(k, [])] for k, v in VOCAB.values.items()}
    return QueryParser(Vocabulary(values=values, price_cuts=VOCAB.price_cuts))


def reads_as(
    parsed: ParsedQuery, wanted: dict[str, list[str]], ruled_out: dict[str, list[str]]
) -> None:
    """`parsed` wants and rules out these labels, among the attributes they name."""
    assert {k: v for k, v in _wants(parsed).items() if k in wanted} == wanted
    assert {k: v for k, v in _rules_out(parsed).items() if k in ruled_out} == ruled_out


def _wants(parsed: ParsedQuery) -> dict[str, list[str]]:
    return parsed.filters.include


def _rules_out(parsed: ParsedQuery) -> dict[str, list[str]]:
    return {k: v for k, v in parsed.filters.exclude.items() if k != "colour"}


# One sentence per cue, none of them the dev set's: each must rule stripes out, and only that.
CUE_SENTENCES = {
    "weary of": "a top, I'm weary of stripes",
    "grown weary of": "a top; I have grown weary of stripes",
    "grown tired of": "I've grown tired of stripes, a top",
    "die if it was": "she would die if it was striped, a top",
    "die if it": "a top; I would die if it's striped",
    "die if it is": "she would die if it is striped, a top",
    "die if it were": "he would die if it were striped, a top",
    "die if they were": "my twins would die if they were striped, a top",
    "no": "a top, no stripes",
    "nope": "a top. nope to stripes",
    "not": "a top but not striped",
    "nothing": "a top, nothing striped",
    "without": "a top without stripes",
    "except": "tops, any pattern except stripes",
    "excluding": "tops excluding stripes",
    "minus": "a top minus the stripes",
    "neither": "a top that is neither striped",
    "anything but": "anything but stripes for a top",
    "everything but": "everything but stripes, as a top",
    "apart from": "a top in any pattern apart from stripes",
    "other than": "tops other than striped ones",
    "besides": "a top, any pattern besides stripes",
    "skip": "skip the stripes, I want a top",
    "leave out": "leave out the striped ones, a top",
    "leave off": "leave off the stripes this time, a top",
    "rules out": "a top; the dress code rules out stripes",
    "rule out": "rule out stripes, a top please",
    "bans": "my school bans stripes, so a top",
    "exchange": "can I exchange stripes for a plain top",
    "exchange the": "exchange the striped top for a plain top",
    "exchange my": "I'd like to exchange my striped top for a plain top",
    "exchanging": "exchanging stripes, a top in one colour",
    "exchanging the": "exchanging the striped top for a plain top",
    "exchanging my": "exchanging my striped top, need a plain top",
    "swapping": "swapping stripes for a plain top",
    "swapping the": "swapping the striped one for a plain top",
    "swapping my": "swapping my striped top for a plain top",
    "swap my": "swap my striped top for a plain top",
    "returning the": "returning the striped top, a plain top instead",
    "returning my": "returning my striped top, a plain top instead",
    "returning both": "returning both striped tops, a plain top instead",
    "returning": "returning stripes, show me a plain top",
    "return the": "I want to return the striped top, a plain top instead",
    "return my": "return my striped top, a plain top instead",
    "sending back": "sending back stripes, a plain top please",
    "sending back the": "sending back the striped top, a plain top please",
    "send back the": "I'll send back the striped top, a plain top please",
    "send back": "send back stripes, a plain top please",
    "sending the": "sending the striped top back, a plain top please",
    "taking back the": "taking back the striped top, a plain top please",
    "take back the": "please take back the striped top, a plain top instead",
    "rather not": "I'd rather not have stripes, a top",
    "rather avoid": "I'd rather avoid stripes, a top",
    "no more": "no more stripes, a top",
    "enough": "enough stripes already, a top",
    "had enough of": "I've had enough of stripes, a top",
    "sick of": "sick of stripes, a top",
    "tired of": "tired of stripes. a top",
    "fed up with": "fed up with stripes, a top",
    "bored of": "bored of stripes, a top",
    "done with": "done with stripes, a top",
    "isnt": "a top that isn't striped",
    "arent": "tops that aren't striped",
    "not with": "a top, not with stripes",
    "dont want": "I don't want stripes, a top",
    "do not want": "I do not want stripes, a top",
    "dont need": "don't need stripes, a top",
    "dont fancy": "I don't fancy stripes, a top",
    "dont show": "don't show stripes, a top",
    "dont show me": "don't show me stripes, a top",
    "get rid of": "get rid of the stripes, a top",
    "drop the": "drop the stripes, a top",
    "instead of": "a plain-ish top instead of stripes",
    "but not": "a top but not stripes",
    "hate": "I hate stripes, a top",
    "hates": "she hates stripes, a top for her",
    "dislike": "I dislike stripes, a top",
    "dislikes": "my wife dislikes stripes, a top",
    "detest": "I detest stripes, a top",
    "loathe": "I loathe stripes, a top",
    "cant stand": "I can't stand stripes, a top",
    "cannot stand": "I cannot stand stripes, a top",
    "not a fan of": "not a fan of stripes, a top",
    "not a big fan of": "I'm not a big fan of stripes, a top",
    "no fan of": "I'm no fan of stripes, a top",
    "not into": "I'm not into stripes, a top",
    "not keen on": "not keen on stripes, a top",
    "not big on": "not big on stripes, a top",
    "dont like": "I don't like stripes, a top",
    "do not like": "I do not like stripes, a top",
    "dont really like": "I don't really like stripes, a top",
    "never wear": "I never wear stripes, a top",
    "dont wear": "I don't wear stripes, a top",
    "do not wear": "I do not wear stripes, a top",
    "never": "never stripes for me, a top",
    "nothing with": "a top, nothing with stripes",
    "nothing in": "a top, nothing in stripes",
    "steer clear of": "steer clear of stripes, a top",
    "stay away from": "stay away from stripes, a top",
    "avoid": "a top, avoid stripes",
    "allergic to": "I'm allergic to stripes, a top",
    "not a huge fan of": "not a huge fan of stripes, a top",
    "not a massive fan of": "not a massive fan of stripes. top?",
    "not a great fan of": "I'm not a great fan of stripes, a top",
    "not the biggest fan of": "not the biggest fan of stripes, a top",
    "cant be doing with": "can't be doing with stripes, a top",
    "cannot be doing with": "I cannot be doing with stripes, a top",
    "cant do": "I can't do stripes, a top",
    "keep away from": "a top, keep away from stripes",
    "im off": "I'm off stripes at the moment, a top",
    "gone off": "I've gone off stripes, a top",
    "gone right off": "I've gone right off stripes, a top",
    "too much": "I own too much stripes, a top",
    "too many": "too many stripes in my wardrobe; a top",
    "exclude": "a top - exclude stripes",
    "anything bar": "a top, anything bar stripes",
    "pass on": "I'll pass on stripes, a top",
    "hold the": "a top, hold the stripes",
    "ditch": "ditch stripes, a top",
    "ditch the": "ditch the stripes, a top",
    "forget the": "forget the stripes, a top",
    "lose the": "lose the stripes, a top",
    "spare me": "spare me the stripes, a top",
    "no to": "no to stripes, a top",
    "non": "a non-striped top",
    "sick to death of": "sick to death of stripes, a top",
    "sick and tired of": "I'm sick and tired of stripes, a top",
    "refuses to wear": "a top for me; refuses to wear stripes",
    "refuse to wear": "I refuse to wear stripes, a top",
    "refuses": "a top. refuses stripes",
    "refuse": "a top; I refuse stripes",
    "refusing": "a top, refusing stripes",
    "refuse to buy": "I refuse to buy stripes. a top",
    "excl": "top excl. stripes",
    "anything save": "a top in anything save stripes",
    "everything save": "everything save stripes, a top",
    "any colour save": "a top in any colour save stripes",
    "any color save": "a top, any color save stripes",
    "all save": "all save stripes. a top",
    "barring": "a top, barring stripes",
    "bar": "any top bar stripes",
    "short of": "a top, anything short of stripes",
    "any colour short of": "a top in any colour short of stripes",
    "with the exception of": "a top with the exception of stripes",
    "except for": "a top except for stripes",
    "vetoed": "a top; she vetoed stripes",
    "has vetoed": "a top, my mum has vetoed stripes",
    "prohibits": "a top, the code prohibits stripes",
    "prohibited": "a top; prohibited: stripes",
    "forbids": "a top; school forbids stripes",
    "forbidden": "a top, forbidden stripes",
    "not permitted": "a top, not permitted stripes",
    "nobody": "a top; nobody wears stripes",
    "no one": "a top. no one wants stripes",
    "noone": "noone likes stripes, a top",
    "not incl": "top, not incl stripes",
    "wont wear": "I wont wear stripes, a top",
    "away from": "a top, but steer me away from stripes",
    "rather than": "a plain top rather than stripes",
    "clear of": "a top, but steer well clear of stripes",
    "rather die than": "a top, I'd rather die than wear stripes",
    "none of": "a top, none of the stripes",
    "none of that": "a top but none of that striped stuff",
    "none of those": "a top, none of those stripes",
    "any colour bar": "a top in any colour bar stripes",
    "any color bar": "a top in any color bar stripes",
    "not looking for": "I'm not looking for stripes, a top",
    "not interested in": "not interested in stripes, a top",
    "not after": "not after stripes, a top",
    "im over": "I'm over stripes tbh, a top",
    "i am over": "I am over stripes, a top",
    "so over": "so over stripes, a top",
    "not feeling": "not feeling stripes today, a top",
    "not feeling the": "not feeling the stripes, a top",
    "past the": "she's past the stripes phase, a top",
    "any colour but": "a top in any colour but stripes",
    "any color but": "a top, any color but stripes",
    "any shade but": "a top in any shade but stripes",
    "any pattern but": "a top with any pattern but stripes",
    "all but": "all but stripes, a top",
    "swap": "swap stripes for a top",
    "swap the": "swap the stripes for a top",
    "switch from": "switch from stripes to a top",
    "opposite of": "a top, the very opposite of stripes",
    "the opposite of": "a top that is the opposite of stripes",
    "switching from": "switching from stripes to a top",
    "moving on from": "moving on from stripes, a top",
    "moving away from": "a top; moving away from stripes",
    "going from": "going from stripes to a plain top",
    "spare him": "a top for my dad, but spare him the stripes",
    "spare her": "spare her the stripes, a top",
    "spare them": "a top; spare them stripes",
    "spare us": "spare us the stripes. a top",
    "replace the": "replace the stripes with a top",
    "nah": "a top. nah to stripes",
    "no way": "a top, no way stripes",
    "no chance": "a top, no chance on stripes",
    "dont": "I don't do stripes, a top",
    "doesnt": "a top that doesn't have stripes",
    "didnt": "a top; didn't want stripes",
    "do not": "a top. do not show stripes",
    "does not": "a top that does not have stripes on it",
    "wont": "I won't have stripes, a top",
    "will not": "I will not wear stripes, a top",
    "cant": "I can't wear stripes, a top",
    "cannot": "I cannot wear stripes, a top",
    "wasnt": "a top, wasnt asking for stripes",
    "werent": "tops that werent striped",
    "doesnt like": "she doesn't like stripes, a top",
    "does not like": "he does not like stripes, a top",
    "doesnt really like": "she doesn't really like stripes, a top",
    "sworn off": "I've sworn off stripes, a top",
    "have sworn off": "I have sworn off stripes, a top",
    "had my fill of": "I've had my fill of stripes, a top",
    "dont even think about": "don't even think about showing me stripes, a top",
    "cant bear": "I can't bear stripes, a top",
    "cannot bear": "I cannot bear stripes, a top",
    "cant abide": "can't abide stripes, a top",
    "wouldnt be caught dead in": "I wouldn't be caught dead in stripes. a top",
    "wouldnt be seen dead in": "wouldn't be seen dead in anything striped. a top",
    "look awful in": "I look awful in stripes, a top",
    "look terrible in": "I look terrible in stripes, a top",
    "look horrible in": "I look horrible in stripes, a top",
    "look rubbish in": "I look rubbish in stripes, a top",
    "look bad in": "I look bad in stripes. a top",
    "ugly": "a top. ugly stripes everywhere",
    "hideous": "a top. hideous stripes on all of them",
    "awful": "a top; awful stripes last time",
    "horrible": "a top, horrible striped ones last time",
    "tacky": "a top. tacky stripes, honestly",
    "naff": "a top. naff stripes again",
    "cringe": "a top. cringe stripes",
    "cringey": "a top. cringey stripes everywhere",
    "yuck": "a top. yuck stripes",
    "eww": "a top. eww stripes",
    "ugh": "a top. ugh stripes",
    "gross": "a top. gross stripes",
    "worst": "a top. worst of all are stripes",
    "the ick": "a top. stripes are the ick",
    "give me the ick": "stripes give me the ick. a top",
    "gives me the ick": "a top. anything striped gives me the ick",
    "never been a": "a top. never been a stripes person",
    "never liked": "never liked stripes, a top",
    "never suited": "stripes never suited me, a top",
    "nix": "a top, nix stripes",
    "nix the": "a top, nix the stripes",
    "scrap": "a top. scrap stripes",
    "scrap the": "scrap the stripes, a top",
    "forget": "a top. forget stripes",
    "forget about": "a top. forget about stripes",
    "bin": "a top. bin the striped",
    "bin the": "bin the stripes, a top",
    "veto": "a top. veto on stripes",
    "ban": "a top. ban stripes",
    "no thank you to": "a top. no thank you to stripes",
    "no thanks to": "a top, no thanks to stripes",
    "no thanks on": "a top, no thanks on stripes",
    "changed my mind about": "a top. changed my mind about stripes",
    "shouldnt": "a top that shouldn't have stripes",
    "should not": "a top that should not be striped",
    "wouldnt": "a top. I wouldn't wear stripes",
    "would not": "a top; would not wear stripes",
    "couldnt": "a top, I couldn't wear stripes",
    "had it with": "a top, I've had it with stripes",
    "have had it with": "a top. I have had it with stripes",
    "aint": "a top that aint striped",
    "banned": "a top; she banned stripes",
    "has banned": "a top. my boss has banned stripes",
    "have banned": "a top, they have banned stripes",
    "beyond": "a top, what have you got beyond stripes?",
    "beyond the": "a top in anything beyond the stripes",
    "not allowed": "a top. I'm not allowed stripes",
    "not allowed any more": "a top, not allowed any more stripes",
    "no longer allowed": "a top. no longer allowed stripes at work",
    "scratch": "a top. scratch stripes",
    "scratch the": "scratch the stripes, a top",
    "any colour going but": "a top, any colour going but stripes",
    "any color going but": "a top in any color going but stripes",
    "anything going but": "a top, anything going but stripes",
    "none in": "tops, none in stripes",
    "none of them in": "tops, none of them in stripes",
    "she is off": "a top for her. she's off stripes",
    "he is off": "a top for him, he is off stripes",
    "am off": "a top, I am off stripes",
    "we are off": "a top; we are off stripes",
    "they are off": "tops, they are off stripes",
    "theyre off": "a top. they're off stripes",
    "already have": "a top, I already have stripes",
    "already got": "a top; already got stripes",
    "already own": "a top. I already own stripes",
    "already owns": "a top for him, he already owns stripes",
    "already has": "a top for her, she already has stripes",
    "got loads of": "a top. I've got loads of stripes",
    "have loads of": "a top, I have loads of stripes",
    "has loads of": "a top for her. she has loads of stripes",
    "own loads of": "a top; I own loads of stripes",
    "owns loads of": "a top. he owns loads of stripes",
    "got lots of": "a top, got lots of stripes",
    "have lots of": "a top. I have lots of striped ones",
    "have plenty of": "a top, I have plenty of stripes",
    "got plenty of": "a top; got plenty of stripes",
    "have so many": "a top, I have so many stripes",
    "got so many": "a top. I've got so many stripes",
    "own so many": "a top; I own so many stripes",
    "owns so many": "a top for her, she owns so many stripes",
    "my wardrobe is full of": "a top. my wardrobe is full of stripes",
    "regret": "a top; I regret stripes",
    "regretting": "a top. I keep buying stripes and regretting it",
    "regretted": "a top. always regretted stripes",
    "regrets": "she regrets stripes, a top for her",
    "put off": "a top, I'm well put off stripes",
    "loathes": "she loathes stripes, a top for her",
    "detests": "he detests stripes; a top for him",
    "put me off": "a top; that wedding put me off stripes for good",
    "puts me off": "a top. the prison look puts me off stripes",
    "been put off": "a top. I've been put off stripes for life",
    "never forgive me if": "a top for him, he'd never forgive me if it had stripes",
    "wouldnt forgive me if": "a top for her, she wouldn't forgive me if it had stripes",
    "kill me if": "a top for him. he'll kill me if it has stripes",
    "would kill me if": "a top for her, she would kill me if it was stripes",
    "disown me if": "a top for her, she'd disown me if it had stripes",
}


def test_every_cue_has_a_sentence() -> None:
    assert {" ".join(c) for c in CUES} == set(CUE_SENTENCES)
    assert {" ".join(c) for c in POST_CUES} == set(POST_CUE_SENTENCES)


# Cues said after what they rule out; each states a taste.
POST_CUE_SENTENCES = {
    "doesnt suit": "stripes just doesn't suit me, a top",
    "dont suit": "stripes don't suit me. a top",
    "never suits": "a top; stripes never suits me",
    "is out": "a top, stripes is out",
    "are out": "stripes are out, a top",
    "out of the question": "stripes are out of the question - a top",
    "hard no": "a top. stripes are a hard no",
    "is a no": "a top. stripes is a no",
    "are a no": "stripes are a no for me, a top",
    "no go": "stripes are a no go, a top",
    "no-go": "stripes are a no-go; a top",
    "washes me out": "a top, but stripes washes me out",
    "wash me out": "stripes wash me out, a top",
    "not for me": "stripes are not for me, a top",
    "isnt for me": "stripes isn't for me, a top",
    "arent for me": "stripes aren't for me, a top",
    "not my thing": "stripes, not my thing. a top",
    "isnt my thing": "stripes isn't my thing, a top",
    "arent my thing": "stripes aren't my thing, a top",
    "not my style": "stripes not my style, a top",
    "isnt my style": "stripes isn't my style. top",
    "arent my style": "a top - stripes aren't my style",
    "makes me look": "a top; stripes makes me look wide",
    "make me look": "stripes make me look wide, a top",
    "i can do without": "stripes I can do without, a top",
    "off the table": "stripes are off the table, a top",
    "is banned": "stripes is banned. a top",
    "are banned": "a top; stripes are banned",
    "are done": "stripes are done, a top",
    "is done": "stripes is done, a top",
    "are over": "stripes are over, a top",
    "is over": "stripes is over, a top",
    "hard pass": "stripes are a hard pass. a top",
    "a pass": "stripes are a pass from me. a top",
    # (and read on when nothing came before: "hard pass on stripes")
    "is boring": "a top; stripes is boring",
    "are boring": "stripes are boring, a top",
    "so boring": "stripes so boring, a top",
    "is dull": "stripes is dull, a top",
    "are dull": "stripes are dull, a top",
    "gets a no": "stripes gets a no, a top",
    "get a no": "stripes get a no, a top",
    "a no from me": "stripes are a no from me, a top",
    "a bit boring": "stripes are a bit boring, a top",
    "bit boring": "stripes bit boring tbh, a top",
    "too boring": "stripes too boring, a top",
    "arent working for me": "stripes aren't working for me, a top",
    "isnt working for me": "stripes isn't working for me, a top",
    "not working for me": "stripes not working for me, a top",
    "arent working": "stripes aren't working, a top",
    "isnt working": "stripes isn't working, a top",
    "away from me": "a top, and keep stripes away from me",
    "a miss": "I'll give stripes a miss, a top",
    "the worst": "a top. stripes are the worst",
    "is awful": "a top; stripes is awful",
    "are awful": "stripes are awful, a top",
    "is ugly": "a top, stripes is ugly",
    "are ugly": "stripes are ugly, a top",
    "is tacky": "a top. stripes is tacky",
    "are tacky": "stripes are tacky. a top",
    "is a nightmare": "a top. stripes is a nightmare",
    "are a nightmare": "stripes are a nightmare, a top",
    "is a no go": "a top, stripes is a no go",
    "are a no go": "stripes are a no go for me, a top",
    "make me dizzy": "stripes make me dizzy, a top",
    "makes me dizzy": "a top. anything striped makes me dizzy",
    "make me sick": "stripes make me sick, a top",
    "makes me sick": "a top, stripes makes me sick",
    "make me feel sick": "stripes make me feel sick. a top",
    "makes me feel sick": "a top; stripes makes me feel sick",
    "make me ill": "stripes make me ill, a top",
    "makes me ill": "a top, stripes makes me ill",
    "not my colour": "a top. stripes not my colour",
    "not my color": "a top. stripes, not my color",
    "not my colours": "stripes are so not my colours, a top",
    "not my colors": "stripes are not my colors, a top",
    "isnt my colour": "a top; stripes isn't my colour",
    "isnt my color": "stripes isnt my color. a top",
    "isnt me": "stripes just isn't me. a top",
    "is not me": "a top; stripes is not me",
    "arent me": "stripes aren't me, a top",
    "are not me": "a top. stripes are not me",
    "not really me": "stripes, not really me. a top",
    "isnt really me": "a top. stripes isnt really me",
    "are pointless": "a top. stripes are pointless",
    "is pointless": "stripes is pointless, a top",
    "are useless": "stripes are useless, a top",
    "is useless": "a top; stripes is useless",
    "are no good": "stripes are no good. a top",
    "is no good": "a top, stripes is no good",
    "as bad": "a top. stripes are just as bad",
    "is bad": "a top. stripes is bad",
    "are bad": "stripes are bad, a top",
    "give me a headache": "stripes give me a headache. a top",
    "gives me a headache": "a top. stripes gives me a headache",
    "give me headaches": "stripes give me headaches, a top",
    "give me the creeps": "stripes give me the creeps, a top",
    "gives me the creeps": "a top; stripes gives me the creeps",
    "a step too far": "a top. stripes are a step too far",
    "excluded": "a top, stripes excluded",
    "is excluded": "a top; stripes is excluded",
    "are excluded": "stripes are excluded, a top",
    "makes me itch": "a top. stripes makes me itch",
    "make me itch": "stripes make me itch, a top",
    "scratch me": "stripes scratch me, a top",
    "scratches me": "a top, stripes scratches me",
    "irritate my skin": "stripes irritate my skin, a top",
    "irritates my skin": "a top. stripes irritates my skin",
    "clashes with my": "a top, stripes clashes with my hair",
    "clash with my": "stripes clash with my hair, a top",
    "makes me look tired": "a top. stripes makes me look tired",
    "make me look tired": "stripes make me look tired, a top",
    "as it is": "a top. I own ten striped ones as it is",
    "got enough": "a top. stripes, got enough",
    "step too far": "stripes, step too far. a top",
    "been there": "a top. stripes? been there",
    "done that": "stripes? done that. a top",
    "dun that": "a top. stripes, dun that",
    "been there done that": "stripes, been there done that. a top",
    "been there and done that": "a top; stripes? been there and done that",
    "theyre out": "a top. stripes, they're out",
    "its out": "stripes? it's out. a top",
    "thats out": "a top; stripes, that's out",
    "theyre a no": "stripes, they're a no. a top",
    "thats a no": "a top. stripes? that's a no",
    "do me no favours": "a top; stripes do me no favours",
    "does me no favours": "stripes does me no favours, a top",
    "do me no favors": "a top. stripes do me no favors",
    "does me no favors": "stripes does me no favors. a top",
    "do nothing for me": "a top, stripes do nothing for me",
    "does nothing for me": "stripes does nothing for me, a top",
    "didnt suit": "a top. tried the striped ones, didn't suit",
    "did not suit": "stripes did not suit, a top",
    "didnt suit me": "a top, stripes didn't suit me",
    "never suited me": "stripes never suited me. a top",
    "isnt her thing": "a top for mum, stripes isn't her thing",
    "isnt his thing": "stripes isn't his thing, a top for dad",
    "not her thing": "a top for her; stripes, not her thing",
    "not his thing": "stripes? not his thing. a top for him",
    "arent her thing": "stripes aren't her thing, a top for my sister",
    "arent his thing": "a top for my son, stripes aren't his thing",
    "not their thing": "stripes, not their thing. a top for the kids",
    "is a disaster": "a top, stripes is a disaster on me",
    "are a disaster": "stripes are a disaster, a top",
    "disaster": "a top; stripes = disaster",
    "a disaster": "stripes, a disaster. a top",
    "done to death": "a top; stripes done to death",
    "been done to death": "stripes have been done to death, a top",
    "unsuitable": "a top for work, stripes unsuitable",
    "is unsuitable": "stripes is unsuitable for the office. a top",
    "are unsuitable": "a top, stripes are unsuitable",
    "makes him look": "stripes makes him look wide, a top for me",
    "make him look": "a top; stripes make him look short",
    "makes her look": "stripes makes her look tired. a top for me",
    "make her look": "a top, stripes make her look wide",
    "makes them look": "stripes makes them look odd, a top",
    "make them look": "a top. stripes make them look busy",
    "forget it": "anything with stripes on it, forget it. a top",
    "forget them": "a top. stripes, forget them",
    "forget those": "stripes? forget those. a top",
    "not happening": "a top, stripes? not happening",
    "never again": "striped tops? never again. a plain top",
    "not a chance": "a top. stripes, not a chance",
    "is forbidden": "a top for school, stripes is forbidden",
    "are forbidden": "stripes are forbidden at work, a top",
    "is not allowed": "a top; stripes is not allowed",
    "are not allowed": "stripes are not allowed in his school. a top",
    "isnt allowed": "a top, stripes isn't allowed",
    "arent allowed": "stripes aren't allowed, a top",
    "is prohibited": "a top. stripes is prohibited",
    "are prohibited": "stripes are prohibited at the office, a top",
    "not really my thing": "a top, stripes r not really my thing",
    "not really my style": "stripes, not really my style. a top",
    "really not my thing": "a top; stripes are really not my thing",
    "not really my colour": "a top, but stripes are not really my colour",
    "not really my color": "stripes? not really my color. a top",
    "isnt really my thing": "stripes isn't really my thing, a top",
    "arent really my thing": "a top. stripes aren't really my thing",
    "leave them": "a top, but the ones with stripes, leave them",
    "leave those": "a top. stripes? I beg leave those",
    "ones away": "a top, and keep the striped ones away",
    "stuff away": "a top; keep the stripy stuff away",
}


@pytest.mark.parametrize(
    "text",
    [
        "tops? yes. stripes? no thanks",
        "a top. anything striped?? absolutely not",
        "stripes are not good for me, a top",
        "a top, stripes? nope",
        "a top. stripes? hard pass",
        "hard pass on stripes, a top",
        "a lace-free top without stripes",
        "a stripe-free top",
    ],
)
def test_a_bare_no_after_a_label_rules_it_out(text: str) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed)["pattern"][-1] == "Stripe"
    assert _wants(parsed).get("article_type") == ["Top"]


@pytest.mark.parametrize(
    "text",
    [
        "a coat, not too expensive",
        "not sure, maybe a coat",
        "no, a coat please",
        "I don't mind stripes, a coat",
        "it doesn't have to be striped, a coat",
        "I don't know yet but a striped coat",
    ],
)
def test_a_bare_no_before_other_words_rules_nothing_out(text: str) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == {} and _wants(parsed)["article_type"] == ["Coat"]


@pytest.mark.parametrize(
    ("text", "wanted", "ruled_out"),
    [
        ("heels please... no wait, boots", "Boots", "Heels"),
        ("was going to get a skirt but actually trousers", "Trousers", "Skirt"),
        ("sandals? nah, boots", "Boots", "Sandals"),
        ("a coat, on second thoughts a jacket", "Jacket", "Coat"),
    ],
)
def test_a_self_correction_takes_the_first_garment_back(
    text: str, wanted: str, ruled_out: str
) -> None:
    vocab = VOCAB.model_copy(deep=True)
    vocab.values["article_type"] += ["Heels", "Sandals"]
    parsed = QueryParser(vocab).parse(text)
    assert _wants(parsed)["article_type"] == [wanted]
    assert _rules_out(parsed) == {"article_type": [ruled_out]}


def test_a_modifier_asked_about_is_what_a_later_no_rules_out() -> None:
    parsed = READ.parse("do I want patterned trousers? no. plain ones please")
    assert _wants(parsed) == {"article_type": ["Trousers"], "pattern": ["Solid"]}


@pytest.mark.parametrize(("cue", "text"), sorted(POST_CUE_SENTENCES.items()))
def test_a_cue_said_after_rules_out_what_came_before(cue: str, text: str) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == {"pattern": ["Stripe"]}
    assert _wants(parsed).get("article_type") == ["Top"]
    lasting = cue not in {" ".join(c) for c in POST_SESSION_CUES}
    assert {m.lasting for m in parsed.matches if m.label == "Stripe"} == {lasting}


def test_a_cue_after_a_garment_with_a_pattern_rules_out_the_pattern_only() -> None:
    parsed = READ.parse("dresses with dots are a hard no for me")
    assert (_wants(parsed), _rules_out(parsed)) == (
        {"article_type": ["Dress"]},
        {"pattern": ["Dot"]},
    )


@pytest.mark.parametrize(("cue", "text"), sorted(CUE_SENTENCES.items()))
def test_each_negation_cue_rules_out_what_it_governs(cue: str, text: str) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == {"pattern": ["Stripe"]}
    assert _wants(parsed).get("article_type") == ["Top"]
    assert "Stripe" not in _wants(parsed).get("pattern", [])
    lasting = {m.lasting for m in parsed.matches if m.label == "Stripe"}
    # Someone else's taste ("she hates stripes") is for this request, not the shopper's memory.
    mine = not text.startswith(("she ", "he ", "my "))
    assert lasting == {tuple(cue.split()) in LASTING_CUES and mine}


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("nothing with stripes or dots", ["Stripe", "Dot"]),
        ("no stripes, dots or checks", ["Stripe", "Dot", "Check"]),
        ("neither denim nor striped", ["Denim", "Stripe"]),
        ("not striped and not dotted", ["Stripe", "Dot"]),
        ("no stripes and no checks", ["Stripe", "Check"]),
        ("I hate floral prints", ["All over pattern"]),
        ("a scarf that's not a check pattern", ["Check"]),
    ],
)
def test_a_cue_covers_the_whole_coordinated_list(text: str, ruled_out: list[str]) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == {"pattern": ruled_out}
    assert "pattern" not in _wants(parsed)


@pytest.mark.parametrize(
    ("text", "wants", "ruled_out"),
    [
        ("no stripes, just a black dress", {"colour_master": ["Black"]}, {"pattern": ["Stripe"]}),
        ("not black. a striped dress", {"pattern": ["Stripe"]}, {"colour_master": ["Black"]}),
        ("no stripes and a black dress", {"colour_master": ["Black"]}, {"pattern": ["Stripe"]}),
        ("without dots; white please", {"colour_master": ["White"]}, {"pattern": ["Dot"]}),
        ("no black or striped stuff", {}, {"colour_master": ["Black"], "pattern": ["Stripe"]}),
    ],
)
def test_a_negation_ends_at_a_clause_boundary(
    text: str, wants: dict[str, list[str]], ruled_out: dict[str, list[str]]
) -> None:
    parsed = READ.parse(text)
    assert {k: v for k, v in _wants(parsed).items() if k != "article_type"} == wants
    assert _rules_out(parsed) == ruled_out


def test_the_garment_after_a_ruled_out_colour_is_still_wanted() -> None:
    parsed = READ.parse("I don't want black dresses")
    assert _wants(parsed) == {"article_type": ["Dress"]}
    assert _rules_out(parsed) == {"colour_master": ["Black"]}


def test_no_then_a_comma_answers_rather_than_rules_out() -> None:
    assert _rules_out(READ.parse("no, something in white")) == {}
    assert _wants(READ.parse("no, something in white")) == {"colour_master": ["White"]}


@pytest.mark.parametrize(
    "text", ["a black or white blouse", "black blouse or white blouse", "blouses, black/white"]
)
def test_or_in_a_want_is_any_of(text: str) -> None:
    wants = _wants(READ.parse(text))
    assert wants["colour_master"] == ["Black", "White"] and wants["article_type"] == ["Blouse"]


@pytest.mark.parametrize(
    "text",
    [
        "plain trousers",
        "trousers, no pattern",
        "trousers without any print",
        "unpatterned trousers",
        "trousers with no prints",
        "trousers, nothing printed",
    ],
)
def test_no_pattern_means_solid(text: str) -> None:
    parsed = READ.parse(text)
    assert _wants(parsed) == {"article_type": ["Trousers"], "pattern": ["Solid"]}
    assert _rules_out(parsed) == {}


def test_a_printed_top_wants_a_pattern_and_a_front_print_is_its_own_label() -> None:
    assert _wants(READ.parse("a printed top"))["pattern"] == ["All over pattern"]
    assert _rules_out(READ.parse("a top, no front print")) == {"pattern": ["Front print"]}


@pytest.mark.parametrize(
    ("text", "attribute", "labels"),
    [
        ("flowers", "pattern", ["All over pattern"]),
        ("a flowery skirt", "pattern", ["All over pattern"]),
        ("tartan", "pattern", ["Check"]),
        ("plaid shirt", "pattern", ["Check"]),
        ("spotty dress", "pattern", ["Dot"]),
        ("polka dress", "pattern", ["Dot"]),
        ("marl jumper", "pattern", ["Melange"]),
        ("something shiny", "pattern", ["Glittering/Metallic", "Metallic"]),
        ("metallic", "pattern", ["Glittering/Metallic", "Metallic"]),
        ("tights", "article_type", ["Leggings/Tights", "Underwear Tights"]),
        ("a suit", "article_type", ["Blazer", "Trousers"]),
    ],
)
def test_everyday_words_for_catalogue_labels(text: str, attribute: str, labels: list[str]) -> None:
    assert _wants(READ.parse(text))[attribute] == labels


@pytest.mark.parametrize(
    "text",
    [
        "something other than a dress, maybe a skirt",
        "no more dresses, show me skirts",
        "skirts instead of dresses",
        "enough dresses, a skirt now",
    ],
)
def test_switching_the_garment(text: str) -> None:
    parsed = READ.parse(text)
    assert _wants(parsed) == {"article_type": ["Skirt"]}
    assert _rules_out(parsed) == {"article_type": ["Dress"]}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a cheap dress", None, 0.02),
        ("a dress, not too expensive", None, 0.02),
        ("a dress under the usual price", None, 0.02),
        ("an affordable coat", None, 0.05),
        ("a premium coat", 0.08, None),
        ("something cheap", None, 0.015),
        ("a dress", None, None),
    ],
)
def test_price_words_against_the_kind_s_own_prices(
    text: str, low: float | None, high: float | None
) -> None:
    parsed = READ.parse(text)
    assert (parsed.price_min, parsed.price_max) == (low, high)


@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        ("what do I wear to a summer wedding", "Dress", "Bikini top"),
        ("it's freezing outside", "Coat", "Shorts"),
        ("kit for the gym", "Leggings/Tights", "Coat"),
        ("off hiking in the mountains", "Boots", "Dress"),
        ("a winter city break", "Coat", "T-shirt"),
        ("my hands and ears are freezing on the bike", "Gloves", "Coat"),
        ("video calls all day, want to look smart", "Blouse", "Trousers"),
        ("my friend is getting married on a beach", "Dress", "Bikini top"),
        ("two days hiking in the Lake District", "Boots", "Bikini top"),
        ("just joined a fitness club, going after work", "Leggings/Tights", "Blazer"),
        ("it's bucketing down on my walk", "Coat", "Shorts"),
        ("wat shud i wear 2 a festival lol", "Shorts", "Coat"),
    ],
)
def test_occasions_and_needs_map_to_garments(text: str, must: str, must_not: str) -> None:
    parsed = READ.parse(text)
    kinds = _wants(parsed)["article_type"]
    assert must in kinds and must_not not in kinds
    assert {m.how for m in parsed.matches if m.attribute == "article_type"} == {"occasion"}


def test_a_named_garment_beats_the_occasion_and_gifts_name_the_wearer() -> None:
    assert _wants(READ.parse("a coat for a winter wedding"))["article_type"] == ["Coat"]
    assert _wants(READ.parse("a present for my dad"))["gender"] == ["Men"]


def test_an_unmapped_need_without_an_llm_says_it_searched_by_meaning() -> None:
    parsed = READ.parse("something for my cousin's quinceañera")
    assert parsed.filters.include == {} and parsed.notes


class _Garments:
    def __init__(self, names: list[str]) -> None:
        self.names, self.asked = names, 0

    def __call__(self, text: str) -> list[str]:
        self.asked += 1
        return self.names


def test_an_llm_names_garments_for_an_unmapped_need_and_the_reader_maps_them() -> None:
    garments = _Garments(["suit", "shirt", "tie", "hovercraft"])
    reader = QueryParser(VOCAB, garments=garments)  # type: ignore[arg-type]
    parsed = reader.parse("my brother is starting a band")
    assert _wants(parsed)["article_type"] == ["Blazer", "Trousers", "Shirt"]
    kinds = {m.how for m in parsed.matches if m.attribute == "article_type"}
    assert kinds == {"llm"} and garments.asked == 1
    assert _wants(parsed)["gender"] == ["Men"]  # "brother" says who it is for
    reader.parse("just show me")  # conversation, not a need: the LLM is not asked
    reader.parse("hey, how are you? ideally something nice")
    reader.parse("the regatta", ask_llm=False)  # a conversation that has its garment already
    reader.parse("a black dress")  # a garment is named: not asked either
    assert garments.asked == 1


def test_garments_the_llm_names_never_bring_back_what_was_refused() -> None:
    reader = QueryParser(VOCAB, garments=_Garments(["t-shirt", "sweater", "shirt"]))  # type: ignore[arg-type]
    parsed = reader.parse("no more t-shirts, something a bit smarter please")
    assert "T-shirt" not in _wants(parsed).get("article_type", [])
    assert _rules_out(parsed)["article_type"] == ["T-shirt"]
    assert _wants(parsed)["article_type"] == ["Sweater", "Shirt"]


@pytest.mark.parametrize(
    ("text", "lasting"),
    [
        ("I hate stripes", True),
        ("my dad hates stripes", False),
        ("he really doesn't like stripes", False),
        ("my husband can't stand stripes", False),
        ("stripes don't suit her", False),
        ("stripes don't suit me", True),
        ("stripes? no thanks", True),
        ("a top, no stripes", False),
    ],
)
def test_only_the_shopper_s_own_stated_taste_lasts(text: str, lasting: bool) -> None:
    assert {m.lasting for m in READ.parse(text).matches if m.label == "Stripe"} == {lasting}


def test_a_question_answered_no_takes_back_what_it_asked_about() -> None:
    parsed = READ.parse("a dress for the gym? no, leggings for the gym")
    assert _wants(parsed)["article_type"] == ["Leggings/Tights"]
    assert _rules_out(parsed) == {"article_type": ["Dress"]}


def test_a_double_negative_wants_what_follows() -> None:
    parsed = READ.parse("I never say no to stripes - a striped dress please")
    assert _wants(parsed) == {"pattern": ["Stripe"], "article_type": ["Dress"]}
    assert _rules_out(parsed) == {}


@pytest.mark.parametrize(
    "text",
    [
        "sick of black trousers, show me pairs in any other colour",
        "does it have to be black? trousers in literally any other colour",
    ],
)
def test_any_other_colour_rules_out_the_colour_named_before(text: str) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed)["colour_master"] == ["Black"]
    assert _wants(parsed) == {"article_type": ["Trousers"]}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("a sweter", "Sweater"),
        ("a jaket", "Jacket"),
        ("a blouce", "Blouse"),
        ("hoddie", "Hoodie"),
        ("trosers", "Trousers"),
        ("purpel", "Lilac Purple"),
        ("dreses", "Dress"),
        ("whtie", "White"),
        ("a blakc", "Black"),
    ],
)
def test_a_misspelt_word_reads_as_the_label_it_is_close_to(text: str, label: str) -> None:
    vocab = VOCAB.model_copy(deep=True)
    vocab.values["colour_master"].append("Lilac Purple")
    matches = QueryParser(vocab).parse(text).matches
    assert [m.how for m in matches] == ["typo"]
    assert matches[0].label == label


@pytest.mark.parametrize(
    "text", ["a short dress", "a trip to the coast", "a smarter look", "a coast walk", "I expect"]
)
def test_real_words_near_a_label_are_not_read_as_typos(text: str) -> None:
    assert all(m.how != "typo" for m in READ.parse(text).matches)


def test_them_after_a_cue_points_back_at_what_was_named() -> None:
    parsed = READ.parse("I know I asked for dresses but I'm over them, a skirt now")
    assert _rules_out(parsed) == {"article_type": ["Dress"]}
    assert _wants(parsed) == {"article_type": ["Skirt"]}
    # A bare "not those" is about the picks on screen, not the last word said.
    assert _rules_out(READ.parse("a black dress. not those")) == {}


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("I'd give anything in white a miss, looking at tops", {"colour_master": ["White"]}),
        ("never been a stripes person. tops?", {"pattern": ["Stripe"]}),
        ("I wouldn't be caught dead in anything pink. a top", {"colour_master": ["Pink"]}),
        ("a top, and honestly black is the worst", {"colour_master": ["Black"]}),
        ("a top. ugh, I hate how every one is grey", {"colour_master": ["Grey"]}),
        ("a top. Floral print is a hard pass", {"pattern": ["All over pattern"]}),
        ("tops without pleats or stripes", {"pattern": ["Stripe"]}),
        ("nothign with stripes, a top", {"pattern": ["Stripe"]}),
        ("a top w/o stripes", {"pattern": ["Stripe"]}),
    ],
)
def test_taste_said_anywhere_in_its_clause_rules_out_what_the_clause_names(
    text: str, ruled_out: dict[str, list[str]]
) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == ruled_out
    assert _wants(parsed) == {"article_type": ["Top"]}


@pytest.mark.parametrize(
    "text",
    [
        "a black top, I wouldn't mind stripes",
        "an ugly christmas jumper in black",
        "I hate the cold, so a black top",
        "I wouldn't say no to a black top",
        "don't forget the black top",
    ],
)
def test_taste_words_that_rule_nothing_out(text: str) -> None:
    parsed = READ.parse(text)
    assert "colour_master" not in _rules_out(parsed)
    assert _wants(parsed)["colour_master"] == ["Black"]


def test_a_switch_said_with_taste_words_rules_the_old_garment_out() -> None:
    for text in ["scrap the jumper idea, show me cardigans", "forget jumpers, cardigans now"]:
        parsed = QueryParser(
            VOCAB.model_copy(
                update={"values": VOCAB.values | {"article_type": ["Sweater", "Cardigan"]}}
            )
        ).parse(text)
        assert _rules_out(parsed) == {"article_type": ["Sweater"]}, text
        assert _wants(parsed) == {"article_type": ["Cardigan"]}, text


def test_an_unlabelled_word_before_and_in_a_list_ends_the_negation() -> None:
    parsed = READ.parse("a sweatshirt with no hood and in black")
    # the hood has no label, but is a feature the items' text says (`tools/reader/features.py`)
    assert _rules_out(parsed) == {"feature": ["hooded"]}
    assert _wants(parsed)["colour_master"] == ["Black"]


def test_a_family_and_a_shade_wanted_together_are_any_of_families() -> None:
    assert _wants(READ.parse("a black or navy top"))["colour_master"] == ["Black", "Blue"]


def test_ruling_out_a_shade_rules_out_its_family_unless_the_family_is_wanted() -> None:
    assert READ.parse("a top, not navy").filters.exclude["colour_master"] == ["Blue"]
    parsed = READ.parse("not navy, a light blue top")
    assert "colour_master" not in parsed.filters.exclude
    assert parsed.filters.exclude["colour"] == ["Dark Blue"]
    assert _wants(parsed)["colour"] == ["Light Blue"]


def test_plural_f_words_read_as_their_label() -> None:
    assert _rules_out(READ.parse("no scarves, a top")) == {"article_type": ["Scarf"]}


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("my fringe keeps falling in my eyes at the gym", {"Hair clip", "Hairband"}),
        ("nothing should show through my white outfit", {"Bra", "Underwear bottom"}),
        ("I've been told to come dressed as a pirate", {"Costumes"}),
        ("something to slob about in on lazy Sundays", {"Pyjama set", "Robe"}),
    ],
)
def test_needs_the_body_or_the_plan_names(text: str, types: set[str]) -> None:
    kinds = [*VOCAB.values["article_type"], "Hair clip", "Hairband", "Bra", "Underwear bottom"]
    kinds += ["Costumes", "Pyjama set", "Robe"]
    vocab = VOCAB.model_copy(update={"values": VOCAB.values | {"article_type": kinds}})
    wanted = set(_wants(QueryParser(vocab).parse(text))["article_type"])
    assert types <= wanted and not {"Bikini top", "Coat"} & wanted


def test_them_after_a_list_rules_out_the_whole_list() -> None:
    parsed = READ.parse("Grey, black, white - I'm done with all of them. A top")
    assert _rules_out(parsed) == {"colour_master": ["Grey", "Black", "White"]}


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("I look dreadful in grey. a top", ["Grey"]),
        ("she looks so washed out in white, a top for her", ["White"]),
        ("a top, nothing gold", ["Metal"]),
    ],
)
def test_looking_bad_in_a_colour_and_shades_filed_under_another_family(
    text: str, ruled_out: list[str]
) -> None:
    vocab = VOCAB.model_copy(deep=True)
    vocab.values["colour_master"].append("Metal")
    vocab.values["colour"].append("Gold")
    assert _rules_out(QueryParser(vocab).parse(text))["colour_master"] == ruled_out


def test_the_garment_said_before_instead_is_the_one_wanted() -> None:
    parsed = READ.parse("I wanted a skirt but I have too many, so maybe a dress instead")
    assert _rules_out(parsed)["article_type"] == ["Skirt"]
    assert _wants(parsed)["article_type"] == ["Dress"]


def test_a_phrase_closed_by_ones_ends_the_list_it_rules_out() -> None:
    parsed = READ.parse("a top but not blue ones, black or grey maybe")
    assert _rules_out(parsed) == {"colour_master": ["Blue"]}
    assert _wants(parsed)["colour_master"] == ["Black", "Grey"]


def test_i_dont_mind_allows_without_asking_and_for_years_is_no_age() -> None:
    parsed = READ.parse("I don't mind stripes but dots are a step too far, a top")
    assert _wants(parsed) == {"article_type": ["Top"]}
    assert _rules_out(parsed) == {"pattern": ["Dot"]}
    assert "gender" not in _wants(READ.parse("a top like the one I had for ten years"))


@pytest.mark.parametrize(
    ("text", "features"),
    [
        # what made them wrong is refused too
        ("a top. the black ones go see-through so not those", ["see-through"]),
        ("a top, black's out obviously", None),
        ("a top - no speckly black, please", None),
    ],
)
def test_a_bare_no_in_the_same_sentence_and_an_unknown_adjective(
    text: str, features: list[str] | None
) -> None:
    ruled = _rules_out(READ.parse(text))
    assert (ruled.pop("feature", None), ruled) == (features, {"colour_master": ["Black"]})


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("top -black", {"colour_master": ["Black"]}),
        ("tops, black/white excluded", {"colour_master": ["Black", "White"]}),
        ("stripes and dots scratch me, so a top with none of that", {"pattern": ["Stripe", "Dot"]}),
        ("a top for my wife, but she really doesn't suit black", {"colour_master": ["Black"]}),
    ],
)
def test_search_box_minus_and_what_none_of_that_points_back_at(
    text: str, ruled_out: dict[str, list[str]]
) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == ruled_out
    assert _wants(parsed)["article_type"] == ["Top"]


@pytest.mark.parametrize(
    "text",
    [
        "I've already got loads of black, a top in white?",
        "a top for my mum, she owns about ten black ones as it is",
        "my wardrobe is full of black. a top",
    ],
)
def test_what_the_wearer_already_owns_plenty_of_is_ruled_out(text: str) -> None:
    parsed = READ.parse(text)
    assert _rules_out(parsed) == {"colour_master": ["Black"]}
    assert not any(m.lasting for m in parsed.matches if m.negated)  # a need, not a taste


def test_tones_corrections_pronouns_and_phrases_that_name_no_label() -> None:
    vocab = VOCAB.model_copy(deep=True)
    vocab.values["colour"] += ["Dark Grey", "Light Grey"]
    read = QueryParser(vocab)
    dark = read.parse("a blue top, nothing dark").filters.exclude
    assert set(dark["colour"]) >= {"Dark Blue", "Dark Grey"} and "colour_master" not in dark
    fixed = read.parse("white top - no, actually make that a black one")
    assert _rules_out(fixed) == {"colour_master": ["White"]}
    assert _wants(fixed)["colour_master"] == ["Black"]
    tired = read.parse("a top, not in grey, it makes me look tired")
    assert [m.lasting for m in tired.matches if m.label == "Grey"] == [True]
    assert _wants(read.parse("office dress code, a top")) == {"article_type": ["Top"]}
    assert _wants(read.parse("a top for a black tie event")) == {"article_type": ["Top"]}


@pytest.mark.parametrize(
    ("text", "label"),
    [("a blak top", "Black"), ("dres", "Dress"), ("a pnik top", "Pink"), ("gren", "Green")],
)
def test_a_short_word_with_one_slip_reads_as_the_one_label_it_can_be(text: str, label: str) -> None:
    vocab = VOCAB.model_copy(deep=True)
    vocab.values["colour_master"].append("Green")
    labels = [m.label for m in QueryParser(vocab).parse(text).matches if m.how == "typo"]
    assert labels == [label]


def test_a_short_slip_that_could_be_two_words_is_left_unread() -> None:
    vocab = VOCAB.model_copy(deep=True)
    vocab.values["article_type"].append("Shirt")
    vocab.values["article_type"].append("Skirt")
    # "skrt" could only be skirt; "sirt" could be shirt or skirt.
    assert [m.label for m in QueryParser(vocab).parse("a skrt").matches] == ["Skirt"]
    assert QueryParser(vocab).parse("a sirt").matches == []
