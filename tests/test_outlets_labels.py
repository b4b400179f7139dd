import pytest

from newsprism.model import Outlet, OutletLabel
from newsprism.outlets.labels import (
    LEAN,
    effective_label,
    normalise_country,
    normalise_factuality,
    normalise_lean,
    normalise_value,
    outlet_view,
)
from newsprism.outlets.notes import read_outlet_note


def lab(field, value, source, kind, date=None):
    return OutletLabel(field=field, value=value, source=source, source_kind=kind, date=date)


@pytest.mark.parametrize(
    ("text", "lean"),
    [
        ("left-center", "centre-left"),
        ("Left-Center Bias", "centre-left"),
        ("center", "centre"),
        ("right-center", "centre-right"),
        ("extreme-right", "far-right"),
        ("far left", "far-left"),
        ("RIGHT WING", "right"),
        ("right-wing", "right"),
        ("lean left", "centre-left"),
        ("Least Biased", "centre"),
        ("unrated", None),
        ("", None),
        ("fake-news", None),
        ("conspiracy-pseudoscience", None),
    ],
)
def test_raters_spellings_map_onto_one_scale(text, lean):
    assert normalise_lean(text) == lean
    assert lean is None or lean in LEAN


def test_factuality_country_and_other_values():
    assert normalise_factuality("Mostly Factual") == "mostly-factual"
    assert normalise_factuality("very-low") == "very-low" and normalise_factuality("great") is None
    assert normalise_country("UK") == "GB" and normalise_country("Italy") == "IT" and normalise_country("kz") == "KZ"
    assert normalise_country("Narnia") is None and normalise_country("XX") is None
    assert normalise_value("affiliation", "state-owned") == "state"
    assert normalise_value("kind", "Think Tank") == "think tank" and normalise_value("kind", "zine") is None


def test_user_beats_page_beats_rater_beats_registry():
    labels = [
        lab("lean", "centre-right", "mbfc", "rater", "2026-08-19"),
        lab("lean", "right", "page:seed.txt", "page"),
        lab("country", "GB", "registry:newsprism", "registry"),
    ]
    assert effective_label(labels, "lean").source == "page:seed.txt"
    labels.append(lab("lean", "centre", "user:alice", "user", "2026-01-01"))
    assert effective_label(labels, "lean").source == "user:alice"
    labels.append(lab("lean", "right", "user:bob", "user", "2026-02-01"))
    assert effective_label(labels, "lean").source == "user:bob"  # the newest user label
    assert effective_label(labels, "country").source == "registry:newsprism"
    assert effective_label(labels, "factuality") is None


def test_raters_newest_dataset_wins_ties_by_fixed_order_and_all_stay_visible():
    labels = [
        lab("lean", "right", "baly2018", "rater", "2018"),
        lab("lean", "centre-right", "baly2020", "rater", "2020"),
        lab("lean", "right", "allsides-articles", "rater", "2020"),
    ]
    assert effective_label(labels, "lean").source == "baly2020"  # same date: baly2020 before allsides-articles
    labels.append(lab("lean", "centre-right", "mbfc", "rater", "2026-08-19"))
    view = outlet_view(Outlet(id="x.example", name="X", labels=labels))
    assert view["lean"] == "centre-right" and view["lean_source"] == "mbfc"
    assert view["lean_agreement"] == "disagree"
    assert view["lean_raters"] == {
        "baly2018": "right",
        "baly2020": "centre-right",
        "allsides-articles": "right",
        "mbfc": "centre-right",
    }
    assert len(view["labels"]) == 4


def test_unrated_is_unrated_never_centre():
    view = outlet_view(Outlet(id="new.example", name="New"))
    assert view["lean"] is None and view["lean_shown"] == "unrated" and view["lean_source"] is None
    assert view["factuality_shown"] == "unrated"


def test_user_and_page_facts_override_registry_facts_in_the_view():
    outlet = Outlet(
        id="x.example",
        name="X",
        country="US",
        kind="online",
        state_affiliated=False,
        known=True,
        labels=[
            lab("country", "US", "registry:newsprism", "registry"),
            lab("affiliation", "independent", "registry:newsprism", "registry"),
            lab("country", "GB", "page:p.txt", "page"),
            lab("affiliation", "state", "user:alice", "user"),
        ],
    )
    view = outlet_view(outlet)
    assert view["country"] == "GB" and view["country_source"] == "page:p.txt"
    assert view["affiliation"] == "state" and view["state_affiliated"] is True


def test_page_statements_are_read_into_labels():
    note = read_outlet_note("THE SPECTATOR IS A UK RIGHT WING PUBLICATION")
    assert note.outlet == "THE SPECTATOR" and note.values == {"lean": "right", "country": "GB"}
    labels = note.labels(source="page:seed.txt")
    assert {(x.field, x.value, x.source_kind) for x in labels} == {("lean", "right", "page"), ("country", "GB", "page")}
    assert all(x.evidence == "THE SPECTATOR IS A UK RIGHT WING PUBLICATION" for x in labels)
    rt = read_outlet_note("RT is a Russian state-owned broadcaster.")
    assert rt.values == {"country": "RU", "kind": "broadcaster", "affiliation": "state"}
    assert read_outlet_note("Meduza is an independent Russian-language website").values == {
        "kind": "online",
        "affiliation": "independent",
    }
    assert read_outlet_note("The situation is a mess.") is None
    assert read_outlet_note("Tokayev is a Kazakh politician") is None
    assert read_outlet_note("Protesters stormed the akimat in Almaty on Wednesday") is None


def test_docs_describe_every_rater_the_precedence_rule_and_the_scales():
    from pathlib import Path

    from newsprism.outlets.labels import FACTUALITY, PRECEDENCE, RATER_ORDER
    from newsprism.outlets.ratings import RATERS

    doc = " ".join((Path(__file__).resolve().parents[1] / "docs" / "outlets.md").read_text("utf-8").split())
    for rater in RATERS:
        assert f"import-ratings {rater} PATH" in doc, rater
    assert ", ".join(f"`{r}`" for r in RATER_ORDER) in doc
    for i, kind in enumerate(PRECEDENCE, 1):
        assert f"{i}. **{kind}**" in doc, kind
    assert ", ".join(f"`{v}`" for v in LEAN) in doc and ", ".join(f"`{v}`" for v in FACTUALITY) in doc
