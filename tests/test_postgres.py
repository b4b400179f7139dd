"""PostgreSQL specifics: opening by URL, clear errors, and several processes ingesting overlapping inputs at once."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article
from newsprism.store import open_store

pytestmark = pytest.mark.postgres

WORDS = [
    "protest",
    "police",
    "minister",
    "election",
    "market",
    "river",
    "storm",
    "bank",
    "court",
    "army",
    "village",
    "city",
    "border",
    "oil",
    "gas",
    "price",
    "strike",
    "union",
    "farmer",
    "school",
    "hospital",
    "bridge",
    "road",
    "train",
    "port",
    "airport",
    "museum",
    "festival",
    "treaty",
    "summit",
    "vote",
]

# One ingesting process: the real ingest path (exact, URL and near-duplicate checks, then put_article),
# started together with the others once the "go" file appears.
WORKER = r"""
import json, sys, time
from pathlib import Path
from newsprism.config import Settings
from newsprism.ingest import IngestReport, _store_article
from newsprism.model_arrow import article_from_row
from newsprism.store import open_store

url, go, *files = sys.argv[1:]
store = open_store(url)
report, settings = IngestReport(), Settings()
while not Path(go).exists():
    time.sleep(0.005)
for f in files:
    for line in open(f, encoding="utf-8"):
        article = article_from_row(json.loads(line))
        _store_article(store, article, report, settings)
store.close()
print(json.dumps({"stored": report.stored, "duplicates": len(report.duplicates)}))
"""


def _body(i: int) -> str:
    rng = random.Random(i)
    return " ".join(rng.choice(WORDS) for _ in range(120)) + f". Report number {i}."


def _write(path: Path, ids: list[int]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in ids:
            row = {
                "id": f"a{i:03d}",
                "title": f"Story {i}",
                "body": _body(i),
                "url": f"https://news.example/{i}",
                "canonical_url": f"https://news.example/{i}",
                "language": "en",
            }
            fh.write(json.dumps(row) + "\n")
    return path


def test_open_store_by_url(pg_url: str) -> None:
    with open_store(pg_url) as st:
        assert st.name == "postgresql" and st.has("concurrent_writers")
        assert st.schema_version() == 1
    # the postgres:// alias and a second opening (migrations already done) work too
    with open_store(pg_url.replace("postgresql://", "postgres://")) as st:
        assert st.count_articles() == 0


def test_unreachable_server_is_one_clear_line() -> None:
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    msg = str(err.value)
    assert "cannot connect to PostgreSQL" in msg and "secret" not in msg and "\n" not in msg


def test_concurrent_ingest_stores_each_article_once(pg_url: str, tmp_path: Path) -> None:
    files = [
        _write(tmp_path / "a.jsonl", list(range(0, 10))),
        _write(tmp_path / "b.jsonl", list(range(5, 15))),
        _write(tmp_path / "c.jsonl", [*range(10, 20), *range(0, 5)]),
    ]
    with open_store(pg_url):
        pass  # migrate once up front; racing migrations are covered by the advisory lock but slow the start
    go = tmp_path / "go"
    orders = [files, files[::-1], [files[1], files[2], files[0]]]
    cmd = [sys.executable, "-c", WORKER, pg_url, str(go)]
    procs = [
        subprocess.Popen([*cmd, *map(str, order)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for order in orders
    ]
    time.sleep(2.0)  # let every process import and connect
    go.touch()
    outs = [p.communicate(timeout=240) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    reports = [json.loads(out.strip().splitlines()[-1]) for out, _ in outs]
    created = [aid for r in reports for aid in r["stored"]]
    with open_store(pg_url) as st:
        assert st.count_articles() == 20
        ids = st.article_ids()
        hashes = {a.content_hash for a in st.iter_articles()}
        assert len(set(ids)) == 20 and len(hashes) == 20
        # each article was reported new by exactly one process; every other sighting is a duplicate
        assert sorted(created) == sorted(ids)
        assert sum(r["duplicates"] for r in reports) == 3 * 35 - 20  # 35 rows per process
        # every other sighting is the same article (same id and URL): counted as "already stored", and never
        # linked to itself (a rerun adds no article_links row)
        assert not any(st.duplicates_of(i) for i in ids)


def test_same_url_new_text_is_not_a_second_article(pg_url: str) -> None:
    with open_store(pg_url) as st:
        first = Article(id="x1", title="T", body="First version of the text.", canonical_url="https://n.example/1")
        second = Article(id="x2", title="T", body="Second, edited version.", canonical_url="https://n.example/1")
        assert st.put_article(first) == ("x1", True)
        assert st.put_article(second) == ("x1", False)
        assert st.count_articles() == 1


def test_nul_characters_keep_offsets(pg_url: str) -> None:
    with open_store(pg_url) as st:
        art = Article(id="n1", title="T\x00", body="Before\x00after the NUL.")
        st.put_article(art)
        got = st.get_article("n1")
        assert got is not None and got.body == "Before\ufffdafter the NUL." and len(got.body) == len(art.body)
