"""End to end in a real headless Chromium: the web app's pages load, search works, a label edit persists, and the
briefing opens from file:// with no network. With NEWSPRISM_SCREENSHOTS=1 the screenshots in docs/screenshots
are taken anew."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fixtures.kz_store import build_store
from fixtures.server import running_app
from newsprism.publish.briefing import write_briefing
from newsprism.store import open_store
from newsprism.stories import build_stories

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium missing")]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
        )
        yield b
        b.close()


def _shot(page: Any, name: str) -> None:
    if os.environ.get("NEWSPRISM_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / name), full_page=True)


def test_web_app_in_a_browser(browser: Any, tmp_path: Path) -> None:
    db = tmp_path / "kz.db"
    store = build_store(db)
    build_stories(store)
    with running_app(store) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + "/")
        assert page.title() == "newsprism"
        _shot(page, "web-stories.png")
        page.click("text=Kazakhstan says 164 killed in unrest")
        page.wait_for_load_state()  # the whole new page, not its first bytes
        assert page.locator("h1").inner_text().startswith("Kazakhstan says 164 killed")
        assert page.locator("svg.fig-chart").count() >= 1  # 164 then 225 killed: a revision, charted
        assert page.locator("#figures .badge.conflict").count() == 0
        _shot(page, "web-story.png")
        # search from the header box
        page.fill("header input[name=q]", "Djokovic")
        page.press("header input[name=q]", "Enter")
        page.wait_for_selector("#hits")
        assert page.locator("#hits li").count() == 1
        assert "Djokovic" in page.locator("#hits").inner_text()
        _shot(page, "web-search.png")
        # an article with highlighted evidence; the hostile one runs nothing
        page.goto(base + "/articles/spec1")
        assert page.locator("mark.k-claims").count() >= 2
        page.click("ul.items >> text=164 people were killed")
        page.wait_for_load_state()  # the whole new page, not its first bytes
        assert page.url.endswith("#a-spec1-" + page.url.rsplit("#a-spec1-", 1)[1])
        _shot(page, "web-article.png")
        page.goto(base + "/articles/evil1")
        assert page.title().startswith("<script>alert('title')</script>")  # shown as text
        assert dialogs == []
        # edit an outlet's label through the form
        page.goto(base + "/outlets/tass.ru")
        page.select_option("#label-field", "lean")
        page.fill("#label-value", "right-center")
        page.click("#label-save")
        page.wait_for_selector("#saved")
        assert "user:web" in page.inner_text("table.grid")
        _shot(page, "web-outlet.png")
        page.goto(base + "/claims")
        _shot(page, "web-claims.png")
        page.goto(base + "/figures?type=killed")
        page.locator("svg.fig-chart a").first.click()  # a dot of the chart opens its evidence
        assert "#a-" in page.url and "/articles/" in page.url
        page.close()
    store.close()
    with open_store(db) as again:
        assert any(lab.source == "user:web" and lab.value == "centre-right" for lab in again.outlet_labels("tass.ru"))


def test_briefing_opens_from_file(browser: Any, tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    out = tmp_path / "brief"
    write_briefing(store, out)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    assert page.locator("a.story-link").count() == 3
    css_applied = page.evaluate("getComputedStyle(document.querySelector('header.top')).display")
    assert css_applied == "flex"  # the local stylesheet loaded
    _shot(page, "briefing-index.png")
    page.click("text=Kazakhstan says 164 killed in unrest")
    page.wait_for_load_state()  # the whole new page, not its first bytes
    assert page.locator("figure.map svg path").count() > 3
    _shot(page, "briefing-story.png")
    page.click("a[href^='article-spec1.html#a-spec1-']")
    page.wait_for_load_state()  # the whole new page, not its first bytes
    assert page.url.startswith("file://") and "#a-spec1-" in page.url
    _shot(page, "briefing-article.png")
    assert all(u.startswith("file://") for u in requests), [u for u in requests if not u.startswith("file://")]
    context.close()


def test_switching_axes_in_the_web_app_keeps_the_axis_in_the_url(browser: Any, tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    build_stories(store)
    with running_app(store) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/")
        page.click("text=Kazakhstan says 164 killed in unrest")
        page.wait_for_load_state()  # the whole new page, not its first bytes
        # the default axis is the one that splits the story best: country groups, not a lean where most are unrated
        assert page.locator("nav.axes .axis-current").get_attribute("data-axis") == "group"
        headers = page.locator("#columns h3").all_text_contents()
        assert any(h.startswith("Russian state") for h in headers) and any(h.startswith("Western") for h in headers)
        page.click("nav.axes a[data-axis=state]")
        page.wait_for_load_state()  # the whole new page, not its first bytes
        assert page.url.endswith("?axis=state")
        assert page.locator("#columns").get_attribute("data-axis") == "state"
        assert (page.locator("#columns h3").first.text_content() or "").startswith("state (2)")
        _shot(page, "web-story-by-state.png")
        shared = page.url  # a view can be shared: the same URL opens the same axis
        other = browser.new_page()
        other.goto(shared)
        assert other.locator("nav.axes .axis-current").get_attribute("data-axis") == "state"
        other.goto(shared.replace("axis=state", "axis=lean"))
        assert [h.split(" (")[0] for h in other.locator("#columns h3").all_text_contents()] == [
            "left",
            "center",
            "right",
            "unrated",
        ]
        assert other.goto(shared.replace("axis=state", "axis=colour")).status == 422  # type: ignore[union-attr]
        other.close()
        page.close()
    store.close()


def test_switching_axes_in_the_briefing_without_script(browser: Any, tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    out = tmp_path / "brief"
    write_briefing(store, out)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    page.click("text=Kazakhstan says 164 killed in unrest")
    page.wait_for_load_state()  # the whole new page, not its first bytes
    assert page.locator("nav.axes .axis-current").get_attribute("data-axis") == "group"
    _shot(page, "briefing-story-by-group.png")
    for axis in ("country", "language", "lean"):
        page.click(f"nav.axes a[data-axis={axis}]")
        page.wait_for_load_state()  # the whole new page, not its first bytes
        assert page.url.startswith("file://") and page.url.endswith(f"--{axis}.html")
        assert page.locator("#columns").get_attribute("data-axis") == axis
    assert (page.locator("#columns h3").first.text_content() or "").startswith("left")
    page.click("nav.axes a[data-axis=country]")
    page.wait_for_load_state()  # the whole new page, not its first bytes
    headers = page.locator("#columns h3").all_text_contents()
    assert headers[0].startswith("GB (3)") and any(h.startswith("RU (2)") for h in headers)
    _shot(page, "briefing-story-by-country.png")
    context.close()
    store.close()
