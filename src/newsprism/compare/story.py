"""One story compared across its outlets: coverage on every axis (lean, country group, country, state affiliation,
language); blindspots; frames by side; the figures table; who is quoted by which side; names only one side
mentions; a timeline. "Side" means a column of the chosen axis (``axis=``; by default the axis that splits the
story's coverage best, see :func:`~newsprism.compare.sides.best_axis`): every by-side view follows it.

``compare_story(store, story)`` returns a :class:`StoryComparison` of plain dataclasses (``to_dict()`` for JSON),
used alike by the briefing, the web app and the JSON API. Every row keeps the evidence it came from
(``article_id``, ``start``, ``end``; the anchor ``a-<article>-<start>-<end>`` of the highlighted span).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Article, Claim, Entity, Frame, Item, Place, Quote, Story, Technique, is_style_guess
from .figures import figures_of_claims
from .reconcile import FigureGroup, reconcile
from .sides import (
    AXES,
    AXIS_TITLES,
    NO_VALUE,
    SIDES,
    OutletInfo,
    axis_columns,
    axis_values,
    best_axis,
    outlet_info,
    split_score,
)

if TYPE_CHECKING:
    from ..outlets.groups import CountryGroup
    from ..store import Store

__all__ = [
    "BLINDSPOT_SHARE",
    "STORY_COUNTRY_SHARE",
    "ArticleRef",
    "AxisChoice",
    "Blindspot",
    "EvidenceRef",
    "NamedBy",
    "SideCount",
    "StoryComparison",
    "compare_story",
    "compare_story_axes",
    "load_items",
    "story_axes",
    "valid_span",
]

#: A story is a blindspot for a side when the other side holds at least this share of its left/right coverage.
BLINDSPOT_SHARE = 0.75
#: A country is where the story happens when at least this share of the articles naming places name a place in it.
STORY_COUNTRY_SHARE = 0.3
ITEM_KINDS = ("entities", "places", "quotes", "claims", "frames", "techniques", "events")


@dataclass(slots=True)
class ArticleRef:
    id: str
    title: str | None
    published: str | None
    language: str | None
    url: str | None
    outlet: OutletInfo
    sides: dict[str, str] = field(default_factory=dict)  # the article's value on every axis
    side: str = ""  # its value on the chosen axis

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
        return {
            "name": self.name,
            "by_side": self.by_side,
            "total": self.total,
            "detail": self.detail,
            "evidence": [e.to_dict() for e in self.evidence],
        }


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
class AxisChoice:
    """An axis the story can be split along: its name, title, columns and how well it splits the coverage."""

    name: str
    title: str
    columns: list[str]
    coverage: dict[str, int]
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class StoryComparison:
    story: Story
    articles: list[ArticleRef]
    coverage_by_side: dict[str, int]  # by lean, whatever the axis
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
    axis: str = "lean"
    columns: list[str] = field(default_factory=list)  # the chosen axis's columns, in display order
    axes: list[AxisChoice] = field(default_factory=list)
    default_axis: str = "lean"

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
            "axis": self.axis,
            "default_axis": self.default_axis,
            "columns": self.columns,
            "axes": [a.to_dict() for a in self.axes],
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
        side = ref.side
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
            out.append(
                Blindspot(
                    side=side,
                    covered_by=other,
                    share=round(s, 3),
                    note=f"{n} of {left + right} left/right-rated articles come from the {other}; "
                    f"the {side} barely covers this story",
                )
            )
    return out


def story_countries(places: list[Item], article_ids: Any) -> set[str]:
    """The countries a story happens in: those named by at least :data:`STORY_COUNTRY_SHARE` of the articles that
    name a place, by two articles or more when several do, and by at least half as many as the most named one."""
    by_article: dict[str, set[str]] = {}
    for p in places:
        if isinstance(p, Place) and p.country and p.article_id in article_ids:
            by_article.setdefault(p.article_id, set()).add(p.country)
    counts: dict[str, int] = {}
    for cs in by_article.values():
        for c in cs:
            counts[c] = counts.get(c, 0) + 1
    n = len(by_article)
    top = max(counts.values(), default=0)
    least = 2 if n > 1 else 1
    return {c for c, k in counts.items() if k / n >= STORY_COUNTRY_SHARE and k >= least and 2 * k >= top}


def story_axes(
    store: Store, story: Story, *, groups: list[CountryGroup] | None = None
) -> tuple[dict[str, dict[str, str]], str]:
    """Every article's value on every axis (article id -> axis -> value) and the axis that splits the story best:
    what the export carries, without the rest of the comparison."""
    from ..outlets.groups import load_groups

    arts = {a.id: a for a in store.iter_articles(ids=story.article_ids)}
    places = [p for p in store.iter_items("places", article_ids=list(arts)) if isinstance(p, Place)]
    places_of: dict[str, list[Place]] = {}
    for p in places:
        places_of.setdefault(p.article_id, []).append(p)
    where = story_countries(list(places), arts)
    rules = load_groups() if groups is None else groups
    cache: dict[str, OutletInfo] = {}
    out = {
        aid: axis_values(
            outlet_info(store, a, cache=cache, places=places_of.get(aid, [])),
            a.language,
            groups=rules,
            story_countries=where,
        )
        for aid, a in sorted(arts.items())
    }
    return out, best_axis({ax: [v[ax] for v in out.values()] for ax in AXES})


def compare_story(
    store: Store, story: Story | str, *, axis: str | None = None, groups: list[CountryGroup] | None = None
) -> StoryComparison:
    """Compare how the outlets of ``story`` (a Story or its id) cover it, split along ``axis`` (one of
    :data:`~newsprism.compare.sides.AXES`; ``None``: the one that splits the coverage best). ``groups``: the
    country groups of the ``group`` axis (default: :func:`~newsprism.outlets.groups.load_groups`)."""
    from ..errors import ConfigError
    from ..outlets.groups import load_groups

    if axis is not None and axis not in AXES:
        raise ConfigError(f"unknown axis {axis!r}; valid: {', '.join(AXES)}")
    story, arts, items = _load(store, story)
    return _compare(store, story, arts, items, axis, load_groups() if groups is None else groups, {})


def compare_story_axes(
    store: Store, story: Story | str, *, groups: list[CountryGroup] | None = None
) -> dict[str, StoryComparison]:
    """The comparison of ``story`` along every axis (axis -> comparison), reading the story's data once; the
    comparison on the axis that splits it best is also under the key ``"default"``."""
    from ..outlets.groups import load_groups

    story, arts, items = _load(store, story)
    rules = load_groups() if groups is None else groups
    cache: dict[str, OutletInfo] = {}
    out = {ax: _compare(store, story, arts, items, ax, rules, cache) for ax in AXES}
    out["default"] = out[out[AXES[0]].default_axis]
    return out


def _load(store: Store, story: Story | str) -> tuple[Story, dict[str, Article], dict[str, list[Item]]]:
    from ..errors import ConfigError

    if isinstance(story, str):
        found = store.get_story(story)
        if found is None:
            raise ConfigError(f"no story {story!r} in the store")
        story = found
    arts = {a.id: a for a in store.iter_articles(ids=story.article_ids)}
    return story, arts, load_items(store, list(arts))


def _compare(
    store: Store,
    story: Story,
    arts: dict[str, Article],
    items: dict[str, list[Item]],
    axis: str | None,
    group_rules: list[CountryGroup],
    cache: dict[str, OutletInfo],
) -> StoryComparison:
    places_of: dict[str, list[Place]] = {}
    for p in items["places"]:
        if isinstance(p, Place):
            places_of.setdefault(p.article_id, []).append(p)
    refs = {
        aid: ArticleRef(
            a.id,
            a.title,
            a.published,
            a.language,
            a.url,
            outlet_info(store, a, cache=cache, places=places_of.get(aid, [])),
        )
        for aid, a in arts.items()
    }
    ordered = sorted(refs.values(), key=lambda r: (r.published or "", r.outlet.name, r.id))
    where = story_countries(items["places"], arts)
    for r in ordered:
        r.sides = axis_values(r.outlet, r.language, groups=group_rules, story_countries=where)
    values = {ax: [r.sides[ax] for r in ordered] for ax in AXES}
    choices = []
    for ax in AXES:
        cols = axis_columns(ax, values[ax], group_rules)
        cov = {c: 0 for c in cols}
        for v in values[ax]:
            cov[v] = cov.get(v, 0) + 1
        choices.append(AxisChoice(ax, AXIS_TITLES[ax], cols, cov, round(split_score(values[ax]), 4)))
    default = best_axis(values)
    chosen = axis or default
    columns = next(ch.columns for ch in choices if ch.name == chosen)
    for r in ordered:
        r.side = r.sides[chosen]

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
    techniques = _counter(  # cue-bearing hits only: a style guess says more about the genre than the outlet
        items["techniques"],
        lambda t: t.technique if isinstance(t, Technique) and not is_style_guess(t) else None,
        refs,
        arts,
    )
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

    counted = {c: sum(1 for r in ordered if r.side == c) for c in columns}
    rated = [s for s in columns if s not in NO_VALUE and counted[s]]
    named: list[NamedBy] = []
    for side in rated:
        others = [o for o in rated if o != side]
        if not others:
            continue
        only = [sc for sc in all_names.values() if sc.by_side.get(side) and not any(sc.by_side.get(o) for o in others)]
        if only:
            named.append(NamedBy(side=side, absent_from=others, names=_sorted({x.name: x for x in only})))

    claims = [c for c in items["claims"] if isinstance(c, Claim) and c.article_id in refs]
    outlets = {aid: (r.outlet.name, r.side) for aid, r in refs.items()}
    figures = figures_of_claims(claims, arts, outlets=outlets, entities=items["entities"])

    days: dict[str, dict[str, Any]] = {}
    for r in ordered:
        day = (r.published or "")[:10] or "undated"
        row = days.setdefault(day, {"date": day, "by_side": {s: 0 for s in columns}, "articles": []})
        row["by_side"][r.side] = row["by_side"].get(r.side, 0) + 1
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
        axis=chosen,
        columns=columns,
        axes=choices,
        default_axis=default,
    )
