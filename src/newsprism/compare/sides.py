"""Outlets as the comparison sees them, and the axes a story's coverage is split along.

An outlet's facts (lean and its side, country, state affiliation, kind) come with the source of each: the user, a
page, a rater, the registry, or — when all of these are silent — an inference from the site's domain, its pages'
language or their dateline (see :mod:`newsprism.outlets.infer`; inferred facts carry a score below 1). An outlet
with no lean label is *unrated*, never centre; the vocabulary of leans and sides is
:mod:`newsprism.outlets.labels`'s.

Axes (:data:`AXES`): ``lean`` (left / center / right / unrated), ``country`` (the outlet's country), ``group`` (a
country group such as "Russian state", "Western", "regional"; see :mod:`newsprism.outlets.groups`), ``state``
(state / independent / unknown) and ``language`` (the article's own language). Every article has a value on every
axis; :func:`best_axis` picks the one that splits a story's coverage best.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..outlets.groups import UNKNOWN, CountryGroup, group_of
from ..outlets.infer import dateline_of, infer_facts
from ..outlets.labels import SIDES, effective_label, outlet_view, side_of_lean

if TYPE_CHECKING:
    from ..model import Article, Outlet, Place
    from ..store import Store

__all__ = [
    "AXES",
    "AXIS_TITLES",
    "AXIS_WEIGHTS",
    "SIDES",
    "OutletInfo",
    "axis_columns",
    "axis_values",
    "best_axis",
    "outlet_info",
    "side_of_lean",
]

#: The axes coverage can be split along, in the order they are offered.
AXES = ("lean", "group", "country", "state", "language")
AXIS_TITLES = {
    "lean": "lean",
    "group": "country group",
    "country": "country",
    "state": "state affiliation",
    "language": "language",
}
#: Values that mean "not known" on each axis: they are shown last and do not count as a split.
NO_VALUE = {"unrated", "unknown", "und", "other"}
_TRUE = {"true", "yes", "1", "state", "state-affiliated", "state-controlled", "state-owned", "state-funded"}
_FALSE = {"false", "no", "0", "independent", "private", "public"}


@dataclass(slots=True)
class OutletInfo:
    id: str
    name: str
    country: str | None = None
    country_source: str | None = None
    country_score: float | None = None  # 1.0 for a stated fact; lower for an inferred one
    lean: str | None = None
    lean_source: str | None = None
    side: str = "unrated"
    state_affiliated: bool | None = None
    state_source: str | None = None
    owner_state: str | None = None
    kind: str | None = None
    kind_source: str | None = None
    known: bool = False

    @property
    def state(self) -> str:
        """``state``, ``independent`` or ``unknown``."""
        return "unknown" if self.state_affiliated is None else ("state" if self.state_affiliated else "independent")

    @property
    def inferred(self) -> bool:
        return bool(self.country_source and self.country_source.startswith("inferred:"))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"state": self.state}


def _info(outlet: Outlet) -> OutletInfo:
    view = outlet_view(outlet)
    country_lab = effective_label(outlet.labels, "country")
    state_lab = effective_label(outlet.labels, "state_affiliated")
    kind_lab = effective_label(outlet.labels, "kind")
    state: bool | None = outlet.state_affiliated
    state_source = "registry" if outlet.state_affiliated is not None else None
    if state_lab is not None:
        v = state_lab.value.strip().casefold()
        if v in _TRUE or v in _FALSE:
            state, state_source = v in _TRUE, state_lab.source
    aff = effective_label(outlet.labels, "affiliation")
    if aff is not None and aff.source_kind in ("user", "page"):
        state, state_source = aff.value in ("state", "state-funded"), aff.source
    lean = view.get("lean") or None
    country = (country_lab.value if country_lab else outlet.country) or None
    return OutletInfo(
        id=outlet.id,
        name=outlet.name,
        country=country,
        country_source=country_lab.source if country_lab else ("registry" if outlet.country else None),
        country_score=1.0 if country else None,
        lean=lean,
        lean_source=view.get("lean_source"),
        side=side_of_lean(lean),
        state_affiliated=state,
        state_source=state_source,
        owner_state=outlet.owner_state,
        kind=(kind_lab.value if kind_lab else outlet.kind) or None,
        kind_source=kind_lab.source if kind_lab else ("registry" if outlet.kind else None),
        known=outlet.known,
    )


def _domain(outlet: Outlet | None, article: Article) -> str | None:
    from ..outlets.resolve import domain_of

    if outlet is not None and outlet.domains:
        return outlet.domains[0]
    return domain_of(article.url) or (outlet.id if outlet is not None and "." in outlet.id else None)


def dateline_country(article: Article, places: Sequence[Place] = ()) -> tuple[str | None, str | None]:
    """The dateline at the start of ``article`` and the country of the place it names (from the places stage)."""
    word = dateline_of(article.body)
    if not word:
        return None, None
    for p in places:
        if p.article_id == article.id and p.start < len(word) + 8 and p.country:
            return word, p.country
    return word, None


def _fill_inferred(info: OutletInfo, outlet: Outlet | None, article: Article, places: Sequence[Place]) -> None:
    if info.country and info.kind:
        return
    word, dl_country = dateline_country(article, places)
    facts = infer_facts(
        domain=_domain(outlet, article),
        name=info.name,
        language=article.language,
        dateline_country=dl_country,
        dateline=word,
    )
    for fact in facts:  # strongest first per field
        if fact.field == "country" and not info.country:
            info.country, info.country_source, info.country_score = fact.value, fact.source, fact.score
        elif fact.field == "kind" and not info.kind:
            info.kind, info.kind_source = fact.value, fact.source


def outlet_info(
    store: Store, article: Article, *, cache: dict[str, OutletInfo] | None = None, places: Sequence[Place] = ()
) -> OutletInfo:
    """The outlet of ``article`` with its effective labels; facts the labels leave out (country, kind) are
    inferred from the article's domain, language and dateline (``places``: the article's places, for the
    dateline). An outlet missing from the store is unrated."""
    key = article.outlet_id or article.outlet or "?"
    if cache is not None and key in cache:
        return cache[key]
    outlet = store.get_outlet(article.outlet_id) if article.outlet_id else None
    info = _info(outlet) if outlet is not None else OutletInfo(id=key, name=article.outlet or key)
    _fill_inferred(info, outlet, article, places)
    if cache is not None:
        cache[key] = info
    return info


def axis_values(
    info: OutletInfo,
    language: str | None,
    *,
    groups: Sequence[CountryGroup],
    story_countries: Collection[str] = (),
) -> dict[str, str]:
    """The value of one article (its outlet ``info``, its ``language``) on every axis."""
    group = group_of(
        groups,
        country=info.country,
        owner_state=info.owner_state,
        state=info.state_affiliated,
        story_countries=story_countries,
    )
    return {
        "lean": info.side,
        "group": group,
        "country": info.country or UNKNOWN,
        "state": info.state,
        "language": (language or "und").split("-", 1)[0],
    }


def axis_columns(axis: str, values: Sequence[str], groups: Sequence[CountryGroup] = ()) -> list[str]:
    """The columns of ``axis`` for these article values, in display order: lean in its fixed order; groups in the
    order of the groups file; others by how many articles they hold; values meaning "not known" last."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    if axis == "lean":
        return list(SIDES)
    if axis == "state":
        order = ["state", "independent", "unknown"]
        return [v for v in order if v in counts] or order[-1:]
    if axis == "group":
        named = [g.name for g in groups]
        known = [n for n in dict.fromkeys(named) if n in counts]
        return known + sorted(v for v in counts if v not in named)
    ranked = sorted(counts, key=lambda v: (v in NO_VALUE, -counts[v], v))
    return ranked


