"""The views compare/ owns and every shell renders: entity rows, outlet rows, claim groups, the article and story
pages' data, and the briefing reading the stored stories once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures.kz_store import KAZAKHSTAN_IDS, build_store
from newsprism.compare import (
    article_context,
    claim_groups,
    compare_story,
    entity_rows,
    outlet_rows,
    stories_by_article,
    story_context,
)
from newsprism.errors import ConfigError
from newsprism.model import Article, Entity, Outlet, Story
from newsprism.publish.briefing import write_briefing
from newsprism.store import Store, open_store
from newsprism.store.sqlite import SQLiteStore
from newsprism.stories import build_stories


@pytest.fixture()
def kz(tmp_path: Path) -> Iterator[Store]:
    store = build_store(tmp_path / "kz.db")
    build_stories(store)
    yield store
    store.close()


def _entity_store() -> Store:
    """Two articles: Ana Pauker named three times in one, Tokayev once in each; an unresolved name twice in two
    spellings of case."""
    store = open_store(":memory:")
    one = "Ana Pauker spoke. Ana Pauker left. Then Ana Pauker wrote to Tokayev and to the MINISTER of Mines."
    two = "Tokayev answered the minister of mines."
    store.put_article(Article(id="one", title="One", body=one, outlet="Daily One", language="en"))
    store.put_article(Article(id="two", title="Two", body=two, outlet="Weekly Two", language="en"))

    def ent(aid: str, body: str, text: str, typ: str, eid: str | None, nth: int = 0) -> Entity:
        start = -1
        for _ in range(nth + 1):
            start = body.index(text, start + 1)
        return Entity(aid, start, start + len(text), text, type=typ, entity_id=eid, canonical=None)

    store.commit_stage(
        "one",
        "entities.test.v1",
        [
            *(ent("one", one, "Ana Pauker", "person", "Q1", n) for n in range(3)),
            ent("one", one, "Tokayev", "person", "Q2"),
            ent("one", one, "MINISTER of Mines", "other", None),
        ],
    )
    store.commit_stage(
        "two",
        "entities.test.v1",
        [ent("two", two, "Tokayev", "person", "Q2"), ent("two", two, "minister of mines", "other", None)],
    )
    return store


def test_entity_rows_count_articles_mentions_outlets_and_spellings() -> None:
    with _entity_store() as store:
        rows = entity_rows(store)
        assert [r["key"] for r in rows] == ["minister of mines", "Q2", "Q1"]  # by articles, then by name
        tok = next(r for r in rows if r["key"] == "Q2")
        assert tok["articles"] == ["one", "two"] and tok["mentions"] == 2
        assert tok["outlets"] == ["Daily One", "Weekly Two"]
        unresolved = rows[0]  # no id: one row per name ignoring case, every spelling kept
        assert unresolved["entity_id"] is None and unresolved["surface"] == ["MINISTER of Mines", "minister of mines"]
        ana = next(r for r in rows if r["key"] == "Q1")
        assert ana["mentions"] == 3 and ana["articles"] == ["one"]

        by_mentions = entity_rows(store, order="mentions")
        assert [r["key"] for r in by_mentions] == ["Q1", "minister of mines", "Q2"]
        assert [r["key"] for r in entity_rows(store, type="person")] == ["Q2", "Q1"]
        assert [r["key"] for r in entity_rows(store, query="pauk")] == ["Q1"]
        assert [r["key"] for r in entity_rows(store, order="mentions", limit=1)] == ["Q1"]
        with pytest.raises(ConfigError, match="valid: articles, mentions"):
            entity_rows(store, order="loudest")


def test_entity_rows_on_the_fixture(kz: Store) -> None:
    rows = entity_rows(kz, query="tokayev")
    assert len(rows) == 1
    tok = rows[0]
    assert tok["entity_id"] == "Q2710837" and tok["name"] == "Kassym-Jomart Tokayev"
    assert set(tok["articles"]) == {"spec1", "tass1", "guard1", "reut1", "rtfr1"}
    assert "Касым-Жомарт Токаев" in tok["surface"] and "TASS" in tok["outlets"]


def test_outlet_rows_carry_the_side_and_article_count(kz: Store) -> None:
    kz.put_outlet(Outlet(id="rated-only.example", name="Rated Only"))
    rows = {r["id"]: r for r in outlet_rows(kz)}
    assert rows["rated-only.example"]["articles"] == 0 and rows["rated-only.example"]["side"] == "unrated"
    assert rows["theguardian.com"]["side"] == "left" and rows["theguardian.com"]["lean_source"] == "allsides"
    assert rows["spectator.co.uk"]["side"] == "right" and rows["tass.ru"]["side"] == "unrated"
    assert rows["tass.ru"]["articles"] == 1
    names = [r["name"] for r in outlet_rows(kz)]
    assert names == sorted(names, key=str.casefold)
    covered = {r["id"] for r in outlet_rows(kz, covered_only=True)}
    assert "rated-only.example" not in covered and covered == set(rows) - {"rated-only.example"}


def test_claim_groups_put_the_kazakhstan_story_figures_together(kz: Store) -> None:
    story_id = next(s.id for s in kz.iter_stories() if "ispi1" in s.article_ids)
    kz_story = next(s for s in claim_groups(kz, type="killed") if s["story_id"] == story_id)
    killed = next(g for g in kz_story["groups"] if g.type == "killed")
    assert killed.status == "revision" and killed.low == 164 and killed.high == 225


def test_stories_by_article_indexes_each_story_once() -> None:
    a = Story(id="s1", label="one", article_ids=["x", "y", "x"])
    b = Story(id="s2", label="two", article_ids=["y"])
    index = stories_by_article([a, b])
    assert {k: [s.id for s in v] for k, v in index.items()} == {"x": ["s1"], "y": ["s1", "s2"]}


def test_article_context_keeps_valid_items_places_and_stories(kz: Store) -> None:
    view = article_context(kz, "spec1")
    assert view is not None
    art = view["article"]
    assert art.id == "spec1" and view["outlet"].name == "The Spectator"
    for items in view["items"].values():
        for it in items:
            assert art.body[it.start : it.end] == it.text
    assert "".join(seg.text for seg in view["segments"]) == art.body
    almaty = next(p for p in view["points"] if p["name"] == "Almaty")
    assert (almaty["lat"], almaty["lon"], almaty["country"]) == (43.25, 76.92, "KZ")
    start, end = (int(x) for x in almaty["anchor"].rsplit("-", 2)[1:])
    assert art.body[start:end] == "Almaty"
    kz_story = next(s for s in kz.iter_stories() if "spec1" in s.article_ids)
    assert [s.id for s in view["stories"]] == [kz_story.id]
    # the index a publisher builds once gives the same stories, and an Article can be passed instead of its id
    index = stories_by_article(kz.iter_stories())
    again = article_context(kz, art, stories=index)
    assert again is not None and [s.id for s in again["stories"]] == [kz_story.id]
    assert article_context(kz, "no-such-article") is None


def test_story_context_follows_the_chosen_axis(kz: Store) -> None:
    story = next(s for s in kz.iter_stories() if "ispi1" in s.article_ids)
    view = story_context(compare_story(kz, story, axis="country"))
    assert view["axis"] == "country" and view["axis_title"] == "country"
    assert view["coverage"]["GB"] == 3 and view["coverage"]["RU"] == 2
    assert set(view["columns"]) >= {"GB", "RU", "IT"}
    assert view["max_day"] == max(sum(d["by_side"].values()) for d in view["c"].timeline)
    almaty = next(p for p in view["points"] if p["name"] == "Almaty")
    assert almaty["country"] == "KZ" and almaty["count"] >= len(KAZAKHSTAN_IDS) - 1
    lean = story_context(compare_story(kz, story, axis="lean"))
    assert lean["columns"] == ["left", "center", "right", "unrated"] and lean["coverage"]["unrated"] == 4


class _CountingStore(SQLiteStore):
    """A real SQLite store that counts how often the stories are read."""

    story_reads = 0

    def iter_stories(self) -> Iterator[Story]:
        self.story_reads += 1
        return super().iter_stories()


def test_briefing_reads_the_stored_stories_once(tmp_path: Path) -> None:
    db = tmp_path / "kz.db"
    with build_store(db) as store:
        build_stories(store)
        stored = len(list(store.iter_stories()))
    counting = _CountingStore(db)
    try:
        counts = write_briefing(counting, tmp_path / "brief")
    finally:
        counting.close()
    assert counts["stories"] == stored == 3 and counts["articles"] == 9
    assert counting.story_reads == 1  # not once more per article page


def test_briefing_clusters_once_when_no_story_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "kz.db"
    build_store(db).close()
    with open_store(db) as store:
        assert next(iter(store.iter_stories()), None) is None
        counts = write_briefing(store, tmp_path / "brief")
        assert counts["stories"] == len(list(store.iter_stories())) == 3
