"""How the word tables are written: each phrase and the labels it stands for."""

from __future__ import annotations

Label = tuple[str, str]  # attribute, label


def many(attribute: str, label: str, *words: str) -> dict[str, tuple[Label, ...]]:
    return dict.fromkeys(words, ((attribute, label),))


def words(attribute: str, label: str, spaced: str) -> dict[str, tuple[Label, ...]]:
    """Single words, space-separated, for one label."""
    return many(attribute, label, *spaced.split())


def any_of(labels: tuple[Label, ...], *words: str) -> dict[str, tuple[Label, ...]]:
    """Words that mean any of several labels ("tights" are sold as two article types)."""
    return dict.fromkeys(words, labels)
