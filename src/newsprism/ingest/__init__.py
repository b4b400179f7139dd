"""Ingest: every input form users have, read into the same :class:`~newsprism.model.Article` records.

``read_input(raw)`` picks a loader (by the ``format`` asked for, else by sniffing) and returns a
:class:`LoadResult`; ``ingest(sources, store)`` reads files, folders and URLs, finishes each article (id,
language, outlet, canonical URL), stores it once (exact and near duplicates are linked, not stored again), stores
outlet labels found on pages, and records every input that failed in the store's failures table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import InputError, UnsupportedInputError
from ..model import Article, PageLabel, Provenance
from .base import Loader, LoadResult, RawInput

if TYPE_CHECKING:
    from ..outlets.resolve import OutletResolver
    from ..pipeline import Resources
    from ..registry import Registry
    from ..store import Store

__all__ = [
    "FORMATS",
    "IngestReport",
    "LoadResult",
    "Loader",
    "PageLabel",
    "RawInput",
    "finish_article",
    "ingest",
    "iter_load",
    "pick_loader",
    "read_input",
    "register",
]

#: Formats a user can ask for, and the loader each names.
FORMATS = {
    "text": "loader.text",
    "html": "loader.html",
    "feed": "loader.feed",
    "jsonl": "loader.jsonl",
    "csv": "loader.csv",
}


@dataclass(slots=True)
class IngestReport:
    inputs: int = 0
    stored: list[str] = field(default_factory=list)  # ids of new articles
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (source, kept article id, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    labels: int = 0
    syndicated: list[tuple[str, str]] = field(default_factory=list)  # (copy id, id of the first one stored)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, what may be wrong with what was kept)

    @property
    def article_ids(self) -> list[str]:
        return self.stored + [d[1] for d in self.duplicates]

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "stored": self.stored,
            "duplicates": [{"source": s, "article_id": a, "reason": r} for s, a, r in self.duplicates],
            "failed": [{"source": s, "reason": r} for s, r in self.failed],
            "labels": self.labels,
            "syndicated": [{"article_id": c, "copy_of": f} for c, f in self.syndicated],
            "warnings": [{"source": s, "warning": w} for s, w in self.warnings],
        }


def _loaders(registry: Registry) -> list[tuple[str, Loader]]:
    return [(spec.name, spec.factory()) for spec in registry.all("loader")]


def pick_loader(raw: RawInput, *, format: str = "auto", registry: Registry | None = None) -> Loader:
    """The loader for ``format``, or the registered loader that sniffs ``raw`` best."""
    from ..registry import default_registry
    from .base import looks_binary

    reg = registry or default_registry()
    if raw.data and looks_binary(raw.data[:8192]):
        raise UnsupportedInputError(raw.location, "binary data, not text, HTML, a feed, JSONL or CSV")
    if format != "auto":
        if format not in FORMATS:
            from ..errors import UnknownComponentError

            raise UnknownComponentError(format, "input format", [*FORMATS, "auto"])
        loader: Loader = reg.create("loader", FORMATS[format])
        return loader
    scored = sorted(((ldr.sniff(raw), name, ldr) for name, ldr in _loaders(reg)), key=lambda t: -t[0])
    if not scored or scored[0][0] <= 0:
        raise UnsupportedInputError(raw.location, "not text, HTML, a feed, JSONL or CSV")
    return scored[0][2]


def read_input(
    raw: RawInput,
    *,
    format: str = "auto",
    settings: Settings | None = None,
    registry: Registry | None = None,
    options: dict[str, Any] | None = None,
) -> LoadResult:
    """Read one input with the loader for ``format`` (or the one that sniffs it best)."""
    loader = pick_loader(raw, format=format, registry=registry)
    return loader.load(raw, settings or Settings(), **(options or {}))


def iter_load(
    raw: RawInput,
    *,
    format: str = "auto",
    settings: Settings | None = None,
    registry: Registry | None = None,
    options: dict[str, Any] | None = None,
) -> Iterator[Article | InputError | PageLabel]:
    """Read one input as a stream of articles, per-part errors and page labels (bounded memory for large tables).

    Loaders with a ``stream`` method are read lazily; the others are loaded whole. Page labels come after the
    articles they refer to (``PageLabel.article_index`` counts the articles of this input).
    """
    settings = settings or Settings()
    loader = pick_loader(raw, format=format, registry=registry)
    stream = getattr(loader, "stream", None)
    if stream is not None:
        yield from stream(raw, settings, **(options or {}))
        return
    result = loader.load(raw, settings, **(options or {}))
    yield from result.errors
    yield from result.articles
    yield from result.labels


def finish_article(article: Article, raw: RawInput, resources: Resources, *, part: str | None = None) -> Article:
    """Fill what every article needs whatever its loader: provenance, canonical URL, language, id, limits."""
    from ..enrich.language import fill_language
    from ..model import content_hash
    from .dedup import canonical_url

    limit = int(resources.settings.max_article_chars)
    if len(article.body) > limit:
        article.body = article.body[:limit]
        article.meta["truncated_at"] = limit
        article.content_hash = content_hash(article.body)
    if article.source is None:
        article.source = Provenance(kind=raw.origin, location=raw.location, part=part, fetched_at=raw.fetched_at)
    elif part and not article.source.part:
        article.source.part = part
    if article.url and not article.canonical_url:
        article.canonical_url = canonical_url(article.url)
    fill_language(article, resources)
    if not article.id:
        article.id = article.content_hash[:16]
    return article


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    *,
    format: str = "auto",
    settings: Settings | None = None,
    registry: Registry | None = None,
    resources: Resources | None = None,
    options: dict[str, Any] | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read every source into ``store``. Failures are recorded (and returned); the batch goes on.

    ``progress`` is called with each input's location as it starts and, during a long input, every few seconds
    with its rows read so far and their rate."""
    from ..outlets.resolve import OutletResolver
    from ..pipeline import Resources
    from ..registry import default_registry
    from .sources import iter_inputs

    settings = settings or (resources.settings if resources else Settings())
    reg = registry or (resources.registry if resources else default_registry())
    res = resources or Resources(settings, reg)
    resolver = OutletResolver(store, res)
    report = IngestReport()
    retry_options = {"format": format, **(options or {})}
    for raw in iter_inputs(sources, settings):
        report.inputs += 1
        if isinstance(raw, InputError):
            _fail(store, report, raw.source, raw.reason, retry_options)
            continue
        if progress:
            progress(raw.location)
        outlet_ids: list[str | None] = []  # outlet of each article of this input, for page labels
        errors = 0
        rate = _Rate(raw.location, progress)
        try:
            for item in iter_load(raw, format=format, settings=settings, registry=reg, options=options):
                rate.tick()
                if isinstance(item, InputError):
                    errors += 1
                    _fail(store, report, item.source, item.reason, retry_options)
                elif isinstance(item, PageLabel):
                    idx = item.article_index
                    outlet_id = outlet_ids[idx] if idx is not None and 0 <= idx < len(outlet_ids) else None
                    resolver.apply_page_label(item, outlet_id=outlet_id)
                    report.labels += 1
                else:
                    outlet_ids.append(_ingest_article(item, raw, store, resolver, res, report, retry_options))
        except InputError as exc:
            _fail(store, report, exc.source, exc.reason, retry_options)
            continue
        except Exception as exc:  # a loader bug must not lose the batch; the input is kept for retry
            _fail(store, report, raw.location, f"{type(exc).__name__}: {exc}", retry_options)
            continue
        if not outlet_ids and not errors:
            _fail(store, report, raw.location, "no article found in this input", retry_options)
            continue
        _resolve_failures(store, raw.location)
    return report


