"""What makes two articles about one event alike across outlets and languages: keys and texts per article.

Cross-lingual keys (comparable between languages):
- ``e:<id>``: canonical entity ids (or canonical names) from the entities stage,
- ``g:<geonames id>``: resolved places (and entities resolved to a GeoNames id), the same key in every language;
  a place with no id keys by its region, ``a:<country>-<admin1>``, else ``p:<name>|<country>``; every place with a
  region also gives the region key ``a:<country>-<admin1>`` (Pazarcık and Elbistan meet in Kahramanmaraş
  province) and its country ``c:<country>``; a country itself (a place of feature "country", or an entity
  resolved to its GeoNames id) is only its ``c:<country>`` key;
- ``n:<skeleton>``: proper nouns of the title and lead, transliterated to Latin and reduced to a consonant
  skeleton so that "Токаев", "Tokayev", "Tokaïev" and "توكاييف" share the key ``n:tkv`` (Arabic script has no
  capitals: every word of four letters or more is a candidate there);
- ``f:<number>``: figures — the numbers of the claims stage (killed, arrested …, read in every script it reads)
  and numbers written in digits in the title and lead ("2.600", "2 600", "2600" → ``f:2600``), years left out;
  decimals (a magnitude "7,8" / "7.8" → ``f:7.8``) too;
- ``v:<type>``: the PLOVER types of the events stage (a protest and a referendum in one country differ here).

Two signals tell look-alike events apart (an earlier quake, a later flood in the same country), where the keys
above mostly agree (country, the kind of event, often a province):
- the article's **main measure** (:func:`main_measure`): the first bare one-decimal quantity of its title and lead —
  no percentage, money, count in thousands or millions, distance or duration, no aftershock's; one a magnitude word
  names ("магнитудой 7,8", "7.8级") goes first — the figure a report leads with to
  size its event (an earthquake's magnitude, a storm's or a flood's peak in metres): two reports of one event give
  it within a few tenths (agencies differ), two events rarely do;
- the article's **regions** (first-level divisions of its places, with their mentions) and its main country: an
  article whose places lie in regions no member of a story names is probably about another event there.

Each article also gets its **month** (its publication date, else a date in its URL, else a date written in digits
in its text; stories keep apart articles months away, see :mod:`newsprism.stories.cluster`) and its **year**: the
year of its publication date, else of a date in its URL
(``/2023/02/09/``, ``/202302/``), else the latest year its title and lead give as a date (:func:`event_years`: a
date word beside it, not after "since", not a count; else one no "since" or quantity word stands before: an undated
page on a 2011 strike says "2011"), so look-alike events of other years stay apart.

Within a language the title and body feed a TF-IDF model (see :mod:`newsprism.stories.cluster`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..enrich.numbers import is_month
from ..model import Article, Claim, Entity, Event, Item, Place

__all__ = [
    "ArticleFeatures",
    "article_features",
    "date_of",
    "decimals_in",
    "event_years",
    "figure_specificity",
    "figures_in",
    "main_measure",
    "name_skeleton",
    "transliterate",
    "year_of",
]

# Russian, Ukrainian and Kazakh Cyrillic to Latin (a practical, loss-tolerant table: only keys are compared).
_CYR = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
}
# Greek, Arabic, Persian and Armenian letters to Latin, for the same purpose (Arabic script writes few vowels, and a
# skeleton keeps only consonants: توكاييف and Tokayev meet).
_OTHER = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
    "ά": "a",
    "έ": "e",
    "ή": "i",
    "ί": "i",
    "ό": "o",
    "ύ": "y",
    "ώ": "o",
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "g",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "و": "u",
    "ي": "i",
    "ى": "a",
    "ة": "a",
    "ء": "",
    "ئ": "i",
    "ؤ": "u",
    "پ": "p",
    "چ": "ch",
    "ژ": "zh",
    "گ": "g",
    "ک": "k",
    "ی": "i",
    "ա": "a",
    "բ": "b",
    "գ": "g",
    "դ": "d",
    "ե": "e",
    "զ": "z",
    "է": "e",
    "ը": "y",
    "թ": "t",
    "ժ": "zh",
    "ի": "i",
    "լ": "l",
    "խ": "kh",
    "ծ": "ts",
    "կ": "k",
    "հ": "h",
    "ձ": "dz",
    "ղ": "gh",
    "ճ": "ch",
    "մ": "m",
    "յ": "y",
    "ն": "n",
    "շ": "sh",
    "ո": "o",
    "չ": "ch",
    "պ": "p",
    "ջ": "j",
    "ռ": "r",
    "ս": "s",
    "վ": "v",
    "տ": "t",
    "ր": "r",
    "ց": "ts",
    "ւ": "v",
    "փ": "p",
    "ք": "k",
    "օ": "o",
    "ֆ": "f",
    "և": "ev",
}
_CYR.update(_OTHER)
# consonants that spellings of one name trade between scripts: Tokayev / توكاييف (f), Kiev / Kiew, Piñera / بينيرا
_FOLD = str.maketrans({"f": "v", "w": "v", "q": "k", "c": "k", "p": "b"})
_VOWELS = set("aeiouy")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# capitalised words that start sentences or are otherwise not names (English, French, Russian, German)
_STOP_CAPS = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "and",
    "but",
    "or",
    "for",
    "to",
    "with",
    "by",
    "from",
    "as",
    "it",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "its",
    "is",
    "was",
    "were",
    "are",
    "be",
    "has",
    "have",
    "had",
    "not",
    "no",
    "after",
    "before",
    "when",
    "while",
    "what",
    "why",
    "how",
    "who",
    "which",
    "where",
    "there",
    "here",
    "if",
    "so",
    "than",
    "then",
    "also",
    "more",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
    "says",
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
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "et",
    "en",
    "dans",
    "pour",
    "par",
    "sur",
    "il",
    "elle",
    "ils",
    "au",
    "aux",
    "ce",
    "cette",
    "qui",
    "que",
    "selon",
    "der",
    "die",
    "das",
    "und",
    "ein",
    "eine",
    "im",
    "в",
    "на",
    "и",
    "по",
    "с",
    "о",
    "об",
    "не",
    "что",
    "как",
    "это",
    "он",
    "она",
    "они",
    "для",
    "из",
    "к",
    "у",
    "за",
    "при",
    "после",
    "также",
    "однако",
    "но",
}
LEAD_CHARS = 1500
# digits with optional grouping by ".", ",", space or a thin space (2.600, 2,600, 2 600); decimals are kept apart
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?![\d])")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_SOLAR_HIJRI_YEAR = re.compile(r"(?<!\d)(13[3-9]\d|14[0-2]\d)(?!\d)")  # 1330-1429 SH = 1951-2050
FIGURE_WEIGHT = 0.6  # a shared figure is weaker evidence than a shared name
# case endings after an apostrophe (Turkish, Azerbaijani: Tokayev'in, Kazakistan'da, Almatı’ya); an English "'s"
# is left as it was (measured: stripping it too lowers AllSides pairwise F1 from 0.653 to 0.648)
_APOSTROPHE_SUFFIX = re.compile(r"['’](?![sS]$)[^\W\d_]{1,5}$")
EVENT_WEIGHT = 0.4
EMBED_CHARS = 300
NAME_WEIGHT = 0.5  # a capitalised word's skeleton (no entity or place behind it)
# a country is one key (``c:TR``), however many places of it and whatever the places stage or the entities stage
# resolved it to: a shared country is weak evidence through its inverse document frequency (every look-alike event
# of that country shares it), not through a weight of its own (measured on the multilingual development set: 0.5
# or 0.8 here split the crisis stories more and let more look-alikes in)
COUNTRY_WEIGHT = 1.0
REGION_WEIGHT = 0.8
# a decimal of one digit each side of "." or "," (a magnitude 7,8 or 7.8), not part of a longer number (13.24, 2.600)
_DECIMAL = re.compile(r"(?<![\d.,])(\d)[.,](\d)(?![\d.,]*\d)")
# what may follow a decimal that is not the measure of an event: a share, money, a count in thousands or
# millions (Polish "5,3 tys.", Turkish "2,5 milyon"), a distance, a duration, a temperature
_NOT_MEASURE_AFTER = re.compile(
    r"\s?(?:%|‰|[$€£¥₺₽]|percent|per\s?cent|pour\s?cent|por\s?ciento|prozent|procent|процент|відс|yüzde|"
    r"million|mln|mio|milyon|miljoen|miljon|milion|milione|миллион|млн|мільйон|billion|bn|mrd|milliard|miliard|"
    r"milyar|млрд|trillion|trilyon|thousand|tys|тыс|тис|bin\b|ezer|tusen|tuhat|mila\b|mille\b|mil\b|k\b|"
    r"万|億|亿|억|만|千|km|км|mi\b|miles|m\b|м\b|cm|kg|°|hours?|uhr|часа?|saat|godz|heures?|minut)",
    re.IGNORECASE,
)
_NOT_MEASURE_BEFORE = re.compile(r"[$€£¥₺₽]\s?$")
# a date in a URL path: /2023/02/09/, /2023-02-09, /20230209, /202302/, /2023/0206/
_URL_DATE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)[/_-]?(0[1-9]|1[0-2])(?:[/_-]?(0[1-9]|[12]\d|3[01]))?(?!\d)")
# a date written in digits in a text: 2023-02-06, 06.02.2023, 6/2/2023, 2023年2月6日, 2023. február 6. is not read
_TEXT_DATE = re.compile(
    r"(?<!\d)(?:(19[5-9]\d|20[0-4]\d)[-./年]\s?(1[0-2]|0?[1-9])(?:[-./月]|\s?月)"
    r"|(?:[12]\d|3[01]|0?[1-9])[./](1[0-2]|0?[1-9])[./](19[5-9]\d|20[0-4]\d)(?!\d))"
)


def transliterate(text: str) -> str:
    """Lower-case Latin form of ``text``: Cyrillic transliterated, accents removed."""
    low = text.casefold()
    out = "".join(_CYR.get(ch, ch) for ch in low)
    decomposed = unicodedata.normalize("NFKD", out)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_skeleton(word: str, *, length: int = 6) -> str:
    """First letter plus the following consonants (no vowels, no doubles), at most ``length`` letters.

    Spelling variants and inflections of one name meet: Tokayev, Tokaev, Токаев, Токаева → ``tkv``;
    Kazakhstan, Казахстане → ``kzkhst``.
    """
    latin = re.sub(r"[^a-z]", "", transliterate(word)).translate(_FOLD)
    if not latin:
        return ""
    out = [latin[0]]
    for ch in latin[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out[:length])


@dataclass(slots=True)
class ArticleFeatures:
    """One article's clustering features."""

    article_id: str
    language: str
    date: str  # YYYY-MM-DD ("" when unknown)
    text: str  # title (twice, it weighs more) and body, for TF-IDF within the language
    keys: dict[str, float] = field(default_factory=dict)  # cross-lingual keys with weights
    names: list[str] = field(default_factory=list)  # display names behind the entity keys, most frequent first
    lead: str = ""  # title and first sentences, for a sentence embedder (short: embedding cost grows with length)
    year: int | None = None  # year of publication, else the latest year the title and lead name
    dated: bool = False  # True when ``year`` is the publication year (not inferred)
    month: str = ""  # YYYY-MM: of publication, else of a date in the URL or the text ("" when unknown)
    year_from_text: bool = False  # True when ``year`` is only a year the title and lead name (weak evidence)
    measure: str = ""  # the main measure of its event (see :func:`main_measure`), "" when none
    regions: dict[str, int] = field(default_factory=dict)  # "CC-admin1" -> mentions of places in that region
    country: str = ""  # the country most of its places (regions) lie in


