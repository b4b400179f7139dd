"""Exports: one file per record type (``articles``, ``outlets``, ``entities``, ... ``stories``) as JSONL, CSV or
Parquet.

Every field is documented in ``docs/schema.md``. Extracted items carry ``article_id, start, end``: character offsets
into the article's ``body``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import RECORD_TYPES

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["Exporter", "export", "export_rows"]

#: Record types in export order; extracted item kinds follow ``articles`` and ``outlets``; ``figures`` (derived:
#: every count normalised and reconciled per story, see ``newsprism.compare.reconcile``) comes last.
TABLES = ("articles", "outlets", *RECORD_TYPES, "stories", "figures")


def export_rows(store: Store, table: str, *, article_ids: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of one export table as plain dicts."""
    if table == "articles":
        for a in store.iter_articles(ids=article_ids):
            row = a.to_dict()
            row["duplicates"] = store.duplicates_of(a.id)
            yield row
    elif table == "outlets":
        from ..outlets.labels import outlet_view

        counts = store.outlet_article_counts()
        # outlets that articles refer to first, the most covered first; then the rest (rated, labelled) by id
        for o in sorted(store.iter_outlets(), key=lambda o: (-counts.get(o.id, 0), o.id)):
            yield {**outlet_view(o), "articles": counts.get(o.id, 0)}
    elif table == "stories":
        from ..compare.story import story_axes
        from ..outlets.groups import load_groups

        groups = load_groups()
        for s in store.iter_stories():
            sides, best = story_axes(store, s, groups=groups)
            yield {**s.to_dict(), "default_axis": best, "sides": sides}
    elif table == "figures":
        from ..compare.story_figures import figure_rows

        yield from figure_rows(store)
    elif table in RECORD_TYPES:
        for it in store.iter_items(table, article_ids=article_ids):
            yield it.to_dict()
    else:
        from ..errors import UnknownComponentError

        raise UnknownComponentError(table, "export table", TABLES)


class Exporter:
    def __init__(self, fmt: str) -> None:
        self.format = fmt

    def __call__(self, store: Store, out: Path, *, tables: Iterable[str] = TABLES) -> dict[str, int]:
        out.mkdir(parents=True, exist_ok=True)
        counts: dict[str, int] = {}
        for table in tables:
            rows = export_rows(store, table)
            path = out / f"{table}.{self.format}"
            counts[table] = _WRITERS[self.format](rows, path)
        return counts


def export(store: Store, out: str | Path, *, format: str = "jsonl", tables: Iterable[str] = TABLES) -> dict[str, int]:
    """Write every table of ``store`` to ``out``; returns the row count of each file."""
    return Exporter(format)(store, Path(out), tables=tables)


def _write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> int:
    n = 0
    tmp = path.with_suffix(path.suffix + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def _flat(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(rows: Iterable[dict[str, Any]], path: Path) -> int:
    rows = list(rows)
    fields: list[str] = []
    for r in rows:
        for k in r:
            if k not in fields:
                fields.append(k)
    tmp = path.with_suffix(path.suffix + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow({k: _flat(v) for k, v in r.items()})
    tmp.replace(path)
    return len(rows)


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(rows)
    fields: list[str] = []
    for r in rows:
        for k in r:
            if k not in fields:
                fields.append(k)
    # nested values are kept as JSON text so every file has a flat, stable schema
    cols = {k: [_flat(r.get(k)) for r in rows] for k in fields}
    table = pa.table(cols) if rows else pa.table({})
    tmp = path.with_suffix(path.suffix + ".part")
    pq.write_table(table, tmp)
    tmp.replace(path)
    return len(rows)


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}
