"""Feed loader: RSS and Atom entries, dates, charsets, malformed and unsafe feeds, and --fetch-full."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.errors import EmptyInputError, UnsupportedInputError
from newsprism.ingest import ingest
from newsprism.ingest.base import RawInput
from newsprism.ingest.feeds import FeedLoader, html_to_text
from newsprism.store import open_store
from test_ingest_bad_input import LocalSite, Route, _cli, _skip_unbuilt_loaders  # noqa: F401 - fixture reused

DATA = Path(__file__).parent / "data" / "feeds"
HTML = Path(__file__).parent / "data" / "html"


def _raw(name: str) -> RawInput:
    path = DATA / name
    return RawInput(str(path), path.read_bytes(), name=path.name)


def _load(name: str, **options: object) -> tuple[list, list]:  # type: ignore[type-arg]
    result = FeedLoader().load(_raw(name), Settings(env={}), **options)
    return result.articles, result.errors


def test_rss_entries_become_articles() -> None:
    arts, errors = _load("rss_full.xml")
    assert [a.title for a in arts] == [
        "Troops from a regional alliance arrive in the capital",
        "Internet restored in several regions",
    ]
    first, second = arts
    # content:encoded wins over the summary; HTML stripped, paragraphs kept, scripts dropped
    assert first.body == (
        "The first transport planes carrying soldiers from the alliance landed at an airfield near the capital on "
        "Thursday night, officials said.\n\nThe contingent will guard government buildings and will leave once "
        "order is restored, the alliance secretary general told reporters."
    )
    assert "alert" not in first.body
    assert first.summary == "The first transport planes landed on Thursday night."
    assert first.authors == ["Mark Holloway"]
    assert first.published == "2022-01-07T14:20:00+06:00"
    assert first.outlet == "The Steppe Herald - World"
    assert first.url == "https://www.steppeherald.example/world/alliance-troops-arrive"
    assert first.meta["feed"] == "The Steppe Herald - World"
    assert first.meta["feed_url"] == "https://www.steppeherald.example/world"
    assert first.meta["tags"] == ["Kazakhstan"]
    assert first.source is not None and first.source.part == "entry 1" and first.source.kind == "feed"
    assert second.body.startswith("Mobile internet came back")
    assert second.meta["summary_only"] is True
    assert second.authors == ["Aigerim Sadykova"]  # "desk@example (Name)" form
    assert second.published == "2022-01-10T08:00:00+00:00"
    (err,) = errors  # the third entry has no text
    assert err.source == f"{DATA / 'rss_full.xml'}#entry 3"
    assert err.reason == "entry has no content or summary text"


def test_atom_feed() -> None:
    (art,), errors = _load("atom.xml")
    assert not errors
    assert art.authors == ["Dana Omarova", "Ivan Petrov"]
    assert art.published == "2022-01-12T09:30:00+06:00"
    assert art.body == (
        "The city administration lifted the overnight curfew on Wednesday, a week after it was imposed.\n\n"
        "Shops and banks reopened across the city."
    )
    assert art.outlet == "Caspian Wire"


def test_undeclared_cp1251_feed_with_russian_dates() -> None:
    assert b"encoding" not in (DATA / "ru_cp1251_undeclared.rss").read_bytes()[:60]
    (a, b), errors = _load("ru_cp1251_undeclared.rss")
    assert not errors
    assert a.outlet == "Степной вестник"
    assert a.title == "Правительство ушло в отставку"
    assert a.body.startswith("Президент принял отставку")
    assert a.published == "2022-01-05T10:30:00"  # "5 января 2022, 10:30", which feedparser cannot read
    assert b.published == "2022-01-05T23:10:00"  # 05.01.2022 read day first


def test_relative_entry_links_resolve_against_the_feed() -> None:
    data = (
        b'<rss version="2.0"><channel><title>T</title><link>https://t.example/news/</link>'
        b"<item><title>A</title><link>/news/a.html</link><description>Some text.</description></item>"
        b"</channel></rss>"
    )
    (art,) = FeedLoader().load(RawInput("t.rss", data), Settings(env={})).articles
    assert art.url == "https://t.example/news/a.html"


def test_malformed_feed_keeps_its_entries() -> None:
    result = FeedLoader().load(_raw("bozo_with_entries.rss"), Settings(env={}))
    assert [a.title for a in result.articles] == [
        "Airport reopens after three days",
        "Second item in a feed that is never closed",
    ]
    assert "not well-formed" in result.meta["malformed"]


def test_malformed_feed_without_entries_is_a_clear_error() -> None:
    with pytest.raises(UnsupportedInputError, match="malformed feed with no readable entry: not well-formed XML"):
        _load("broken_no_entries.rss")


def test_not_a_feed_and_unsafe_xml_are_refused() -> None:
    with pytest.raises(UnsupportedInputError, match=r"not an RSS or Atom feed \(XML root is <urlset>\)"):
        _load("not_a_feed.xml")
    with pytest.raises(UnsupportedInputError, match="not an RSS or Atom feed"):
        FeedLoader().load(RawInput("page.html", (HTML / "article.html").read_bytes()), Settings(env={}))
    with pytest.raises(UnsupportedInputError, match=r"unsafe XML \(EntitiesForbidden\)"):
        _load("entities.rss")
    with pytest.raises(EmptyInputError, match="feed has no entries"):
        FeedLoader().load(
            RawInput("e.rss", b'<rss version="2.0"><channel><title>T</title></channel></rss>'), Settings(env={})
        )


def test_sniff() -> None:
    loader = FeedLoader()
    assert loader.sniff(_raw("rss_full.xml")) >= 0.9
    assert loader.sniff(_raw("atom.xml")) >= 0.9
    assert loader.sniff(_raw("entities.rss")) >= 0.9  # DOCTYPE with an internal subset before the root
    assert loader.sniff(_raw("not_a_feed.xml")) < 0.5
    assert loader.sniff(RawInput("p.html", (HTML / "article.html").read_bytes())) == 0.0


def test_html_to_text() -> None:
    assert html_to_text("<p>One &amp; two</p><p>Three<br>four</p>") == "One & two\n\nThree\n\nfour"
    assert html_to_text("plain &lt;b&gt; text") == "plain <b> text"
    assert html_to_text("") == ""


# -- --fetch-full against a local server --------------------------------------------------------------------------
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Local Wire</title>
<item><title>Summary only, page available</title><link>{base}/page/ok.html</link>
<pubDate>Wed, 05 Jan 2022 10:00:00 +0600</pubDate><description>Short summary of the protests.</description></item>
<item><title>Summary only, page gone</title><link>{base}/page/gone.html</link>
<description>Summary of an article whose page is gone.</description></item>
<item><title>Full text in the feed</title><link>{base}/page/full.html</link>
<description>A summary.</description>
<content:encoded>&lt;p&gt;The whole text is here.&lt;/p&gt;</content:encoded></item>
</channel></rss>
"""