def _ingest_article(
    article: Article,
    raw: RawInput,
    store: Store,
    resolver: OutletResolver,
    resources: Resources,
    report: IngestReport,
    retry_options: dict[str, Any],
) -> str | None:
    """Finish, resolve the outlet of, and store one article; returns its outlet id."""
    try:
        if raw.decoding_warning:  # kept, with what was done to read it
            article.meta["decoding"] = {"encoding": raw.encoding, "warning": raw.decoding_warning}
        finish_article(article, raw, resources)
        decoding = article.meta.get("decoding")
        if isinstance(decoding, dict):
            where = raw.location + (f":{article.source.part}" if article.source and article.source.part else "")
            report.warnings.append((where, f"{decoding.get('warning')} (read as {decoding.get('encoding')})"))
        outlet = resolver.resolve(name=article.outlet, url=article.url, feed=article.meta.get("feed"))
        if outlet is not None:
            article.outlet_id = outlet.id
            article.outlet = article.outlet or outlet.name
            if outlet.known and article.outlet and article.outlet.isupper():
                article.outlet = outlet.name  # "THE SPECTATOR" shown as the outlet's own name
            if outlet.known:
                _strip_outlet_names(article, [outlet.name, outlet.long_name, *outlet.aliases, *outlet.domains])
        _store_article(store, article, report, resources.settings)
    except InputError as exc:
        _fail(store, report, exc.source, exc.reason, retry_options)
        return None
    return article.outlet_id


