"""The store contract, run on every backend: SQLite (a real file) and PostgreSQL (a real server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.model import Article, Entity, Frame, Outlet, OutletLabel, Place, Span, Story
from newsprism.store import Store, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        location = str(tmp_path / "contract.db")
    else:
        location = request.getfixturevalue("pg_url")
    st = open_store(location)
    yield st
    st.close()


def _article(n: int, body: str, **kw: object) -> Article:
    a = Article(id="", title=kw.pop("title", f"Title {n}"), body=body, **kw)  # type: ignore[arg-type]
    a.id = a.content_hash[:16]
    return a


BODIES = [
    "Protesters gathered in Almaty on Tuesday as fuel prices doubled. Police detained dozens.",
    "The central bank in Astana raised interest rates to curb inflation, officials said.",
    "Troops from Russia arrived in Kazakhstan under a regional security treaty.",
]


def test_put_get_find_and_iter(store: Store) -> None:
    arts = [
        _article(
            1,
            BODIES[0],
            published="2022-01-05",
            outlet="Wire A",
            outlet_id="a.example",
            language="en",
            url="https://a.example/x",
            canonical_url="https://a.example/x",
            authors=["Ann"],
            meta={"k": 1},
        ),
        _article(2, BODIES[1], published="2022-01-03", outlet="Wire B", outlet_id="b.example", language="en"),
        _article(3, BODIES[2], published=None, outlet="Wire A", outlet_id="a.example", language="ru"),
    ]
    for a in arts:
        assert store.put_article(a) == (a.id, True)
    # the same text again, and another text at the same canonical URL, are not stored twice
    assert store.put_article(_article(1, BODIES[0])) == (arts[0].id, False)
    other = _article(9, "A different text at the same address.", canonical_url="https://a.example/x")
    assert store.put_article(other) == (arts[0].id, False)
    assert store.count_articles() == 3
    got = store.get_article(arts[0].id)
    assert got is not None
    assert (got.body, got.authors, got.meta, got.published) == (BODIES[0], ["Ann"], {"k": 1}, "2022-01-05")
    assert store.get_article("nope") is None
    assert store.find_article(content_hash=arts[1].content_hash) == arts[1].id
    assert store.find_article(url="https://a.example/x") == arts[0].id
    assert store.find_article(url="https://none.example/") is None
    # publication order, undated last
    assert store.article_ids() == [arts[1].id, arts[0].id, arts[2].id]
    assert [a.id for a in store.iter_articles(outlet="a.example")] == [arts[0].id, arts[2].id]
    assert [a.id for a in store.iter_articles(outlet="wire b")] == [arts[1].id]
    assert [a.id for a in store.iter_articles(language="ru")] == [arts[2].id]
    assert [a.id for a in store.iter_articles(since="2022-01-04")] == [arts[0].id]
    assert [a.id for a in store.iter_articles(until="2022-01-05")] == [arts[1].id, arts[0].id]
    assert [a.id for a in store.iter_articles(limit=1, offset=1)] == [arts[0].id]
    assert [a.id for a in store.iter_articles(ids=[arts[2].id])] == [arts[2].id]
    assert list(store.iter_articles(ids=[])) == []
    store.update_article(arts[0].id, {"genre": "news", "genre_score": 0.75})
    upd = store.get_article(arts[0].id)
    assert upd is not None and (upd.genre, upd.genre_score) == ("news", 0.75)


def test_search_marks_snippets(store: Store) -> None:
    for i, body in enumerate(BODIES):
        store.put_article(_article(i, body, title=["Almaty unrest", "Rates", "Treaty troops"][i]))
    hits = store.search("almaty")
    assert [h.title for h in hits] == ["Almaty unrest"]
    assert "\x02Almaty\x03" in hits[0].snippet
    assert [h.title for h in store.search('"interest rates"')] == ["Rates"]
    assert {h.title for h in store.search("almaty OR treaty")} == {"Almaty unrest", "Treaty troops"}
    assert [h.title for h in store.search("infla*")] == ["Rates"]
    assert store.search("almaty treaty") == []
    assert store.search('"') == []


def test_items_and_stage_commits(store: Store) -> None:
    a = _article(1, BODIES[0], language="en")
    store.put_article(a)
    ents = [
        Entity(a.id, 23, 29, "Almaty", score=0.9, component="ents.v1", type="place", canonical="Almaty"),
        Entity(a.id, 0, 10, "Protesters", score=0.4, component="ents.v1"),
    ]
    for e in ents:
        assert a.body[e.start : e.end] == e.text
    frame = Frame(
        a.id,
        0,
        10,
        "Protesters",
        score=0.5,
        component="frames.v1",
        frame="protest",
        evidence=[Span(a.id, 0, 10, "Protesters")],
        terms=["protest"],
    )
    store.commit_stage(a.id, "ents.v1", ents)
    store.commit_stage(a.id, "frames.v1", [frame], {"genre": "news"})
    assert [e.text for e in store.iter_items("entities", article_id=a.id)] == ["Protesters", "Almaty"]
    assert [e.text for e in store.iter_items("entities", label="Almaty")] == ["Almaty"]
    assert list(store.iter_items("entities", article_ids=[])) == []
    got = next(iter(store.iter_items("frames", article_ids=[a.id])))
    assert got == frame
    assert store.count_items() == {"entities": 2, "frames": 1}
    assert store.get_article(a.id).genre == "news"  # type: ignore[union-attr]
    assert store.done_articles("ents.v1") == {a.id}
    # a re-run replaces the stage's items
    store.commit_stage(a.id, "ents.v1", [ents[0]])
    assert store.count_items("entities") == {"entities": 1}
    store.put_items(
        a.id,
        "places.v1",
        [Place(a.id, 23, 29, "Almaty", component="places.v1", name="Almaty", country="KZ", lat=43.25, lon=76.95)],
    )
    assert next(iter(store.iter_items("places"))).lat == 43.25
    store.reset_stage("ents.v1")
    assert store.done_articles("ents.v1") == set()
    assert store.done_articles("frames.v1") == {a.id}
    store.reset_stage()
    assert store.done_articles("frames.v1") == set()


def test_failures(store: Store) -> None:
    f1 = store.record_failure("in/a.txt", "empty input", options={"format": "text"})
    again = store.record_failure("in/a.txt", "still empty")
    assert again == f1
    f2 = store.record_failure("article:x", "ValueError: boom", kind="stage", stage="ents.v1", article_id="x")
    open_ = store.failures()
    assert [(f.source, f.attempts, f.reason) for f in open_] == [
        ("in/a.txt", 2, "still empty"),
        ("article:x", 1, "ValueError: boom"),
    ]
    assert [f.id for f in store.failures(kind="stage")] == [f2]
    store.resolve_failure(f1)
    assert [f.id for f in store.failures()] == [f2]
    assert {f.id for f in store.failures(include_resolved=True)} == {f1, f2}


def test_outlets_and_labels(store: Store) -> None:
    store.put_outlet(Outlet(id="a.example", name="Wire A", country="GB", domains=["a.example"], known=True))
    store.put_outlet(Outlet(id="b.example", name="Wire B"))
    store.put_outlet(Outlet(id="a.example", name="Wire A Ltd", country="GB", domains=["a.example"], known=True))
    store.add_outlet_label("a.example", OutletLabel("lean", "left", "allsides", source_kind="rater"))
    store.add_outlet_label("a.example", OutletLabel("lean", "center", "allsides", source_kind="rater"))
    store.add_outlet_label("a.example", OutletLabel("lean", "right", "user:ann"))
    got = store.get_outlet("a.example")
    assert got is not None and got.name == "Wire A Ltd"
    assert [(lab.value, lab.source) for lab in got.labels] == [("center", "allsides"), ("right", "user:ann")]
    assert [o.id for o in store.iter_outlets()] == ["a.example", "b.example"]
    assert store.delete_outlet_labels(source="allsides") == 1
    assert [lab.source for lab in store.outlet_labels("a.example")] == ["user:ann"]
    assert store.get_outlet("zzz") is None


def test_stories_duplicates_bands_meta(store: Store) -> None:
    arts = [_article(i, b) for i, b in enumerate(BODIES)]
    for a in arts:
        store.put_article(a)
    store.put_stories(
        [
            Story("s1", "Unrest", article_ids=[arts[0].id, arts[2].id], start="2022-01-05"),
            Story("s2", "Rates", article_ids=[arts[1].id], start="2022-01-03"),
            Story("s3", "Undated", article_ids=[arts[1].id]),
        ]
    )
    assert [s.id for s in store.iter_stories()] == ["s1", "s2", "s3"]
    assert store.get_story("s1").article_ids == [arts[0].id, arts[2].id]  # type: ignore[union-attr]
    store.put_stories([Story("s4", "Only", article_ids=[arts[0].id])], replace=True)
    assert [s.id for s in store.iter_stories()] == ["s4"]
    store.link_duplicate(arts[0].id, source="feed.xml#2", reason="same text", similarity=1.0)
    store.link_duplicate(arts[0].id, source="feed.xml#2", reason="same text", similarity=1.0)
    store.link_duplicate(arts[0].id, source="page.html", reason="near-identical text", similarity=0.93)
    assert [(d["source"], d["similarity"]) for d in store.duplicates_of(arts[0].id)] == [
        ("feed.xml#2", 1.0),
        ("page.html", 0.93),
    ]
    store.add_bands(arts[0].id, ["b1", "b2"])
    store.add_bands(arts[1].id, ["b2", "b3"])
    store.add_bands(arts[1].id, ["b2"])
    assert sorted(store.articles_with_bands(["b2"])) == sorted([arts[0].id, arts[1].id])
    assert store.articles_with_bands(["b3", "zz"]) == [arts[1].id]
    assert store.articles_with_bands([]) == []
    store.set_meta("k", "v1")
    store.set_meta("k", "v2")
    assert store.get_meta("k") == "v2" and store.get_meta("none") is None
    assert store.schema_version() >= 1
    assert store.has("full_text_search") and store.has("transactions")


def test_capabilities_name_the_backend(store: Store) -> None:
    assert store.has("concurrent_writers") == (store.name == "postgresql")
