"""Find the outlet of an article from its URL, byline outlet name or feed; unknown outlets are created unrated."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..model import Outlet

if TYPE_CHECKING:
    from ..ingest.base import PageLabel
    from ..pipeline import Resources
    from ..store import Store

__all__ = ["OutletResolver", "domain_of", "slug"]


def domain_of(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    for prefix in ("www.", "m.", "mobile.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    return host or None


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


class OutletResolver:
    def __init__(self, store: Store, resources: Resources) -> None:
        self.store = store
        self.resources = resources

    def resolve(self, *, name: str | None = None, url: str | None = None, feed: str | None = None) -> Outlet | None:
        dom = domain_of(url)
        key = dom or (slug(name) if name else None) or (slug(feed) if feed else None)
        if not key:
            return None
        outlet = self.store.get_outlet(key)
        if outlet is None:
            outlet = Outlet(id=key, name=name or feed or key, domains=[dom] if dom else [])
            self.store.put_outlet(outlet)
        return outlet

    def apply_page_label(self, label: PageLabel, *, outlet_id: str | None = None) -> None:
        outlet = None
        if outlet_id:
            outlet = self.store.get_outlet(outlet_id)
        if outlet is None:
            outlet = self.resolve(name=label.outlet)
        if outlet is not None:
            self.store.add_outlet_label(outlet.id, label.label)
