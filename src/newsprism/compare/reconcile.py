"""Reconcile a story's figures: group its counts by what they count, order each group by the date it holds for, and
label every pair of figures in it.

Labels (``STATUSES``, most serious first):

* ``self-contradiction``: one article gives two incompatible values for one group and one date, from one claimant
  (or on its own authority), and nothing in it marks one as an earlier figure (``initially``, ``rose from ... to``).
  Two claimants disagreeing inside one article are a ``conflict`` the article reports.
* ``conflict``: different claimants, intervals that do not overlap, at overlapping times. A figure holds from its
  as-of date until a later figure that replaces it (as for a revision) is given.
* ``revision``: a later figure from the same claimant, or from an official or international body replacing one
  from an official body, an outlet or the article itself (a rights group's count is not replaced by the
  government's: that stays a conflict), or the press's own tally (no source named, or an outlet) after an earlier
  one; in one article, a figure its sentence marks as earlier.
* ``agree``: the intervals overlap (``at least 200`` agrees with ``225``; ``about 900`` with ``950``).
* ``superseded``: neither: one of the two no longer held when the other was given.

A count of one class larger than a total of the same type at the same time (``at least 448 protesters`` killed
against a total of 200) is labelled too, and listed in both groups. A figure's ``status`` is the most serious label
of its pairs (``single`` when it has none); a group's is that of its figures. Parts of a sum are not compared with
their sum or with each other, and partitive counts (``19 of
31 cities``) with nothing. Each group names its latest official figure and, per claimant, the lowest, the highest
and the latest figure.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from itertools import combinations
from typing import Any

from .figures import KIND_COLOURS, SUBJECTS, Figure

__all__ = [
    "CONFLICT_STATUSES",
    "KIND_COLOURS",
    "STATUSES",
    "ClaimantRange",
    "FigureGroup",
    "FigurePair",
    "claimant_key",
    "reconcile",
    "timeline_chart",
]

STATUSES = ("self-contradiction", "conflict", "revision", "agree", "superseded", "single")
CONFLICT_STATUSES = frozenset({"conflict", "self-contradiction"})
AUTHORITATIVE = frozenset({"official", "international"})
REPLACEABLE = frozenset({"official", "international", "outlet", "article"})
PRESS = frozenset({"outlet", "article"})  # a figure on the press's own authority: its running tally
TYPE_ORDER = ("killed", "wounded", "missing", "arrested", "displaced", "troops", "protesters", "destroyed", "damage")
MAX_FIGURES = 500  # per group; pairs grow with the square
PAD = 22.0  # chart: space between the axes and the first and last dates


def claimant_key(f: Figure) -> str:
    """Claimants compared by name: case, leading articles and possessives (``Kazakhstan's``) ignored."""
    if f.claimant_kind == "article":
        return "article:" + (f.outlet or f.article_id)
    return _name_key(f.claimant)


@cache
def _name_key(claimant: str) -> str:
    words = re.findall(r"[\w'’.-]+", claimant.casefold())
    kept = [w for w in words if w not in {"the", "le", "la", "les", "el", "los", "der", "die", "das"}]
    kept = [w for w in kept if not re.search(r"['’]s$", w)] or kept
    return " ".join(kept)


@dataclass(slots=True)
class FigurePair:
    a: str  # the earlier figure's id
    b: str
    status: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ClaimantRange:
    claimant: str
    kind: str
    count: int
    lowest: Figure
    highest: Figure
    latest: Figure

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimant": self.claimant,
            "kind": self.kind,
            "count": self.count,
            "lowest": self.lowest.id,
            "highest": self.highest.id,
            "latest": self.latest.id,
            "lowest_shown": self.lowest.shown,
            "highest_shown": self.highest.shown,
            "latest_shown": self.latest.shown,
        }


