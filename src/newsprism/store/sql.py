"""The store logic shared by SQL backends; each backend supplies a connection, a dialect and full-text search."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError
from ..model import Article, Footnote, Item, Outlet, OutletLabel, Provenance, Story, record_from_dict
from .base import Failure, Store
from .migrations import MIGRATIONS

__all__ = ["SQLStore", "now"]

_ARTICLE_COLUMNS = (
    "id, content_hash, title, authors, published, outlet, outlet_id, url, canonical_url, language, "
    "language_score, genre, genre_score, body, data, duplicate_of, created_at"
)
_ARTICLE_DATA_FIELDS = ("summary", "author_bio", "footnotes", "pull_quotes", "source", "meta")
_UPDATABLE = {
    "title",
    "authors",
    "published",
    "outlet",
    "outlet_id",
    "url",
    "canonical_url",
    "language",
    "language_score",
    "genre",
    "genre_score",
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class SQLStore(Store):
    """Subclasses set ``placeholder``, ``words`` (for migrations), open ``self.conn`` and implement search."""

    placeholder = "?"
    words: dict[str, str] = {}

    conn: Any

    # -- plumbing ----------------------------------------------------------------------------------------------
    def _q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._q(sql), tuple(params))
        return cur

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self._exec(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self._exec(sql, params).fetchone()
        return tuple(row) if row is not None else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    def migrate(self) -> None:
        version = self._current_version()
        for number, statements in MIGRATIONS:
            if number <= version:
                continue
            with self.transaction():
                for stmt in statements:
                    self._exec(stmt.format(**self.words))
                for stmt in self.fts_statements(number):
                    self._exec(stmt)
                self._exec(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )

    def _current_version(self) -> int:
        try:
            row = self._one("SELECT value FROM meta WHERE key = 'schema_version'")
        except Exception:  # the meta table does not exist yet
            self.conn.rollback()
            return 0
        return int(row[0]) if row else 0

    def schema_version(self) -> int:
        return self._current_version()

    def fts_statements(self, migration: int) -> list[str]:
        return []

    def fts_index(self, article_id: str) -> None:
        """Hook for backends that index articles outside triggers."""

    # -- articles ----------------------------------------------------------------------------------------------
    def put_article(self, article: Article) -> tuple[str, bool]:
        existing = self.find_article(content_hash=article.content_hash)
        if existing is None and article.canonical_url:
            existing = self.find_article(url=article.canonical_url)
        if existing is not None:
            return existing, False
        data = {k: _to_jsonable(getattr(article, k)) for k in _ARTICLE_DATA_FIELDS}
        with self.transaction():
            # no conflict target: any unique key (the text's hash, a backend's canonical-URL index) means "stored
            # already", which is what a concurrent writer inserting the same article at the same moment causes
            cur = self._exec(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 17)}) ON CONFLICT DO NOTHING",
                (
                    article.id,
                    article.content_hash,
                    article.title,
                    _dumps(article.authors),
                    article.published,
                    article.outlet,
                    article.outlet_id,
                    article.url,
                    article.canonical_url,
                    article.language,
                    article.language_score,
                    article.genre,
                    article.genre_score,
                    article.body,
                    _dumps(data),
                    article.duplicate_of,
                    now(),
                ),
            )
            created = int(cur.rowcount or 0) == 1
            if created:
                self.fts_index(article.id)
        found = self.find_article(content_hash=article.content_hash, url=article.canonical_url)
        if found is None:
            raise StoreError(f"article {article.id} was not stored: another article has this id")
        return found, created and found == article.id

    def find_article(self, *, content_hash: str | None = None, url: str | None = None) -> str | None:
        if content_hash:
            row = self._one("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))
            if row:
                return str(row[0])
        if url:
            row = self._one("SELECT id FROM articles WHERE canonical_url = ? LIMIT 1", (url,))
            if row:
                return str(row[0])
        return None

    def get_article(self, article_id: str) -> Article | None:
        rows = self._all(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return _article_from_row(rows[0]) if rows else None

    def iter_articles(
        self,
        *,
        ids: Sequence[str] | None = None,
        outlet: str | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[Article]:
        where: list[str] = []
        params: list[Any] = []
        if ids is not None:
            if not ids:
                return
            where.append(f"id IN ({', '.join('?' * len(ids))})")
            params.extend(ids)
        if outlet:
            where.append("(outlet_id = ? OR lower(outlet) = lower(?))")
            params += [outlet, outlet]
        if language:
            where.append("language = ?")
            params.append(language)
        if since:
            where.append("published >= ?")
            params.append(since)
        if until:
            where.append("published <= ?")
            params.append(until + "\uffff" if len(until) == 10 else until)
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published IS NULL, published, created_at, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        for row in self._all(sql, params):
            yield _article_from_row(row)

    def count_articles(self) -> int:
        row = self._one("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    def outlet_article_counts(self) -> dict[str, int]:
        rows = self._all("SELECT outlet_id, count(*) FROM articles WHERE outlet_id IS NOT NULL GROUP BY outlet_id")
        return {str(r[0]): int(r[1]) for r in rows}

    def article_ids(self) -> list[str]:
        rows = self._all("SELECT id FROM articles ORDER BY published IS NULL, published, created_at, id")
        return [str(r[0]) for r in rows]

    def update_article(self, article_id: str, fields: dict[str, Any]) -> None:
        with self.transaction():
            self._update_article(article_id, fields)

    def _update_article(self, article_id: str, fields: dict[str, Any]) -> None:
        bad = set(fields) - _UPDATABLE
        if bad:
            raise StoreError(f"cannot update article fields {sorted(bad)}; valid: {sorted(_UPDATABLE)}")
        if not fields:
            return
        sets = ", ".join(f"{k} = ?" for k in fields)
        values = [_dumps(v) if k == "authors" else v for k, v in fields.items()]
        self._exec(f"UPDATE articles SET {sets} WHERE id = ?", [*values, article_id])

    def link_duplicate(self, article_id: str, *, source: str, reason: str, similarity: float) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO article_links (article_id, source, reason, similarity, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, source) DO NOTHING",
                (article_id, source, reason, similarity, now()),
            )

    def duplicates_of(self, article_id: str) -> list[dict[str, Any]]:
        rows = self._all(
            "SELECT source, reason, similarity, created_at FROM article_links WHERE article_id = ? ORDER BY id",
            (article_id,),
        )
        return [{"source": r[0], "reason": r[1], "similarity": r[2], "created_at": r[3]} for r in rows]

    def add_bands(self, article_id: str, bands: Iterable[str]) -> None:
        with self.transaction():
            for band in bands:
                self._exec(
                    "INSERT INTO minhash_bands (band, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    (band, article_id),
                )

    def articles_with_bands(self, bands: Iterable[str]) -> list[str]:
        bands = list(bands)
        if not bands:
            return []
        rows = self._all(
            f"SELECT DISTINCT article_id FROM minhash_bands WHERE band IN ({', '.join('?' * len(bands))})", bands
        )
        return [str(r[0]) for r in rows]

    # -- outlets -----------------------------------------------------------------------------------------------
    def put_outlet(self, outlet: Outlet) -> None:
        data = outlet.to_dict()
        data.pop("labels", None)
        with self.transaction():
            self._exec(
                "INSERT INTO outlets (id, name, country, data, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, "
                "data = excluded.data, updated_at = excluded.updated_at",
                (outlet.id, outlet.name, outlet.country, _dumps(data), now()),
            )

    def get_outlet(self, outlet_id: str) -> Outlet | None:
        row = self._one("SELECT data FROM outlets WHERE id = ?", (outlet_id,))
        if not row:
            return None
        outlet = Outlet.from_dict(json.loads(row[0]))
        outlet.labels = self.outlet_labels(outlet_id)
        return outlet

    def iter_outlets(self) -> Iterator[Outlet]:
        labels: dict[str, list[OutletLabel]] = {}
        for row in self._all(
            "SELECT outlet_id, field, value, source, source_kind, date, note, evidence FROM outlet_labels ORDER BY id"
        ):
            labels.setdefault(row[0], []).append(_label_from_row(row[1:]))
        for (data,) in self._all("SELECT data FROM outlets ORDER BY id"):
            outlet = Outlet.from_dict(json.loads(data))
            outlet.labels = labels.get(outlet.id, [])
            yield outlet

    def add_outlet_label(self, outlet_id: str, label: OutletLabel) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO outlet_labels (outlet_id, field, value, source, source_kind, date, note, evidence, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outlet_id, field, source) DO UPDATE "
                "SET value = excluded.value, source_kind = excluded.source_kind, date = excluded.date, "
                "note = excluded.note, evidence = excluded.evidence, created_at = excluded.created_at",
                (
                    outlet_id,
                    label.field,
                    label.value,
                    label.source,
                    label.source_kind,
                    label.date,
                    label.note,
                    label.evidence,
                    now(),
                ),
            )

    def outlet_labels(self, outlet_id: str) -> list[OutletLabel]:
        rows = self._all(
            "SELECT field, value, source, source_kind, date, note, evidence FROM outlet_labels "
            "WHERE outlet_id = ? ORDER BY id",
            (outlet_id,),
        )
        return [_label_from_row(r) for r in rows]

    def delete_outlet_labels(self, *, source: str, outlet_id: str | None = None) -> int:
        with self.transaction():
            if outlet_id is None:
                cur = self._exec("DELETE FROM outlet_labels WHERE source = ?", (source,))
            else:
                cur = self._exec("DELETE FROM outlet_labels WHERE source = ? AND outlet_id = ?", (source, outlet_id))
            return int(cur.rowcount or 0)

    # -- items ------------------------------------------------------------------------------------------------
    def put_items(self, article_id: str, component: str, items: Sequence[Item]) -> None:
        with self.transaction():
            self._put_items(article_id, component, items)

    def _put_items(self, article_id: str, component: str, items: Sequence[Item]) -> None:
        self._exec("DELETE FROM items WHERE article_id = ? AND component = ?", (article_id, component))
        rows = [
            (it.KIND, article_id, it.start, it.end, _label_of(it), it.score, component, _dumps(it.to_dict()))
            for it in items
        ]
        if rows:
            cur = self.conn.cursor()
            cur.executemany(
                self._q(
                    "INSERT INTO items (kind, article_id, start_char, end_char, label, score, component, data) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                ),
                rows,
            )

    def iter_items(
        self,
        kind: str,
        *,
        article_id: str | None = None,
        article_ids: Sequence[str] | None = None,
        label: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Item]:
        where = ["kind = ?"]
        params: list[Any] = [kind]
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if article_ids is not None:
            if not article_ids:
                return
            where.append(f"article_id IN ({', '.join('?' * len(article_ids))})")
            params.extend(article_ids)
        if label is not None:
            where.append("label = ?")
            params.append(label)
        sql = f"SELECT data FROM items WHERE {' AND '.join(where)} ORDER BY article_id, start_char, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for (data,) in self._all(sql, params):
            yield record_from_dict(kind, json.loads(data))

    def count_items(self, kind: str | None = None) -> dict[str, int]:
        if kind:
            rows = self._all("SELECT kind, count(*) FROM items WHERE kind = ? GROUP BY kind", (kind,))
        else:
            rows = self._all("SELECT kind, count(*) FROM items GROUP BY kind")
        return {str(k): int(n) for k, n in rows}

    # -- stages ----------------------------------------------------------------------------------------------------
    def commit_stage(
        self,
        article_id: str,
        stage: str,
        items: Sequence[Item],
        article_fields: dict[str, Any] | None = None,
    ) -> None:
        with self.transaction():
            self._put_items(article_id, stage, items)
            if article_fields:
                self._update_article(article_id, article_fields)
            self._exec(
                "INSERT INTO stage_runs (article_id, stage, status, finished_at) VALUES (?, ?, 'done', ?) "
                "ON CONFLICT (article_id, stage) DO UPDATE SET status = excluded.status, "
                "finished_at = excluded.finished_at",
                (article_id, stage, now()),
            )

    def done_articles(self, stage: str) -> set[str]:
        return {str(r[0]) for r in self._all("SELECT article_id FROM stage_runs WHERE stage = ?", (stage,))}

    def reset_stage(self, stage: str | None = None) -> None:
        with self.transaction():
            if stage is None:
                self._exec("DELETE FROM stage_runs")
            else:
                self._exec("DELETE FROM stage_runs WHERE stage = ?", (stage,))

    # -- stories -----------------------------------------------------------------------------------------------------
    def put_stories(self, stories: Sequence[Story], *, replace: bool = False) -> None:
        with self.transaction():
            if replace:
                self._exec("DELETE FROM story_articles")
                self._exec("DELETE FROM stories")
            for story in stories:
                self._exec("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
                self._exec(
                    "INSERT INTO stories (id, label, start_date, end_date, data, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET label = excluded.label, start_date = excluded.start_date, "
                    "end_date = excluded.end_date, data = excluded.data, updated_at = excluded.updated_at",
                    (story.id, story.label, story.start, story.end, _dumps(story.to_dict()), now()),
                )
                for aid in story.article_ids:
                    self._exec(
                        "INSERT INTO story_articles (story_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        (story.id, aid),
                    )

    def iter_stories(self) -> Iterator[Story]:
        for (data,) in self._all("SELECT data FROM stories ORDER BY start_date DESC NULLS LAST, id"):
            yield Story.from_dict(json.loads(data))

    def get_story(self, story_id: str) -> Story | None:
        row = self._one("SELECT data FROM stories WHERE id = ?", (story_id,))
        return Story.from_dict(json.loads(row[0])) if row else None

    # -- failures ------------------------------------------------------------------------------------------------------
    def record_failure(
        self,
        source: str,
        reason: str,
        *,
        kind: str = "ingest",
        stage: str | None = None,
        article_id: str | None = None,
        options: dict[str, Any] | None = None,
    ) -> int:
        with self.transaction():
            row = self._one(
                "SELECT id FROM failures WHERE source = ? AND kind = ? AND resolved_at IS NULL "
                "AND coalesce(stage, '') = ? ORDER BY id DESC LIMIT 1",
                (source, kind, stage or ""),
            )
            if row:
                self._exec(
                    "UPDATE failures SET reason = ?, attempts = attempts + 1, created_at = ?, options = "
                    "coalesce(?, options) "
                    "WHERE id = ?",
                    (reason, now(), _dumps(options) if options else None, row[0]),
                )
                return int(row[0])
            self._exec(
                "INSERT INTO failures (source, reason, kind, stage, article_id, options, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (source, reason, kind, stage, article_id, _dumps(options) if options else None, now()),
            )
            got = self._one(
                "SELECT id FROM failures WHERE source = ? AND kind = ? ORDER BY id DESC LIMIT 1", (source, kind)
            )
            return int(got[0]) if got else 0

    def failures(
        self, *, include_resolved: bool = False, kind: str | None = None, source: str | None = None
    ) -> list[Failure]:
        sql = (
            "SELECT id, source, reason, kind, stage, article_id, attempts, created_at, resolved_at, options "
            "FROM failures"
        )
        where, params = [], []
        if not include_resolved:
            where.append("resolved_at IS NULL")
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if source is not None:
            where.append("source = ?")
            params.append(source)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._all(sql + " ORDER BY id", params)
        return [
            Failure(
                id=int(r[0]),
                source=r[1],
                reason=r[2],
                kind=r[3],
                stage=r[4],
                article_id=r[5],
                attempts=int(r[6]),
                created_at=r[7],
                resolved_at=r[8],
                options=json.loads(r[9]) if r[9] else None,
            )
            for r in rows
        ]

    def resolve_failure(self, failure_id: int) -> None:
        with self.transaction():
            self._exec("UPDATE failures SET resolved_at = ? WHERE id = ?", (now(), failure_id))

    # -- meta ----------------------------------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _to_jsonable(value: Any) -> Any:
    if isinstance(value, list):
        return [_to_jsonable(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def _label_of(item: Item) -> str | None:
    for attr in ("frame", "technique", "canonical", "name", "type", "speaker"):
        value = getattr(item, attr, None)
        if value:
            return str(value)
    return None


def _label_from_row(row: Sequence[Any]) -> OutletLabel:
    return OutletLabel(
        field=row[0], value=row[1], source=row[2], source_kind=row[3], date=row[4], note=row[5], evidence=row[6]
    )


def _article_from_row(row: Sequence[Any]) -> Article:
    data = json.loads(row[14] or "{}")
    source = data.get("source")
    return Article(
        id=row[0],
        content_hash=row[1],
        title=row[2],
        authors=json.loads(row[3] or "[]"),
        published=row[4],
        outlet=row[5],
        outlet_id=row[6],
        url=row[7],
        canonical_url=row[8],
        language=row[9],
        language_score=row[10],
        genre=row[11],
        genre_score=row[12],
        body=row[13],
        duplicate_of=row[15],
        summary=data.get("summary"),
        author_bio=data.get("author_bio"),
        footnotes=[Footnote.from_dict(f) for f in data.get("footnotes") or []],
        pull_quotes=list(data.get("pull_quotes") or []),
        source=Provenance.from_dict(source) if isinstance(source, dict) else None,
        meta=dict(data.get("meta") or {}),
    )
