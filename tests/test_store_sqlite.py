import sqlite3

from newsprism.model import Article, Entity, Outlet, OutletLabel
from newsprism.store import open_store
from newsprism.store.sqlite import SQLiteStore, fts5_query


def test_file_store_is_wal_migrated_once_and_reopens(tmp_path):
    path = tmp_path / "s.db"
    s = SQLiteStore(path)
    assert s.schema_version() == 1
    s.put_article(Article(id="a", title="t", body="x y z"))
    s.close()
    s = open_store(path)
    assert s.schema_version() == 1 and s.count_articles() == 1
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_writes_are_idempotent_by_content_hash(tmp_path):
    s = SQLiteStore(tmp_path / "s.db")
    first = s.put_article(Article(id="a1", title="One", body="Same  body text."))
    again = s.put_article(Article(id="a2", title="Other title", body="same body text."))
    assert first == ("a1", True) and again == ("a1", False) and s.count_articles() == 1


def test_full_text_search_ranks_titles_and_survives_hostile_queries(tmp_path):
    s = SQLiteStore(tmp_path / "s.db")
    s.put_article(Article(id="a", title="Colour revolution in Almaty", body="Protests spread to Almaty."))
    s.put_article(Article(id="b", title="Markets", body="A colour revolution was mentioned once by Almaty traders."))
    hits = s.search("almaty colour")
    assert [h.article_id for h in hits] == ["a", "b"]
    assert "\x02" in hits[0].snippet
    assert [h.article_id for h in s.search('"spread to almaty"')] == ["a"]
    for hostile in ['"unbalanced', "NEAR(", "a AND OR", "*", "title:x", "-"]:
        s.search(hostile)  # never a syntax error
    assert fts5_query('x OR "y z" w*') == '"x" OR "y z" "w"*'


def test_items_are_replaced_per_component_and_labels_per_source(tmp_path):
    s = SQLiteStore(tmp_path / "s.db")
    s.put_article(Article(id="a", title="t", body="Tokayev spoke."))
    e = Entity(article_id="a", start=0, end=7, text="Tokayev", type="person", canonical="Kassym-Jomart Tokayev")
    s.commit_stage("a", "ents.v1", [e, e])
    s.commit_stage("a", "ents.v1", [e])
    assert [x.canonical for x in s.iter_items("entities", label="Kassym-Jomart Tokayev")] == ["Kassym-Jomart Tokayev"]
    s.put_outlet(Outlet(id="spectator.co.uk", name="The Spectator"))
    s.add_outlet_label("spectator.co.uk", OutletLabel("lean", "centre-right", "user:a", "user"))
    s.add_outlet_label("spectator.co.uk", OutletLabel("lean", "right", "user:a", "user"))
    labels = s.get_outlet("spectator.co.uk").labels
    assert [(x.value, x.source) for x in labels] == [("right", "user:a")]


def test_failures_count_attempts_and_resolve(tmp_path):
    s = SQLiteStore(tmp_path / "s.db")
    fid = s.record_failure("bad.bin", "binary data", options={"format": "auto"})
    assert s.record_failure("bad.bin", "binary data") == fid
    (f,) = s.failures()
    assert f.attempts == 2 and f.options == {"format": "auto"}
    s.resolve_failure(fid)
    assert s.failures() == [] and len(s.failures(include_resolved=True)) == 1


def test_failures_can_be_asked_for_one_source(tmp_path):
    s = SQLiteStore(tmp_path / "s.db")
    s.record_failure("bad.bin", "binary data")
    s.record_failure("other.bin", "binary data")
    assert [x.source for x in s.failures(source="bad.bin")] == ["bad.bin"]
    assert [x.source for x in s.failures(kind="ingest", source="nope")] == []
