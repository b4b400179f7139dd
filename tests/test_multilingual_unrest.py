"""The unrest multilingual check set (never tuned on): its annotations are well formed, disjoint from the development
and fresh sets, and reachable by name (``--set unrest``) from the figures and stories scorers. Needs no page text."""

from __future__ import annotations

from collections import Counter

import yaml

from newsprism.evaluate.multilingual import GOLD_SETS, gold_text, load_devset
from newsprism.evaluate.story_devset import load_story_pages

TYPES = {"killed", "wounded", "arrested"}
HEDGES = {None, "at least", "more than", "about", "nearly", "up to"}
STORIES = {"karakalpakstan-2022", "andijan-2005", "nukus-blast-2023"}


def test_unrest_set_is_a_named_shipped_set() -> None:
    assert "unrest" in GOLD_SETS
    assert "never tuned on" in GOLD_SETS["unrest"][1]
    assert "never tuned on" in gold_text(gold_set="unrest").split("\n- id:")[0]


def test_unrest_set_is_well_formed() -> None:
    pages = load_devset(gold_set="unrest")
    assert len(pages) >= 30
    assert len({p.id for p in pages}) == len(pages)
    langs = Counter(p.lang for p in pages)
    assert len(langs) >= 15
    assert {"en", "ru", "kk", "ky", "uz", "tr", "zh", "ar"} <= set(langs)
    for p in pages:
        assert p.id.startswith(f"{p.lang}-"), p.id
        assert p.url and p.url.startswith("http"), p.id
        assert p.sha256 and len(p.sha256) == 64 and int(p.sha256, 16) >= 0, p.id
        assert p.chars and 200 <= p.chars <= 2000, p.id
        for g in p.figures:
            assert g["type"] in TYPES and float(g["n"]) > 0 and g.get("hedge") in HEDGES, (p.id, g)
            assert set(g) <= {"n", "type", "hedge", "claimant"}, (p.id, g)
        for kind in (p.people, p.places, p.quotes):
            assert all(isinstance(x, str) and x.strip() == x and x for x in kind), p.id
    figures = Counter(g["type"] for p in pages for g in p.figures)
    assert figures["killed"] >= 30 and figures["wounded"] >= 20 and figures["arrested"] >= 10
    assert sum(bool(p.figures) for p in pages) >= 0.75 * len(pages)


def test_unrest_set_is_disjoint_from_the_other_sets() -> None:
    unrest = load_devset(gold_set="unrest")
    for other in ("dev", "fresh"):
        pages = load_devset(gold_set=other)
        assert not {p.id for p in unrest} & {p.id for p in pages}, other
        assert not {p.url for p in unrest} & {p.url for p in pages}, other


def test_unrest_story_labels() -> None:
    rows = yaml.safe_load(gold_text(gold_set="unrest"))
    assert all(r.get("story") in STORIES and r.get("event") for r in rows)
    stories = Counter(p.story for p in load_story_pages(gold_set="unrest"))
    assert set(stories) == STORIES
    assert stories["karakalpakstan-2022"] >= 30
    assert stories["andijan-2005"] + stories["nukus-blast-2023"] >= 5
    # one event group holds the crisis and its look-alikes, so none of them counts as the tuning split
    assert {p.split for p in load_story_pages(gold_set="unrest")} == {"held-out"}


def test_unrest_quotes_carry_their_speakers() -> None:
    pages = load_devset(gold_set="unrest")
    for p in pages:
        assert len(p.quote_speakers) == len(p.quotes), p.id
    speakers = [s for p in pages for s in p.quote_speakers]
    assert len(speakers) == 37
    assert sum(s is not None for s in speakers) == 35  # two quotes whose page does not say who speaks
    header = gold_text(gold_set="unrest").split("\n- id:")[0]
    assert "added on 2026-12-05 by reading the pages, before any" in " ".join(header.replace("#", " ").split())
