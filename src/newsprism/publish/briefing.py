"""The briefing: a static HTML site of the stories in a store that opens from disk with no network.

``write_briefing(store, out)`` writes ``index.html`` (stories by day), one page per story and comparison axis
(``story-<id>.html`` on the axis that splits the story best, ``story-<id>--<axis>.html`` on each axis, linked to each
other, so every axis can be read without JavaScript), each with coverage by side,
blindspots, frames by side, the figures table with conflicts, who is quoted by which side, names one side leaves
out, a map, a timeline), one per outlet (its labels with their sources) and one per article (the text with every
extracted item highlighted at its anchor ``#a-<article>-<start>-<end>``). CSS is a local file; charts and the map
are inline SVG drawn from bundled Natural Earth outlines (``resources/world-110m.json``). Article text is hostile
input: every page is rendered by Jinja2 with autoescape on.

Registered as the publisher ``brief.html.v1``.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources as pkg_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..config import Settings
    from ..model import Story
    from ..registry import Registry
    from ..store import Store

__all__ = [
    "Links",
    "World",
    "article_page",
    "axis_colours",
    "load_world",
    "make_environment",
    "map_view",
    "register",
    "safe_name",
    "story_page",
    "write_briefing",
]

SIDE_COLOURS = {"left": "#2f6db5", "center": "#7d7d7d", "right": "#c0392b", "unrated": "#d9c9a3"}
#: Colours of the columns of the other axes, in column order; "not known" values are drawn in the unrated colour.
PALETTE = ("#1b7f79", "#c45a1a", "#6b3fa0", "#2f6db5", "#b8860b", "#c0392b", "#4f7f2a", "#8a4b5c", "#3d5a80", "#7d7d7d")
_NO_VALUE = {"unrated", "unknown", "und", "other"}


def axis_colours(axis: str, columns: Iterable[str]) -> dict[str, str]:
    """The colour of each column of ``axis``: the lean sides keep their colours; other axes take the palette."""
    if axis == "lean":
        return dict(SIDE_COLOURS)
    out: dict[str, str] = {}
    i = 0
    for col in columns:
        if col in _NO_VALUE:
            out[col] = SIDE_COLOURS["unrated"]
        else:
            out[col] = PALETTE[i % len(PALETTE)]
            i += 1
    return out


MAP_W, MAP_H = 720.0, 360.0


def safe_name(ident: str) -> str:
    """A file-name-safe form of an id (ids that needed changes get a short hash to stay unique)."""
    clean = re.sub(r"[^A-Za-z0-9_.-]", "_", ident)[:80].strip(".") or "x"
    if clean != ident:
        clean += "-" + hashlib.sha1(ident.encode("utf-8")).hexdigest()[:8]
    return clean


@dataclass(frozen=True, slots=True)
class Links:
    """How pages link to each other: relative files in the briefing, routes in the web app."""

    article: Callable[[str], str]
    story: Callable[[str], str]
    outlet: Callable[[str], str]
    index: str
    static: str
    axis: Callable[[str, str], str] | None = None  # a story's page on one axis

    def story_axis(self, story_id: str, axis: str) -> str:
        """The page of ``story_id`` compared along ``axis``."""
        return self.axis(story_id, axis) if self.axis else f"{self.story(story_id)}?axis={axis}"

    def evidence(self, article_id: str, start: int, end: int) -> str:
        return f"{self.article(article_id)}#a-{article_id}-{start}-{end}"


def file_links() -> Links:
    return Links(
        article=lambda i: f"article-{safe_name(i)}.html",
        story=lambda i: f"story-{safe_name(i)}.html",
        outlet=lambda i: f"outlet-{safe_name(i)}.html",
        index="index.html",
        static="static/",
        axis=lambda i, a: f"story-{safe_name(i)}--{a}.html",
    )


# -- the map ----------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class World:
    countries: list[dict[str, Any]]  # {name, iso2, d, bbox}
    source: str


def load_world() -> World:
    """The bundled country outlines (load once and keep it: the web app holds it on its state)."""
    raw = json.loads((pkg_resources.files("newsprism.publish") / "resources" / "world-110m.json").read_text("utf-8"))
    countries = []
    for c in raw["countries"]:
        nums = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", c["d"])]
        xs, ys = nums[0::2], nums[1::2]
        if xs:
            countries.append({**c, "bbox": (min(xs), min(ys), max(xs), max(ys))})
    return World(countries=countries, source=raw["source"])


def _project(lat: float, lon: float) -> tuple[float, float]:
    return (lon + 180.0) * 2.0, (90.0 - lat) * 2.0


def map_view(points: Iterable[dict[str, Any]], world: World, *, pad: float = 24.0) -> dict[str, Any] | None:
    """What the map template draws: a view box around ``points`` ({name, lat, lon, count, country, href}), the
    country outlines inside it (those named by a point highlighted) and the projected points."""
    pts = []
    for p in points:
        try:
            lat, lon = float(p["lat"]), float(p["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        x, y = _project(lat, lon)
        pts.append(
            {**p, "x": round(x, 1), "y": round(y, 1), "r": round(1.6 + 0.6 * min(4.0, float(p.get("count", 1))), 2)}
        )
    if not pts:
        return None
    x0, x1 = min(p["x"] for p in pts) - pad, max(p["x"] for p in pts) + pad
    y0, y1 = min(p["y"] for p in pts) - pad, max(p["y"] for p in pts) + pad
    w, h = max(x1 - x0, 120.0), max(y1 - y0, 70.0)
    if w / h < 1.6:  # keep a landscape frame
        w = h * 1.6
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    x0, y0 = max(0.0, cx - w / 2), max(0.0, cy - h / 2)
    w, h = min(w, MAP_W - x0), min(h, MAP_H - y0)
    named = {p.get("country") for p in pts if p.get("country")}
    shapes = [
        {"d": c["d"], "name": c["name"], "iso2": c["iso2"], "hit": c["iso2"] in named}
        for c in world.countries
        if c["bbox"][2] >= x0 and c["bbox"][0] <= x0 + w and c["bbox"][3] >= y0 and c["bbox"][1] <= y0 + h
    ]
    return {
        "viewbox": f"{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}",
        "countries": shapes,
        "points": sorted(pts, key=lambda p: -p["r"]),
        "font": round(w / 45.0, 2),
        "source": world.source,
    }


# -- rendering ----------------------------------------------------------------------------------------------------
def make_environment(*extra_dirs: Path) -> Environment:
    """The Jinja2 environment (autoescape always on) over ``extra_dirs`` then the briefing templates."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    own = Path(str(pkg_resources.files("newsprism.publish") / "templates"))
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader([str(d) for d in extra_dirs]), FileSystemLoader(str(own))]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["SIDE_COLOURS"] = SIDE_COLOURS
    env.globals["SIDES"] = ("left", "center", "right", "unrated")
    env.globals["axis_colours"] = axis_colours
    env.filters["pct"] = lambda n, total: round(100.0 * n / total, 1) if total else 0.0
    env.filters["num"] = lambda v: "" if v is None else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,}")
    return env


