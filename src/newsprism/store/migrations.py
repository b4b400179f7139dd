"""The schema, as numbered migrations shared by every SQL backend.

Each migration is a list of statements written once, with a few dialect words in braces that each backend fills:
``{pk_auto}`` (an auto-incrementing integer key), ``{float}``, ``{now}`` (current UTC time as text).
Full-text indexes differ too much between engines and are made by each backend's ``fts_statements``.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS"]

MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
            """CREATE TABLE IF NOT EXISTS articles (
                id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL UNIQUE,
                title TEXT,
                authors TEXT NOT NULL DEFAULT '[]',
                published TEXT,
                outlet TEXT,
                outlet_id TEXT,
                url TEXT,
                canonical_url TEXT,
                language TEXT,
                language_score {float},
                genre TEXT,
                genre_score {float},
                body TEXT NOT NULL,
                data TEXT NOT NULL DEFAULT '{{}}',
                duplicate_of TEXT,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS articles_url ON articles(canonical_url)",
            "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet_id)",
            "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
            """CREATE TABLE IF NOT EXISTS article_links (
                id {pk_auto},
                article_id TEXT NOT NULL,
                source TEXT NOT NULL,
                reason TEXT NOT NULL,
                similarity {float},
                created_at TEXT NOT NULL,
                UNIQUE (article_id, source)
            )""",
            """CREATE TABLE IF NOT EXISTS minhash_bands (
                band TEXT NOT NULL,
                article_id TEXT NOT NULL,
                PRIMARY KEY (band, article_id)
            )""",
            """CREATE TABLE IF NOT EXISTS outlets (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                country TEXT,
                data TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS outlet_labels (
                id {pk_auto},
                outlet_id TEXT NOT NULL,
                field TEXT NOT NULL,
                value TEXT NOT NULL,
                source TEXT NOT NULL,
                source_kind TEXT NOT NULL,
                date TEXT,
                note TEXT,
                evidence TEXT,
                created_at TEXT NOT NULL,
                UNIQUE (outlet_id, field, source)
            )""",
            """CREATE TABLE IF NOT EXISTS items (
                id {pk_auto},
                kind TEXT NOT NULL,
                article_id TEXT NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                label TEXT,
                score {float},
                component TEXT NOT NULL,
                data TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS items_kind_article ON items(kind, article_id)",
            "CREATE INDEX IF NOT EXISTS items_article_component ON items(article_id, component)",
            "CREATE INDEX IF NOT EXISTS items_kind_label ON items(kind, label)",
            """CREATE TABLE IF NOT EXISTS stage_runs (
                article_id TEXT NOT NULL,
                stage TEXT NOT NULL,
                status TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                PRIMARY KEY (article_id, stage)
            )""",
            """CREATE TABLE IF NOT EXISTS stories (
                id TEXT PRIMARY KEY,
                label TEXT NOT NULL,
                start_date TEXT,
                end_date TEXT,
                data TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS story_articles (
                story_id TEXT NOT NULL,
                article_id TEXT NOT NULL,
                PRIMARY KEY (story_id, article_id)
            )""",
            "CREATE INDEX IF NOT EXISTS story_articles_article ON story_articles(article_id)",
            """CREATE TABLE IF NOT EXISTS failures (
                id {pk_auto},
                source TEXT NOT NULL,
                reason TEXT NOT NULL,
                kind TEXT NOT NULL,
                stage TEXT,
                article_id TEXT,
                options TEXT,
                attempts INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                resolved_at TEXT
            )""",
        ],
    ),
]
