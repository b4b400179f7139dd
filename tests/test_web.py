"""The web app in a real uvicorn server: pages, JSON API and OpenAPI, label edits that persist, CSRF and host
checks, escaping."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fixtures.kz_store import build_store
from fixtures.server import running_app
from newsprism.store import open_store
from newsprism.stories import build_stories


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "kz.db"
    store = build_store(db)
    build_stories(store)
    with running_app(store) as base:
        yield base, db
    store.close()


def _token(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m
    return m.group(1)


def test_pages_load_and_escape(site: tuple[str, Path]) -> None:
    base, _ = site
    with httpx.Client(base_url=base) as c:
        for path in (
            "/",
            "/articles",
            "/outlets",
            "/entities",
            "/claims",
            "/search?q=Tokayev",
            "/articles/evil1",
            "/outlets/evil.example",
            "/claims?conflicts=1",
            "/figures",
            "/entities?q=tok",
        ):
            r = c.get(path)
            assert r.status_code == 200, path
            assert "<script" not in r.text.lower(), path
            assert "default-src 'self'" in r.headers["content-security-policy"]
        story_id = c.get("/api/stories").json()[0]["id"]
        assert c.get(f"/stories/{story_id}").status_code == 200
        evil = c.get("/articles/evil1").text
        assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in evil and "Evil &lt;b&gt;Blog&lt;/b&gt;" in evil
        assert c.get("/articles/nope").status_code == 404


def test_search_finds_across_languages(site: tuple[str, Path]) -> None:
    base, _ = site
    with httpx.Client(base_url=base) as c:
        html = c.get("/search", params={"q": "Djokovic"}).text
        assert "Novak Djokovic deported" in html and "1 result " in html
        assert "Токаев назвал" in c.get("/search", params={"q": "Токаев"}).text
        hits = c.get("/api/search", params={"q": "Almaty"}).json()
        assert {"guard1", "spec1"} <= {h["article_id"] for h in hits}
        assert c.get("/search", params={"q": '"unbalanced AND ( OR'}).status_code == 200


def test_json_api_and_openapi(site: tuple[str, Path]) -> None:
    base, _ = site
    with httpx.Client(base_url=base) as c:
        spec = c.get("/openapi.json").json()
        for path in (
            "/api/stories",
            "/api/stories/{story_id}",
            "/api/articles/{article_id}",
            "/api/outlets",
            "/api/outlets/{outlet_id}/labels",
            "/api/search",
            "/api/entities",
            "/api/claims",
        ):
            assert path in spec["paths"], path
        stories = c.get("/api/stories").json()
        kz = next(s for s in stories if "ispi1" in s["article_ids"])
        comp = c.get(f"/api/stories/{kz['id']}").json()
        assert comp["coverage"]["by_side"]["unrated"] == 4
        killed = next(g for g in comp["figures"] if g["type"] == "killed")
        assert killed["status"] == "revision" and killed["low"] == 164 and killed["high"] == 225
        art = c.get("/api/articles/spec1").json()
        body = art["article"]["body"]
        for q in art["items"]["quotes"]:
            assert body[q["start"] : q["end"]] == q["text"]
        assert art["outlet"]["lean"] == "right"
        assert c.get("/api/claims", params={"conflicts": "true"}).json() == []  # a revision is no conflict
        figures = c.get("/api/figures", params={"story_id": kz["id"]}).json()
        assert {f["status"] for f in figures if f["type"] == "killed"} == {"revision"}
        assert c.get("/api/figures", params={"status": "nonsense"}).status_code == 422
        ents = c.get("/api/entities", params={"q": "tokayev"}).json()
        assert ents[0]["entity_id"] == "Q2710837" and len(ents[0]["articles"]) >= 5
        assert c.get("/api/stories/nope").status_code == 404


def test_label_edit_persists_and_is_csrf_safe(site: tuple[str, Path]) -> None:
    base, db = site
    with httpx.Client(base_url=base) as c:
        page = c.get("/outlets/tass.ru").text
        token = _token(page)
        bad = c.post("/outlets/tass.ru/labels", data={"field": "lean", "value": "right", "csrf": "forged"})
        assert bad.status_code == 403
        cross = c.post(
            "/outlets/tass.ru/labels",
            data={"field": "lean", "value": "right", "csrf": token},
            headers={"Origin": "http://evil.example"},
        )
        assert cross.status_code == 403
        invalid = c.post("/outlets/tass.ru/labels", data={"field": "lean", "value": "sideways", "csrf": token})
        assert invalid.status_code == 422
        ok = c.post(
            "/outlets/tass.ru/labels",
            data={"field": "lean", "value": "right-center", "csrf": token, "note": "<script>x</script>"},
        )
        assert ok.status_code == 303 and ok.headers["location"] == "/outlets/tass.ru?saved=1"
        after = c.get("/outlets/tass.ru?saved=1").text
        assert "user:web" in after and "&lt;script&gt;x&lt;/script&gt;" in after
        label = {"field": "country", "value": "IT"}
        assert c.post("/api/outlets/ispionline.it/labels", json=label).status_code == 403  # no token
        forged = c.post("/api/outlets/ispionline.it/labels", json=label, headers={"X-CSRF-Token": "forged"})
        assert forged.status_code == 403 and "X-CSRF-Token" in forged.json()["detail"]
        api_token = c.get("/api/token").json()["token"]
        assert api_token == token
        cross_api = c.post(
            "/api/outlets/ispionline.it/labels",
            json=label,
            headers={"X-CSRF-Token": api_token, "Origin": "http://evil.example"},
        )
        assert cross_api.status_code == 403
        api = c.post("/api/outlets/ispionline.it/labels", json=label, headers={"X-CSRF-Token": api_token})
        assert api.status_code == 201 and api.json()["source"] == "user:web"
    with open_store(db) as again:  # re-open the file: the label is stored
        labels = [lab for lab in again.outlet_labels("tass.ru") if lab.source == "user:web"]
        assert [(lab.field, lab.value, lab.source_kind) for lab in labels] == [("lean", "centre-right", "user")]


def test_foreign_host_header_is_refused(site: tuple[str, Path]) -> None:
    base, _ = site
    with httpx.Client(base_url=base) as c:
        assert c.get("/", headers={"Host": "attacker.example"}).status_code == 400
        assert c.get("/", headers={"Host": "testserver"}).status_code == 400  # no test host in the real app
        assert c.get("/", headers={"Host": "localhost"}).status_code == 200


def test_serve_and_stories_commands(tmp_path: Path) -> None:
    """``newsprism stories`` clusters; ``newsprism serve`` runs the app as a real process on 127.0.0.1."""
    import subprocess
    import sys
    import time

    from click.testing import CliRunner

    from fixtures.server import free_port
    from newsprism.cli import _load_commands, cli

    db = tmp_path / "kz.db"
    build_store(db).close()
    _load_commands()
    res = CliRunner().invoke(cli, ["stories", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    assert '"new": 3' in res.output
    port = free_port()
    code = "import sys; from newsprism.cli import main; main(sys.argv[1:])"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert r.status_code == 200 and len(r.json()) == 3
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _serve(args: list[str]) -> subprocess.CompletedProcess[str]:
    code = "import sys; from newsprism.cli import main; main(sys.argv[1:])"
    return subprocess.run([sys.executable, "-c", code, "serve", *args], capture_output=True, text=True, timeout=60)


def test_serve_refuses_a_store_in_a_missing_folder(tmp_path: Path) -> None:
    res = _serve(["--db", str(tmp_path / "typo" / "x.db"), "--port", "1"])
    assert res.returncode == 2 and "does not exist" in res.stderr and "serving on" not in res.stderr
    assert not (tmp_path / "typo").exists()


def test_serve_reports_an_address_in_use_before_serving(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        res = _serve(["--db", str(tmp_path / "s.db"), "--port", str(port)])
    assert res.returncode == 2 and "cannot listen on 127.0.0.1" in res.stderr
    assert "serving on" not in res.stderr
