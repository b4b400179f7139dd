"""Every count of a story normalised as a :class:`Figure`: what is counted (type, subject class, the thing), the
value as an interval, the date it holds for, who says so and how hedged; and sums of counts listed in one sentence.

A figure is derived from a :class:`~newsprism.model.Claim` (``figure_from_claim``); it is not stored, it is rebuilt
whenever a story is compared, so a better claims stage or an edited lexicon changes it at once. The rules:

* **type**: the claim's type; a count of type ``other`` is named by what it counts (``cities``, ``vehicles``,
  ``criminal cases``, else the counted noun itself), and ``destroyed``/``damage`` keep the thing in ``what``.
* **subject** (counts of people): ``civilians``, ``protesters`` (the non-state side, whatever name the claimant
  gives it), ``security_forces``, ``foreign_troops``, ``total`` or ``unspecified``; ``Claim.subject`` when the
  claims stage sets it, else read from the counted object and the words just before the number.
* **interval** ``[low, high]`` (``high`` None = no upper bound): ``at least``/``more than`` -> ``[n, None]``;
  ``about``/``some`` -> ``[0.9n, 1.1n]``; ``nearly`` -> ``[0.9n, n]``; ``up to`` -> ``[0, n]``; a stated range as
  stated; ``hundreds``/``dozens``/``thousands`` -> the claims stage's wide interval, marked ``vague``.
* **as of**: a date stated in ``Claim.when`` (``10 January``, ``2022-01-10``, ``on Tuesday``, ``yesterday``, read
  against the publication date), else an ``as of``/relative day word in the figure's sentence, else the
  publication date.
* **claimant**: the claimant the claims stage found, classed as ``official``, ``international``, ``ngo``,
  ``outlet`` or ``other``; with none, the article itself (kind ``article``, named by its outlet).
* **partitive**: ``19 of Kazakhstan's 31 cities`` and ``15 of these cities`` count a part of a whole; they are
  listed but never compared with other counts.
* **sums**: two or more counts of one type in one sentence joined by ``and``/``и``/``et`` ... (``26 armed
  criminals and 18 security officers were killed``) give a derived figure (44, ``parts`` naming them), unless the
  sentence states the total itself (``44 people, including ...``).

Lexicons live in ``resources/figures.yaml`` (source and licence in its header).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources as ilr
from typing import Any

import yaml

from ..model import Claim

__all__ = [
    "KIND_COLOURS",
    "PEOPLE_TYPES",
    "SUBJECTS",
    "Figure",
    "FigureLexicon",
    "add_sums",
    "claimant_kind",
    "figure_from_claim",
    "figures_of_claims",
    "load_figure_lexicon",
    "resolve_as_of",
    "sentence_bounds",
]

#: Subject classes of counts of people, in display order.
SUBJECTS = ("total", "unspecified", "civilians", "protesters", "security_forces", "foreign_troops")
#: Claim types that count people (their figures get a subject class).
PEOPLE_TYPES = frozenset({"killed", "wounded", "arrested", "missing", "displaced", "troops", "protesters"})
#: Claim types that count things (their figures are grouped by the thing counted).
THING_TYPES = frozenset({"destroyed", "damage", "other"})
CLAIMANT_ORDER = ("international", "ngo", "outlet", "official")
ABOUT = 0.10  # "about n" is n ± 10 %
#: Colours of claimant kinds in the figures charts and tables.
KIND_COLOURS = {
    "official": "#1f5f8b",
    "international": "#6a3d9a",
    "ngo": "#d35400",
    "outlet": "#2a9d8f",
    "article": "#7d7d7d",
    "other": "#a0522d",
}


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    subjects: tuple[tuple[str, tuple[str, ...]], ...]
    things: tuple[tuple[str, tuple[str, ...]], ...]
    bounds: tuple[tuple[str, str], ...]  # (phrase, bound), longest phrase first
    claimants: tuple[tuple[str, tuple[str, ...]], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: tuple[tuple[str, int], ...]  # longest first
    change_cues: tuple[str, ...]
    sum_joins: tuple[str, ...]
    part_cues: tuple[str, ...]
    day_words: re.Pattern[str]  # every relative day word and weekday, one named group each
    day_meaning: dict[str, tuple[str, int]]  # group name -> ("back", days) | ("weekday", 0-6)


@cache
def load_figure_lexicon() -> FigureLexicon:
    """The lexicon of ``resources/figures.yaml`` (static package data, read once)."""
    raw: dict[str, Any] = yaml.safe_load(
        ilr.files("newsprism.compare").joinpath("resources/figures.yaml").read_text(encoding="utf-8")
    )

    def table(d: dict[Any, list[Any]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((str(k), tuple(str(w).casefold() for w in v)) for k, v in d.items())

    def flat(d: dict[Any, list[Any]]) -> dict[str, int]:
        return {str(w).casefold(): int(k) for k, v in d.items() for w in v}

    bounds = [(str(w).casefold(), b) for b, ws in raw["bounds"].items() for w in ws]
    claimants = dict(table(raw["claimants"]))
    rel = sorted(flat(raw["relative_days"]).items(), key=lambda kv: -len(kv[0]))
    weekdays = flat(raw["weekdays"])
    day_words, day_meaning = _day_words(tuple(rel), weekdays)
    return FigureLexicon(
        subjects=table(raw["subjects"]),
        things=table(raw["things"]),
        bounds=tuple(sorted(bounds, key=lambda x: -len(x[0]))),
        claimants=tuple((k, claimants[k]) for k in CLAIMANT_ORDER if k in claimants),
        months=flat(raw["months"]),
        weekdays=weekdays,
        relative_days=tuple(rel),
        change_cues=tuple(str(w).casefold() for w in raw["change_cues"]),
        sum_joins=tuple(str(w).casefold() for w in raw["sum_joins"]),
        part_cues=tuple(str(w).casefold() for w in raw["part_cues"]),
        day_words=day_words,
        day_meaning=day_meaning,
    )


# -- matching ------------------------------------------------------------------------------------------------------
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@cache
def _pattern(entry: str) -> re.Pattern[str]:
    """An entry matched at a word start (whole word when short or a phrase ending a word); CJK as a substring."""
    if _CJK.search(entry):
        return re.compile(re.escape(entry))
    tail = r"\b" if len(entry) <= 3 or not entry[-1].isalnum() else ""
    head = r"(?<!\w)" if entry[0].isalnum() else ""
    return re.compile(head + re.escape(entry) + tail, re.IGNORECASE)


@cache
def _union(entries: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for ``entries``: the word-start check is made once per position, not once per entry."""
    words, other = [], []
    for e in sorted(entries, key=len, reverse=True):
        if _CJK.search(e) or not e[0].isalnum():
            other.append(_pattern(e).pattern)
        else:
            words.append(re.escape(e) + (r"\b" if len(e) <= 3 or not e[-1].isalnum() else ""))
    parts = ([r"(?<!\w)(?:" + "|".join(words) + ")"] if words else []) + other
    return re.compile("|".join(parts), re.IGNORECASE)