@dataclass(slots=True)
class FigureGroup:
    """The figures of one group (``type``/``subject`` or ``type``/thing), ordered by as-of date."""

    key: str
    type: str
    subject: str | None
    what: str | None
    rows: list[Figure] = field(default_factory=list)
    pairs: list[FigurePair] = field(default_factory=list)
    status: str = "single"
    low: float | None = None  # for a conflict: the two figures that disagree most; else the lowest and highest
    high: float | None = None
    low_shown: str = ""
    high_shown: str = ""
    latest_official: Figure | None = None
    claimants: list[ClaimantRange] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.what:
            return self.what if self.type == "other" else f"{self.type} · {self.what}"
        if self.subject and self.subject not in {"total", self.type}:
            return f"{self.type} · {self.subject.replace('_', ' ')}"
        return self.type

    @property
    def conflict(self) -> bool:
        return self.status in CONFLICT_STATUSES

    @property
    def kind_colours(self) -> list[tuple[str, str]]:
        """The chart's colours by claimant kind, for its legend."""
        return list(KIND_COLOURS.items())

    def chart(self) -> dict[str, Any] | None:
        """The timeline chart's geometry (see :func:`timeline_chart`)."""
        return timeline_chart(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "type": self.type,
            "subject": self.subject,
            "what": self.what,
            "label": self.label,
            "status": self.status,
            "conflict": self.conflict,
            "low": self.low,
            "high": self.high,
            "low_shown": self.low_shown,
            "high_shown": self.high_shown,
            "latest_official": self.latest_official.id if self.latest_official else None,
            "claimants": [c.to_dict() for c in self.claimants],
            "pairs": [p.to_dict() for p in self.pairs],
            "rows": [r.to_dict() for r in self.rows],
        }


def _order(f: Figure) -> tuple[str, str, str, int]:
    return (f.as_of or "", f.published or "", f.article_id, f.start)


def _replaces(new: Figure, old: Figure) -> bool:
    """Whether a later ``new`` figure replaces ``old``: the same claimant; an official or international body after an
    official body, an outlet or the article itself; the press's tally after the press's tally."""
    if claimant_key(new) == claimant_key(old):
        return True
    if new.claimant_kind in AUTHORITATIVE and old.claimant_kind in REPLACEABLE:
        return True
    return new.claimant_kind in PRESS and old.claimant_kind in PRESS


def _holds_until(rows: list[Figure]) -> dict[str, str | None]:
    """The date each figure stops holding: its claimant's next figure, or a newer official one for figures that
    an official figure replaces (None: it still holds)."""
    until: dict[str, str | None] = {}
    for f in rows:
        end: str | None = None
        if f.as_of and not f.partitive:
            for g in rows:
                if g is f or g.partitive or not g.as_of or g.as_of <= f.as_of:
                    continue
                if _replaces(g, f):
                    end = g.as_of if end is None else min(end, g.as_of)
        until[f.id] = end
    return until


def _label(a: Figure, b: Figure, until: dict[str, str | None], shown: dict[str, str]) -> tuple[str, str] | None:
    if a.id in b.parts or b.id in a.parts or (a.part_of and set(a.part_of) & set(b.part_of)):
        return None
    if a.overlaps(b):
        return "agree", f"{shown[a.id]} and {shown[b.id]} overlap"
    return _disagreement(a, b, until, shown[a.id], shown[b.id])


def _disagreement(a: Figure, b: Figure, until: dict[str, str | None], sa: str, sb: str) -> tuple[str, str]:
    """The label of two figures whose intervals do not overlap (``a`` the earlier)."""
    later = bool(a.as_of and b.as_of and a.as_of < b.as_of)
    same = claimant_key(a) == claimant_key(b)
    if a.article_id == b.article_id:
        if later or a.earlier or b.earlier:
            return "revision", f"the article gives {sa} as an earlier figure than {sb}"
        if same or "article" in {a.claimant_kind, b.claimant_kind}:
            who = "" if a.claimant_kind == "article" else f" (both from {a.claimant})"
            return "self-contradiction", f"one article gives both {sa} and {sb}{who}"
    if same:
        return "revision", f"{b.claimant} moved from {sa} to {sb}"
    if later and _replaces(b, a):
        return "revision", f"{b.claimant} ({b.claimant_kind}) gives {sb} after {a.claimant}'s {sa}"
    end_a = until.get(a.id)
    if not a.as_of or not b.as_of or end_a is None or b.as_of < end_a:
        when = f"as of {b.as_of}" if b.as_of else "at the same time"
        return "conflict", f"{a.claimant} says {sa}, {b.claimant} says {sb} ({when})"
    return "superseded", f"{a.claimant}'s {sa} no longer held when {b.claimant} gave {sb}"


def _rank(status: str) -> int:
    return STATUSES.index(status)


def _point(f: Figure, *, upper: bool) -> float | None:
    if f.value is not None:
        return f.value
    return f.high if upper and f.high is not None else f.low


