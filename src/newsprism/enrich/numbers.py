"""Numbers written in text: digits (``8,000``, ``2.5 million``, ``9 900``), English and Russian number words
(``eight thousand``, ``двести двадцать пять``) and vague amounts (``dozens``, ``hundreds``) as ranges.

:func:`find_numbers` returns every number mention with its value (or range) and what kind of number it looks like
from its surface alone (``year``, ``date``, ``ordinal``, ``percent``, ``footnote``, ``range``, ``count``); the claims
stage decides from context which counts are claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["NumberMention", "find_numbers", "words_value"]

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "dozen": 12,
}  # fmt: skip
_RU_UNITS = {
    "один": 1, "одна": 1, "одного": 1, "одной": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
    "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "одиннадцать": 11,
    "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "двадцати": 20, "тридцать": 30,
    "тридцати": 30, "сорок": 40, "сорока": 40, "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "ста": 100, "двести": 200, "двухсот": 200,
    "триста": 300, "трехсот": 300, "трёхсот": 300, "четыреста": 400, "пятьсот": 500, "пятисот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "mln": 1_000_000,
    "bn": 1_000_000_000, "тысяча": 1_000, "тысячи": 1_000, "тысяч": 1_000, "тыс": 1_000, "миллион": 1_000_000,
    "миллиона": 1_000_000, "миллионов": 1_000_000, "млн": 1_000_000, "миллиард": 1_000_000_000,
    "миллиарда": 1_000_000_000, "миллиардов": 1_000_000_000, "млрд": 1_000_000_000,
}  # fmt: skip
#: vague amounts as (low, high)
VAGUE = {
    "dozens": (24.0, 99.0), "scores": (40.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0), "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2_000_000.0, 9_999_999.0), "десятки": (20.0, 99.0), "сотни": (200.0, 999.0),
    "тысячи": (2_000.0, 9_999.0), "десятки тысяч": (20_000.0, 99_999.0),
}  # fmt: skip

_WORD = "|".join(sorted({*_EN_UNITS, *_RU_UNITS, *_SCALES} - {"a"}, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:[,\u00a0\u202f ](?=\d{3}\b)\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_NUMBER = re.compile(
    rf"(?P<digits>(?<![\w.,/:-])(?:{_DIGITS}))(?P<scale>\s*(?:{'|'.join(_SCALES)})\b\.?)?"
    rf"|(?P<vague>\b(?:tens of thousands|hundreds of thousands|десятки тысяч|{'|'.join(k for k in VAGUE if ' ' not in k)})\b)"
    rf"|(?P<words>\b(?:{_WORD})(?:[\s-]+(?:and\s+)?(?:{_WORD}))*\b|\ba dozen\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    shape: str  # count | year | date | ordinal | percent | footnote | range | time | money | age | modifier


def words_value(text: str) -> float | None:
    """Value of number words: ``eight thousand`` -> 8000, ``двести двадцать пять`` -> 225; ``None`` if not."""
    total = 0.0
    current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.casefold()):
        if w in {"and", ""}:
            continue
        if w in _EN_UNITS or w in _RU_UNITS:
            current += _EN_UNITS.get(w, _RU_UNITS.get(w, 0))
            seen = True
        elif w in _SCALES:
            scale = _SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _digits_value(digits: str, scale: str | None) -> float:
    d = digits.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", d):
        d = d.replace(",", "")
    elif re.fullmatch(r"\d+,\d+", d):  # a decimal comma (Russian, German): 2,5 млн
        d = d.replace(",", ".")
    value = float(d)
    if scale:
        value *= _SCALES[scale.strip().rstrip(".").casefold()]
    return value


def _shape(text: str, start: int, end: int, value: float | None, raw: str) -> str:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14]
    if before.endswith("[") and after.startswith("]"):
        return "footnote"
    if re.match(r"\s*(?:%|per ?cent|percent|процент|проц\.)", after, re.I):
        return "percent"
    if re.match(r"(?:st|nd|rd|th)\b", after) or re.match(r"-?(?:й|я|го|е)\b", after):
        return "ordinal"
    if re.search(r"[$€£¥₽]\s*$", before) or re.match(
        r"\s*(?:dollars|euros|pounds|roubles|rubles|yuan|tenge|руб|долл)", after, re.I
    ):
        return "money"
    if re.match(r"[:.]\d\d\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", after, re.I):
        return "time"
    if re.match(r"-year-old|\s*years? old|\s*-?лет(?:н|ний)", after, re.I) or re.search(
        r"\b(?:aged?|ages)\s*$", before, re.I
    ):
        return "age"
    if re.match(rf"\s*(?:{MONTHS})\b", after, re.I) or re.search(rf"\b(?:{MONTHS})\.?\s*$", before, re.I):
        return "date"
    if re.match(r"[-–/]\d", after) or re.search(r"\d[-–/]$", before):
        # year ranges (1941-1945), scores and tallies (80-19 vote, 5-4 decision), dates (9/11)
        return "date" if "/" in before[-1:] + after[:1] else "range"
    if re.match(r"-(?!strong\b)[a-z]", after):
        return "modifier"  # a compound modifier: 52-count complaint, 18-month term, 10-point lead
    if value is not None and raw.isdigit() and len(raw) == 4 and 1000 <= value <= 2100:
        return "year"
    return "count"


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text`` with its value (or low/high range for vague amounts) and surface shape."""
    out: list[NumberMention] = []
    for m in _NUMBER.finditer(text):
        raw = m.group()
        value: float | None
        low = high = None
        if m.group("digits"):
            glued = m.end("digits") < len(text) and text[m.end("digits")].isalpha() and not m.group("scale")
            if glued and not re.match(r"(?:st|nd|rd|th|s)\b", text[m.end("digits") :]):
                continue  # part of a code or name: 4x4, G20, A320
            value = _digits_value(m.group("digits"), m.group("scale"))
            shape = _shape(text, m.start(), m.end(), value, m.group("digits"))
        elif m.group("vague"):
            value = None
            low, high = VAGUE[m.group("vague").casefold()]
            shape = "count"
        else:
            value = words_value(raw)
            if value is None or raw.casefold() in {"a", "one"}:
                continue
            shape = _shape(text, m.start(), m.end(), value, "")
        if value is not None:
            low = high = value
        out.append(NumberMention(m.start(), m.end(), raw, value, low, high, shape))
    return out