def _has(text: str, entries: tuple[str, ...]) -> bool:
    return bool(entries) and _union(entries).search(text) is not None


def _first_class(text: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    for name, entries in table:
        if _has(text, entries):
            return name
    return None


# -- the record ----------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Figure:
    """One count of a story, normalised. ``id`` is ``<article>:<start>-<end>`` (``sum:`` + the parts for a sum)."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    type: str
    subject: str
    what: str | None
    value: float | None  # the stated number (None for a vague amount)
    low: float | None
    high: float | None  # None: no upper bound ("at least")
    vague: bool
    bound: str  # exact | at_least | about | nearly | up_to | range | vague
    as_of: str | None
    as_of_source: str  # stated | relative | sentence | published | unknown
    claimant: str
    claimant_kind: str  # official | international | ngo | outlet | other | article
    hedge: str | None
    outlet: str = ""
    side: str = "unrated"
    published: str | None = None
    number_text: str = ""
    object: str | None = None
    place: str | None = None
    partitive: bool = False
    parts: list[str] = field(default_factory=list)
    part_of: list[str] = field(default_factory=list)
    earlier: bool = False  # its sentence marks it as a figure the article has moved on from ("initially ...")
    status: str = "single"
    conflicting: bool = False

    @property
    def anchor(self) -> str:
        return f"a-{self.article_id}-{self.start}-{self.end}"

    @property
    def number(self) -> float | None:
        """The point figure shown (kept for templates that read ``number``)."""
        return self.value

    @property
    def colour(self) -> str:
        return KIND_COLOURS.get(self.claimant_kind, "#444")

    @property
    def derived(self) -> bool:
        return bool(self.parts)

    @property
    def group_key(self) -> str:
        """Counts compared with each other share this key: type and subject (``unspecified`` joins ``total``), or
        type and the thing counted."""
        if self.type in THING_TYPES or self.subject == "thing":
            return f"{self.type}/{self.what or 'things'}"
        subject = "total" if self.subject in {"total", "unspecified"} else self.subject
        return f"{self.type}/{subject}"

    @property
    def shown(self) -> str:
        """The value as a reader would write it: ``164``, ``≥ 225``, ``~900``, ``≤ 500``, ``200–999 (vague)``."""
        lo, hi, v = _fmt(self.low), _fmt(self.high), _fmt(self.value)
        if self.vague:
            return f"{self.number_text or ''} ({lo}–{hi})".strip() if hi else f"{self.number_text} (≥ {lo})"
        if self.bound == "at_least":
            return f"≥ {lo}"
        if self.bound in {"about", "nearly"}:
            return f"~{v}"
        if self.bound == "up_to":
            return f"≤ {hi}"
        if self.bound == "range" or (self.low != self.high and self.value is None):
            return f"{lo}–{hi}" if hi else f"≥ {lo}"
        return v

    def overlaps(self, other: Figure) -> bool:
        """Whether the two intervals share a value (a missing bound is open)."""
        lo1, lo2 = self.low or 0.0, other.low or 0.0
        hi1 = self.high if self.high is not None else float("inf")
        hi2 = other.high if other.high is not None else float("inf")
        return lo1 <= hi2 and lo2 <= hi1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"anchor": self.anchor, "shown": self.shown, "group": self.group_key}


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]|\n")


# -- parts of a figure ---------------------------------------------------------------------------------------------
def sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``body`` holding ``[start, end)``: from after the previous ``. ! ? 。`` or paragraph break to
    the next one (at most 600 characters either side)."""
    lo = max(0, start - 600)
    cut = lo
    for m in _SENTENCE_END.finditer(body[lo:start]):
        cut = lo + m.end()
    hi = min(len(body), end + 600)
    m2 = _SENTENCE_END.search(body[end:hi])
    return cut, (end + m2.end()) if m2 else hi


def subject_class(claim: Claim, before: str, lex: FigureLexicon) -> str:
    """The subject class of a count of people: ``Claim.subject`` when set, else from the object, else from the
    words before the number; ``unspecified`` when nothing says."""
    given = getattr(claim, "subject", None)
    if isinstance(given, str) and given in SUBJECTS:
        return given
    obj = (claim.object or "").strip()
    found = _first_class(obj, lex.subjects) if obj else None
    if found is None and claim.type == "killed" and _has(obj, ("deaths", "death", "fatalities", "dead", "toll")):
        found = "total"
    if found is None:
        found = _first_class(before[-60:], lex.subjects)
        if found not in {None, "total", "foreign_troops"}:  # only "the total of" / "foreign" read from before
            found = None
    if claim.type == "troops" and found in {None, "security_forces"}:
        foreign = dict(lex.subjects).get("foreign_troops", ())
        return "foreign_troops" if _has(before[-200:] + " " + obj, foreign) else "unspecified"
    return found or "unspecified"


def thing_name(claim: Claim, lex: FigureLexicon) -> str:
    """The counted thing of a count that is not of people: a lexicon name, else the counted noun's head."""
    obj = (claim.object or "").strip()
    found = _first_class(obj, lex.things)
    if found:
        return found
    words = re.findall(r"[^\W\d_][\w'-]*", obj.casefold())
    return words[-1] if words else claim.type


def interval(claim: Claim, before: str, lex: FigureLexicon) -> tuple[float | None, float | None, str, bool]:
    """``(low, high, bound, vague)`` of a claim (see the module docstring); ``(None, None, 'none', False)`` when the
    claim holds no number at all."""
    n, lo, hi = claim.number, claim.number_low, claim.number_high
    if n is None:
        if lo is None and hi is None:
            return None, None, "none", False
        return lo, hi, "vague", True
    if lo is not None and hi is not None and (lo, hi) != (n, n) and lo <= n <= hi:
        return lo, hi, "range", False
    hedge = (claim.hedge or "").casefold().strip()
    tail = before[-40:].casefold().rstrip()
    bound = "exact"
    for phrase, b in lex.bounds:
        at_tail = tail.endswith(phrase) and (
            len(tail) == len(phrase)
            or bool(_CJK.search(phrase))
            or not (phrase[0].isalnum() and tail[-len(phrase) - 1].isalnum())
        )  # "moreover 20" is not "over 20"; Chinese has no spaces
        if hedge == phrase or hedge.endswith(" " + phrase) or hedge.startswith(phrase + " ") or at_tail:
            bound = b
            break
    if bound == "up_to" and _ROSE_TO.search(tail):  # "выросло до 58", "rose to 58": the new figure, not a bound
        bound = "exact"
    if bound == "at_least":
        return n, None, bound, False
    if bound == "about":
        return n * (1 - ABOUT), n * (1 + ABOUT), bound, False
    if bound == "nearly":
        return n * (1 - ABOUT), n, bound, False
    if bound == "up_to":
        return 0.0, n, bound, False
    return n, n, "exact", False


_ROSE_TO = re.compile(
    r"(?:вырос|возрос|увеличил|достиг|подня|сократил|снизил|зріс|збільшил|rose|risen|climbed|increased|jumped|"
    r"fell|dropped)\w*\s+(?:\S+\s+)?(?:до|to)$",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?([^\W\d_]+)\.?(?:,?\s+(?:de\s+)?(\d{4}))?"
)
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{4}))?")
_MONTH_YEAR = re.compile(r"([^\W\d_]+)\s+(\d{4})\b")
_CJK_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_AS_OF = re.compile(
    r"\b(as of|as at|by|until|up to|по состоянию на|на утро|на вечер|станом на|au|à la date du|hasta el|"
    r"a fecha de|bis|stand|al)\b",
    re.IGNORECASE,
)


