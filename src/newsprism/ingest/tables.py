"""JSON Lines and CSV exports of many articles, one per line or row, with a column mapping.

Columns map to article fields by common names (``text``/``content``/``body``/``content_original`` → body,
``headline``/``title`` → title, ...) or by the ``mapping`` option (``{"body": "content_original"}``; CLI
``--map body=content_original``). Columns not mapped are kept in ``article.meta``. Files are read line by line;
a bad line is reported as ``FILE:LINE: reason`` and the rest is read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from ..config import Settings
from ..errors import InputError, UnsupportedInputError
from ..model import Article, Provenance
from .base import LoadResult, RawInput, detect_encoding, looks_binary
from .rows import FIELD_ALIASES, resolve_mapping, row_to_article

__all__ = ["FIELD_ALIASES", "CSVLoader", "JSONLLoader", "resolve_mapping", "row_to_article"]


class _TableLoader:
    name = ""
    kind = ""

    def load(self, raw: RawInput, settings: Settings, **options: Any) -> LoadResult:
        """Read every row. Options: ``mapping`` (field → column), ``day_first`` (read 03.04.2022 as 3 April)."""
        result = LoadResult()
        rows = self.iter_rows(raw, settings, mapping=options.get("mapping"), day_first=bool(options.get("day_first")))
        for item in rows:
            if isinstance(item, InputError):
                result.errors.append(item)
            else:
                result.articles.append(item)
        result.meta["kind"] = self.kind
        return result

    def stream(self, raw: RawInput, settings: Settings, **options: Any) -> Iterator[Article | InputError]:
        """Rows one at a time (what ingest uses, so memory stays flat however long the file)."""
        return self.iter_rows(raw, settings, mapping=options.get("mapping"), day_first=bool(options.get("day_first")))

    def iter_rows(
        self,
        raw: RawInput,
        settings: Settings,
        *,
        mapping: Mapping[str, str] | None = None,
        day_first: bool = False,
    ) -> Iterator[Article | InputError]:
        """Each row as an Article, or the InputError (``FILE:LINE``) that stopped it; streams large files."""
        encoding = detect_encoding(raw.data, location=raw.location)
        with raw.open_stream() as binary:
            if self.kind == "jsonl" and not encoding.lower().startswith("utf-16") and "32" not in encoding:
                text: IO[str] = _CheckedLines(binary, encoding)  # type: ignore[assignment]
            else:
                text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
            yield from self._rows(raw, text, settings, mapping, day_first)

    def _rows(
        self,
        raw: RawInput,
        text: IO[str],
        settings: Settings,
        mapping: Mapping[str, str] | None,
        day_first: bool,
    ) -> Iterator[Article | InputError]:
        raise NotImplementedError

    def _article(
        self, raw: RawInput, row: Mapping[str, Any], fields: Mapping[str, str], line_no: int, day_first: bool
    ) -> Article:
        article = row_to_article(row, fields, where=f"{raw.location}:{line_no}", day_first=day_first)
        article.source = Provenance(kind=self.kind, location=raw.location, part=f"line {line_no}", loader=self.name)
        return article


class JSONLLoader(_TableLoader):
    """JSON Lines: one JSON object per line."""

    name = "loader.jsonl.v1"
    kind = "jsonl"

    def sniff(self, raw: RawInput) -> float:
        if not raw.data.strip() or looks_binary(raw.data):
            return 0.0
        if raw.suffix in {".jsonl", ".ndjson", ".jsonl.gz"}:
            return 0.95
        first = raw.data.lstrip()[:1]
        if first != b"{":
            return 0.0
        line = raw.data.lstrip().split(b"\n", 1)[0]
        try:
            return 0.9 if isinstance(json.loads(line), dict) else 0.0
        except (ValueError, RecursionError):
            return 0.3

    def _rows(
        self,
        raw: RawInput,
        text: IO[str],
        settings: Settings,
        mapping: Mapping[str, str] | None,
        day_first: bool,
    ) -> Iterator[Article | InputError]:
        limit = int(settings.max_input_bytes)
        by_columns: dict[tuple[str, ...], dict[str, str]] = {}  # lines of one export may differ in their columns
        for line_no, line in enumerate(_lines(text, limit), start=1):
            where = f"{raw.location}:{line_no}"
            if line is None:
                yield UnsupportedInputError(where, f"line longer than max_input_bytes ({limit:,})")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                yield InputError(where, f"not valid JSON: {exc}")
                continue
            except RecursionError:
                yield InputError(where, "not valid JSON: nested too deeply")
                continue
            if not isinstance(row, dict):
                yield InputError(where, f"a JSON {type(row).__name__}, not an object")
                continue
            columns = tuple(row)
            fields = by_columns.get(columns)
            if fields is None:
                if by_columns:
                    fields = resolve_mapping(list(columns), mapping)
                    if fields.get("body") not in row:
                        yield InputError(where, f"no column holds the article text (columns: {', '.join(columns)})")
                        continue
                else:
                    fields = _first_fields(raw, list(columns), mapping)
                if len(by_columns) < 1000:
                    by_columns[columns] = fields
            try:
                article = self._article(raw, row, fields, line_no, day_first)
                warning = getattr(text, "warning", None)
                if warning:  # kept, with what was done to read it
                    article.meta["decoding"] = {"encoding": getattr(text, "encoding", None), "warning": warning}
                yield article
            except InputError as exc:
                yield exc


class CSVLoader(_TableLoader):
    """CSV or TSV with a header row."""

    name = "loader.csv.v1"
    kind = "csv"

    def sniff(self, raw: RawInput) -> float:
        if not raw.data.strip() or looks_binary(raw.data):
            return 0.0
        if raw.suffix in {".csv", ".tsv", ".csv.gz"}:
            return 0.9
        head = raw.data[:4096].decode("utf-8", "replace")
        first = head.split("\n", 1)[0].lower()
        if first.lstrip().startswith(("<", "{", "[")):
            return 0.0
        names = {c.strip(' "') for c in first.replace("\t", ",").replace(";", ",").split(",")}
        known = {a for aliases in FIELD_ALIASES.values() for a in aliases}
        return 0.6 if len(names & known) >= 2 and "body" in _guess(names) else 0.0

    def _rows(
        self,
        raw: RawInput,
        text: IO[str],
        settings: Settings,
        mapping: Mapping[str, str] | None,
        day_first: bool,
    ) -> Iterator[Article | InputError]:
        limit = int(settings.max_article_chars)
        if csv.field_size_limit() < limit:
            csv.field_size_limit(limit)
        sample = raw.data[:65536].decode("utf-8", "replace")
        delimiter = "\t" if raw.suffix in {".tsv", ".tsv.gz"} else _delimiter(sample)
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UnsupportedInputError(raw.location, f"not a readable CSV header: {exc}") from None
        header = [h.strip().lstrip("\ufeff") for h in header]
        fields = _first_fields(raw, header, mapping)
        line_no = reader.line_num + 1
        while True:
            start = line_no
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line_no = reader.line_num + 1
                yield InputError(f"{raw.location}:{start}", f"not a readable CSV row: {exc}")
                continue
            line_no = reader.line_num + 1
            if not any(v.strip() for v in values):
                continue
            where = f"{raw.location}:{start}"
            if len(values) != len(header):
                yield InputError(where, f"row has {len(values)} fields, the header has {len(header)}")
                continue
            try:
                yield self._article(raw, dict(zip(header, values, strict=True)), fields, start, day_first)
            except InputError as exc:
                yield exc


class _CheckedLines:
    """Lines of a binary stream decoded one by one: a line that is not valid in ``encoding`` is kept with its bad
    bytes replaced and ``warning`` saying so (for that line only)."""

    def __init__(self, binary: IO[bytes], encoding: str) -> None:
        self.binary = binary
        self.encoding = encoding
        self.warning: str | None = None

    def readline(self, size: int = -1) -> str:
        line = self.binary.readline(size)
        try:
            self.warning = None
            return line.decode(self.encoding)
        except UnicodeDecodeError:
            text = line.decode(self.encoding, errors="replace")
            bad = text.count("\ufffd") - line.count("\ufffd".encode(self.encoding, errors="ignore") or b"\x00")
            self.warning = f"{max(1, bad):,} invalid byte sequence(s) in {self.encoding} replaced with U+FFFD"
            return text


def _first_fields(raw: RawInput, columns: list[str], mapping: Mapping[str, str] | None) -> dict[str, str]:
    fields = resolve_mapping(columns, mapping)
    if "body" not in fields or (mapping and "body" in mapping and fields["body"] not in columns):
        cols = ", ".join(columns[:20])
        raise UnsupportedInputError(
            raw.location, f"no column holds the article text (columns: {cols}); name it with --map body=COLUMN"
        )
    return fields


def _guess(names: set[str]) -> dict[str, str]:
    return resolve_mapping(sorted(names))


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample.split("\n", 20)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _lines(text: IO[str], limit: int) -> Iterator[str | None]:
    """Lines of a stream; None for a line longer than ``limit`` characters (it is skipped, not held in memory)."""
    while True:
        line = text.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith("\n"):
            while True:  # drop the rest of the over-long line
                more = text.readline(limit + 1)
                if not more or more.endswith("\n"):
                    break
            yield None
            continue
        yield line
