"""What a shopper has said they want: the state every turn updates and every tool reads."""

from __future__ import annotations

from pydantic import BaseModel, Field

# Attributes a shopper states in words; all are catalogue labels (see `Vocabulary`).
STATED = ("gender", "article_type", "colour_master", "colour", "pattern")


class Preferences(BaseModel):
    """Stated wants and dislikes, in the catalogue's own labels, plus feedback on items."""

    wanted: dict[str, list[str]] = Field(default_factory=dict)
    excluded: dict[str, list[str]] = Field(default_factory=dict)
    occasion: str | None = None
    max_price: float | None = Field(default=None, ge=0)
    liked: list[str] = Field(default_factory=list)
    rejected: list[str] = Field(default_factory=list)

    def given(self) -> set[str]:
        """Attributes the shopper has settled (a colour family settles the shade too)."""
        settled = {k for k, v in self.wanted.items() if v}
        if "colour" in settled or "colour_master" in settled:
            settled |= {"colour", "colour_master"}
        return settled