def _month(word: str, lex: FigureLexicon) -> int | None:
    w = word.casefold()
    if w in lex.months:
        return lex.months[w]
    for name, m in lex.months.items():
        if len(name) >= 4 and w.startswith(name) and not _CJK.search(name):
            return m
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _stated_dates(text: str, pub: date | None, lex: FigureLexicon) -> list[tuple[int, date]]:
    """Every date stated in ``text`` with its position; a date without a year takes the publication year (the year
    before when that would put it after publication)."""
    out: list[tuple[int, date]] = []
    for m in _ISO.finditer(text):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if d:
            out.append((m.start(), d))
    for m in _CJK_DATE.finditer(text):
        y = int(m[1]) if m[1] else (pub.year if pub else None)
        d = _safe_date(y, int(m[2]), int(m[3])) if y else None
        if d:
            out.append((m.start(), d))
    for rx, day_first in ((_DAY_MONTH, True), (_MONTH_DAY, False)):
        for m in rx.finditer(text):
            day, word = (m[1], m[2]) if day_first else (m[2], m[1])
            mon = _month(word, lex)
            year = int(m[3]) if m[3] else (pub.year if pub else None)
            if mon is None or year is None:
                continue
            d = _safe_date(year, mon, int(day))
            if d and not m[3] and pub and d > pub + timedelta(days=1):
                d = _safe_date(year - 1, mon, int(day))
            if d:
                out.append((m.start(), d))
    if not out:
        for m in _MONTH_YEAR.finditer(text):
            mon = _month(m[1], lex)
            if mon:
                y = int(m[2])
                out.append((m.start(), date(y, mon, calendar.monthrange(y, mon)[1])))
    return out


