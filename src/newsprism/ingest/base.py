"""What every loader receives and returns, and the checks every input passes first (size, binary, encoding)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..config import Settings
from ..errors import EmptyInputError, InputError, UnsupportedInputError
from ..model import Article, OutletLabel

__all__ = ["LoadResult", "Loader", "PageLabel", "RawInput", "decode_text", "looks_binary"]


@dataclass(slots=True)
class RawInput:
    """One input document as bytes, with where it came from."""

    location: str  # path, URL or "<stdin>"
    data: bytes
    origin: str = "file"  # file | url | stdin | inline
    content_type: str | None = None
    url: str | None = None  # the final URL when fetched
    fetched_at: str | None = None
    name: str = ""  # file name, for sniffing by extension

    @property
    def suffix(self) -> str:
        name = (self.name or self.location).lower().split("?", 1)[0]
        for ext in (".jsonl.gz", ".json.gz", ".csv.gz", ".html.gz", ".htm.gz", ".txt.gz", ".xml.gz"):
            if name.endswith(ext):
                return ext
        dot = name.rfind(".")
        return name[dot:] if dot > name.rfind("/") else ""


@dataclass(slots=True)
class PageLabel:
    """A statement about an outlet found in ingested text ("THE SPECTATOR IS A UK RIGHT WING PUBLICATION")."""

    outlet: str  # the outlet as named in the text
    label: OutletLabel
    article_index: int | None = None  # the article of the page it is about, when known


@dataclass(slots=True)
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    labels: list[PageLabel] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)  # parts that failed (a bad JSONL line, a feed entry)
    meta: dict[str, Any] = field(default_factory=dict)  # about the page as a whole (page date, kind...)


class Loader(Protocol):
    """A registered loader: ``sniff`` says how likely it reads an input (0..1), ``load`` reads it."""

    name: str

    def sniff(self, raw: RawInput) -> float: ...

    def load(self, raw: RawInput, settings: Settings, **options: Any) -> LoadResult: ...


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)["']""", re.I)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL bytes, control bytes, known magic)."""
    head = data[:8192]
    if not head:
        return False
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return False
    magic = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b", b"SQLite format")
    if head.startswith(magic):
        return True
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def decode_text(raw: RawInput, *, declared: str | None = None) -> str:
    """Decode bytes to text: BOM, then the declared charset (HTTP, XML or HTML meta), then UTF-8, then detection.

    Raises :class:`EmptyInputError` for empty or blank input and :class:`UnsupportedInputError` for binary data.
    """
    data = raw.data
    if not data.strip():
        raise EmptyInputError(raw.location, "empty input: no text to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if looks_binary(data):
        raise UnsupportedInputError(raw.location, "binary data, not text, HTML, a feed or a table")
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    if raw.content_type and "charset=" in raw.content_type.lower():
        candidates.append(raw.content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'"))
    for rx in (_XML_ENCODING, _META_CHARSET):
        m = rx.search(data[:4096])
        if m:
            candidates.append(m.group(1).decode("ascii", "ignore"))
    for enc in candidates:
        try:
            codecs.lookup(enc)
        except LookupError:
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc.lower().replace("_", "-") in {"utf-8", "utf8"} or _plausible(text):
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise UnsupportedInputError(raw.location, "cannot tell the text encoding")
    return data.decode(best.encoding, errors="replace")


def _plausible(text: str) -> bool:
    """A declared charset that decodes without error may still be wrong (cp1251 declared as latin-1)."""
    sample = text[:5000]
    if not sample:
        return True
    odd = sum(1 for ch in sample if 0x80 <= ord(ch) < 0xA0)
    return odd / len(sample) < 0.01
