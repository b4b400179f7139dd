"""A bounded fuzz run (fixed seeds, about two minutes): every loader, the row reader, decoding and the stages over
mutated and hostile inputs. It fails on any exception that is not a recorded failure, and on any input over its time
or memory bound. ``benchmarks/fuzz.py --minutes N`` runs longer; its figures are in docs/benchmarks.md."""

from __future__ import annotations

import pytest

from fuzz_inputs import FuzzReport, fuzz_loaders, fuzz_stages

pytestmark = pytest.mark.slow


def test_loaders_and_row_reader_raise_only_recorded_failures() -> None:
    report = FuzzReport()
    fuzz_loaders(report, seed=20260101, budget=40, seconds=30, memory_mb=500)
    assert report.tried >= 40, report.summary()
    assert report.uncaught == [], "\n".join(report.uncaught[:10])
    assert report.over_bounds == [], "\n".join(report.over_bounds)
    assert report.recorded > 0  # the hostile inputs were seen as such


def test_stages_record_every_failure_and_stay_within_bounds() -> None:
    report = FuzzReport()
    fuzz_stages(report, seed=20260102, budget=50, seconds=120, memory_mb=1000, min_inputs=3)
    assert report.tried >= 3, report.summary()
    assert report.uncaught == [], "\n".join(report.uncaught[:10])
    assert report.over_bounds == [], "\n".join(report.over_bounds)
