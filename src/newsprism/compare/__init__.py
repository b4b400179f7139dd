"""Compare how outlets cover one story: coverage by lean, country group, country, state affiliation and language
(the axes), blindspots, frames by side, conflicting figures, who is quoted by whom, names one side leaves out, and a timeline."""

from __future__ import annotations

from .evidence import HIGHLIGHT_KINDS, Segment, anchor_of, describe, evidence_segments
from .figures import CONFLICT_RATIO, FigureGroup, FigureRow, group_figures
from .sides import AXES, AXIS_TITLES, SIDES, OutletInfo, axis_values, best_axis, outlet_info, side_of_lean
from .story import (
    BLINDSPOT_SHARE,
    ArticleRef,
    AxisChoice,
    Blindspot,
    EvidenceRef,
    NamedBy,
    SideCount,
    StoryComparison,
    compare_story,
    load_items,
    valid_span,
)

__all__ = [
    "AXES",
    "AXIS_TITLES",
    "BLINDSPOT_SHARE",
    "CONFLICT_RATIO",
    "HIGHLIGHT_KINDS",
    "SIDES",
    "ArticleRef",
    "AxisChoice",
    "Blindspot",
    "EvidenceRef",
    "FigureGroup",
    "FigureRow",
    "NamedBy",
    "OutletInfo",
    "Segment",
    "SideCount",
    "StoryComparison",
    "anchor_of",
    "axis_values",
    "best_axis",
    "compare_story",
    "describe",
    "evidence_segments",
    "group_figures",
    "load_items",
    "outlet_info",
    "side_of_lean",
    "valid_span",
]
