"""The library calls the CLI, the web app and the Spark runner are shells over."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings

if TYPE_CHECKING:
    from .ingest import IngestReport
    from .pipeline import RunReport
    from .registry import Registry
    from .store import Store

__all__ = ["AnalyzeReport", "analyze", "ingest_sources"]


@dataclass(slots=True)
class AnalyzeReport:
    ingest: IngestReport
    run: RunReport

    def to_dict(self) -> dict[str, Any]:
        return {"ingest": self.ingest.to_dict(), "run": self.run.to_dict()}


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
    progress: Callable[[int, int], None] | None = None,
) -> AnalyzeReport:
    """Ingest ``sources`` into ``store``, then run every registered stage over what is not done yet."""
    from .ingest import ingest
    from .pipeline import Pipeline

    pipeline = Pipeline(stages, registry=registry, settings=settings)
    ing = ingest(sources, store, format=format, resources=pipeline.resources, options=options)
    run = pipeline.run(store, engine=engine, progress=progress)
    return AnalyzeReport(ingest=ing, run=run)
