"""Stores: where articles, outlets, extracted items, stories and failures live.

``open_store("path/to.db")`` opens the embedded SQLite default; ``open_store("postgresql://...")`` a shared server
(when that backend is installed). Backends register as ``store`` components, like any plugin.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .base import CAPABILITIES, Failure, SearchHit, Store

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["CAPABILITIES", "Failure", "SearchHit", "Store", "open_store", "register"]


def open_store(location: str | Path | None = None, *, registry: Registry | None = None) -> Store:
    """Open the store at ``location``: a file path (SQLite), ``:memory:``, or a ``scheme://`` URL.

    The URL scheme picks the registered store component whose name starts with it (``postgresql://`` →
    ``store.postgresql.v1``). ``None`` opens the default file in the user's data folder.
    """
    from ..config import default_db_path
    from ..registry import default_registry

    loc = str(location) if location is not None else str(default_db_path())
    reg = registry or default_registry()
    scheme = loc.split("://", 1)[0].lower() if "://" in loc else "sqlite"
    if scheme == "postgres":
        scheme = "postgresql"
    if scheme == "sqlite" and loc.startswith("sqlite://"):
        loc = loc.split("://", 1)[1]
    store: Store = reg.create("store", f"store.{scheme}", location=loc)
    return store


def register(registry: Registry) -> None:
    def sqlite_store(*, location: str = ":memory:", **_: Any) -> Store:
        from .sqlite import SQLiteStore

        return SQLiteStore(location)

    registry.register(
        "store.sqlite.v1",
        "store",
        description="embedded SQLite file with WAL and FTS5 (the default)",
    )(sqlite_store)

    def postgresql_store(*, location: str, **_: Any) -> Store:
        from .postgres import PostgresStore

        return PostgresStore(location)

    registry.register(
        "store.postgresql.v1",
        "store",
        description="shared PostgreSQL server (psycopg 3): several writers at once, tsvector full-text search",
    )(postgresql_store)
