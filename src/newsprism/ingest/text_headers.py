"""What one line of a pasted page is: page chrome, a header field, a date, a URL, an outlet, a byline, a note.

The word lists and patterns live in ``resources/text_page.yaml`` (documented there); :class:`PageLexicon` compiles
them once per loader. :class:`LineReader` answers questions about single lines; the segmenter in
:mod:`newsprism.ingest.text` puts the answers together.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["LineReader", "Note", "PageLexicon", "load_lexicon"]

_URL = re.compile(r"^(?:<)?(?P<url>(?:https?://|www\.)[^\s<>\"]+?)(?:>)?[.,;]?$", re.I)
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WORD = re.compile(r"[^\W\d_]+", re.U)
_BULLET = re.compile(r"^\s*(?:[•·▪◦●‣*]|-(?=\s)|–(?=\s))\s*")
_NUMBERED = re.compile(r"^\s*(?:#?\d{1,2}[.)]|\(\d{1,2}\))\s+(?=\S)")
_FOOTNOTE = re.compile(r"^\s*(?P<mark>\[\d{1,3}\]|\[[a-z*†‡]\]|\^\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?P<text>\S.*)$")


_DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<month>[^\W\d_]{3,}\.?),?\s+(?P<year>\d{4})\b"
)
_MONTH_DAY_YEAR = re.compile(r"\b(?P<month>[^\W\d_]{3,}\.?)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")
_NUMERIC = re.compile(r"^(?:\D*\s)?(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")


_CHROME_MAX_CHARS = 300  # no chrome line is longer (the longest pattern allows about 250 characters)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _flex(phrase: str) -> str:
    """A lexicon phrase as a regex: spaces and hyphens interchangeable, a final ``*`` a stem."""
    stem = phrase.endswith("*")
    words = phrase.rstrip("*").split()
    parts = [re.escape(w).replace(r"\-", r"[\s\-]+") for w in words]
    body = r"[\s\-]+".join(parts)
    return r"(?<![\w])" + body + (r"\w*" if stem else r"(?![\w])")


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", re.I)


@dataclass(slots=True)
class Note:
    """A curator's note about an outlet and the labels it gives: ``(field, value, phrase)``."""

    outlet: str
    text: str
    labels: list[tuple[str, str, str]]


@dataclass(slots=True)
class PageLexicon:
    """The compiled contents of ``text_page.yaml``."""

    chrome: re.Pattern[str]
    doc_start: re.Pattern[str]
    doc_end: re.Pattern[str]
    body_marker: re.Pattern[str]
    bio_marker: re.Pattern[str]
    bio_verbs: re.Pattern[str]
    field_names: dict[str, str]
    field_line: re.Pattern[str]
    byline: re.Pattern[str]
    author_suffixes: list[re.Pattern[str]]
    date_prefix: re.Pattern[str]
    month_words: frozenset[str]
    month_numbers: dict[str, int]
    weekday_words: frozenset[str]
    word_count: re.Pattern[str]
    outlet_words: frozenset[str]
    name_particles: frozenset[str]
    name_stopwords: frozenset[str]
    author_roles: frozenset[str]
    note_prefix: re.Pattern[str]
    note_noun: re.Pattern[str]
    note_noun_words: tuple[str, ...]
    note_stopwords: frozenset[str]
    note_patterns: list[re.Pattern[str]]
    labels: list[tuple[str, str, str, re.Pattern[str]]]
    labels_in_file_order: list[tuple[str, str, str, re.Pattern[str]]]
    date_languages: list[str] = field(default_factory=list)


