"""What every loader receives and returns, and the checks every input passes first (size, binary, encoding)."""

from __future__ import annotations

import codecs
import gzip
import io
import re
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from ..config import Settings
from ..errors import EmptyInputError, InputError, UnsupportedInputError
from ..model import Article, PageLabel

__all__ = ["LoadResult", "Loader", "RawInput", "decode_text", "looks_binary", "split_authors"]


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
    #: A file too large to hold in memory that a streaming loader (JSONL, CSV) reads line by line; ``data`` then
    #: holds only its first bytes, for sniffing.
    stream_path: str | None = None
    #: The encoding the text was read in, and why it may not be what the author wrote (set by :func:`decode_text`).
    encoding: str | None = None
    decoding_warning: str | None = None

    def open_stream(self) -> IO[bytes]:
        """The whole input as a binary stream: the (gunzipped) file when it is streamed, else ``data``."""
        if self.stream_path is None:
            return io.BytesIO(self.data)
        fh: IO[bytes] = open(self.stream_path, "rb")  # noqa: SIM115 - the caller closes it
        if fh.read(2) == b"\x1f\x8b":
            fh.seek(0)
            return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
        fh.seek(0)
        return fh

    @property
    def suffix(self) -> str:
        name = (self.name or self.location).lower().split("?", 1)[0]
        for ext in (".jsonl.gz", ".json.gz", ".csv.gz", ".html.gz", ".htm.gz", ".txt.gz", ".xml.gz"):
            if name.endswith(ext):
                return ext
        dot = name.rfind(".")
        return name[dot:] if dot > name.rfind("/") else ""


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

    Sets ``raw.encoding`` to the encoding used and, when the bytes are not valid in it (or a declared charset did
    not fit), ``raw.decoding_warning`` saying so: invalid bytes are replaced with U+FFFD and the text is kept, never
    silently guessed into another encoding. Raises :class:`EmptyInputError` for empty or blank input and
    :class:`UnsupportedInputError` for binary data.
    """
    data = raw.data
    if not data.strip():
        raise EmptyInputError(raw.location, "empty input: no text to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode_lenient(raw, data, enc)
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
    misfit: list[str] = []
    for enc in candidates:
        try:
            codecs.lookup(enc)
        except LookupError:
            misfit.append(f"declared charset {enc!r} is unknown")
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            misfit.append(f"bytes not valid in the declared charset {enc}")
            continue
        if enc.lower().replace("_", "-") in {"utf-8", "utf8"} or _plausible(text):
            raw.encoding = enc
            return text
        misfit.append(f"the declared charset {enc} gives implausible text")
    try:
        text = data.decode("utf-8")
        raw.encoding = "utf-8"
        if misfit:
            raw.decoding_warning = f"{misfit[0]}; read as utf-8"
        return text
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # UTF-8 with a few broken bytes: kept as UTF-8, never re-guessed into mojibake
        return _decode_lenient(raw, data, "utf-8", note="; ".join(misfit))
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise UnsupportedInputError(raw.location, "cannot tell the text encoding")
    why = "; ".join([*misfit, f"not valid UTF-8, encoding detected as {best.encoding}"])
    return _decode_lenient(raw, data, str(best.encoding), note=why)


def _decode_lenient(raw: RawInput, data: bytes, enc: str, *, note: str = "") -> str:
    """``data`` decoded in ``enc``, invalid bytes replaced; ``raw`` records the encoding and what was replaced."""
    text = data.decode(enc, errors="replace")
    raw.encoding = enc
    notes = [note] if note else []
    bad = text.count("\ufffd") - _replacements_in_valid(data, enc)
    if bad > 0:
        notes.append(f"{bad:,} invalid byte sequence(s) in {enc} replaced with U+FFFD")
    raw.decoding_warning = "; ".join(notes) or None
    return text


def _replacements_in_valid(data: bytes, enc: str) -> int:
    """U+FFFD characters the text itself holds (written by its author), not made by decoding."""
    marker = "\ufffd".encode(enc, errors="ignore") if not enc.lower().startswith("utf-16") else b""
    return data.count(marker) if marker else 0


def _mostly_utf8(data: bytes) -> bool:
    """True when ``data`` is UTF-8 apart from a few broken bytes (valid multi-byte characters outnumber them)."""
    text = data[:2_000_000].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return valid > 0 and bad <= max(2, valid // 4) and bad <= len(text) // 50 + 2


def _plausible(text: str) -> bool:
    """A declared charset that decodes without error may still be wrong (cp1251 declared as latin-1)."""
    sample = text[:5000]
    if not sample:
        return True
    odd = sum(1 for ch in sample if 0x80 <= ord(ch) < 0xA0)
    return odd / len(sample) < 0.01


_CAP = "[A-ZА-ЯЁÀ-Ý]"
_AUTHOR_SPLIT = re.compile(
    rf"\s*(?:;|\||\band\b|\bи\b|&|\n)\s*|\s*,\s*(?=(?:{_CAP}[\w.'-]*\s+){{1,3}}{_CAP}[\w.'-]+\s*(?:,|$|\band\b|\bи\b))"
)
_NOT_NAME_WORDS = frozenset(
    [
        "published",
        "updated",
        "posted",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "september",
        "october",
        "november",
        "december",
        "staff",
    ]
)
_BYLINE = re.compile(r"^(?:by|von|par|por|автор[ы]?:?)\s+", re.I)


def split_authors(text: str | None) -> list[str]:
    """A byline string as a list of names: "By Jane Roe and John Doe" -> ["Jane Roe", "John Doe"].

    Splits on ``;``, ``|``, "and", "&" and on commas between full names; a comma inside one name
    ("Roe, Jane") is kept when what follows is a single word.
    """
    if not text:
        return []
    text = _BYLINE.sub("", " ".join(text.split()))
    out: list[str] = []
    for part in _AUTHOR_SPLIT.split(text):
        words = _BYLINE.sub("", part.strip(" ,.;")).split()
        while words and words[-1].strip(",.:").lower() in _NOT_NAME_WORDS:  # "Jane Roe Published", "... Monday"
            words.pop()
        name = " ".join(words).strip(" ,;:")
        if name and len(name) <= 80 and name not in out and name.lower() not in _NOT_NAME_WORDS:
            out.append(name)
    return out


def detect_encoding(data: bytes, *, location: str = "<input>") -> str:
    """The encoding of the first bytes of a streamed input: BOM, then UTF-8, then detection.

    Raises :class:`EmptyInputError` for blank data and :class:`UnsupportedInputError` for binary data.
    """
    if not data.strip():
        raise EmptyInputError(location, "empty input: no text to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    if looks_binary(data):
        raise UnsupportedInputError(location, "binary data, not text, HTML, a feed or a table")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 4:  # a character cut at the end of the sample
            return "utf-8"
    if _mostly_utf8(data):  # a few broken bytes: read as UTF-8, each bad line is said to be so
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnsupportedInputError(location, "cannot tell the text encoding")
    return str(best.encoding)


def normalize_date(
    value: Any, *, languages: tuple[str, ...] | None = None, day_first: bool = False, fuzzy: bool = True
) -> str | None:
    """A date or datetime in any common form as ISO 8601 (``2022-01-12`` or ``2022-01-12T10:30:00+06:00``).

    ISO strings, RFC 2822 (``Wed, 12 Jan 2022 10:30:00 +0600``) and epoch seconds are read directly; anything else
    goes to dateparser (``languages`` narrows it, ``day_first`` reads 03.04.2022 as 3 April) unless ``fuzzy`` is
    False. None when unreadable.
    """
    from datetime import UTC, datetime
    from email.utils import parsedate_to_datetime

    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 < value < 1e11:
            return datetime.fromtimestamp(float(value), UTC).isoformat(timespec="seconds")
        if 1e11 <= value < 1e14:  # milliseconds
            return datetime.fromtimestamp(float(value) / 1000, UTC).isoformat(timespec="seconds")
        return None
    text = " ".join(str(value).split())
    if not text or len(text) > 100:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if not fuzzy:
        return None
    import dateparser

    settings = {"DATE_ORDER": "DMY" if day_first else "MDY", "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed = dateparser.parse(text, languages=list(languages) if languages else None, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    if parsed.hour == parsed.minute == parsed.second == 0 and parsed.tzinfo is None and not re.search(r"\d:\d", text):
        return parsed.date().isoformat()
    return parsed.isoformat()


_CP1252_SPECIALS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_RUN = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_SPECIALS}]+")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 once or twice ("Ã¢â‚¬â„¢08" -> "’08"), leaving real accents alone.

    Each run that starts like a UTF-8 lead byte seen through cp1252 is re-encoded; the repair is kept only when
    the bytes are valid UTF-8, so "São" or "größe" are never touched.
    """

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        for enc in ("cp1252", "latin-1"):
            try:
                return run.encode(enc).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        return run

    for _ in range(3):
        fixed = _MOJIBAKE_RUN.sub(fix, text)
        if fixed == text:
            break
        text = fixed
    return text
