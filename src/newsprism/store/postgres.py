"""The shared store: PostgreSQL (psycopg 3) for a team — the web app and several ingesting processes at once.

Same schema and migrations as SQLite (``store/migrations.py``, with ``{pk_auto}`` = ``BIGSERIAL PRIMARY KEY``),
same logic (``store/sql.py``). Differences:

* concurrent writers: every write is a short transaction; duplicates are prevented by the unique constraints
  (``content_hash``; a canonical URL at most once; links, labels, bands, stage runs) with ``ON CONFLICT``, so
  processes ingesting overlapping inputs at once store each article once. Migrations take an advisory lock, so
  processes opening a new database together do not race.
* full-text search: a generated ``tsvector`` column (title weighted A, body B, ``simple`` configuration: no
  stemming, like SQLite's ``unicode61``) with a GIN index; queries go through ``websearch_to_tsquery`` ("quoted
  phrases", ``OR``, ``-word``) plus prefix terms (``word*``); snippets from ``ts_headline`` marked with ``\\x02`` …
  ``\\x03`` like SQLite's.
* the connection runs in autocommit mode; :meth:`transaction` opens a real transaction (nested ones are savepoints),
  so reads never leave a session idle in a transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError
from ..model import Article
from .base import SearchHit
from .sql import SQLStore

__all__ = ["PostgresStore", "tsquery_parts"]

_MIGRATION_LOCK = 0x6E657773  # "news": the advisory lock key held while migrating
_HEADLINE_OPTIONS = 'StartSel=\x02, StopSel=\x03, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'


class PostgresStore(SQLStore):
    name = "postgresql"
    capabilities = frozenset({"full_text_search", "concurrent_writers", "transactions", "json_queries"})
    placeholder = "%s"
    words = {"pk_auto": "BIGSERIAL PRIMARY KEY", "float": "DOUBLE PRECISION"}

    def __init__(self, url: str, *, connect_timeout: float = 10.0) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'newsprism[postgres]'") from None
        self.url = url
        self.path = _redact(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=int(connect_timeout))
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.path}: {str(exc).strip().splitlines()[0]}"
            ) from exc
        try:
            self.migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"cannot migrate PostgreSQL store {self.path}: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def reopen(self) -> PostgresStore:
        return PostgresStore(self.url)

    def put_article(self, article: Article) -> tuple[str, bool]:
        # PostgreSQL text cannot hold NUL; U+FFFD keeps every character offset (evidence spans) unchanged
        for name in ("title", "body", "author_bio", "summary"):
            value = getattr(article, name)
            if isinstance(value, str) and "\x00" in value:
                setattr(article, name, value.replace("\x00", "\ufffd"))
        return super().put_article(article)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def migrate(self) -> None:
        self._exec("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
        try:
            super().migrate()
        finally:
            self._exec("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))

    def _current_version(self) -> int:
        row = self._one("SELECT to_regclass('meta') IS NOT NULL")
        if not row or not row[0]:
            return 0
        got = self._one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(got[0]) if got else 0

    def fts_statements(self, migration: int) -> list[str]:
        if migration != 1:
            return []
        return [
            "ALTER TABLE articles ADD COLUMN IF NOT EXISTS fts tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('simple', coalesce(body, '')), 'B')) STORED",
            "CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN (fts)",
            # one article per canonical URL even when two processes insert it at the same moment
            "CREATE UNIQUE INDEX IF NOT EXISTS articles_canonical_url_unique ON articles (canonical_url) "
            "WHERE canonical_url IS NOT NULL",
        ]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        words, prefixes = tsquery_parts(query)
        if not words and not prefixes:
            return []
        conds, params = _tsquery_sql(words, prefixes)
        sql = (
            f"WITH q AS (SELECT {conds} AS query), "
            "hits AS (SELECT a.id, a.title, a.outlet, a.published, a.body, "
            "ts_rank_cd(a.fts, q.query) AS rank FROM articles a, q WHERE a.fts @@ q.query "
            "ORDER BY rank DESC, a.id LIMIT %s) "
            "SELECT h.id, h.title, h.outlet, h.published, ts_headline('simple', h.body, q.query, %s), h.rank "
            "FROM hits h, q ORDER BY h.rank DESC, h.id"
        )
        rows = self._all(sql, [*params, int(limit), _HEADLINE_OPTIONS])
        return [
            SearchHit(article_id=r[0], title=r[1], outlet=r[2], published=r[3], snippet=r[4], score=float(r[5]))
            for r in rows
        ]

    def _q(self, sql: str) -> str:
        # the shared SQL is written with "?" and contains no literal "%"; "%s" SQL written here passes as is
        return sql.replace("?", "%s")


_TOKEN = re.compile(r'"[^"]*"|[^\s"]+')


def tsquery_parts(query: str) -> tuple[str, list[str]]:
    """Split what a user typed into a ``websearch_to_tsquery`` text and a list of prefix words (``tokyo*``)."""
    words: list[str] = []
    prefixes: list[str] = []
    for tok in _TOKEN.findall(query):
        if not tok.startswith('"') and tok.endswith("*") and len(tok.strip("*")) > 0:
            prefixes.extend(w for w in re.findall(r"\w+", tok) if w)
        else:
            words.append(tok)
    return " ".join(words).strip(), prefixes


def _tsquery_sql(words: str, prefixes: list[str]) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if words:
        parts.append("websearch_to_tsquery('simple', %s)")
        params.append(words)
    for p in prefixes:
        parts.append("to_tsquery('simple', quote_literal(%s) || ':*')")
        params.append(p.lower())
    return " && ".join(parts), params


def _redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
