"""Places in local US news (issue 13): state codes after towns, county lists, home towns of legislators, twin towns,
namesakes chosen by the article's state, surnames after titles; an unknown town stays unresolved. Sentences written
for these tests; the local check set's scorer on its own rules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.enrich.entities import extract_entities
from newsprism.enrich.places import extract_places
from newsprism.enrich.state_codes import state_code
from newsprism.evaluate.places_local import LocalPage, evaluate_local, gold_spans, load_local, local_split
from newsprism.model import Article, Place
from newsprism.pipeline import Doc, Resources

LOCAL_PAGES = Path(os.environ.get("NEWSPRISM_PLACES_LOCAL", "/work/places-local"))


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def places_of(text: str, resources: Resources) -> list[Place]:
    doc = Doc(Article(id="l", title=None, body=text, language="en"), resources)
    doc.add(extract_entities(doc))
    out = extract_places(doc)
    for p in out:
        assert text[p.start : p.end] == p.text
    return out


def by_text(places: list[Place]) -> dict[str, list[Place]]:
    out: dict[str, list[Place]] = {}
    for p in places:
        out.setdefault(p.text, []).append(p)
    return out


def test_state_codes() -> None:
    assert state_code("MN") == "MN" and state_code("La") == "LA" and state_code("Minn.") == "MN"
    assert state_code("Mn") is None and state_code("XY") is None and state_code("Lake") is None


def test_town_and_state_code_choose_the_namesake(resources: Resources) -> None:
    pls = by_text(
        places_of(
            "ALEXANDRIA, La - The mayor of Alexandria asked the Alexandria Police Department to hire twelve "
            "officers before the summer fair.",
            resources,
        )
    )
    assert {(p.country, p.admin1) for p in pls["Alexandria"]} == {("US", "LA")}
    assert pls["La"][0].name == "Louisiana"
    pls = by_text(places_of("Fergus Falls, MN - The county board met on Tuesday to talk about roads.", resources))
    assert pls["Fergus Falls"][0].admin1 == "MN" and pls["MN"][0].name == "Minnesota"
    mansfield = by_text(places_of("MANSFIELD, La. - Police in Mansfield added patrols this week.", resources))
    assert mansfield["Mansfield"][0].admin1 == "LA"


def test_county_lists_and_parishes(resources: Resources) -> None:
    pls = by_text(
        places_of(
            "North Dakota health officials counted new cases in Barnes, Stark, McKenzie and Ward Counties on "
            "Monday. The DeSoto Parish school board closed two buildings.",
            resources,
        )
    )
    for name in ("Barnes", "Stark", "McKenzie", "Ward"):
        assert (pls[name][0].country, pls[name][0].admin1, pls[name][0].feature) == ("US", "ND", "admin2"), name
    assert pls["DeSoto Parish"][0].name == "De Soto Parish"


def test_home_town_twins_and_titles(resources: Resources) -> None:
    pls = by_text(
        places_of(
            "The Ohio bill was written by Rep. Jane Doe, R-Lebanon, and passed on Tuesday. Fargo-Moorhead "
            "planners met in Fargo. Councilman Tom Washington asked for more buses.",
            resources,
        )
    )
    assert pls["Lebanon"][0].country == "US" and pls["Lebanon"][0].admin1 == "OH"
    assert pls["Moorhead"][0].admin1 == "MN" and pls["Fargo"][0].admin1 == "ND"
    assert "Washington" not in pls


def test_unknown_town_stays_unresolved(resources: Resources) -> None:
    """A state names the town, but the gazetteer has no town of that name there: no other town's point."""
    pls = by_text(places_of("The farmer has land in Hooks, Texas and Ogden, Arkansas, and lost crops.", resources))
    assert pls["Hooks"][0].admin1 == "TX"
    assert all(p.lat is None and p.lon is None for p in pls.get("Ogden", []))


def test_common_words_and_compass_names(resources: Resources) -> None:
    pls = by_text(
        places_of(
            "Call Crime Stoppers with any tip. He served as a deputy in Western North Dakota for years.", resources
        )
    )
    assert "Crime" not in pls
    assert any(p.name == "North Dakota" for ps in pls.values() for p in ps)
    assert not any(p.country == "GH" for ps in pls.values() for p in ps)


def test_gold_spans_rules() -> None:
    page = LocalPage(
        id="t",
        url=None,
        places=(
            {"text": "Fargo", "lat": 46.9, "lon": -96.8},
            {"text": "West Fargo", "lat": 46.9, "lon": -96.9},
            {"text": "Moorhead", "lat": 46.9, "lon": -96.8, "skip": [1]},
        ),
        ignore=("Fargo Street",),
    )
    text = "West Fargo and Fargo-Moorhead; Moorhead Mall on Fargo Street; Fargoans."
    gold, ignored = gold_spans(page, text)
    assert [(g.name, text[g.start : g.end]) for g in gold] == [
        ("West Fargo", "West Fargo"),
        ("Fargo", "Fargo"),
        ("Moorhead", "Moorhead"),
    ]
    assert [text[a:b] for a, b in ignored] == ["Fargo Street"]


def test_local_set_is_split_by_id() -> None:
    pages = load_local()
    assert len(pages) >= 15 and len({p.id for p in pages}) == len(pages)
    assert all(p.url and p.sha256 and p.places for p in pages)
    assert {p.split for p in pages} == {"tune", "held"} and local_split("la-rpj-01") == "tune"


@pytest.mark.slow
@pytest.mark.skipif(not LOCAL_PAGES.is_dir(), reason="local page texts absent (benchmarks/places_local.py fetch)")
def test_local_held_floors() -> None:
    """The held part of the local set (ids fixed by hash; rules tuned on the tune part and GWN dev only).
    Measured 2026-12-05: recall 0.880, within 161 km 0.920 (main before: 0.850, 0.847)."""
    fig, missing = evaluate_local(LOCAL_PAGES, split="held")
    if missing:
        pytest.skip(f"texts missing: {missing}")
    assert fig.articles >= 8 and fig.gold >= 90
    assert fig.recall >= 0.84
    assert fig.acc161 >= 0.89


def test_namesakes_follow_the_article(resources: Resources) -> None:
    kent = by_text(
        places_of(
            "KENT, Ohio — Students returned to Kent on Monday, while Portage County officials met in Ravenna.",
            resources,
        )
    )
    assert {(p.country, p.admin1) for p in kent["Kent"]} == {("US", "OH")}
    assert kent["KENT"][0].admin1 == "OH"
    england = by_text(
        places_of("Police in Kent said the suspect fled toward Maidstone and Canterbury before his arrest.", resources)
    )
    assert england["Canterbury"][0].country == "GB" and england["Kent"][0].country == "GB"


def test_speakers_are_not_places(resources: Resources) -> None:
    pls = by_text(places_of("Smith said the plan would help. Moscow said the talks had failed.", resources))
    assert "Smith" not in pls
    assert pls["Moscow"][0].country == "RU"


def test_bare_county_and_unknown_dateline_town(resources: Resources) -> None:
    pls = by_text(
        places_of(
            "Otter Tail County deputies closed the road near Henning. Otter Tail commissioners will meet on Monday.",
            resources,
        )
    )
    assert pls["Otter Tail"][0].name == "Otter Tail County" and pls["Otter Tail"][0].admin1 == "MN"
    lewis = by_text(places_of("LEWIS, Kan. — Lewis Mayor Ann Hill said the county road was closed.", resources))
    assert all(p.lat is None for p in lewis.get("Lewis", []) + lewis.get("LEWIS", []))  # not Lévis, Quebec
