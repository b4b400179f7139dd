"""Pasted multi-article text pages: blog reposts, newsletter digests, LexisNexis and Factiva exports.

The page is read line by line. An article starts at a title-like line followed by header lines (a date, a URL, a
``Label: value`` field, a byline, an outlet, a person's name), in any order; exports with document separators
("Document 1 of 3" … "End of Document", Factiva document ids) are split on those first. Page chrome (page date
lines, share and comment lines, copyright lines) is dropped; an author bio, end footnotes and a pull quote that
repeats a body sentence are moved out of the body into their own fields (a standfirst between title and byline
opens the body); a curator's note about an outlet ("THE SPECTATOR IS A UK RIGHT WING PUBLICATION") becomes
:class:`~newsprism.model.PageLabel` records. Text before the first title is page meta (masthead, page date)
unless it is running text, which is kept as an untitled article; a page without any header is one article.

Patterns and word lists are data: ``resources/text_page.yaml``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from ..errors import EmptyInputError, InputError
from ..model import Article, Footnote, OutletLabel, PageLabel, Provenance
from .base import LoadResult, RawInput, decode_text, looks_binary
from .text_headers import LineReader, Note, load_lexicon, normalise

__all__ = ["NAME", "TextLoader", "read_page"]

NAME = "loader.text.v1"
_PULL_QUOTE_MAX_WORDS = 45
_PULL_QUOTE_WINDOW = 30  # paragraphs either side searched for the sentence a pull quote repeats
_BIO_MAX_WORDS = 90
_RUNNING_TEXT_WORDS = 60
_CORE_FIELDS = ("title", "authors", "published", "outlet", "url")


@dataclass(slots=True)
class _Header:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    strong: int = 0
    weak: int = 0
    last: str = ""  # the kind of the last header line read
    sentence_like: bool = False  # the title ends with a full stop: it needs a strong header line and one more


@dataclass(slots=True)
class _Segment:
    start: int  # first line of the segment
    end: int  # one past its last line
    title_line: int | None  # the title's line, when there is one
    header_end: int  # first line after the header block
    header: _Header
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class _Page:
    lines: list[str]
    reader: LineReader
    location: str
    page_dates: list[str] = field(default_factory=list)
    notes: list[tuple[Note, int | None]] = field(default_factory=list)  # (note, index of the article it sits in)
    preamble: list[str] = field(default_factory=list)


class TextLoader:
    """``loader.text.v1``: plain text pages holding one or more articles."""

    name = NAME

    def __init__(self, *, lexicon_path: str | None = None) -> None:
        self._lexicon_path = lexicon_path
        self._reader: LineReader | None = None

    @property
    def reader(self) -> LineReader:
        if self._reader is None:
            self._reader = LineReader(load_lexicon(self._lexicon_path))
        return self._reader

    def sniff(self, raw: RawInput) -> float:
        """Text is the fallback: a low positive score for plain text, 0 for what other loaders read."""
        head = raw.data[:8192]
        if not head.strip():
            return 0.05  # so that empty input is reported as empty, not as unsupported
        if looks_binary(head):
            return 0.0
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if start[:1] == b"<":
            return 0.0
        if start[:1] in (b"{", b"["):
            first = start.split(b"\n", 1)[0]
            try:
                json.loads(first)
                return 0.0
            except (ValueError, RecursionError):
                pass
            try:
                json.loads(start.decode("utf-8", "replace"))
                return 0.0
            except (ValueError, RecursionError):
                pass
        suffix = raw.suffix
        if suffix in {".csv", ".tsv", ".json", ".jsonl", ".xml", ".rss", ".atom", ".html", ".htm"}:
            return 0.02
        return 0.3 if suffix in {".txt", ".text", ".md", ""} else 0.2

    def load(self, raw: RawInput, settings: Settings, **options: Any) -> LoadResult:
        """Split ``raw`` into its articles. ``split=False`` keeps the whole page as one article."""
        text = decode_text(raw)
        return read_page(text, location=raw.location, reader=self.reader, split=bool(options.get("split", True)))


def read_page(text: str, *, location: str, reader: LineReader | None = None, split: bool = True) -> LoadResult:
    """Read a page of text into articles, page labels and page meta."""
    reader = reader or LineReader(load_lexicon())
    lines = [_clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if not any(lines):
        raise EmptyInputError(location, "empty input: no text to read")
    page = _Page(lines=lines, reader=reader, location=location)
    segments = _segments(page) if split else []
    result = LoadResult()
    if segments:
        layout = "export" if any(s.meta.get("explicit") for s in segments) else "page"
        if layout == "page" and _substantial(page, 0, segments[0].start):
            segments.insert(0, _Segment(0, segments[0].start, None, 0, _Header()))  # text before the first title
        elif layout == "page":
            _preamble(page, 0, segments[0].start)
    else:
        segments = [_Segment(0, len(lines), None, 0, _Header())]
        layout = "unstructured"
    for seg in segments:
        article, error = _build(page, seg, len(result.articles))
        if error:
            result.errors.append(error)
        if article is not None:
            result.articles.append(article)
    if not result.articles and (layout == "unstructured" or not result.errors):
        raise EmptyInputError(location, "no text left once page chrome is removed")
    page_date = page.page_dates[0] if page.page_dates else None
    result.labels = _labels(page, result.articles, page_date)
    for i, article in enumerate(result.articles):
        article.source = Provenance(kind="text", location=location, part=f"article {i + 1}", loader=NAME)
    result.meta = {"layout": layout, "article_count": len(result.articles)}
    if page_date:
        result.meta["page_date"] = page_date
    if page.preamble:
        result.meta["preamble"] = page.preamble
    return result


def _clean(line: str) -> str:
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\t", " ")
    return line.strip()


# -- finding the articles ---------------------------------------------------------------------------------------


def _segments(page: _Page) -> list[_Segment]:
    r = page.reader
    if any(r.doc_start(line) or r.doc_end(line) for line in page.lines if line):
        return _explicit_segments(page)
    segs: list[_Segment] = []
    n = len(page.lines)
    i = 0
    first_content = True
    running_text: bool | None = None  # the page opens with running text: later titles need two strong headers
    while i < n:
        line = page.lines[i]
        if not line or r.is_chrome(line) or r.date(line):
            i += 1
            continue
        header, end = _header_after(page, i)
        if header is not None and not segs and running_text is None and header.strong:
            running_text = _substantial(page, 0, i)
        if running_text and header is not None and header.strong < 2:
            header = None  # a boxed analysis inside an article ("Actions not words / By X, BBC News")
        if header is not None and _starts_article(r, line, header, first=first_content):
            start = _title_above(page, i, header, segs[-1].header_end if segs else 0)
            if segs:
                segs[-1].end = start
            segs.append(_Segment(start, n, start, end, header))
            i = end
        else:
            i += 1
        first_content = False
    return segs


def _title_above(page: _Page, i: int, header: _Header, floor: int) -> int:
    """A standfirst between the title and the header ("Title / One-sentence summary. / By X / date"): when the
    line above a long or sentence-like title is a headline standing on its own, it is the title; the standfirst
    becomes the first paragraph of the body. Returns the title's line."""
    r = page.reader
    line = page.lines[i]
    if not (header.sentence_like or len(line.split()) > 12) or header.meta.get("standfirst"):
        return i
    j = i - 1
    if j >= floor and not page.lines[j]:
        j -= 1
    if j < floor or not page.lines[j]:
        return i
    above = page.lines[j]
    if not r.is_title(above) or r.split_authors(above) or r.outlet(above) or len(above.split()) >= len(line.split()):
        return i
    if j > floor and page.lines[j - 1] and not r.is_chrome(page.lines[j - 1]):
        return i  # the line above is part of a paragraph run, not a headline on its own
    header.meta["standfirst"] = line
    header.title = r.strip_number(above)
    header.sentence_like = False
    return j


