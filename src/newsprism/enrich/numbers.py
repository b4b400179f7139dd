"""Numbers written in text, in every language the pipeline reads: digits in any script (``8,000``, ``4.300``,
``4 300``, ``۲۲۵``, ``٢٬٥٠٠``, full-width ``２０００``), scale words (``2,5 Millionen``, ``12 bin``, ``10 тысяч``,
``2万``, ``1.2万``, ``2천``), Chinese and Japanese numerals (``两千``, ``二百二十五``), number words (``eight
thousand``, ``двести двадцать пять``, ``trois cents``) and vague amounts (``hundreds``, ``Hunderte``, ``数百``) as
ranges.

:func:`find_numbers` returns every number mention with its value (or range) and what kind of number it looks like
from its surface alone (``year``, ``date``, ``ordinal``, ``percent``, ``footnote``, ``range``, ``count`` ...); the
claims stage decides from context which counts are claims. A malformed number (``201,852202,965``) is kept with
``value=None`` and shape ``malformed``: it never raises.

Grouping and decimal marks are read by the digits' context first and the language second: a separator followed by
exactly three digits groups thousands (``4.300`` in German, ``4,300`` in English, ``4 300`` in French) unless a scale
word follows and the separator is the language's decimal mark (``2,500 Millionen`` is 2.5 million in German, ``2.500
millones`` 2,500 million in Spanish); a separator followed by one, two or four digits is a decimal mark (``2,5``).
Word lists are data: ``resources/claims/numbers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as ilr
from typing import Any

import yaml

__all__ = ["NumberMention", "find_numbers", "is_month", "normalize_digits", "parse_digits", "words_value"]

#: digits of other scripts -> ASCII, and the Arabic thousands/decimal separators (one character each: offsets hold)
_DIGIT_MAP = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian (extended Arabic-Indic)
        **{chr(0x0966 + i): str(i) for i in range(10)},  # Devanagari
        **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width
        "\u066c": ",",  # ARABIC THOUSANDS SEPARATOR
        "\u066b": ".",  # ARABIC DECIMAL SEPARATOR
        "\uff0e": ".",  # FULLWIDTH FULL STOP between full-width digits
    }
)

#: languages that write the decimal mark as a comma (and group with a dot or a space)
DECIMAL_COMMA = frozenset(
    [
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "pl",
        "tr",
        "ru",
        "uk",
        "kk",
        "ky",
        "uz",
        "az",
        "hu",
        "fi",
        "sv",
        "nl",
        "el",
        "bg",
        "hy",
        "da",
        "nb",
        "cs",
        "sk",
        "ro",
        "hr",
        "sl",
        "sr",
        "id",
        "lt",
        "lv",
        "et",
    ]
)
#: languages that group thousands with a plain space ("4 300"); a no-break or thin space groups in every language
SPACE_GROUPING = frozenset(
    [
        "fr",
        "ru",
        "uk",
        "kk",
        "ky",
        "uz",
        "pl",
        "sv",
        "fi",
        "hu",
        "bg",
        "hy",
        "cs",
        "sk",
        "nb",
        "et",
        "lt",
        "lv",
        "az",
        "tr",
        "el",
        "de",
        "es",
        "it",
        "pt",
        "nl",
        "ar",
        "fa",
        "da",
        "ro",
        "hr",
        "sl",
        "sr",
    ]
)
CJK = frozenset({"zh", "ja"})
#: languages that glue case endings to numerals ("200-dən", "12'den", "30дан", "1500-ге")
AGGLUTINATIVE = frozenset(["tr", "az", "kk", "ky", "uz", "hu", "fi"])
_SUFFIX = re.compile(r"(?:['’\u02bc-]?)[^\W\d_]{1,6}(?!\w)")

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    "januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|"
    "septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    "octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|stycznia|lutego|marca|"
    "kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|ocak|şubat|mart|nisan|"
    "mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|januari|februari|maart|augustus|augusti|"
    "qantar|ақпан|қаңтар|января"
)
_CJK_NUM = "零〇一二两兩三四五六七八九十百千万萬亿億"
_CJK_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CJK_SMALL = {"十": 10, "百": 100, "千": 1000, "십": 10, "백": 100, "천": 1000}
_CJK_LARGE = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000, "만": 10_000, "억": 100_000_000}
#: what a Chinese or Japanese numeral written in characters must be followed by to count (a classifier or 余/多)
_CJK_FOLLOW = re.compile(r"[余多]?(?:[人名位个個起辆輛座架栋棟所处處件户戸次]|余人|多人|多名)")
_SPACE = "\u00a0\u202f\u2009"


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    # count | year | date | ordinal | percent | footnote | range | time | money | age | modifier | measure | malformed
    shape: str
    vague: bool = False


@dataclass(frozen=True, slots=True)
class _Lang:
    code: str
    scales: dict[str, float]  # folded word -> value
    scale_stems: tuple[tuple[str, float], ...]  # ("bin", 1000): "binden", "bine"
    words: dict[str, float]
    vague: dict[str, tuple[float, float]]
    joiners: frozenset[str]
    pattern: re.Pattern[str]


def _alt(words: list[str], *, boundary: bool) -> str:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        if w.endswith("*"):
            parts.append(re.escape(w[:-1]) + r"\w*")
        elif boundary and not w.endswith("."):
            parts.append(re.escape(w) + r"(?!\w)")
        else:
            parts.append(re.escape(w))
    return "|".join(parts) or r"(?!x)x"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = ilr.files("newsprism.enrich").joinpath("resources/claims/numbers.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@lru_cache(maxsize=64)
def _lang(code: str) -> _Lang:
    data = _data()
    codes = [code] if code in data else ["en", "ru"]  # no table: English and Russian, as before languages were known
    scales: dict[str, float] = {}
    words: dict[str, float] = {}
    vague: dict[str, tuple[float, float]] = {}
    joiners: set[str] = set()
    for c in codes:
        spec = data[c]
        scales.update({str(k).casefold(): float(v) for k, v in spec.get("scales", {}).items()})
        words.update({str(k).casefold(): float(v) for k, v in spec.get("words", {}).items()})
        vague.update({str(k).casefold(): (float(v[0]), float(v[1])) for k, v in spec.get("vague", {}).items()})
        joiners.update(str(w).casefold() for w in spec.get("and", []))
    stems = tuple((k[:-1], v) for k, v in scales.items() if k.endswith("*"))
    if code in CJK or code == "ko":
        pattern = _cjk_pattern(code, vague)
    else:
        space = _SPACE + (" " if code in SPACE_GROUPING else "")
        digits = rf"\d{{1,3}}(?:[{space}]\d{{3}}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,']\d+)*"
        scale_alt = _alt(list(scales), boundary=True)
        vague_alt = _alt(list(vague), boundary=True)
        word_alt = _alt([*words, *(k for k in scales if not k.endswith((".", "*")))], boundary=True)
        join = "|".join(re.escape(j) for j in sorted(joiners)) or r"(?!x)x"
        pattern = re.compile(
            rf"(?P<digits>(?<![\d.,]){'(?:' + digits + ')'})(?:[{_SPACE} ]?(?P<scale>{scale_alt})"
            rf"(?:\s(?:(?:{join})\s)?(?P<rest>\d{{1,3}})(?!\d|[.,]\d|\s?(?:{scale_alt})))?)?"
            rf"|(?<!\w)(?P<vague>{vague_alt})"
            rf"|(?<!\w)(?P<words>(?:{word_alt})(?:[\s-]+(?:(?:{join})\s+)?(?:{word_alt}))*)",
            re.IGNORECASE,
        )
    return _Lang(code, scales, stems, words, vague, frozenset(joiners), pattern)


def _cjk_pattern(code: str, vague: dict[str, tuple[float, float]]) -> re.Pattern[str]:
    vague_alt = _alt(list(vague), boundary=False)
    if code == "ko":
        body = r"\d+(?:[.,]\d+)*(?:\s?[십백천만억](?:\s?\d+(?:[.,]\d+)*)?)*"
    else:
        body = rf"(?:\d+(?:[.,]\d+)*|[{_CJK_NUM}])(?:\d+(?:[.,]\d+)*|[{_CJK_NUM}])*"
    # a comma between a word and digits is punctuation in these scripts ("43人死亡,400多人受伤"), not a separator
    return re.compile(rf"(?P<vague>{vague_alt})|(?P<digits>(?<!\d)(?<!\d[.,]){body})")


def normalize_digits(text: str) -> str:
    """``text`` with digits of every script as ASCII digits and Arabic separators as ``,``/``.`` (same length)."""
    return text.translate(_DIGIT_MAP)


def parse_digits(raw: str, lang: str | None = None, *, scaled: bool = False) -> float | None:
    """Value of a run of digits and separators (ASCII digits), or ``None`` when it is malformed.

    ``scaled``: a scale word follows (``2,5 Millionen``), so a separator that is the language's decimal mark is
    read as one even before three digits."""
    s = raw.replace("'", ",")
    for ch in _SPACE + " ":
        s = s.replace(ch, "")
    if not s or not s[0].isdigit() or not s[-1].isdigit():
        return None
    if s.isdigit():
        return float(s)
    seps = [ch for ch in s if not ch.isdigit()]
    kinds = set(seps)
    decimal_mark = "," if (lang or "").lower() in DECIMAL_COMMA else "."
    if len(kinds) == 2:  # "1.234,5" / "1,234.5": the last mark is the decimal one
        dec = seps[-1]
        if seps.count(dec) != 1:
            return None
        whole, frac = s.split(dec)
        groups = whole.split(seps[0])
        if not _grouped(groups):
            return None
        return float("".join(groups) + "." + frac)
    sep = seps[0]
    parts = s.split(sep)
    if len(parts) > 2:
        return float("".join(parts)) if _grouped(parts) else None
    whole, frac = parts
    if len(frac) == 3 and len(whole) <= 3 and not whole.startswith("0"):
        if scaled and sep == decimal_mark:
            return float(whole + "." + frac)
        return float(whole + frac)
    return float(whole + "." + frac)


def _grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and all(g.isdigit() for g in groups)


def _scale_value(word: str, lang: _Lang) -> float | None:
    w = word.casefold().strip()
    if w in lang.scales:
        return lang.scales[w]
    if w.rstrip(".") in lang.scales:
        return lang.scales[w.rstrip(".")]
    for stem, value in lang.scale_stems:
        if w.startswith(stem):
            return value
    return None


def words_value(text: str, lang: str | None = None) -> float | None:
    """Value of number words: ``eight thousand`` -> 8000, ``двести двадцать пять`` -> 225; ``None`` if not."""
    table = _lang((lang or "").lower())
    total = 0.0
    current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.casefold()):
        if w in table.joiners or not w:
            continue
        scale = _scale_value(w, table) if w not in table.words else None
        if w in table.words:
            current += table.words[w]
            seen = True
        elif scale is not None:
            if scale < 1000:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def cjk_value(raw: str) -> float | None:
    """Value of a Chinese, Japanese or Korean numeral, digits and characters mixed: ``两千`` -> 2000, ``二百二十五``
    -> 225, ``1.2万`` -> 12000, ``1万2000`` -> 12000, ``2천`` -> 2000; ``None`` if malformed."""
    total = 0.0
    section = 0.0
    num: float | None = None
    prev_char_digit = False
    for m in re.finditer(r"\d+(?:[.,]\d+)*|\S", raw):
        tok = m.group()
        char_digit = False
        if tok[0].isdigit():
            v = parse_digits(tok, "zh", scaled=True)
            if v is None:
                return None
            num = v
        elif tok in _CJK_DIGIT:
            num = (num or 0) * 10 + _CJK_DIGIT[tok] if prev_char_digit else float(_CJK_DIGIT[tok])
            char_digit = True
        elif tok in _CJK_SMALL:
            section += (num if num is not None else 1) * _CJK_SMALL[tok]
            num = None
        elif tok in _CJK_LARGE:
            total += ((section + (num or 0)) or 1) * _CJK_LARGE[tok]
            section, num = 0.0, None
        else:
            return None
        prev_char_digit = char_digit
    return total + section + (num or 0)


def _shape(text: str, start: int, end: int, value: float | None, raw: str, after_end: int | None = None) -> str:
    before = text[max(0, start - 12) : start]
    before_long = text[max(0, start - 24) : start]
    after = text[after_end if after_end is not None else end :][:18]
    if before.endswith("[") and after.startswith("]"):
        return "footnote"
    if re.match(
        r"\s*(?:%|٪|％|per ?cent|percent|процент|проц\.|prozent|pour ?cent|por ?ciento|per ?cento|"
        r"por ?cento|procent|درصد|بالمئة|في المئة|퍼센트|프로)",
        after,
        re.I,
    ) or re.search(r"(?:yüzde|%|百分之)\s*$", before, re.I):
        return "percent"
    if re.match(r"(?:st|nd|rd|th)\b", after) or re.match(r"-?(?:й|я|го|е|ый|ий)\b", after):
        return "ordinal"
    if re.search(r"[$€£¥₽₸]\s*$", before) or re.match(
        r"\s*(?:dollars|euros?|pounds|roubles|rubles|yuan|tenge|руб|долл|тенге|美元|元|دولار|ドル|달러|dólares|dollari)",
        after,
        re.I,
    ):
        return "money"
    if re.match(r"[:.]\d\d\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|[時点]|시\b)", after, re.I):
        return "time"
    if re.match(
        r"-year-old|\s*years? old|\s*-?лет(?:н|ний)|\s*岁|\s*歳|\s*세\b|\s*jahre alt|-?jährig|\s*[-']?yaşında|\s*yaşlı"
        r"|\s*-?yoshli|\s*-?yoshda|\s*-?жастағы|\s*-?жасар|\s*-?жаштагы|\s*-?жашар|\s*-?річн|\s*-?ساله",
        after,
        re.I,
    ) or re.search(r"\b(?:aged?|ages|âgée?s? de|im alter von|в возрасте|у віці)\s*$", before, re.I):
        return "age"
    if re.search(
        r"(?:magnitud[eo]?|magnitudy|magnitúdó|magnitüd|richter|магнитуд\w*|магнітуд\w*|μεγέθους|规模|規模|震级|震級"
        r"|マグニチュード|규모)\s*(?:de\s+|di\s+|of\s+)?$",
        before_long,
        re.I,
    ):
        return "measure"  # "un temblor de magnitud 7": no count
    if re.match(rf"\.?\s*(?:de\s+|del\s+|di\s+)?(?:{_MONTHS})\b|\s*[年月日]|\s*[년월일]\b", after, re.I) or re.search(
        rf"\b(?:{_MONTHS})\.?\s*$", before, re.I
    ):
        return "date"
    if re.match(r"[-–/]\d", after) or re.search(r"\d[-–/]$", before):
        # year ranges (1941-1945), scores and tallies (80-19 vote, 5-4 decision), dates (9/11)
        return "date" if "/" in before[-1:] + after[:1] else "range"
    if re.match(r"-(?!strong\b)[a-z]", after):
        return "modifier"  # a compound modifier: 52-count complaint, 18-month term, 10-point lead
    if value is not None and raw.isdigit() and len(raw) == 4 and 1000 <= value <= 2100:
        return "year"
    return "count"


_GLUED_OK = re.compile(r"(?:st|nd|rd|th|s)\b")
_MONTH_WORD = re.compile(rf"(?:{_MONTHS})", re.IGNORECASE)


def is_month(word: str) -> bool:
    """Whether ``word`` is a month name in one of the languages read (``февраля``, ``janvier``, ``Ocak``)."""
    return _MONTH_WORD.fullmatch(word) is not None


def find_numbers(text: str, lang: str | None = None) -> list[NumberMention]:
    """Every number in ``text`` with its value (or low/high range for vague amounts) and surface shape.

    ``lang``: the article's language (ISO 639-1); it chooses the scale and number words and the reading of
    ambiguous separators. Without it, English and Russian words are read."""
    code = (lang or "").lower()
    table = _lang(code)
    norm = normalize_digits(text)
    if code in {"tr", "az"}:
        norm = norm.replace("İ", "I")  # "2 BİN 800": the dotted capital folds to two characters, no match for "bin"
    cjk = code in CJK or code == "ko"
    out: list[NumberMention] = []
    for m in table.pattern.finditer(norm):
        raw = text[m.start() : m.end()]
        value: float | None
        low = high = None
        vague = False
        if m.group("vague"):
            value = None
            low, high = table.vague[m.group("vague").casefold()]
            shape, vague = "count", True
        elif m.group("digits") and cjk:
            digits = m.group("digits").rstrip(".,")
            end = m.start() + len(digits)
            if not any(ch.isdigit() for ch in digits) and not _CJK_FOLLOW.match(norm, end):
                continue  # 一些, 统一, 十分: characters that are not a count here
            value = cjk_value(digits)
            raw = text[m.start() : end]
            # a year is written with 年 ("2022年": a date); "2000人" is a count
            shape = "malformed" if value is None else _shape(norm, m.start(), end, value, "")
            if value is not None:
                low = high = value
            out.append(NumberMention(m.start(), end, raw, value, low, high, shape))
            continue
        elif m.group("digits"):
            s = m.start()
            glued_and = code in {"ar", "fa"} and s > 0 and norm[s - 1] == "و" and (s < 2 or not norm[s - 2].isalpha())
            if (
                s > 0
                and not glued_and  # "و2421 جريحاً": "and" written onto the number
                and ((norm[s - 1].isalpha() and not _is_cjk(norm[s - 1])) or norm[s - 1] in "-/:_")
            ):
                continue  # part of a code, name, range or date: G20, A320, 1941-1945, 9/11
            nxt = m.end("digits")
            suffix = _SUFFIX.match(norm, nxt) if code in AGGLUTINATIVE and not m.group("scale") else None
            if suffix is not None and (norm[nxt] in "'’\u02bc-" or not _scale_value(suffix.group(), table)):
                # a case ending: "200-dən" (a count, the ending kept in the mention)
                end = suffix.end()
                value = parse_digits(m.group("digits"), code)
                shape = "malformed" if value is None else _shape(norm, m.start(), nxt, value, m.group("digits"), end)
                out.append(NumberMention(m.start(), end, text[m.start() : end], value, value, value, shape))
                continue
            glued = nxt < len(norm) and norm[nxt].isalpha() and not m.group("scale")
            if glued and not _GLUED_OK.match(norm, nxt) and not _is_cjk(norm[nxt]):
                continue  # 4x4, 9mm
            scale = m.group("scale")
            value = parse_digits(m.group("digits"), code, scaled=bool(scale))
            if value is None:
                out.append(NumberMention(m.start(), m.end(), raw, None, None, None, "malformed"))
                continue
            if scale:
                factor = _scale_value(scale, table)
                value = value * factor if factor else value
                if m.group("rest") and factor and factor >= 1000:  # "11 bin 119", "34 هزار و 810"
                    value += float(m.group("rest"))
            shape = _shape(norm, m.start(), m.end(), value, m.group("digits"))
        else:
            value = words_value(raw, code)
            if value is None or value < 2:
                continue
            shape = _shape(norm, m.start(), m.end(), value, "")
        if value is not None:
            low = high = value
        out.append(NumberMention(m.start(), m.end(), raw, value, low, high, shape, vague))
    return out


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
