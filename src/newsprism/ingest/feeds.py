"""RSS and Atom feeds: each entry becomes one article.

The feed is decoded first (BOM, declared charset, UTF-8, then detection, so an undeclared cp1251 feed reads as
Cyrillic), checked with defusedxml (entity declarations and external references are refused; the root must be a
feed), and then parsed by feedparser from the decoded text re-encoded as UTF-8. Dates feedparser cannot read
("12 января 2022, 10:30") go to dateparser, day first, in Russian and Kazakh. With ``fetch_full`` (CLI
``--fetch-full``, setting ``fetch_full_pages``) the page of an entry that holds only a summary is fetched and read
with the HTML loader; a page that cannot be fetched keeps the summary and is reported in ``LoadResult.errors``.
"""

from __future__ import annotations

import calendar
import html as html_lib
import io
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from ..config import Settings
from ..errors import EmptyInputError, InputError, UnsupportedInputError
from ..model import Article, Provenance
from .base import LoadResult, RawInput, decode_text, looks_binary, normalize_date, split_authors

__all__ = ["FeedLoader", "html_to_text"]

_DATE_LANGUAGES = ("ru", "kk", "en")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_PROLOG = re.compile(r"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.I | re.S)
_ROOT = re.compile(r"<(?:[\w-]+:)?(rss|feed|rdf)\b", re.I)
_FEED_ROOTS = {"rss", "feed", "rdf"}
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr|section|article|figure|ul|ol|table)\s*>", re.I)
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_BR = re.compile(r"<br\s*/?>", re.I)


class FeedLoader:
    """Reads an RSS 0.9x/1.0/2.0 or Atom feed into one article per entry."""

    name = "loader.feed.v1"

    def sniff(self, raw: RawInput) -> float:
        if not raw.data.strip() or looks_binary(raw.data):
            return 0.0
        head = raw.data[:4096].decode("utf-8", "replace").lstrip("\ufeff")
        rest = head[_PROLOG.match(head).end() :]  # type: ignore[union-attr]
        if _ROOT.match(rest):
            return 0.95
        ctype = (raw.content_type or "").lower()
        if "rss" in ctype or "atom" in ctype:
            return 0.9
        if raw.suffix in {".rss", ".atom"}:
            return 0.8
        if raw.suffix in {".xml", ".xml.gz"} or "xml" in ctype:
            return 0.3
        return 0.0

    def load(self, raw: RawInput, settings: Settings, **options: Any) -> LoadResult:
        """Read every entry. Option ``fetch_full`` (default: setting ``fetch_full_pages``); others are ignored."""
        import feedparser

        text = decode_text(raw)
        text = _XML_DECL.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1)
        data = text.encode("utf-8")
        malformed = _check_xml(raw.location, data, text)
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers={"content-type": "application/xml; charset=utf-8"},
            sanitize_html=True,
            resolve_relative_uris=True,
        )
        entries = list(parsed.get("entries") or [])
        if not entries:
            if parsed.get("bozo") or malformed:
                reason = malformed or _bozo_reason(parsed)
                raise UnsupportedInputError(raw.location, f"malformed feed with no readable entry: {reason}")
            if not parsed.get("version") and not parsed.get("feed", {}).get("title"):
                raise UnsupportedInputError(raw.location, "not an RSS or Atom feed")
            raise EmptyInputError(raw.location, "feed has no entries")
        feed = parsed.get("feed", {})
        feed_title = _clean(html_to_text(feed.get("title") or "")) or None
        feed_url = raw.url or (raw.location if raw.origin == "url" else None) or feed.get("link")
        fetch_full = bool(options.get("fetch_full", settings.fetch_full_pages))
        result = LoadResult(
            meta={
                "kind": "feed",
                "feed_title": feed_title,
                "feed_url": feed_url,
                "version": parsed.get("version") or None,
            }
        )
        if parsed.get("bozo") or malformed:
            result.meta["malformed"] = malformed or _bozo_reason(parsed)
        base = raw.url or (raw.location if raw.origin == "url" else None) or feed.get("link")
        for n, entry in enumerate(entries, start=1):
            where = f"{raw.location}#entry {n}"
            if entry.get("link") and base:  # a relative entry link is relative to the feed
                entry["link"] = urljoin(base, str(entry["link"]).strip())
            try:
                article = self._entry_article(entry, feed_title=feed_title, feed_url=feed_url)
            except ValueError as exc:
                if not (fetch_full and _link(entry)):
                    result.errors.append(InputError(where, str(exc)))
                    continue
                article = None
            if fetch_full and _link(entry) and (article is None or not _has_content(entry)):
                article = self._full_page(entry, article, settings, result, feed_title=feed_title, feed_url=feed_url)
                if article is None:
                    continue
            assert article is not None
            article.source = Provenance(
                kind="feed", location=raw.location, part=f"entry {n}", fetched_at=raw.fetched_at, loader=self.name
            )
            result.articles.append(article)
        if not result.articles and "malformed" in result.meta:
            raise UnsupportedInputError(
                raw.location, f"malformed feed with no readable entry: {result.meta['malformed']}"
            )
        return result

    def _entry_article(self, entry: Any, *, feed_title: str | None, feed_url: str | None) -> Article:
        title = _clean(html_to_text(entry.get("title") or "")) or None
        content = _best_content(entry)
        summary_html = entry.get("summary") or ""
        body = html_to_text(content) if content else html_to_text(summary_html)
        if not body:
            raise ValueError("entry has no content or summary text" + (" (title only)" if title else ""))
        summary = html_to_text(summary_html) if content and summary_html else None
        meta: dict[str, Any] = {"feed": feed_title or feed_url, "feed_url": feed_url}
        if not content:
            meta["summary_only"] = True
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        if tags:
            meta["tags"] = tags
        if entry.get("id"):
            meta["entry_id"] = entry.get("id")
        return Article(
            id="",
            title=title,
            body=body,
            authors=_authors(entry),
            published=_published(entry),
            outlet=feed_title,
            url=_link(entry),
            summary=summary if summary and summary != body else None,
            meta=meta,
        )

    def _full_page(
        self,
        entry: Any,
        article: Article | None,
        settings: Settings,
        result: LoadResult,
        *,
        feed_title: str | None,
        feed_url: str | None,
    ) -> Article | None:
        """The entry read from its page; on failure the summary article (or None) and an error for the URL."""
        from .html import HTMLLoader
        from .sources import fetch_url

        link = _link(entry)
        assert link is not None
        try:
            page_raw = fetch_url(link, settings)
            page = HTMLLoader().load(page_raw, settings).articles[0]
        except InputError as exc:
            keep = "; the feed summary is kept" if article is not None else ""
            result.errors.append(InputError(exc.source, exc.reason + keep))
            return article
        meta = dict(article.meta) if article is not None else {"feed": feed_title or feed_url, "feed_url": feed_url}
        meta.pop("summary_only", None)
        meta["full_page"] = page.url or link
        meta.update({k: v for k, v in page.meta.items() if k not in meta})
        return Article(
            id="",
            title=(article.title if article else None) or page.title,
            body=page.body,
            authors=(article.authors if article and article.authors else page.authors),
            published=(article.published if article and article.published else page.published),
            outlet=feed_title or page.outlet,
            url=link,
            summary=(article.body if article is not None else page.summary),
            meta=meta,
        )


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed summary): paragraphs on their own lines, entities resolved, tags dropped."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return _paragraphs(html_lib.unescape(fragment))
    marked = _BR.sub("\n", fragment)
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", marked)
    try:
        from lxml import etree
        from lxml import html as lxml_html

        root = lxml_html.fragment_fromstring(marked, create_parent="div")
        for bad in root.xpath("//script|//style"):
            bad.drop_tree()
        text = root.text_content()
    except (etree.ParserError, ValueError):
        text = html_lib.unescape(re.sub(r"<[^>]+>", " ", marked))
    return _paragraphs(text)


