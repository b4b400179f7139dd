"""The web app's handlers are plain functions run in the thread pool, each request on its own store connection: many
requests at once, reads and label writes mixed, on a SQLite file, on an in-memory store (shared one at a time) and on
PostgreSQL."""

from __future__ import annotations

import inspect
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from fixtures.kz_store import build_store
from fixtures.server import running_app
from newsprism.model import Outlet
from newsprism.store import Store, open_store
from newsprism.stories import build_stories
from newsprism.web import create_app
from newsprism.web.connections import Connections

OUTLETS = ("tass.ru", "ispionline.it", "reuters.com", "ria.ru")
PAGES = ("/", "/articles", "/outlets", "/entities", "/claims", "/figures", "/articles/spec1", "/api/outlets")


def test_every_route_is_a_plain_function(tmp_path: Path) -> None:
    from fastapi.routing import APIRoute

    with open_store(tmp_path / "s.db") as store:
        app = create_app(store)
        endpoints = {r.path: r.endpoint for r in app.routes if isinstance(r, APIRoute)}
        assert len(endpoints) > 20 and "/outlets/{outlet_id}/labels" in endpoints
        assert [p for p, fn in endpoints.items() if inspect.iscoroutinefunction(fn)] == []


def test_a_file_store_reopens_and_a_memory_store_does_not(tmp_path: Path) -> None:
    with build_store(tmp_path / "kz.db") as store:
        again = store.reopen()
        assert again is not None and again is not store
        try:
            assert again.get_article("spec1") is not None and again.count_articles() == 9
            store.put_outlet(Outlet(id="new.example", name="New"))  # written on one connection, read on the other
            assert (again.get_outlet("new.example") or Outlet(id="?", name="?")).name == "New"
        finally:
            again.close()
    with open_store(":memory:") as memory:
        assert memory.reopen() is None
        with Connections(memory)() as shared:
            assert shared is memory


def _hammer(base: str, token: str) -> list[tuple[str, int]]:
    """Every page and a label edit per outlet, sent from 8 threads at once."""

    def get(path: str) -> tuple[str, int]:
        with httpx.Client(base_url=base, timeout=60) as c:
            return path, c.get(path).status_code

    def post(outlet: str) -> tuple[str, int]:
        with httpx.Client(base_url=base, timeout=60) as c:
            r = c.post(
                f"/api/outlets/{outlet}/labels",
                json={"field": "country", "value": "IT", "note": f"edit of {outlet}"},
                headers={"X-CSRF-Token": token},
            )
            return outlet, r.status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        jobs = [pool.submit(get, p) for p in PAGES * 3] + [pool.submit(post, o) for o in OUTLETS]
        return [j.result() for j in jobs]


def _check_site(store: Store) -> None:
    with running_app(store) as base, httpx.Client(base_url=base) as c:
        token = c.get("/api/token").json()["token"]
        results = _hammer(base, token)
        assert [r for r in results if r[1] not in (200, 201)] == []
        assert sorted(r[0] for r in results if r[1] == 201) == sorted(OUTLETS)
        for outlet in OUTLETS:
            labels = [lab for lab in c.get(f"/api/outlets/{outlet}").json()["labels"] if lab["source"] == "user:web"]
            assert [(lab["field"], lab["value"]) for lab in labels] == [("country", "IT")], outlet


def test_concurrent_requests_on_a_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "kz.db"
    store = build_store(db)
    build_stories(store)
    try:
        _check_site(store)
    finally:
        store.close()
    with open_store(db) as again:  # the edits were committed by the requests' own connections
        assert all(any(lab.source == "user:web" for lab in again.outlet_labels(o)) for o in OUTLETS)


def test_requests_do_not_use_the_callers_connection(tmp_path: Path) -> None:
    db = tmp_path / "kz.db"
    store = build_store(db)
    build_stories(store)
    app_store = open_store(db)
    app_store.close()  # the app only needs to know where the store is: each request opens its own connection
    with running_app(app_store) as base, httpx.Client(base_url=base) as c:
        assert c.get("/articles/spec1").status_code == 200
        assert "spec1" in {a["id"] for a in c.get("/api/articles").json()}
    store.close()


def test_concurrent_requests_on_an_in_memory_store() -> None:
    store = build_store(":memory:")
    build_stories(store)
    try:
        _check_site(store)
    finally:
        store.close()


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_concurrent_requests_on_postgresql(pg_url: str) -> None:
    store = build_store(pg_url)
    build_stories(store)
    try:
        again = store.reopen()
        assert again is not None and again.name == "postgresql"
        again.close()
        _check_site(store)
    finally:
        store.close()
