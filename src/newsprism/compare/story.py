"""One story compared across its outlets: coverage by side, country and state affiliation; blindspots; frames by
side; the figures table; who is quoted by which side; names only one side mentions; a timeline.

``compare_story(store, story)`` returns a :class:`StoryComparison` of plain dataclasses (``to_dict()`` for JSON),
used alike by the briefing, the web app and the JSON API. Every row keeps the evidence it came from
(``article_id``, ``start``, ``end``; the anchor ``a-<article>-<start>-<end>`` of the highlighted span).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Article, Claim, Entity, Frame, Item, Place, Quote, Story, Technique
from .figures import figures_of_claims
from .reconcile import FigureGroup, reconcile
from .sides import SIDES, OutletInfo, outlet_info

if TYPE_CHECKING:
    from ..store import Store

__all__ = [
    "BLINDSPOT_SHARE",
    "ArticleRef",
    "Blindspot",
    "EvidenceRef",
    "NamedBy",
    "SideCount",
    "StoryComparison",
    "compare_story",
    "load_items",
    "valid_span",
]

#: A story is a blindspot for a side when the other side holds at least this share of its left/right coverage.
BLINDSPOT_SHARE = 0.75
ITEM_KINDS = ("entities", "places", "quotes", "claims", "frames", "techniques", "events")


@dataclass(slots=True)
class ArticleRef:
    id: str
    title: str | None
    published: str | None
    language: str | None
    url: str | None
    outlet: OutletInfo

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"outlet": self.outlet.to_dict()}


@dataclass(slots=True)
class EvidenceRef:
    article_id: str
    start: int
    end: int
    text: str
    side: str
    outlet: str

    @property
    def anchor(self) -> str:
        return f"a-{self.article_id}-{self.start}-{self.end}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"anchor": self.anchor}


@dataclass(slots=True)
class SideCount:
    """A thing (a frame, a speaker, a name) counted per side, with its evidence."""

    name: str
    by_side: dict[str, int] = field(default_factory=dict)
    evidence: list[EvidenceRef] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_side.values())

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "by_side": self.by_side, "total": self.total, "detail": self.detail,
                "evidence": [e.to_dict() for e in self.evidence]}  # fmt: skip


@dataclass(slots=True)
class Blindspot:
    """Coverage mostly from one side: ``side`` is the side that barely covers it."""

    side: str
    covered_by: str
    share: float
    note: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class NamedBy:
    """Entities and places one side names and another does not."""

    side: str
    absent_from: list[str]
    names: list[SideCount]

    def to_dict(self) -> dict[str, Any]:
        return {"side": self.side, "absent_from": self.absent_from, "names": [n.to_dict() for n in self.names]}


@dataclass(slots=True)
class StoryComparison:
    story: Story
    articles: list[ArticleRef]
    coverage_by_side: dict[str, int]
    coverage_by_country: dict[str, int]
    coverage_by_state: dict[str, int]
    blindspots: list[Blindspot]
    frames: list[SideCount]
    techniques: list[SideCount]
    figures: list[FigureGroup]
    quoted: list[SideCount]
    named_by_one_side: list[NamedBy]
    places: list[SideCount]
    timeline: list[dict[str, Any]]

    @property
    def conflicts(self) -> list[FigureGroup]:
        return [g for g in self.figures if g.conflict]

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story.to_dict(),
            "articles": [a.to_dict() for a in self.articles],
            "coverage": {
                "by_side": self.coverage_by_side,
                "by_country": self.coverage_by_country,
                "by_state": self.coverage_by_state,
            },
            "blindspots": [b.to_dict() for b in self.blindspots],
            "frames": [f.to_dict() for f in self.frames],
            "techniques": [t.to_dict() for t in self.techniques],
            "figures": [g.to_dict() for g in self.figures],
            "quoted": [q.to_dict() for q in self.quoted],
            "named_by_one_side": [n.to_dict() for n in self.named_by_one_side],
            "places": [p.to_dict() for p in self.places],
            "timeline": self.timeline,
        }


def load_items(store: Store, article_ids: list[str]) -> dict[str, list[Item]]:
    """Every extracted item of ``article_ids``, by kind; items whose offsets do not fit the article are kept out
    by the caller (see :func:`valid_span`)."""
    return {kind: list(store.iter_items(kind, article_ids=article_ids)) for kind in ITEM_KINDS}


def valid_span(item: Item, article: Article | None) -> bool:
    return article is not None and 0 <= item.start <= item.end <= len(article.body)


def _counter(
    items: list[Item], key: Any, refs: dict[str, ArticleRef], arts: dict[str, Article]
) -> dict[str, SideCount]:
    out: dict[str, SideCount] = {}
    seen: set[tuple[str, str]] = set()
    for it in items:
        ref = refs.get(it.article_id)
        if ref is None or not valid_span(it, arts.get(it.article_id)):
            continue
        name = key(it)
        if not name:
            continue
        sc = out.setdefault(name, SideCount(name=name))
        side = ref.outlet.side
        if (name, it.article_id) not in seen:  # count articles, not mentions
            seen.add((name, it.article_id))
            sc.by_side[side] = sc.by_side.get(side, 0) + 1
        text = arts[it.article_id].body[it.start : it.end]
        sc.evidence.append(EvidenceRef(it.article_id, it.start, it.end, text, side, ref.outlet.name))
    return out


def _sorted(counts: dict[str, SideCount]) -> list[SideCount]:
    return sorted(counts.values(), key=lambda c: (-c.total, c.name.casefold()))


def _blindspots(by_side: dict[str, int], *, share: float = BLINDSPOT_SHARE) -> list[Blindspot]:
    left, right = by_side.get("left", 0), by_side.get("right", 0)
    if left + right < 2:
        return []
    out = []
    for side, other, n in (("left", "right", right), ("right", "left", left)):
        s = n / (left + right)
        if s >= share:
            out.append(Blindspot(side=side, covered_by=other, share=round(s, 3),
                                 note=f"{n} of {left + right} left/right-rated articles come from the {other}; "
                                      f"the {side} barely covers this story"))  # fmt: skip
    return out


def compare_story(store: Store, story: Story | str) -> StoryComparison:
    """Compare how the outlets of ``story`` (a Story or its id) cover it."""
    if isinstance(story, str):
        found = store.get_story(story)
        if found is None:
            from ..errors import ConfigError

            raise ConfigError(f"no story {story!r} in the store")
        story = found
    arts = {a.id: a for a in store.iter_articles(ids=story.article_ids)}
    cache: dict[str, OutletInfo] = {}
    refs = {
        aid: ArticleRef(a.id, a.title, a.published, a.language, a.url, outlet_info(store, a, cache=cache))
        for aid, a in arts.items()
    }
    ordered = sorted(refs.values(), key=lambda r: (r.published or "", r.outlet.name, r.id))
    items = load_items(store, list(arts))

    by_side = {s: 0 for s in SIDES}
    by_country: dict[str, int] = {}
    by_state = {"state": 0, "independent": 0, "unknown": 0}
    for r in ordered:
        by_side[r.outlet.side] += 1
        country = r.outlet.country or "unknown"
        by_country[country] = by_country.get(country, 0) + 1
        by_state[r.outlet.state] += 1

    frames = _counter(items["frames"], lambda f: f.frame if isinstance(f, Frame) else None, refs, arts)
    for f in items["frames"]:
        if isinstance(f, Frame) and f.frame in frames:
            d = frames[f.frame].detail
            d.setdefault("family", f.family)
            if f.holder:
                holders = d.setdefault("holders", [])
                if f.holder not in holders:
                    holders.append(f.holder)
    techniques = _counter(items["techniques"], lambda t: t.technique if isinstance(t, Technique) else None, refs, arts)
    quoted = _counter(
        items["quotes"], lambda q: (q.speaker or q.speaker_text) if isinstance(q, Quote) else None, refs, arts
    )

    def entity_name(e: Item) -> str | None:
        if isinstance(e, Entity) and e.type in {"person", "organisation", "organization"}:
            return e.canonical or e.text
        return None

    names = _counter(items["entities"], entity_name, refs, arts)
    places = _counter(items["places"], lambda p: p.name if isinstance(p, Place) else None, refs, arts)
    for p in items["places"]:
        if isinstance(p, Place) and p.name in places and p.lat is not None and p.lon is not None:
            places[p.name].detail.update({"lat": p.lat, "lon": p.lon, "country": p.country, "feature": p.feature})
    all_names = {**names, **{k: v for k, v in places.items() if k not in names}}

    rated = [s for s in ("left", "center", "right") if by_side[s]]
    named: list[NamedBy] = []
    for side in rated:
        others = [o for o in rated if o != side]
        if not others:
            continue
        only = [sc for sc in all_names.values() if sc.by_side.get(side) and not any(sc.by_side.get(o) for o in others)]
        if only:
            named.append(NamedBy(side=side, absent_from=others, names=_sorted({x.name: x for x in only})))

    claims = [c for c in items["claims"] if isinstance(c, Claim) and c.article_id in refs]
    outlets = {aid: (r.outlet.name, r.outlet.side) for aid, r in refs.items()}
    figures = figures_of_claims(claims, arts, outlets=outlets, entities=items["entities"])

    days: dict[str, dict[str, Any]] = {}
    for r in ordered:
        day = (r.published or "")[:10] or "undated"
        row = days.setdefault(day, {"date": day, "by_side": {s: 0 for s in SIDES}, "articles": []})
        row["by_side"][r.outlet.side] += 1
        row["articles"].append(r.id)

    return StoryComparison(
        story=story,
        articles=ordered,
        coverage_by_side=by_side,
        coverage_by_country=dict(sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))),
        coverage_by_state=by_state,
        blindspots=_blindspots(by_side),
        frames=_sorted(frames),
        techniques=_sorted(techniques),
        figures=reconcile(figures),
        quoted=_sorted(quoted),
        named_by_one_side=named,
        places=_sorted(places),
        timeline=[days[d] for d in sorted(days)],
    )
