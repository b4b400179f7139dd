"""Data the web pages and the JSON API share: entity and claim listings over the store (library functions that
return plain dicts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..compare import outlet_info, valid_span
from ..compare.figures import FigureRow, group_figures
from ..model import Article, Claim, Entity

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["claim_groups", "entity_rows"]


def entity_rows(store: Store, *, query: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Entities across the store, one row per canonical id or name: type, how many articles and outlets name it."""
    rows: dict[str, dict[str, Any]] = {}
    outlets_of: dict[str, str] = {a.id: (a.outlet or a.outlet_id or "?") for a in store.iter_articles()}
    q = (query or "").casefold()
    for it in store.iter_items("entities"):
        if not isinstance(it, Entity):
            continue
        name = it.canonical or it.text
        if q and q not in name.casefold() and q not in it.text.casefold():
            continue
        key = it.entity_id or name.casefold()
        row = rows.setdefault(key, {"key": key, "name": name, "entity_id": it.entity_id, "type": it.type,
                                    "articles": [], "outlets": [], "surface": []})  # fmt: skip
        if it.article_id not in row["articles"]:
            row["articles"].append(it.article_id)
        outlet = outlets_of.get(it.article_id, "?")
        if outlet not in row["outlets"]:
            row["outlets"].append(outlet)
        if it.text not in row["surface"]:
            row["surface"].append(it.text)
    out = sorted(rows.values(), key=lambda r: (-len(r["articles"]), r["name"].casefold()))
    return out[:limit]


def claim_groups(store: Store, *, type: str | None = None, conflicts_only: bool = False) -> list[dict[str, Any]]:
    """Every numeric claim in the store grouped by story, then by type with conflicts flagged (the claims
    explorer): ``[{story_id, story, groups: [FigureGroup]}]``, stories with conflicts first."""
    story_of: dict[str, tuple[str, str]] = {}
    for s in store.iter_stories():
        for aid in s.article_ids:
            story_of[aid] = (s.id, s.label)
    claims = [c for c in store.iter_items("claims") if isinstance(c, Claim) and (type is None or c.type == type)]
    arts: dict[str, Article] = {a.id: a for a in store.iter_articles(ids=sorted({c.article_id for c in claims}))}
    cache: dict[str, Any] = {}
    by_story: dict[str, list[FigureRow]] = {}
    for c in claims:
        art = arts.get(c.article_id)
        if art is None or not valid_span(c, art):
            continue
        info = outlet_info(store, art, cache=cache)
        sid = story_of.get(c.article_id, ("", "(no story)"))[0]
        by_story.setdefault(sid, []).append(FigureRow(
            type=c.type or "other", article_id=c.article_id, outlet=info.name, side=info.side, number=c.number,
            number_text=c.number_text or art.body[c.start : c.end], object=c.object, claimant=c.claimant,
            hedge=c.hedge, when=c.when, published=art.published, start=c.start, end=c.end,
            text=art.body[c.start : c.end],
        ))  # fmt: skip
    labels = {sid: label for sid, label in story_of.values()}
    out = []
    for sid, rows in by_story.items():
        groups = [g for g in group_figures(rows) if g.conflict or not conflicts_only]
        if groups:
            out.append({"story_id": sid or None, "story": labels.get(sid, "(no story)"), "groups": groups})
    return sorted(out, key=lambda r: (not any(g.conflict for g in r["groups"]), r["story"]))
