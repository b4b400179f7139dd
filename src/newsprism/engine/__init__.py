"""Engines: what runs the stages over batches of articles (in this process, over local cores, or on Spark).

Every engine offers ``map(batches, specs, resources, done)`` (what :meth:`newsprism.pipeline.Pipeline.run` calls)
and ``run_files(input, output, specs=..., resources=...)`` (files in, files out; ``newsprism run``), and every
engine calls :func:`newsprism.pipeline.run_stages` on each batch, so results are the same on any engine.

Engines are registered components: callers name one (``local``, ``spark``) and pass the options it declares
(:meth:`newsprism.registry.Registry.engine`); nothing branches on an engine's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["register"]


def register(registry: Registry) -> None:
    def local_engine(*, settings: Any = None, workers: int | None = None, **options: Any) -> Any:
        from .local import LocalEngine

        return LocalEngine(settings=settings, workers=workers, **options)

    def spark_engine(*, settings: Any = None, **options: Any) -> Any:
        from .spark import SparkEngine

        return SparkEngine(settings=settings, **options)

    registry.register(
        "engine.local.v1",
        "engine",
        description="runs stages in this process, or in worker processes over the machine's cores (workers setting)",
        # workers: processes (0 = one per core; default: the workers setting); max_in_flight: batches queued
        options={"workers": None, "max_in_flight": None},
    )(local_engine)
    registry.register(
        "engine.spark.v1",
        "engine",
        description="runs stages on Apache Spark (local mode or a cluster; needs pyspark)",
        # master: the Spark master URL when not run by spark-submit (local[4]); conf: Spark settings;
        # py_files: files shipped to the executors; window: batches in flight; session: a SparkSession to use
        options={"master": None, "conf": None, "py_files": (), "window": None, "session": None},
    )(spark_engine)
