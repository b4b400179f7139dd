"""The arithmetic every evaluation shares."""

from __future__ import annotations

__all__ = ["f1", "ratio"]


def ratio(part: float, whole: float) -> float:
    """``part / whole``, and 0.0 when ``whole`` is zero (no prediction has no precision to speak of)."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are zero)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
