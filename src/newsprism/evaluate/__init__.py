"""Evaluations of the extractors against gold data: one module per extractor (``newsprism.evaluate.<name>``),
each with ``main(argv) -> int`` (used by ``newsprism evaluate --task <name>``) and library functions."""
