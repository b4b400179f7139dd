"""The figures table: every numeric claim of one type across a story's articles, with who says it, how hedged,
and whether the numbers disagree (164 vs 225 killed)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["CONFLICT_RATIO", "FigureGroup", "FigureRow", "group_figures"]

#: Two figures of one type conflict when the larger exceeds the smaller by more than this share.
CONFLICT_RATIO = 0.10


@dataclass(slots=True)
class FigureRow:
    type: str
    article_id: str
    outlet: str
    side: str
    number: float | None
    number_text: str
    object: str | None
    claimant: str | None
    hedge: str | None
    when: str | None
    published: str | None
    start: int
    end: int
    text: str
    conflicting: bool = False

    @property
    def anchor(self) -> str:
        return f"a-{self.article_id}-{self.start}-{self.end}"


@dataclass(slots=True)
class FigureGroup:
    type: str
    rows: list[FigureRow] = field(default_factory=list)
    low: float | None = None
    high: float | None = None
    conflict: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"rows": [asdict(r) | {"anchor": r.anchor} for r in self.rows]}


def group_figures(rows: list[FigureRow], *, ratio: float = CONFLICT_RATIO) -> list[FigureGroup]:
    """Group rows by claim type; flag a group whose numbers disagree by more than ``ratio``, and in it the rows
    holding the lowest and the highest figure."""
    by_type: dict[str, list[FigureRow]] = {}
    for r in rows:
        by_type.setdefault(r.type, []).append(r)
    out: list[FigureGroup] = []
    for typ, members in by_type.items():
        g = FigureGroup(type=typ, rows=sorted(members, key=lambda r: (r.published or "", r.number or 0.0)))
        values = [r.number for r in members if r.number is not None]
        if values:
            g.low, g.high = min(values), max(values)
            g.conflict = (g.high - g.low) > ratio * max(abs(g.low), 1e-9) if g.low else g.high > 0
            if g.conflict:
                for r in g.rows:
                    r.conflicting = r.number is not None and r.number in (g.low, g.high)
        out.append(g)
    order = {"killed": 0, "wounded": 1, "arrested": 2, "missing": 3, "displaced": 4, "troops": 5}
    return sorted(out, key=lambda g: (not g.conflict, order.get(g.type, 50), g.type))
