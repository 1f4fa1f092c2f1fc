"""The catalogue: items and purchases, the H&M import, product photos, artefact cards."""
