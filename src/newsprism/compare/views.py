"""What a story page and an article page show, read from the store: the data every publisher renders alike (the
briefing's files, the web app's pages and its JSON API). Drawing (the map, the colours) is the publisher's.

``article_context(store, article_id, stories=...)`` takes the article → stories index a publisher builds once with
:func:`stories_by_article`, so a site of N articles and S stories reads the stories once, not N times.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..model import Article, Story, is_style_guess
from .evidence import anchor_of, evidence_segments
from .sides import outlet_info
from .story import load_items, valid_span

if TYPE_CHECKING:
    from ..store import Store
    from .story import StoryComparison

__all__ = ["article_context", "stories_by_article", "story_context"]


def stories_by_article(stories: Iterable[Story]) -> dict[str, list[Story]]:
    """Article id → the stories that hold it, in the order ``stories`` come."""
    index: dict[str, list[Story]] = {}
    for s in stories:
        for aid in dict.fromkeys(s.article_ids):
            index.setdefault(aid, []).append(s)
    return index


def article_context(
    store: Store, article: Article | str, *, stories: Mapping[str, list[Story]] | None = None
) -> dict[str, Any] | None:
    """Everything the page of ``article`` (an Article or its id) shows, or ``None`` when the store has no such
    article: ``article``, ``outlet`` (its
    :class:`~newsprism.compare.sides.OutletInfo`), ``labels``, ``items`` by kind (only those whose span fits the
    body), ``segments`` (the body cut at every item, see :func:`~newsprism.compare.evidence.evidence_segments`),
    ``points`` (the places with coordinates, one per name, with how often it is named and its anchor) and
    ``stories`` (those holding the article; from ``stories``, an index by :func:`stories_by_article`, when given,
    else read from the store) and ``style_guesses`` (the techniques of ``items`` guessed from a paragraph's style,
    :func:`~newsprism.model.is_style_guess`; not cut into ``segments``)."""
    art = store.get_article(article) if isinstance(article, str) else article
    if art is None:
        return None
    items = load_items(store, [art.id])
    valid = {k: [it for it in v if valid_span(it, art)] for k, v in items.items()}
    points: dict[str, dict[str, Any]] = {}
    for p in valid["places"]:
        lat, lon = getattr(p, "lat", None), getattr(p, "lon", None)
        if lat is None or lon is None:
            continue
        name = getattr(p, "name", "") or p.text
        if name not in points:
            points[name] = {
                "name": name,
                "lat": lat,
                "lon": lon,
                "country": getattr(p, "country", None),
                "count": 0,
                "anchor": anchor_of(art.id, p.start, p.end),
            }
        points[name]["count"] += 1
    index = stories if stories is not None else stories_by_article(store.iter_stories())
    return {
        "article": art,
        "outlet": outlet_info(store, art),
        "labels": store.outlet_labels(art.outlet_id) if art.outlet_id else [],
        "items": valid,
        # a technique guessed from style covers a whole paragraph: listed apart, not highlighted in the body
        "segments": evidence_segments(
            art.id, art.body, [it for v in valid.values() for it in v if not is_style_guess(it)]
        ),
        "style_guesses": [it for it in valid["techniques"] if is_style_guess(it)],
        "points": list(points.values()),
        "stories": list(index.get(art.id, [])),
    }


def story_context(comparison: StoryComparison) -> dict[str, Any]:
    """Everything a story page shows of ``comparison`` (on its chosen axis): ``c`` (the comparison), ``story``,
    ``axis``, ``axis_title``, ``columns`` and ``coverage`` of the chosen axis, ``max_day`` (the busiest day of the
    timeline) and ``points`` (the places with coordinates, with how many articles name each)."""
    points = [
        {
            "name": sc.name,
            "lat": sc.detail["lat"],
            "lon": sc.detail["lon"],
            "country": sc.detail.get("country"),
            "count": sc.total,
        }
        for sc in comparison.places
        if "lat" in sc.detail
    ]
    chosen = next(a for a in comparison.axes if a.name == comparison.axis)
    return {
        "c": comparison,
        "story": comparison.story,
        "axis": chosen.name,
        "axis_title": chosen.title,
        "columns": chosen.columns,
        "coverage": chosen.coverage,
        "max_day": max((sum(d["by_side"].values()) for d in comparison.timeline), default=1),
        "points": points,
    }
