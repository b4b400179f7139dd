"""The local engine: in-process and worker processes give the same records; files in, files out; bounded memory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from engine_stages import GENRE, STAGES, TOKENS, corpus_rows, make_registry, snapshot, write_jsonl
from newsprism.config import Settings
from newsprism.engine.files import iter_kind, process_files
from newsprism.engine.local import LocalEngine
from newsprism.model import Article, Claim, Entity, Event, Frame, Place, Quote, Span, Technique
from newsprism.model_arrow import KINDS, arrow_schema, article_from_row, records_from_table, table_of
from newsprism.pipeline import Pipeline
from newsprism.store import open_store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", corpus_rows())


@pytest.fixture(scope="module")
def local_one(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out1")
    settings = Settings(env={}, batch_size=4)
    process_files(corpus, out, engine="local", stages=STAGES, registry=make_registry(), settings=settings, workers=1)
    return out


def test_files_out_hold_every_kind_with_evidence(local_one: Path) -> None:
    articles = {r["id"]: r for r in iter_kind(local_one, "articles")}
    assert len(articles) == 11  # 10 good articles + the one a stage fails on; the bad rows are failures
    assert all(a["language"] == "en" for a in articles.values())  # detected where the input had none
    assert {a["genre"] for a in articles.values()} <= {"dense", "sparse"} and articles["t00"]["genre"] == "dense"
    assert json.loads(articles["t03"]["meta"]) == {"n": 3}
    ents = list(iter_kind(local_one, "entities"))
    assert ents and all(e["component"] == TOKENS for e in ents)
    for e in ents:
        assert articles[e["article_id"]]["body"][e["start"] : e["end"]] == e["text"]
    assert {"Almaty", "Tokayev", "Goldman"} <= {e["text"] for e in ents}
    quotes = list(iter_kind(local_one, "quotes"))
    assert quotes and all("said" in q["text"] for q in quotes)
    for q in quotes:
        assert articles[q["article_id"]]["body"][q["start"] : q["end"]] == q["text"]
    for kind in KINDS:  # every dataset exists, even an empty one, with the documented schema
        files = list((local_one / kind).glob("*.parquet"))
        assert files and pq.read_schema(files[0]).names == arrow_schema(kind).names
    failures = list(iter_kind(local_one, "failures"))
    reasons = sorted(f["reason"] for f in failures)
    assert any("corpus.jsonl:4: not JSON" in r for r in reasons)
    assert any("corpus.jsonl:13: no article body" in r for r in reasons)
    assert [(f["article_id"], f["stage"]) for f in failures if f["stage"] != "input"] == [("boom", TOKENS)]


def test_two_workers_write_the_same_records(corpus: Path, local_one: Path, tmp_path: Path) -> None:
    settings = Settings(env={}, batch_size=3)
    rep = process_files(
        corpus, tmp_path, engine="local", stages=STAGES, registry=make_registry(), settings=settings, workers=2
    )
    assert rep.articles == 11 and rep.counts["entities"] > 20
    assert set(rep.stage_seconds) == set(STAGES)
    assert snapshot(tmp_path) == snapshot(local_one)


def test_parquet_input_gives_the_same_records(corpus: Path, local_one: Path, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in corpus.read_text().splitlines() if line.startswith('{"id"')]
    articles = [article_from_row(r) for r in rows if r.get("body")]
    pq.write_table(table_of("articles", articles), tmp_path / "in.parquet")
    out = tmp_path / "out"
    process_files(tmp_path / "in.parquet", out, engine="local", stages=STAGES, registry=make_registry(), workers=1)
    got, want = snapshot(out), snapshot(local_one)
    assert got["failures"] == [f for f in want["failures"] if '"input"' not in f]
    assert {k: v for k, v in got.items() if k != "failures"} == {k: v for k, v in want.items() if k != "failures"}


def test_store_pipeline_on_worker_processes_matches_in_process(tmp_path: Path) -> None:
    found = {}
    for workers in (1, 2):
        store = open_store(tmp_path / f"w{workers}.db")
        for row in corpus_rows():
            store.put_article(article_from_row(row))
        pipe = Pipeline(STAGES, registry=make_registry(), settings=Settings(env={}, workers=workers, batch_size=3))
        report = pipe.run(store, corpus=False)
        assert report.articles == 11 and [f[:2] for f in report.failed] == [("boom", TOKENS)]
        assert store.done_articles(GENRE) == set(store.article_ids())
        found[workers] = (
            sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.iter_items("entities")),
            sorted(json.dumps(q.to_dict(), sort_keys=True) for q in store.iter_items("quotes")),
            sorted((a.id, a.genre, a.genre_score) for a in store.iter_articles()),
        )
        # a second run has nothing left to do
        assert pipe.run(store, corpus=False).articles == 1  # only the failed article is pending
        store.close()
    assert found[1] == found[2] and found[1][0]


def test_in_flight_batches_are_bounded() -> None:
    pulled = 0

    def batches() -> Iterator[tuple[list[Article], dict[str, dict[str, list]]]]:  # type: ignore[type-arg]
        nonlocal pulled
        for i in range(12):
            pulled += 1
            yield [Article(id=f"b{i}", title=None, body=f"Batch {i} mentions Paris and Rome.", language="en")], {}

    reg = make_registry()
    pipe = Pipeline([TOKENS], registry=reg)
    engine = LocalEngine(settings=Settings(env={}), workers=2, max_in_flight=3)
    order = []
    for seen, results in enumerate(engine.map(batches(), pipe.specs, pipe.resources, {}), 1):
        order.append(results[0].article_id)
        # never more than max_in_flight batches ahead of what was returned
        assert pulled - seen <= 3
    assert order == [f"b{i}" for i in range(12)]  # results come back in input order


def test_arrow_schema_round_trips_every_kind() -> None:
    art = Article(id="x", title=None, body="Body text.", authors=["A"], meta={"k": [1, 2]}, language="en")
    samples = {
        "articles": [art],
        "entities": [Entity("x", 0, 4, "Body", score=0.5, component="e.v1", type="person", canonical="B")],
        "places": [Place("x", 0, 4, "Body", name="Body", country="GB", lat=1.5, lon=-2.0, geonames_id=7)],
        "events": [Event("x", 0, 4, "Body", type="PROTEST", actor="A")],
        "quotes": [Quote("x", 0, 4, "Body", speaker="S", speaker_start=5, speaker_end=9)],
        "claims": [Claim("x", 0, 4, "Body", type="killed", number=3.0, number_text="three")],
        "frames": [Frame("x", 0, 4, "Body", frame="conflict", evidence=[Span("x", 0, 4, "Body")], terms=["t"])],
        "techniques": [Technique("x", 0, 4, "Body", technique="loaded_language", paragraph=0)],
    }
    assert set(samples) == set(KINDS)
    for kind, records in samples.items():
        table = table_of(kind, records)
        assert table.schema == arrow_schema(kind)
        assert records_from_table(kind, table) == records


def test_cli_run_local(corpus: Path, local_one: Path, tmp_path: Path) -> None:
    from newsprism.cli import _load_commands, cli

    _load_commands()
    res = CliRunner().invoke(
        cli,
        [
            "run",
            "--engine",
            "local",
            "--input",
            str(corpus),
            "--output",
            str(tmp_path),
            "--registry",
            "engine_stages:make_registry",
            "--json",
            "--workers",
            "1",
            *[a for s in STAGES for a in ("--stage", s)],
        ],
    )
    assert res.exit_code == 1, res.output  # some rows and one stage failed: partial success
    report = json.loads(res.stdout)
    assert report["articles"] == 11 and len(report["failed"]) == 3
    assert snapshot(tmp_path) == snapshot(local_one)
