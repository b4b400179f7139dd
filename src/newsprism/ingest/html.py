"""HTML pages: the main text and metadata of one article page (trafilatura for the text, htmldate for the date).

Untrusted pages are bounded twice: the markup handed to the extractor is cut at :data:`MAX_HTML_CHARS`, and the
extraction runs in a worker thread that is given :data:`EXTRACT_TIMEOUT` seconds (option ``extract_timeout``);
a page that takes longer is reported as a failed input and the batch goes on (the thread is a daemon and is left
to finish on its own, since Python cannot stop it). Links in the page are never followed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from ..config import Settings
from ..errors import UnsupportedInputError
from ..model import Article, Provenance
from .base import LoadResult, RawInput, decode_text, looks_binary, split_authors
from .bylines import clean_authors

__all__ = ["EXTRACT_TIMEOUT", "MAX_HTML_CHARS", "HTMLLoader", "PageMeta", "clean_title", "extract_article"]

#: Longest markup handed to the extractor, in characters (the rest of a larger page is cut off).
MAX_HTML_CHARS = 5_000_000
#: Seconds one page may take to extract before it is given up.
EXTRACT_TIMEOUT = 30.0
#: An extracted text with fewer words than this is not an article (navigation, a cookie wall, an error page).
MIN_ARTICLE_WORDS = 20

LOADER_NAME = "loader.html.v1"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz")
_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/)\s+")
_WORD = re.compile(r"\w+")

T = TypeVar("T")


@dataclass(slots=True)
class PageMeta:
    """What the page's head says about itself (each field None when the page does not say)."""

    site_name: str | None = None
    canonical: str | None = None
    og_url: str | None = None
    og_title: str | None = None
    published_time: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)


class HTMLLoader:
    """Reads one HTML page into one :class:`~newsprism.model.Article`."""

    name = LOADER_NAME

    def sniff(self, raw: RawInput) -> float:
        if not raw.data.strip() or looks_binary(raw.data):
            return 0.0
        head = raw.data[:4096].lstrip().lower()
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return 0.1
        if head.startswith((b"<!doctype html", b"<html")):
            return 0.95
        ctype = (raw.content_type or "").lower()
        if "html" in ctype or raw.suffix in _HTML_SUFFIXES:
            return 0.9
        if b"<html" in head or b"<body" in head or b"<head" in head:
            return 0.8
        if head.startswith(b"<") and (b"<p>" in head or b"<div" in head or b"<article" in head):
            return 0.5
        return 0.0

    def load(self, raw: RawInput, settings: Settings, **options: Any) -> LoadResult:
        """Extract the article of the page. Options: ``extract_timeout`` (seconds); others are ignored."""
        text = decode_text(raw)
        url = raw.url or (raw.location if raw.origin == "url" else None)
        timeout = float(options.get("extract_timeout", EXTRACT_TIMEOUT))
        article, page = extract_article(text, location=raw.location, url=url, timeout=timeout)
        article.source = Provenance(kind="html", location=raw.location, fetched_at=raw.fetched_at, loader=self.name)
        return LoadResult(articles=[article], meta=page)


def extract_article(
    html: str, *, location: str, url: str | None = None, timeout: float = EXTRACT_TIMEOUT
) -> tuple[Article, dict[str, Any]]:
    """The article of one page and a dict about the page. Raises UnsupportedInputError when there is none."""
    truncated = len(html) > MAX_HTML_CHARS
    if truncated:
        html = html[:MAX_HTML_CHARS]
    doc, meta, date = _run_bounded(lambda: _extract(html, url), timeout=timeout, location=location)
    base = url or _absolute(meta.og_url, None)
    page_url = (
        _absolute(meta.canonical, base) or _absolute(meta.og_url, url) or _absolute(_doc(doc, "url"), base) or url
    )
    site = meta.site_name or _doc(doc, "sitename")
    outlet = meta.site_name or _domain(page_url)
    raw_title = meta.og_title or _doc(doc, "title")
    title = clean_title(raw_title, site_names=[site, _domain(page_url)]) if raw_title else None
    body = _body_text(doc, [title, raw_title, _doc(doc, "title")])
    if len(_WORD.findall(body)) < MIN_ARTICLE_WORDS:
        raise UnsupportedInputError(location, "HTML page but no article text found")
    domain = _domain(page_url)
    authors, organisations = clean_authors(
        split_authors(_doc(doc, "author")) or meta.authors,
        site_names=[meta.site_name, site, outlet, domain, _main_label(domain) if domain else None],
    )
    published = date
    if date and meta.published_time and meta.published_time.startswith(date) and len(meta.published_time) > 10:
        published = meta.published_time
    page: dict[str, Any] = {"kind": _doc(doc, "pagetype") or "page", "html_chars": len(html)}
    article_meta: dict[str, Any] = {}
    for key in ("categories", "tags"):
        value = _doc_list(doc, key)
        if value:
            article_meta[key] = value
    if _doc(doc, "language"):
        article_meta["html_lang"] = _doc(doc, "language")
    if truncated:
        article_meta["html_truncated_at"] = MAX_HTML_CHARS
    if raw_title and title != raw_title:
        article_meta["page_title"] = raw_title
    if organisations:
        article_meta["byline_organisations"] = organisations
    article = Article(
        id="",
        title=title,
        body=body,
        authors=authors,
        published=published,
        outlet=outlet,
        url=page_url,
        summary=meta.description or _doc(doc, "description"),
        meta=article_meta,
    )
    return article, page


