"""Compare how outlets cover one story: coverage by lean, country group, country, state affiliation and language
(the axes), blindspots, frames by side, conflicting figures, who is quoted by whom, names one side leaves out, and a timeline."""

from __future__ import annotations

from .evidence import HIGHLIGHT_KINDS, Segment, anchor_of, describe, evidence_segments
from .figures import SUBJECTS, Figure, figure_from_claim, figures_of_claims
from .reconcile import CONFLICT_STATUSES, STATUSES, FigureGroup, FigurePair, reconcile, timeline_chart
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
    "CONFLICT_STATUSES",
    "HIGHLIGHT_KINDS",
    "SIDES",
    "STATUSES",
    "SUBJECTS",
    "ArticleRef",
    "AxisChoice",
    "Blindspot",
    "EvidenceRef",
    "Figure",
    "FigureGroup",
    "FigurePair",
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
    "figure_from_claim",
    "figures_of_claims",
    "load_items",
    "outlet_info",
    "reconcile",
    "side_of_lean",
    "timeline_chart",
    "valid_span",
]
