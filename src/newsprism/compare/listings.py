"""Listings across the whole store, as plain rows every shell shows alike: outlets with their labels and side,
entities with the articles and outlets that name them, figures reconciled story by story, frames and techniques
by outlet. The CLI prints them, the web app renders them and serves them as JSON, the briefing writes them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..model import Entity, Frame, is_style_guess
from ..outlets.labels import outlet_view
from .sides import side_of_lean
from .story_figures import store_figures

if TYPE_CHECKING:
    from ..model import Outlet
    from ..store import Store

__all__ = ["ENTITY_ORDERS", "claim_groups", "entity_rows", "frames_by_outlet", "outlet_row", "outlet_rows"]

#: How :func:`entity_rows` can be ordered: by how many articles name an entity, or by how often it is named.
ENTITY_ORDERS = ("articles", "mentions")


def outlet_row(outlet: Outlet) -> dict[str, Any]:
    """One outlet as shown: :func:`~newsprism.outlets.labels.outlet_view` (its facts and every label with its
    source) and ``side``, the side of its effective lean (``unrated`` when it has none, never centre)."""
    row = outlet_view(outlet)
    row["side"] = side_of_lean(row.get("lean"))
    return row


def outlet_rows(store: Store, *, covered_only: bool = False) -> list[dict[str, Any]]:
    """Every outlet of the store as :func:`outlet_row`, with ``articles`` (how many stored articles it has), sorted
    by name; ``covered_only``: only outlets with articles (a briefing shows the outlets its articles come from, not
    every rated one)."""
    covered = store.outlet_article_counts()
    rows = []
    for o in store.iter_outlets():
        if covered_only and o.id not in covered:
            continue
        row = outlet_row(o)
        row["articles"] = covered.get(o.id, 0)
        rows.append(row)
    return sorted(rows, key=lambda r: str(r["name"]).casefold())


def entity_rows(
    store: Store,
    *,
    query: str | None = None,
    type: str | None = None,
    order: str = "articles",
    limit: int | None = 500,
) -> list[dict[str, Any]]:
    """Entities across the store, one row per canonical id (or, without one, per name ignoring case): ``key``,
    ``name``, ``entity_id``, ``type``, ``mentions``, the ``articles`` and ``outlets`` that name it and how it is
    ``surface``-written. ``query`` keeps names containing it (ignoring case), ``type`` one entity type; ``order``
    (one of :data:`ENTITY_ORDERS`) sorts by articles or by mentions, most first, then by name."""
    if order not in ENTITY_ORDERS:
        raise ConfigError(f"unknown entity order {order!r}; valid: {', '.join(ENTITY_ORDERS)}")
    rows: dict[str, dict[str, Any]] = {}
    outlets_of: dict[str, str] = {a.id: (a.outlet or a.outlet_id or "?") for a in store.iter_articles()}
    q = (query or "").casefold()
    for it in store.iter_items("entities"):
        if not isinstance(it, Entity) or (type and it.type != type):
            continue
        name = it.canonical or it.text
        if q and q not in name.casefold() and q not in it.text.casefold():
            continue
        key = it.entity_id or name.casefold()
        row = rows.get(key)
        if row is None:
            row = rows[key] = {
                "key": key,
                "name": name,
                "entity_id": it.entity_id,
                "type": it.type,
                "mentions": 0,
                "articles": [],
                "outlets": [],
                "surface": [],
            }
        row["mentions"] += 1
        if it.article_id not in row["articles"]:
            row["articles"].append(it.article_id)
        outlet = outlets_of.get(it.article_id, "?")
        if outlet not in row["outlets"]:
            row["outlets"].append(outlet)
        if it.text not in row["surface"]:
            row["surface"].append(it.text)
    if order == "mentions":
        out = sorted(rows.values(), key=lambda r: (-r["mentions"], -len(r["articles"]), r["name"].casefold()))
    else:
        out = sorted(rows.values(), key=lambda r: (-len(r["articles"]), r["name"].casefold()))
    return out if limit is None else out[: max(0, limit)]


def claim_groups(
    store: Store, *, type: str | None = None, conflicts_only: bool = False, status: str | None = None
) -> list[dict[str, Any]]:
    """Every figure in the store reconciled story by story (the claims explorer and the figures view):
    ``[{story_id, story, groups: [FigureGroup]}]``, stories with conflicts first."""
    found = store_figures(store, type=type, status=status, conflicts_only=conflicts_only)
    return [{"story_id": sf.story_id, "story": sf.story, "groups": sf.groups} for sf in found]


def frames_by_outlet(store: Store, *, article_ids: Iterable[str] | None = None) -> dict[str, Any]:
    """Frames and techniques aggregated by outlet, for comparisons.

    Returns ``{outlet: {"articles": n, "generic": {frame: {"articles": k, "share": k/n, "score": mean}},
    "narrative": {frame: {"articles": k, "share", "stances": {stance: count}, "holders": {holder: count}}},
    "techniques": {technique: {"articles": k, "share", "count": hits}}, "genres": {genre: count}}}``.
    """
    ids = list(article_ids) if article_ids is not None else None
    outlet_of: dict[str, str] = {}
    out: dict[str, Any] = {}
    for a in store.iter_articles(ids=ids):
        name = a.outlet or a.outlet_id or "(unknown outlet)"
        outlet_of[a.id] = name
        row = out.setdefault(name, {"articles": 0, "generic": {}, "narrative": {}, "techniques": {}, "genres": {}})
        row["articles"] += 1
        if a.genre:
            row["genres"][a.genre] = row["genres"].get(a.genre, 0) + 1
    seen: set[tuple[str, str, str]] = set()
    for it in store.iter_items("frames", article_ids=ids):
        if not isinstance(it, Frame) or it.article_id not in outlet_of:
            continue
        row = out[outlet_of[it.article_id]]
        fam = "narrative" if it.family == "narrative" else "generic"
        rec = row[fam].setdefault(it.frame, {"articles": 0, "score": 0.0, "stances": {}, "holders": {}})
        key = (fam, it.frame, it.article_id)
        if key not in seen:
            seen.add(key)
            rec["articles"] += 1
        rec["score"] += it.score
        if it.stance:
            rec["stances"][it.stance] = rec["stances"].get(it.stance, 0) + 1
        if it.holder:
            rec["holders"][it.holder] = rec["holders"].get(it.holder, 0) + 1
    for it in store.iter_items("techniques", article_ids=ids):
        if it.article_id not in outlet_of or is_style_guess(it):  # cue-bearing hits only
            continue
        row = out[outlet_of[it.article_id]]
        name = getattr(it, "technique", "")
        rec = row["techniques"].setdefault(name, {"articles": 0, "count": 0, "_ids": set()})
        rec["count"] += 1
        rec["_ids"].add(it.article_id)
    for row in out.values():
        n = max(1, row["articles"])
        for fam in ("generic", "narrative"):
            for rec in row[fam].values():
                hits = sum(rec["stances"].values()) or rec["articles"]
                rec["score"] = round(rec["score"] / max(1, hits), 4)
                rec["share"] = round(rec["articles"] / n, 4)
            if fam == "generic":
                for rec in row[fam].values():
                    rec.pop("stances")
                    rec.pop("holders")
        for rec in row["techniques"].values():
            rec["articles"] = len(rec.pop("_ids"))
            rec["share"] = round(rec["articles"] / n, 4)
    return out
