"""The one label shown per field when several sources disagree, and the outlet as exported and displayed."""

from __future__ import annotations

from typing import Any

from ..model import Outlet, OutletLabel

__all__ = ["PRECEDENCE", "effective_label", "outlet_view"]

#: Who wins when labels disagree: the user's own, then what the page said, then raters, then shipped facts.
PRECEDENCE = ("user", "page", "rater", "registry")


def effective_label(labels: list[OutletLabel], field: str) -> OutletLabel | None:
    cands = [lab for lab in labels if lab.field == field]
    if not cands:
        return None
    rank = {k: i for i, k in enumerate(PRECEDENCE)}
    # latest label of the highest-precedence kind
    return sorted(cands, key=lambda lab: (rank.get(lab.source_kind, 99), -(len(lab.date or ""))))[0]


def outlet_view(outlet: Outlet) -> dict[str, Any]:
    row = outlet.to_dict()
    for field in ("lean", "factuality"):
        lab = effective_label(outlet.labels, field)
        row[field] = lab.value if lab else None
        row[f"{field}_source"] = lab.source if lab else None
    return row