def split_score(values: Sequence[str]) -> float:
    """How well ``values`` split coverage into sides, in [0, 1): the Gini impurity of the known values, times
    their share of the articles, times the square root of the share of known articles that share their value with
    another (ten countries of one article each split nothing). 0 when fewer than two sides hold articles."""
    counts: dict[str, int] = {}
    for v in values:
        if v not in NO_VALUE:
            counts[v] = counts.get(v, 0) + 1
    if len(counts) < 2:
        return 0.0
    n = sum(counts.values())
    gini = 1.0 - sum((c / n) ** 2 for c in counts.values())
    singles = sum(1 for c in counts.values() if c == 1)
    return gini * (n / len(values)) * math.sqrt(1.0 - singles / n)


#: How much a split along each axis says about how outlets tell a story: at equal spread, country groups and lean
#: (alignment) come before state affiliation, country, and language.
AXIS_WEIGHTS = {"group": 1.0, "lean": 1.0, "state": 0.9, "country": 0.75, "language": 0.6}


def best_axis(values: Mapping[str, Sequence[str]]) -> str:
    """The axis (of ``values``: axis -> every article's value) that splits coverage best (:func:`split_score`
    times :data:`AXIS_WEIGHTS`); ``lean`` when none splits it (ties go to the earlier axis of :data:`AXES`)."""
    best, best_score = "lean", 0.0
    for axis in AXES:
        score = split_score(values.get(axis, ())) * AXIS_WEIGHTS.get(axis, 1.0)
        if score > best_score + 1e-9:
            best, best_score = axis, score
    return best
