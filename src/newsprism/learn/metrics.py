"""The official SemEval-2023 Task 3 figures: macro-F1 (genre), micro-F1 (frames, techniques)."""

from __future__ import annotations

from collections.abc import Sequence

from ..evaluate.metrics import f1

__all__ = ["macro_f1", "micro_prf"]


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
