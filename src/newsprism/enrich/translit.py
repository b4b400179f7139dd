"""Name keys that are equal for the spelling variants of one name across scripts and transliteration schemes.

``name_key("Токаев") == name_key("Tokayev") == name_key("Tokaev") == name_key("Toqaev") == name_key("Tokaïev")``.

A key is built in three steps:

1. Cyrillic (Russian, Kazakh, Ukrainian letters) is romanised letter by letter with one simple scheme.
2. Diacritics are dropped (NFKD), case folded, punctuation becomes a space.
3. Latin spellings that the usual schemes (BGN/PCGN, ISO 9 practice, French and German press habits, Kazakh
   Latin) write differently are brought together: ``q→k``, ``kh→h``, ``zh/dzh/dj→j``, ``ye/ie→e``, ``y/i``
   between vowels dropped, ``ou→u``, ``tch/tsch/ch→c``, doubled letters single, ``y→i``.

Keys are for matching only and are never shown. Scripts without letters of case (Chinese, Arabic ...) pass through
step 1 unchanged, so their aliases match by exact key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["cyrillic_to_latin", "fold", "has_cyrillic", "name_key", "token_keys"]

_CYR: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
    # Kazakh
    "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    # Ukrainian, Belarusian
    "є": "ye", "ї": "yi", "ґ": "g", "ў": "u",
}  # fmt: skip

_CYR_RE = re.compile(r"[\u0400-\u04ff]")

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
        (r"ph", "f"),
        (r"\b(?:y|i)(?=[aeou])", ""),  # Yerlan / Erlan, Iakutsk / Yakutsk
        (r"(?<=[aeiou])(?:y|i)(?=[aeou])", ""),  # Tokayev / Tokaev / Tokaiev
        (r"(?<=[bcdfgklmnprstvz])(?:y|i)(?=e)", ""),  # Dmitriev / Dmitryev / Dmitrev
        (r"y", "i"),
        (r"(.)\1+", r"\1"),
        (r"ine$", "in"),  # French spellings of Russian names: Poutine, Mamine, Michoustine
    )
)


def has_cyrillic(text: str) -> bool:
    return bool(_CYR_RE.search(text))


def cyrillic_to_latin(text: str) -> str:
    """Romanise Cyrillic letters (lower case result for Cyrillic letters; other characters kept)."""
    if not has_cyrillic(text):
        return text
    return "".join(_CYR.get(ch.lower(), ch) if _CYR_RE.match(ch) else ch for ch in text)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-folded text without diacritics, typographic quotes or punctuation; Cyrillic romanised."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = cyrillic_to_latin(text.casefold())
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = text.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("œ", "oe")
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
