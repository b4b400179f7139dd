"""One row reader for every path that reads articles from rows: ``ingest``/``analyze`` (JSONL, CSV), ``run`` on the
local engine and on Spark (JSONL, Parquet).

A row is a JSON object, a CSV record or a Parquet row. :func:`resolve_mapping` picks the column of each article
field: the user's mapping first (CLI ``--map body=content_original``), then the names of known public layouts
(AllSides ``content_original``, news-please ``maintext``, CC-News ``text``) and common names. :func:`row_to_article`
coerces and validates: an ``authors`` string is split on the byline rules (one author stays whole: "N. R.
Kleinfield"), and a field of the wrong type (a body that is a dict or a boolean, a title that is a list, authors as
a dict) raises :class:`RowError` naming the place (file and line), the field and its column — it is never stored as
the repr of a Python value. Columns that are fields of :class:`~newsprism.model.Article` (``id``, ``footnotes``,
``source``, ``meta`` ...: what ``newsprism run`` writes) are read back as such; other columns go to
``article.meta``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError, InputError
from ..model import Article, Footnote, Provenance
from .base import normalize_date, repair_mojibake, split_authors

__all__ = ["FIELD_ALIASES", "KNOWN_LAYOUTS", "RowError", "RowReader", "layout_of", "resolve_mapping", "row_to_article"]

#: Article fields a column can fill, and the column names read for each when no mapping is given (first found wins).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "body": ("body", "text", "content", "content_original", "article", "article_text", "full_text", "maintext"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "date", "pubdate", "pub_date", "published_at", "publish_date", "date_publish"),
    "authors": ("authors", "author", "byline", "creator", "creators"),
    "outlet": ("outlet", "source", "source_name", "publisher", "site_name", "sitename", "media", "source_domain"),
    "url": ("url", "link", "href", "article_url"),
    "language": ("language", "lang"),
    "summary": ("summary", "description", "abstract", "lede"),
}

#: Public layouts recognised by their columns (all of ``marker`` present): field -> column.
KNOWN_LAYOUTS: dict[str, tuple[frozenset[str], dict[str, str]]] = {
    "allsides": (
        frozenset({"content_original", "bias_text"}),
        {
            "body": "content_original",
            "title": "title",
            "published": "date",
            "authors": "authors",
            "outlet": "source",
            "url": "url",
        },
    ),
    "news-please": (
        frozenset({"maintext", "source_domain"}),
        {
            "body": "maintext",
            "title": "title",
            "published": "date_publish",
            "authors": "authors",
            "outlet": "source_domain",
            "url": "url",
            "language": "language",
            "summary": "description",
        },
    ),
    "cc-news": (
        frozenset({"text", "domain", "date"}),
        {"body": "text", "title": "title", "published": "date", "outlet": "domain", "url": "url"},
    ),
}

#: Languages a date column is read in when it is not ISO or RFC 2822 (trying every language dateparser knows costs
#: seconds per odd value; these are the languages of the ``languages`` setting's default).
DATE_LANGUAGES = ("en", "ru", "kk", "zh", "fr", "de", "it", "es", "uk", "tr", "ar", "fa", "pt", "pl")
#: Article fields read back when a column carries their own name (a ``newsprism run`` output used as input).
_PASSTHROUGH = (
    "id",
    "outlet_id",
    "canonical_url",
    "language_score",
    "genre",
    "genre_score",
    "author_bio",
    "footnotes",
    "pull_quotes",
    "source",
    "duplicate_of",
    "meta",
)
#: Columns of a ``newsprism run`` output that are recomputed, never read.
_RECOMPUTED = frozenset({"content_hash"})
#: How values that are not text are named in messages.
_TYPE_NAMES = {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}


class RowError(InputError):
    """A row that could not be read as an article; ``field`` names the article field at fault, when one is."""

    def __init__(self, source: str, reason: str, *, field: str | None = None) -> None:
        self.field = field
        super().__init__(source, reason)


def layout_of(columns: list[str]) -> str | None:
    """The known public layout these columns are in, if any."""
    names = {c.lower() for c in columns}
    for name, (marker, _) in KNOWN_LAYOUTS.items():
        if marker <= names:
            return name
    return None


def resolve_mapping(columns: list[str], mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """Field → column for these columns: the user's mapping, then a known layout's, then the common names."""
    mapping = dict(mapping or {})
    unknown = sorted(set(mapping) - set(FIELD_ALIASES))
    if unknown:
        raise ConfigError(f"column mapping: unknown field {unknown[0]!r}; valid fields: {', '.join(FIELD_ALIASES)}")
    by_lower = {c.lower().strip(): c for c in columns}
    out: dict[str, str] = {}
    used: set[str] = set()
    for fld, col in mapping.items():
        out[fld] = by_lower.get(col.lower().strip(), col)
        used.add(out[fld])
    layout = layout_of(columns)
    if layout is not None:
        for fld, col in KNOWN_LAYOUTS[layout][1].items():
            found = by_lower.get(col)
            if fld not in out and found is not None and found not in used:
                out[fld] = found
                used.add(found)
    for fld, aliases in FIELD_ALIASES.items():
        if fld in out:
            continue
        for alias in aliases:
            found = by_lower.get(alias)
            if found is not None and found not in used:
                out[fld] = found
                used.add(found)
                break
    return out


def _kind(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _text(value: Any, where: str, fld: str, col: str, *, lists: bool = False, numbers: bool = False) -> str:
    """A cell as text, or :class:`RowError` when it is not text (a list of texts is joined when ``lists``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return repair_mojibake(value.strip())
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if lists and isinstance(value, list) and all(isinstance(v, str) or v is None for v in value):
        return "\n\n".join(repair_mojibake(v.strip()) for v in value if v and v.strip())
    expected = "text or a list of texts" if lists else "text"
    raise RowError(where, f"field {fld!r} (column {col!r}) is {_kind(value)}, expected {expected}", field=fld)


def _authors(value: Any, where: str, col: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_authors(repair_mojibake(value))
    if isinstance(value, list):
        out: list[str] = []
        for a in value:
            name = a.get("name") if isinstance(a, dict) else a
            if name is None:
                continue
            if not isinstance(name, str):
                raise RowError(
                    where, f"field 'authors' (column {col!r}) holds {_kind(name)}, expected names", field="authors"
                )
            name = " ".join(repair_mojibake(name).split())
            if name and name not in out:
                out.append(name)
        return out
    raise RowError(
        where, f"field 'authors' (column {col!r}) is {_kind(value)}, expected text or a list of names", field="authors"
    )


def _outlet(value: Any, where: str, col: str) -> str:
    if isinstance(value, dict):  # {"id": ..., "name": ...} in news API exports
        value = value.get("name") or value.get("id")
    return _text(value, where, "outlet", col)


def row_to_article(
    row: Mapping[str, Any],
    fields: Mapping[str, str],
    *,
    where: str = "<row>",
    day_first: bool = False,
    ids: bool = False,
) -> Article:
    """One row as an Article; raises :class:`RowError` naming ``where``, the field and the reason.

    ``ids``: an ``id`` column is the article's id (files in, files out); otherwise it is kept in ``meta`` and the
    store gives the id (the text's hash), so two exports that both number their rows from 1 never collide.
    """

    def col(fld: str) -> tuple[Any, str]:
        name = fields.get(fld)
        return (row.get(name), name) if name is not None else (None, "")

    body_raw, body_col = col("body")
    if not body_col:
        raise RowError(where, "no column holds the article text; name it with --map body=COLUMN", field="body")
    body = _text(body_raw, where, "body", body_col, lists=True)
    if not body:
        raise RowError(where, f"no text in column {body_col!r}", field="body")
    title_raw, title_col = col("title")
    title = _text(title_raw, where, "title", title_col, numbers=True) or None
    authors_raw, authors_col = col("authors")
    authors = _authors(authors_raw, where, authors_col)
    outlet_raw, outlet_col = col("outlet")
    outlet = _outlet(outlet_raw, where, outlet_col) or None
    url_raw, url_col = col("url")
    url = _text(url_raw, where, "url", url_col) or None
    summary_raw, summary_col = col("summary")
    summary = _text(summary_raw, where, "summary", summary_col, lists=True) or None
    language_raw, language_col = col("language")
    language = _text(language_raw, where, "language", language_col)
    published_raw, published_col = col("published")
    if isinstance(published_raw, bool | dict | list):
        raise RowError(
            where,
            f"field 'published' (column {published_col!r}) is {_kind(published_raw)}, expected a date",
            field="published",
        )
    published = normalize_date(published_raw, languages=DATE_LANGUAGES, day_first=day_first)
    mapped = set(fields.values())
    extra = {k: v for k, v in row.items() if k not in mapped and k is not None and k not in _RECOMPUTED}
    passthrough = {k: extra.pop(k) for k in _PASSTHROUGH if k in extra and (ids or k != "id")}
    passthrough = {k: v for k, v in passthrough.items() if v is not None}  # an empty column of a run's output
    meta: dict[str, Any] = _meta(passthrough.pop("meta", None), where)
    meta.update(extra)
    if published_raw not in (None, "") and published is None:
        meta["published_raw"] = published_raw
    article = Article(
        id="",
        title=title,
        body=body,
        authors=authors,
        published=published,
        outlet=outlet,
        url=url,
        summary=summary,
        meta=meta,
    )
    if language and 2 <= len(language) <= 3 and language.isalpha():
        article.language = language.lower()
        article.language_score = 1.0
    elif language:
        meta["language_raw"] = language
    _apply_passthrough(article, passthrough, where)
    return article


class RowReader:
    """Rows of one input read with one mapping; the field → column choice is made once per set of columns."""

    def __init__(self, mapping: Mapping[str, str] | None = None, *, day_first: bool = False) -> None:
        self.mapping = dict(mapping or {})
        self.day_first = day_first
        self._fields: dict[tuple[str, ...], dict[str, str]] = {}

    def fields(self, columns: tuple[str, ...]) -> dict[str, str]:
        found = self._fields.get(columns)
        if found is None:
            found = resolve_mapping(list(columns), self.mapping)
            if len(self._fields) < 1000:
                self._fields[columns] = found
        return found

    def article(self, row: Mapping[str, Any], where: str) -> Article:
        """The row as an article with its id (the text's hash unless the row names one); :class:`RowError` else."""
        fields = self.fields(tuple(row))
        body_col = fields.get("body")
        if body_col is None or body_col not in row:
            columns = ", ".join(list(row)[:20])
            raise RowError(
                where,
                f"no article body: no column holds the text (columns: {columns}); name it with --map body=COLUMN",
                field="body",
            )
        article = row_to_article(row, fields, where=where, day_first=self.day_first, ids=True)
        if not article.id:
            article.id = article.content_hash[:16]
        return article


def _meta(value: Any, where: str) -> dict[str, Any]:
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            raise RowError(where, "field 'meta' is not JSON", field="meta") from None
    if not isinstance(value, dict):
        raise RowError(where, f"field 'meta' is {_kind(value)}, expected an object", field="meta")
    return dict(value)


def _apply_passthrough(article: Article, values: dict[str, Any], where: str) -> None:
    """Article fields given under their own names, checked for type."""
    for name, value in values.items():
        if name in {"language_score", "genre_score"}:
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise RowError(where, f"field {name!r} is {_kind(value)}, expected a number", field=name)
            setattr(article, name, float(value))
        elif name == "pull_quotes":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RowError(where, f"field 'pull_quotes' is {_kind(value)}, expected a list of texts", field=name)
            article.pull_quotes = list(value)
        elif name == "footnotes":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise RowError(where, f"field 'footnotes' is {_kind(value)}, expected a list of objects", field=name)
            try:
                article.footnotes = [Footnote.from_dict(v) for v in value]
            except TypeError as exc:
                raise RowError(where, f"field 'footnotes': {exc}", field=name) from None
        elif name == "source":
            if not isinstance(value, dict):
                raise RowError(where, f"field 'source' is {_kind(value)}, expected an object", field=name)
            try:
                article.source = Provenance.from_dict({k: v for k, v in value.items() if v is not None})
            except TypeError as exc:
                raise RowError(where, f"field 'source': {exc}", field=name) from None
        else:
            setattr(article, name, _text(value, where, name, name) or ("" if name == "id" else None))
