"""Evaluation of extractors against gold data: each module prints precision, recall and F1 (``main()``)."""
