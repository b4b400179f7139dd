"""Outlet facts inferred when no source states them (ccTLD, language, dateline, site), country groups, and the
comparison axes built on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare import AXES, compare_story
from newsprism.compare.sides import axis_columns, best_axis, outlet_info, split_score
from newsprism.compare.story import compare_story_axes
from newsprism.errors import ConfigError
from newsprism.model import Article, Outlet, OutletLabel, Place, Story
from newsprism.outlets.groups import group_of, load_groups, parse_groups
from newsprism.outlets.infer import country_of_domain, dateline_of, infer_facts, kind_of_site
from newsprism.outlets.labels import LEAN, side_of_lean
from newsprism.store import open_store


def test_country_from_the_domain() -> None:
    assert country_of_domain("08info.kz") == "KZ"
    assert country_of_domain("bbc.co.uk") == "GB"
    assert country_of_domain("eltiempo.com.co") == "CO"  # .co is generic, .com.co is Colombian
    assert country_of_domain("example.co") is None
    assert country_of_domain("meydan.tv") is None and country_of_domain("meduza.io") is None
    assert country_of_domain("nytimes.com") is None and country_of_domain("ecfr.eu") is None
    assert country_of_domain("old.example.su") == "RU"
    assert country_of_domain("x.zz") is None  # not a country code


def test_kind_and_dateline() -> None:
    assert kind_of_site("ktk.tv") == "broadcaster" and kind_of_site("radio-almaty.kz") == "broadcaster"
    assert kind_of_site("someone.blogspot.com") == "blog"
    assert kind_of_site("kazinform.kz") == "agency" and kind_of_site("08info.kz") is None
    assert dateline_of("ALMATY, Jan 5 (Reuters) - Protesters stormed") == "ALMATY"
    assert dateline_of("АСТАНА. 5 января. KAZINFORM - Президент") == "АСТАНА"
    assert dateline_of("SANTIAGO DE CHILE (AFP) — Soldiers") == "SANTIAGO DE CHILE"
    assert dateline_of("The protests began in Santiago.") is None


def test_inferred_facts_carry_their_source_and_a_lower_score() -> None:
    facts = infer_facts(domain="08info.kz", language="kk", dateline_country="KZ", dateline="АЛМАТЫ")
    got = [(f.field, f.value, f.source, f.score) for f in facts]
    assert got == [
        ("country", "KZ", "inferred:cctld", 0.8),
        ("country", "KZ", "inferred:language", 0.5),
        ("country", "KZ", "inferred:dateline", 0.35),
    ]
    assert all(f.field != "state_affiliated" for f in facts)  # never guessed
    lab = facts[0].label()
    assert lab.source_kind == "inferred" and "0.8" in (lab.note or "") and lab.evidence == "the domain 08info.kz"
    assert infer_facts(domain="example.com", language="en") == []  # English tells no country
    assert infer_facts(domain="example.com", language="ru") == []


def _store_with(tmp_path: Path, *outlets: Outlet) -> object:
    store = open_store(tmp_path / "o.db")
    for o in outlets:
        store.put_outlet(o)
    return store


def test_outlet_info_infers_only_what_no_source_states(tmp_path: Path) -> None:
    store = _store_with(
        tmp_path,
        Outlet(id="08info.kz", name="08info", domains=["08info.kz"]),
        Outlet(id="site.com", name="Site", domains=["site.com"]),
        Outlet(
            id="tass.ru",
            name="TASS",
            domains=["tass.ru"],
            country="RU",
            kind="agency",
            state_affiliated=True,
            owner_state="RU",
            known=True,
        ),
    )
    kz = Article(id="a1", title="t", body="Ереуілдер басталды.", outlet_id="08info.kz", language="kk")
    info = outlet_info(store, kz)  # type: ignore[arg-type]
    assert (info.country, info.country_source, info.country_score) == ("KZ", "inferred:cctld", 0.8)
    assert info.state_affiliated is None and info.state == "unknown" and info.inferred
    uz = Article(id="a2", title="t", body="Namoyishlar boshlandi.", outlet_id="site.com", language="uz")
    assert (outlet_info(store, uz).country, outlet_info(store, uz).country_source) == ("UZ", "inferred:language")  # type: ignore[arg-type]
    body = "ALMATY, Jan 5 - Protesters stormed the city hall."
    dl = Article(id="a3", title="t", body=body, outlet_id="site.com", language="en")
    place = Place(article_id="a3", start=0, end=6, text="ALMATY", component="t", name="Almaty", country="KZ")
    info = outlet_info(store, dl, places=[place])  # type: ignore[arg-type]
    assert (info.country, info.country_source, info.country_score) == ("KZ", "inferred:dateline", 0.35)
    tass = outlet_info(store, Article(id="a4", title="t", body="x", outlet_id="tass.ru", language="kk"))  # type: ignore[arg-type]
    assert (tass.country, tass.country_score) == ("RU", 1.0)  # a stated fact is never replaced by a guess
    store.add_outlet_label("08info.kz", OutletLabel("country", "RU", "user:me", "user"))  # type: ignore[attr-defined]
    assert outlet_info(store, kz).country == "RU"  # type: ignore[arg-type]


def test_lean_vocabulary_and_sides_live_in_labels() -> None:
    assert LEAN == ("far-left", "left", "centre-left", "centre", "centre-right", "right", "far-right")
    assert [side_of_lean(v) for v in LEAN] == ["left", "left", "left", "center", "right", "right", "right"]
    assert side_of_lean("right-center") == "right" and side_of_lean("Liberal") == "left"
    assert side_of_lean("state") == "unrated"


def test_country_groups_default_and_user_file(tmp_path: Path) -> None:
    groups = load_groups()
    assert group_of(groups, country="RU", owner_state="RU", state=True) == "Russian state"
    assert group_of(groups, country="RU", state=False) == "other"  # an independent Russian outlet
    assert group_of(groups, country="CN", owner_state="CN", state=True) == "Chinese state"
    assert group_of(groups, country="NO") == "Western"  # "NO" stays Norway, not YAML's false
    assert group_of(groups, country="KZ", story_countries={"KZ"}) == "regional"
    assert group_of(groups, country="KZ", state=True, owner_state="KZ") == "other state"
    assert group_of(groups, country=None) == "unknown"
    own = tmp_path / "groups.yaml"
    own.write_text("- {name: Turkic, countries: [TR, AZ, KZ]}\n", encoding="utf-8")
    assert group_of(load_groups(own), country="AZ") == "Turkic"
    with pytest.raises(ConfigError, match="group 1: 'countries'"):
        parse_groups([{"name": "x", "countries": ["Russia"]}], "g.yaml")
    with pytest.raises(ConfigError, match="unknown field"):
        parse_groups([{"name": "x", "colour": "red"}], "g.yaml")


def test_best_axis_prefers_a_real_split() -> None:
    assert split_score(["unrated"] * 5) == 0.0
    assert split_score(["GB", "RU", "IT", "FR"]) == 0.0  # one article per country splits nothing
    assert split_score(["state", "state", "independent", "unknown"]) > 0
    values = {
        "lean": ["unrated"] * 6,
        "group": ["Russian state"] * 2 + ["Western"] * 3 + ["unknown"],
        "country": ["RU", "RU", "GB", "GB", "FR", "unknown"],
        "state": ["state"] * 2 + ["unknown"] * 4,
        "language": ["ru", "ru", "en", "en", "fr", "en"],
    }
    assert best_axis(values) == "group"
    assert best_axis({"lean": ["unrated"] * 3}) == "lean"  # nothing splits: lean, all unrated
    assert axis_columns("lean", []) == ["left", "center", "right", "unrated"]
    assert axis_columns("country", ["unknown", "GB", "RU", "RU"]) == ["RU", "GB", "unknown"]


def test_compare_story_follows_the_axis(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    outlets = [
        Outlet(id="tass.ru", name="TASS", country="RU", state_affiliated=True, owner_state="RU", known=True),
        Outlet(id="ria.ru", name="RIA", country="RU", state_affiliated=True, owner_state="RU", known=True),
        Outlet(id="08info.kz", name="08info", domains=["08info.kz"]),
        Outlet(id="vlast.kz", name="Vlast", country="KZ", state_affiliated=False, known=True),
    ]
    for o in outlets:
        store.put_outlet(o)
    body = "Protesters gathered in Almaty. Kassym-Jomart Tokayev spoke."
    langs = {"tass.ru": "ru", "ria.ru": "ru", "08info.kz": "kk", "vlast.kz": "ru"}
    for o in outlets:
        text = f"{body} ({o.name})"  # distinct texts: the same text twice is stored once
        store.put_article(Article(id=o.id, title="Almaty", body=text, outlet_id=o.id, language=langs[o.id]))
        place = Place(article_id=o.id, start=23, end=29, text="Almaty", component="t", name="Almaty", country="KZ")
        store.put_items(o.id, "t", [place])
    store.put_stories([Story(id="s1", label="Almaty", article_ids=[o.id for o in outlets])])
    comp = compare_story(store, "s1")
    assert comp.axis == comp.default_axis == "group"
    assert {a.id: a.side for a in comp.articles} == {
        "tass.ru": "Russian state",
        "ria.ru": "Russian state",
        "08info.kz": "regional",
        "vlast.kz": "regional",
    }
    by_state = compare_story(store, "s1", axis="state")
    assert by_state.columns == ["state", "independent", "unknown"]
    assert {a.id: a.side for a in by_state.articles}["08info.kz"] == "unknown"  # never inferred
    assert by_state.timeline[0]["by_side"] == {"state": 2, "independent": 1, "unknown": 1}
    assert compare_story(store, "s1", axis="lean").coverage_by_side["unrated"] == 4
    every = compare_story_axes(store, "s1")  # read once, every axis
    assert [every[ax].axis for ax in AXES] == list(AXES) and every["default"].axis == "group"
    assert every["country"].columns == ["KZ", "RU"] or every["country"].columns == ["RU", "KZ"]
    data = comp.to_dict()
    assert data["articles"][0]["sides"].keys() == {"lean", "group", "country", "state", "language"}
    with pytest.raises(ConfigError, match="unknown axis 'colour'; valid: lean, group"):
        compare_story(store, "s1", axis="colour")
    store.close()


def test_outlet_view_lists_inferred_facts_apart_from_stated_ones() -> None:
    from newsprism.outlets.labels import outlet_view

    unknown = outlet_view(Outlet(id="08info.kz", name="08info", domains=["08info.kz"]))
    assert unknown["country"] is None  # the stated fact stays empty
    assert unknown["inferred"] == [
        {
            "field": "country",
            "value": "KZ",
            "source": "inferred:cctld",
            "score": 0.8,
            "evidence": "the domain 08info.kz",
        }
    ]
    stated = outlet_view(Outlet(id="tass.ru", name="TASS", domains=["tass.ru"], country="RU", kind="agency"))
    assert stated["inferred"] == []


def test_story_countries_are_where_most_articles_are() -> None:
    from newsprism.compare.story import story_countries

    def place(aid: str, country: str) -> Place:
        return Place(article_id=aid, start=0, end=1, text="x", component="t", name=country, country=country)

    two = [place("a", "KZ"), place("b", "KZ"), place("b", "GB")]
    assert story_countries(two, {"a", "b"}) == {"KZ"}  # one article naming London does not make it British
    many = [place(a, "KZ") for a in "abcdef"] + [place(a, "RU") for a in "abc"] + [place("d", "US")]
    assert story_countries(many, set("abcdef")) == {"KZ", "RU"}
    assert story_countries([place("a", "CL")], {"a"}) == {"CL"}
