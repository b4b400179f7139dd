"""The texts of newsprism's annotated page sets: rebuilt from their addresses and checked against the annotations.

The repository ships where each page comes from and what was annotated in it (``multilingual_dev.yaml``,
``multilingual_fresh.yaml``, ``places_local_dev.yaml``), never the pages' text. :func:`fetch_texts` gets each page
(over the network of whoever runs it; nothing else in newsprism fetches anything), extracts its article text with
newsprism's HTML loader, keeps its start up to the annotated length and writes ``OUT/<id>.txt``;
:func:`check_texts` tells which texts are the annotated ones (``sha256``). Pages change and disappear: the
annotations then score what is left.

Most pages of the check sets were cut from the excerpts a public-pages archive stores, not from the live page: whoever
rebuilds them saves the archive's excerpt of each page by hand (``RAW/<id>.txt``; the archive is searched, not
fetched) and :func:`match_excerpt` finds, among the trims of that excerpt the annotators made (its archive date line
dropped, site chrome before and after the article, up to three short caption or menu lines inside it, the text cut
at its annotated length), the one whose SHA-256 is the annotated text's.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

__all__ = ["AnnotatedPage", "annotated_text", "check_report", "check_texts", "fetch_texts", "match_excerpt"]

#: the archive's own line before a page's text (" date 2025-08-23 ", " date 2023-10 ")
_ARCHIVE_DATE = re.compile(r"^\s*date \d{4}(?:-\d{2}){0,2}\s*")
#: lines of at most this many characters may be caption, menu or subscription lines dropped from inside an excerpt
_CHROME_LINE = 200
_MAX_DROPPED = 3


class AnnotatedPage(Protocol):
    """What the rebuild needs of a page of any annotated set."""

    @property
    def id(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def sha256(self) -> str | None: ...
    @property
    def chars(self) -> int | None: ...


def annotated_text(title: str | None, body: str | None, chars: int | None) -> str:
    """A page's text as it was annotated: title and body, cut to the annotated length, ending with one newline
    (``chars`` counts it)."""
    text = "\n\n".join(x for x in (title, body) if x)
    return (text[: chars - 1] if chars else text) + "\n"


def fetch_texts(pages: Iterable[AnnotatedPage], out: Path) -> Iterator[tuple[str, str]]:
    """Fetch and write the text of each page not yet in ``out``; yields (page id, what happened) per page tried."""
    import httpx

    from ..errors import NewsprismError
    from ..ingest.html import extract_article

    out.mkdir(parents=True, exist_ok=True)
    with httpx.Client(follow_redirects=True, timeout=30.0, headers={"User-Agent": "newsprism-devset/1"}) as client:
        for page in pages:
            target = out / f"{page.id}.txt"
            if target.exists():
                continue
            if not page.url:
                yield page.id, "no address in the archive; add its text by hand"
                continue
            try:
                resp = client.get(page.url)
                resp.raise_for_status()
                article, _ = extract_article(resp.text, location=page.url, url=page.url)
            except (httpx.HTTPError, NewsprismError) as exc:
                yield page.id, f"{page.url}: {exc}"
                continue
            text = annotated_text(article.title, article.body, page.chars)
            target.write_text(text, encoding="utf-8")
            yield page.id, f"{len(text)} characters"


def _line_variants(excerpt: str) -> Iterator[list[str]]:
    lines = excerpt.replace("\r\n", "\n").split("\n")
    undated = [_ARCHIVE_DATE.sub("", lines[0]), *lines[1:]]
    for base in (lines, undated) if undated != lines else (lines,):
        yield base
        yield [line.strip() for line in base]
        yield [line for line in base if line.strip()]
        yield [line for i, line in enumerate(base) if line.strip() or (i and base[i - 1].strip())]  # one blank line


def match_excerpt(excerpt: str, sha256: str, chars: int) -> str | None:
    """The trim of an archive ``excerpt`` that is the annotated text (``sha256``, ``chars`` characters with its final
    newline), or None. Tried in order: whole lines from any first to any last line, then with one, two or three short
    lines inside dropped; each whole, and cut at the annotated length (the sets cut after the last annotated
    paragraph)."""

    def found(lines: list[str]) -> str | None:
        for first in range(len(lines)):
            for last in range(len(lines), first, -1):
                body = "\n".join(lines[first:last]).strip("\n")
                if len(body) + 1 < chars:
                    break  # shorter ranges from this first line are shorter still
                for text in (body + "\n", body[: chars - 1] + "\n"):
                    if len(text) == chars and hashlib.sha256(text.encode()).hexdigest() == sha256:
                        return text
        return None

    variants = list(_line_variants(excerpt))
    for dropped in range(_MAX_DROPPED + 1):
        for lines in variants:
            short = [i for i, line in enumerate(lines) if len(line) <= _CHROME_LINE]
            for drop in itertools.combinations(short, dropped):
                text = found([line for i, line in enumerate(lines) if i not in drop])
                if text is not None:
                    return text
    return None


def check_texts(pages: Iterable[AnnotatedPage], out: Path) -> dict[str, str]:
    """Per page id: ``same`` (the annotated text), ``differs`` or ``missing``."""
    states = {}
    for page in pages:
        path = out / f"{page.id}.txt"
        if not path.exists():
            states[page.id] = "missing"
            continue
        digest = hashlib.sha256(path.read_text(encoding="utf-8").encode()).hexdigest()
        states[page.id] = "same" if digest == page.sha256 else "differs"
    return states


def check_report(states: dict[str, str]) -> str:
    """The lines of a check: each page that is not the annotated text, then how many are."""
    lines = [
        f"{page_id}: {'missing' if state == 'missing' else 'differs from the annotated text'}"
        for page_id, state in states.items()
        if state != "same"
    ]
    same = sum(state == "same" for state in states.values())
    return "\n".join([*lines, f"{same}/{len(states)} texts are the annotated ones"])
