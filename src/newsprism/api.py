"""The library calls the CLI, the web app and the Spark runner are shells over."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings

if TYPE_CHECKING:
    from .ingest import IngestReport
    from .pipeline import RunReport
    from .registry import Registry
    from .store import Store

__all__ = ["AnalyzeReport", "RetryReport", "analyze", "ingest_sources", "retry_failures"]


@dataclass(slots=True)
class AnalyzeReport:
    """What :func:`analyze` did: the ingest (None when no source was given) and the run of the stages."""

    ingest: IngestReport | None
    run: RunReport

    def to_dict(self) -> dict[str, Any]:
        return {"ingest": self.ingest.to_dict() if self.ingest is not None else None, "run": self.run.to_dict()}


@dataclass(slots=True)
class RetryReport:
    """What :func:`retry_failures` did: the open failures tried again, those now resolved, those still open."""

    attempted: list[int] = field(default_factory=list)  # failure ids
    resolved: list[int] = field(default_factory=list)
    still_open: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"attempted": self.attempted, "resolved": self.resolved, "still_open": self.still_open}


def ingest_sources(
    sources: Iterable[str | Path],
    store: Store,
    *,
    format: str = "auto",
    settings: Settings | None = None,
    options: dict[str, Any] | None = None,
) -> IngestReport:
    """Read files, folders and URLs into ``store`` (see :func:`newsprism.ingest.ingest`)."""
    from .ingest import ingest

    return ingest(sources, store, format=format, settings=settings, options=options)


def analyze(
    sources: Iterable[str | Path],
    store: Store,
    *,
    format: str = "auto",
    stages: Sequence[str] | None = None,
    settings: Settings | None = None,
    registry: Registry | None = None,
    options: dict[str, Any] | None = None,
    engine: str = "local",
    engine_options: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
    ingest_progress: Callable[[str], None] | None = None,
    rerun: bool = False,
) -> AnalyzeReport:
    """Ingest ``sources`` into ``store`` (none: nothing is read), then run the stages over what is not done yet.

    ``stages``: the stages to run (default: every registered default stage); ``options``: loader options (a column
    ``mapping``, ``fetch_full``); ``engine`` and ``engine_options``: a registered engine and the options it declares;
    ``progress(done, total)`` follows the stages, ``ingest_progress(message)`` a long input. ``rerun`` forgets what
    the chosen stages finished, so they run again over every article (their items are replaced, not duplicated).
    """
    from .ingest import ingest
    from .pipeline import Pipeline

    pipeline = Pipeline(stages, registry=registry, settings=settings)
    inputs = list(sources)
    ing = None
    if inputs:
        ing = ingest(
            inputs, store, format=format, resources=pipeline.resources, options=options, progress=ingest_progress
        )
    if rerun:
        for name in pipeline.stage_names:
            store.reset_stage(name)
    run = pipeline.run(store, engine=engine, engine_options=engine_options, progress=progress)
    return AnalyzeReport(ingest=ing, run=run)


def retry_failures(
    store: Store,
    *,
    settings: Settings | None = None,
    registry: Registry | None = None,
) -> RetryReport:
    """Try every open failure of ``store`` again and resolve those that now succeed.

    A failed input is read again with the format and options it was first read with (a file the user fixed); a
    stage that failed on an article runs again on that article. One that fails again stays open, its attempts
    counted.
    """
    from .ingest import ingest
    from .pipeline import Pipeline, Resources
    from .registry import default_registry

    reg = registry or default_registry()
    resources = Resources(settings, reg)
    report = RetryReport()
    stage_failures: dict[str, list[tuple[int, str]]] = {}
    for f in store.failures():
        if f.kind == "ingest":
            report.attempted.append(f.id)
            opts = dict(f.options or {})
            fmt = opts.pop("format", "auto")
            rep = ingest([f.source.split("#", 1)[0]], store, format=fmt, resources=resources, options=opts)
            if rep.article_ids and not rep.failed:
                store.resolve_failure(f.id)
                report.resolved.append(f.id)
        elif f.kind == "stage" and f.stage and f.article_id:
            report.attempted.append(f.id)
            stage_failures.setdefault(f.stage, []).append((f.id, f.article_id))
    for stage, found in stage_failures.items():
        run = Pipeline([stage], registry=reg, settings=resources.settings).run(
            store, article_ids=[aid for _, aid in found], corpus=False
        )
        failed = {aid for aid, name, _ in run.failed if name == stage}
        for failure_id, aid in found:
            if aid not in failed:
                store.resolve_failure(failure_id)
                report.resolved.append(failure_id)
    report.still_open = len(store.failures())
    return report
