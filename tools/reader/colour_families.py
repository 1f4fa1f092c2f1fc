"""What ruling out a colour (or denim) rules out beyond its own label.

H&M files every item under a colour family (`colour_master`) and a shade (`colour`), and the
two do not always agree: 32 items are White by shade but Unknown by family, and "navy" is the
Dark Blue shade, filed under Blue. A shopper who rules out white must not see the former; one
who rules out navy means blue clothes of that kind, as people who label requests by family do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from fitroom.tools.reader.reading import Match
from fitroom.tools.retrieval.vocabulary import Vocabulary

# Shades whose name does not end with their family's, as H&M files nearly all of them.
_FILED_UNDER = {
    "Gold": "Metal",
    "Silver": "Metal",
    "Bronze/Copper": "Metal",
    "Yellowish Brown": "Brown",
    "Greenish Khaki": "Khaki green",
}


# Labels that are a kind of another: 175 of H&M's 192 Mole (taupe) items are beige shades
# ("Beige", "Greyish Beige"), so a shopper who rules out beige rules them out too; chambray is
# a denim-look weave, no answer to "a blue shirt that isn't denim".
_KIND_OF = {
    ("colour_master", "Mole"): ("colour_master", "Beige"),
    ("pattern", "Chambray"): ("pattern", "Denim"),
}


def family_of(shade: str, families: Sequence[str]) -> str | None:
    """The family a shade's name ends with ("Dark Blue" → Blue, "Off White" → White), or the
    one H&M files it under ("Gold" → Metal)."""
    if shade in _FILED_UNDER and _FILED_UNDER[shade] in families:
        return _FILED_UNDER[shade]
    last = shade.split()[-1].casefold() if shade.split() else ""
    return next((f for f in families if f.casefold() == last), None)


def _negated(m: Match, attribute: str, label: str) -> Match:
    return Match(
        phrase=m.phrase,
        attribute=attribute,
        label=label,
        how="family",
        negated=True,
        lasting=m.lasting,
    )


def excluded_shades(matches: Sequence[Match], vocabulary: Vocabulary) -> list[Match]:
    """Shades named after a ruled-out family ("not white" also drops the White shade), and the
    family of a ruled-out shade ("not navy" drops blue), unless that family is also wanted
    ("not navy, a light blue")."""
    families = vocabulary.values.get("colour_master", [])
    shades = vocabulary.values.get("colour", [])
    wanted = {
        family_of(m.label, families) if m.attribute == "colour" else m.label
        for m in matches
        if not m.negated and m.attribute in ("colour", "colour_master")
    }
    said = {(m.attribute, m.label) for m in matches if not m.negated}
    out = [
        _negated(m, "colour", shade)
        for m in matches
        if m.negated and m.attribute == "colour_master"
        for shade in shades
        # "not white, although cream would be ok": the shade named stays
        if m.label.casefold() in shade.casefold() and ("colour", shade) not in said
    ]
    out += [
        _negated(m, *kind)
        for m in matches
        if m.negated
        for kind, of in _KIND_OF.items()
        if of == (m.attribute, m.label)
        and kind[1] in vocabulary.values.get(kind[0], [])
        and kind not in said
        and kind[1] not in wanted
    ]
    # Only a word for one shade says its family: "nothing dark" names ten shades, no family.
    shades_of = Counter(m.phrase for m in matches if m.negated and m.attribute == "colour")
    for m in matches:
        family = family_of(m.label, families) if m.attribute == "colour" else None
        if m.negated and family and family not in wanted and shades_of[m.phrase] == 1:
            out.append(_negated(m, "colour_master", family))
    return out


def one_level(matches: Sequence[Match], vocabulary: Vocabulary) -> list[Match]:
    """ "black or navy": a family and a shade wanted together are any-of, but filters on two
    attributes must both hold, so the shade is read as its family (navy as Blue)."""
    families = vocabulary.values.get("colour_master", [])
    wanted = {m.attribute for m in matches if not m.negated}
    if not {"colour", "colour_master"} <= wanted:
        return list(matches)
    out = []
    for m in matches:
        family = family_of(m.label, families) if m.attribute == "colour" else None
        if family and not m.negated:
            m = m.model_copy(update={"attribute": "colour_master", "label": family})
        out.append(m)
    return out


def spared_families(matches: Sequence[Match], vocabulary: Vocabulary, text: str) -> list[Match]:
    """`matches` without a ruled-out family whose shade is spared by name: allowed ("not white,
    although cream would be ok"), or asked for in one word after the refusal ("not white, a
    cream blouse"). The family's other shades stay ruled out one by one. A word for many shades
    ("dark") or a shade said before the refusal spares nothing: those are often misread."""
    families = vocabulary.values.get("colour_master", [])
    lowered = text.casefold()
    shades_of = Counter(m.phrase for m in matches if m.attribute == "colour" and not m.negated)

    def after_refusal(m: Match, family: str) -> bool:
        refusal = next((r for r in matches if r.negated and r.label == family), None)
        return refusal is not None and lowered.find(m.phrase) > lowered.find(refusal.phrase)

    spared = {
        family_of(m.label, families)
        for m in matches
        if m.attribute == "colour"
        and not m.negated
        and shades_of[m.phrase] == 1
        and (m.allowed or after_refusal(m, family_of(m.label, families) or ""))
    }
    return [
        m
        for m in matches
        if not (m.negated and m.attribute == "colour_master" and m.label in spared)
    ]