class _Rate:
    """Progress of a long input: every ``EVERY`` seconds, "FILE: N rows, R rows/s" to the progress callback."""

    EVERY = 5.0

    def __init__(self, location: str, progress: Callable[[str], None] | None) -> None:
        import time

        self.location = location
        self.progress = progress
        self.rows = 0
        self.start = self.last = time.monotonic()

    def tick(self) -> None:
        self.rows += 1
        if self.progress is None or self.rows % 256:
            return
        import time

        now = time.monotonic()
        if now - self.last >= self.EVERY:
            self.last = now
            self.progress(f"{self.location}: {self.rows:,} rows, {self.rows / (now - self.start):,.0f} rows/s")


def _strip_outlet_names(article: Article, names: list[str | None]) -> None:
    """The outlet registry's names of the outlet are never a title's suffix nor an author of a page."""
    from .html import clean_title

    if article.source is None or article.source.kind != "html":
        return
    if article.title:
        title = clean_title(article.title, site_names=names)
        if title != article.title:
            article.meta.setdefault("page_title", article.title)
            article.title = title
    keys = {re.sub(r"\W+", "", n.casefold()) for n in names if n}
    kept = [a for a in article.authors if re.sub(r"\W+", "", a.casefold()) not in keys]
    if kept != article.authors:
        article.meta.setdefault("byline_organisations", []).extend(a for a in article.authors if a not in kept)
        article.authors = kept


def _source_of(article: Article) -> str:
    """What names where an article came from: its URL, else its input (and the part of it)."""
    source = article.url or (article.source.location if article.source else "") or article.id
    if article.source and article.source.part and not article.url:
        source = f"{source}#{article.source.part}"
    return source