def _extract(html: str, url: str | None) -> tuple[Any, PageMeta, str | None]:
    import htmldate
    from trafilatura import bare_extraction

    doc = bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    meta = read_page_meta(html)
    date = htmldate.find_date(html, url=url, original_date=True, extensive_search=True)
    return doc, meta, date


def _run_bounded(fn: Callable[[], T], *, timeout: float, location: str) -> T:
    """Run ``fn`` in a daemon thread; give up after ``timeout`` seconds."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed back to the caller below
            box["error"] = exc

    worker = threading.Thread(target=work, name="newsprism-html-extract", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise UnsupportedInputError(location, f"HTML extraction took longer than {timeout:g} s; page skipped")
    if "error" in box:
        exc = box["error"]
        raise UnsupportedInputError(location, f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc
    return box["value"]  # type: ignore[no-any-return]


def _body_text(doc: Any, titles_seen: list[str | None]) -> str:
    text = _doc(doc, "text") or ""
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    # trafilatura keeps the headline as the first line of the text; the title is a field of its own here
    titles = {_norm(t) for t in titles_seen if t}
    if len(lines) > 1 and _norm(lines[0]) in titles:
        lines = lines[1:]
    return "\n\n".join(lines)


def read_page_meta(html: str) -> PageMeta:
    """og:site_name, canonical link, og:url, og:title, article:published_time, description and author metas."""
    from lxml import etree
    from lxml import html as lxml_html

    head_end = html.lower().find("</head>")
    chunk = html[: head_end + 7] if 0 <= head_end < 2_000_000 else html[:500_000]
    meta = PageMeta()
    try:
        tree = lxml_html.fromstring(chunk or "<html></html>")
    except (etree.ParserError, ValueError):
        return meta
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        value = " ".join((el.get("content") or "").split())
        if not key or not value:
            continue
        if key == "og:site_name" and not meta.site_name:
            meta.site_name = value
        elif key == "og:url" and not meta.og_url:
            meta.og_url = value
        elif key == "og:title" and not meta.og_title:
            meta.og_title = value
        elif key in {"article:published_time", "og:article:published_time"} and not meta.published_time:
            meta.published_time = value
        elif key in {"description", "og:description"} and not meta.description:
            meta.description = value
        elif key in {"author", "article:author", "byl", "sailthru.author"} and not value.startswith("http"):
            for name in split_authors(value):
                if name not in meta.authors:
                    meta.authors.append(name)
    for el in tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href") and not meta.canonical:
            meta.canonical = el.get("href", "").strip()
    return meta


def clean_title(title: str, *, site_names: Iterable[str | None] = ()) -> str:
    """Drop a site name from the start or end of a page title ("Title | The Guardian" -> "Title").

    A part is dropped only when it names the site (the og:site_name or the domain's main label), so a title that
    merely contains a dash keeps it.
    """
    title = " ".join(title.split())
    keys = set()
    for name in site_names:
        if not name:
            continue
        keys.add(_norm(name))
        if "." in name and " " not in name:  # a domain: its main label ("bbc" of "bbc.co.uk")
            keys.add(_norm(_main_label(name)))
    keys = {k for k in keys if len(k) >= 3}
    if not keys:
        return title
    seps = list(_TITLE_SEP.finditer(title))
    if not seps:
        return title
    last, first = seps[-1], seps[0]
    tail = title[last.end() :]
    if _is_site(tail, keys) and title[: last.start()].strip():
        return title[: last.start()].strip()
    head = title[: first.start()]
    if _is_site(head, keys) and title[first.end() :].strip():
        return title[first.end() :].strip()
    return title


def _is_site(part: str, keys: set[str]) -> bool:
    n = _norm(part)
    if not n or len(part.split()) > 6:
        return False
    return any(n == k or k in n or (n in k and len(n) >= 3) for k in keys)


def _main_label(domain: str) -> str:
    labels = [x for x in domain.lower().split(".") if x and x not in {"www", "m", "amp"}]
    second_level = {"co", "com", "org", "net", "gov", "ac", "edu"}
    if len(labels) >= 3 and labels[-2] in second_level:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", "", (text or "").casefold()).replace("_", "")


def _domain(url: str | None) -> str | None:
    from ..outlets.resolve import domain_of

    return domain_of(url)


def _absolute(link: str | None, base: str | None) -> str | None:
    if not link:
        return None
    link = link.strip()
    if base:
        link = urljoin(base, link)
    parts = urlsplit(link)
    return link if parts.scheme in {"http", "https"} and parts.netloc else None


def _doc(doc: Any, key: str) -> str | None:
    if doc is None:
        return None
    value = getattr(doc, key, None)
    return value.strip() or None if isinstance(value, str) else None


def _doc_list(doc: Any, key: str) -> list[str]:
    value = getattr(doc, key, None) if doc is not None else None
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return []
