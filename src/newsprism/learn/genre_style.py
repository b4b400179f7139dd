"""Fit the opinion-versus-reporting weights of the genre detector: a logistic regression over style features.

The features are those of :func:`newsprism.enrich.genre.genre_features` named in ``names``. Each is clipped at
its 99th percentile on the training rows and standardised; the classes are weighted to equal total weight (so the
probability does not carry the training set's class shares); an L2 penalty keeps the weights small. Newton's
method in numpy — a few dozen features need nothing more. :func:`choose_threshold` picks the cut-off on held-out
rows; :func:`style_weights_dict` is what ``enrich/resources/genre_style.json`` holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["STYLE_FEATURES", "choose_threshold", "fit_logistic", "macro_f1_at", "style_weights_dict"]

#: The features the weights are fitted on: whole-article style, no outlet names, no satire or think-tank cues
#: (those stay with the rules of ``genre.yaml``).
STYLE_FEATURES = (
    "first_person",
    "second_person",
    "rhetorical_questions",
    "exclamations",
    "evaluative",
    "hedges",
    "modals",
    "contrast",
    "analytic",
    "attribution",
    "quote_density",
    "quoted_share",
    "headings",
    "dateline",
    "numbers",
    "weekdays",
    "sentence_length",
    "paragraph_length",
    "log_words",
    "title_question",
    "title_exclamation",
    "title_colon",
    "title_quote",
    "title_person",
)


def fit_logistic(
    rows: Sequence[Sequence[float]], positive: Sequence[bool], *, l2: float = 1.0, iterations: int = 50
) -> dict[str, Any]:
    """Clip, standardise and fit; returns ``caps``, ``mean``, ``scale``, ``coef`` and ``intercept`` as lists."""
    x = np.asarray(rows, dtype=float)
    y = np.asarray(positive, dtype=float)
    if x.ndim != 2 or len(x) != len(y) or not 0 < y.sum() < len(y):
        raise ValueError("fit_logistic needs a 2-D feature table and both classes")
    caps = np.percentile(x, 99, axis=0)
    caps = np.where(caps > 0, caps, x.max(axis=0))
    x = np.minimum(x, caps)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w_pos = 0.5 * len(y) / y.sum()
    w_neg = 0.5 * len(y) / (len(y) - y.sum())
    sw = np.where(y > 0, w_pos, w_neg)
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not penalised
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(z @ beta)))
        grad = z.T @ (sw * (p - y)) + penalty * beta
        hess = (z * (sw * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return {
        "caps": caps.tolist(),
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "coef": beta[:-1].tolist(),
        "intercept": float(beta[-1]),
    }


def macro_f1_at(prob: Sequence[float], positive: Sequence[bool], threshold: float, *, balanced: bool = False) -> float:
    """Two-class macro-F1 of deciding positive when ``prob >= threshold`` (``balanced``: the classes reweighted
    to equal shares, the figure a set with other class shares would see on average)."""
    p = np.asarray(prob) >= threshold
    y = np.asarray(positive, dtype=bool)
    w = np.ones(len(y))
    if balanced and 0 < y.sum() < len(y):
        w = np.where(y, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    f1s = []
    for pred, gold in ((p, y), (~p, ~y)):
        tp = float((w * (pred & gold)).sum())
        fp = float((w * (pred & ~gold)).sum())
        fn = float((w * (~pred & gold)).sum())
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / 2


def choose_threshold(prob: Sequence[float], positive: Sequence[bool], *, balanced: bool = True) -> float:
    """The cut-off in 0.05..0.95 (steps of 0.01) with the best macro-F1 on held-out rows (ties: nearest 0.5)."""
    grid = [round(0.05 + 0.01 * i, 2) for i in range(91)]
    return max(grid, key=lambda t: (round(macro_f1_at(prob, positive, t, balanced=balanced), 4), -abs(t - 0.5)))


def style_weights_dict(
    names: Sequence[str], fit: dict[str, Any], threshold: float, *, transform: str = "log1p", **notes: Any
) -> dict[str, Any]:
    """The JSON object the genre detector loads: one row per feature, the intercept, the threshold, notes."""
    return {
        **notes,
        "positive": "opinion",
        "negative": "reporting",
        "transform": transform,
        "intercept": round(fit["intercept"], 6),
        "threshold": threshold,
        "features": {
            n: {
                "cap": round(c, 6),
                "mean": round(m, 6),
                "scale": round(s, 6),
                "weight": round(w, 6),
            }
            for n, c, m, s, w in zip(names, fit["caps"], fit["mean"], fit["scale"], fit["coef"], strict=True)
        },
    }