@pytest.fixture
def wire() -> Iterator[LocalSite]:
    routes: dict[str, Route] = {
        "/page/ok.html": (200, "text/html; charset=utf-8", (HTML / "article.html").read_bytes())
    }
    with LocalSite(routes) as site:
        site.routes["/feed.xml"] = (200, "application/rss+xml", FEED.format(base=site.base).encode("utf-8"))
        yield site


def test_fetch_full_reads_the_pages_of_summary_entries(tmp_path: Path, wire: LocalSite) -> None:
    settings = Settings(env={}, fetch_timeout=2.0)
    with open_store(str(tmp_path / "s.db")) as store:
        rep = ingest([wire.url("/feed.xml")], store, settings=settings, options={"fetch_full": True})
        arts = {a.title: a for a in (store.get_article(i) for i in rep.stored) if a}
        failures = {f.source: f.reason for f in store.failures()}
    full = arts["Summary only, page available"]
    assert full.body.startswith("Thousands of people gathered in the central square of Almaty")
    assert full.summary == "Short summary of the protests."
    assert full.outlet == "Local Wire"
    assert full.published == "2022-01-05T10:00:00+06:00"  # the feed's date is kept
    assert full.authors == ["Aigerim Sadykova", "Mark Holloway"]  # from the page
    assert full.meta["full_page"]
    kept = arts["Summary only, page gone"]
    assert kept.body == "Summary of an article whose page is gone."
    assert kept.meta["summary_only"] is True
    assert arts["Full text in the feed"].body == "The whole text is here."
    # the failed page is recorded under its own URL; the entry with full text was not fetched
    assert failures == {wire.url("/page/gone.html"): "HTTP 404 Not Found; the feed summary is kept"}
    assert "/page/full.html" not in wire.hits
    assert len(rep.stored) == 3


def test_pages_are_not_fetched_unless_asked(tmp_path: Path, wire: LocalSite) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        rep = ingest([wire.url("/feed.xml")], store, settings=Settings(env={}))
    assert len(rep.stored) == 3 and not rep.failed
    assert wire.hits == ["/feed.xml"]


def test_fetch_full_pages_setting(tmp_path: Path, wire: LocalSite) -> None:
    settings = Settings(env={"NEWSPRISM_FETCH_FULL_PAGES": "true"}, fetch_timeout=2.0)
    with open_store(str(tmp_path / "s.db")) as store:
        rep = ingest([wire.url("/feed.xml")], store, settings=settings)
    assert len(rep.stored) == 3
    assert [s for s, _ in rep.failed] == [wire.url("/page/gone.html")]
    assert "/page/ok.html" in wire.hits


def test_cli_fetch_full_flag(tmp_path: Path, wire: LocalSite) -> None:
    code, out = _cli(["ingest", wire.url("/feed.xml"), "--fetch-full", "--db", str(tmp_path / "c.db")])
    assert code == 1  # one page failed, the rest was ingested
    assert f"failed: {wire.url('/page/gone.html')}: HTTP 404 Not Found" in out
    assert "/page/ok.html" in wire.hits
