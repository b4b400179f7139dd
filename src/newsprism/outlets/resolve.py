"""Find the outlet of an article from its URL, its byline outlet name or its feed title.

Order: the URL's domain (most specific key first: ``bbc.com/russian`` before ``bbc.com``), then the byline name,
then the feed title (on an aggregator's URL — Yahoo News, MSN — a known byline outlet wins: it wrote the story) —
each against the shipped registry, then against outlets already in the store. A registry
outlet is copied into the store (``known=True``, with its facts as ``registry`` labels) the first time an article
resolves to it. An outlet found nowhere is created **unrated** (``known=False``; id = its registrable domain, or a
slug of its name), never guessed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Outlet, OutletLabel, PageLabel
from .domains import host_of, normalise_domain, slug, strip_same_site
from .labels import normalise_value
from .names import clean_name, name_candidates, name_key
from .registry import REGISTRY_SOURCE, OutletRegistry, registry_facts, registry_for, suffixes_for

if TYPE_CHECKING:
    from ..model import Article
    from ..pipeline import Resources
    from ..store import Store

__all__ = ["OutletResolver", "domain_of", "registrable_domain_of", "slug"]


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``/``m.``/``amp.`` (``https://m.news.example.org/x`` →
    ``news.example.org``); subdomains are kept. ``None`` for text that is not an absolute URL."""
    if not url or "://" not in url:
        return None
    host = host_of(url)
    return strip_same_site(host) if host else None


def registrable_domain_of(url: str | None, resources: Resources | None = None) -> str | None:
    """The registrable domain of ``url`` (``https://m.Spectator.co.uk/x`` → ``spectator.co.uk``)."""
    from ..pipeline import Resources

    return normalise_domain(url, suffixes_for(resources or Resources()))


def _facts(outlet: Outlet) -> dict[str, object]:
    data = outlet.to_dict()
    for key in ("labels", "lean", "lean_source", "factuality", "factuality_source"):
        data.pop(key, None)
    return data