def _starts_article(r: LineReader, line: str, header: _Header, *, first: bool) -> bool:
    """A title-like line starts an article when header lines follow: one strong (date, URL, byline, a field naming
    the author, date, outlet or URL), or any at the top of the page. A line that is itself a name or an outlet needs
    a strong header ("Gregory Korte /
    USA TODAY" opening a story is a byline, not a title)."""
    if header.sentence_like:  # a headline ending with a full stop needs a strong header line and one more
        return header.strong >= 1 and header.strong + header.weak >= 2
    if header.strong:
        return True
    if r.split_authors(line) or r.outlet(line):
        return False
    return first and header.weak > 0


def _explicit_segments(page: _Page) -> list[_Segment]:
    """Exports with document separators: each document is one segment, its title the first title-like line."""
    r = page.reader
    bounds: list[tuple[int, int, dict[str, Any]]] = []
    has_starts = any(r.doc_start(line) for line in page.lines if line)
    start: int | None = None if has_starts else 0
    for i, line in enumerate(page.lines):
        if not line:
            continue
        end_m = r.doc_end(line)
        if r.doc_start(line):
            if start is not None and start < i:
                bounds.append((start, i, {}))
            else:
                _preamble(page, 0 if not bounds else bounds[-1][1] + 1, i)
            start = i + 1
        elif end_m:
            meta = {"document_id": end_m.group("id")} if end_m.groupdict().get("id") else {}
            if start is not None:
                bounds.append((start, i, meta))
            start = None if has_starts else i + 1
    if start is not None and start < len(page.lines):
        bounds.append((start, len(page.lines), {}))
    segs: list[_Segment] = []
    for s, e, meta in bounds:
        title_line = next(
            (
                i
                for i in range(s, e)
                if page.lines[i] and (r.is_title(page.lines[i], allow_period=True) or _title_field(r, page.lines[i]))
            ),
            None,
        )
        if title_line is None:
            _preamble(page, s, e)
            continue
        header, hend = _header_after(page, title_line, explicit=True, limit=e)
        if header is None:
            header = _Header(title=r.strip_number(page.lines[title_line]))
        _preamble(page, s, title_line)
        segs.append(_Segment(s, e, title_line, hend, header, {"explicit": True, **meta}))
    return segs