def _store_article(store: Store, article: Article, report: IngestReport, settings: Settings) -> str:
    """Store ``article`` once. The same text again is linked to the stored one, never stored twice — except a copy
    from another outlet (a wire story, a syndicated column), which is kept with its own outlet and linked to the
    first as a syndicated copy. The same input read again adds nothing (no link from an article to itself)."""
    from .dedup import jaccard, minhash_bands

    source = _source_of(article)
    existing = store.find_article(content_hash=article.content_hash)
    reason = "same text"
    if existing is None and article.canonical_url:
        existing = store.find_article(url=article.canonical_url)
        reason = "same canonical URL"
    bands = minhash_bands(article.body)
    similarity = 1.0
    if existing is None and bands:
        threshold = float(settings.near_duplicate_threshold)
        for cand in store.articles_with_bands(bands):
            other = store.get_article(cand)
            if other is None:
                continue
            sim = jaccard(article.body, other.body)
            if sim >= threshold:
                existing, reason, similarity = cand, "near-identical text", sim
                break
    if existing is not None:
        first = store.get_article(existing)
        if first is not None and reason != "same canonical URL" and _other_outlet(article, first):
            return _store_syndicated(store, article, first, report, bands, similarity)
        if first is not None and _source_of(first) == source:  # the same input read again
            report.duplicates.append((source, existing, "already stored"))
            return existing
        store.link_duplicate(existing, source=source, reason=reason, similarity=round(similarity, 4))
        report.duplicates.append((source, existing, reason))
        return existing
    article_id, created = store.put_article(article)
    if created:
        store.add_bands(article_id, bands)
        report.stored.append(article_id)
    elif article_id != article.id or _source_of(store.get_article(article_id) or article) != source:
        store.link_duplicate(article_id, source=source, reason="same text", similarity=1.0)
        report.duplicates.append((source, article_id, "same text"))
    else:  # another writer stored this very input a moment ago: a sighting, counted, without a self-link
        report.duplicates.append((source, article_id, "already stored"))
    return article_id


def _other_outlet(article: Article, first: Article) -> bool:
    return bool(article.outlet_id and first.outlet_id and article.outlet_id != first.outlet_id)


def _store_syndicated(
    store: Store, article: Article, first: Article, report: IngestReport, bands: list[str], similarity: float
) -> str:
    """Keep a copy of ``first``'s text published by another outlet, with its own outlet, linked both ways."""
    from ..model import content_hash

    article.content_hash = content_hash(f"{article.outlet_id}\n{article.body}")  # one copy per outlet
    article.id = article.content_hash[:16]
    article.meta["syndicated_from"] = first.id
    source = _source_of(article)
    stored = store.find_article(content_hash=article.content_hash)
    if stored is not None:  # this outlet's copy is stored already
        if _source_of(store.get_article(stored) or article) != source:
            store.link_duplicate(stored, source=source, reason="same text", similarity=1.0)
            report.duplicates.append((source, stored, "same text"))
        else:
            report.duplicates.append((source, stored, "already stored"))
        return stored
    article_id, created = store.put_article(article)
    if created:
        store.add_bands(article_id, bands)
        report.stored.append(article_id)
        report.syndicated.append((article_id, first.id))
        store.link_duplicate(
            first.id, source=f"article:{article_id}", reason="syndicated copy", similarity=round(similarity, 4)
        )
    return article_id


def _fail(store: Store, report: IngestReport, source: str, reason: str, options: dict[str, Any]) -> None:
    store.record_failure(source, reason, kind="ingest", options=options)
    report.failed.append((source, reason))


def _resolve_failures(store: Store, source: str) -> None:
    for f in store.failures(kind="ingest", source=source):
        store.resolve_failure(f.id)


def register(registry: Registry) -> None:
    """Register the built-in loaders (each module is imported only when its loader is created)."""

    def lazy(module: str, cls: str) -> Callable[..., Loader]:
        def factory(**kwargs: Any) -> Loader:
            import importlib

            return getattr(importlib.import_module(module, __name__), cls)(**kwargs)  # type: ignore[no-any-return]

        factory.__doc__ = f"{module.lstrip('.')} loader"
        return factory

    registry.register("loader.text.v1", "loader", order=50, description="pasted multi-article text pages")(
        lazy(".text", "TextLoader")
    )
    registry.register("loader.html.v1", "loader", order=20, description="HTML pages (trafilatura + htmldate)")(
        lazy(".html", "HTMLLoader")
    )
    registry.register("loader.feed.v1", "loader", order=10, description="RSS and Atom feeds")(
        lazy(".feeds", "FeedLoader")
    )
    registry.register("loader.jsonl.v1", "loader", order=30, description="JSON Lines exports")(
        lazy(".tables", "JSONLLoader")
    )
    registry.register("loader.csv.v1", "loader", order=40, description="CSV exports with a column mapping")(
        lazy(".tables", "CSVLoader")
    )
