"""Files in, files out: articles from Parquet or JSONL, one Parquet dataset per record kind out.

``OUTPUT/articles/`` holds the articles with the fields stages set (``genre`` ...) and the detected ``language``;
``OUTPUT/entities/``, ``OUTPUT/places/``, ... one dataset per extracted item kind; ``OUTPUT/failures/`` every row that
could not be read and every (article, stage) that failed. Schemas: :mod:`newsprism.model_arrow`. The local engine
streams the input in batches (memory stays bounded); the Spark engine writes the same datasets (``engine/spark.py``).
"""

from __future__ import annotations

import copy
import gzip
import io
import json
import shutil
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError
from ..ingest.rows import RowReader
from ..model import Article, Item, Record
from ..model_arrow import ARTICLE_KIND, FAILURE_SCHEMA, KINDS, arrow_schema, table_of
from .worker import apply_fields

if TYPE_CHECKING:
    import pyarrow.parquet as pq

    from ..config import Settings
    from ..pipeline import ArticleResult, Resources
    from ..registry import ComponentSpec, Registry

__all__ = [
    "FilesReport",
    "input_files",
    "input_format",
    "iter_input",
    "iter_kind",
    "outputs_of",
    "process_files",
    "run_files",
]

PART = "part-00000.parquet"
#: The article field every output article has (detected when the input row has none).
LANGUAGE_FIELD = "article.language"


@dataclass(slots=True)
class FilesReport:
    """What a files-in/files-out run did."""

    engine: str = ""
    articles: int = 0
    stages: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    failed: list[tuple[str | None, str, str]] = field(default_factory=list)  # (article_id, stage|"input", reason)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    output: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "articles": self.articles,
            "stages": self.stages,
            "counts": self.counts,
            "failed": [{"article_id": a, "stage": s, "reason": r} for a, s, r in self.failed],
            "seconds": round(self.seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "output": self.output,
        }


def input_files(path: str | Path) -> list[Path]:
    """The files of an input: the file itself, or the data files of a folder (sorted; hidden and ``_`` files
    skipped)."""
    p = Path(path)
    if p.is_file():
        return [p]
    if p.is_dir():
        files = sorted(
            f for f in p.rglob("*") if f.is_file() and not f.name.startswith((".", "_")) and input_format(f) != "?"
        )
        if files:
            return files
        raise ConfigError(f"{p}: no .parquet, .jsonl or .jsonl.gz files in this folder")
    raise ConfigError(f"{p}: no such file or folder")


def input_format(path: str | Path) -> str:
    """``parquet``, ``jsonl`` or ``?`` from the name (``.parquet``, ``.jsonl``, ``.json``, ``.ndjson``, ``.gz``)."""
    name = Path(path).name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith(".parquet") or name.endswith(".pq"):
        return "parquet"
    if name.endswith((".jsonl", ".json", ".ndjson")):
        return "jsonl"
    return "?"


def iter_input(
    path: str | Path,
    *,
    batch_size: int = 64,
    mapping: Mapping[str, str] | None = None,
    max_line_bytes: int = 50_000_000,
) -> Iterator[tuple[list[Article], list[tuple[str, str]]]]:
    """Batches of articles from a Parquet or JSONL file or folder, with the rows that could not be read.

    Every row goes through the one row reader of ingest (:func:`newsprism.ingest.rows.row_to_article`): the same
    field mapping (``mapping``, then known layouts and common names), coercion and validation. Each bad row is
    ``(where, reason)`` with ``where`` naming the file and row or line; reading goes on.
    """
    size = max(1, int(batch_size))
    for f in input_files(path):
        fmt = input_format(f)
        rows = _parquet_rows(f, size) if fmt == "parquet" else _jsonl_rows(f, max_line_bytes)
        articles: list[Article] = []
        bad: list[tuple[str, str]] = []
        reader = RowReader(mapping)
        for where, row in rows:
            if isinstance(row, str):
                bad.append((where, row))
                continue
            try:
                articles.append(reader.article(row, where))
            except InputError as exc:
                bad.append((exc.source, exc.reason))
            if len(articles) >= size:
                yield articles, bad
                articles, bad = [], []
        if articles or bad:
            yield articles, bad