def _substantial(page: _Page, start: int, end: int) -> bool:
    """Running text (not a masthead or a one-line intro) before the first title is kept as an untitled article."""
    r = page.reader
    words = [len(x.split()) for x in page.lines[start:end] if x and not r.is_chrome(x)]
    return sum(w for w in words if w >= 12) >= _RUNNING_TEXT_WORDS


def _title_field(r: LineReader, line: str) -> str | None:
    got = r.field(line)
    return got[1] if got and got[0] == "title" else None


def _header_after(
    page: _Page, title_line: int, *, explicit: bool = False, limit: int | None = None
) -> tuple[_Header | None, int]:
    """Read the header lines after a title-like line; ``(None, i)`` when the line is not a title."""
    r = page.reader
    lines = page.lines
    limit = len(lines) if limit is None else limit
    line = lines[title_line]
    titled = _title_field(r, line)
    if titled is None and not r.is_title(line, allow_period=True):
        return None, title_line + 1
    header = _Header(title=titled or r.strip_number(line))
    header.sentence_like = titled is None and not r.is_title(line)
    if titled:
        header.strong += 1
    has_body_marker = explicit and any(r.is_body_marker(x) for x in lines[title_line + 1 : limit])
    i = title_line + 1
    last = i
    while i < limit:
        text = lines[i]
        if not text or r.is_chrome(text):
            i += 1
            continue
        if has_body_marker and r.is_body_marker(text):
            return header, i + 1
        if not _read_header_line(r, text, header):
            if not has_body_marker:
                break
            header.meta.setdefault("header_lines", []).append(text)  # "Late Edition - Final": kept, not lost
        i += 1
        last = i
    return header, (last if not has_body_marker else limit)


def _read_header_line(r: LineReader, text: str, h: _Header) -> bool:
    """Take one header line into ``h``; False when it is not a header line."""
    kind = _header_kind(r, text, h)
    if kind:
        h.last = kind
    return kind is not None


def _header_kind(r: LineReader, text: str, h: _Header) -> str | None:
    got = r.field(text)
    if got:
        _set_field(r, h, *got)
        h.strong += got[0] in _CORE_FIELDS  # "Section:" or "To:" alone does not make a title an article
        return "field"
    by = r.byline(text)
    if by:
        h.authors += [a for a in r.split_authors(by, lenient=True) if a not in h.authors]
        h.strong += 1
        return "byline"
    url = r.url(text)
    if url:
        h.url = h.url or url
        h.strong += 1
        return "url"
    date = r.date(text)
    if date:
        h.published = h.published or date[0]
        h.strong += 1
        return "date"
    wc = r.word_count(text)
    if wc is not None:
        h.meta["word_count"] = wc
        h.strong += 1
        return "word_count"
    # a bare name: when no author is known yet, or on the line after another name (one co-author a line)
    names = r.split_authors(text) if not text.isupper() and (not h.authors or h.last == "person") else []
    if names:
        h.authors += [a for a in names if a not in h.authors]
        h.weak += 1
        return "person"
    outlet = r.outlet(text)
    if outlet:
        if h.outlet is None:
            h.outlet = outlet
            h.weak += 1
        elif outlet.isupper() and len(outlet) <= 6 and " " not in outlet:
            h.meta["source_code"] = outlet  # Factiva's source code under the outlet name
        else:
            h.meta.setdefault("header_lines", []).append(text)
        return "outlet"
    return None


