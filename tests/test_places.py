"""Places: offline gazetteer, disambiguation by context, misspellings, demonyms, seed gold and GeoWebNews floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.enrich.entities import extract_entities
from newsprism.enrich.gazetteer import load_gazetteer
from newsprism.enrich.places import extract_places
from newsprism.evaluate.entities import run_seed, seed_articles
from newsprism.evaluate.places import evaluate_gwn, haversine_km, score_places
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


def test_haversine() -> None:
    assert abs(haversine_km(43.25, 76.92, 42.87, 74.59) - 193) < 5


@pytest.mark.skipif(not GOLD.exists(), reason="../shared seed gold absent")
def test_seed_gold_places_all_found() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    arts = seed_articles(ROOT / "examples" / "kazakhstan-2022-01-12.txt", gold)
    fig = score_places(gold, arts, run_seed(arts))
    assert fig.misses == []


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not GWN.exists(), reason="../shared/datasets/geoparsing absent")
def test_geowebnews_floors() -> None:
    fig = evaluate_gwn(GWN, limit=40)
    assert fig.gold > 400
    assert fig.recall >= 0.75
    assert fig.precision >= 0.75
    assert fig.acc161 >= 0.72
