"""Outlets as the comparison sees them: lean (and the side it falls on), country, state affiliation, each with the
source of the label. An outlet with no lean label is *unrated*, never centre."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..outlets.labels import effective_label, outlet_view

if TYPE_CHECKING:
    from ..model import Article, Outlet
    from ..store import Store

__all__ = ["SIDES", "OutletInfo", "outlet_info", "side_of_lean"]

#: The sides a story's coverage is split into, in display order.
SIDES = ("left", "center", "right", "unrated")

_LEFT = {"left", "far-left", "extreme-left", "lean-left", "left-center", "center-left", "left-leaning", "liberal"}
_RIGHT = {"right", "far-right", "extreme-right", "lean-right", "right-center", "center-right", "right-leaning",
          "conservative"}  # fmt: skip
_CENTER = {"center", "least-biased", "neutral", "centrist"}
_TRUE = {"true", "yes", "1", "state", "state-affiliated", "state-controlled", "state-owned"}
_FALSE = {"false", "no", "0", "independent", "private"}


def side_of_lean(lean: str | None) -> str:
    """``left``, ``center``, ``right`` or ``unrated`` for a lean label such as ``left-center`` or ``Lean Right``."""
    if not lean:
        return "unrated"
    key = lean.strip().casefold().replace("centre", "center").replace("_", "-").replace(" ", "-")
    if key in _LEFT:
        return "left"
    if key in _RIGHT:
        return "right"
    if key in _CENTER:
        return "center"
    return "unrated"


@dataclass(slots=True)
class OutletInfo:
    id: str
    name: str
    country: str | None = None
    country_source: str | None = None
    lean: str | None = None
    lean_source: str | None = None
    side: str = "unrated"
    state_affiliated: bool | None = None
    state_source: str | None = None
    owner_state: str | None = None
    kind: str | None = None
    known: bool = False

    @property
    def state(self) -> str:
        """``state``, ``independent`` or ``unknown``."""
        return "unknown" if self.state_affiliated is None else ("state" if self.state_affiliated else "independent")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"state": self.state}


def _info(outlet: Outlet) -> OutletInfo:
    view = outlet_view(outlet)
    country_lab = effective_label(outlet.labels, "country")
    state_lab = effective_label(outlet.labels, "state_affiliated")
    state: bool | None = outlet.state_affiliated
    state_source = "registry" if outlet.state_affiliated is not None else None
    if state_lab is not None:
        v = state_lab.value.strip().casefold()
        if v in _TRUE or v in _FALSE:
            state, state_source = v in _TRUE, state_lab.source
    lean = view.get("lean") or None
    return OutletInfo(
        id=outlet.id,
        name=outlet.name,
        country=(country_lab.value if country_lab else outlet.country) or None,
        country_source=country_lab.source if country_lab else ("registry" if outlet.country else None),
        lean=lean,
        lean_source=view.get("lean_source"),
        side=side_of_lean(lean),
        state_affiliated=state,
        state_source=state_source,
        owner_state=outlet.owner_state,
        kind=outlet.kind,
        known=outlet.known,
    )


def outlet_info(store: Store, article: Article, *, cache: dict[str, OutletInfo] | None = None) -> OutletInfo:
    """The outlet of ``article`` with its effective labels (an outlet missing from the store is unrated)."""
    key = article.outlet_id or article.outlet or "?"
    if cache is not None and key in cache:
        return cache[key]
    outlet = store.get_outlet(article.outlet_id) if article.outlet_id else None
    info = _info(outlet) if outlet is not None else OutletInfo(id=key, name=article.outlet or key)
    if cache is not None:
        cache[key] = info
    return info
