"""The claims evaluation on a multilingual development set, run here on a tiny set written for this test (pages and
annotations in the development set's layout)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsprism.evaluate.claims import claims_for_text, evaluate_devset_claims, main

PAGES = {
    "de-flood-01": (
        "de",
        "Nach Angaben der Feuerwehr kamen mindestens 12 Menschen ums Leben. Rund 300 Häuser wurden zerstört.",
    ),
    "zh-flood-01": ("zh", "据应急管理部消息，洪水已造成超过40人死亡，另有2000余人被疏散。"),
}
GOLD = [
    {
        "id": "de-flood-01",
        "lang": "de",
        "figures": [
            {"n": 12, "type": "killed", "hedge": "at least", "claimant": "Feuerwehr"},
            {"n": 300, "type": "destroyed", "hedge": "about"},
        ],
    },
    {
        "id": "zh-flood-01",
        "lang": "zh",
        "figures": [
            {"n": 40, "type": "killed", "hedge": "more than", "claimant": "应急管理部"},
            {"n": 2000, "type": "displaced", "hedge": "more than"},
            {"n": 7, "type": "missing"},
        ],
    },
]


def write_set(tmp_path: Path) -> tuple[Path, Path]:
    pages = tmp_path / "pages"
    pages.mkdir()
    for pid, (_lang, text) in PAGES.items():
        (pages / f"{pid}.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(yaml.safe_dump(GOLD, allow_unicode=True), encoding="utf-8")
    return pages, gold


def test_recall_per_language(tmp_path: Path) -> None:
    pages, gold = write_set(tmp_path)
    per_lang, total = evaluate_devset_claims(pages, gold=gold)
    assert sorted(per_lang) == ["de", "zh"]
    assert (per_lang["de"].figures_found, per_lang["de"].figures) == (2, 2)
    assert (per_lang["zh"].figures_found, per_lang["zh"].figures) == (2, 3)  # nothing says 7 are missing
    assert total.misses == ["zh-flood-01: figure 7 missing"]
    assert (total.hedges_ok, total.hedges) == (4, 4) and (total.claimants_ok, total.claimants) == (2, 2)
    assert total.figures_precision() == 1.0


def test_cli_prints_a_row_per_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages, gold = write_set(tmp_path)
    assert main([str(pages), str(gold)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:]}
    assert set(rows) == {"de", "zh", "all"} and rows["all"][2] == "0.80"


def test_claims_for_text_is_the_stage() -> None:
    (c,) = claims_for_text("Según la policía, más de 50 manifestantes fueron detenidos.", "es")
    assert (c.type, c.number, c.hedge, c.claimant, c.subject) == ("arrested", 50, "more than", "policía", "protesters")
