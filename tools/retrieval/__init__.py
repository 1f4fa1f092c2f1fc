"""Finding items: embedders, the Chroma item store, filters, indexing and search."""
