"""Ages as shoppers say them: "6 year old", "six years old", "she's seven", "aged 7", "7yo"."""

from __future__ import annotations

import re

# ("for ten years" is no age)
_AGE = re.compile(
    r"^(?:(\w+) (?:years?|yrs?) old|(?:she|he|they|theyre|aged|age|is|are) (\w+)|(\d+) ?yo)$"
)
_NUMBERS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen".split()
    )
}


def age_in(phrase: str) -> int | None:
    """The age in "6 year old" or "six years old"."""
    age = _AGE.match(phrase)
    word = next((g for g in age.groups() if g), "") if age else ""
    return int(word) if word.isdigit() else _NUMBERS.get(word)