class OutletResolver:
    """Resolves names and URLs to outlets in ``store``; one per ingest run (it caches what it has looked up)."""

    def __init__(self, store: Store, resources: Resources) -> None:
        self.store = store
        self.resources = resources
        self._stored: dict[str, Outlet] = {}
        self._store_names: dict[str, str] | None = None

    @property
    def registry(self) -> OutletRegistry:
        return registry_for(self.resources)

    # -- lookups that write nothing ------------------------------------------------------------------------------
    def lookup(self, *, name: str | None = None, url: str | None = None, feed: str | None = None) -> Outlet | None:
        """The known outlet (registry or store) for these clues, without creating or copying anything."""
        suffixes = suffixes_for(self.resources)
        reg = self.registry
        if url:
            hit = reg.find_domain(url, suffixes)
            if hit is not None and hit.kind == "aggregator":  # syndicated: the byline's outlet wrote it
                named = self._lookup_name(name) or self._lookup_name(feed)
                return named if named is not None and named.kind != "aggregator" else hit
            if hit is not None:
                return hit
            dom = normalise_domain(url, suffixes)
            if dom:
                stored = self._get_stored(dom)
                if stored is not None:
                    return stored
        for text in (name, feed):
            hit = self._lookup_name(text)
            if hit is not None:
                return hit
        return None

    def lookup_ref(self, ref: str) -> Outlet | None:
        """An outlet named by a user: its id, a domain or URL, or a name."""
        ref = ref.strip()
        if not ref:
            return None
        stored = self._get_stored(ref)
        if stored is not None:
            return stored
        if ref in self.registry.outlets:
            return self.registry.outlets[ref]
        if host_of(ref) is not None and " " not in ref:
            return self.lookup(url=ref if "://" in ref else f"https://{ref}")
        return self._lookup_name(ref)

    def _lookup_name(self, text: str | None) -> Outlet | None:
        if not text:
            return None
        suffixes = suffixes_for(self.resources)
        reg = self.registry
        for cand in name_candidates(text):
            hit = reg.find_name(cand)
            if hit is not None:
                return hit
            if host_of(cand) is not None and " " not in cand:  # "Reuters.com", "Zakon.kz"
                hit = reg.find_domain(cand, suffixes)
                if hit is not None:
                    return hit
            oid = self._store_name_index().get(name_key(cand))
            if oid:
                stored = self._get_stored(oid)
                if stored is not None:
                    return stored
        return None

    def _get_stored(self, outlet_id: str) -> Outlet | None:
        if outlet_id in self._stored:
            return self._stored[outlet_id]
        outlet = self.store.get_outlet(outlet_id)
        if outlet is not None:
            self._stored[outlet_id] = outlet
        return outlet

    def _store_name_index(self) -> dict[str, str]:
        if self._store_names is None:
            index: dict[str, str] = {}
            for outlet in self.store.iter_outlets():
                for text in (outlet.name, outlet.long_name, *outlet.aliases):
                    if text:
                        index.setdefault(name_key(text), outlet.id)
            self._store_names = index
        return self._store_names

    # -- resolution that stores ------------------------------------------------------------------------------------
    def resolve(self, *, name: str | None = None, url: str | None = None, feed: str | None = None) -> Outlet | None:
        """The stored outlet for an article's URL, byline outlet name or feed title; created unrated if unknown."""
        found = self.lookup(name=name, url=url, feed=feed)
        if found is not None:
            return self.ensure_stored(found)
        dom = normalise_domain(url, suffixes_for(self.resources)) if url else None
        label = next((t.strip() for t in (name, feed) if t and t.strip()), None)
        if not dom and not label:
            return None
        if label and len(label) > 200:
            label = label[:200]
        outlet = Outlet(
            id=dom or slug(clean_name(label or "")),
            name=clean_name(label) if label else dom or "",
            domains=[dom] if dom else [],
            aliases=[label] if label and dom else [],
            known=False,
        )
        if not outlet.name:
            outlet.name = outlet.id
        return self.ensure_stored(outlet)

    def ensure_stored(self, outlet: Outlet) -> Outlet:
        """Put ``outlet`` in the store unless it is there; a registry outlet brings its facts as labels."""
        stored = self._get_stored(outlet.id)
        if stored is not None and not outlet.known:
            return stored
        if stored is not None and stored.known and _facts(stored) == _facts(outlet):
            return stored
        fresh = replace(outlet, labels=[])
        self.store.put_outlet(fresh)
        if outlet.known:  # new, or the registry changed since it was copied: its facts as labels, afresh
            self.store.delete_outlet_labels(source=REGISTRY_SOURCE, outlet_id=outlet.id)
            for lab in registry_facts(outlet, self.registry):
                self.store.add_outlet_label(outlet.id, lab)
        self._stored.pop(outlet.id, None)
        if self._store_names is not None:
            for text in (outlet.name, outlet.long_name, *outlet.aliases):
                if text:
                    self._store_names.setdefault(name_key(text), outlet.id)
        result = self._get_stored(outlet.id)
        return result if result is not None else fresh

    def add_label(self, outlet_id: str, label: OutletLabel) -> None:
        self.store.add_outlet_label(outlet_id, label)
        self._stored.pop(outlet_id, None)

    def apply_page_label(
        self, label: PageLabel, *, outlet_id: str | None = None, article: Article | None = None
    ) -> OutletLabel | None:
        """Attach a label read from a page to the outlet it is about: the outlet of the page's article
        (``outlet_id``, or ``article.outlet_id``) when the label names that outlet or names none, else the outlet
        the label names. Values are put on newsprism's scales ("right wing" → ``right``, "UK" → ``GB``); a value
        that fits no scale is not stored. Returns the stored label."""
        lab = label.label
        value = normalise_value(lab.field, lab.value)
        if value is None:
            return None
        own_id = outlet_id or (article.outlet_id if article is not None else None)
        outlet: Outlet | None = None
        named = self.lookup(name=label.outlet) if label.outlet else None
        if own_id:
            own = self._get_stored(own_id)
            if own is not None and (named is None or named.id == own.id or not label.outlet):
                outlet = own
        if outlet is None:
            outlet = self.resolve(name=label.outlet) if label.outlet else None
        if outlet is None:
            return None
        source = lab.source if lab.source.startswith("page") else f"page:{lab.source}" if lab.source else "page"
        stored = replace(lab, value=value, source_kind="page", source=source, evidence=lab.evidence or lab.value)
        self.add_label(outlet.id, stored)
        return stored
