"""The pipeline: registered stages run over the articles of a store, resumably.

A *stage* is a component of kind ``stage``: its factory takes ``resources`` (a :class:`Resources`) and returns a
callable ``stage(doc) -> list[Item]``. It reads ``doc.article`` and the items earlier stages put on the doc
(``doc.items("entities")``), may set article fields it declares in ``produces`` (``article.genre``), and returns
its own items. Stages are pure functions of the article and earlier items: the same input gives the same output
on any engine.

A *corpus stage* (kind ``corpus``) runs after the per-article stages over the whole store (story clustering).

Resumable: each (article, stage) is committed in one transaction with its items, so a crash loses at most the
article in flight, and a re-run skips what is done. A stage that raises on one article is recorded in the
failures table and the batch goes on.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from .config import Settings
from .errors import StageError
from .heap import release_free_memory
from .model import RECORD_TYPES, Article, Item
from .registry import ComponentSpec, Registry, default_registry

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "ArticleResult",
    "Doc",
    "Pipeline",
    "Resources",
    "RunReport",
    "StageGuard",
    "StageOutput",
    "run_stages",
]

T = TypeVar("T")


class Resources:
    """Models and data shared by stages, loaded on first use and cached on this object (one per process).

    ``resources.get("places.gazetteer", build_gazetteer)`` calls ``build_gazetteer(resources)`` once.
    """

    def __init__(self, settings: Settings | None = None, registry: Registry | None = None) -> None:
        self.settings = settings or Settings()
        self._registry = registry
        self._cache: dict[str, Any] = {}

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = default_registry()
        return self._registry

    def get(self, key: str, loader: Callable[[Resources], T]) -> T:
        if key not in self._cache:
            self._cache[key] = loader(self)
        return self._cache[key]  # type: ignore[no-any-return]

    def loaded(self) -> list[str]:
        return sorted(self._cache)

    def peek(self, key: str) -> Any:
        """What is cached under ``key``, without loading it (None when nothing is)."""
        return self._cache.get(key)


@dataclass(slots=True)
class Doc:
    """One article on its way through the stages, with what earlier stages found."""

    article: Article
    resources: Resources
    found: dict[str, list[Item]] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # per-article analyses shared by stages (e.g. a parse)

    def items(self, kind: str) -> list[Item]:
        return self.found.get(kind, [])

    def add(self, items: Iterable[Item]) -> None:
        for it in items:
            self.found.setdefault(it.KIND, []).append(it)

    def shared(self, key: str, compute: Callable[[Doc], T]) -> T:
        """A per-article analysis computed once and reused by every stage (a spaCy parse, sentences...)."""
        if key not in self.cache:
            self.cache[key] = compute(self)
        return self.cache[key]  # type: ignore[no-any-return]


@dataclass(slots=True)
class StageOutput:
    stage: str
    items: list[Item] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0


@dataclass(slots=True)
class ArticleResult:
    article_id: str
    outputs: list[StageOutput] = field(default_factory=list)


@dataclass(slots=True)
class RunReport:
    articles: int = 0
    stages: list[str] = field(default_factory=list)
    committed: int = 0
    skipped: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (article_id, stage, reason)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    corpus: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "stages": self.stages,
            "committed": self.committed,
            "skipped": self.skipped,
            "failed": [{"article_id": a, "stage": s, "reason": r} for a, s, r in self.failed],
            "seconds": round(self.seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "corpus": self.corpus,
        }


def _fields_of(spec: ComponentSpec, article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in spec.produces:
        if p.startswith("article."):
            name = p.split(".", 1)[1]
            out[name] = getattr(article, name)
    return out


def _stage_loader(spec: ComponentSpec) -> Callable[[Resources], Any]:
    def load(resources: Resources) -> Any:
        return spec.factory(resources=resources)

    return load


@contextmanager
def _memory_zones(resources: Resources) -> Iterator[None]:
    """Strings spaCy adds while parsing a batch are freed after it (``nlp.memory_zone``), so the string store does not
    grow over a long run. Safe because parses never outlive their batch: items hold plain Python values."""
    with ExitStack() as stack:
        for key in resources.loaded():
            nlp = resources.peek(key) if key.startswith("nlp:") else None
            zone = getattr(nlp, "memory_zone", None)
            if zone is not None:
                stack.enter_context(zone())
        yield


def _rss_bytes() -> int:
    """This process's resident memory now (Linux ``/proc``; 0 where it cannot be read)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def _reset_peak() -> bool:
    """Reset this process's peak resident size (Linux ``clear_refs``); False where that is not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _peak_bytes() -> int:
    """This process's peak resident size since the last :func:`_reset_peak` (0 where it cannot be read)."""
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


