"""Rankers fitted on real purchases, sharing one contract (`base.Ranker`)."""