def _paragraphs(text: str) -> str:
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paras if p)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _check_xml(location: str, data: bytes, text: str) -> str | None:
    """Refuse unsafe XML and XML that is not a feed; return the parse error of malformed XML (None when well-formed)."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as safe_et
    from defusedxml import DefusedXmlException

    try:
        root = safe_et.fromstring(data)
    except DefusedXmlException as exc:
        raise UnsupportedInputError(location, f"feed refused: unsafe XML ({type(exc).__name__})") from None
    except ParseError as exc:
        body = text.lstrip("\ufeff")
        if not _ROOT.match(body[_PROLOG.match(body).end() :]):  # type: ignore[union-attr]
            raise UnsupportedInputError(location, f"not an RSS or Atom feed (not well-formed XML: {exc})") from None
        return f"not well-formed XML: {exc}"
    tag = root.tag.rsplit("}", 1)[-1].lower()
    if tag not in _FEED_ROOTS:
        raise UnsupportedInputError(location, f"not an RSS or Atom feed (XML root is <{root.tag.rsplit('}', 1)[-1]}>)")
    return None


def _bozo_reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc else "unreadable feed"


def _best_content(entry: Any) -> str:
    best = ""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if len(value) > len(best):
            best = value
    return best


def _has_content(entry: Any) -> bool:
    return bool(_best_content(entry).strip())


def _link(entry: Any) -> str | None:
    link = (entry.get("link") or "").strip()
    return link if link.lower().startswith(("http://", "https://")) else None


def _authors(entry: Any) -> list[str]:
    out: list[str] = []
    names = [a.get("name") or "" for a in entry.get("authors") or []]
    email_form = _EMAIL_NAME.match((entry.get("author") or "").strip())
    if email_form:  # RSS <author>desk@example.com (Jane Roe)</author>
        names = [email_form.group(1)]
    for raw in names:
        for name in split_authors(raw):
            if name not in out:
                out.append(name)
    if not out:
        out = split_authors(entry.get("author") or "")
    return [html_lib.unescape(a) for a in out if "@" not in a or " " in a]


def _published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        iso = normalize_date(raw, fuzzy=False)
        if iso:
            return iso
        struct = entry.get(f"{key}_parsed")
        if struct:
            return datetime.fromtimestamp(calendar.timegm(struct), UTC).isoformat()
        iso = normalize_date(raw, languages=_DATE_LANGUAGES, day_first=True)
        if iso:
            return iso
    return None
