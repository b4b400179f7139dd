"""Event coding floors on the PLOVER gold standard records (needs ../shared/datasets; skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.evaluate.events import evaluate_plover

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT / ".." / "shared"))
GSR = SHARED / "datasets" / "events" / "PLOVER_GSR_CAMEO.json"

pytestmark = [pytest.mark.shared, pytest.mark.skipif(not GSR.is_file(), reason="../shared/datasets/events is absent")]

#: measured with ``python -m newsprism.evaluate.events --plover FILE`` (docs/claims.md); floors sit just below
TYPE_ACCURACY_FLOOR = 0.63
F1_FLOOR = 0.49
MAIN_F1_FLOOR = 0.58
ACTOR_FLOOR = 0.72
RECIPIENT_FLOOR = 0.40


def test_plover_gsr_floors() -> None:
    s = evaluate_plover(GSR)
    d = s.to_dict()
    assert s.records == 322
    assert d["type_accuracy"] >= TYPE_ACCURACY_FLOOR, d
    assert s.f1 >= F1_FLOOR, d
    assert s.main_f1 >= MAIN_F1_FLOOR, d
    assert d["actor_match"] >= ACTOR_FLOOR, d
    assert d["recipient_match"] >= RECIPIENT_FLOOR, d
