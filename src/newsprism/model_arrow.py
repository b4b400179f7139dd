"""The Arrow/Parquet schema of articles and extracted items, derived from the typed data model.

One schema per record kind: ``articles`` (the :class:`~newsprism.model.Article` fields) and each item kind
(``entities``, ``places``, ``events``, ``quotes``, ``claims``, ``frames``, ``techniques``). Column names are the
dataclass field names; types follow the annotations:

========================  =====================================================
model annotation          Arrow type
========================  =====================================================
``str`` / ``str | None``  ``string``
``int`` / ``int | None``  ``int64``
``float``                 ``float64``
``bool | None``           ``bool``
``list[str]``             ``list<string>``
``list[Span]`` etc.       ``list<struct<...>>`` (the nested record's fields)
``Provenance | None``     ``struct<kind, location, part, fetched_at, loader>``
``dict[str, Any]``        ``string`` holding JSON (``Article.meta``)
========================  =====================================================

Every column is nullable, so an input Parquet file or JSONL may omit any article column except ``body``
(``id`` defaults to the first 16 hex digits of the content hash, ``language`` is detected when missing).
The Spark engine reads and writes exactly these schemas; ``docs/scale.md`` lists them.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable
from functools import cache
from typing import Any

import pyarrow as pa

from .errors import ConfigError
from .model import RECORD_TYPES, Article, Record

__all__ = [
    "ARTICLE_KIND",
    "FAILURE_SCHEMA",
    "KINDS",
    "arrow_schema",
    "article_from_row",
    "records_from_table",
    "rows_of",
    "table_of",
]

ARTICLE_KIND = "articles"
#: Every dataset the engines write, in order: articles first, then one per extracted item kind.
KINDS: tuple[str, ...] = (ARTICLE_KIND, *RECORD_TYPES)

#: Stage failures of a files-in/files-out run (nothing is lost silently).
FAILURE_SCHEMA = pa.schema([("article_id", pa.string()), ("stage", pa.string()), ("reason", pa.string())])

_SCALARS: dict[Any, pa.DataType] = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def _record_class(kind: str) -> type[Record]:
    if kind == ARTICLE_KIND:
        return Article
    try:
        return RECORD_TYPES[kind]
    except KeyError:
        raise ConfigError(f"unknown record kind {kind!r}; valid: {', '.join(KINDS)}") from None


def _arrow_type(hint: Any) -> pa.DataType:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union {hint}")
        return _arrow_type(args[0])
    if origin is list:
        (arg,) = typing.get_args(hint)
        return pa.list_(_arrow_type(arg))
    if origin is dict:
        return pa.string()  # JSON text
    if hint in _SCALARS:
        return _SCALARS[hint]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return pa.struct(_fields(hint))
    raise TypeError(f"no Arrow type for {hint!r}")


def _fields(cls: type) -> list[pa.Field]:
    hints = typing.get_type_hints(cls)
    return [pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)]


@cache
def arrow_schema(kind: str) -> pa.Schema:
    """The Arrow schema of one record kind (``articles``, ``entities``, ...)."""
    return pa.schema(_fields(_record_class(kind)))


@cache
def _json_columns(kind: str) -> frozenset[str]:
    hints = typing.get_type_hints(_record_class(kind))
    return frozenset(n for n, h in hints.items() if typing.get_origin(h) is dict)


def rows_of(kind: str, records: Iterable[Record]) -> list[dict[str, Any]]:
    """Records as rows of ``kind``'s schema (``dict`` fields become JSON text)."""
    json_cols = _json_columns(kind)
    rows = []
    for rec in records:
        row = rec.to_dict()
        for name in json_cols:
            row[name] = json.dumps(row.get(name) or {}, ensure_ascii=False, sort_keys=True)
        rows.append(row)
    return rows


def table_of(kind: str, records: Iterable[Record]) -> pa.Table:
    """An Arrow table of ``records`` with the documented schema of ``kind``."""
    return pa.Table.from_pylist(rows_of(kind, records), schema=arrow_schema(kind))


def records_from_table(kind: str, table: pa.Table | pa.RecordBatch) -> list[Record]:
    """Records of ``kind`` back from an Arrow table (inverse of :func:`table_of`)."""
    cls = _record_class(kind)
    return [cls.from_dict(_decode(kind, row)) for row in table.to_pylist()]


def _decode(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    for name in _json_columns(kind):
        value = row.get(name)
        if isinstance(value, dict):
            continue
        if isinstance(value, str):
            row[name] = json.loads(value) if value else {}
        elif value is None:
            row.pop(name, None)
    return {k: v for k, v in row.items() if v is not None or k in _NULLABLE_KEEP}


_NULLABLE_KEEP = frozenset({"title"})


def article_from_row(row: dict[str, Any]) -> Article:
    """An article from a loosely typed row (a Parquet or JSONL input); missing columns take their defaults.

    ``body`` is required (:class:`ConfigError` otherwise); ``id`` defaults to the first 16 hex digits of the
    content hash.
    """
    body = row.get("body")
    if not isinstance(body, str) or not body.strip():
        raise ConfigError("no article body (column 'body')")
    try:
        data = _decode(ARTICLE_KIND, dict(row))
        data.setdefault("title", None)
        data.setdefault("id", "")
        article = Article.from_dict(data)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"not an article: {exc}") from None
    if not article.id:
        article.id = article.content_hash[:16]
    return article
