"""Data the web pages and the JSON API share: entity and claim listings over the store (library functions that
return plain dicts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..compare.story_figures import store_figures
from ..model import Entity

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


def claim_groups(
    store: Store, *, type: str | None = None, conflicts_only: bool = False, status: str | None = None
) -> list[dict[str, Any]]:
    """Every figure in the store reconciled story by story (the claims explorer and the figures view):
    ``[{story_id, story, groups: [FigureGroup]}]``, stories with conflicts first."""
    found = store_figures(store, type=type, status=status, conflicts_only=conflicts_only)
    return [{"story_id": sf.story_id, "story": sf.story, "groups": sf.groups} for sf in found]
