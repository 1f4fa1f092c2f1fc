"""The held-out figures every image method is scored on."""

from __future__ import annotations

from fitroom.eval.image_metrics import (
    attribute_queries,
    attribute_query_text,
    i2i_precision,
    t2i_attribute_precision,
)
from fitroom.tools.image_tower.data import LitData
from fitroom.tools.retrieval.embedder import Embedder, Vectors

MIN_ITEMS = 10  # "{colour} {article_type}" combinations with fewer can't fill a top-10


def held_out_figures(test: LitData, vectors: Vectors, text: Embedder) -> dict[str, float]:
    """Image→image P@10 (type, colour family, both) and text→image attribute P@10."""
    i2i = i2i_precision(vectors, test.items)
    pairs = attribute_queries(test.items, MIN_ITEMS)
    queries = text.embed_texts([attribute_query_text(c, t) for c, t in pairs])
    t2i, _ = t2i_attribute_precision(queries, pairs, vectors, test.items)
    return {
        "i2i_p10_article_type": i2i["article_type"],
        "i2i_p10_colour": i2i["colour"],
        "i2i_p10_both": i2i["both"],
        "t2i_attr_p10": t2i,
    }
