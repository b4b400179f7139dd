"""The store interface: what every backend (SQLite, PostgreSQL) offers, and the capabilities it declares.

Callers ask for a capability (``store.has("full_text_search")``), never for a class.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article, Item, Outlet, OutletLabel, Story

__all__ = ["CAPABILITIES", "Failure", "SearchHit", "Store"]

#: Capabilities a backend may declare.
CAPABILITIES = ("full_text_search", "concurrent_writers", "transactions", "json_queries")


@dataclass(slots=True)
class Failure:
    """An input that could not be ingested or a stage that failed on an article, kept for the user to retry."""

    id: int
    source: str
    reason: str
    kind: str  # ingest | stage
    stage: str | None = None
    article_id: str | None = None
    attempts: int = 1
    created_at: str = ""
    resolved_at: str | None = None
    options: dict[str, Any] | None = None  # what to retry with (format, column mapping ...)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(slots=True)
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


class Store(ABC):
    """Articles, outlets, extracted items, stories, stage progress and failures."""

    name: str = ""
    capabilities: frozenset[str] = frozenset()

    def has(self, capability: str) -> bool:
        return capability in self.capabilities

    # -- life ------------------------------------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def reopen(self) -> Store | None:
        """A new connection to the same store, for a caller that serves several threads (the web app opens one per
        request and closes it after); ``None`` when this store cannot be opened twice (an in-memory database): then
        the caller shares this one, one thread at a time."""
        return None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int: ...

    # -- articles --------------------------------------------------------------------------------------------
    @abstractmethod
    def put_article(self, article: Article) -> tuple[str, bool]:
        """Store ``article`` unless the same text or canonical URL is stored; return (id, created)."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def find_article(self, *, content_hash: str | None = None, url: str | None = None) -> str | None: ...

    @abstractmethod
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
    ) -> Iterator[Article]: ...

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def outlet_article_counts(self) -> dict[str, int]:
        """Number of stored articles per outlet id."""

    @abstractmethod
    def article_ids(self) -> list[str]:
        """Every stored article id, in publication order."""

    @abstractmethod
    def update_article(self, article_id: str, fields: dict[str, Any]) -> None: ...

    @abstractmethod
    def link_duplicate(self, article_id: str, *, source: str, reason: str, similarity: float) -> None:
        """Record that ``source`` held the same article as ``article_id`` (it is not stored twice)."""

    @abstractmethod
    def duplicates_of(self, article_id: str) -> list[dict[str, Any]]: ...

    @abstractmethod
    def add_bands(self, article_id: str, bands: Iterable[str]) -> None:
        """Index an article's MinHash bands for near-duplicate lookup."""

    @abstractmethod
    def articles_with_bands(self, bands: Iterable[str]) -> list[str]: ...

    @abstractmethod
    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]: ...

    # -- outlets ---------------------------------------------------------------------------------------------
    @abstractmethod
    def put_outlet(self, outlet: Outlet) -> None:
        """Insert or replace an outlet's facts (its labels are kept in their own table)."""

    @abstractmethod
    def get_outlet(self, outlet_id: str) -> Outlet | None: ...

    @abstractmethod
    def iter_outlets(self) -> Iterator[Outlet]: ...

    @abstractmethod
    def add_outlet_label(self, outlet_id: str, label: OutletLabel) -> None:
        """Add a label; a label with the same outlet, field and source replaces the older one."""

    @abstractmethod
    def outlet_labels(self, outlet_id: str) -> list[OutletLabel]: ...

    @abstractmethod
    def delete_outlet_labels(self, *, source: str, outlet_id: str | None = None) -> int: ...

    # -- extracted items ---------------------------------------------------------------------------------------
    @abstractmethod
    def put_items(self, article_id: str, component: str, items: Sequence[Item]) -> None:
        """Replace what ``component`` extracted from ``article_id`` with ``items``."""

    @abstractmethod
    def iter_items(
        self,
        kind: str,
        *,
        article_id: str | None = None,
        article_ids: Sequence[str] | None = None,
        label: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Item]: ...

    @abstractmethod
    def count_items(self, kind: str | None = None) -> dict[str, int]: ...

    # -- stage progress ------------------------------------------------------------------------------------------
    @abstractmethod
    def commit_stage(
        self,
        article_id: str,
        stage: str,
        items: Sequence[Item],
        article_fields: dict[str, Any] | None = None,
    ) -> None:
        """In one transaction: replace the stage's items, update article fields, mark the stage done."""

    @abstractmethod
    def done_articles(self, stage: str) -> set[str]: ...

    @abstractmethod
    def reset_stage(self, stage: str | None = None) -> None: ...

    # -- stories ---------------------------------------------------------------------------------------------------
    @abstractmethod
    def put_stories(self, stories: Sequence[Story], *, replace: bool = False) -> None: ...

    @abstractmethod
    def iter_stories(self) -> Iterator[Story]: ...

    @abstractmethod
    def get_story(self, story_id: str) -> Story | None: ...

    # -- failures ----------------------------------------------------------------------------------------------------
    @abstractmethod
    def record_failure(
        self,
        source: str,
        reason: str,
        *,
        kind: str = "ingest",
        stage: str | None = None,
        article_id: str | None = None,
        options: dict[str, Any] | None = None,
    ) -> int: ...

    @abstractmethod
    def failures(
        self, *, include_resolved: bool = False, kind: str | None = None, source: str | None = None
    ) -> list[Failure]: ...

    @abstractmethod
    def resolve_failure(self, failure_id: int) -> None: ...

    # -- settings kept with the data -------------------------------------------------------------------------------
    @abstractmethod
    def get_meta(self, key: str) -> str | None: ...

    @abstractmethod
    def set_meta(self, key: str, value: str) -> None: ...
