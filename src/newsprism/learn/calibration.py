"""Decision thresholds calibrated on held-out folds, so a label is predicted at the rate the data supports.

A classifier trained on little data (one language of a multilingual set, a rare technique) gives probabilities far
from 0.5 for the labels it has seen rarely, and a fixed 0.5 cutoff predicts almost nothing there. ``train`` in
:mod:`.models` therefore predicts every training unit out of fold (k folds grouped by article, so paragraphs of one
article never sit on both sides) and keeps, per label, the cutoff that maximises F1 on those held-out predictions;
per language too, where the language holds enough positives of the label (else the label's overall cutoff). For
the single-label genre task the same held-out predictions fit one additive log-odds offset per genre, chosen to
maximise macro-F1. Both are stored in the model's metadata and applied at prediction time.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["GRID", "best_threshold", "calibrate_labels", "fit_class_bias", "out_of_fold"]

#: Candidate cutoffs.
GRID = tuple(round(0.05 + 0.025 * i, 3) for i in range(37))  # 0.05 .. 0.95
#: A language gets its own cutoff for a label when it holds at least this many positives of it.
MIN_POSITIVES = 5


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``tp`` right among ``n_pred`` predictions and ``n_gold`` gold: the objective the
    cutoffs maximise on held-out folds. (Training may not import :mod:`newsprism.evaluate`, whose report type gives
    the figures of every evaluation; this is the one other place the harmonic mean is taken.)"""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _folds(groups: Sequence[Any], k: int) -> list[list[int]]:
    """Unit indices of ``k`` folds; units of one group (article) stay together; deterministic."""
    order = sorted(set(groups), key=lambda g: (hashlib.sha1(str(g).encode()).hexdigest(), str(g)))
    fold_of = {g: i % k for i, g in enumerate(order)}
    out: list[list[int]] = [[] for _ in range(k)]
    for i, g in enumerate(groups):
        out[fold_of[g]].append(i)
    return [f for f in out if f]


def out_of_fold(
    texts: Sequence[str],
    targets: Sequence[Any],
    groups: Sequence[Any],
    *,
    folds: int,
    features: Callable[[], Any],
    c: float,
    classes: Sequence[str],
    multilabel: bool,
) -> list[list[float]]:
    """Held-out probabilities of every unit (one row per unit, one column per class)."""
    from sklearn.linear_model import LogisticRegression

    rows: list[list[float]] = [[0.0] * len(classes) for _ in texts]
    parts = _folds(groups, folds)
    for held in parts:
        held_set = set(held)
        train_idx = [i for i in range(len(texts)) if i not in held_set]
        if not train_idx:
            continue
        vec = features()
        x_train = vec.fit_transform([texts[i] for i in train_idx])
        x_held = vec.transform([texts[i] for i in held])
        if multilabel:
            for j, lab in enumerate(classes):
                y = [int(lab in targets[i]) for i in train_idx]
                if 0 < sum(y) < len(y):
                    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x_train, y)
                    probs = clf.predict_proba(x_held)[:, 1]
                else:
                    probs = [sum(y) / len(y)] * len(held)
                for r, i in enumerate(held):
                    rows[i][j] = float(probs[r])
        else:
            y_lab = [targets[i] for i in train_idx]
            if len(set(y_lab)) < 2:
                for i in held:
                    rows[i] = [float(lab == y_lab[0]) for lab in classes]
                continue
            clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x_train, y_lab)
            seen = [str(x) for x in clf.classes_]
            probs = clf.predict_proba(x_held)
            for r, i in enumerate(held):
                rows[i] = [float(probs[r][seen.index(lab)]) if lab in seen else 0.0 for lab in classes]
    return rows


def best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, dict[str, float]]:
    """The cutoff of ``GRID`` with the best F1 on (score, gold) pairs (ties: the higher cutoff), and its P/R/F1."""
    best = (0.5, {"precision": 0.0, "recall": 0.0, "f1": 0.0})
    positives = sum(gold)
    for t in GRID:
        tp = sum(1 for s, g in zip(scores, gold, strict=True) if g and s >= t)
        pred = sum(1 for s in scores if s >= t)
        p, r, score = _prf(tp, pred, positives)
        if score >= best[1]["f1"] and (score > 0 or t == 0.5):
            best = (t, {"precision": round(p, 4), "recall": round(r, 4), "f1": round(score, 4)})
    return best


def calibrate_labels(
    probs: Sequence[Sequence[float]], targets: Sequence[Sequence[str]], languages: Sequence[str], labels: Sequence[str]
) -> dict[str, Any]:
    """Per-label cutoffs (``"*"``) and per-language ones where the language has enough positives, with the
    held-out P/R/F1 each cutoff reached."""
    thresholds: dict[str, dict[str, float]] = {"*": {}}
    report: dict[str, dict[str, Any]] = {}
    langs = sorted(set(languages))
    for j, lab in enumerate(labels):
        col = [row[j] for row in probs]
        gold = [lab in t for t in targets]
        t, prf = best_threshold(col, gold)
        thresholds["*"][lab] = t
        report[lab] = {"threshold": t, **prf, "support": sum(gold)}
        for lang in langs:
            idx = [i for i, x in enumerate(languages) if x == lang]
            if sum(gold[i] for i in idx) < MIN_POSITIVES or len(langs) == 1:
                continue
            lt, _ = best_threshold([col[i] for i in idx], [gold[i] for i in idx])
            thresholds.setdefault(lang, {})[lab] = lt
    return {"thresholds": thresholds, "held_out": report}


def fit_class_bias(probs: Sequence[Sequence[float]], gold: Sequence[str], classes: Sequence[str]) -> dict[str, float]:
    """One additive log-odds offset per class that maximises macro-F1 of the held-out predictions."""
    logs = [[math.log(max(p, 1e-9)) for p in row] for row in probs]
    bias = [0.0] * len(classes)

    def macro(b: list[float]) -> float:
        pred = [classes[max(range(len(classes)), key=lambda k: row[k] + b[k])] for row in logs]
        total = 0.0
        present = [c for c in classes if c in gold]
        for lab in present:
            tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
            n_pred = sum(1 for p in pred if p == lab)
            n_gold = sum(1 for g in gold if g == lab)
            total += _prf(tp, n_pred, n_gold)[2]
        return total / len(present) if present else 0.0

    best = macro(bias)
    steps = [x / 4 for x in range(-12, 13)]
    for _ in range(2):
        for k in range(len(classes)):
            for s in steps:
                trial = list(bias)
                trial[k] = s
                score = macro(trial)
                if score > best + 1e-9:
                    best, bias = score, trial
    return {lab: b for lab, b in zip(classes, bias, strict=True)}