try:
    import os as _os

    _PAGE = _os.sysconf("SC_PAGE_SIZE")
except (AttributeError, ValueError, OSError):  # pragma: no cover - not Unix
    _PAGE = 4096


class StageGuard:
    """Bounds on one stage's work on one article: body length (``max_parse_chars``), time (``stage_timeout``) and
    memory added (``stage_memory_mb``). A stage over a bound raises :class:`StageError`, recorded as that stage's
    failure on that article; the batch goes on.

    Time is the process's CPU time, so a machine shared with other work does not make a stage fail. Where signals
    can be used (the main thread of a Unix process, which is where the local engine's workers and Spark's Python
    workers run stages) a stage over its time is interrupted (``ITIMER_PROF``); elsewhere time is checked when the
    stage returns. Memory is sampled by a thread every 20 ms while a stage runs (the resident size over what it was
    when the stage began) and, where Linux lets a process reset its peak resident size, the peak is read when the
    stage returns, so a burst between two samples counts too; a stage in the main thread that goes over the bound
    is interrupted at once, elsewhere it is recorded as failed when it returns.
    One guard per :class:`Resources` (``StageGuard.of(resources)``).
    """

    SAMPLE_SECONDS = 0.02

    def __init__(self, settings: Settings) -> None:
        import threading

        self.max_chars = int(settings.max_parse_chars)
        self.timeout = float(settings.stage_timeout)
        self.max_bytes = int(settings.stage_memory_mb) * 1024 * 1024
        self._lock = threading.Lock()
        self._active: int | None = None  # resident bytes when the running stage began
        self._grown = 0
        self._main = False  # the running stage is in the main thread (it can be interrupted)
        self._interrupted = False
        self._sampler: threading.Thread | None = None

    @property
    def interrupted(self) -> bool:
        """The last stage was stopped for its memory (a late interrupt is recognised by this)."""
        return self._interrupted

    @classmethod
    def of(cls, resources: Resources) -> StageGuard:
        return resources.get("pipeline.stage_guard", lambda r: cls(r.settings))

    def check_size(self, stage: str, article: Article) -> None:
        n = len(article.body)
        if self.max_chars > 0 and n > self.max_chars:
            raise StageError(
                stage,
                article.id,
                f"body is {n:,} characters, over max_parse_chars "
                f"({self.max_chars:,}); not analysed (raise the setting to analyse it)",
            )

    def _sample(self) -> None:
        import _thread

        idle = 0.0
        while True:
            time.sleep(self.SAMPLE_SECONDS)
            with self._lock:
                if self._active is not None:
                    idle = 0.0
                    self._grown = max(self._grown, _rss_bytes() - self._active)
                    if self._grown > self.max_bytes and self._main and not self._interrupted:
                        self._interrupted = True  # stop the stage now, before it takes the machine's memory
                        _thread.interrupt_main()
                    continue
                idle += self.SAMPLE_SECONDS
                if idle > 2.0:  # no stage running: the thread ends, the next stage starts another
                    self._sampler = None
                    return

    @contextmanager
    def watch(self, stage: str, article_id: str) -> Iterator[None]:
        import signal
        import threading

        main = threading.current_thread() is threading.main_thread()
        timer = self.timeout > 0 and hasattr(signal, "setitimer") and main
        timer = timer and signal.getitimer(signal.ITIMER_PROF)[0] == 0  # nobody else's timer is running
        peak = self.max_bytes > 0 and _reset_peak()  # a burst between two samples still counts
        rss0 = _rss_bytes()
        with self._lock:
            self._active, self._grown, self._main, self._interrupted = rss0, 0, main, False
            if self.max_bytes > 0 and self._sampler is None and rss0:
                self._sampler = threading.Thread(target=self._sample, name="newsprism-stage-guard", daemon=True)
                self._sampler.start()
        previous: Any = None
        if timer:

            def expire(signum: int, frame: Any) -> None:
                raise StageError(
                    stage, article_id, f"took more than stage_timeout ({self.timeout:g} CPU seconds); stopped"
                )

            previous = signal.signal(signal.SIGPROF, expire)
            signal.setitimer(signal.ITIMER_PROF, self.timeout)
        t0 = time.process_time()
        try:
            yield
        except KeyboardInterrupt:
            if not self._interrupted:
                raise  # the user's Ctrl-C
        finally:
            if timer:
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, previous)
            with self._lock:
                self._active = None
                grown = max(self._grown, _rss_bytes() - rss0, (_peak_bytes() - rss0) if peak else 0)
        seconds = time.process_time() - t0
        if self.timeout > 0 and seconds > self.timeout:
            raise StageError(
                stage, article_id, f"took {seconds:.1f} CPU seconds, over stage_timeout ({self.timeout:g})"
            )
        if self.max_bytes > 0 and rss0 and (grown > self.max_bytes or self._interrupted):
            raise StageError(stage, article_id, self.memory_reason(grown))

    def memory_reason(self, grown: int | None = None) -> str:
        """Why a stage was stopped for its memory (one wording, whether it was interrupted or returned)."""
        grown = self._grown if grown is None else grown
        return (
            f"memory grew by {grown / 2**20:,.0f} MB, over stage_memory_mb "
            f"({self.max_bytes // 2**20:,}); stopped, its results are dropped"
        )


