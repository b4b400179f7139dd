"""The Spark engine in Spark local mode: the same records as the local engine, files in/out and from a store."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engine_stages import STAGES, TOKENS, corpus_rows, make_registry, snapshot, write_jsonl
from newsprism.config import Settings
from newsprism.engine.files import iter_kind, process_files
from newsprism.model_arrow import article_from_row
from newsprism.pipeline import Pipeline
from newsprism.store import open_store

pytestmark = [
    pytest.mark.spark,
    pytest.mark.xdist_group("spark"),
    pytest.mark.skipif(importlib.util.find_spec("pyspark") is None, reason="pyspark is not installed"),
    pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime for Spark"),
]


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from newsprism.engine.spark import spark_session

    session = spark_session(
        master="local[2]",
        app_name="newsprism-tests",
        conf={
            "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": "2",
            "spark.default.parallelism": "2",
            "spark.driver.memory": "1g",
        },
    )
    # the test stages live in tests/engine_stages.py: ship it to the Python workers as a cluster job would
    session.sparkContext.addPyFile(str(Path(__file__).with_name("engine_stages.py")))
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", corpus_rows())


def test_spark_files_match_the_local_engine(spark: Any, corpus: Path, tmp_path: Path) -> None:
    settings = Settings(env={}, batch_size=4)
    local = process_files(
        corpus,
        tmp_path / "local",
        engine="local",
        stages=STAGES,
        registry=make_registry(),
        settings=settings,
        workers=1,
    )
    rep = process_files(
        corpus, tmp_path / "spark", engine="spark", stages=STAGES, registry=make_registry(), settings=settings
    )
    assert rep.engine == "engine.spark.v1"
    assert rep.articles == local.articles == 11
    assert rep.counts == local.counts
    assert set(rep.stage_seconds) == set(STAGES)
    got, want = snapshot(tmp_path / "spark"), snapshot(tmp_path / "local")
    assert got["entities"] and got["quotes"]
    assert got == want
    articles = {r["id"]: r for r in iter_kind(tmp_path / "spark", "articles")}
    for e in iter_kind(tmp_path / "spark", "entities"):
        assert articles[e["article_id"]]["body"][e["start"] : e["end"]] == e["text"]
    assert [
        (f["article_id"], f["stage"]) for f in iter_kind(tmp_path / "spark", "failures") if f["stage"] != "input"
    ] == [("boom", TOKENS)]


def test_spark_engine_runs_a_store_pipeline(spark: Any, tmp_path: Path) -> None:
    found = {}
    for engine in ("local", "spark"):
        store = open_store(tmp_path / f"{engine}.db")
        for row in corpus_rows():
            store.put_article(article_from_row(row))
        pipe = Pipeline(STAGES, registry=make_registry(), settings=Settings(env={}, batch_size=3))
        report = pipe.run(store, engine=engine, corpus=False)
        assert report.articles == 11 and [f[:2] for f in report.failed] == [("boom", TOKENS)]
        found[engine] = {
            kind: sorted(json.dumps(it.to_dict(), sort_keys=True) for it in store.iter_items(kind))
            for kind in ("entities", "quotes")
        } | {"genres": sorted((a.id, a.genre, a.genre_score) for a in store.iter_articles())}
        store.close()
    assert found["spark"] == found["local"] and found["spark"]["entities"]


def test_spark_reads_parquet_with_missing_columns(spark: Any, corpus: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [r for r in corpus_rows() if r["id"] != "boom"]
    # a minimal input: only some columns, no language (detected), no ids for half (content hash)
    table = pa.table(
        {
            "id": [r["id"] if i % 2 else None for i, r in enumerate(rows)],
            "title": [r["title"] for r in rows],
            "body": [r["body"] for r in rows],
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    local = tmp_path / "local"
    process_files(tmp_path / "in.parquet", local, engine="local", stages=STAGES, registry=make_registry(), workers=1)
    rep = process_files(
        tmp_path / "in.parquet", tmp_path / "spark", engine="spark", stages=STAGES, registry=make_registry()
    )
    assert rep.articles == 10 and not rep.failed
    got = snapshot(tmp_path / "spark")
    assert got == snapshot(local) and len(got["entities"]) > 20
    ids = {r["id"] for r in iter_kind(tmp_path / "spark", "articles")}
    assert "t01" in ids and "t00" not in ids and all(len(i) in (3, 16) for i in ids)
    assert {r["language"] for r in iter_kind(tmp_path / "spark", "articles")} == {"en"}