def load_lexicon(path: str | Path | None = None) -> PageLexicon:
    """Read and compile the page lexicon (the packaged ``text_page.yaml`` unless ``path`` is given)."""
    if path is None:
        text = importlib_resources.files("newsprism.ingest").joinpath("resources/text_page.yaml").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    fields = {str(label).casefold(): str(name) for name, labels in data["fields"].items() for label in labels}
    labels_sorted = sorted(fields, key=len, reverse=True)
    label_rx = "|".join(re.escape(lab).replace(r"\ ", r"[\s\-]+") for lab in labels_sorted)
    phrases: list[tuple[str, str, str, re.Pattern[str]]] = []
    for fname, values in data["labels"].items():
        for value, words in values.items():
            for phrase in words:
                phrases.append((str(fname), str(value), str(phrase), re.compile(_flex(str(phrase)), re.I)))
    in_order = list(phrases)
    phrases.sort(key=lambda t: -len(t[2].rstrip("*")))
    prefixes = sorted((str(p) for p in data["byline_prefixes"]), key=len, reverse=True)
    return PageLexicon(
        chrome=_alternation([str(p) for p in data["chrome_lines"]]),
        doc_start=_alternation([str(p) for p in data["separators"]["start"]]),
        doc_end=_alternation([str(p) for p in data["separators"]["end"]]),
        body_marker=_alternation([str(p) for p in data["body_markers"]]),
        bio_marker=_alternation([str(p) for p in data["bio_markers"]]),
        bio_verbs=re.compile("|".join(_flex(str(v)) for v in data["bio_verbs"]), re.I),
        field_names=fields,
        field_line=re.compile(rf"^(?P<label>{label_rx})\s*:\s*(?P<value>\S.*)$", re.I),
        byline=re.compile(
            r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*[:\-–—]?\s+(?P<value>\S.*)$", re.I
        ),
        author_suffixes=[re.compile(str(p), re.I) for p in data["author_suffixes"]],
        date_prefix=re.compile(
            r"^(?:" + "|".join(re.escape(str(p)) for p in data["date_prefixes"]) + r")\b\s*:?\s*", re.I
        ),
        month_words=frozenset(str(w).casefold() for words in data["months"].values() for w in words),
        month_numbers={str(w).casefold(): int(n) for n, words in data["months"].items() for w in words},
        weekday_words=frozenset(str(w).casefold() for w in data["weekday_words"]),
        word_count=re.compile(r"^(?:" + str(data["word_count"]) + r")$", re.I),
        outlet_words=frozenset(str(w).casefold() for w in data["outlet_words"]),
        name_particles=frozenset(str(w).casefold() for w in data["name_particles"]),
        name_stopwords=frozenset(str(w).casefold() for w in data["name_stopwords"]),
        author_roles=frozenset(str(w).casefold() for w in data["author_roles"]),
        note_prefix=re.compile(r"^(?:" + "|".join(re.escape(str(p)) for p in data["note_prefixes"]) + r")\s*", re.I),
        note_noun=re.compile("|".join(_flex(str(n)) for n in data["note_nouns"]), re.I),
        note_noun_words=tuple(" " + str(n).casefold() for n in data["note_nouns"]),
        note_stopwords=frozenset(str(w).casefold() for w in data["note_stopwords"]),
        note_patterns=[re.compile(str(p), re.I) for p in data["note_patterns"]],
        labels=phrases,
        labels_in_file_order=in_order,
        date_languages=[str(x) for x in data.get("date_languages", ["en"])],
    )


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters if c.lower() != c.upper())


