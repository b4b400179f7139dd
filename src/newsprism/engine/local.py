"""The local engine: stages run batch by batch, in this process or in a pool of worker processes.

``workers=1`` runs in this process. ``workers=N`` (``0`` = one per core) starts N processes with ``forkserver``
(``spawn`` where there is no forkserver); each builds its :class:`~newsprism.pipeline.Resources` once — models load
once per process — and receives whole batches of articles, returning results (never spaCy docs). At most
``2 × workers`` batches are in flight, so memory stays bounded however large the corpus; results come back in input
order, so every run writes the same records in the same order. A worker ends by itself within seconds when the
process that started it is killed (:mod:`newsprism.engine.orphans`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..config import Settings
from ..model import Article, Item
from ..pipeline import ArticleResult, Resources, run_stages
from ..registry import ComponentSpec
from .orphans import exit_with
from .worker import StagePlan, plan_for, process_batch, worker_resources

__all__ = ["Batch", "LocalEngine", "resolve_workers"]

#: What engines receive: articles, and the items already stored for them (by article id, then kind).
Batch = tuple[list[Article], dict[str, dict[str, list[Item]]]]


def resolve_workers(workers: int | None) -> int:
    """``0`` or ``None`` means one worker per core this process may use."""
    if workers and workers > 0:
        return int(workers)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def _init_worker(plan: StagePlan, owner_pid: int) -> None:
    exit_with(owner_pid)  # a killed run takes its workers with it
    worker_resources(plan)  # load the stages (and, lazily, their models) once per worker process


def _subset(done: dict[str, set[str]], articles: Sequence[Article]) -> dict[str, set[str]]:
    ids = {a.id for a in articles}
    return {stage: finished & ids for stage, finished in done.items()}


class LocalEngine:
    name = "engine.local.v1"

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        workers: int | None = None,
        max_in_flight: int | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.workers = resolve_workers(self.settings.workers if workers is None else workers)
        self.max_in_flight = max_in_flight or 2 * self.workers

    def map(
        self,
        batches: Iterable[Batch],
        specs: Sequence[ComponentSpec],
        resources: Resources,
        done: dict[str, set[str]],
    ) -> Iterator[list[ArticleResult]]:
        """Run ``specs`` over every batch; yields each batch's results in input order."""
        if self.workers <= 1:
            for articles, prior in batches:
                yield run_stages(articles, specs, resources, prior=prior, done=_subset(done, articles))
            return
        plan = plan_for(specs, resources)
        ctx = multiprocessing.get_context(_start_method())
        pending: deque[tuple[list[Article], Future[list[ArticleResult]]]] = deque()
        with ProcessPoolExecutor(
            self.workers, mp_context=ctx, initializer=_init_worker, initargs=(plan, os.getpid())
        ) as pool:
            try:
                for articles, prior in batches:
                    fut = pool.submit(process_batch, plan, articles, prior, _subset(done, articles))
                    pending.append((articles, fut))
                    while len(pending) >= self.max_in_flight:
                        yield pending.popleft()[1].result()
                while pending:
                    yield pending.popleft()[1].result()
            finally:
                for _, fut in pending:
                    fut.cancel()

    def describe(self) -> dict[str, Any]:
        return {"engine": self.name, "workers": self.workers, "start_method": _start_method()}
