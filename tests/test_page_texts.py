"""Rebuilding and checking the texts of the annotated page sets (newsprism.evaluate.page_texts), over a real
local HTTP server."""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsprism.evaluate.page_texts import annotated_text, check_report, check_texts, fetch_texts, match_excerpt

PARAGRAPHS = [
    "The river rose two metres overnight and the town's lower streets were closed to traffic by the morning.",
    "Volunteers filled sandbags at the fire station while the council opened the school hall to families.",
    "The weather office expects the water to fall slowly over the weekend if the rain stops as forecast.",
]
HTML = (
    "<html><head><title>River closes streets</title></head><body><article><h1>River closes streets</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
)


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    sha256: str | None = None
    chars: int | None = None


@pytest.fixture
def server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/river":
                self.send_error(404)
                return
            body = HTML.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def test_annotated_text_is_cut_to_the_annotated_length_with_its_newline() -> None:
    assert annotated_text("Title", "First.\n\nSecond.", None) == "Title\n\nFirst.\n\nSecond.\n"
    cut = annotated_text("Title", "First.\n\nSecond.", len("Title\n\nFirst.\n"))
    assert cut == "Title\n\nFirst.\n" and len(cut) == len("Title\n\nFirst.\n")
    assert annotated_text(None, "Body only.", None) == "Body only.\n"


def test_fetch_writes_the_annotated_start_and_check_knows_it(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    monkeypatch.delenv("http_proxy", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    out = tmp_path / "pages"
    first = annotated_text("River closes streets", "\n\n".join(PARAGRAPHS[:2]), None)
    # annotated: the title and the first two paragraphs (the cut falls after the second one's end)
    digest = hashlib.sha256(first.encode()).hexdigest()
    pages = [
        Page("river", f"{server}/river", sha256=digest, chars=len(first)),
        Page("gone", f"{server}/gone"),
        Page("no-address", None),
    ]
    said = dict(fetch_texts(pages, out))
    assert said["no-address"].startswith("no address")
    assert "404" in said["gone"]
    written = (out / "river.txt").read_text(encoding="utf-8")
    assert PARAGRAPHS[1] in written and PARAGRAPHS[2] not in written
    states = check_texts(pages, out)
    assert states == {"river": "same", "gone": "missing", "no-address": "missing"}, written
    assert dict(fetch_texts(pages, out)) == {"gone": said["gone"], "no-address": said["no-address"]}  # kept texts
    (out / "river.txt").write_text("changed\n", encoding="utf-8")
    report = check_report(check_texts(pages, out))
    assert report.splitlines() == [
        "river: differs from the annotated text",
        "gone: missing",
        "no-address: missing",
        "0/3 texts are the annotated ones",
    ]


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def test_an_archive_excerpt_is_trimmed_to_the_annotated_text() -> None:
    excerpt = (
        " date 2025-03-02 Listen\n"
        "Harbour reopens after storm\n\n"
        "Harbour reopens after storm\n\n\n\n"
        "Photo: the quay on Monday\n"
        "The harbour of Port Vell reopened on Monday after three days of storm damage repairs.\n"
        "Subscribe to our newsletter\n"
        "Two cranes were still out of service, the port authority said.\n"
        "Related: ferry timetable"
    )
    # chrome around the article, a duplicated headline, a caption and a subscription line inside it
    annotated = (
        "Harbour reopens after storm\n\n"
        "The harbour of Port Vell reopened on Monday after three days of storm damage repairs.\n"
        "Two cranes were still out of service, the port authority said.\n"
    )
    assert match_excerpt(excerpt, _digest(annotated), len(annotated)) == annotated
    cut = annotated[:60] + "\n"  # a set cut after its last annotated paragraph: text[:chars - 1] + newline
    assert match_excerpt(excerpt, _digest(cut), len(cut)) == cut
    other = annotated.replace("three", "four")  # another version of the page: no trim is it
    assert match_excerpt(excerpt, _digest(other), len(other)) is None