def _caseless_names(word: str) -> str | None:
    """A word of a script without capitals (Arabic, Persian) that may be a name: four letters or more once the
    article "ال" is cut off. Names cannot be told from other words there, so every such word is a candidate; a key
    only counts when another article shares it, and words shared only within one language weigh little against
    the TF-IDF text there."""
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    return word if len(word) >= 4 else None


def _proper_nouns(text: str) -> Iterable[str]:
    prev_end = -1
    for m in _WORD.finditer(text):
        word = m.group(0)
        if _ARABIC.match(word):
            name = _caseless_names(word)
            if name:
                yield name
            prev_end = m.end()
            continue
        start = m.start()
        sentence_start = start == 0 or bool(re.search(r"[.!?:«\"“]\s*$", text[max(0, prev_end) : start]))
        prev_end = m.end()
        if not word[0].isupper() or len(word) < 3 or word.casefold() in _STOP_CAPS:
            continue
        if sentence_start and word.casefold() in _STOP_CAPS:
            continue
        yield word


def figures_in(text: str) -> list[int]:
    """Whole numbers written in digits in ``text`` (grouped thousands read as one number), years and numbers
    under 10 left out: ``"más de 1.400 detenidos, 18 muertos en 2019"`` → ``[1400, 18]``."""
    out = []
    for m in _NUMBER.finditer(text):
        raw = m.group(1)
        digits = re.sub(r"\D", "", raw)
        if not digits or len(digits) > 9:
            continue
        n = int(digits)
        if n < 10 or (raw == digits and _YEAR.fullmatch(raw)):
            continue
        out.append(n)
    return out


