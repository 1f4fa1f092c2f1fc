"""Choose the fused ranker's recipe without touching the test split: apply the per-user time
split again to its train part and score on that inner last date."""

from __future__ import annotations

from typing import Any

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.eval.ranker_eval import held_out_figures
from fitroom.tools.ranker.content import ContentRanker
from fitroom.tools.ranker.fused import FusedRanker, FusedRecipe
from fitroom.tools.ranker.split import per_user_time_split


def validate_recipe(settings: Settings, recipe: FusedRecipe) -> dict[str, Any]:
    """Validation figures of `recipe`, beside the content-only ranker's on the same users."""
    catalog = wiring.open_catalog(settings)
    ids = [i.item_id for i in catalog.items]
    content, content_model = wiring.ranker_content(settings, catalog.items)
    validation = per_user_time_split(per_user_time_split(catalog.interactions).train)
    fused = FusedRanker(content, recipe)
    fused.fit(validation.train, ids)
    baseline = ContentRanker(content)
    baseline.fit(validation.train, ids)
    return {
        "recipe": recipe.model_dump(),
        "content_model": content_model,
        "validation": validation.counts(),
        "fused": held_out_figures(fused, validation),
        "fused_weights": [round(float(w), 3) for w in fused.weights],
        "content_only": held_out_figures(baseline, validation),
    }
