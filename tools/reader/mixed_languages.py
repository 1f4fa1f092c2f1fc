"""Words of Spanish, French, German, Hindi and Tagalog that shoppers mix into English ("nada
de negro porfa", "bitte keine Streifen", "white mat dikhana"), read as the English word they
stand for, one token for one, so that the English reader does the rest.

Only words no English shopper uses otherwise are read unconditionally. A word that is also
English ("rock", "hose", "pull", "robe", "mat", "ya") is read only where its own language
surrounds it ("einen Rock", "une robe", "white mat dikhao").
"""

from __future__ import annotations

from collections.abc import Sequence


def _table(pairs: str) -> dict[str, str]:
    """ "word=english ..." as a dict."""
    return dict(p.split("=", 1) for p in pairs.split())


_FUNCTION = _table(
    # Spanish
    "nada=nothing sin=without menos=except excepto=except salvo=except pero=but porfa=please "
    "gracias=thanks busco=looking buscando=looking necesito=need quiero=want quisiera=want "
    "una=a unos=some unas=some los=the las=the para=for mis=my algo=something que=that "
    "sea=be cualquier=any mejor=better tengo=have tiene=has ningun=no ninguna=no nunca=never "
    "tambien=also muy=very demasiado=too de=of del=of un=a comodo=comfy comoda=comfy "
    # French
    "je=i cherche=looking voudrais=want veux=want besoin=need une=a des=some pour=for mon=my "
    "mes=my mais=but pas=not sans=without sauf=except sil=if vous=you plait=please merci=thanks "
    "nimporte=any quelle=which couleur=colour jen=i ai=have deja=already trop=too "
    "avec=with rien=nothing jamais=never aussi=also tres=very en=in il=he elle=she "
    # German
    "bitte=please keine=no kein=no keinen=no keines=no nicht=not ohne=without ausser=except "
    "aber=but oder=or und=and meine=my mein=my meinen=my meiner=my ich=i hatte=would "
    "gern=like gerne=like einen=a eine=an egal=any welche=which farbe=colour fur=for "
    "brauche=need suche=looking nichts=nothing nie=never danke=thanks mich=me mir=me "
    # Hindi, as typed in Latin letters
    "chahiye=need dikhao=show dikhana=show dikhaiye=show nahi=excluded nahin=excluded "
    "nai=excluded bilkul=absolutely mujhe=i ek=a liye=for aur=and toh=so bhi=also koi=any "
    "chalega=fine bas=just yaar=mate waala=ones wala=ones wali=ones waali=ones vala=ones "
    "dekh=looking hoon=am lena=get hai=is "
    # Tagalog
    "ayoko=hate wag=no huwag=no basta=just sana=please lang=just kayo=you po=please "
    "mukhang=looks ng=of"
)
# Occasions and weather, so the occasion table reads them
# Prices, features and pattern words, and German colours as they inflect ("eine schwarze Jacke")
_DETAILS = _table(
    "caro=expensive cara=expensive caros=expensive caras=expensive barato=cheap barata=cheap "
    "baratos=cheap baratas=cheap capucha=hood mangas=sleeves estampado=print "
    "cher=expensive chere=expensive chers=expensive cheres=expensive motif=pattern "
    "motifs=pattern capuche=hood manches=sleeves imprime=print "
    "teuer=expensive billig=cheap billiger=cheap billige=cheap gunstig=cheap gunstiger=cheap "
    "kapuze=hood armel=sleeves muster=pattern zu=too "
    "sasta=cheap sasti=cheap mehenga=expensive mehnga=expensive mehngi=expensive"
) | {
    colour + ending: english
    for colour, english in _table(
        "schwarz=black weiss=white rot=red blau=blue grau=grey grun=green gelb=yellow braun=brown"
    ).items()
    for ending in ("e", "en", "er", "es")
}
_OCCASIONS = _table(
    "boda=wedding verano=summer invierno=winter playa=beach frio=cold trabajo=work "
    "oficina=office fiesta=party gimnasio=gym lluvia=rain vacaciones=holiday "
    "boulot=work travail=work soiree=party plage=beach hiver=winter ete=summer "
    "mariage=wedding entretien=interview bureau=office pluie=rain "
    "hochzeit=wedding sommer=summer strand=beach arbeit=work wandern=hiking buro=office "
    "kalt=cold regen=rain urlaub=holiday "
    "daftar=office sardi=cold garmi=summer "
    "trabaho=work ulan=rain"
)
_WORDS = _table(
    # garments, colours, patterns and people (Spanish, French, German, Hindi, Tagalog)
    "vestido=dress vestidos=dresses falda=skirt faldas=skirts botas=boots pijama=pyjamas "
    "pantalon=trousers pantalones=trousers camisa=shirt chaqueta=jacket abrigo=coat "
    "zapatos=shoes zapatillas=trainers sudadera=hoodie sueter=sweater bufanda=scarf "
    "vaqueros=jeans calcetines=socks sujetador=bra gorro=beanie "
    "negro=black negra=black negros=black negras=black blanco=white blanca=white "
    "blancos=white blancas=white rojo=red roja=red rojos=red rojas=red azul=blue azules=blue "
    "gris=grey grises=grey rosa=pink rosado=pink verde=green verdes=green amarillo=yellow "
    "amarilla=yellow marron=brown morado=purple naranja=orange "
    "rayas=stripes lunares=dots cuadros=checks encaje=lace flores=flowers floreado=floral "
    "liso=plain lisa=plain "
    "esposo=husband marido=husband esposa=wife hijo=son hija=daughter abuela=grandma "
    "abuelo=grandpa mama=mum papa=dad hermano=brother hermana=sister nino=boy nina=girl "
    "hombre=men hombres=men mujer=woman prima=cousin primo=cousin "
    "jupe=skirt chemise=shirt veste=jacket manteau=coat bottes=boots echarpe=scarf "
    "chaussettes=socks chaussures=shoes baskets=trainers maillot=swimsuit pantalon=trousers "
    "noir=black noire=black noirs=black noires=black blanc=white blanche=white "
    "blancs=white blanches=white rouge=red rouges=red bleu=blue bleue=blue bleus=blue "
    "grise=grey vert=green verte=green jaune=yellow "
    "rayures=stripes raye=striped pois=dots carreaux=checks dentelle=lace fleurs=flowers "
    "fleuri=floral mari=husband femme=wife fils=son fille=daughter mere=mother pere=father "
    "homme=men soeur=sister frere=brother "
    "kleid=dress hemd=shirt jacke=jacket schal=scarf socken=socks stiefel=boots "
    "mutze=beanie schuhe=shoes turnschuhe=trainers badeanzug=swimsuit schlafanzug=pyjamas "
    "schwarz=black weiss=white rot=red blau=blue grau=grey grun=green gelb=yellow braun=brown "
    "streifen=stripes gestreift=striped punkte=dots gepunktet=dotted kariert=checked "
    "blumen=flowers geblumt=floral einfarbig=plain "
    "mann=husband frau=wife tochter=daughter sohn=son mutter=mother vater=father "
    "herren=men damen=women kinder=kids "
    "bhai=brother didi=sister behen=sister beta=son beti=daughter phool=flowers "
    "phoolon=floral shaadi=wedding kaala=black kala=black safed=white laal=red lal=red "
    "neela=blue hara=green peela=yellow gulabi=pink "
    "tita=aunt tito=uncle kuya=brother anak=child kasal=wedding lamay=funeral "
    "pambahay=loungewear"
)
# Also English words: read so only after an article of their own language.
_AFTER_ARTICLE = {
    "robe": ("dress", frozenset("une la ma cette sa des les ta".split())),
    "pull": ("sweater", frozenset("un le mon ce son ton".split())),
    "rock": ("skirt", frozenset("einen den ein meinen".split())),
    "hose": ("trousers", frozenset("eine die meine".split())),
}
# Hindi "mat" (don't) before a verb: "white mat dikhana"; an English mat is a yoga mat.
_HINDI_VERBS = frozenset("dikhana dikhao dikhaiye lena lo bhejo dena do".split())
# Hindi "ya" (or) between two words, not English "ya" ("see ya", "do ya have").
_NOT_AFTER_YA = frozenset("know have got see think".split())
# Scots "o" is "of": "a pair o trainers"
_OF = frozenset("pair pairs lot lots bit kind sort couple cup top full made".split())
_HAVE = frozenset("tengo tiene tienes tenemos".split())
_ALL = {**_FUNCTION, **_WORDS, **_DETAILS, **_OCCASIONS}
_PRICEY = frozenset("caro cara caros caras".split())


