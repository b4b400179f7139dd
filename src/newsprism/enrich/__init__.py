"""Enrichment stages: each module holds one extractor and registers it (``register(registry)``)."""
