"""The web app's store connections: the handlers are plain functions that Starlette runs in its thread pool, so
requests served at the same time never share one connection."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["Connections"]


class Connections:
    """Hands each request its own connection to ``store``, opened with :meth:`~newsprism.store.Store.reopen` and
    closed when the request ends (SQLite in WAL mode lets readers and one writer work at once; PostgreSQL takes
    several writers). A store that cannot be opened twice (an in-memory SQLite database) is shared instead, one
    request at a time. ``store`` itself is left to its caller, who keeps it open while the app runs."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._shared = threading.Lock()

    @contextmanager
    def __call__(self) -> Iterator[Store]:
        own = self.store.reopen()
        if own is None:
            with self._shared:
                yield self.store
            return
        try:
            yield own
        finally:
            own.close()