def run_stages(
    articles: Sequence[Article],
    specs: Sequence[ComponentSpec],
    resources: Resources,
    *,
    prior: dict[str, dict[str, list[Item]]] | None = None,
    done: dict[str, set[str]] | None = None,
) -> list[ArticleResult]:
    """Run ``specs`` over ``articles`` and return what each stage produced; the engine-independent core.

    ``prior`` holds items already stored per article (by kind); ``done`` the article ids each stage has finished,
    which are skipped. Nothing here touches a store, so every engine (local, Spark) calls exactly this.
    """
    prior = prior or {}
    done = done or {}
    try:
        with _memory_zones(resources):
            return _run(articles, specs, resources, prior, done)
    finally:
        release_free_memory()  # a batch's parses are gone: their memory goes back instead of staying held


def _run(
    articles: Sequence[Article],
    specs: Sequence[ComponentSpec],
    resources: Resources,
    prior: dict[str, dict[str, list[Item]]],
    done: dict[str, set[str]],
) -> list[ArticleResult]:
    stages = [(spec, resources.get(f"stage:{spec.name}", _stage_loader(spec))) for spec in specs]
    guard = StageGuard.of(resources)
    docs = [
        Doc(article=a, resources=resources, found={k: list(v) for k, v in prior.get(a.id, {}).items()})
        for a in articles
    ]
    results = [ArticleResult(article_id=a.id) for a in articles]
    for spec, stage in stages:
        finished = done.get(spec.name, set())
        todo = [(d, r) for d, r in zip(docs, results, strict=True) if d.article.id not in finished]
        batch = getattr(stage, "prepare", None)
        share = 0.0  # each article's part of the batch work, counted in the stage's time
        if batch is not None and todo:
            t0 = time.perf_counter()
            try:
                batch([d for d, _ in todo])  # batch work such as nlp.pipe, shared through doc.cache
            except Exception:  # batch work is only a speed-up: each article then computes what it needs alone
                for d, _ in todo:
                    d.cache.clear()
            share = (time.perf_counter() - t0) / len(todo)
        for doc, res in todo:
            t0 = time.perf_counter() - share
            for kind, found in doc.found.items():  # a re-run replaces what this stage found before
                doc.found[kind] = [it for it in found if it.component != spec.name]
            try:
                if not getattr(stage, "bounded_input", False):  # a stage that bounds what it reads is not refused
                    guard.check_size(spec.name, doc.article)
                with guard.watch(spec.name, doc.article.id):
                    items = list(stage(doc))
            except KeyboardInterrupt:
                if not guard.interrupted:
                    raise
                exc = StageError(spec.name, doc.article.id, guard.memory_reason())
                res.outputs.append(StageOutput(spec.name, error=f"StageError: {exc}", seconds=time.perf_counter() - t0))
                continue
            except Exception as exc:  # one article's failure is recorded, the batch goes on
                reason = f"{type(exc).__name__}: {exc}"
                tb = traceback.extract_tb(exc.__traceback__)
                if tb and not isinstance(exc, StageError):
                    reason += f" (at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})"
                res.outputs.append(StageOutput(spec.name, error=reason, seconds=time.perf_counter() - t0))
                continue
            for it in items:
                it.component = it.component or spec.name
            doc.add(items)
            res.outputs.append(
                StageOutput(spec.name, items, _fields_of(spec, doc.article), seconds=time.perf_counter() - t0)
            )
    return results


