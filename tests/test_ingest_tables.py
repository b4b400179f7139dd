"""JSONL and CSV loaders: auto-mapped and user-mapped columns, bad lines, extra columns, streaming, allsides."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.errors import ConfigError, UnsupportedInputError
from newsprism.ingest import ingest, read_input
from newsprism.ingest.base import RawInput
from newsprism.ingest.sources import read_file
from newsprism.ingest.tables import CSVLoader, JSONLLoader, resolve_mapping
from newsprism.store import open_store
from test_ingest_bad_input import _cli, _skip_unbuilt_loaders  # noqa: F401 - fixture reused

DATA = Path(__file__).parent / "data" / "tables"
ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or ROOT / "../shared").resolve()
ALLSIDES = SHARED / "datasets" / "allsides-articles" / "articles.jsonl.gz"


def _raw(name: str) -> RawInput:
    return read_file(DATA / name, Settings(env={}))


def test_jsonl_auto_mapping_bad_lines_and_extra_columns() -> None:
    result = JSONLLoader().load(_raw("articles.jsonl"), Settings(env={}))
    first, second = result.articles
    assert first.title == "Fuel protests spread to the largest city"
    assert first.body.startswith("Protests over the price of liquefied gas")
    assert first.published == "2022-01-04"
    assert first.authors == ["Jane Roe", "John Doe"]
    assert first.outlet == "Example Daily"
    assert first.url == "https://exampledaily.example/2022/01/04/fuel-protests"
    assert first.meta == {"topic": "protests", "bias_text": "center"}
    assert first.id == "" and first.language is None
    assert first.source is not None and first.source.part == "line 1" and first.source.kind == "jsonl"
    assert second.title == "Government resigns"  # headline / text / published / byline / outlet / link / lang
    assert second.published == "2022-01-05T08:00:00+06:00"
    assert second.authors == ["Ann Lee"] and second.language == "en"
    assert second.source is not None and second.source.part == "line 3"
    loc = str(DATA / "articles.jsonl")
    errors = [(e.source, e.reason) for e in result.errors]
    assert errors[0][0] == f"{loc}:2" and errors[0][1].startswith("not valid JSON: ")
    assert errors[1] == (f"{loc}:5", "a JSON list, not an object")
    assert errors[2] == (f"{loc}:6", "no text in column 'content_original'")
    assert len(errors) == 3


def test_csv_auto_mapping_and_a_bad_row() -> None:
    result = CSVLoader().load(_raw("articles.csv"), Settings(env={}))
    a, b = result.articles
    assert a.title == "Curfew imposed in Almaty"
    assert a.authors == ["Dana Omarova", "Ivan Petrov"]
    assert a.outlet == "Caspian Wire" and a.url == "https://caspianwire.example/curfew"
    assert a.published == "2022-01-05" and a.meta == {"section": "world"}
    assert b.source is not None and b.source.part == "line 4"
    ((source, reason),) = [(e.source, e.reason) for e in result.errors]
    assert source == f"{DATA / 'articles.csv'}:3"
    assert reason == "row has 8 fields, the header has 7"


def test_mojibake_in_an_export_is_repaired() -> None:
    line = {"title": "Wages have barely budged since Ã¢â‚¬â„¢08", "text": "ObamaÃ¢â‚¬â„¢s plan, São Paulo, naïve café."}
    raw = RawInput("x.jsonl", (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"), name="x.jsonl")
    (art,) = JSONLLoader().load(raw, Settings(env={})).articles
    assert art.title == "Wages have barely budged since ’08"
    assert art.body == "Obama’s plan, São Paulo, naïve café."


def test_user_mapping() -> None:
    raw = _raw("custom_columns.csv")
    with pytest.raises(UnsupportedInputError, match=r"no column holds the article text .* --map body=COLUMN"):
        CSVLoader().load(raw, Settings(env={}))
    mapping = {"body": "story_text", "title": "headline_en", "published": "when"}
    (art,) = CSVLoader().load(raw, Settings(env={}), mapping=mapping).articles
    assert art.title == "Talks begin"
    assert art.body.startswith("Negotiators from both sides")
    assert art.meta == {"id": "1"}
    assert art.published == "2022-12-01"  # month first unless asked
    (art,) = CSVLoader().load(raw, Settings(env={}), mapping=mapping, day_first=True).articles
    assert art.published == "2022-01-12"
    with pytest.raises(ConfigError, match="unknown field 'headline'"):
        resolve_mapping(["a"], {"headline": "a"})


def test_cli_map_option(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    code, out = _cli(["ingest", str(DATA / "custom_columns.csv"), "--db", db])
    assert code == 3 and "--map body=COLUMN" in out
    code, out = _cli(
        [
            "ingest",
            str(DATA / "custom_columns.csv"),
            "--map",
            "body=story_text",
            "--map",
            "title=headline_en",
            "--db",
            db,
        ]
    )
    assert code == 0, out
    with open_store(db) as store:
        (art,) = store.iter_articles()
        assert art.title == "Talks begin"


def test_sniff_picks_the_table_loaders() -> None:
    assert read_input(_raw("articles.jsonl")).meta["kind"] == "jsonl"
    assert read_input(_raw("articles.csv")).meta["kind"] == "csv"
    unnamed = RawInput("<stdin>", (DATA / "articles.jsonl").read_bytes(), origin="stdin")
    assert JSONLLoader().sniff(unnamed) >= 0.9


def test_large_gzipped_export_is_streamed(tmp_path: Path) -> None:
    """A .jsonl.gz over max_input_bytes is not refused: it is read line by line from the file."""
    path = tmp_path / "big.jsonl.gz"
    rows = [
        {
            "title": f"Story {i}",
            "text": f"Report number {i} about the events in the region " * 5,
            "source": "Example Daily",
            "topic": "t",
        }
        for i in range(400)
    ]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i, row in enumerate(rows):
            fh.write(json.dumps(row) + "\n")
            if i == 200:
                fh.write("{broken\n")
    settings = Settings(env={}, max_input_bytes=20_000)
    assert path.stat().st_size < 20_000 < len(gzip.decompress(path.read_bytes()))
    raw = read_file(path, settings)
    assert raw.stream_path == str(path) and len(raw.data) <= 65536
    with open_store(str(tmp_path / "s.db")) as store:
        rep = ingest([str(path)], store, settings=settings)
        assert len(rep.stored) == 400
        assert [s for s, _ in rep.failed] == [f"{path}:202"]
        assert store.count_articles() == 400
    # a text file over the limit is still refused
    big_txt = tmp_path / "big.html"
    big_txt.write_text("x" * 30_000, encoding="utf-8")
    with pytest.raises(UnsupportedInputError, match="over max_input_bytes"):
        read_file(big_txt, settings)


@pytest.mark.shared
@pytest.mark.skipif(not ALLSIDES.exists(), reason="../shared/datasets/allsides-articles not present")
def test_allsides_layout_out_of_the_box() -> None:
    raw = read_file(ALLSIDES, Settings(env={}))
    assert raw.stream_path is not None  # 243 MB uncompressed: streamed
    rows = JSONLLoader().iter_rows(raw, Settings(env={}))
    first = [next(rows) for _ in range(200)]
    assert all(not isinstance(r, Exception) for r in first)
    art = first[0]
    assert art.title and art.body and art.url and art.outlet and art.published
    assert art.published[:4].isdigit()
    assert {"bias_text", "topic", "bias", "source_url", "ID"} <= set(art.meta)
    assert art.meta["bias_text"] in {"left", "center", "right"}
    assert sum(1 for a in first if a.authors) > 100
