"""One row reader for ingest, analyze and run: the same mapping, coercion and validation on every path; syndicated
copies kept with their outlets; a rerun adds nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from engine_stages import STAGES, make_registry
from newsprism.engine.files import iter_input, iter_kind, process_files
from newsprism.ingest import ingest
from newsprism.ingest.rows import RowError, RowReader, layout_of, resolve_mapping
from newsprism.store import open_store

BODY = "The council met on Tuesday to vote on the new budget for the river bridge. " * 3


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _cli(args: list[str]) -> Any:
    from newsprism.cli import _load_commands, cli

    _load_commands()
    return CliRunner().invoke(cli, args)


ALLSIDES_ROW = {
    "topic": "budget",
    "source": "Daily Ledger",
    "bias": 1,
    "url": "https://ledger.example/budget-vote",
    "title": "Council votes on bridge budget",
    "date": "2019-05-02",
    "authors": "N. R. Kleinfield",
    "content_original": BODY,
    "source_url": "ledger.example",
    "bias_text": "center",
    "ID": "x1",
}


def test_known_layouts_are_recognised() -> None:
    assert layout_of(list(ALLSIDES_ROW)) == "allsides"
    assert resolve_mapping(list(ALLSIDES_ROW))["body"] == "content_original"
    news_please = ["maintext", "source_domain", "title", "date_publish", "authors", "url", "language"]
    assert layout_of(news_please) == "news-please"
    fields = resolve_mapping(news_please)
    assert fields["body"] == "maintext" and fields["outlet"] == "source_domain"
    assert resolve_mapping(["text", "domain", "date", "url"])["outlet"] == "domain"  # CC-News


def test_one_author_string_stays_whole_and_several_are_split() -> None:
    reader = RowReader()
    one = reader.article(ALLSIDES_ROW, "f.jsonl:1")
    assert one.authors == ["N. R. Kleinfield"] and one.outlet == "Daily Ledger" and one.body.startswith("The council")
    two = reader.article({**ALLSIDES_ROW, "authors": "Jane Roe, John Doe"}, "f.jsonl:2")
    assert two.authors == ["Jane Roe", "John Doe"]
    listed = reader.article({**ALLSIDES_ROW, "authors": [{"name": "Ada Byron"}, "Alan Turing"]}, "f.jsonl:3")
    assert listed.authors == ["Ada Byron", "Alan Turing"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"content_original": {"text": BODY}}, "body"),
        ({"content_original": True}, "body"),
        ({"title": ["list", "title"]}, "title"),
        ({"authors": {"name": "Jane Roe"}}, "authors"),
        ({"source": 12}, "outlet"),
        ({"date": True}, "published"),
    ],
)
def test_a_field_of_the_wrong_type_is_an_error_naming_place_and_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(RowError) as err:
        RowReader().article({**ALLSIDES_ROW, **change}, "in.jsonl:7")
    assert err.value.field == field
    assert str(err.value).startswith("in.jsonl:7: ") and repr(change[next(iter(change))]) not in str(err.value)


def _bad_rows() -> list[dict[str, Any]]:
    return [
        ALLSIDES_ROW,
        {**ALLSIDES_ROW, "content_original": {"text": "x"}, "url": "https://ledger.example/2"},
        {**ALLSIDES_ROW, "content_original": True, "url": "https://ledger.example/3"},
        {**ALLSIDES_ROW, "title": ["list", "title"], "url": "https://ledger.example/4"},
        {**ALLSIDES_ROW, "authors": {"name": "x"}, "url": "https://ledger.example/5"},
    ]


def test_ingest_and_run_read_the_same_rows_the_same_way(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "allsides.jsonl", _bad_rows())
    with open_store(":memory:") as store:
        rep = ingest([path], store)
        (stored,) = list(store.iter_articles())
    assert stored.authors == ["N. R. Kleinfield"] and stored.title == "Council votes on bridge budget"
    ingest_failures = sorted(reason for _, reason in rep.failed)
    assert [r.split(" (column")[0] for r in ingest_failures] == [
        "field 'authors'",
        "field 'body'",
        "field 'body'",
        "field 'title'",
    ]
    assert sorted(s for s, _ in rep.failed) == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    (batch, bad), *_ = list(iter_input(path))
    (article,) = batch
    assert article.authors == stored.authors and article.body == stored.body and article.outlet == stored.outlet
    assert sorted(reason for _, reason in bad) == ingest_failures
    rep_run = process_files(path, tmp_path / "out", stages=STAGES, registry=make_registry(), workers=1)
    assert rep_run.articles == 1
    failures = sorted(f["reason"] for f in iter_kind(tmp_path / "out", "failures"))
    assert failures == sorted(f"{source}: {reason}" for source, reason in rep.failed)
    (row,) = list(iter_kind(tmp_path / "out", "articles"))
    assert row["authors"] == ["N. R. Kleinfield"] and row["outlet"] == "Daily Ledger"


def test_run_takes_a_mapping_and_exits_3_when_nothing_went_in(tmp_path: Path) -> None:
    rows = [{"story": BODY, "headline": "Bridge vote", "writer": "Jane Roe"}]
    path = _jsonl(tmp_path / "custom.jsonl", rows)
    reg = "engine_stages:make_registry"
    nothing = _cli(["run", "--input", str(path), "--output", str(tmp_path / "a"), "--registry", reg])
    assert nothing.exit_code == 3, nothing.output
    assert "no article body" in nothing.output
    ok = _cli(
        [
            "run",
            "--input",
            str(path),
            "--output",
            str(tmp_path / "b"),
            "--registry",
            reg,
            "--map",
            "body=story",
            "--map",
            "authors=writer",
        ]
    )
    assert ok.exit_code == 0, ok.output
    (row,) = list(iter_kind(tmp_path / "b", "articles"))
    assert row["authors"] == ["Jane Roe"] and row["title"] == "Bridge vote"
    bad = _cli(["run", "--input", str(path), "--output", str(tmp_path / "c"), "--map", "bodyy=story"])
    assert bad.exit_code == 2 and "unknown field 'bodyy'" in bad.output


def test_a_rerun_adds_no_link_from_an_article_to_itself(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "a.jsonl",
        [ALLSIDES_ROW, {**ALLSIDES_ROW, "url": None, "content_original": "Another text on the ferry timetable, " * 5}],
    )
    with open_store(tmp_path / "s.db") as store:
        ingest([path], store)
        ids = store.article_ids()
        assert len(ids) == 2
        again = ingest([path], store)
        assert not again.stored and [r for _, _, r in again.duplicates] == ["already stored", "already stored"]
        assert all(store.duplicates_of(i) == [] for i in ids)
        other = _jsonl(tmp_path / "b.jsonl", [{**ALLSIDES_ROW, "url": None}])
        ingest([other], store)  # the same text from another input is linked, once
        links = [d for i in ids for d in store.duplicates_of(i)]
        assert [(d["source"], d["reason"]) for d in links] == [(f"{other}#line 1", "same text")]


def test_same_text_from_two_outlets_is_kept_twice_and_linked(tmp_path: Path) -> None:
    wire = "A wire report on the harbour strike, sent to every subscriber the same morning. " * 4
    rows = [
        {"body": wire, "title": "Harbour strike", "url": "https://www.nytimes.com/2021/harbour-strike"},
        {"body": wire, "title": "Harbour strike", "url": "https://www.washingtonpost.com/2021/harbour-strike"},
        {"body": wire, "title": "Harbour strike", "url": "https://www.nytimes.com/2021/harbour-strike-again"},
    ]
    path = _jsonl(tmp_path / "wire.jsonl", rows)
    with open_store(tmp_path / "s.db") as store:
        rep = ingest([path], store)
        arts = {a.id: a for a in store.iter_articles()}
        assert len(arts) == 2 and len(rep.syndicated) == 1
        copy_id, first_id = rep.syndicated[0]
        assert {arts[copy_id].outlet_id, arts[first_id].outlet_id} == {"nytimes.com", "washingtonpost.com"}
        assert arts[copy_id].meta["syndicated_from"] == first_id and arts[copy_id].body == arts[first_id].body
        links = store.duplicates_of(first_id)
        assert (f"article:{copy_id}", "syndicated copy") in [(d["source"], d["reason"]) for d in links]
        again = ingest([path], store)  # a rerun stores nothing more
        assert not again.stored and len(store.article_ids()) == 2


def test_a_long_input_reports_rows_and_rate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.ingest as ingest_module

    monkeypatch.setattr(ingest_module._Rate, "EVERY", 0.0)
    rows = [{"body": f"Report number {i} on the ferry timetable of the harbour town. " * 3} for i in range(600)]
    path = _jsonl(tmp_path / "many.jsonl", rows)
    said: list[str] = []
    with open_store(":memory:") as store:
        rep = ingest([path], store, progress=said.append)
    assert len(rep.stored) == 600
    assert said[0] == str(path) and f"{path}: 512 rows, " in said[-1] and said[-1].endswith(" rows/s")