@cache
def _word(entry: str) -> re.Pattern[str]:
    """A day word as a whole word, allowing an inflection of up to two letters (``пятниц`` -> ``пятницу``, but
    ``hier`` is not ``hierarchy``); CJK as a substring."""
    if _CJK.search(entry):
        return re.compile(re.escape(entry))
    return re.compile(r"(?<!\w)" + re.escape(entry) + r"\w{0,2}(?!\w)", re.IGNORECASE)


def _day_words(
    relative_days: tuple[tuple[str, int], ...], weekdays: dict[str, int]
) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """One pattern for every day word (longest first), and what each named group means: ``("back", days)`` for
    ``yesterday``, ``("weekday", n)`` for ``Tuesday``."""
    meaning: dict[str, tuple[str, int]] = {}
    for phrase, days in relative_days:
        meaning.setdefault(phrase, ("back", days))
    for name, wd in weekdays.items():
        meaning.setdefault(name, ("weekday", wd))
    order = sorted(meaning, key=len, reverse=True)
    words = [f"(?P<w{i}>{re.escape(w)})" for i, w in enumerate(order) if not _CJK.search(w)]
    cjk = [f"(?P<w{i}>{re.escape(w)})" for i, w in enumerate(order) if _CJK.search(w)]
    rx = r"(?<!\w)(?:" + "|".join(words) + r")\w{0,2}(?!\w)" + "".join("|" + c for c in cjk)
    return re.compile(rx, re.IGNORECASE), {f"w{i}": meaning[w] for i, w in enumerate(order)}


