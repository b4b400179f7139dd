"""The fresh multilingual check set (never tuned on): its annotations are well formed and disjoint from the development
set, and the scorer takes any annotation file (``--gold FILE``) or the shipped fresh set (``--set fresh``)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from newsprism.errors import UnknownComponentError
from newsprism.evaluate.multilingual import load_devset, main
from newsprism.evaluate.story_devset import load_story_pages

TYPES = {"killed", "wounded", "missing", "displaced", "destroyed", "arrested"}
HEDGES = {None, "at least", "more than", "about", "nearly", "up to"}


def test_fresh_set_is_well_formed_and_disjoint_from_the_dev_set() -> None:
    fresh = load_devset(gold_set="fresh")
    dev = load_devset()
    assert len(fresh) >= 30
    assert len({p.id for p in fresh}) == len(fresh)
    assert len(Counter(p.lang for p in fresh)) >= 15
    assert not {p.id for p in fresh} & {p.id for p in dev}
    assert not {p.url for p in fresh} & {p.url for p in dev}
    for p in fresh:
        assert p.url and p.sha256 and len(p.sha256) == 64, p.id
        assert p.figures, p.id
        for g in p.figures:
            assert g["type"] in TYPES and float(g["n"]) > 0 and g.get("hedge") in HEDGES, (p.id, g)
    stories = Counter(p.story for p in load_story_pages(gold_set="fresh"))
    assert stories["al-haouz-2023"] >= 25 and stories["al-hoceima-2004"] >= 4
    assert set(stories) == {"al-haouz-2023", "al-hoceima-2004"}


def test_unknown_set_is_refused() -> None:
    with pytest.raises(UnknownComponentError):
        load_devset(gold_set="test")


_GOLD = """\
- id: x-flood-01
  lang: en
  url: https://fresh.invalid/x-flood-01
  figures:
  - {n: 7, type: killed, hedge: at least, claimant: the fire service}
  - {n: 25, type: displaced}
  people: [Anna Keller]
  places: [Linz]
  quotes: []
  story: linz-flood
  event: floods
"""


@pytest.mark.slow
def test_scorer_takes_an_annotation_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "x-flood-01.txt").write_text(
        "The river Danube burst its banks in Linz overnight. At least 7 people died, the fire service said on "
        "Tuesday, and 25 residents were evacuated from their homes. Mayor Anna Keller asked people to stay indoors.",
        encoding="utf-8",
    )
    gold = tmp_path / "gold.yaml"
    gold.write_text(_GOLD, encoding="utf-8")
    assert [p.story for p in load_story_pages(gold)] == ["linz-flood"]
    assert main([str(pages), "--gold", str(gold), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["split"].startswith(f"annotations {gold}")
    total = out["total"]
    assert total["pages"] == 1 and total["language_ok"] == 1
    assert total["figures"] == 2 and total["figures_found"] >= 1
    assert total["people"] == 1 and total["places"] == 1
    assert out["missing_pages"] == []
