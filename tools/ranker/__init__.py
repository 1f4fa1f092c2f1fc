"""Rankers fitted on real purchases: `base.CatalogueRanker` is what they share for
evaluation, `protocol.Ranker` what the agent asks of one."""