def _relative(text: str, pub: date | None, lex: FigureLexicon) -> date | None:
    """The date a day word in ``text`` names, against the publication date; relative words before weekdays."""
    if pub is None:
        return None
    rx, meaning = lex.day_words, lex.day_meaning
    found = [meaning[m.lastgroup] for m in rx.finditer(text.casefold()) if m.lastgroup]
    found.sort(key=lambda kv: kv[0] != "back")
    if not found:
        return None
    kind, n = found[0]
    return pub - timedelta(days=n if kind == "back" else (pub.weekday() - n) % 7)


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)  # a date or the date of a timestamp
    return _safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def resolve_as_of(when: str | None, sentence: str, published: str | None, lex: FigureLexicon) -> tuple[str | None, str]:
    """``(YYYY-MM-DD, source)``: the date a figure holds for. ``source`` is ``stated`` (a date in ``when``),
    ``relative`` (``yesterday``, ``on Tuesday`` against the publication date), ``sentence`` (``as of 10 January``
    in the figure's sentence), ``published`` or ``unknown``."""
    pub = _parse_day(published)
    if when:
        dates = _stated_dates(when, pub, lex)
        if dates:
            return max(dates, key=lambda x: x[0])[1].isoformat(), "stated"  # the last date of a period
        rel = _relative(when, pub, lex)
        if rel:
            return rel.isoformat(), "relative"
    for m in _AS_OF.finditer(sentence):
        dates = _stated_dates(sentence[m.end() : m.end() + 30], pub, lex)
        if dates and dates[0][0] <= 3:
            return dates[0][1].isoformat(), "sentence"
    rel = _relative(sentence, pub, lex)
    if rel:
        return rel.isoformat(), "relative"
    if pub:
        return pub.isoformat(), "published"
    return None, "unknown"


def claimant_kind(
    claimant: str | None,
    lex: FigureLexicon,
    *,
    outlet_names: frozenset[str] = frozenset(),
    role: str | None = None,
) -> str:
    """``official``, ``international``, ``ngo``, ``outlet`` or ``other`` for a claimant name; ``article`` for
    none (the article states the figure itself). A person's ``role`` (``president``, from the entities stage)
    places a name the lexicon does not: ``Tokayev`` the president is ``official``."""
    if not claimant or not claimant.strip():
        return "article"
    if claimant.strip().casefold() in outlet_names:
        return "outlet"
    kind = _first_class(claimant, lex.claimants)
    if kind is None and role:
        kind = _first_class(role, lex.claimants)
    return kind or "other"


