"""An article body cut into segments for display, each marked with the extracted items covering it, so every
statement can link to its evidence: the anchor ``a-<article>-<start>-<end>`` sits where each item's span starts."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from ..model import Claim, Entity, Frame, Item, Place, Quote, Technique

__all__ = ["Segment", "anchor_of", "describe", "evidence_segments"]

#: Kinds highlighted in the body, in the order their colours are listed in the legend.
HIGHLIGHT_KINDS = ("frames", "techniques", "claims", "quotes", "entities", "places")


def anchor_of(article_id: str, start: int, end: int) -> str:
    return f"a-{article_id}-{start}-{end}"


def describe(item: Item) -> str:
    """A one-line description of an item, for tooltips and lists."""
    if isinstance(item, Frame):
        who = f" (held by {item.holder})" if item.holder else ""
        return f"frame: {item.frame} [{item.family}{', ' + item.stance if item.stance else ''}]{who}"
    if isinstance(item, Technique):
        return f"technique: {item.technique}"
    if isinstance(item, Claim):
        who = f", claimed by {item.claimant}" if item.claimant else ""
        hedge = f", hedge: {item.hedge}" if item.hedge else ""
        return f"figure: {item.type} = {item.number_text or item.number}{who}{hedge}"
    if isinstance(item, Quote):
        return f"quote: {item.speaker or item.speaker_text or 'unknown speaker'}"
    if isinstance(item, Entity):
        return f"{item.type}: {item.canonical or item.text}"
    if isinstance(item, Place):
        return f"place: {item.name}{' (' + item.country + ')' if item.country else ''}"
    return item.KIND


@dataclass(slots=True)
class Segment:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"k-{k}" for k in self.kinds)


def evidence_segments(
    article_id: str, body: str, items: list[Item], *, kinds: tuple[str, ...] = HIGHLIGHT_KINDS
) -> list[Segment]:
    """Split ``body`` at every item boundary; each segment lists the kinds and notes of the items covering it."""
    usable = [it for it in items if it.KIND in kinds and 0 <= it.start < it.end <= len(body)]
    cuts = sorted({0, len(body), *(it.start for it in usable), *(it.end for it in usable)})
    starts: dict[int, list[str]] = {}
    for it in usable:
        a = anchor_of(article_id, it.start, it.end)
        if a not in starts.setdefault(it.start, []):
            starts[it.start].append(a)
    order = {k: i for i, k in enumerate(kinds)}
    opening: dict[int, list[Item]] = {}
    closing: dict[int, list[int]] = {}
    for it in usable:
        opening.setdefault(it.start, []).append(it)
        closing.setdefault(it.end, []).append(id(it))
    active: dict[int, Item] = {}  # a sweep over the cuts: the items covering the current segment
    segs: list[Segment] = []
    for lo, hi in pairwise(cuts):
        for key in closing.get(lo, []):
            active.pop(key, None)
        for it in opening.get(lo, []):
            active[id(it)] = it
        covering = list(active.values())
        ks = sorted({it.KIND for it in covering}, key=lambda k: order[k])
        notes = list(dict.fromkeys(describe(it) for it in covering))
        segs.append(Segment(body[lo:hi], lo, ks, notes, starts.get(lo, [])))
    return segs
