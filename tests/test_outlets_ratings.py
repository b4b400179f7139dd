import shutil

import pytest

from newsprism.errors import LabelFileError, UnknownComponentError
from newsprism.outlets.labels import outlet_view
from newsprism.outlets.ratings import import_ratings, read_ratings
from newsprism.store import open_store
from test_outlets_support import DATA, RATINGS


def labels_of(store, oid, source):
    return {lab.field: lab for lab in store.get_outlet(oid).labels if lab.source == source}


def test_mbfc_fixture_matches_by_domain_creates_unknown_and_keeps_categories(store, res):
    rep = import_ratings(store, "mbfc", DATA / "mbfc", resources=res)
    assert rep.date == "2025-03-01" and rep.rows == 4 and rep.matched_registry == 3 and rep.created == 1
    assert len(rep.skipped) == 2 and any("entry 5: no domain" in s for s in rep.skipped)
    spec = labels_of(store, "spectator.co.uk", "mbfc")
    assert spec["lean"].value == "centre-right" and spec["factuality"].value == "mostly-factual"
    assert spec["lean"].source_kind == "rater" and spec["lean"].date == "2025-03-01"
    assert spec["lean"].note == "https://example.org/mbfc/spectator"
    rt = labels_of(store, "rt.com", "mbfc")  # www.rt.com normalised to the registry outlet
    assert "lean" not in rt and rt["category"].value == "fake-news" and rt["factuality"].value == "very-low"
    assert "propaganda" in rt["category"].note
    assert labels_of(store, "nytimes.com", "mbfc")["lean"].value == "centre-left"  # m.nytimes.com
    new = store.get_outlet("newsite.example")
    assert new.known is False and new.name == "New Site (fixture)" and new.domains == ["newsite.example"]
    assert outlet_view(new)["lean"] == "left"
    assert store.get_outlet("spectator.co.uk").known is True


def test_reimport_replaces_a_raters_labels(store, res, tmp_path):
    import_ratings(store, "mbfc", DATA / "mbfc", resources=res)
    folder = tmp_path / "mbfc"
    shutil.copytree(DATA / "mbfc", folder)
    (folder / "sources.json").write_text(
        '[{"domain": "spectator.co.uk", "name": "S", "url": "u", "bias": "right", "questionable": [],'
        ' "reporting": "high"}]',
        "utf-8",
    )
    import_ratings(store, "mbfc", folder, resources=res)
    assert labels_of(store, "spectator.co.uk", "mbfc")["lean"].value == "right"
    assert labels_of(store, "newsite.example", "mbfc") == {}


def test_allsides_baly_fixtures_and_rater_precedence(store, res):
    rep = import_ratings(store, "allsides", DATA / "allsides", resources=res)
    assert rep.rows == 3 and rep.created == 1 and any("author" in s for s in rep.skipped)
    assert labels_of(store, "spectator.co.uk", "allsides")["lean"].value == "right"
    assert labels_of(store, "reuters.com", "allsides")["lean"].value == "centre"
    assert store.get_outlet("brand-new-outlet").known is False
    arts = import_ratings(store, "allsides-articles", DATA / "allsides", resources=res)
    assert arts.rows == 2 and any("only 1 article" in s for s in arts.skipped)
    assert "3-point" in labels_of(store, "nytimes.com", "allsides-articles")["lean"].note
    import_ratings(store, "baly2018", DATA / "baly", resources=res)
    import_ratings(store, "baly2020", DATA / "baly", resources=res)
    assert labels_of(store, "rt.com", "baly2018")["lean"].value == "far-right"
    view = outlet_view(store.get_outlet("spectator.co.uk"))
    assert view["lean_raters"] == {
        "allsides": "right",
        "allsides-articles": "right",
        "baly2018": "right",
        "baly2020": "centre-right",
    }
    assert view["lean"] == "centre-right" and view["lean_source"] == "baly2020"  # newest dataset
    assert view["lean_agreement"] == "disagree"
    import_ratings(store, "mbfc", DATA / "mbfc", resources=res)
    assert outlet_view(store.get_outlet("spectator.co.uk"))["lean_source"] == "mbfc"


def test_bad_rating_inputs_are_named(tmp_path):
    with pytest.raises(UnknownComponentError, match="valid: allsides"):
        read_ratings("gallup", DATA)
    with pytest.raises(LabelFileError, match=r"no sources\.json found"):
        read_ratings("mbfc", tmp_path)
    bad = tmp_path / "sources.json"
    bad.write_text("[{oops", "utf-8")
    with pytest.raises(LabelFileError, match=r"sources.json:1: not valid JSON"):
        read_ratings("mbfc", bad)
    tsv = tmp_path / "corpus.tsv"
    tsv.write_text("a\tb\n1\t2\n", "utf-8")
    with pytest.raises(LabelFileError, match="missing column"):
        read_ratings("baly2018", tsv)


needs_shared = pytest.mark.skipif(RATINGS is None, reason="../shared/datasets not present")


@needs_shared
def test_shared_mbfc_allsides_and_baly_import(tmp_path, res):
    with open_store(tmp_path / "r.db") as store:
        mbfc = import_ratings(store, "mbfc", RATINGS / "mbfc", resources=res)
        assert mbfc.date == "2026-08-19" and mbfc.rows > 9000 and mbfc.matched_registry > 300
        alls = import_ratings(store, "allsides", RATINGS / "allsides", resources=res)
        assert alls.rows > 300 and alls.matched_registry > 50
        arts = import_ratings(store, "allsides-articles", RATINGS / "allsides", resources=res)
        assert arts.rows > 150
        b18 = import_ratings(store, "baly2018", RATINGS / "baly-media", resources=res)
        b20 = import_ratings(store, "baly2020", RATINGS / "baly-media", resources=res)
        assert b18.rows == 1066 and b20.rows == 859
        spec = outlet_view(store.get_outlet("spectator.co.uk"))
        assert spec["lean"] == "centre-right" and spec["lean_source"] == "mbfc" and spec["known"]
        assert "spectator.org" not in spec["domains"]  # The American Spectator is another outlet
        amspec = outlet_view(store.get_outlet("spectator.org"))
        assert amspec["name"] == "The American Spectator" and amspec["lean_raters"]["baly2018"] == "right"
        rt = outlet_view(store.get_outlet("rt.com"))
        assert rt["factuality"] == "very-low" and rt["state_affiliated"] is True and rt["affiliation"] == "state"
        nyt = outlet_view(store.get_outlet("nytimes.com"))
        assert set(nyt["lean_raters"]) >= {"mbfc", "allsides", "allsides-articles"}
