"""A ruled-out label said in an item's own title: the catalogue's labels sometimes disagree
with its names ("&DENIM Jeggings" filed as Solid, "Dress set" as a Top), and a shopper who said
"no denim" reads the name, not the label."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from fitroom.tools.reader.synonyms import SYNONYMS

# Only these attributes name things a title also names; colours in titles are unreliable
# ("Black & white" prints), and genders are never in titles.
_NAMED = ("pattern", "article_type")
_MIN_STEM = 4  # shorter words ("dot", "tee") match inside too many unrelated names


@cache
def _words_for(attribute: str, label: str) -> re.Pattern[str] | None:
    words = {w for w in re.findall(r"[a-z]+", label.casefold()) if len(w) >= _MIN_STEM}
    words -= {"over", "pattern", "other", "print", "shirt", "bottom", "body", "wear", "hair"}
    words |= {
        phrase
        for phrase, labels in SYNONYMS.items()
        if (attribute, label) in labels and " " not in phrase and len(phrase) >= _MIN_STEM
    }
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")", re.IGNORECASE)


def title_says(title: str, exclude: Mapping[str, Sequence[str]]) -> bool:
    """Whether `title` names something the shopper ruled out."""
    for attribute in _NAMED:
        for label in exclude.get(attribute, []):
            found = _words_for(attribute, label)
            if found is not None and found.search(title):
                return True
    return False


# Labels an item's own description says unmistakably where its label disagrees: 115 H&M jeans
# are filed as Solid, and every one's description says "jeans in washed denim".
_DESCRIBED = {("pattern", "Denim"): re.compile(r"\b(?:denim|jeans|jeggings)\b", re.IGNORECASE)}


def text_says(text: str, exclude: Mapping[str, Sequence[str]]) -> bool:
    """Whether an item's title or description says a ruled-out label its label may miss."""
    return any(
        said.search(text)
        for (attribute, label), said in _DESCRIBED.items()
        if label in exclude.get(attribute, [])
    )