def _cross_pairs(groups: list[FigureGroup], until: dict[str, str | None], shown: dict[str, str]) -> None:
    """A count of one class (``448 protesters``) larger than a total of the same type (``200 people``) cannot
    both be true: such pairs are labelled like any other and listed in both groups. A total stated for one place
    is not compared with a count that is not for that place; a sum is not compared with its parts."""
    totals = {g.type: g for g in groups if g.subject == "total" and g.what is None}
    for g in groups:
        t_group = totals.get(g.type)
        if t_group is None or g is t_group or g.what is not None:
            continue
        for part in g.rows:
            for total in t_group.rows:
                if part.partitive or total.partitive or total.high is None or (part.low or 0.0) <= total.high:
                    continue
                if total.id in part.part_of or (total.place and total.place != part.place):
                    continue
                a, b = sorted((part, total), key=_order)
                status, note = _disagreement(a, b, until, shown[a.id], shown[b.id])
                pair = FigurePair(a.id, b.id, status, f"{note} ({part.subject.replace('_', ' ')} against a total)")
                g.pairs.append(pair)
                t_group.pairs.append(pair)


def reconcile(figures: list[Figure]) -> list[FigureGroup]:
    """Group ``figures`` (one story's), label their pairs and summarise each group; conflicts first, then by type."""
    by_key: dict[str, list[Figure]] = {}
    for f in figures:
        by_key.setdefault(f.group_key, []).append(f)
    groups: list[FigureGroup] = []
    until: dict[str, str | None] = {}
    shown: dict[str, str] = {}
    for key, members in by_key.items():
        rows = sorted(members, key=_order)[:MAX_FIGURES]
        first = rows[0]
        g = FigureGroup(
            key=key, type=first.type, subject=None if first.what else key.split("/", 1)[1], what=first.what, rows=rows
        )
        until.update(_holds_until(rows))
        shown.update((r.id, r.shown) for r in rows)
        for a, b in combinations([r for r in rows if not r.partitive], 2):
            found = _label(a, b, until, shown)
            if found is not None:
                g.pairs.append(FigurePair(a.id, b.id, *found))
        groups.append(g)
    _cross_pairs(groups, until, shown)
    worst: dict[str, str] = {}
    for g in groups:
        for p in g.pairs:
            for fid in (p.a, p.b):
                if fid not in worst or _rank(p.status) < _rank(worst[fid]):
                    worst[fid] = p.status
    by_id = {r.id: r for g in groups for r in g.rows}
    for g in groups:
        rows = g.rows
        widest: dict[str, tuple[float, Figure, Figure]] = {}
        for p in g.pairs:
            fa, fb = by_id[p.a], by_id[p.b]
            if p.status in CONFLICT_STATUSES:
                lo, hi = (fa, fb) if fa.high is not None and fa.high < (fb.low or 0.0) else (fb, fa)
                gap = (hi.low or 0.0) - (lo.high or 0.0)
                if p.status not in widest or gap > widest[p.status][0]:
                    widest[p.status] = (gap, lo, hi)
        for r in rows:
            r.status = "part" if r.partitive else worst.get(r.id, "single")
            r.conflicting = r.status in CONFLICT_STATUSES
        statuses = [r.status for r in rows if r.status in STATUSES]
        g.status = min(statuses, key=_rank) if statuses else "single"
        if g.status in widest:  # the badge shows the two figures of that status that disagree most
            _, lo, hi = widest[g.status]
            g.low, g.high, g.low_shown, g.high_shown = (
                _point(lo, upper=True),
                _point(hi, upper=False),
                lo.shown,
                hi.shown,
            )
        else:
            counted = [r for r in rows if not r.partitive]
            lows = [r for r in counted if _point(r, upper=False) is not None]
            if lows:
                lo = min(lows, key=lambda r: _point(r, upper=False) or 0.0)
                hi = max(lows, key=lambda r: _point(r, upper=True) or 0.0)
                g.low, g.high = _point(lo, upper=False), _point(hi, upper=True)
                g.low_shown, g.high_shown = lo.shown, hi.shown
        officials = [r for r in rows if r.claimant_kind in AUTHORITATIVE and not r.partitive and not r.parts]
        if officials:  # a government's figure before an international body's of the same date
            g.latest_official = max(
                officials, key=lambda r: (*_order(r)[:1], r.claimant_kind == "official", *_order(r)[1:])
            )
        by_claimant: dict[str, list[Figure]] = {}
        for r in rows:
            if not r.partitive:
                by_claimant.setdefault(claimant_key(r), []).append(r)
        for items in by_claimant.values():
            g.claimants.append(
                ClaimantRange(
                    claimant=items[0].claimant,
                    kind=items[0].claimant_kind,
                    count=len(items),
                    lowest=min(items, key=lambda r: (_point(r, upper=False) or 0.0, _order(r))),
                    highest=max(items, key=lambda r: (_point(r, upper=True) or 0.0, _order(r))),
                    latest=max(items, key=_order),
                )
            )
        g.claimants.sort(key=lambda c: (c.kind not in AUTHORITATIVE, c.claimant.casefold()))

    def order(g: FigureGroup) -> tuple[int, int, int, str]:
        t = TYPE_ORDER.index(g.type) if g.type in TYPE_ORDER else len(TYPE_ORDER)
        s = SUBJECTS.index(g.subject) if g.subject in SUBJECTS else len(SUBJECTS)
        return (not g.conflict, t, s, g.key)

    return sorted(groups, key=order)