_PARTITIVE = re.compile(
    r"^\s*[\d.,\s\w-]*?\s+(?:of|из|de|des|di|von|del)\s+(?:the|these|those|its|their|them|"
    r"[^\W\d_]+['’]s|эт\w*|ces|les|estos|estas|dieser|diesen|questi|queste)\b",
    re.IGNORECASE,
)


def figure_from_claim(
    claim: Claim,
    body: str,
    *,
    published: str | None = None,
    outlet: str = "",
    side: str = "unrated",
    lex: FigureLexicon | None = None,
    outlet_names: frozenset[str] = frozenset(),
    role: str | None = None,
) -> Figure | None:
    """The normalised figure of ``claim`` (its evidence ``body[start:end]``), or None when it holds no number.
    ``role`` is the claimant's office when the entities stage knows it."""
    lex = lex or load_figure_lexicon()
    s0, s1 = sentence_bounds(body, claim.start, claim.end)
    before = body[s0 : claim.start]
    low, high, bound, vague = interval(claim, before, lex)
    if bound == "none":
        return None
    ctype = (claim.type or "other").strip().casefold() or "other"
    what: str | None = None
    if ctype in PEOPLE_TYPES:
        subject = subject_class(claim, before, lex)
    else:
        subject, what = "thing", thing_name(claim, lex)
    as_of, source = resolve_as_of(claim.when, body[s0:s1], published, lex)
    kind = claimant_kind(claim.claimant, lex, outlet_names=outlet_names, role=role)
    sentence = body[s0:s1]
    text = body[claim.start : claim.end]
    return Figure(
        id=f"{claim.article_id}:{claim.start}-{claim.end}",
        article_id=claim.article_id,
        start=claim.start,
        end=claim.end,
        text=text,
        type=ctype,
        subject=subject,
        what=what,
        value=claim.number,
        low=low,
        high=high,
        vague=vague,
        bound=bound,
        as_of=as_of,
        as_of_source=source,
        claimant=(claim.claimant or "").strip() or (outlet or "the article"),
        claimant_kind=kind,
        hedge=claim.hedge,
        outlet=outlet,
        side=side,
        published=published,
        number_text=claim.number_text or text,
        object=claim.object,
        place=claim.place,
        partitive=bool(_PARTITIVE.match(text[:80]))
        or (not re.search(r"[^\W\d_]", text) and bool(_PARTITIVE.match("1" + body[claim.end : claim.end + 60]))),
        earlier=_has(sentence.casefold(), lex.change_cues),
    )


