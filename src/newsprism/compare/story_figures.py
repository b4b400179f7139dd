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
    status; ``conflicts_only``: only conflicts and self-contradictions); stories with conflicts first. Stories are
    read one at a time (their claims and articles), so memory follows the largest story, not the store."""
    cache: dict[str, OutletInfo] = {}

    def groups_of(claims: list[Claim]) -> list[FigureGroup]:
        ids = sorted({c.article_id for c in claims})
        arts: dict[str, Article] = {a.id: a for a in store.iter_articles(ids=ids)}
        outlets = {}
        for aid, art in arts.items():
            info = outlet_info(store, art, cache=cache)
            outlets[aid] = (info.name, info.side)
        entities = list(store.iter_items("entities", article_ids=ids))
        found = reconcile(figures_of_claims(claims, arts, outlets=outlets, entities=entities))
        return [
            g
            for g in found
            if (type is None or type in {g.type, g.label, g.key})
            and (status is None or g.status == status)
            and (g.conflict or not conflicts_only)
        ]

    out: list[StoryFigures] = []
    in_story: set[str] = set()
    for story in store.iter_stories():
        ids = [a for a in story.article_ids if a not in in_story]  # an article counts in its first story only
        in_story.update(ids)
        claims = [c for c in store.iter_items("claims", article_ids=ids) if isinstance(c, Claim)] if ids else []
        groups = groups_of(claims) if claims else []
        if groups:
            out.append(StoryFigures(story.id, story.label, groups))
    alone: dict[str, list[Claim]] = {}
    for c in store.iter_items("claims"):
        if isinstance(c, Claim) and c.article_id not in in_story:
            alone.setdefault(c.article_id, []).append(c)
    for aid, claims in alone.items():
        groups = groups_of(claims)
        if groups:
            art = store.get_article(aid)
            out.append(StoryFigures(None, f"(no story) {art.title if art and art.title else aid}", groups))
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
