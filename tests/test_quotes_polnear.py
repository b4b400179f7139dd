"""Quote extraction floors on PolNeAR dev (needs ../shared/datasets; skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.evaluate.quotes import evaluate_polnear, load_polnear

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT / ".." / "shared"))
POLNEAR = SHARED / "datasets" / "quotes" / "polnear"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.slow,
    pytest.mark.skipif(not (POLNEAR / "dev").is_dir(), reason="../shared/datasets/quotes/polnear is absent"),
]

#: measured with ``python -m newsprism.evaluate.quotes --polnear DIR`` (docs/claims.md); floors sit just below
F1_FLOOR = 0.905
SPEAKER_FLOOR = 0.925


def test_polnear_reader_finds_direct_quotes() -> None:
    docs = list(load_polnear(POLNEAR, "dev"))
    assert len(docs) == 84
    assert 650 <= sum(len(g) for _, _, g in docs) <= 760
    _name, text, gold = docs[0]
    for g in gold:
        assert all(0 <= a < b <= len(text) for a, b in g.ranges)


def test_polnear_dev_floors() -> None:
    s = evaluate_polnear(POLNEAR, split="dev")
    assert s.f1 >= F1_FLOOR, s.to_dict()
    assert s.speaker_accuracy >= SPEAKER_FLOOR, s.to_dict()