def article_page(view: dict[str, Any], world: World | None) -> dict[str, Any]:
    """The article page's template context: the view of :func:`newsprism.compare.article_context` and its map."""
    return {**view, "map": map_view(view["points"], world) if world else None}


def story_page(view: dict[str, Any], world: World | None) -> dict[str, Any]:
    """The story page's template context: the view of :func:`newsprism.compare.story_context`, the colours of its
    axis's columns and its map."""
    return {
        **view,
        "map": map_view(view["points"], world) if world else None,
        "colours": axis_colours(view["axis"], view["columns"]),
    }


def _day_groups(stories: Iterable[Story]) -> list[tuple[str, list[Story]]]:
    days: dict[str, list[Story]] = {}
    for s in stories:
        days.setdefault((s.start or "undated")[:10], []).append(s)
    return [(d, sorted(days[d], key=lambda s: (-len(s.article_ids), s.label))) for d in sorted(days, reverse=True)]


def write_briefing(
    store: Store, out: str | Path, *, settings: Settings | None = None, title: str = "newsprism briefing"
) -> dict[str, int]:
    """Write the briefing site of the stories stored in ``store`` to ``out``; when none are stored, the articles are
    clustered first with :func:`newsprism.stories.build_stories` (as ``newsprism stories`` does). Returns page
    counts."""
    from ..compare import AXES, article_context, outlet_info, outlet_rows, stories_by_article, story_context
    from ..compare.story import compare_story_axes
    from ..outlets.groups import load_groups
    from ..stories import build_stories

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stories = list(store.iter_stories())
    if not stories:
        build_stories(store, settings=settings)
        stories = list(store.iter_stories())
    env = make_environment()
    links = file_links()
    world = load_world()
    base = {"links": links, "site_title": title, "mode": "briefing"}
    static_src = Path(str(pkg_resources.files("newsprism.publish") / "static"))
    shutil.copytree(static_src, out / "static", dirs_exist_ok=True)
    counts = {"index": 1, "stories": 0, "outlets": 0, "articles": 0}

    by_id = {}
    groups = load_groups()
    template = env.get_template("story.html")
    for story in stories:
        by_axis = compare_story_axes(store, story, groups=groups)  # the story's data read once for every axis
        comp = by_axis["default"]
        (out / links.story(story.id)).write_text(
            template.render(**base, **story_page(story_context(comp), world)), encoding="utf-8"
        )
        for axis in AXES:  # the same story on every axis, each page linking to the others
            (out / links.story_axis(story.id, axis)).write_text(
                template.render(**base, **story_page(story_context(by_axis[axis]), world)), encoding="utf-8"
            )
        counts["stories"] += 1
        by_id[story.id] = comp
    days = [(d, [by_id[s.id] for s in group]) for d, group in _day_groups(stories)]
    outlets = outlet_rows(store, covered_only=True)  # the outlets the articles come from, not every rated one
    (out / "index.html").write_text(
        env.get_template("index.html").render(**base, days=days, outlets=outlets), encoding="utf-8"
    )
    in_stories = stories_by_article(stories)  # article -> its stories, built once for every article page
    for art in store.iter_articles():
        view = article_context(store, art, stories=in_stories)
        if view is None:
            continue
        page = env.get_template("article.html").render(**base, **article_page(view, world))
        (out / links.article(art.id)).write_text(page, "utf-8")
        counts["articles"] += 1
    for row in outlets:
        arts = list(store.iter_articles(outlet=row["id"]))
        info = outlet_info(store, arts[0]) if arts else None
        (out / links.outlet(row["id"])).write_text(
            env.get_template("outlet.html").render(**base, o=row, info=info, articles=arts), encoding="utf-8"
        )
        counts["outlets"] += 1
    return counts


def register(registry: Registry) -> None:
    def factory(**_: Any) -> Callable[[Store, str | Path], dict[str, int]]:
        def publish(store: Store, out: str | Path) -> dict[str, int]:
            return write_briefing(store, out)

        return publish

    registry.register(
        "brief.html.v1", "publisher", description="static HTML briefing: stories, outlets, articles with evidence"
    )(factory)
