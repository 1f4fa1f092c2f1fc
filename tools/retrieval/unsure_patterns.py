"""Labels that may hide a pattern the shopper ruled out. H&M files many dotted and zebra-striped
dresses as "All over pattern", and their descriptions do not say which print it is, so an item
with such a label may be exactly what "nothing with stripes or dots" refused. Those items go
after the ones whose label settles it, and out of a conversation's picks when enough others fit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Labels that say "some print", not which one.
VAGUE = frozenset({"All over pattern", "Other pattern", "Mixed solid/pattern"})
# Prints that hide under a vague label; ruling out a structure ("no lace") says nothing of prints.
_PRINTS = frozenset({"Stripe", "Dot", "Check", "Argyle", "Jacquard", "Front print"})


def unsure(
    pattern: str,
    excluded: Mapping[str, Sequence[str]],
    wanted: Mapping[str, Sequence[str]],
) -> bool:
    """Whether an item of `pattern` may show a print the shopper ruled out."""
    ruled = set(excluded.get("pattern", []))
    return (
        pattern in VAGUE
        and pattern not in wanted.get("pattern", [])
        and pattern not in ruled
        and bool(ruled & _PRINTS)
    )
