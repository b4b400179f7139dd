"""Fit the calibrated ranker of the generic frames (:mod:`newsprism.enrich.frames_ranker`).

One logistic regression shared by the 14 frames: each (article, frame) pair is a row of the lexicon features of
:func:`newsprism.enrich.frames_ranker.frame_features`, plus an intercept per frame; the target is whether the
annotator gave the article that frame. An L2 penalty keeps the weights small; the frame intercepts are one shared
intercept plus offsets held near it by a penalty. Newton's method in numpy. :func:`choose_rule` picks the
threshold, the most frames reported and the least evidence for a lone frame on out-of-fold probabilities
(articles split into folds), by micro-F1. :func:`ranker_dict` is what ``generic_frames_ranker.json`` holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..enrich.frames_ranker import FEATURES, FrameRanker

__all__ = ["ArticleRows", "choose_rule", "fit_ranker", "micro_f1_of", "out_of_fold", "ranker_dict"]

#: One article: per frame its feature row and its lexicon mass, and the gold frames.
ArticleRows = tuple[Mapping[str, Sequence[float]], Mapping[str, float], frozenset[str]]


def fit_ranker(
    articles: Sequence[ArticleRows], labels: Sequence[str], *, l2: float = 1.0, l2_offset: float = 10.0
) -> dict[str, Any]:
    """Weights of :data:`FEATURES` and one intercept per label, fitted on ``articles``: a shared intercept (not
    penalised) plus a per-label offset penalised by ``l2_offset`` (a frame seen rarely stays near the others)."""
    n_feat, n_lab = len(FEATURES), len(labels)
    rows, ys = [], []
    for feats, _, gold in articles:
        for j, label in enumerate(labels):
            onehot = [0.0] * n_lab
            onehot[j] = 1.0
            rows.append([*feats[label], 1.0, *onehot])
            ys.append(1.0 if label in gold else 0.0)
    x = np.asarray(rows, dtype=float)
    y = np.asarray(ys, dtype=float)
    penalty = np.array([l2] * n_feat + [0.0] + [l2_offset] * n_lab)
    beta = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -60, 60)))
        grad = x.T @ (p - y) + penalty * beta
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    shared = float(beta[n_feat])
    return {
        "features": dict(zip(FEATURES, (float(b) for b in beta[:n_feat]), strict=True)),
        "intercepts": dict(zip(labels, (shared + float(b) for b in beta[n_feat + 1 :]), strict=True)),
    }


def _ranker(fit: Mapping[str, Any], threshold: float = 0.5, max_frames: int = 3, min_mass: float = 0.0) -> FrameRanker:
    return FrameRanker(
        weights=tuple(fit["features"][n] for n in FEATURES),
        intercepts=fit["intercepts"],
        threshold=threshold,
        max_frames=max_frames,
        min_mass=min_mass,
    )


def out_of_fold(
    articles: Sequence[ArticleRows], labels: Sequence[str], *, folds: int = 5, **fit_args: float
) -> list[dict[str, float]]:
    """The probabilities of each article from a model fitted on the other folds (article ``i`` in fold
    ``i % folds``)."""
    out: list[dict[str, float]] = [{} for _ in articles]
    for f in range(folds):
        train = [a for i, a in enumerate(articles) if i % folds != f]
        ranker = _ranker(fit_ranker(train, labels, **fit_args))
        for i, (feats, _, _) in enumerate(articles):
            if i % folds == f:
                out[i] = ranker.probabilities(feats)
    return out


def micro_f1_of(gold: Sequence[frozenset[str]], pred: Sequence[Sequence[str]]) -> float:
    tp = sum(len(g & set(p)) for g, p in zip(gold, pred, strict=True))
    n_pred = sum(len(p) for p in pred)
    n_gold = sum(len(g) for g in gold)
    return 2 * tp / (n_pred + n_gold) if tp else 0.0


def choose_rule(
    probs: Sequence[Mapping[str, float]], articles: Sequence[ArticleRows]
) -> tuple[float, int, float, float]:
    """(threshold, max_frames, min_mass, micro-F1) with the best micro-F1 of the decisions on ``probs``
    (ties: the threshold nearest 0.5, then fewer frames)."""
    gold = [g for _, _, g in articles]
    scored: list[tuple[float, float, int, float]] = []
    for t in (round(0.1 + 0.02 * i, 2) for i in range(36)):
        for k in (1, 2, 3, 4, 5):
            for m in (0.0, 0.5, 1.0, 2.0):
                rule = FrameRanker((), {}, t, k, m)
                pred = [rule.choose(p, mass) for p, (_, mass, _) in zip(probs, articles, strict=True)]
                scored.append((round(micro_f1_of(gold, pred), 4), t, k, m))
    f1, t, k, m = max(scored, key=lambda r: (r[0], -abs(r[1] - 0.5), -r[2], -r[3]))
    return t, k, m, f1


def ranker_dict(fit: Mapping[str, Any], threshold: float, max_frames: int, min_mass: float, **notes: Any) -> dict:
    """The JSON object the detector loads (see :func:`newsprism.enrich.frames_ranker.ranker_from`)."""
    return {
        **notes,
        "threshold": threshold,
        "max_frames": max_frames,
        "min_mass": min_mass,
        "features": {k: round(v, 6) for k, v in fit["features"].items()},
        "intercepts": {k: round(v, 6) for k, v in fit["intercepts"].items()},
    }
