"""End to end: the seed articles through the pipeline into a SQLite store, exported as frames.jsonl and
techniques.jsonl; scored with the seed scorer when ../shared is present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.evaluate.seed import seed_articles
from newsprism.pipeline import Pipeline
from newsprism.publish.export import export
from newsprism.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kazakhstan-2022-01-12.txt"
# the shared folder sits beside the clone (CI); beside the worktrees' parent in a multi-worktree checkout
SHARED = next((p for p in (ROOT / "../shared", ROOT / "../../shared") if (p / "datasets").is_dir()), ROOT / "../shared")
STAGES = ["genre.features.v1", "frames.generic.v1", "frames.narrative.v1", "techniques.lexicon.v1"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("export")
    with pytest.MonkeyPatch.context() as mp, open_store(tmp / "seed.db") as store:
        mp.setenv("NEWSPRISM_HOME", str(tmp / "home"))  # no user frame files or trained models
        for a in seed_articles(EXAMPLE):
            store.put_article(a)
        report = Pipeline(STAGES).run(store, corpus=False)
        assert not report.failed and report.committed == 8
        export(store, tmp / "out")
    return tmp / "out"


def _rows(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_export_writes_frames_and_techniques(exported: Path) -> None:
    articles = {a["id"]: a for a in _rows(exported / "articles.jsonl")}
    assert {a["genre"] for a in articles.values()} == {"analysis", "opinion"}
    frames = _rows(exported / "frames.jsonl")
    techniques = _rows(exported / "techniques.jsonl")
    assert frames and techniques
    for f in frames:
        body = articles[f["article_id"]]["body"]
        assert body[f["start"] : f["end"]] == f["text"] and f["component"] in {
            "frames.generic.v1",
            "frames.narrative.v1",
        }
        for ev in f["evidence"]:
            assert body[ev["start"] : ev["end"]] == ev["text"]
    for t in techniques:
        assert articles[t["article_id"]]["body"][t["start"] : t["end"]] == t["text"]
    chinese = [f for f in frames if f["family"] == "narrative" and "恐怖分子" in f["terms"]]
    assert chinese and chinese[0]["holder"].startswith("China") and chinese[0]["stance"] == "reported"
    assert {"holders", "holder_text", "stance_score"} <= set(chinese[0])


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "tools" / "score_seed.py").exists(), reason="../shared is absent")
@pytest.mark.parametrize("section", ["frames", "techniques"])
def test_seed_scorer_finds_every_must_item(exported: Path, section: str) -> None:
    # the scorer matches articles by title: titles come from the seed markers
    gold = SHARED / "seed" / "kazakhstan-2022-01-12.gold.json"
    res = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_seed.py"), str(exported), str(gold), section],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 wrongly reported" in res.stdout