def normalise(text: str) -> str:
    """For comparing texts: NFKC, plain quotes, single spaces, case-folded."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("«", '"')
    text = text.replace("»", '"')
    return " ".join(text.split()).casefold()


class LineReader:
    """Answers about single lines, with the dates it has parsed cached (one reader per loader)."""

    def __init__(self, lexicon: PageLexicon) -> None:
        self.lex = lexicon
        self._dates: dict[str, tuple[str, bool] | None] = {}

    # -- page furniture -------------------------------------------------------------------------------------
    def is_chrome(self, line: str) -> bool:
        s = line.strip()
        return len(s) <= _CHROME_MAX_CHARS and bool(self.lex.chrome.match(s))

    def doc_start(self, line: str) -> bool:
        return bool(self.lex.doc_start.match(line.strip()))

    def doc_end(self, line: str) -> re.Match[str] | None:
        return self.lex.doc_end.match(line.strip())

    def is_body_marker(self, line: str) -> bool:
        return bool(self.lex.body_marker.match(line.strip()))

    def is_bio_marker(self, line: str) -> bool:
        return bool(self.lex.bio_marker.match(line.strip()))

    # -- header fields --------------------------------------------------------------------------------------
    def field(self, line: str) -> tuple[str, str] | None:
        """``("authors", "Jane Doe")`` for a ``Label: value`` line with a known label."""
        m = self.lex.field_line.match(line.strip())
        if not m:
            return None
        label = " ".join(m.group("label").casefold().replace("-", " ").split())
        name = self.lex.field_names.get(label) or self.lex.field_names.get(m.group("label").casefold())
        if name is None:
            return None
        return name, m.group("value").strip()

    def byline(self, line: str) -> str | None:
        """The names of a ``By Jane Doe`` line (roles such as "Staff Writer" are left out)."""
        m = self.lex.byline.match(line.strip())
        if not m or len(m.group("value").split()) > 40:
            return None
        value = m.group("value").strip()
        return value if self.split_authors(value, lenient=True) else None

    def url(self, line: str) -> str | None:
        m = _URL.match(line.strip())
        if not m:
            return None
        url = m.group("url")
        return url if url.lower().startswith("http") else "https://" + url

    def word_count(self, line: str) -> int | None:
        s = line.strip()
        if not self.lex.word_count.match(s):
            return None
        digits = re.search(r"\d{1,3}(?:,\d{3})*", s)
        return int(digits.group(0).replace(",", "")) if digits else None

    # -- dates ----------------------------------------------------------------------------------------------
    def date(self, line: str) -> tuple[str, bool] | None:
        """``(iso_date, has_weekday)`` when the whole line is one date (with optional weekday and time)."""
        s = line.strip().strip("|·•-–— ")
        if s in self._dates:
            return self._dates[s]
        result = self._parse_date(s)
        self._dates[s] = result
        return result

    def _parse_date(self, s: str) -> tuple[str, bool] | None:
        if not s or len(s) > 60 or not any(c.isdigit() for c in s):
            return None
        iso = _ISO.match(s)
        if iso:
            try:
                return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))).isoformat(), False
            except ValueError:
                return None
        s = self.lex.date_prefix.sub("", s, count=1)
        words = [w.casefold().rstrip(".") for w in _WORD.findall(s)]
        months = [w for w in words if w in self.lex.month_words]
        weekday = any(w in self.lex.weekday_words for w in words)
        if not months and not _NUMERIC_DATE.search(s):
            return None
        if months and not _YEAR.search(s):
            return None
        allowed = self.lex.month_words | self.lex.weekday_words | {"г", "года", "год", "at", "am", "pm", "gmt"}
        allowed |= {"utc", "msk", "bst", "cet", "est", "edt", "pst", "th", "st", "nd", "rd", "of", "the", "в", "de"}
        if any(w not in allowed for w in words):
            return None
        quick = self._quick_date(s)
        if quick:
            return quick, weekday
        import dateparser

        parsed = dateparser.parse(
            s,
            languages=self.lex.date_languages,
            settings={
                "DATE_ORDER": "DMY",
                "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
        if not isinstance(parsed, datetime):
            return None
        return parsed.date().isoformat(), weekday

    def _quick_date(self, s: str) -> str | None:
        """The common layouts without dateparser: "11 January 2022", "January 11, 2022", "11.01.2022"."""
        m = _DAY_MONTH_YEAR.search(s) or _MONTH_DAY_YEAR.search(s)
        if m:
            month = self.lex.month_numbers.get(m.group("month").casefold().rstrip("."))
            if month is None:
                return None
            return _iso(int(m.group("year")), month, int(m.group("day")))
        m = _NUMERIC.search(s)
        if m:
            a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            year = year + 2000 if year < 100 else year
            return _iso(year, b, a) or _iso(year, a, b)  # day first; month first when day-first is impossible
        return None

    def find_date(self, line: str) -> str | None:
        """A date held by one part of a line ("Morning Brief — 10 January 2022")."""
        for part in re.split(r"\s+[—–|·•-]\s+|,\s+(?=\d)|:\s+", line):
            got = self.date(part)
            if got:
                return got[0]
        return None

    # -- names and outlets ----------------------------------------------------------------------------------
    def split_authors(self, text: str, *, lenient: bool = False) -> list[str]:
        """``"Jane Doe and John Roe"`` → two names; ``[]`` unless every part looks like a person's name.

        Parts that are roles are left out ("Jon Swartz, Senior Reporter" → ["Jon Swartz"]). ``lenient`` (for lines a
        byline prefix or label has marked as authors) also leaves out parts that are not names instead of
        rejecting the line.
        """
        text = text.strip()
        m = self.lex.byline.match(text)
        if m:
            text = m.group("value").strip()
        parts = re.split(r"\s*[,;]\s*(?:and\s+|&\s*|и\s+)?|\s+(?:and|&|и)\s+", text)
        names: list[str] = []
        for part in parts:
            name = part.strip()
            for rx in self.lex.author_suffixes:
                name = rx.sub("", name).strip()
            if not name:
                continue
            words = {w.casefold() for w in _WORD.findall(name)}
            if words & self.lex.author_roles:
                continue  # a role beside the name ("Staff Writer", "Special to CNN")
            if not self.is_person(name, allow_caps=True):
                if lenient:
                    continue
                return []
            if name not in names:
                names.append(name)
        return names

    def is_person(self, text: str, *, allow_caps: bool = False) -> bool:
        """Two to four capitalised words, no digits, no outlet words ("Giulia Sciorati", "Jean-Paul de la Roche")."""
        s = text.strip()
        if not s or len(s) > 60 or any(c.isdigit() for c in s) or s[-1] in ":;!?,":
            return False
        if not allow_caps and _is_upper(s):
            return False
        capitalised = 0
        for tok in s.split():
            bare = tok.strip('()"')
            if not bare:
                return False
            if re.fullmatch(r"(?:[^\W\d_]\.){1,3}", bare) and bare[0].isupper():  # initials: "A.", "C.J."
                capitalised += 1
                continue
            low = bare.casefold()
            if low.rstrip(".") in self.lex.outlet_words:
                return False
            if low in self.lex.name_particles and not bare[0].isupper():
                continue
            if low.rstrip(".") in self.lex.name_stopwords:
                return False
            if "." in bare and not re.fullmatch(r"(?:[^\W\d_]\.){1,3}|(?:Jr|Sr|St|Dr|Mr|Ms|Mrs)\.", bare):
                return False
            if bare[-2:] in ("'s", "’s") or not bare[0].isupper():
                return False
            if not all(ch.isalpha() or ch in "-'’." for ch in bare):
                return False
            capitalised += 1
        return 2 <= capitalised <= 4

    def outlet(self, line: str) -> str | None:
        """An outlet line: a short all-caps name ("THE SPECTATOR") or a name with an outlet word ("Reuters News")."""
        s = line.strip()
        if not s or len(s) > 60 or s[-1] in ".,;:!?" or self.url(s) or self.is_chrome(s):
            return None
        tokens = s.split()
        if len(tokens) > 7 or (not s[0].isupper() and not s[0].isdigit()):
            return None
        if _is_upper(s) and not any(ch.isdigit() for ch in s):
            return s
        words = {t.strip("()[],.'\"").casefold() for t in tokens}
        worded = (len(tokens) <= 5 and bool(words & self.lex.outlet_words)) or bool(re.search(r"\([A-Z][\w ]+\)$", s))
        small = {"of", "the", "and", "on", "for", "de", "la"}
        bare = [t.strip("()[],'\"") for t in tokens]
        if worded and all(t and (t[0].isupper() or t[0].isdigit() or t.casefold() in small) for t in bare):
            return s
        return None

    # -- body lines -----------------------------------------------------------------------------------------
    def is_title(self, line: str, *, allow_period: bool = False) -> bool:
        """Short, starts like a sentence, does not end like one (a question or exclamation may; a full stop only
        with ``allow_period``, for headlines such as "This Is Not a Recession. It's an Ice Age.")."""
        s = _NUMBERED.sub("", line.strip())
        if not s or len(s) > 220 or len(s.split()) > 30 or s[-1] in ",;:" or s.endswith("..."):
            return False
        if s[-1] == "." and (not allow_period or len(s.split()) > 20):
            return False
        if self.url(s) or self.is_chrome(s) or self.field(s) or self.is_bio_marker(s) or self.date(s):
            return False
        if _BULLET.match(line) or _FOOTNOTE.match(s):
            return False
        first = s[0]
        return (first.isalpha() and first.isupper()) or first.isdigit() or first in "\"'‘“«¿¡#"

    @staticmethod
    def strip_number(line: str) -> str:
        return _NUMBERED.sub("", line.strip())

    @staticmethod
    def bullet(line: str) -> str | None:
        """The text of a bullet line without its bullet."""
        m = _BULLET.match(line)
        return line[m.end() :].strip() if m and line[m.end() :].strip() else None

    @staticmethod
    def footnote(line: str) -> tuple[str, str] | None:
        m = _FOOTNOTE.match(line)
        return (m.group("mark"), m.group("text").strip()) if m else None

    # -- notes about outlets --------------------------------------------------------------------------------
    def note(self, line: str) -> Note | None:
        """A curator's note about an outlet ("THE SPECTATOR IS A UK RIGHT WING PUBLICATION").

        A note is an all-caps line, a line with a note prefix ("Note:"), or a short line that ends with an outlet
        noun ("Jacobin is a left wing magazine"); its subject must look like a name, not a pronoun or a phrase.
        """
        s = line.strip()
        if not s or len(s.split()) > 25:
            return None
        prefixed = self.lex.note_prefix.match(s)
        core = (s[prefixed.end() :].strip() if prefixed else s).rstrip(".! ")
        caps = _is_upper(core)
        if not (prefixed or caps):
            tail = core.casefold()
            ends_with_noun = any(tail.endswith(noun) for noun in self.lex.note_noun_words)
            if not ends_with_noun or len(core.split()) > 15:
                return None
        for rx in self.lex.note_patterns:
            m = rx.match(core)
            if not m:
                continue
            outlet = m.group("outlet").strip(" \"'“”«»")
            if not self._name_like(outlet):
                continue
            labels = self._labels(m.group("desc"))
            if labels:
                return Note(outlet=outlet, text=s, labels=labels)
        return None

    def _name_like(self, text: str) -> bool:
        """An outlet's name: up to six words, each capitalised (or a small joining word), no pronoun, no comma."""
        tokens = text.split()
        if not 1 <= len(tokens) <= 6 or any(ch in text for ch in ",;:()"):
            return False
        if tokens[0].casefold() in self.lex.note_stopwords:
            return False
        small = {"of", "the", "and", "on", "for", "de", "la", "und", "и"}
        return all(t[0].isupper() or t[0].isdigit() or t.casefold() in small for t in tokens)

    def _labels(self, desc: str) -> list[tuple[str, str, str]]:
        """Leftmost-longest phrase matches, one label per field ("far right wing" is far-right, not right)."""
        hits = [(m.start(), m.end(), f, v) for f, v, _p, rx in self.lex.labels for m in rx.finditer(desc)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        found: list[tuple[str, str, str]] = []
        taken_end = -1
        seen_fields: set[str] = set()
        for start, end, fname, value in hits:
            if start < taken_end:
                continue
            taken_end = end
            text = desc[start:end]
            if fname in seen_fields or (fname == "country" and text in {"us", "Us"}):
                continue  # one label per field; "us" in lower case is the pronoun, not the country
            seen_fields.add(fname)
            found.append((fname, value, text))
        order = list(dict.fromkeys(f for f, _v, _p, _rx in self.lex.labels_in_file_order))
        return sorted(found, key=lambda t: order.index(t[0]))
