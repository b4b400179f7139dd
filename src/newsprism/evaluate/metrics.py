"""The one report every evaluation gives: precision, recall, F1 and support, from counts, overall and by class.

A :class:`Report` holds four counts: ``correct`` of the ``predicted`` items are right (precision), ``found`` of the
``gold`` items are found (recall). Under one-to-one matching (:func:`one_to_one`) the two numerators are the same
number, the true positives: build it with :meth:`Report.matched` or :meth:`Report.from_counts`. They differ only
where the gold is a list of minimums and a scorer judges some predictions alone (the seed page's ``must`` lists).
Averaged measures (BCubed, the per-page means of the extraction benchmark) give summed per-item shares as counts.

Per-class reports sit in ``classes``; the report itself is then their micro average (summed counts), and
:attr:`Report.macro_f1` is the mean of the classes' F1. Every module of :mod:`newsprism.evaluate` takes its
precision, recall and F1 from here; none derives them itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Report",
    "best_one_to_one",
    "label_lines",
    "label_reports",
    "macro_f1",
    "micro_prf",
    "one_to_one",
    "per_label_prf",
    "ratio",
]


def ratio(part: float, whole: float, empty: float = 0.0) -> float:
    """``part / whole``, and ``empty`` when ``whole`` is zero (no prediction has no precision to speak of)."""
    return part / whole if whole else empty


def _harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """Precision, recall, F1 and support of one comparison of predictions with gold (see the module docstring).

    ``empty`` is the figure of a ratio with nothing under it: 0.0 by default (nothing predicted scores nothing);
    1.0 for the scorers that ask "was anything missed / wrongly reported?" of a gold list that may be empty.
    """

    correct: float = 0
    predicted: float = 0
    found: float = 0
    gold: float = 0
    empty: float = 0.0
    classes: Mapping[str, Report] = field(default_factory=dict, hash=False)

    @classmethod
    def matched(cls, tp: float, predicted: float, gold: float, *, empty: float = 0.0) -> Report:
        """``tp`` one-to-one matches between ``predicted`` predictions and ``gold`` gold items."""
        return cls(tp, predicted, tp, gold, empty)

    @classmethod
    def from_counts(cls, tp: float, fp: float, fn: float, *, empty: float = 0.0) -> Report:
        """True positives, false positives, false negatives."""
        return cls(tp, tp + fp, tp, tp + fn, empty)

    @classmethod
    def by_class(cls, classes: Mapping[str, Report], *, empty: float = 0.0) -> Report:
        """The micro average of ``classes`` (their counts summed), holding them for the per-class figures."""
        return cls(
            sum(r.correct for r in classes.values()),
            sum(r.predicted for r in classes.values()),
            sum(r.found for r in classes.values()),
            sum(r.gold for r in classes.values()),
            empty,
            dict(classes),
        )

    @property
    def tp(self) -> float:
        return self.found

    @property
    def fp(self) -> float:
        return self.predicted - self.correct

    @property
    def fn(self) -> float:
        return self.gold - self.found

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted, self.empty)

    @property
    def recall(self) -> float:
        return ratio(self.found, self.gold, self.empty)

    @property
    def f1(self) -> float:
        return _harmonic(self.precision, self.recall)

    @property
    def support(self) -> float:
        return self.gold

    @property
    def macro_precision(self) -> float:
        return ratio(sum(r.precision for r in self.classes.values()), len(self.classes), self.empty)

    @property
    def macro_recall(self) -> float:
        return ratio(sum(r.recall for r in self.classes.values()), len(self.classes), self.empty)

    @property
    def macro_f1(self) -> float:
        return ratio(sum(r.f1 for r in self.classes.values()), len(self.classes), self.empty)

    def __add__(self, other: Report) -> Report:
        names = sorted(set(self.classes) | set(other.classes))
        classes = {
            k: self.classes.get(k, Report(empty=self.empty)) + other.classes.get(k, Report(empty=self.empty))
            for k in names
        }
        return Report(
            self.correct + other.correct,
            self.predicted + other.predicted,
            self.found + other.found,
            self.gold + other.gold,
            self.empty,
            classes,
        )

    def figures(self, digits: int = 4) -> dict[str, float]:
        """``precision``, ``recall`` and ``f1``, rounded."""
        return {
            "precision": round(self.precision, digits),
            "recall": round(self.recall, digits),
            "f1": round(self.f1, digits),
        }

    def to_dict(self, digits: int = 4) -> dict[str, Any]:
        """The figures with their counts, and per class (with the macro averages) when there are classes."""
        out: dict[str, Any] = {
            **self.figures(digits),
            "support": self.support,
            "predicted": self.predicted,
            "correct": self.correct,
            "found": self.found,
        }
        if self.classes:
            out["macro_precision"] = round(self.macro_precision, digits)
            out["macro_recall"] = round(self.macro_recall, digits)
            out["macro_f1"] = round(self.macro_f1, digits)
            out["classes"] = {k: r.to_dict(digits) for k, r in sorted(self.classes.items())}
        return out


def one_to_one(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: (score, prediction index, gold index) candidates, best score first (ties: lower
    indices first); each prediction and each gold item is used at most once. Returns the (prediction, gold) pairs."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def best_one_to_one(weights: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one matching: ``weights[(i, j)]`` is the worth of pairing row ``i`` with column ``j``
    (absent: not allowed, every weight > 0). Returns the chosen (row, column) pairs, which maximise the summed
    weight; give a large base weight to every allowed pair to maximise their number first."""
    if not weights:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    rows = sorted({i for i, _ in weights})
    cols = sorted({j for _, j in weights})
    row_at = {i: a for a, i in enumerate(rows)}
    col_at = {j: b for b, j in enumerate(cols)}
    worth = np.zeros((len(rows), len(cols)))  # a forbidden cell is worth nothing, so it never adds to the sum
    for (i, j), w in weights.items():
        worth[row_at[i], col_at[j]] = w
    chosen = zip(*linear_sum_assignment(worth, maximize=True), strict=True)
    return sorted((rows[a], cols[b]) for a, b in chosen if (rows[a], cols[b]) in weights)


