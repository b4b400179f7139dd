"""Event coding floors on the PLOVER gold standard records (needs ../shared/datasets; skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.evaluate.events import evaluate_plover

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT / ".." / "shared"))
GSR = SHARED / "datasets" / "events" / "PLOVER_GSR_CAMEO.json"

pytestmark = [pytest.mark.shared]

#: measured with ``python -m newsprism.evaluate.events --plover FILE`` (docs/claims.md); floors sit just below
TYPE_ACCURACY_FLOOR = 0.63
F1_FLOOR = 0.51
MAIN_F1_FLOOR = 0.61
ACTOR_FLOOR = 0.72
RECIPIENT_FLOOR = 0.43


@pytest.mark.skipif(not GSR.is_file(), reason="../shared/datasets/events is absent")
def test_plover_gsr_floors() -> None:
    s = evaluate_plover(GSR)
    d = s.to_dict()
    assert s.records == 322
    assert d["type_accuracy"] >= TYPE_ACCURACY_FLOOR, d
    assert s.f1 >= F1_FLOOR, d
    assert s.main_f1 >= MAIN_F1_FLOOR, d
    assert d["actor_match"] >= ACTOR_FLOOR, d
    assert d["recipient_match"] >= RECIPIENT_FLOOR, d


PETR = SHARED / "datasets" / "events" / "PETR.UnitTest.records.xml"
#: measured with ``newsprism evaluate --task events --data PETR.UnitTest.records.xml`` (held-out half, docs/events.md)
PETR_HELD_OUT_FLOOR = 0.52
PETR_HELD_OUT_PRECISION_FLOOR = 0.54


@pytest.mark.skipif(not PETR.is_file(), reason="../shared/datasets/events is absent")
def test_petrarch_unit_tests_held_out_half() -> None:
    from newsprism.evaluate.events import evaluate_petrarch

    r = evaluate_petrarch(PETR, split="held-out")
    assert r["records"] == 96 and r["left_out"] == 94, r
    assert r["type_accuracy"] >= PETR_HELD_OUT_FLOOR, r
    assert r["precision"] >= PETR_HELD_OUT_PRECISION_FLOOR, r
