"""The Spark engine: the same registered stages on an Apache Spark cluster (or Spark local mode).

Two ways in:

* :meth:`SparkEngine.run_files` — files in, files out: reads articles (Parquet or JSONL, the schema of
  :mod:`newsprism.model_arrow`), runs the stages with ``mapInArrow`` over Arrow batches of articles (each batch
  goes through :func:`newsprism.engine.worker.process_batch`, which calls :func:`newsprism.pipeline.run_stages`, the
  engine-independent core) and writes one Parquet dataset per record kind — the same datasets the local engine
  writes. ``newsprism run --engine spark --input X --output DIR``.
* :meth:`SparkEngine.map` — the engine interface ``Pipeline.run(store, engine="spark")`` uses: batches read from the
  store on the driver are spread over the executors a window at a time; results come back to the driver, which
  commits them to the store.

Models load once per Python worker: each worker keeps its :class:`~newsprism.pipeline.Resources` in the per-process
cache of :mod:`newsprism.engine.worker` (Spark reuses Python workers between tasks by default). See ``docs/scale.md``
for ``spark-submit`` on a real cluster.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import ConfigError, InputError
from ..model import Article, Item
from ..model_arrow import ARTICLE_KIND, FAILURE_SCHEMA, KINDS, arrow_schema
from .files import FilesReport, input_files, input_format, outputs_of
from .local import Batch, _subset
from .worker import StagePlan, plan_for, process_batch

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import ArticleResult, Resources
    from ..registry import ComponentSpec

__all__ = ["SparkEngine", "spark_session"]

FAILURES = "failures"
STATS = "stage_seconds"
_SOURCE_COL = "_newsprism_source"
_LINE_COL = "_newsprism_line"


def spark_session(*, master: str | None = None, app_name: str = "newsprism", conf: dict[str, str] | None = None) -> Any:
    """The active Spark session, or a new one.

    Under ``spark-submit`` the master and configuration come from there. Otherwise ``master`` (or
    ``$NEWSPRISM_SPARK_MASTER``; Spark's default is ``local[*]``). Python workers run this interpreter
    (``PYSPARK_PYTHON`` is set to it unless already set), so they see the same installed packages.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("the Spark engine needs pyspark: pip install 'newsprism[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName(app_name)
    master = master or os.environ.get("NEWSPRISM_SPARK_MASTER")
    if master:
        builder = builder.master(master)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def spark_schema(arrow: pa.Schema) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow, prefer_timestamp_ntz=False)


def _output_schema() -> pa.Schema:
    """One row per record: ``kind`` and one struct column per kind (the others null)."""
    import pyarrow as pa

    fields = [pa.field("kind", pa.string())]
    for kind in KINDS:
        fields.append(pa.field(kind, pa.struct(list(arrow_schema(kind)))))
    fields.append(pa.field(FAILURES, pa.struct(list(FAILURE_SCHEMA))))
    fields.append(pa.field(STATS, pa.struct([("stage", pa.string()), ("seconds", pa.float64())])))
    return pa.schema(fields)


def _records_batch(schema: pa.Schema, column: str, rows: list[dict[str, Any]]) -> pa.RecordBatch:
    import pyarrow as pa

    n = len(rows)
    arrays = []
    for f in schema:
        if f.name == "kind":
            arrays.append(pa.array([column] * n, pa.string()))
        elif f.name == column:
            arrays.append(pa.array(rows, f.type))
        else:
            arrays.append(pa.nulls(n, f.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _arrow_worker(
    plan: StagePlan, batch_size: int, mapping: dict[str, str] | None = None
) -> Callable[[Iterable[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function each Spark task runs over its partition's Arrow batches of input rows.

    Rows are JSONL lines (column ``_newsprism_line``) or Parquet rows; each goes through the one row reader of
    ingest (:class:`newsprism.ingest.rows.RowReader`), as on the local engine.
    """

    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from ..ingest.rows import RowReader
        from ..model_arrow import rows_of

        schema = _output_schema()
        size = max(1, batch_size)
        reader = RowReader(mapping)
        for rb in batches:
            rows = rb.to_pylist()
            for i in range(0, len(rows), size):
                articles: list[Article] = []
                failures: list[dict[str, Any]] = []
                for row in rows[i : i + size]:
                    source = row.pop(_SOURCE_COL, None) or "input"
                    line = row.pop(_LINE_COL, None)
                    if line is not None:
                        if not line.strip():
                            continue
                        try:
                            row = json.loads(line)
                        except (ValueError, RecursionError) as exc:
                            failures.append(
                                {
                                    "article_id": None,
                                    "stage": "input",
                                    "reason": f"{source}: not JSON ({exc}): {line[:60]!r}",
                                }
                            )
                            continue
                        if not isinstance(row, dict):
                            failures.append(
                                {
                                    "article_id": None,
                                    "stage": "input",
                                    "reason": f"{source}: not a JSON object: {line[:60]!r}",
                                }
                            )
                            continue
                    try:
                        articles.append(reader.article(row, source))
                    except InputError as exc:
                        failures.append({"article_id": None, "stage": "input", "reason": str(exc)})
                originals = [copy.copy(a) for a in articles]  # only declared fields reach the output
                results = process_batch(plan, articles) if articles else []
                stats: dict[str, float] = {}
                for res in results:
                    for o in res.outputs:
                        stats[o.stage] = stats.get(o.stage, 0.0) + o.seconds
                        if o.error is not None:
                            failures.append({"article_id": res.article_id, "stage": o.stage, "reason": o.error})
                for kind, records in outputs_of(originals, results).items():
                    if records:
                        yield _records_batch(schema, kind, rows_of(kind, records))
                if failures:
                    yield _records_batch(schema, FAILURES, failures)
                if stats:
                    yield _records_batch(schema, STATS, [{"stage": k, "seconds": v} for k, v in stats.items()])

    return run


def _process_payload(plan: StagePlan) -> Callable[[tuple[Any, ...]], list[ArticleResult]]:
    def run(payload: tuple[Any, ...]) -> list[ArticleResult]:
        articles, prior, done = payload
        return process_batch(plan, articles, prior, done)

    return run


class SparkEngine:
    """Runs stages on Spark; see the module docstring."""

    name = "engine.spark.v1"

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        session: Any = None,
        master: str | None = None,
        conf: dict[str, str] | None = None,
        py_files: Sequence[str | Path] = (),
        window: int | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._session = session
        self.master = master
        self.conf = dict(conf or {})
        self.py_files = [str(p) for p in py_files]
        self.window = window

    @property
    def session(self) -> Any:
        if self._session is None:
            self._session = spark_session(master=self.master, conf=self.conf)
            for f in self.py_files:
                self._session.sparkContext.addPyFile(f)
        return self._session

    def describe(self) -> dict[str, Any]:
        sc = self.session.sparkContext
        return {"engine": self.name, "master": sc.master, "parallelism": sc.defaultParallelism}

    # -- the engine interface of Pipeline.run --------------------------------------------------------------------
    def map(
        self,
        batches: Iterable[Batch],
        specs: Sequence[ComponentSpec],
        resources: Resources,
        done: dict[str, set[str]],
    ) -> Iterator[list[ArticleResult]]:
        """Spread batches over the executors, ``window`` batches at a time; yields results in input order."""
        plan = plan_for(specs, resources)
        sc = self.session.sparkContext
        window = self.window or max(2, 2 * int(sc.defaultParallelism))
        buf: list[tuple[list[Article], dict[str, dict[str, list[Item]]], dict[str, set[str]]]] = []
        for articles, prior in batches:
            buf.append((articles, prior, _subset(done, articles)))
            if len(buf) >= window:
                yield from sc.parallelize(buf, len(buf)).map(_process_payload(plan)).collect()
                buf = []
        if buf:
            yield from sc.parallelize(buf, len(buf)).map(_process_payload(plan)).collect()

    # -- files in, files out ---------------------------------------------------------------------------------------
    def read_articles(self, input: str | Path) -> Any:
        """A DataFrame of input rows: JSONL as one line per row (``_newsprism_line``), Parquet as it is, each with
        the file it came from. Rows become articles in the workers, through the one row reader of ingest."""
        from pyspark.sql import functions as F

        spark = self.session
        paths = (
            [str(p) for p in input_files(input)]
            if not str(input).startswith(("hdfs:", "s3", "gs:", "abfs"))
            else [str(input)]
        )
        fmt = input_format(paths[0]) if Path(paths[0]).suffix else "parquet"
        if fmt == "jsonl":
            df = spark.read.text(paths)
            return df.select(F.col("value").alias(_LINE_COL), F.col("_metadata.file_path").alias(_SOURCE_COL))
        if fmt == "parquet":
            df = spark.read.parquet(*paths)
            return df.select("*", F.col("_metadata.file_path").alias(_SOURCE_COL))
        raise ConfigError(f"{paths[0]}: not Parquet or JSONL (use .parquet, .jsonl or .jsonl.gz)")

    def run_files(
        self,
        input: str | Path,
        output: str | Path,
        *,
        specs: Sequence[ComponentSpec],
        resources: Resources,
        batch_size: int = 64,
        progress: Any = None,
        mapping: dict[str, str] | None = None,
    ) -> FilesReport:
        """Run ``specs`` over the articles of ``input``; write one Parquet dataset per kind under ``output``."""
        from pyspark import StorageLevel
        from pyspark.sql import functions as F

        t0 = time.perf_counter()
        plan = plan_for(specs, resources)
        articles = self.read_articles(input)
        parallelism = int(self.session.sparkContext.defaultParallelism)
        if articles.rdd.getNumPartitions() < parallelism:
            articles = articles.repartition(parallelism)  # one gzip file is one partition: spread it over the cores
        in_schema_cols = articles.columns
        out_schema = spark_schema(_output_schema())
        records = articles.select(*in_schema_cols).mapInArrow(_arrow_worker(plan, batch_size, mapping), out_schema)
        records = records.persist(StorageLevel.DISK_ONLY)
        try:
            counts = {str(r["kind"]): int(r["count"]) for r in records.groupBy("kind").count().collect()}
            out = str(output)
            for kind in (*KINDS, FAILURES):
                rows = records.where(F.col("kind") == kind).select(f"{kind}.*")
                rows.write.mode("overwrite").parquet(f"{out.rstrip('/')}/{kind}")
            stats = records.where(F.col("kind") == STATS).groupBy(f"{STATS}.stage").agg(F.sum(f"{STATS}.seconds"))
            stage_seconds = {str(r[0]): float(r[1]) for r in stats.collect()}
            failed = [
                (r["article_id"], str(r["stage"]), str(r["reason"]))
                for r in records.where(F.col("kind") == FAILURES).select(f"{FAILURES}.*").limit(1000).collect()
            ]
        finally:
            records.unpersist()
        report = FilesReport(
            engine=self.name,
            articles=counts.get(ARTICLE_KIND, 0),
            stages=[s.name for s in specs],
            counts={k: counts.get(k, 0) for k in (*KINDS, FAILURES)},
            failed=failed,
            stage_seconds=stage_seconds,
            output=str(output),
        )
        report.seconds = time.perf_counter() - t0
        if progress is not None:
            progress(report.articles, report.articles)
        return report
