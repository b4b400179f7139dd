"""The official SemEval-2023 Task 3 figures: macro-F1 (genre), micro-F1 (frames, techniques)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..evaluate.metrics import f1

__all__ = ["macro_f1", "micro_prf", "multilabel_floor", "per_label_prf", "single_label_floor"]


def macro_f1(gold: Sequence[str], pred: Sequence[str], *, labels: Sequence[str] | None = None) -> dict[str, float]:
    """Macro-averaged F1 over the labels present in gold (or ``labels``), with per-label F1 and accuracy."""
    names = sorted(set(labels or gold))
    per: dict[str, float] = {}
    for lab in names:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        per[lab] = round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0
    return {"macro_f1": round(sum(per.values()) / len(per), 4) if per else 0.0, "accuracy": round(acc, 4),
            "n": len(gold), **{f"f1:{k}": v for k, v in per.items()}}  # fmt: skip


def micro_prf(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 of multi-label predictions (one label set per unit)."""
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_pred = sum(len(p) for p in pred)
    n_gold = sum(len(g) for g in gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = f1(p, r)
    return {"micro_f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4), "n": len(gold),
            "predicted": n_pred, "gold": n_gold}  # fmt: skip


def per_label_prf(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of every label seen in gold or predictions."""
    labels = sorted({x for g in gold for x in g} | {x for p in pred for x in p})
    out: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if lab in g and lab in p)
        n_pred = sum(1 for p in pred if lab in p)
        n_gold = sum(1 for g in gold if lab in g)
        pr = tp / n_pred if n_pred else 0.0
        rc = tp / n_gold if n_gold else 0.0
        out[lab] = {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f1(pr, rc), 4), "support": n_gold,
                    "predicted": n_pred}  # fmt: skip
    return out


def multilabel_floor(gold: Sequence[set[str]], *, max_k: int = 6) -> dict[str, Any]:
    """The trivial floor: the best micro-F1 of a constant guess of the k most frequent gold labels (k = 1..max_k),
    computed on the evaluated data itself (so it is an optimistic floor)."""
    counts: dict[str, int] = {}
    for g in gold:
        for lab in g:
            counts[lab] = counts.get(lab, 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    best: dict[str, Any] = {"micro_f1": 0.0, "labels": []}
    for k in range(1, min(max_k, len(ranked)) + 1):
        guess = set(ranked[:k])
        score = micro_prf(gold, [guess] * len(gold))["micro_f1"]
        if score > best["micro_f1"]:
            best = {"micro_f1": score, "labels": sorted(guess)}
    return best


def single_label_floor(gold: Sequence[str]) -> dict[str, Any]:
    """The trivial floor of a single-label task: macro-F1 of always guessing the most frequent gold label."""
    if not gold:
        return {"macro_f1": 0.0, "label": None}
    top = max(sorted(set(gold)), key=lambda k: gold.count(k))
    return {"macro_f1": macro_f1(gold, [top] * len(gold))["macro_f1"], "label": top}
