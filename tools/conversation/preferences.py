"""What a shopper has said they want: the state every turn updates and every tool reads."""

from __future__ import annotations

from pydantic import BaseModel, Field

# Attributes a shopper states in words; all are catalogue labels (see `Vocabulary`).
STATED = ("gender", "article_type", "colour_master", "colour", "pattern")


class Preferences(BaseModel):
    """Stated wants and dislikes, in the catalogue's own labels, plus feedback on items."""

    wanted: dict[str, list[str]] = Field(default_factory=dict)
    excluded: dict[str, list[str]] = Field(default_factory=dict)
    # The exclusions stated as taste ("I hate florals"): memory keeps these across visits,
    # while a correction of the picks on screen ("not black") holds for this session only.
    lasting: dict[str, list[str]] = Field(default_factory=dict)
    occasion: str | None = None
    # Article types read from an occasion or need ("a summer wedding"): the shopper did not
    # name them, so explanations never say they asked for them.
    suggested: list[str] = Field(default_factory=list)
    # Shades an occasion's custom called for ("a funeral": dark ones), wanted but not said.
    suggested_colours: list[str] = Field(default_factory=list)
    min_price: float | None = Field(default=None, ge=0)  # "something premium"
    max_price: float | None = Field(default=None, ge=0)
    # The garments a price read relative to them was for ("cheaper" dresses): a price within a
    # type's own range means nothing for another type, so naming another garment drops it.
    # Empty for a sum of money ("under 40"), which holds whatever the garment.
    price_for: list[str] = Field(default_factory=list)
    # Whom the request is for ("me", or a wearer such as "Kids (someone else)"), and the
    # shopper's own department once they said it ("I'm a guy"): `agent/recipient.py`.
    recipient: str | None = None
    own_gender: str | None = None
    liked: list[str] = Field(default_factory=list)
    rejected: list[str] = Field(default_factory=list)

    def for_someone_else(self) -> bool:
        """Whether the request is for someone other than the shopper, whose tastes are theirs."""
        return self.recipient is not None and self.recipient.endswith("(someone else)")

    def said(self) -> dict[str, list[str]]:
        """The wants the shopper stated in their own words (not those an occasion suggested)."""
        return {
            a: [x for x in labels if not self.suggests(a, x)] for a, labels in self.wanted.items()
        }

    def suggests(self, attribute: str, label: str) -> bool:
        """Whether a want came from an occasion, not from the shopper's own words."""
        if attribute == "article_type":
            return label in self.suggested
        return attribute == "colour" and label in self.suggested_colours

    def given(self) -> set[str]:
        """Attributes the shopper has settled (a colour family settles the shade too)."""
        settled = {k for k, v in self.wanted.items() if v}
        if "colour" in settled or "colour_master" in settled:
            settled |= {"colour", "colour_master"}
        return settled
