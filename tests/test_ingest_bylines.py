"""Bylines and titles of HTML pages: people only, and no site name left in the title (pages written here)."""

from __future__ import annotations

from newsprism.ingest import ingest
from newsprism.ingest.bylines import clean_authors
from newsprism.store import open_store

PARA = (
    "<p>The harbour board of Valdora voted on Tuesday to extend the night ferry service until the end of the "
    "year, after months of complaints from shift workers who said the last boat left too early.</p>"
)


def _page(title: str, site: str, authors: str, byline: str = "") -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="{site}"><meta name="author" content="{authors}"></head>'
        f"<body><article><h1>{title.split(' | ')[0]}</h1>{byline}{PARA * 4}</article>"
        "<footer><a href='/authors/x'>View all posts by Mara Ilves</a></footer></body></html>"
    )


def test_organisations_roles_navigation_and_dates_are_not_authors() -> None:
    people, orgs = clean_authors(
        [
            "Condé Nast",
            "Molly Reed",
            "View all posts by Tom Berg",
            "Jane Roe March 9, 2021",
            "AP Sports Writer",
            "Associated Press",
            "ERIC TANNER Associated Press",
            "Staff writer",
            "Ana Quiroga, PhD",
            "RDN",
            "Analysis by Kenji Mori",
            "Leila Haddad is a reporter",
            "admin",
            "Troy Smith",
            "Troy L Smith",
            "Harbour Gazette",
            "The Harbour Gazette Desk",
            "N. R. Kleinfield",
        ],
        site_names=["Harbour Gazette", "harbourgazette.example"],
    )
    assert people == [
        "Molly Reed",
        "Tom Berg",
        "Jane Roe",
        "ERIC TANNER",
        "Ana Quiroga",
        "Kenji Mori",
        "Leila Haddad",
        "Troy Smith",
        "N. R. Kleinfield",
    ]
    assert orgs == [
        "Condé Nast",
        "AP",
        "Associated Press",
        "Staff writer",
        "Harbour Gazette",
        "The Harbour Gazette Desk",
    ]


def test_html_pages_keep_people_and_drop_site_names_from_titles(tmp_path) -> None:
    (tmp_path / "a.html").write_text(
        _page("Night ferry extended | Anglophenia", "Anglophenia", "Condé Nast, Molly Reed"), encoding="utf-8"
    )
    (tmp_path / "b.html").write_text(
        _page("Ferry fares frozen - The New York Times", "", "By Tom Berg"), encoding="utf-8"
    )
    with open_store(":memory:") as store:
        rep = ingest([tmp_path / "a.html"], store)
        assert not rep.failed, rep.failed
        (a,) = list(store.iter_articles())
        assert a.title == "Night ferry extended" and a.authors == ["Molly Reed"]
        assert a.meta["byline_organisations"] == ["Condé Nast"]
    # the page does not name its site; the outlet registry knows the domain's outlet by its name
    with open_store(":memory:") as store:
        from newsprism.ingest.base import RawInput
        from newsprism.ingest.html import HTMLLoader

        html = (tmp_path / "b.html").read_bytes()
        url = "https://www.nytimes.com/2024/03/05/nyregion/ferry-fares.html"
        raw = RawInput(url, html, origin="url", url=url, content_type="text/html; charset=utf-8")
        (loaded,) = HTMLLoader().load(raw, __import__("newsprism.config").config.Settings(env={})).articles
        assert loaded.title == "Ferry fares frozen - The New York Times"  # the page alone cannot tell
        from newsprism.ingest import IngestReport, _ingest_article
        from newsprism.outlets.resolve import OutletResolver
        from newsprism.pipeline import Resources

        res = Resources()
        _ingest_article(loaded, raw, store, OutletResolver(store, res), res, IngestReport(), {})
        (b,) = list(store.iter_articles())
        assert b.outlet_id == "nytimes.com" and b.title == "Ferry fares frozen" and b.authors == ["Tom Berg"]