def _set_field(r: LineReader, h: _Header, name: str, value: str) -> None:
    if name == "title":
        h.title = h.title or value
    elif name == "authors":
        names = r.split_authors(value, lenient=True) or [value.strip()]
        h.authors += [a for a in names if a not in h.authors]
    elif name == "published":
        got = r.date(value)
        iso = got[0] if got else r.find_date(value)
        if iso:
            h.published = h.published or iso
        else:
            h.meta["date_text"] = value
    elif name == "outlet" and r.url(value):
        h.url = h.url or r.url(value)  # "Source: https://..." names the page, not the outlet
    elif name == "outlet":
        h.outlet = h.outlet or value.strip()
    elif name == "url":
        h.url = h.url or r.url(value) or value.strip()
    elif name == "word_count":
        wc = r.word_count(value)
        h.meta["word_count"] = wc if wc is not None else value
    else:
        h.meta[name] = value


def _preamble(page: _Page, start: int, end: int) -> None:
    """Lines outside every article: page dates, notes, anything else kept as page meta."""
    r = page.reader
    for line in page.lines[start:end]:
        if not line or r.doc_start(line) or r.doc_end(line):
            continue
        date = r.date(line)
        if date:
            page.page_dates.append(date[0])
            continue
        if r.is_chrome(line):
            continue
        note = r.note(line)
        if note:
            page.notes.append((note, None))
            continue
        embedded = r.find_date(line)
        if embedded and len(line.split()) <= 12:
            page.page_dates.append(embedded)
        page.preamble.append(line)


# -- building one article ---------------------------------------------------------------------------------------


def _build(page: _Page, seg: _Segment, index: int) -> tuple[Article | None, InputError | None]:
    r = page.reader
    h = seg.header
    body_start = seg.header_end if seg.title_line is not None else seg.start
    paragraphs, bio_lines, footnotes = _body(page, seg, body_start, index, h)
    standfirst = h.meta.pop("standfirst", None)
    if isinstance(standfirst, str):
        paragraphs.insert(0, standfirst)
        h.meta["has_standfirst"] = True
    paragraphs, pull_quotes = _pull_quotes(paragraphs)
    bio = _bio(r, bio_lines, h)
    if bio is None and paragraphs and h.authors:
        last = paragraphs[-1]
        for name in h.authors:
            rest = last[len(name) :].lstrip() if last.startswith(name) else ""
            if rest and r.lex.bio_verbs.match(rest) and len(last.split()) <= _BIO_MAX_WORDS:
                bio = last
                paragraphs = paragraphs[:-1]
                break
    body = "\n\n".join(paragraphs)
    part = f"article {index + 1}"
    if not body.strip():
        what = f"{h.title!r}" if h.title else f"line {seg.start + 1}"
        return None, InputError(f"{page.location}#{part}", f"article {what} (line {seg.start + 1}) has no body text")
    article = Article(
        id="",
        title=h.title,
        body=body,
        authors=list(h.authors),
        published=h.published,
        outlet=h.outlet,
        url=h.url,
        author_bio=bio,
        footnotes=footnotes,
        pull_quotes=pull_quotes,
    )
    meta = {k: v for k, v in h.meta.items()}
    meta.update({k: v for k, v in seg.meta.items() if k != "explicit"})
    meta["line"] = seg.start + 1
    article.meta = meta
    return article, None


