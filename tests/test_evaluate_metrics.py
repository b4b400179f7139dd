"""The one report type of every evaluation (newsprism.evaluate.metrics), against figures worked out by hand."""

from __future__ import annotations

import pytest

from newsprism.evaluate.metrics import Report, label_reports, macro_f1, micro_prf, one_to_one, per_label_prf, ratio


def test_counts_give_precision_recall_f1_and_support() -> None:
    r = Report.from_counts(3, 1, 2)  # 3 right, 1 extra, 2 missed
    assert (r.tp, r.fp, r.fn, r.predicted, r.support) == (3, 1, 2, 4, 5)
    assert r.precision == 0.75 and r.recall == 0.6
    assert r.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)  # 0.6667
    assert r.figures() == {"precision": 0.75, "recall": 0.6, "f1": 0.6667}
    assert Report.matched(3, 4, 5) == r


def test_zero_support_and_nothing_predicted() -> None:
    empty = Report.matched(0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1, empty.support) == (0.0, 0.0, 0.0, 0)
    # scorers that ask "was anything missed or wrongly reported?" count an empty list as perfect
    lenient = Report.matched(0, 0, 0, empty=1.0)
    assert (lenient.precision, lenient.recall, lenient.f1) == (1.0, 1.0, 1.0)
    # predictions where the gold has nothing: every one is wrong, recall has nothing to measure
    extra = Report.matched(0, 3, 0)
    assert (extra.precision, extra.recall, extra.f1, extra.fp) == (0.0, 0.0, 0.0, 3)
    # gold but no prediction
    silent = Report.matched(0, 0, 4)
    assert (silent.precision, silent.recall, silent.f1, silent.fn) == (0.0, 0.0, 0.0, 4)


def test_all_wrong() -> None:
    r = Report.from_counts(0, 4, 2)
    assert (r.precision, r.recall, r.f1) == (0.0, 0.0, 0.0)
    assert (r.fp, r.fn, r.support) == (4, 2, 2)


def test_minimum_lists_judge_precision_and_recall_on_different_numerators() -> None:
    # 5 of 6 must items found; 4 of the 5 judged predictions right (others are not judged by a minimum list)
    r = Report(correct=4, predicted=5, found=5, gold=6)
    assert r.precision == 0.8 and r.recall == pytest.approx(5 / 6)
    assert r.f1 == pytest.approx(2 * 0.8 * (5 / 6) / (0.8 + 5 / 6))


def test_averaged_shares_as_counts() -> None:
    # BCubed over two items: precision shares 1 and 0.5, recall shares 0.5 and 0.5
    r = Report(1.5, 2, 1.0, 2)
    assert (r.precision, r.recall) == (0.75, 0.5) and r.f1 == pytest.approx(0.6)


def test_per_class_macro_differs_from_micro() -> None:
    a = Report.from_counts(8, 2, 0)  # P 0.8, R 1.0, F1 0.8889
    b = Report.from_counts(0, 0, 2)  # P 0, R 0, F1 0
    r = Report.by_class({"a": a, "b": b})
    # micro: 8 right of 10 predicted, 8 found of 10 gold
    assert (r.tp, r.predicted, r.support) == (8, 10, 10)
    assert r.precision == 0.8 and r.recall == 0.8 and r.f1 == pytest.approx(0.8)
    # macro: the mean of the classes' figures
    assert r.macro_precision == pytest.approx(0.4) and r.macro_recall == pytest.approx(0.5)
    assert r.macro_f1 == pytest.approx((16 / 18) / 2)  # 0.4444
    d = r.to_dict()
    assert d["macro_f1"] == 0.4444 and d["f1"] == 0.8 and d["classes"]["b"]["support"] == 2
    assert Report().macro_f1 == 0.0  # no class, no macro figure


def test_reports_add_up_by_class() -> None:
    one = Report.by_class({"a": Report.matched(1, 2, 2)})
    two = Report.by_class({"a": Report.matched(1, 1, 1), "b": Report.matched(0, 1, 0)})
    total = one + two
    assert (total.correct, total.predicted, total.found, total.gold) == (2, 4, 2, 3)
    assert total.classes["a"] == Report.matched(2, 3, 3) and total.classes["b"] == Report.matched(0, 1, 0)


def test_label_sets_micro_macro_and_per_label() -> None:
    gold = [{"x"}, {"x", "y"}, set(), {"y"}]
    pred = [{"x"}, {"y"}, {"x"}, set()]
    # x: tp 1, predicted 2, gold 2; y: tp 1, predicted 1, gold 2
    reps = label_reports(gold, pred)
    assert reps["x"] == Report.matched(1, 2, 2) and reps["y"] == Report.matched(1, 1, 2)
    micro = micro_prf(gold, pred)
    assert micro == {"micro_f1": 0.5714, "precision": 0.6667, "recall": 0.5, "n": 4, "predicted": 3, "gold": 4}
    labels = per_label_prf(gold, pred)
    assert labels["x"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2, "predicted": 2}
    assert labels["y"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2, "predicted": 1}


def test_single_label_macro_f1_and_accuracy() -> None:
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "a"]
    # a: P 1/2 R 1/2 F1 0.5; b: P 1/2 R 1 F1 0.6667; c: P 0 R 0 F1 0
    out = macro_f1(gold, pred)
    assert out["f1:a"] == 0.5 and out["f1:b"] == 0.6667 and out["f1:c"] == 0.0
    assert out["macro_f1"] == round((0.5 + 0.6667) / 3, 4) and out["accuracy"] == 0.5 and out["n"] == 4
    assert macro_f1([], []) == {"macro_f1": 0.0, "accuracy": 0.0, "n": 0}


def test_one_to_one_matching_uses_each_side_once_best_first() -> None:
    # prediction 0 overlaps gold 0 (0.9) and gold 1 (0.5); prediction 1 overlaps gold 0 (0.8) only
    pairs = one_to_one([(0.5, 0, 1), (0.8, 1, 0), (0.9, 0, 0)])
    assert pairs == [(0, 0)]  # prediction 1 loses gold 0, prediction 0 is used up
    assert one_to_one([(0.5, 1, 1), (0.5, 0, 0), (0.4, 2, 2)]) == [(0, 0), (1, 1), (2, 2)]
    r = Report.matched(len(pairs), 2, 2)
    assert (r.precision, r.recall) == (0.5, 0.5)


def test_ratio() -> None:
    assert ratio(1, 4) == 0.25 and ratio(1, 0) == 0.0 and ratio(0, 0, 1.0) == 1.0