# -- sums ----------------------------------------------------------------------------------------------------------
def add_sums(figures: list[Figure], body: str, *, lex: FigureLexicon | None = None) -> list[Figure]:
    """Derived figures for counts of one type listed in one sentence and joined by ``and``-words (``26 ... and 18
    ... were killed`` -> 44): ``parts`` names the summed figures and each part's ``part_of`` the sum. No sum is
    made when the sentence states the total itself (a count of that type whose value is the sum) or lists the
    parts out of a total (``including``, ``из них``). Returns the new figures only."""
    lex = lex or load_figure_lexicon()
    out: list[Figure] = []
    ordered = sorted((f for f in figures if not f.partitive and not f.parts), key=lambda f: f.start)
    i = 0
    while i < len(ordered):
        run = [ordered[i]]
        j = i + 1
        while j < len(ordered) and _joined(run[-1], ordered[j], body, lex):
            run.append(ordered[j])
            j += 1
        i = j if len(run) > 1 else i + 1
        if len(run) < 2:
            continue
        s0, s1 = sentence_bounds(body, run[0].start, run[-1].end)
        sentence = body[s0:s1].casefold()
        if _has(sentence, lex.part_cues):
            continue
        total_lo = sum(f.low or 0.0 for f in run)
        his = [f.high for f in run]
        total_hi = None if any(h is None for h in his) else sum(h or 0.0 for h in his)
        if any(
            o.article_id == run[0].article_id
            and o.type == run[0].type
            and o not in run
            and s0 <= o.start < s1
            and o.low == total_lo
            for o in figures
        ):
            continue
        subjects = {f.subject for f in run}
        whats = {f.what for f in run}
        first = run[0]
        value = sum(f.value for f in run if f.value is not None) if all(f.value is not None for f in run) else None
        total = Figure(
            id="sum:" + "+".join(f.id for f in run),
            article_id=first.article_id,
            start=first.start,
            end=run[-1].end,
            text=body[first.start : run[-1].end],
            type=first.type,
            subject=subjects.pop() if len(subjects) == 1 else "total",
            what=whats.pop() if len(whats) == 1 else first.what,
            value=value,
            low=total_lo,
            high=total_hi,
            vague=any(f.vague for f in run),
            bound="exact" if all(f.bound == "exact" for f in run) else "range",
            as_of=max((f.as_of for f in run if f.as_of), default=None),
            as_of_source=first.as_of_source,
            claimant=first.claimant,
            claimant_kind=first.claimant_kind,
            hedge=first.hedge,
            outlet=first.outlet,
            side=first.side,
            published=first.published,
            number_text=" + ".join(f.number_text for f in run),
            object=", ".join(dict.fromkeys(f.object or "" for f in run if f.object)) or None,
            place=first.place,
            parts=[f.id for f in run],
            earlier=first.earlier,
        )
        for f in run:
            f.part_of.append(total.id)
        out.append(total)
    return out


def _joined(a: Figure, b: Figure, body: str, lex: FigureLexicon) -> bool:
    if a.article_id != b.article_id or a.type != b.type or b.start < a.end:
        return False
    if a.type in THING_TYPES and a.what != b.what:
        return False
    if a.claimant_kind != b.claimant_kind or a.claimant != b.claimant:
        return False
    gap = body[a.end : b.start]
    if len(gap) > 60 or re.search(r"[.!?;。\n]", gap):
        return False
    words = gap.casefold()
    return _has(words, lex.sum_joins) and len(re.findall(r"\w+", words)) <= 8


def figures_of_claims(
    claims: list[Claim],
    articles: dict[str, Any],
    *,
    outlets: dict[str, tuple[str, str]] | None = None,
    entities: list[Any] | None = None,
    lex: FigureLexicon | None = None,
) -> list[Figure]:
    """The figures of ``claims`` (those whose span fits their article in ``articles``: id -> Article), with the
    sums of each article. ``outlets`` maps an article id to its outlet's ``(name, side)``; ``entities`` (the
    story's Entity items) give the offices of claimants who are people."""
    lex = lex or load_figure_lexicon()
    outlets = outlets or {}
    names = frozenset(n.casefold() for n, _ in outlets.values() if n)
    roles: dict[str, str] = {}
    for e in entities or []:
        role = getattr(e, "role", None)
        if role:
            for key in (getattr(e, "entity_id", None), getattr(e, "canonical", None), getattr(e, "text", None)):
                if key:
                    roles.setdefault(str(key).casefold(), role)
    by_article: dict[str, list[Figure]] = {}
    for c in claims:
        art = articles.get(c.article_id)
        if art is None or not (0 <= c.start < c.end <= len(art.body)):
            continue
        name, side = outlets.get(c.article_id, (art.outlet or art.outlet_id or "", "unrated"))
        role = roles.get((c.claimant_id or "").casefold()) or roles.get((c.claimant or "").strip().casefold())
        f = figure_from_claim(
            c, art.body, published=art.published, outlet=name, side=side, lex=lex, outlet_names=names, role=role
        )
        if f is not None:
            by_article.setdefault(c.article_id, []).append(f)
    out: list[Figure] = []
    for aid, figs in by_article.items():
        out.extend(figs)
        out.extend(add_sums(figs, articles[aid].body, lex=lex))
    return out
