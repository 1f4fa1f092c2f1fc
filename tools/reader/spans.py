"""What the reader finds in a message: phrases read as labels, the cues that rule them out,
and what each cue rules out. Shared by the forward scope (`scope`) and the rest (`scope_back`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_KIND = {"colour": "colour", "colour_master": "colour"}  # a shade and a family are one kind


@dataclass(frozen=True)
class Span:
    """A phrase read as one or more labels of one attribute (several: any of them)."""

    start: int
    length: int
    attribute: str
    labels: tuple[str, ...]
    how: str


@dataclass(frozen=True)
class Ruled:
    """A span a negation rules out, and whether the cue stated a lasting taste."""

    span: Span
    lasting: bool


@dataclass(frozen=True)
class Cue:
    """Words that rule something out: the labels after them, or (`after`) before them."""

    start: int
    length: int
    lasting: bool
    after: bool = False
    wide: bool = False  # a negated verb, which may reach past a few words of any kind


def kind_of(attribute: str) -> str:
    """Labels of one kind: a colour family and a shade are both a colour."""
    return _KIND.get(attribute, attribute)


def starts_with(tokens: Sequence[str], k: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(tokens[k : k + len(p)]) == p for p in phrases)
