"""Turn what the user names (files, folders, URLs, ``-`` for stdin) into :class:`RawInput` documents, with limits.

Only the URLs the user names are fetched; links inside articles are never followed here.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..config import Settings
from ..errors import EmptyInputError, FetchError, InputError, UnsupportedInputError
from .base import RawInput

__all__ = ["fetch_url", "is_url", "iter_inputs", "read_file"]

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
#: Exports of many articles that loaders read line by line, so they may be larger than ``max_input_bytes``.
_STREAMABLE = (".jsonl", ".ndjson", ".csv", ".tsv")
_SNIFF_BYTES = 65536


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def iter_inputs(sources: Iterable[str | Path], settings: Settings) -> Iterator[RawInput | InputError]:
    """Yield each input as bytes, or the error that stopped it from being read (the batch goes on)."""
    for src in sources:
        text = str(src)
        if text == "-":
            data = sys.stdin.buffer.read(int(settings.max_input_bytes) + 1)
            if len(data) > settings.max_input_bytes:
                yield UnsupportedInputError("<stdin>", f"larger than max_input_bytes ({settings.max_input_bytes})")
            else:
                yield RawInput("<stdin>", data, origin="stdin", name="stdin")
            continue
        if is_url(text):
            try:
                yield fetch_url(text, settings)
            except InputError as exc:
                yield exc
            continue
        path = Path(text).expanduser()
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield EmptyInputError(text, "folder holds no files")
            for p in files:
                if p.name in _SKIP_NAMES:
                    continue
                try:
                    yield read_file(p, settings)
                except InputError as exc:
                    yield exc
            continue
        try:
            yield read_file(path, settings)
        except InputError as exc:
            yield exc


def read_file(path: Path, settings: Settings) -> RawInput:
    loc = str(path)
    if not path.exists():
        raise InputError(loc, "no such file or folder")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(loc, f"cannot read: {exc.strerror or exc}") from exc
    limit = int(settings.max_input_bytes)
    if size > limit and _streamable(path.name):
        return _stream_input(path)
    if size > limit:
        raise UnsupportedInputError(loc, f"file is {size:,} bytes, over max_input_bytes ({limit:,}); split it")
    if size == 0:
        raise EmptyInputError(loc, "empty file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(loc, f"cannot read: {exc.strerror or exc}") from exc
    name = path.name
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data, limit)
        except _TooLarge:
            if _streamable(name):
                return _stream_input(path)
            raise UnsupportedInputError(
                loc, f"uncompressed size is over max_input_bytes ({limit:,}); the gzip file itself may be fine"
            ) from None
        except (OSError, EOFError, zlib.error) as exc:
            raise UnsupportedInputError(loc, f"broken gzip file: {exc}") from exc
        name = name[:-3] if name.lower().endswith(".gz") else name
    return RawInput(loc, data, origin="file", name=name)


def _streamable(name: str) -> bool:
    name = name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    return name.endswith(_STREAMABLE)


def _stream_input(path: Path) -> RawInput:
    """A large JSONL/CSV export: only its first bytes are read now; the loader streams the rest from the file."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    raw = RawInput(str(path), b"", origin="file", name=name, stream_path=str(path))
    try:
        with raw.open_stream() as fh:
            head = fh.read(_SNIFF_BYTES)
    except (OSError, EOFError) as exc:
        raise UnsupportedInputError(str(path), f"broken gzip file: {exc}") from exc
    if not head.strip():
        raise EmptyInputError(str(path), "empty file")
    cut = head.rfind(b"\n")
    raw.data = head[: cut + 1] if cut > 0 else head
    return raw


class _TooLarge(Exception):
    """A gzip file that holds more than the size limit (not a broken one)."""


def _gunzip(data: bytes, limit: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        out = fh.read(limit + 1)
    if len(out) > limit:
        raise _TooLarge
    return out


def fetch_url(url: str, settings: Settings) -> RawInput:
    """GET one URL with a timeout and a size limit; no cookies kept, redirects followed (at most 5)."""
    import httpx

    limit = int(settings.fetch_max_bytes)
    headers = {"User-Agent": str(settings.user_agent), "Accept": "*/*"}
    try:
        with (
            httpx.Client(
                timeout=float(settings.fetch_timeout), follow_redirects=True, max_redirects=5, headers=headers
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise FetchError(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(url, f"response is {int(declared):,} bytes, over fetch_max_bytes ({limit:,})")
            chunks: list[bytes] = []
            total = 0
            for chunk in resp.iter_bytes():
                total += len(chunk)
                if total > limit:
                    raise FetchError(url, f"response over fetch_max_bytes ({limit:,})")
                chunks.append(chunk)
            return RawInput(
                url,
                b"".join(chunks),
                origin="url",
                content_type=resp.headers.get("content-type"),
                url=str(resp.url),
                fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                name=str(resp.url.path).rsplit("/", 1)[-1],
            )
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {settings.fetch_timeout} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"cannot fetch: {type(exc).__name__}: {exc}") from None