def _ascii_digits(text: str) -> str:
    """``text`` with every decimal digit (Persian ۱۳۹۸, Arabic-Indic ٢٠١٩, full-width …) as an ASCII digit."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(ch)) if ch.isdecimal() else ch for ch in text)


def figure_specificity(n: int) -> float:
    """How much a shared figure says two articles report one event: 14 014 dead or 5 606 buildings are rarely
    reported of two events, 18 or 1 000 often are (small and round numbers weigh less)."""
    spec = 1.0 if n >= 1000 else 0.7 if n >= 100 else 0.4
    if (n >= 100 and n % 100 == 0) or n % 10 == 0:
        spec *= 0.5
    return spec


def decimals_in(text: str) -> list[str]:
    """Decimals with one or two digits after the point or comma, as ``"7.8"``: ``"Stärke 6,8"`` → ``["6.8"]``
    (grouped thousands such as ``"2.600"`` are whole numbers, not decimals)."""
    out = []
    for m in _DECIMAL.finditer(_ascii_digits(text)):
        whole, frac = int(m.group(1)), m.group(2).rstrip("0")
        if frac:
            out.append(f"{whole}.{frac}")
    return out


# words that name a decimal as a quake's magnitude (before or after it), and words of an aftershock before it
_MAGNITUDE_WORD = re.compile(
    r"magnitud|stärke|richter|магнитуд|магнітуд|büyüklü|şiddetinde|bal\b|балл|級|级|규모|マグニチュード|ریشتر|بقوة|"
    r"ρίχτερ|μεγέθους|magnitudilla|erősség|skalan|\bmw?\s?$",
    re.IGNORECASE,
)
_AFTERSHOCK_WORD = re.compile(
    r"aftershock|efterskalv|nachbeben|réplique|réplica|replica|scossa di assestamento|wstrząs wtórny|афтершок|"
    r"повторн|artçı|余震|여진|پس‌لرزه|پس لرزه|هزة ارتدادية|hazat irtidadia|jälkijäristys|utórrengés|μετασεισμ",
    re.IGNORECASE,
)


def main_measure(text: str) -> str:
    """The main measure of ``text`` (see the module notes), as ``"6.7"``, or "" when there is none: a bare
    one-decimal quantity (no share, money, count in thousands, distance or duration), not an aftershock's; the
    first one a magnitude word stands by ("magnitude 7.8", "магнитудой 7,8", "7,8 büyüklüğünde", "7.8级"), else
    the first bare one (an earlier decimal may be a time or a river's level; a larger later one a past quake's):
    ``"5,3 tys. rannych, a quake of magnitude 6.8"`` → ``"6.8"``; ``"inflation at 4.5% and $7.2 billion"`` → ``""``."""
    digits = _ascii_digits(text)
    first = ""
    named: list[str] = []
    for m in _DECIMAL.finditer(digits):
        if _NOT_MEASURE_AFTER.match(digits, m.end()) or _NOT_MEASURE_BEFORE.search(digits, 0, m.start()):
            continue
        if _AFTERSHOCK_WORD.search(re.split(r"[.!?;]\s", digits[max(0, m.start() - 40) : m.start()])[-1]):
            continue
        value = f"{int(m.group(1))}.{m.group(2)}"
        before = re.split(r"[.!?;]\s", digits[max(0, m.start() - 40) : m.start()])[-1]
        if _MAGNITUDE_WORD.search(before) or _MAGNITUDE_WORD.match(digits[m.end() : m.end() + 16].lstrip(" -")):
            named.append(value)
        first = first or value
    return named[0] if named else first


def date_of(article: Article, text: str) -> tuple[str, str]:
    """The article's day (``YYYY-MM-DD``, "" when unknown) and month (``YYYY-MM``, "" when unknown): its
    publication date, else a date in its URL path, else the first date written in digits in ``text``."""
    pub = (article.published or "")[:10]
    if len(pub) >= 7 and pub[:4].isdigit() and pub[5:7].isdigit():
        return (pub if len(pub) == 10 else ""), pub[:7]
    url = article.url or ""
    path = url.split("://", 1)[-1].partition("/")[2]
    m = _URL_DATE.search(path)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        return (f"{year}-{month}-{day}" if day else ""), f"{year}-{month}"
    m = _TEXT_DATE.search(_ascii_digits(text))
    if m:
        year = m.group(1) or m.group(4)
        month = m.group(2) or m.group(3)
        return "", f"{year}-{int(month):02d}"
    return "", ""


# words that make a year a date's: month names (``is_month`` of the claims stage reads the European ones) and the
# word "year" in its forms, in the languages read (stems: a prefix match)
_DATE_WORDS = re.compile(
    r"(?:год|г\.|року|рік|roku|rok\b|yıl|il\b|ili\b|ildə|ilin|жыл|jahr|année|an\b|año|anno|ano\b|year|év|vuo|år|"
    r"jaar|έτος|έτους|χρον|عام|سنة|سال|թ\.|թվական|yil|ақпан|қаңтар|fevral|yanvar|şubat|фев|ιαν|φεβ|μαρ|απρ|μαΐ|ιουν|"
    r"ιουλ|αυγ|σεπ|οκτ|νοε|δεκ|janu|febr|márc|ápr|máj|jún|júl|aug|szept|okt|nov|dec|helmi|tammi|maalis|huhti|touko|"
    r"kesä|heinä|elo|syys|loka|marras|joulu|فبراير|شباط|يناير|فوريه|بهمن|اسفند|ژانویه)",
    re.IGNORECASE,
)
_CJK_DATE_AFTER = re.compile(r"^\s?(?:年|년)")
# a year after "since" (or its "-den beri", "以来" after it) is a past reference, not the event's year
_SINCE_BEFORE = re.compile(
    r"(?:\b(?:since|seit|depuis|desde|dal|dall['’]|od|с|со|з|із|від|sedan|sinds|från|منذ|από|از|自)"
    r"(?:\s+(?:the|le|l['’]|el|o|lo|il|το|του|года|год|року|roku|jahr|year|عام|سنة|سال|an|ano|año))*\s*|自)$",
    re.IGNORECASE,
)
# ... or a few words after an unambiguous "since" ("the largest since the quake of 17 August 1999")
_SINCE_FAR = re.compile(
    r"\b(?:since|seit|depuis|desde|sinds|sedan|منذ|έπειτα από|μετά από|dopo quello|nachdem|όπως)\b", re.IGNORECASE
)
_SINCE_AFTER = re.compile(
    r"^(?:['’]?\w{0,4}\s?(?:yıl\w*|il\w*|жыл\w*|年|년)?\s?(?:beri|bəri|бері|bu yana|以来|以降|이후|óta|lähtien|"
    r"ta lähtien|sedan|herefter))",
    re.IGNORECASE,
)
# a number followed by a noun it counts ("2000 injured", "2000 человек") is no year, unless a date stands before it
_QUANTITY_BEFORE = re.compile(
    r"(?:more than|over|about|nearly|almost|mehr als|über|rund|fast|plus de|près de|environ|más de|cerca de|"
    r"casi|oltre|quasi|mais de|quase|ponad|prawie|około|более|больше|около|почти|свыше|понад|майже|близько|"
    r"fazla|yaklaşık|yakın|astam|шамамен|астам|أكثر من|نحو|حوالي|بیش از|حدود|yli|noin|över|cirka|drygt|több mint|"
    r"közel|mintegy|μεγαλύτερο από|πάνω από|περίπου)\s*$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"^\s+([^\W\d_]{3,})", re.UNICODE)
_LAST_WORD = re.compile(r"(\d{1,2}\.?,?|[^\W\d_]+)\s$", re.UNICODE)


def _is_date_word(word: str) -> bool:
    return is_month(word) or bool(_DATE_WORDS.match(word))


def _near_date_word(chunk: str) -> bool:
    return any(_is_date_word(w) for w in _WORD.findall(chunk)) or bool(_DATE_WORDS.search(chunk))


def event_years(text: str, *, loose: bool = False) -> list[int]:
    """The years ``text`` names as the date of something: a year with a date word beside it ("6 February 2023",
    "в 2023 году", "2023年2月6日", "2023 yılında"), not one after "since" ("seit 2011", "2011'den beri", "自2011年以来")
    nor a count ("2000 injured"): ``"Depuis 2011, 2000 blessés; le 6 février 2023"`` → ``[2023]``. ``loose``: also
    a year no date word stands by, when it follows no "since" nor a quantity word ("the largest protest of 2011";
    not "more than 2000")."""
    out = []
    for m in _YEAR.finditer(text):
        start, end = m.span()
        before, after = text[max(0, start - 45) : start], text[end : end + 30]
        clause = re.split(r"[.!?;,،]\s", before)[-1]
        far = [m2 for m2 in _SINCE_FAR.finditer(clause) if not re.search(r"\d{4}", clause[m2.end() :])]
        if _SINCE_BEFORE.search(before) or far or _SINCE_AFTER.match(after):
            continue
        if _CJK_DATE_AFTER.match(after):
            out.append(int(m.group(1)))
            continue
        if not (_near_date_word(before[-16:]) or _near_date_word(after[:16])):
            if loose and not _QUANTITY_BEFORE.search(before):
                out.append(int(m.group(1)))
            continue
        noun, last = _WORD_AFTER.match(after), _LAST_WORD.search(before)
        # a date right before it ("6 February 2023 earthquake", "6 de febrero de 2023", "February 6, 2023")
        dated_before = last is not None and (
            last.group(1)[0].isdigit() or any(_is_date_word(w) for w in _WORD.findall(before)[-2:])
        )
        if noun and not _is_date_word(noun.group(1)) and not dated_before:
            continue  # a count: "2000 injured"
        out.append(int(m.group(1)))
    return out


def year_of(article: Article, text: str) -> tuple[int | None, bool]:
    """The article's year and whether it is its publication year (else the year of a date in its URL, else the
    latest year ``text`` names; in Persian a Solar Hijri year, ``آبان ۱۳۹۸``, counts as its Gregorian year, 2019)."""
    pub = (article.published or "")[:4]
    if pub.isdigit():
        return int(pub), True
    url_month = date_of(article, "")[1]
    if url_month:
        return int(url_month[:4]), False
    digits = _ascii_digits(text)
    # a year a date word makes the date of something, else one no "since" or quantity word stands before
    years = event_years(digits) or event_years(digits, loose=True)
    if (article.language or "").startswith("fa"):
        years += [int(y) + 621 for y in _SOLAR_HIJRI_YEAR.findall(digits)]
    return (max(years) if years else None), False


def article_features(article: Article, items: Iterable[Item]) -> ArticleFeatures:
    """Features of ``article`` from its text and the entities and places stages found in it."""
    keys: dict[str, float] = {}
    names: dict[str, int] = {}
    figures: set[int] = set()
    regions: set[str] = set()
    region_mentions: dict[str, int] = {}
    countries: set[str] = set()
    items = list(items)
    # GeoNames ids the places stage read as countries: an entity resolved to one is that country's key
    country_ids = {
        it.geonames_id: it.country
        for it in items
        if isinstance(it, Place) and it.feature == "country" and it.geonames_id and it.country
    }
    for it in items:
        if isinstance(it, Entity):
            ident = it.entity_id or (it.canonical and "c:" + transliterate(it.canonical))
            if ident and it.type in {"person", "organisation", "organization", "place", "event", "other"}:
                # an entity resolved to a GeoNames place is that place (one key with the places stage's)
                gid = int(ident[9:]) if ident.startswith("geonames:") and ident[9:].isdigit() else None
                if gid is not None and gid in country_ids:
                    countries.add(country_ids[gid])
                else:
                    k = "g:" + ident[9:] if ident.startswith("geonames:") else "e:" + ident
                    keys[k] = keys.get(k, 0.0) + 1.0
                shown = it.canonical or it.text
                names[shown] = names.get(shown, 0) + 1
        elif isinstance(it, Place) and it.name:
            region = f"a:{it.country}-{it.admin1}" if it.country and it.admin1 else ""
            if it.feature == "country" and it.country:
                countries.add(it.country)  # the country key, not a GeoNames id of its own
                names[it.name] = names.get(it.name, 0) + 1
                continue
            if it.geonames_id:
                k = f"g:{it.geonames_id}"
            elif region and it.feature == "admin":
                k = region
            else:
                k = f"p:{transliterate(it.name)}|{it.country or ''}"
            keys[k] = keys.get(k, 0.0) + 1.0
            if region and k != region:
                regions.add(region)
            if region:
                region_mentions[region[2:]] = region_mentions.get(region[2:], 0) + 1
            if it.country:
                countries.add(it.country)
            names[it.name] = names.get(it.name, 0) + 1
        elif isinstance(it, Claim) and it.number is not None and 10 <= it.number < 1e9:
            figures.add(int(it.number))
        elif isinstance(it, Event) and it.type:
            keys["v:" + it.type] = keys.get("v:" + it.type, 0.0) + 1.0
    lead = (article.title or "") + ". " + article.body[:LEAD_CHARS]
    for word in _proper_nouns(lead):
        sk = name_skeleton(_APOSTROPHE_SUFFIX.sub("", word))
        if len(sk) >= 3:
            keys["n:" + sk] = keys.get("n:" + sk, 0.0) + 1.0
    figures.update(figures_in(lead))
    # counts -> damped weights
    weighted = {k: 1.0 + min(3.0, v) ** 0.5 - 1.0 for k, v in keys.items()}
    for k in [k for k in weighted if k.startswith("v:")]:
        weighted[k] *= EVENT_WEIGHT
    for k in [k for k in weighted if k.startswith("n:")]:
        weighted[k] *= NAME_WEIGHT
    for n in figures:
        weighted[f"f:{n}"] = FIGURE_WEIGHT * figure_specificity(n)
    for d in decimals_in(lead):
        weighted[f"f:{d}"] = FIGURE_WEIGHT
    for region in regions:
        weighted[region] = max(weighted.get(region, 0.0), REGION_WEIGHT)
    for country in countries:
        weighted[f"c:{country}"] = COUNTRY_WEIGHT
    day, month = date_of(article, lead)
    # a number the claims stage read as a count ("2000 injured") is no year: blanked before years are looked for
    counted = [(it.start, it.end) for it in items if isinstance(it, Claim) and 0 <= it.start < it.end <= LEAD_CHARS]
    body = article.body[:LEAD_CHARS]
    for start, end in counted:
        body = body[:start] + " " * (end - start) + body[end:]
    year, dated = year_of(article, (article.title or "") + ". " + body)
    title = article.title or ""
    by_country: dict[str, int] = {}
    for region, count in region_mentions.items():
        by_country[region.split("-", 1)[0]] = by_country.get(region.split("-", 1)[0], 0) + count
    return ArticleFeatures(
        article_id=article.id,
        language=(article.language or "und"),
        date=(article.published or "")[:10] or day,
        month=month,
        text=f"{title}\n{title}\n{article.body}",
        keys=weighted,
        names=[n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))],
        lead=f"{title}\n{article.body[:EMBED_CHARS]}",
        year=year,
        dated=dated,
        year_from_text=year is not None and not dated and not date_of(article, "")[1],
        measure=main_measure(lead),
        regions=region_mentions,
        country=min(by_country, key=lambda c: (-by_country[c], c)) if by_country else "",
    )