def label_reports(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, Report]:
    """A report per label seen in gold or predictions, over units that each carry a set of labels."""
    labels = sorted({x for g in gold for x in g} | {x for p in pred for x in p})
    out: dict[str, Report] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if lab in g and lab in p)
        out[lab] = Report.matched(tp, sum(1 for p in pred if lab in p), sum(1 for g in gold if lab in g))
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str], *, labels: Sequence[str] | None = None) -> dict[str, float]:
    """Single-label units: macro-averaged F1 over the labels present in gold (or ``labels``), per-label F1 and
    accuracy. As SemEval-2023 Task 3 reports it, the mean is taken over the per-label F1 rounded to four places."""
    names = sorted(set(labels or gold))
    per: dict[str, float] = {}
    for lab in names:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        per[lab] = round(Report.matched(tp, sum(1 for p in pred if p == lab), sum(1 for g in gold if g == lab)).f1, 4)
    acc = ratio(sum(1 for g, p in zip(gold, pred, strict=True) if g == p), len(gold))
    return {
        "macro_f1": round(ratio(sum(per.values()), len(per)), 4),
        "accuracy": round(acc, 4),
        "n": len(gold),
        **{f"f1:{k}": v for k, v in per.items()},
    }


def micro_prf(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, float]:
    """Multi-label units (one label set each): micro-averaged precision, recall and F1."""
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_pred = sum(len(p) for p in pred)
    n_gold = sum(len(g) for g in gold)
    r = Report.matched(tp, n_pred, n_gold)
    return {
        "micro_f1": round(r.f1, 4),
        "precision": round(r.precision, 4),
        "recall": round(r.recall, 4),
        "n": len(gold),
        "predicted": n_pred,
        "gold": n_gold,
    }


def per_label_prf(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of every label seen in gold or predictions."""
    return {
        lab: {**r.figures(), "support": int(r.gold), "predicted": int(r.predicted)}
        for lab, r in label_reports(gold, pred).items()
    }


def label_lines(labels: dict[str, dict[str, float]], width: int) -> list[str]:
    """One printed line per label of :func:`per_label_prf` (the label padded to ``width``)."""
    return [
        f"    {lab:{width}} P {row['precision']:.4f}  R {row['recall']:.4f}  F1 {row['f1']:.4f}  "
        f"support {row['support']}"
        for lab, row in labels.items()
    ]