def _body(
    page: _Page, seg: _Segment, start: int, index: int, h: _Header
) -> tuple[list[str], list[str], list[Footnote]]:
    """The body paragraphs, the bio lines and the end footnotes of one article."""
    r = page.reader
    blocks: list[list[str]] = []  # runs of consecutive body lines
    kinds: list[str] = []  # "text" | "bullet" | "footnote"
    bio_lines: list[str] = []
    in_bio = False
    current: list[str] | None = None
    for i in range(start, seg.end):
        line = page.lines[i]
        if seg.title_line is not None and seg.title_line <= i < seg.header_end:
            continue
        if not line:
            current = None
            continue
        if r.doc_start(line) or r.doc_end(line) or (r.is_body_marker(line) and not blocks):
            current = None
            continue
        date = r.date(line)
        if date and date[1]:
            page.page_dates.append(date[0])  # "Wednesday, January 12, 2022": the page's date, not the article's
            current = None
            continue
        if r.is_chrome(line):
            current = None
            continue
        note = r.note(line)
        if note:
            page.notes.append((note, index))
            current = None
            continue
        got = r.field(line) if seg.meta.get("explicit") else None  # "Load-Date:" after an exported body
        if got and got[0] != "title" and (got[0] not in _CORE_FIELDS or getattr(h, got[0]) in (None, [])):
            _set_field(r, h, *got)
            current = None
            continue
        if r.is_bio_marker(line):
            in_bio = True
            current = None
            continue
        if in_bio:
            bio_lines.append(line)
            continue
        fn = r.footnote(line)
        bullet = r.bullet(line)
        if fn or bullet is not None:
            blocks.append([bullet if bullet is not None else line])
            kinds.append("footnote" if fn else "bullet")
            current = None
            continue
        if current is None:
            current = [line]
            blocks.append(current)
            kinds.append("text")
        else:
            current.append(line)
    footnotes: list[Footnote] = []
    while blocks and kinds[-1] == "footnote":
        got_fn = r.footnote(" ".join(blocks[-1]))
        if got_fn:
            footnotes.insert(0, Footnote(mark=got_fn[0], text=got_fn[1]))
        blocks.pop()
        kinds.pop()
    paragraphs: list[str] = []
    for block, kind in zip(blocks, kinds, strict=True):
        if kind == "text" and _wrapped(block):
            paragraphs.append(_join_wrapped(block))
        else:
            paragraphs.extend(block)
    return paragraphs, bio_lines, footnotes


def _wrapped(block: list[str]) -> bool:
    """Hard-wrapped text: a run of lines of similar width, none far over 100 characters."""
    if len(block) < 2:
        return False
    if max(len(line) for line in block) > 110:
        return False
    inner = block[:-1]
    return sum(len(line) >= 40 for line in inner) >= max(1, int(0.8 * len(inner)))


def _join_wrapped(block: list[str]) -> str:
    out = block[0]
    for line in block[1:]:
        if out.endswith("-") and line[:1].islower():
            out = out + line
        else:
            out = out + " " + line
    return out


def _pull_quotes(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """A short paragraph repeated inside another paragraph is a pull quote: keep the sentence once, in the body."""
    normed = [normalise(p).strip(" \"'") for p in paragraphs]
    keep: list[str] = []
    quotes: list[str] = []
    for i, (para, key) in enumerate(zip(paragraphs, normed, strict=True)):
        short = len(para.split()) <= _PULL_QUOTE_MAX_WORDS and len(key) >= 20
        near = range(max(0, i - _PULL_QUOTE_WINDOW), min(len(normed), i + _PULL_QUOTE_WINDOW + 1))
        if short and any(j != i and len(normed[j]) > len(key) and key in normed[j] for j in near):
            if para not in quotes:
                quotes.append(para)
            continue
        keep.append(para)
    return keep, quotes


def _bio(r: LineReader, lines: list[str], h: _Header) -> str | None:
    """The bio after a "WRITTEN BY" line: a name line (an author, added when missing) and then the bio text."""
    if not lines:
        return None
    rest = list(lines)
    if r.split_authors(rest[0]):
        names = r.split_authors(rest[0])
        for name in names:
            if name not in h.authors:
                h.authors.append(name)
        rest = rest[1:]
    text = "\n\n".join(rest).strip()
    return text or None


# -- notes about outlets ----------------------------------------------------------------------------------------


def _labels(page: _Page, articles: list[Article], page_date: str | None) -> list[PageLabel]:
    out: list[PageLabel] = []
    for note, where in page.notes:
        index = _about(note, articles, where)
        for fname, value, phrase in note.labels:
            label = OutletLabel(
                field=fname,
                value=value,
                source=f"page:{page.location}",
                source_kind="page",
                date=page_date,
                note=f"curator's note on the page ({phrase!r} read as {fname} {value})",
                evidence=note.text,
            )
            out.append(PageLabel(outlet=note.outlet, label=label, article_index=index))
    return out


def _about(note: Note, articles: list[Article], where: int | None) -> int | None:
    """The article a note is about: the one whose outlet it names, else the article it sits in."""
    key = normalise(note.outlet)
    for i, article in enumerate(articles):
        if article.outlet and (normalise(article.outlet) == key or key in normalise(article.outlet)):
            return i
    if where is not None and where < len(articles):
        return where
    return None