def count_rows(path: str | Path) -> int:
    """Rows in an input (Parquet metadata; non-blank lines of JSONL), for a progress bar's total."""
    import pyarrow.parquet as pq

    n = 0
    for f in input_files(path):
        if input_format(f) == "parquet":
            n += pq.ParquetFile(f).metadata.num_rows
            continue
        opener: Any = gzip.open if f.name.lower().endswith(".gz") else open
        with opener(f, "rb") as fh:
            n += sum(1 for line in fh if line.strip())
    return n


def _parquet_rows(path: Path, size: int) -> Iterator[tuple[str, dict[str, Any] | str]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:
        raise InputError(str(path), f"not a readable Parquet file ({exc})") from None
    n = 0
    for batch in pf.iter_batches(batch_size=size):
        for row in batch.to_pylist():
            n += 1
            yield f"{path}:row {n}", row


def _jsonl_rows(path: Path, max_line_bytes: int) -> Iterator[tuple[str, dict[str, Any] | str]]:
    from ..ingest.tables import _lines

    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as raw, io.TextIOWrapper(raw, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(_lines(fh, max_line_bytes), 1):
                where = f"{path}:{n}"
                if line is None:
                    yield where, f"line longer than max_input_bytes ({max_line_bytes:,})"
                    continue
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield where, f"not JSON ({exc.msg} at column {exc.colno})"
                    continue
                except RecursionError:
                    yield where, "not JSON (nested too deeply)"
                    continue
                yield (where, row) if isinstance(row, dict) else (where, "not a JSON object")
    except (OSError, EOFError) as exc:  # a cut or corrupt gzip file: what was read is kept
        yield str(path), f"stopped reading: {exc}"


def outputs_of(articles: Sequence[Article], results: Sequence[ArticleResult]) -> dict[str, list[Record]]:
    """Records by kind from one batch: the articles (with stage-set fields applied) and every item found.

    ``articles`` should be copies taken before the stages ran: a stage's undeclared changes to an article are not
    kept (as in a store, where only the fields a stage declares in ``produces`` are written).
    """
    by_id = {a.id: a for a in articles}
    out: dict[str, list[Record]] = {kind: [] for kind in KINDS}
    for res in results:
        article = by_id[res.article_id]
        apply_fields(article, res)
        out[ARTICLE_KIND].append(article)
        for o in res.outputs:
            for it in o.items:
                out.setdefault(it.KIND, []).append(it)
    return out


class _Writers:
    """One Parquet file per kind under ``out/KIND/``, written batch by batch."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts: dict[str, int] = {}

    def write(self, kind: str, records: Sequence[Record]) -> None:
        self._write(kind, table_of(kind, records) if records else None)

    def write_failures(self, rows: Sequence[tuple[str | None, str, str]]) -> None:
        import pyarrow as pa

        if rows:
            cols = list(zip(*rows, strict=True))
            self._write("failures", pa.table([pa.array(c, pa.string()) for c in cols], schema=FAILURE_SCHEMA))

    def _write(self, kind: str, table: Any) -> None:
        import pyarrow.parquet as pq

        writer = self.writers.get(kind)
        if writer is None:
            folder = self.out / kind
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            schema = FAILURE_SCHEMA if kind == "failures" else arrow_schema(kind)
            writer = self.writers[kind] = pq.ParquetWriter(folder / PART, schema)
            self.counts.setdefault(kind, 0)
        if table is not None and table.num_rows:
            writer.write_table(table)
            self.counts[kind] += table.num_rows

    def close(self) -> None:
        for kind in (*KINDS, "failures"):
            if kind not in self.writers:
                self._write(kind, None)  # every dataset exists, even when empty
        for w in self.writers.values():
            w.close()


def run_files(
    input: str | Path,
    output: str | Path,
    *,
    engine: Any,
    specs: Sequence[ComponentSpec],
    resources: Resources,
    batch_size: int = 64,
    progress: Any = None,
    mapping: Mapping[str, str] | None = None,
) -> FilesReport:
    """Run ``specs`` with a local-style ``engine`` (one with ``map``) over ``input``, writing datasets to ``output``."""
    t0 = time.perf_counter()
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    report = FilesReport(engine=getattr(engine, "name", ""), stages=[s.name for s in specs], output=str(out))
    total = count_rows(input) if progress is not None else 0
    writers = _Writers(out)
    held: list[list[Article]] = []  # the articles of batches in flight, matched to results in order
    failed_input: list[tuple[str | None, str, str]] = []

    def batches() -> Iterator[tuple[list[Article], dict[str, dict[str, list[Item]]]]]:
        limit = int(resources.settings.max_input_bytes)
        for articles, bad in iter_input(input, batch_size=batch_size, mapping=mapping, max_line_bytes=limit):
            failed_input.extend((None, "input", f"{where}: {reason}") for where, reason in bad)
            if articles:
                # stages may mutate the articles they run on; only declared fields (via results) reach the output
                held.append([copy.copy(a) for a in articles])
                yield articles, {}

    try:
        for results in engine.map(batches(), specs, resources, {}):
            articles = held.pop(0)
            failures: list[tuple[str | None, str, str]] = []
            for res in results:
                for o in res.outputs:
                    report.stage_seconds[o.stage] = report.stage_seconds.get(o.stage, 0.0) + o.seconds
                    if o.error is not None:
                        failures.append((res.article_id, o.stage, o.error))
            for kind, records in outputs_of(articles, results).items():
                writers.write(kind, records)
            failures = failed_input + failures
            failed_input.clear()
            writers.write_failures(failures)
            report.failed.extend(failures)
            report.articles += len(articles)
            if progress is not None:
                progress(report.articles, total)
        writers.write_failures(failed_input)
        report.failed.extend(failed_input)
    finally:
        writers.close()
    report.counts = {k: v for k, v in writers.counts.items()}
    report.seconds = time.perf_counter() - t0
    return report


def iter_kind(output: str | Path, kind: str) -> Iterable[dict[str, Any]]:
    """Rows of one output dataset (works on what either engine wrote)."""
    import pyarrow.dataset as ds

    folder = Path(output) / kind
    if not folder.exists():
        return []
    return ds.dataset(folder, format="parquet").to_table().to_pylist()


def process_files(
    input: str | Path,
    output: str | Path,
    *,
    engine: str = "local",
    stages: Sequence[str] | None = None,
    registry: Registry | None = None,
    settings: Settings | None = None,
    progress: Any = None,
    mapping: Mapping[str, str] | None = None,
    **engine_options: Any,
) -> FilesReport:
    """Run the pipeline's stages over the articles of ``input`` on ``engine`` and write datasets to ``output``.

    ``engine`` names a registered engine (``local``, ``spark``); ``engine_options`` are options it declares
    (``workers=2``; ``master="local[2]"``), checked by :meth:`~newsprism.registry.Registry.engine`. ``mapping``
    names the column of each article field (``{"body": "content_original"}``) as for ingest. Every article leaves
    with a language: when no chosen stage produces ``article.language``, the language stage runs first (the
    registry's, else the built-in ``language.lingua.v1``) and is not reported among the stages. The library behind
    ``newsprism run`` and the Spark job.
    """
    from ..ingest.rows import resolve_mapping

    resolve_mapping([], mapping)  # an unknown field is a usage error before anything runs
    from ..pipeline import Pipeline

    pipeline = Pipeline(stages, registry=registry, settings=settings)
    eng = pipeline.registry.engine(engine, settings=pipeline.settings, **engine_options)
    specs = _with_language(pipeline.specs, pipeline.registry)
    size = max(1, int(pipeline.settings.batch_size))
    own = getattr(eng, "run_files", None)
    if own is not None:
        report: FilesReport = own(
            input,
            output,
            specs=specs,
            resources=pipeline.resources,
            batch_size=size,
            progress=progress,
            mapping=dict(mapping or {}),
        )
    else:
        report = run_files(
            input,
            output,
            engine=eng,
            specs=specs,
            resources=pipeline.resources,
            batch_size=size,
            progress=progress,
            mapping=mapping,
        )
    chosen = pipeline.stage_names
    report.stages = chosen
    report.stage_seconds = {k: v for k, v in report.stage_seconds.items() if k in chosen}
    return report


def _with_language(specs: Sequence[ComponentSpec], registry: Registry) -> list[ComponentSpec]:
    """``specs``, after the stage producing ``article.language`` when none of them does."""
    if any(LANGUAGE_FIELD in s.produces for s in specs):
        return list(specs)
    from ..enrich.language import language_spec

    registered = [s for s in registry.all("stage") if s.default and LANGUAGE_FIELD in s.produces]
    return [registered[0] if registered else language_spec(), *specs]
