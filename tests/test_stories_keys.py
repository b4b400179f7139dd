"""Story keys that cross languages (places by GeoNames id and region, figures, magnitudes, months), the weighting of
keys found in one language only, the merge of whole stories across languages, and the dev-set story scores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.evaluate.story_devset import load_story_pages, score_assignment, story_rows
from newsprism.model import Article, Place
from newsprism.stories.cluster import ClusterOptions, _key_vectors, cluster_articles
from newsprism.stories.features import (
    ArticleFeatures,
    article_features,
    date_of,
    decimals_in,
    figure_specificity,
    main_measure,
    year_of,
)

PAGES = Path(os.environ.get("NEWSPRISM_DEVSET_PAGES") or "/work/devset-pages")


def _place(aid: str, name: str, country: str, admin1: str | None, gid: int | None, feature: str) -> Place:
    return Place(
        article_id=aid,
        start=0,
        end=len(name),
        text=name,
        name=name,
        country=country,
        admin1=admin1,
        geonames_id=gid,
        feature=feature,
    )


def test_places_key_by_geonames_id_region_and_country() -> None:
    a = Article(id="a", title="Beben", body="Ein Beben traf Pazarcık in der Türkei.", language="de")
    items = [
        _place("a", "Pazarcık", "TR", "46", 302800, "city"),
        _place("a", "Kahramanmaraş", "TR", "46", None, "admin"),
        _place("a", "Turkey", "TR", None, 298795, "country"),
    ]
    keys = article_features(a, items).keys
    assert "g:302800" in keys
    assert "a:TR-46" in keys  # the province, from the admin place and from the town in it
    # the country is one key, not also a GeoNames id (an entity resolved to Turkey's id counts as the country too)
    assert "c:TR" in keys and "g:298795" not in keys
    assert keys["c:TR"] <= keys["g:302800"]


def test_magnitudes_and_specific_figures() -> None:
    assert decimals_in("Ein Beben der Stärke 6,8; später 7.8 und 2.600 Tote, um 13.24 Uhr") == ["6.8", "7.8"]
    assert figure_specificity(14014) > figure_specificity(912) > figure_specificity(18)
    assert figure_specificity(1000) < figure_specificity(1014)
    a = Article(id="m", title="Quake", body="A magnitude 7,8 quake; 5 606 buildings collapsed.", language="en")
    keys = article_features(a, []).keys
    assert "f:7.8" in keys and "f:5606" in keys


def test_month_from_publication_url_or_text() -> None:
    assert date_of(Article(id="p", title="t", body="b", published="2023-02-07T10:00"), "") == ("2023-02-07", "2023-02")
    url = Article(id="u", title="t", body="b", url="https://example.org/world/2023/02/09/toll-rises/")
    assert date_of(url, "") == ("2023-02-09", "2023-02")
    assert year_of(url, "since 1999") == (2023, False)  # the URL's year beats a year the text names
    compact = Article(id="c", title="t", body="b", url="https://example.org/news/202001/quake.html")
    assert date_of(compact, "") == ("", "2020-01")
    assert date_of(Article(id="n", title="t", body="b", url="https://example.org/a/974405"), "") == ("", "")
    text = Article(id="x", title="t", body="b")
    assert date_of(text, "Stand: 06.02.2023, 14 Uhr") == ("", "2023-02")
    assert date_of(text, "2020年1月24日晚") == ("", "2020-01")


def _feat(aid: str, lang: str, keys: dict[str, float], month: str = "", year: int | None = None) -> ArticleFeatures:
    return ArticleFeatures(
        article_id=aid, language=lang, date="", text=f"{aid} word", keys=keys, month=month, year=year
    )


def test_keys_seen_in_one_language_weigh_less_among_several() -> None:
    feats = [
        _feat("de1", "de", {"n:erdbn": 1.0, "g:3": 1.0}),
        _feat("de2", "de", {"n:erdbn": 1.0}),
        _feat("fr1", "fr", {"g:3": 1.0}),
        _feat("ru1", "ru", {"g:4": 1.0}),
    ]
    vecs = _key_vectors(feats, 0.5)
    assert vecs["de1"]["n:erdbn"] < vecs["de1"]["g:3"]  # same document frequency, one language only
    flat = _key_vectors(feats, 1.0)
    assert flat["de1"]["n:erdbn"] == pytest.approx(flat["de1"]["g:3"])


def test_month_gap_keeps_an_undated_lookalike_apart() -> None:
    shared = {"g:298795": 1.0, "e:erdogan": 1.0, "a:TR-44": 1.0}
    feats = [
        _feat("feb1", "en", shared | {"f:7.8": 0.6}, month="2023-02", year=2023),
        _feat("feb2", "de", shared | {"f:7.8": 0.6}, month="2023-02", year=2023),
        _feat("may", "fr", shared, month="2023-05", year=2023),  # another event of the same year and region
    ]
    states = cluster_articles(feats, options=ClusterOptions(threshold=0.2))
    story = {m: st.id for st in states for m in st.members}
    assert story["feb1"] == story["feb2"] != story["may"]


def test_stories_in_disjoint_languages_merge_when_their_keys_agree() -> None:
    # the first Japanese and German pages share no key, so each starts a story; later pages fill both stories in
    # until, as wholes, they agree: the merge pass joins them, and leaves the Italian look-alike apart
    feats = [
        _feat("ja1", "ja", {"g:1": 1.0, "g:2": 1.0}),
        _feat("ja2", "ja", {"g:1": 1.0, "g:2": 1.0, "g:3": 1.0}),
        _feat("de1", "de", {"g:3": 1.0, "g:4": 1.0, "g:5": 1.0}),
        _feat("de2", "de", {"g:1": 1.0, "g:3": 1.0, "g:4": 1.0, "g:5": 1.0}),
        _feat("it1", "it", {"g:8": 1.0, "g:9": 1.0}),
        _feat("it2", "it", {"g:8": 1.0, "g:9": 1.0}),
    ]
    feats.sort(key=lambda f: f.article_id)  # placed in id order: de1, de2, it1, it2, ja1, ja2
    # (without the refinement rounds either, which move the articles of a small story into a larger one)
    off = cluster_articles(feats, options=ClusterOptions(threshold=0.6, merge_threshold=None, refine_rounds=0))
    on = cluster_articles(feats, options=ClusterOptions(threshold=0.6, merge_threshold=0.5))
    assert sorted(len(st.members) for st in off) == [2, 2, 2]
    story = {m: st.id for st in on for m in st.members}
    assert story["ja1"] == story["ja2"] == story["de1"] == story["de2"] != story["it1"]


def test_multilingual_stories_sharing_a_language_merge_and_one_language_stories_do_not() -> None:
    # placed in id order: the French page shares nothing with the first German one and starts a story; the Spanish
    # page joins the German one; the second German page (other words than the first) joins the French one. Two
    # stories of one event, both with a German page: as wholes they agree, and merge. The Italian/Polish look-alike
    # stays apart. Two English stories are never merged: their articles were already compared one by one.
    def feat(aid: str, lang: str, words: str, keys: list[str]) -> ArticleFeatures:
        return ArticleFeatures(article_id=aid, language=lang, date="", text=words, keys=dict.fromkeys(keys, 1.0))

    feats = [
        feat("1-de", "de", "erdbeben provinz", ["g:1", "g:2"]),
        feat("2-fr", "fr", "seisme province", ["g:3", "g:4"]),
        feat("3-es", "es", "terremoto provincia", ["g:1", "g:2", "g:3", "g:4"]),
        feat("4-de", "de", "nachbeben helfer", ["g:3", "g:4"]),
        feat("5-it", "it", "terremoto regione", ["g:20", "g:21"]),
        feat("6-pl", "pl", "trzesienie regionie", ["g:20", "g:21"]),
    ]
    on = cluster_articles(feats, options=ClusterOptions(threshold=0.45, merge_threshold=0.9))
    story = {m: st.id for st in on for m in st.members}
    assert story["1-de"] == story["2-fr"] == story["3-es"] == story["4-de"] != story["5-it"] == story["6-pl"]
    off = ClusterOptions(threshold=0.45, merge_threshold=0.9, merge_shared_languages=False)
    story = {m: st.id for st in cluster_articles(feats, options=off) for m in st.members}
    assert story["1-de"] == story["3-es"] != story["2-fr"] == story["4-de"]
    english = [feat("x1", "en", "storm coast", ["g:1", "g:2"]), feat("x2", "en", "budget vote", ["g:1", "g:2"])]
    assert len(cluster_articles(english, options=ClusterOptions(threshold=0.7, merge_threshold=0.1))) == 2


def test_story_rows_count_pages_in_the_largest_cluster_and_lookalikes() -> None:
    gold = {"a": "s1", "b": "s1", "c": "s1", "d": "s1", "e": "s1", "f": "s2", "g": "s2"}
    pred = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z", "f": "x", "g": "w"}
    (row,) = story_rows(pred, gold)
    assert row == {"story": "s1", "pages": 5, "in_largest": 3, "lookalikes": 1, "clusters": 3}
    assert score_assignment(gold, gold)["bcubed"]["f1"] == 1.0


def test_every_devset_page_names_its_story() -> None:
    pages = load_story_pages()
    assert len(pages) >= 59
    quakes = {p.story for p in pages if p.event.startswith("turkey-earthquakes")}
    assert {"kahramanmaras-2023", "elazig-2020"} <= quakes
    assert {p.split for p in pages} == {"tuning", "held-out"}


@pytest.mark.slow
@pytest.mark.skipif(not PAGES.is_dir(), reason="dev-set page texts not rebuilt (benchmarks/devset_pages.py)")
def test_devset_stories_hold_together_without_lookalikes() -> None:
    from newsprism.evaluate.story_devset import cluster_orders

    pages = [p for p in load_story_pages() if (PAGES / f"{p.id}.txt").is_file()]
    (pred,), missing = cluster_orders(pages, PAGES)
    gold = {p.id: p.story for p in pages if p.id not in missing}
    rows = {r["story"]: r for r in story_rows(pred, gold)}
    quake = rows.get("kahramanmaras-2023")
    if quake is None:
        pytest.skip("too few Kahramanmaraş pages rebuilt yet")
    # floors under the figures of `python benchmarks/stories_devset.py --pages DIR` (order 1: 37/37 pages of
    # Kahramanmaraş in one story with 1 look-alike, BCubed F1 0.983; over 25 orders median 32, min 24, no look-alike
    # in 18 orders of 25)
    assert quake["in_largest"] >= 0.7 * quake["pages"]
    assert quake["lookalikes"] <= 2
    assert score_assignment(pred, gold)["bcubed"]["f1"] >= 0.75


def test_main_measure_is_the_first_bare_decimal_of_the_lead() -> None:
    # sentences written for this test: counts in thousands, shares, money, distances and hours are no measure
    assert main_measure("Rescuers freed 4,2 tys. people after the magnitude 6.9 tremor; a 5.1 aftershock") == "6.9"
    assert main_measure("Prices rose 3.4% while the fund lost $2.5 billion and 1.5 million left") == ""
    assert main_measure("The river crested at 8.3 metres, 2.5 km from the bridge, at 4.5 hours") == "8.3"
    assert main_measure("地震の規模はM7.1と推定") == "7.1"
    assert main_measure("Silnik 2,4 mln zł; wstrząs o sile 5,8") == "5.8"
    assert main_measure("No decimal here, 14 dead") == ""


def _quake(aid: str, lang: str, keys: dict[str, float], **kw: object) -> ArticleFeatures:
    return ArticleFeatures(article_id=aid, language=lang, date="", text=f"{aid} word", keys=keys, **kw)  # type: ignore[arg-type]


def test_a_conflicting_main_measure_keeps_a_lookalike_out_on_joining_and_on_merging() -> None:
    shared = {"e:president": 1.0, "c:XX": 1.0, "a:XX-07": 1.0, "v:disaster": 1.0}
    feats = [
        _quake("a1", "en", shared, measure="7.6"),
        _quake("a2", "de", shared, measure="7.4"),  # another agency's reading of the same quake
        _quake("a3", "fr", shared, measure="7.7"),
        _quake("b1", "it", shared, measure="6.5"),  # an earlier quake in the same province
    ]
    off = ClusterOptions(threshold=0.3, measure_conflict_factor=1.0)
    assert len(cluster_articles(feats, options=off)) == 1
    states = cluster_articles(feats, options=ClusterOptions(threshold=0.3))
    story = {m: st.id for st in states for m in st.members}
    assert story["a1"] == story["a2"] == story["a3"] != story["b1"]
    # placed first, the look-alike starts its own story; the merge of whole stories keeps it apart too
    again = cluster_articles([feats[3], *feats[:3]], options=ClusterOptions(threshold=0.3))
    assert sorted(len(st.members) for st in again) == [1, 3]


def test_places_in_regions_a_story_never_names_lower_the_similarity() -> None:
    flood = {f"XX-{i:02d}": 1 for i in range(1, 7)}  # a flood named across six provinces
    shared = {"e:minister": 1.0, "c:XX": 1.0}
    story = [
        _quake(f"f{i}", "en", shared, regions=dict(list(flood.items())[i : i + 3]), country="XX") for i in range(4)
    ]
    elsewhere = _quake("g", "de", shared, regions={"XX-40": 3}, country="XX")  # named three times, never in the story
    capital = _quake("h", "fr", shared, regions={"XX-40": 1}, country="XX")  # a minister's press conference there
    inside = _quake("k", "es", shared, regions={"XX-02": 2, "XX-40": 1}, country="XX")
    opts = ClusterOptions(threshold=0.3)
    (st,) = cluster_articles(story, options=opts)
    from newsprism.stories.cluster import _article_conflict

    assert _article_conflict(elsewhere, st, opts) == pytest.approx(0.5)  # lowered by the whole penalty
    same_language = _quake("g2", "en", shared, regions={"XX-40": 3}, country="XX")  # its text compares too
    assert _article_conflict(same_language, st, opts) == pytest.approx(0.75)
    assert 0.5 < _article_conflict(capital, st, opts) < 1.0  # named once: lowered less
    assert _article_conflict(inside, st, opts) > _article_conflict(capital, st, opts)
    agreeing = _quake("m", "it", shared, regions={"XX-40": 3}, country="XX", measure="5.0")
    st.measures["5.1"] = 3
    assert _article_conflict(agreeing, st, opts) == 1.0  # the measures agree: the places differ by focus


def test_a_year_only_the_text_names_yields_when_the_measures_agree() -> None:
    shared = {"e:president": 1.0, "c:XX": 1.0, "a:XX-07": 1.0}
    dated = [_quake(f"d{i}", "en", shared, year=2021, dated=True, measure="7.2") for i in range(2)]
    # undated pages whose text names only an earlier year ("the worst since 1998")
    same = _quake("s", "de", shared, year=1998, year_from_text=True, measure="7.1")
    other = _quake("o", "fr", shared, year=1998, year_from_text=True)
    story = {m: st.id for st in cluster_articles([*dated, same, other]) for m in st.members}
    assert story["d0"] == story["d1"] == story["s"] != story["o"]
    strict = ClusterOptions(text_year_yields_to_measure=False)
    story = {m: st.id for st in cluster_articles([*dated, same, other], options=strict) for m in st.members}
    assert story["d0"] != story["s"]


def test_a_count_read_by_the_claims_stage_is_no_year() -> None:
    from newsprism.model import Claim

    body = "The quake killed 300 and 2000 were injured, officials said."
    art = Article(id="c", title="Quake", body=body, language="en")
    assert article_features(art, []).year == 2000
    span = body.index("2000 were")
    claim = Claim(article_id="c", start=span, end=span + 14, text=body[span : span + 14], number=2000.0)
    assert article_features(art, [claim]).year is None


def test_a_small_story_holding_a_lookalike_joins_its_event_and_leaves_the_lookalike_behind() -> None:
    # placed first (ids in order): a page on an earlier quake, then two pages of the new quake giving few keys; they
    # make a story whose magnitude (the look-alike's 6.7) keeps it from merging with the new quake's main story
    weak = {"c:XX": 1.0, "e:president": 1.0, "f:912": 0.5}
    strong = weak | {"g:10": 1.0, "a:XX-07": 1.0, "c:YY": 1.0}
    feats = [
        _quake("a0", "ko", {"c:XX": 1.0, "e:president": 1.0}, measure="6.7"),
        _quake("a1", "fa", weak),
        _quake("a2", "hy", weak),
        *[_quake(f"b{i}", lang, strong, measure="7.8") for i, lang in enumerate(["de", "es", "it", "nl", "pl"])],
    ]
    once = cluster_articles(feats, options=ClusterOptions(refine_rounds=0))
    assert sorted(sorted(st.members) for st in once) == [["a0", "a1", "a2"], ["b0", "b1", "b2", "b3", "b4"]]
    refined = cluster_articles(feats)
    assert sorted(sorted(st.members) for st in refined) == [["a0"], ["a1", "a2", "b0", "b1", "b2", "b3", "b4"]]


def test_a_year_only_the_text_names_may_lower_instead_of_excluding() -> None:
    shared = {"e:president": 1.0, "c:XX": 1.0, "a:XX-07": 1.0, "g:12": 1.0}
    dated = [_quake(f"d{i}", "en", shared, year=2023, dated=True) for i in range(3)]
    # an undated page on the same event naming only the year of a past one it is compared with
    compared = _quake("p", "de", shared, year=2004, year_from_text=True)
    strict = {m: st.id for st in cluster_articles([*dated, compared]) for m in st.members}
    assert strict["p"] != strict["d0"]  # the default: kept out
    soft = ClusterOptions(text_year_conflict_factor=0.7)
    story = {m: st.id for st in cluster_articles([*dated, compared], options=soft) for m in st.members}
    assert story["p"] == story["d0"] == story["d2"]
