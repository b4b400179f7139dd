import csv
import json

import pyarrow.parquet as pq

from newsprism.model import Article, Claim, Event, Place, Quote
from newsprism.publish.export import export
from newsprism.publish.gdelt import GdeltExporter
from newsprism.store.sqlite import SQLiteStore

BODY = "Officials said 164 civilians were killed in Almaty. Protesters rallied in Almaty on Tuesday."


def filled(tmp_path):
    s = SQLiteStore(tmp_path / "e.db")
    s.put_article(Article(id="a1", title="T", body=BODY, published="2022-01-11", url="https://x.org/a", outlet="X"))
    i = BODY.index("164")
    s.commit_stage(
        "a1",
        "claims.t.v1",
        [
            Claim(
                article_id="a1",
                start=i,
                end=i + 22,
                text=BODY[i : i + 22],
                type="killed",
                number=164,
                object="civilians",
                claimant="Officials",
            )
        ],
    )
    p = BODY.index("Almaty")
    s.commit_stage(
        "a1",
        "places.t.v1",
        [Place(article_id="a1", start=p, end=p + 6, text="Almaty", name="Almaty", country="KZ", lat=43.25, lon=76.92)],
    )
    j = BODY.index("Protesters")
    for _ in range(2):  # the same event twice in one article is one event with two mentions
        s.commit_stage(
            "a1",
            "events.t.v1",
            [
                Event(
                    article_id="a1",
                    start=j,
                    end=len(BODY),
                    text=BODY[j:],
                    type="PROTEST",
                    actor="Protesters",
                    where="Almaty",
                )
            ]
            * 2,
        )
    s.commit_stage("a1", "quotes.t.v1", [Quote(article_id="a1", start=0, end=9, text="Officials", speaker="X")])
    return s


def test_jsonl_csv_parquet_write_every_table_with_evidence(tmp_path):
    s = filled(tmp_path)
    counts = export(s, tmp_path / "j")
    assert counts["articles"] == 1 and counts["claims"] == 1 and counts["stories"] == 0
    claim = json.loads((tmp_path / "j" / "claims.jsonl").read_text())
    assert BODY[claim["start"] : claim["end"]] == claim["text"] and claim["number"] == 164
    export(s, tmp_path / "c", format="csv")
    rows = list(csv.DictReader((tmp_path / "c" / "places.csv").open()))
    assert rows[0]["country"] == "KZ"
    export(s, tmp_path / "p", format="parquet")
    assert pq.read_table(tmp_path / "p" / "articles.parquet").column("title").to_pylist() == ["T"]


def test_gdelt_tables(tmp_path):
    s = filled(tmp_path)
    counts = GdeltExporter()(s, tmp_path / "g")
    assert counts == {"events": 1, "mentions": 2, "gkg": 1}
    ev = next(csv.DictReader((tmp_path / "g" / "events.tsv").open(), delimiter="\t"))
    assert ev["EventRootCode"] == "14" and ev["QuadClass"] == "4" and ev["NumMentions"] == "2"
    assert ev["ActionGeo_CountryCode"] == "KZ" and ev["SQLDATE"] == "20220111"
    gkg = next(csv.DictReader((tmp_path / "g" / "gkg.tsv").open(), delimiter="\t"))
    assert gkg["V2Counts"].startswith("KILLED#164#civilians#Officials#")
