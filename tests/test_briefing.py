"""The briefing: every page written, opens with no network, hostile text escaped, evidence links resolve."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from fixtures.kz_store import build_store
from newsprism.cli import _load_commands, cli
from newsprism.compare import AXES
from newsprism.publish.briefing import load_world, map_view, write_briefing
from newsprism.registry import default_registry


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if d.get("id"):
            self.ids.add(d["id"] or "")
        for attr in ("href", "src"):
            if d.get(attr):
                self.refs.append((tag, attr, d[attr] or ""))


def _parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_brief_command_writes_an_offline_site(tmp_path: Path) -> None:
    db = tmp_path / "kz.db"
    build_store(db).close()
    _load_commands()
    out = tmp_path / "brief"
    res = CliRunner().invoke(cli, ["brief", "--db", str(db), "--out", str(out), "--json"])
    assert res.exit_code == 0, res.output
    assert (out / "index.html").exists() and (out / "static" / "briefing.css").exists()
    pages = sorted(out.glob("*.html"))
    assert len([p for p in pages if p.name.startswith("story-") and "--" not in p.name]) == 3
    assert len([p for p in pages if p.name.startswith("story-") and "--" in p.name]) == 3 * len(AXES)
    assert len([p for p in pages if p.name.startswith("article-")]) == 9
    assert len([p for p in pages if p.name.startswith("outlet-")]) == 9
    parsed = {p.name: _parse(p) for p in pages}
    for name, parsed_page in parsed.items():
        assert parsed_page.scripts == 0, name  # no script at all, least of all the article's
        for tag, _attr, ref in parsed_page.refs:
            assert not re.match(r"(?i)(https?:|//|javascript:)", ref), (name, tag, ref)  # nothing remote
            target, _, frag = ref.partition("#")
            if target:
                assert (out / target).exists(), (name, ref)
            if frag:
                assert frag in parsed[target or name].ids, (name, ref)  # every evidence anchor exists


def test_hostile_article_is_escaped_everywhere(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    out = tmp_path / "brief"
    write_briefing(store, out)
    texts = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    for name, html in texts.items():
        assert "<script>" not in html.lower(), name
        assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", ""), name
        assert "<b>Blog</b>" not in html, name
    evil = texts["article-evil1.html"]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in evil
    assert "&lt;img src=x onerror=" in evil
    assert 'href="javascript:' not in evil


def test_story_page_shows_the_comparison(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    out = tmp_path / "brief"
    write_briefing(store, out)
    story = next(s for s in store.iter_stories() if "ispi1" in s.article_ids)
    html = (out / f"story-{story.id}.html").read_text(encoding="utf-8")
    assert 'id="figures"' in html and "latest official figure" in html and 'class="fig-chart"' in html
    assert "badge conflict" not in html  # 164 then 225 is a revision, not a conflict
    assert "parquet général" in html and "according to" in html
    assert "Who is quoted, by which side" in html and "Antony Blinken" in html
    assert "Named by one side only" in html
    assert "<svg" in html and 'class="land' in html  # the inline map with country outlines
    assert "unrated" in html and "no lean label" in html
    article = (out / "article-spec1.html").read_text(encoding="utf-8")
    assert 'id="a-spec1-' in article and "lean from page:examples/kazakhstan-2022-01-12.txt" in article
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "2022-01-10" in index and "badge conflict" not in index


def test_every_axis_has_its_own_page_linked_without_script(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    out = tmp_path / "brief"
    write_briefing(store, out)
    story = next(s for s in store.iter_stories() if "ispi1" in s.article_ids)
    default = (out / f"story-{story.id}.html").read_text(encoding="utf-8")
    # the default splits the coverage best: here the country groups (Russian state, Western, ...), not the lean
    # axis where most outlets are unrated
    assert 'class="axis-current" data-axis="group"' in default and 'data-axis="group">' in default
    for axis in AXES:
        assert f'href="story-{story.id}--{axis}.html"' in default or f'data-axis="{axis}">' in default
        page = (out / f"story-{story.id}--{axis}.html").read_text(encoding="utf-8")
        assert f'<div class="columns" id="columns" data-axis="{axis}">' in page
    by_state = (out / f"story-{story.id}--state.html").read_text(encoding="utf-8")
    cols = re.findall(r'<h3 style="border-color: [^"]+">(\w+) <span class="small">\((\d+)\)', by_state)
    assert dict(cols)["state"] == "2"  # TASS and RT France, in their own column
    by_group = (out / f"story-{story.id}--group.html").read_text(encoding="utf-8")
    assert "Russian state" in by_group and "Western" in by_group


def test_map_view_frames_points_and_outlines() -> None:
    world = load_world()
    assert len(world.countries) > 170
    m = map_view([{"name": "Almaty", "lat": 43.25, "lon": 76.92, "country": "KZ", "count": 2}], world)
    assert m is not None
    assert any(c["iso2"] == "KZ" and c["hit"] for c in m["countries"])
    assert not any(c["iso2"] == "BR" for c in m["countries"])  # only what the frame shows
    assert m["points"][0]["x"] == round((76.92 + 180) * 2, 1)
    assert map_view([{"name": "nowhere", "lat": None, "lon": 3}], world) is None


def test_publisher_is_registered(tmp_path: Path) -> None:
    store = build_store(tmp_path / "kz.db")
    publish = default_registry().create("publisher", "brief.html.v1")
    counts = publish(store, tmp_path / "b")
    assert counts["stories"] == 3 and (tmp_path / "b" / "index.html").exists()


def test_outlet_pages_only_for_outlets_with_articles(tmp_path: Path) -> None:
    from newsprism.model import Outlet, OutletLabel

    store = build_store(tmp_path / "kz.db")
    store.put_outlet(Outlet(id="rated-only.example", name="Rated Only"))  # imported ratings create such outlets
    store.add_outlet_label("rated-only.example", OutletLabel("lean", "left", "mbfc", "rater"))
    out = tmp_path / "site"
    counts = write_briefing(store, out)
    covered = store.outlet_article_counts()
    assert counts["outlets"] == len(covered)
    assert not list(out.glob("outlet-rated-only*"))
    assert "Rated Only" not in (out / "index.html").read_text(encoding="utf-8")