def in_english(tokens: Sequence[str]) -> list[str]:
    """`tokens` with each mixed-in word read as its English one, word for word."""
    out = list(tokens)
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token == "ya" and after in _HAVE:
            out[i] = "already"  # "ya tengo mil"
        elif token == "ni":
            # "que no sea ni negro ni gris": the first opens the list, the second joins it
            out[i] = "nor" if "ni" in tokens[max(0, i - 4) : i] else "neither"
        elif token == "menos" and after in _PRICEY:
            out[i] = "less"  # "menos caro": cheaper, not "except"
        elif (token, after) == ("por", "favor") or (before, token) == ("por", "favor"):
            out[i] = "please"
        elif token in _ALL:
            out[i] = _ALL[token]
        elif token in _AFTER_ARTICLE and before in _AFTER_ARTICLE[token][1]:
            out[i] = _AFTER_ARTICLE[token][0]
        elif token == "hindi" and before not in ("in", "speak", "speaks"):
            out[i] = "not"  # Tagalog "basta hindi stripes"
        elif token == "mat" and after in _HINDI_VERBS:
            out[i] = "excluded"
        elif token in ("ya", "o") and before.isalpha() and after.isalpha() and before not in _OF:
            # Hindi "black ya beige", Spanish "negro o gris"; not "see ya", "do ya have"
            out[i] = "or" if after not in _NOT_AFTER_YA and before != "see" else token
    return out
