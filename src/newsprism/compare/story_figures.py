"""A store's figures reconciled story by story: what the ``figures.jsonl`` export, the web app's figures view and
the claims explorer read (``compare_story`` builds the same groups for one story)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Article, Claim
from .figures import figures_of_claims
from .reconcile import FigureGroup, reconcile
from .sides import OutletInfo, outlet_info

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["FIGURE_COLUMNS", "StoryFigures", "figure_rows", "store_figures"]

#: The columns of ``figures.jsonl``, in order (documented in docs/schema.md).
FIGURE_COLUMNS = (
    "story_id",
    "group",
    "type",
    "subject",
    "what",
    "value",
    "low",
    "high",
    "vague",
    "bound",
    "shown",
    "as_of",
    "as_of_source",
    "claimant",
    "claimant_kind",
    "hedge",
    "article_id",
    "outlet",
    "published",
    "start",
    "end",
    "text",
    "status",
    "latest_official",
    "partitive",
    "parts",
    "part_of",
    "id",
)


@dataclass(slots=True)
class StoryFigures:
    story_id: str | None  # None: articles in no story (each reconciled on its own)
    story: str
    groups: list[FigureGroup]

    def to_dict(self) -> dict[str, Any]:
        return {"story_id": self.story_id, "story": self.story, "groups": [g.to_dict() for g in self.groups]}


def store_figures(
    store: Store, *, type: str | None = None, status: str | None = None, conflicts_only: bool = False
) -> list[StoryFigures]:
    """Every story's figure groups (``type``: only groups of that type or label; ``status``: only groups with that
    status; ``conflicts_only``: only conflicts and self-contradictions); stories with conflicts first."""
    story_of: dict[str, tuple[str, str]] = {}
    for s in store.iter_stories():
        for aid in s.article_ids:
            story_of.setdefault(aid, (s.id, s.label))
    claims = [c for c in store.iter_items("claims") if isinstance(c, Claim)]
    arts: dict[str, Article] = {a.id: a for a in store.iter_articles(ids=sorted({c.article_id for c in claims}))}
    cache: dict[str, OutletInfo] = {}
    outlets = {}
    for aid, art in arts.items():
        info = outlet_info(store, art, cache=cache)
        outlets[aid] = (info.name, info.side)
    by_story: dict[str, list[Claim]] = {}
    for c in claims:
        sid = story_of[c.article_id][0] if c.article_id in story_of else "article:" + c.article_id
        by_story.setdefault(sid, []).append(c)
    labels = dict(story_of.values())
    out: list[StoryFigures] = []
    for sid, found in by_story.items():
        groups = reconcile(figures_of_claims(found, arts, outlets=outlets))
        groups = [
            g
            for g in groups
            if (type is None or type in {g.type, g.label, g.key})
            and (status is None or g.status == status)
            and (g.conflict or not conflicts_only)
        ]
        if not groups:
            continue
        if sid.startswith("article:"):
            alone = arts.get(sid[8:])
            out.append(StoryFigures(None, f"(no story) {alone.title if alone and alone.title else sid[8:]}", groups))
        else:
            out.append(StoryFigures(sid, labels[sid], groups))
    return sorted(out, key=lambda s: (not any(g.conflict for g in s.groups), s.story_id is None, s.story))


def figure_rows(store: Store) -> Iterator[dict[str, Any]]:
    """The rows of ``figures.jsonl``: one per figure of every story, with its group and status."""
    for sf in store_figures(store):
        for g in sf.groups:
            latest = g.latest_official.id if g.latest_official else None
            for f in g.rows:
                row = {
                    "story_id": sf.story_id,
                    "group": g.key,
                    "type": f.type,
                    "subject": None if f.subject == "thing" else f.subject,
                    "what": f.what,
                    "value": f.value,
                    "low": f.low,
                    "high": f.high,
                    "vague": f.vague,
                    "bound": f.bound,
                    "shown": f.shown,
                    "as_of": f.as_of,
                    "as_of_source": f.as_of_source,
                    "claimant": f.claimant,
                    "claimant_kind": f.claimant_kind,
                    "hedge": f.hedge,
                    "article_id": f.article_id,
                    "outlet": f.outlet,
                    "published": f.published,
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "status": f.status,
                    "latest_official": f.id == latest,
                    "partitive": f.partitive,
                    "parts": f.parts,
                    "part_of": f.part_of,
                    "id": f.id,
                }
                yield {k: row[k] for k in FIGURE_COLUMNS}
