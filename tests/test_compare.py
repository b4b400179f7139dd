"""Comparison per story: coverage by side/country/state (unrated stays unrated), blindspots, figures with
conflicts, frames and quotes by side, names one side leaves out, timeline; evidence offsets hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixtures.kz_store import KAZAKHSTAN_IDS, build_store
from newsprism.compare import compare_story, evidence_segments, side_of_lean
from newsprism.compare.story import _blindspots
from newsprism.model import OutletLabel
from newsprism.stories import build_stories


@pytest.fixture()
def kz(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = build_store(tmp_path / "kz.db")
    build_stories(store)
    story = next(s for s in store.iter_stories() if "ispi1" in s.article_ids)
    yield store, story
    store.close()


def test_side_of_lean() -> None:
    assert side_of_lean("left-center") == "left" and side_of_lean("Lean Right") == "right"
    assert side_of_lean("centre") == "center" and side_of_lean(None) == "unrated"
    assert side_of_lean("pro-science") == "unrated"


def test_coverage_unrated_is_never_center(kz) -> None:  # type: ignore[no-untyped-def]
    store, story = kz
    c = compare_story(store, story, axis="lean")
    by_outlet = {a.outlet.name: a.outlet for a in c.articles}
    assert by_outlet["TASS"].side == "unrated" and by_outlet["TASS"].lean is None
    assert by_outlet["ISPI"].side == "unrated"
    assert by_outlet["Reuters"].side == "center" and by_outlet["Reuters"].lean_source == "allsides"
    # the page's label beats the rater's
    assert by_outlet["The Spectator"].lean == "right" and by_outlet["The Spectator"].lean_source.startswith("page:")
    assert c.coverage_by_side == {"left": 1, "center": 1, "right": 1, "unrated": 4}
    assert c.coverage_by_country["GB"] == 3 and c.coverage_by_country["RU"] == 2
    assert c.coverage_by_state["state"] == 2  # TASS and RT France
    assert by_outlet["TASS"].state_affiliated is True


def test_user_label_changes_the_side(kz) -> None:  # type: ignore[no-untyped-def]
    store, story = kz
    store.add_outlet_label("tass.ru", OutletLabel("lean", "right", "user:web", "user"))
    c = compare_story(store, story, axis="lean")
    tass = next(a.outlet for a in c.articles if a.outlet.id == "tass.ru")
    assert tass.side == "right" and tass.lean_source == "user:web"


def test_figures_164_then_225_is_a_revision_not_a_conflict(kz) -> None:  # type: ignore[no-untyped-def]
    store, story = kz
    c = compare_story(store, story, axis="lean")
    killed = next(g for g in c.figures if g.type == "killed")
    # 164 per the health ministry (9-10 January), 225 per the prosecutor general (15 January): a later official
    # figure replaces an earlier one; nothing to badge
    assert killed.status == "revision" and not killed.conflict and c.conflicts == []
    assert (killed.low, killed.high) == (164, 225)
    assert [r.as_of for r in killed.rows] == ["2022-01-09", "2022-01-10", "2022-01-15"]
    assert killed.latest_official is not None and killed.latest_official.value == 225
    assert killed.latest_official.claimant == "parquet général" and killed.latest_official.outlet == "RT France"
    rows = {(r.outlet, r.value): r for r in killed.rows}
    assert rows[("The Spectator", 164)].hedge == "according to"
    assert {p.status for p in killed.pairs} == {"agree", "revision"}
    arrested = next(g for g in c.figures if g.type == "arrested")
    assert arrested.status == "agree"  # 9,900 and "nearly 9,900"
    arts = {a.id: a for a in store.iter_articles()}
    for g in c.figures:
        for r in g.rows:
            assert arts[r.article_id].body[r.start : r.end] == r.text


def test_frames_quotes_names_timeline(kz) -> None:  # type: ignore[no-untyped-def]
    store, story = kz
    c = compare_story(store, story, axis="lean")
    frames = {f.name: f for f in c.frames}
    assert frames["terrorism"].by_side == {"unrated": 3, "right": 1}
    assert "China" in frames["terrorism"].detail["holders"]
    quoted = {q.name: q for q in c.quoted}
    assert quoted["Kassym-Jomart Tokayev"].by_side == {"right": 1, "center": 1, "unrated": 2}
    assert quoted["Antony Blinken"].by_side == {"left": 1}
    named = {n.side: {x.name for x in n.names} for n in c.named_by_one_side}
    assert "Antony Blinken" in named["left"] and "Vladimir Putin" in named["right"]
    assert "Kassym-Jomart Tokayev" not in named["left"]  # every side names him
    assert [d["date"] for d in c.timeline] == ["2022-01-10", "2022-01-11", "2022-01-12", "2022-01-14"]
    assert sum(sum(d["by_side"].values()) for d in c.timeline) == len(KAZAKHSTAN_IDS) + 1
    arts = {a.id: a for a in store.iter_articles()}
    for sc in [*c.frames, *c.quoted, *c.techniques, *c.places]:
        for e in sc.evidence:
            assert arts[e.article_id].body[e.start : e.end] == e.text
    json.dumps(c.to_dict(), ensure_ascii=False)  # plain data all the way down


def test_blindspots() -> None:
    assert _blindspots({"left": 0, "right": 4, "center": 2}) == _blindspots({"left": 0, "right": 4})
    b = _blindspots({"left": 1, "right": 5})
    assert [(x.side, x.covered_by) for x in b] == [("left", "right")] and b[0].share == pytest.approx(5 / 6, abs=1e-3)
    assert _blindspots({"left": 2, "right": 2}) == []
    assert _blindspots({"left": 0, "right": 1}) == []  # too little to tell


def test_blindspot_in_a_story(kz) -> None:  # type: ignore[no-untyped-def]
    store, story = kz
    for oid in ("tass.ru", "francais.rt.com", "ispionline.it"):
        store.add_outlet_label(oid, OutletLabel("lean", "right", "user:test", "user"))
    c = compare_story(store, story, axis="lean")
    assert [b.side for b in c.blindspots] == ["left"]


def test_evidence_segments_cover_the_body_and_mark_items(kz) -> None:  # type: ignore[no-untyped-def]
    store, _ = kz
    art = store.get_article("spec1")
    items = [it for k in ("frames", "claims", "quotes", "entities") for it in store.iter_items(k, article_id="spec1")]
    segs = evidence_segments(art.id, art.body, items)
    assert "".join(s.text for s in segs) == art.body
    anchors = [a for s in segs for a in s.anchors]
    for it in items:
        assert f"a-spec1-{it.start}-{it.end}" in anchors
    killed = next(s for s in segs if "164 people were killed" in s.text or s.text == "164 people were killed")
    assert "claims" in killed.kinds


def test_export_carries_every_articles_value_on_every_axis(kz) -> None:  # type: ignore[no-untyped-def]
    from newsprism.publish.export import export_rows

    store, story = kz
    row = next(r for r in export_rows(store, "stories") if r["id"] == story.id)
    assert set(row["sides"]) == set(story.article_ids)
    assert row["sides"]["tass1"] == {
        "lean": "unrated",
        "group": "Russian state",
        "country": "RU",
        "state": "state",
        "language": "ru",
    }
    assert row["default_axis"] == compare_story(store, story).default_axis


def test_comparisons_count_cue_bearing_techniques_only(kz) -> None:  # type: ignore[no-untyped-def]
    """Techniques guessed from a paragraph's style stay in the store and the article view, but story and outlet
    comparisons count only hits with a cue: a guess says more about the genre than the outlet."""
    from newsprism.compare import article_context
    from newsprism.compare.listings import frames_by_outlet
    from newsprism.model import STYLE_GUESS_COMPONENT, Technique

    store, story = kz
    before = compare_story(store, story, axis="lean").techniques
    by_outlet = frames_by_outlet(store, article_ids=story.article_ids)
    aid = story.article_ids[0]
    body = store.get_article(aid).body
    end = body.find("\n") if "\n" in body else len(body)
    guess = Technique(aid, 0, end, body[:end], 0.2, STYLE_GUESS_COMPONENT, technique="Appeal_to_Time", paragraph=0)
    store.commit_stage(aid, STYLE_GUESS_COMPONENT, [guess])
    assert any(t.technique == "Appeal_to_Time" for t in store.iter_items("techniques", article_ids=[aid]))
    after = compare_story(store, story, axis="lean").techniques
    assert [t.to_dict() for t in after] == [t.to_dict() for t in before]
    assert frames_by_outlet(store, article_ids=story.article_ids) == by_outlet
    view = article_context(store, aid)
    assert view is not None and [t.technique for t in view["style_guesses"]] == ["Appeal_to_Time"]
    assert any(t.technique == "Appeal_to_Time" for t in view["items"]["techniques"])  # the API keeps every item
    assert not any("Appeal_to_Time" in repr(seg) for seg in view["segments"])  # not highlighted in the body
