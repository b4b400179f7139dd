"""The entities and places stages through a real SQLite store, the pipeline and ``newsprism export``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.model import Article
from newsprism.pipeline import Pipeline
from newsprism.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if not SHARED.is_dir():
    SHARED = ROOT.parent.parent / "shared"
GOLD = SHARED / "seed" / "kazakhstan-2022-01-12.gold.json"
SCORER = SHARED / "tools" / "score_seed.py"

BODY = (
    "President Kassym-Jomart Tokayev asked the CSTO for help after protests in Zhanaozen and Almaty. "
    "Vladimir Putin sent troops; Tokayev thanked him. Unrest spread close to Kyrgistan."
)


def test_pipeline_stores_and_export_writes_entities_and_places(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    store.put_article(Article(id="a1", title="Unrest", body=BODY, language="en"))
    report = Pipeline(["entities.ner.v1", "places.gazetteer.v1"]).run(store, corpus=False)
    assert not report.failed
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from newsprism.cli import main; main()",
            "export",
            "--db",
            str(tmp_path / "t.db"),
            "--format",
            "jsonl",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    ents = [json.loads(x) for x in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    places = [json.loads(x) for x in (out / "places.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in ents + places:
        assert BODY[row["start"] : row["end"]] == row["text"]
    assert {e["entity_id"] for e in ents} >= {"tokayev", "csto", "putin"}
    assert all(e["canonical"] and e["component"] == "entities.ner.v1" for e in ents)
    by_name = {p["name"]: p for p in places}
    assert by_name["Zhanaozen"]["country"] == "KZ" and abs(by_name["Zhanaozen"]["lat"] - 43.34) < 0.5
    assert by_name["Kyrgyzstan"]["country"] == "KG"
    assert {"name", "country", "lat", "lon", "geonames_id", "feature"} <= set(places[0])


@pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="../shared seed gold or scorer absent")
def test_seed_scorer_passes_on_export(tmp_path: Path) -> None:
    from newsprism.evaluate.seed import seed_articles
    from newsprism.publish.export import export

    store = open_store(tmp_path / "seed.db")
    for art in seed_articles(ROOT / "examples" / "kazakhstan-2022-01-12.txt"):
        store.put_article(art)
    Pipeline(["entities.ner.v1", "places.gazetteer.v1"]).run(store, corpus=False)
    export(store, tmp_path / "exp", tables=("articles", "entities", "places"))
    for section in ("entities", "places"):
        proc = subprocess.run(
            [sys.executable, str(SCORER), str(tmp_path / "exp"), str(GOLD), section],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout
