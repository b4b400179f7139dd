"""The embedded default store: one SQLite file, WAL, versioned migrations, FTS5 full-text search (bm25)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ..errors import StoreError
from .base import SearchHit
from .sql import SQLStore

__all__ = ["SQLiteStore"]


class SQLiteStore(SQLStore):
    name = "sqlite"
    capabilities = frozenset({"full_text_search", "transactions", "json_queries"})
    placeholder = "?"
    words = {"pk_auto": "INTEGER PRIMARY KEY AUTOINCREMENT", "float": "REAL"}

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite store {self.path}: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def reopen(self) -> SQLiteStore | None:
        return None if self.path == ":memory:" else SQLiteStore(self.path)

    def fts_statements(self, migration: int) -> list[str]:
        if migration != 1:
            return []
        return [
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
            "CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",
            "CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES('delete', old.rowid, old.title, "
            "old.body); END",
            "CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, body ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES('delete', old.rowid, old.title, "
            "old.body); INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END",
        ]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        match = fts5_query(query)
        if not match:
            return []
        rows = self._all(
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 1, '\x02', '\x03', ' … ', 24), bm25(articles_fts, 5.0, 1.0) AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, int(limit)),
        )
        return [
            SearchHit(article_id=r[0], title=r[1], outlet=r[2], published=r[3], snippet=r[4], score=-float(r[5]))
            for r in rows
        ]


_TOKEN = re.compile(r'"[^"]+"|[^\s"]+')


def fts5_query(query: str) -> str:
    """Turn what a user types into a safe FTS5 query: words are ANDed, "quoted phrases" kept, OR kept.

    Every term is quoted, so FTS5 syntax characters in user input cannot cause a syntax error.
    """
    parts: list[str] = []
    for tok in _TOKEN.findall(query):
        if tok == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        text = tok.strip('"').replace('"', " ").strip()
        if not text:
            continue
        prefix = text.endswith("*") and len(text) > 1
        text = text.rstrip("*")
        parts.append('"' + text + '"' + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts)
