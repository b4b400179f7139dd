"""Evaluation of each extractor against gold data: functions that return precision, recall and F1."""
