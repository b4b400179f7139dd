"""The quotes development set: its annotations are well formed, disjoint from the other sets, split by id into a
tuning and a held-out part, and reachable by name (``--set quotes``). Needs no page text."""

from __future__ import annotations

from collections import Counter

from newsprism.evaluate.multilingual import GOLD_SETS, load_devset, split_pages


def test_quotes_set_is_named_and_well_formed() -> None:
    assert "quotes" in GOLD_SETS
    pages = load_devset(gold_set="quotes")
    assert len(pages) == 128 and len({p.id for p in pages}) == 128
    langs = Counter(p.lang for p in pages)
    assert len(langs) >= 20
    for p in pages:
        assert p.id.startswith(f"{p.lang}-q-"), p.id
        assert p.url and p.url.startswith("http"), p.id
        assert p.sha256 and len(p.sha256) == 64 and p.chars and p.chars > 200, p.id
        assert len(p.quotes) >= 3 and len(p.quote_speakers) == len(p.quotes), p.id
        assert all(q and q.strip() == q for q in p.quotes), p.id
        assert not (p.figures or p.people or p.places), p.id  # this set annotates quotes only
    speakers = [s for p in pages for s in p.quote_speakers]
    assert len(speakers) == 712 and sum(s is not None for s in speakers) == 687


def test_quotes_set_parts_and_disjointness() -> None:
    pages = load_devset(gold_set="quotes")
    held, tune = split_pages(pages, "held"), split_pages(pages, "tune")
    assert len(held) == 52 and len(tune) == 76
    assert all(p.id[-3:] in ("-01", "-11", "-21") for p in held)
    assert {p.id[-3:] for p in held} == {"-01", "-11", "-21"}  # three rounds of annotation, each with its held-out page
    for other in ("dev", "fresh", "unrest"):
        others = load_devset(gold_set=other)
        assert not {p.url for p in pages} & {p.url for p in others}, other
