"""Places: offline gazetteer, disambiguation by context, misspellings, demonyms, seed gold and GeoWebNews floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.enrich.entities import extract_entities
from newsprism.enrich.gazetteer import load_gazetteer
from newsprism.enrich.places import extract_places
from newsprism.evaluate.entities import run_seed
from newsprism.evaluate.places import evaluate_gwn, haversine_km, score_places
from newsprism.evaluate.seed import seed_articles
from newsprism.model import Article, Place
from newsprism.pipeline import Doc, Resources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if not SHARED.is_dir():
    SHARED = ROOT.parent.parent / "shared"
GOLD = SHARED / "seed" / "kazakhstan-2022-01-12.gold.json"
GWN = SHARED / "datasets" / "geoparsing" / "GWN.xml"


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def places_of(text: str, resources: Resources, lang: str = "en") -> list[Place]:
    art = Article(id="p", title=None, body=text, language=lang)
    doc = Doc(art, resources)
    doc.add(extract_entities(doc))
    pls = extract_places(doc)
    for p in pls:
        assert text[p.start : p.end] == p.text
        assert 0.0 <= p.score <= 1.0 and p.component == "places.gazetteer.v1"
    return pls


def test_gazetteer_is_cached_per_resources(resources: Resources) -> None:
    assert load_gazetteer(resources) is load_gazetteer(resources)
    assert "places.gazetteer" in resources.loaded()


def test_context_disambiguates(resources: Resources) -> None:
    paris = places_of("Attacks such as that on the Bataclan in Paris shocked Europe.", resources)
    assert any(p.text == "Paris" and p.country == "FR" for p in paris)
    georgia = places_of("Troops from Armenia and Azerbaijan gathered near Georgia and Russia.", resources)
    assert any(p.text == "Georgia" and p.country == "GE" for p in georgia)


def test_misspellings_and_missed_names(resources: Resources) -> None:
    pls = places_of(
        "Cities close to Kyrgistan and the Xinjian Autonomous Region saw violence. He blamed "
        "'foreign militants from Afghanistan'. Kazakh and Russian troops arrived.",
        resources,
    )
    names = {p.name: p for p in pls}
    assert names["Kyrgyzstan"].country == "KG"
    assert names["Xinjiang"].country == "CN"
    assert names["Afghanistan"].country == "AF"
    assert not any(p.text in ("Kazakh", "Russian") for p in pls)


def test_cyrillic_places(resources: Resources) -> None:
    pls = places_of("Протесты начались в Жанаозене и перекинулись на Алматы.", resources, lang="ru")
    almaty = [p for p in pls if p.name == "Almaty"]
    assert almaty and abs((almaty[0].lat or 0) - 43.25) < 0.5


def test_chinese_and_kazakh_places(resources: Resources) -> None:
    zh = places_of("中国与哈萨克斯坦讨论新疆和阿拉木图的局势。", resources, lang="zh")
    assert {p.name for p in zh} >= {"China", "Kazakhstan", "Xinjiang", "Almaty"}
    kk = places_of("Алматы мен Жаңаөзенде наразылық болды.", resources, lang="kk")
    assert {(p.name, p.country) for p in kk} >= {("Almaty", "KZ"), ("Zhanaozen", "KZ")}


def test_titles_of_works_are_not_entities_or_places(resources: Resources) -> None:
    text = "Francis Pike is the author of Hirohito’s War and Empires at War: A Short History of Modern Asia."
    assert not places_of(text, resources)
    ents = extract_entities(Doc(Article(id="w", title=None, body=text, language="en"), resources))
    assert [e.text for e in ents] == ["Francis Pike"]


def test_haversine() -> None:
    assert abs(haversine_km(43.25, 76.92, 42.87, 74.59) - 193) < 5


@pytest.mark.skipif(not GOLD.exists(), reason="../shared seed gold absent")
def test_seed_gold_places_all_found() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    arts = seed_articles(ROOT / "examples" / "kazakhstan-2022-01-12.txt")
    fig = score_places(gold, arts, run_seed(arts))
    assert fig.misses == []


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not GWN.exists(), reason="../shared/datasets/geoparsing absent")
def test_geowebnews_floors() -> None:
    """The held-out part of GWN (97 articles by the documented hash split; rules were tuned on the dev part only).
    Measured 2026-12-05: see docs/benchmarks.md (python benchmarks/geoparsing_gwn.py --split test)."""
    fig = evaluate_gwn(GWN, split="test")
    assert fig.split == "test" and 90 <= fig.articles <= 105 and fig.gold > 900
    assert fig.recall >= 0.845  # measured 0.852 (issue 13's target: 0.85)
    assert fig.precision >= 0.87  # 0.878
    assert fig.acc161 >= 0.915  # 0.922 (target 0.92)
    assert fig.auc <= 0.17  # 0.161


@pytest.mark.parametrize(
    ("body", "lang"), [("", "en"), ("1234 5678 — 9", None), ("Merkel traf Macron in Paris.", "de")]
)
def test_odd_inputs_do_not_fail(body: str, lang: str | None, resources: Resources) -> None:
    art = Article(id="odd", title=None, body=body, language=lang)
    doc = Doc(art, resources)
    doc.add(extract_entities(doc))
    places = extract_places(doc)
    if lang == "de":  # no German model installed: the actor table and the gazetteer still work
        assert {e.entity_id for e in doc.items("entities")} >= {"merkel", "macron"}
        assert any(p.name == "Paris" and p.country == "FR" for p in places)
    else:
        assert places == [] and doc.items("entities") == []


def test_gwn_split_is_fixed_and_by_article() -> None:
    from newsprism.evaluate.places import gwn_split

    parts = [gwn_split(str(i)) for i in range(200)]
    assert parts[:4] == ["test", "dev", "test", "test"] and 90 < parts.count("dev") < 110