class Pipeline:
    """Stages chosen from a registry, checked, and run over a store by an engine."""

    def __init__(
        self,
        stages: Sequence[str] | None = None,
        *,
        registry: Registry | None = None,
        settings: Settings | None = None,
        corpus_stages: Sequence[str] | None = None,
    ) -> None:
        self.registry = registry or default_registry()
        self.settings = settings or Settings()
        self.specs = self.registry.plan(stages)
        self.corpus_specs = self.registry.plan(corpus_stages, kind="corpus")
        self.resources = Resources(self.settings, self.registry)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.specs]

    def pending(self, store: Store, article_ids: Sequence[str] | None = None) -> list[str]:
        """Ids of articles some chosen stage has not finished."""
        done = {s.name: store.done_articles(s.name) for s in self.specs}
        ids = [a.id for a in store.iter_articles(ids=article_ids)] if article_ids is not None else _all_ids(store)
        return [i for i in ids if any(i not in done[s.name] for s in self.specs)]

    def run(
        self,
        store: Store,
        *,
        article_ids: Sequence[str] | None = None,
        engine: str = "local",
        engine_options: dict[str, Any] | None = None,
        progress: Callable[[int, int], None] | None = None,
        corpus: bool = True,
    ) -> RunReport:
        """Run the stages over every article of ``store`` (or ``article_ids``) some stage has not finished, on the
        registered ``engine`` with the ``engine_options`` it declares, then the corpus stages (``corpus=True``)."""
        t0 = time.perf_counter()
        report = RunReport(stages=self.stage_names)
        todo = self.pending(store, article_ids)
        report.articles = len(todo)
        eng = self.registry.engine(engine, settings=self.settings, **(engine_options or {}))
        done = {s.name: store.done_articles(s.name) for s in self.specs}
        size = max(1, int(self.settings.batch_size))
        finished = 0
        for results in eng.map(self._batches(store, todo, size), self.specs, self.resources, done):
            for res in results:
                for out in res.outputs:
                    report.stage_seconds[out.stage] = report.stage_seconds.get(out.stage, 0.0) + out.seconds
                    if out.error is not None:
                        report.failed.append((res.article_id, out.stage, out.error))
                        store.record_failure(
                            f"article:{res.article_id}",
                            out.error,
                            kind="stage",
                            stage=out.stage,
                            article_id=res.article_id,
                        )
                        continue
                    store.commit_stage(res.article_id, out.stage, out.items, out.fields)
                    report.committed += 1
                finished += 1
                if progress:
                    progress(finished, len(todo))
        if corpus:
            for spec in self.corpus_specs:
                c0 = time.perf_counter()
                stage = spec.factory(resources=self.resources)
                report.corpus[spec.name] = stage(store)
                report.stage_seconds[spec.name] = time.perf_counter() - c0
        report.seconds = time.perf_counter() - t0
        return report

    def _batches(self, store: Store, ids: list[str], size: int) -> Iterator[tuple[list[Article], dict[str, Any]]]:
        for i in range(0, len(ids), size):
            chunk = ids[i : i + size]
            articles = list(store.iter_articles(ids=chunk))
            prior: dict[str, dict[str, list[Item]]] = {a.id: {} for a in articles}
            for kind in RECORD_TYPES:
                for it in store.iter_items(kind, article_ids=chunk):
                    prior[it.article_id].setdefault(kind, []).append(it)
            yield articles, prior


def _all_ids(store: Store) -> list[str]:
    return store.article_ids()
