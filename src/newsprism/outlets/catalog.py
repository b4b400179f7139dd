"""Outlets as the user browses them: filtered lists and one outlet with every label and its source."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .labels import LEAN, normalise_country, normalise_lean, outlet_view
from .registry import registry_facts, registry_for
from .resolve import OutletResolver

if TYPE_CHECKING:
    from ..pipeline import Resources
    from ..store import Store

__all__ = ["describe_outlet", "list_outlets", "resolve_clues"]


def list_outlets(
    store: Store,
    *,
    country: str | None = None,
    lean: str | None = None,
    kind: str | None = None,
    known: bool | None = None,
    registry: bool = False,
    resources: Resources | None = None,
) -> list[dict[str, Any]]:
    """Outlet views in the store (or the shipped registry), filtered. ``lean="unrated"`` lists unrated outlets."""
    from ..pipeline import Resources

    want_country = None
    if country:
        want_country = normalise_country(country)
        if want_country is None:
            raise ConfigError(f"--country {country!r} is not a country; give an ISO alpha-2 code such as GB")
    want_lean = None
    if lean:
        want_lean = "unrated" if lean.casefold() == "unrated" else normalise_lean(lean)
        if want_lean is None:
            raise ConfigError(f"--lean {lean!r} is not valid; valid: {', '.join(LEAN)}, unrated")
    res = resources or Resources()
    outlets = registry_for(res) if registry else store.iter_outlets()
    rows = []
    for outlet in outlets:
        if registry:
            outlet = replace(outlet, labels=registry_facts(outlet, registry_for(res)))
        view = outlet_view(outlet)
        if want_country and view.get("country") != want_country:
            continue
        if want_lean and view["lean_shown"] != want_lean:
            continue
        if kind and view.get("kind") != kind:
            continue
        if known is not None and bool(view.get("known")) != known:
            continue
        rows.append(view)
    return rows


def describe_outlet(store: Store, ref: str, *, resources: Resources | None = None) -> dict[str, Any] | None:
    """The outlet named by ``ref`` (id, domain or name) with every label; a registry outlet not yet in the store
    is described from the registry (``in_store`` false)."""
    from ..pipeline import Resources

    res = resources or Resources()
    found = OutletResolver(store, res).lookup_ref(ref)
    if found is None:
        return None
    stored = store.get_outlet(found.id)
    if stored is None and found.known:
        found = replace(found, labels=registry_facts(found, registry_for(res)))
    view = outlet_view(stored or found)
    view["in_store"] = stored is not None
    return view


def resolve_clues(
    store: Store,
    *,
    url: str | None = None,
    name: str | None = None,
    feed: str | None = None,
    resources: Resources | None = None,
) -> dict[str, Any] | None:
    """Which known outlet these clues lead to, without storing anything (``None``: it would be created unrated)."""
    from ..pipeline import Resources

    found = OutletResolver(store, resources or Resources()).lookup(name=name, url=url, feed=feed)
    return outlet_view(found) if found is not None else None
