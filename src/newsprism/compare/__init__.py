"""Compare how outlets cover one story: coverage by lean, country group, country, state affiliation and language
(the axes), blindspots, frames by side, conflicting figures, who is quoted by whom, names one side leaves out, and a
timeline; and the views every publisher renders alike: a story page and an article page (``views.py``), and listings
across the store of outlets, entities, figures and frames by outlet (``listings.py``)."""

from __future__ import annotations

from .evidence import HIGHLIGHT_KINDS, Segment, anchor_of, describe, evidence_segments
from .figures import SUBJECTS, Figure, figure_from_claim, figures_of_claims
from .listings import ENTITY_ORDERS, claim_groups, entity_rows, frames_by_outlet, outlet_row, outlet_rows
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
from .views import article_context, stories_by_article, story_context

__all__ = [
    "AXES",
    "AXIS_TITLES",
    "BLINDSPOT_SHARE",
    "CONFLICT_STATUSES",
    "ENTITY_ORDERS",
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
    "article_context",
    "axis_values",
    "best_axis",
    "claim_groups",
    "compare_story",
    "describe",
    "entity_rows",
    "evidence_segments",
    "figure_from_claim",
    "figures_of_claims",
    "frames_by_outlet",
    "load_items",
    "outlet_info",
    "outlet_row",
    "outlet_rows",
    "reconcile",
    "side_of_lean",
    "stories_by_article",
    "story_context",
    "timeline_chart",
    "valid_span",
]