# -- the chart -----------------------------------------------------------------------------------------------------
def _nice(v: float) -> float:
    if v <= 0:
        return 1.0
    mag = 10 ** len(str(int(v))) / 10
    for step in (1, 2, 2.5, 5, 10):
        if step * mag >= v:
            return step * mag
    return 10 * mag


def timeline_chart(group: FigureGroup, *, width: float = 640.0, height: float = 210.0) -> dict[str, Any] | None:
    """What the figures chart draws for ``group``: every dated figure at (as-of date, value) with its interval as a
    bar (an arrow when it has no upper bound), coloured by claimant kind, one line per claimant through its figures
    in date order, and the axes. None when no figure has a date and a value."""
    rows = [r for r in group.rows if r.as_of and not r.partitive and _point(r, upper=False) is not None]
    if not rows:
        return None
    days = sorted({date.fromisoformat(r.as_of[:10]) for r in rows if r.as_of})
    tops = [v for r in rows for v in (r.high, r.low, r.value) if v is not None]
    ymax = _nice(max(tops) * 1.1)
    left, right, top, bottom = 48.0, 40.0, 12.0, 26.0  # room on the right for the last values
    span = (days[-1] - days[0]).days
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_of(d: date) -> float:
        inner = plot_w - 2 * PAD
        return left + PAD + (inner / 2 if span == 0 else inner * (d - days[0]).days / span)

    def y_of(v: float) -> float:
        return top + plot_h * (1 - min(v, ymax) / ymax)

    keys = list(dict.fromkeys(claimant_key(r) for r in rows))
    points: list[dict[str, Any]] = []
    lines: dict[str, list[tuple[float, float]]] = {}
    for r in rows:
        d = date.fromisoformat((r.as_of or "")[:10])
        k = claimant_key(r)
        x = x_of(d) + 3.0 * (keys.index(k) - (len(keys) - 1) / 2)  # claimants of one date side by side
        x = min(max(x, left + 3.0), width - right - 3.0)
        v = _point(r, upper=False) or 0.0
        mid = v if r.value is not None else ((r.low or 0.0) + (r.high if r.high is not None else v)) / 2
        y1 = y_of(r.low or 0.0)
        y2 = top if r.high is None else y_of(r.high)
        points.append(
            {
                "x": round(x, 1),
                "y": round(y_of(mid), 1),
                "y1": round(y1, 1),
                "y2": round(y2, 1),
                "open": r.high is None,
                "colour": r.colour,
                "conflict": r.conflicting,
                "vague": r.vague,
                "figure": r,
                "title": f"{r.as_of}: {r.shown} ({r.claimant}, {r.outlet}) — {r.status}",
            }
        )
        lines.setdefault(k, []).append((round(x, 1), round(y_of(mid), 1)))
    xticks = [{"x": round(x_of(d), 1), "label": d.isoformat()[5:]} for d in days]
    if len(xticks) > 8:
        step = -(-len(xticks) // 8)
        xticks = xticks[::step] + ([xticks[-1]] if (len(xticks) - 1) % step else [])
    yticks = [{"y": round(y_of(v), 1), "label": f"{v:,.0f}"} for v in (0.0, ymax / 2, ymax)]
    colour_of = {claimant_key(r): r.colour for r in rows}
    return {
        "width": width,
        "height": height,
        "left": left,
        "top": top,
        "bottom": height - bottom,
        "right": width - right,
        "points": points,
        "xticks": xticks,
        "yticks": yticks,
        "lines": [
            {"points": " ".join(f"{x},{y}" for x, y in pts), "colour": colour_of[k]}
            for k, pts in lines.items()
            if len(pts) > 1
        ],
    }
