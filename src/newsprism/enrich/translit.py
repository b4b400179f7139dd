"""Name keys that are equal for the spelling variants of one name across scripts and transliteration schemes.

``name_key("Токаев") == name_key("Tokayev") == name_key("Tokaev") == name_key("Toqaev") == name_key("Tokaïev")``.

A key is built in three steps:

1. Cyrillic (Russian, Kazakh, Ukrainian, Uzbek, Kyrgyz letters), Greek and Armenian are romanised letter by letter
   with one simple scheme each; Arabic-script letter variants are folded (``أ``/``ا``, ``ی``/``ي``, ``ک``/``ك``).
2. Diacritics are dropped (NFKD), case folded, punctuation becomes a space.
3. Latin spellings that the usual schemes (BGN/PCGN, ISO 9 practice, French and German press habits, Kazakh
   Latin) write differently are brought together: ``q→k``, ``kh→h``, ``zh/dzh/dj→j``, ``ye/ie→e``, ``y/i``
   between vowels dropped, ``ou→u``, ``tch/tsch/ch→c``, doubled letters single, ``y→i``, a ``j`` between vowels
   read as ``y`` (Tokajew), Dutch ``oe`` as ``u`` (Poetin).

Arabic-script names are compared with Latin ones through :func:`consonant_skeleton` (vowels are not written).

Keys are for matching only and are never shown. Scripts without letters of case (Chinese, Arabic ...) pass through
step 1 unchanged (Arabic script only folded), so their aliases match by exact key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "arabic_fold",
    "consonant_skeleton",
    "cyrillic_to_latin",
    "fold",
    "has_arabic",
    "has_cyrillic",
    "name_key",
    "token_keys",
]

_CYR: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
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
    # Kazakh
    "ә": "a",
    "ғ": "g",
    "қ": "q",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    # Ukrainian, Belarusian
    "є": "ye",
    "ї": "yi",
    "ґ": "g",
    "ў": "u",
    # Uzbek, Kyrgyz, Tajik, Bashkir, Tatar
    "ҳ": "h",
    "ҷ": "j",
    "ӣ": "i",
    "ӯ": "u",
    "ҙ": "z",
    "ҫ": "s",
    "ӊ": "n",
    "ӑ": "a",
    "ӗ": "e",
    "ҡ": "k",
}

_CYR_RE = re.compile(r"[\u0400-\u04ff]")

#: Greek, letter by letter after the digraphs below (modern pronunciation, as the press transliterates names).
_GREEK: dict[str, str] = {
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
    "ξ": "ks",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "i",
    "φ": "f",
    "χ": "h",
    "ψ": "ps",
    "ω": "o",
}
_GREEK_DIGRAPHS = (
    ("ου", "u"),
    ("μπ", "b"),
    ("ντ", "d"),
    ("γκ", "g"),
    ("γγ", "ng"),
    ("τσ", "ts"),
    ("τζ", "dz"),
    ("αι", "e"),
    ("ει", "i"),
    ("οι", "i"),
)
_GREEK_RE = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")

#: Armenian (Eastern Armenian pronunciation; "ու" is u, "և" is ev).
_ARMENIAN: dict[str, str] = {
    "ա": "a",
    "բ": "b",
    "գ": "g",
    "դ": "d",
    "ե": "e",
    "զ": "z",
    "է": "e",
    "ը": "e",
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
    "և": "ev",
    "օ": "o",
    "ֆ": "f",
}
_ARMENIAN_RE = re.compile(r"[\u0530-\u058f]")
GEORGIAN_RE = re.compile(r"[\u10d0-\u10ff]")
#: Georgian Mkhedruli to Latin, after the national romanisation (2002): aspirated and ejective pairs fall together
#: (თ/ტ t, ფ/პ p, ქ/კ k, ც/წ ts, ჩ/ჭ ch), as Latin spellings of Georgian names write them.
_GEORGIAN = str.maketrans(
    {
        **dict(zip("აბგდევზთიკლმნოპრსტუფქყჰ", "abgdevztiklmnoprstupkqh", strict=True)),
        **{"ჟ": "zh", "ღ": "gh", "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts", "ჭ": "ch", "ხ": "kh", "ჯ": "j"},
    }
)

#: Arabic-script letters folded to one form (Persian and Urdu letters to the Arabic ones a reader takes as equal).
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ے": "ي",
        "ک": "ك",
        "ة": "ه",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": None,
        "‌": None,
    }
)
_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u06d6-\u06ed]")
#: Arabic-script consonants and the Latin consonant class each is heard as (for a skeleton across scripts).
_ARABIC_SKELETON = {
    "ب": "b",
    "پ": "b",
    "ت": "t",
    "ط": "t",
    "ث": "s",
    "س": "s",
    "ص": "s",
    "ج": "j",
    "چ": "c",
    "ح": "h",
    "خ": "h",
    "ه": "h",
    "د": "d",
    "ض": "d",
    "ذ": "z",
    "ز": "z",
    "ظ": "z",
    "ژ": "j",
    "ر": "r",
    "ش": "s",
    "ع": "",
    "غ": "k",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "گ": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "و": "",
    "ي": "",
    "ا": "",
    "ء": "",
}

# applied in order to a folded Latin string
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"tsch|tch", "c"),
        (r"shch|sch", "sh"),
        (r"dzh|dj|zh", "j"),
        (r"kh", "h"),
        (r"ch", "c"),
        (r"q", "k"),
        (r"ck", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"ou", "u"),
        (r"oe(?=[bcdfgklmnprstvz])", "u"),  # Dutch spellings: Poetin, Toerkmenistan
        (r"(?<=[aeiou])j(?=[aeiou])", "y"),  # German, Polish, Nordic, Slavic Latin j: Tokajew / Tokayev
        (r"ty(?=i)", "t"),  # Hungarian spellings: Putyin
        (r"ph", "f"),
        (r"\b(?:y|i)(?=[aeou])", ""),  # Yerlan / Erlan, Iakutsk / Yakutsk
        (r"(?<=[aeiou])(?:y|i)(?=[aeou])", ""),  # Tokayev / Tokaev / Tokaiev
        (r"(?<=[bcdfgklmnprstvz])(?:y|i)(?=e)", ""),  # Dmitriev / Dmitryev / Dmitrev
        (r"y", "i"),
        (r"(.)\1+", r"\1"),
        (r"ine$", "in"),  # French spellings of Russian names: Poutine, Mamine, Michoustine
        (r"(?<=e)f$", "v"),  # Greek and Persian spellings: Τοκάγιεφ, Lavrof
    )
)


def has_cyrillic(text: str) -> bool:
    return bool(_CYR_RE.search(text))


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_RE.search(text))


def _greek_to_latin(text: str) -> str:
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = re.sub(r"(?<=[αεηιοωυ])γι(?=[αεοω])", "y", text)  # palatal gamma after a vowel: Τοκάγιεφ → tokayef
    text = re.sub(r"(?<=[αεηιοωυ])γ(?=[εη])", "y", text)
    for a, b in _GREEK_DIGRAPHS:
        text = text.replace(a, b)
    return "".join(_GREEK.get(ch, ch) for ch in text)


def _armenian_to_latin(text: str) -> str:
    return "".join(_ARMENIAN.get(ch, ch) for ch in text.replace("ու", "u"))


def arabic_fold(text: str) -> str:
    """Arabic-script text without short-vowel marks or tatweel, with letter variants folded (أ إ آ → ا, ی → ي,
    ک → ك, ة → ه)."""
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text)).translate(_ARABIC_FOLD)


def consonant_skeleton(text: str) -> str:
    """The consonants of a name as Latin classes, equal across Arabic script and Latin spellings
    (``توكاييف`` and ``Tokayev`` → ``tkf``; ``بوتين`` and ``Putin`` → ``btn``). For matching only."""
    if has_arabic(text):
        return "".join(_ARABIC_SKELETON.get(ch, "") for ch in arabic_fold(text) if not ch.isspace())
    out = []
    for w in fold(text).split():
        w = re.sub(r"sh|ch|zh|ts|x", lambda m: {"sh": "s", "ch": "c", "zh": "j", "ts": "s", "x": "ks"}[m.group()], w)
        w = re.sub(r"kh|gh|q|g|c(?!$)", "k", w)
        w = w.replace("p", "b").replace("v", "f").replace("w", "f")
        out.append(re.sub(r"[aeiouy]", "", w))
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def cyrillic_to_latin(text: str) -> str:
    """Romanise Cyrillic letters (lower case result for Cyrillic letters; other characters kept)."""
    if not has_cyrillic(text):
        return text
    return "".join(_CYR.get(ch.lower(), ch) if _CYR_RE.match(ch) else ch for ch in text)


@lru_cache(maxsize=1 << 16)
def georgian_to_latin(text: str) -> str:
    """Georgian Mkhedruli romanised (national system), for sound keys: ``ტრამპმა`` -> ``trampma``."""
    return text.translate(_GEORGIAN)


def fold(text: str) -> str:
    """Case-folded text without diacritics, typographic quotes or punctuation; Cyrillic, Greek and Armenian
    romanised (Georgian is not: romanised, its short words meet Latin place names and abbreviations, "მას" is
    "mas", Massachusetts)."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = cyrillic_to_latin(text.casefold())
    if _GREEK_RE.search(text):
        text = _greek_to_latin(text)
    if _ARMENIAN_RE.search(text):
        text = _armenian_to_latin(text)
    if _ARABIC_RE.search(text):
        text = arabic_fold(text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = text.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("œ", "oe")
    text = text.replace("ł", "l").replace("đ", "d").replace("ə", "a").replace("ʻ", "'").replace("ʼ", "'")
    text = text.replace("'s ", " ").removesuffix("'s")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)
def _key_word(word: str) -> str:
    if not word.isascii():
        return word
    for pattern, repl in _RULES:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Matching key of a name: equal for its transliteration and diacritic variants."""
    return " ".join(_key_word(w) for w in fold(text).split())


def token_keys(text: str) -> list[str]:
    """Keys of the words of a name (``"Kassym-Jomart Tokayev"`` → ``["kasim", "jomart", "tokaev"]``)."""
    return [_key_word(w) for w in fold(text).split()]
