"""The web app over the shared PostgreSQL store: a real server, the same pages, search and label edits."""

from __future__ import annotations

import re

import httpx
import pytest

from fixtures.kz_store import build_store
from fixtures.server import running_app
from newsprism.store import open_store
from newsprism.stories import build_stories

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


def test_web_app_runs_on_postgresql(pg_url: str) -> None:
    store = build_store(pg_url)
    assert store.name == "postgresql" and store.has("concurrent_writers")
    build_stories(store)
    try:
        with running_app(store) as base, httpx.Client(base_url=base) as c:
            for path in ("/", "/articles", "/outlets", "/entities", "/claims", "/articles/spec1"):
                r = c.get(path)
                assert r.status_code == 200, path
            assert "Токаев назвал" in c.get("/search", params={"q": "Токаев"}).text
            hits = c.get("/api/search", params={"q": "Almaty"}).json()
            assert {"guard1", "spec1"} <= {h["article_id"] for h in hits}
            kz = next(s for s in c.get("/api/stories").json() if "ispi1" in s["article_ids"])
            killed = next(g for g in c.get(f"/api/stories/{kz['id']}").json()["figures"] if g["type"] == "killed")
            assert killed["status"] == "revision" and killed["low"] == 164 and killed["high"] == 225
            page = c.get("/outlets/tass.ru").text
            token = re.search(r'name="csrf" value="([^"]+)"', page)
            assert token
            ok = c.post("/outlets/tass.ru/labels", data={"field": "lean", "value": "right", "csrf": token.group(1)})
            assert ok.status_code == 303
    finally:
        store.close()
    with open_store(pg_url) as again:  # another connection sees the edit
        assert [(lab.value, lab.source) for lab in again.outlet_labels("tass.ru") if lab.source_kind == "user"] == [
            ("right", "user:web")
        ]
