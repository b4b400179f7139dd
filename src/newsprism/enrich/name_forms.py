"""Inflected forms of names: the stems a name may have under a case, possessive or particle ending.

News in Turkic, Finnic, Hungarian, Slavic, Armenian and Arabic-script languages writes a name with endings
("Tokayev'in", "Тоқаевтың", "Tokajevin", "Tokajevvel", "Tokajewa", "Токаеву", "Տոկաևի", "وتوكاييف"). Matching
a name against the actor table or against a fuller mention in the same article tries the word as written, then
each stem :func:`name_stems` gives, longest stem first. Stems are candidates, never shown: a stem counts only when
it equals a known name.

The endings below are the case and possessive suffixes of each language family as grammars list them (facts of
the languages, written out here by the newsprism authors).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["ELISIONS", "name_stems", "strip_elision"]

_TURKIC_LATIN = (
    "nın",
    "nin",
    "nun",
    "nün",
    "ning",
    "dan",
    "den",
    "tan",
    "ten",
    "dagi",
    "yla",
    "yle",
    "la",
    "le",
    "lə",
    "ın",
    "in",
    "un",
    "ün",
    "ya",
    "ye",
    "yə",
    "yı",
    "yi",
    "yu",
    "yü",
    "da",
    "də",
    "de",
    "ta",
    "te",
    "ga",
    "ka",
    "qa",
    "ni",
    "ı",
    "i",
    "u",
    "ü",
    "a",
    "e",
    "ə",
    "dır",
    "dir",
    "lar",
    "ler",
    "lər",
)
_TURKIC_CYRILLIC = (
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "нын",
    "нин",
    "дын",
    "дин",
    "тын",
    "тин",
    "нун",
    "нүн",
    "дун",
    "дүн",
    "тун",
    "түн",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "дагы",
    "деги",
    "нда",
    "нде",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "дон",
    "дөн",
    "тон",
    "төн",
    "нон",
    "нөн",
    "мен",
    "бен",
    "пен",
    "менен",
    "ға",
    "ге",
    "қа",
    "ке",
    "га",
    "ка",
    "ко",
    "го",
    "на",
    "не",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "ну",
    "нү",
    "ду",
    "дү",
    "ту",
    "тү",
    "да",
    "де",
    "та",
    "те",
    "а",
    "е",
    "ға",
    "ы",
    "і",
)
_SLAVIC_CYRILLIC = (
    "ого",
    "ому",
    "ими",
    "ові",
    "еві",
    "ым",
    "ом",
    "ой",
    "ей",
    "ою",
    "ею",
    "ем",
    "им",
    "их",
    "у",
    "ю",
    "а",
    "я",
    "е",
    "і",
    "ы",
    "и",
)
_SLAVIC_LATIN = (
    "owi",
    "iem",
    "ego",
    "emu",
    "ach",
    "ami",
    "em",
    "ie",
    "om",
    "ów",
    "a",
    "u",
    "ę",
    "ą",
    "y",
    "e",
    "i",
)
_FINNIC = (
    "ille",
    "illa",
    "illä",
    "ilta",
    "iltä",
    "ista",
    "istä",
    "issa",
    "issä",
    "iksi",
    "iin",
    "in",
    "ia",
    "ina",
    "ssa",
    "ssä",
    "sta",
    "stä",
    "lla",
    "llä",
    "lta",
    "ltä",
    "lle",
    "ksi",
    "iin",
    "aan",
    "ään",
    "hin",
    "han",
    "na",
    "nä",
    "ta",
    "tä",
    "n",
    "a",
    "ä",
)
_HUNGARIAN = (
    "nak",
    "nek",
    "val",
    "vel",
    "ról",
    "ről",
    "tól",
    "től",
    "hoz",
    "hez",
    "höz",
    "ban",
    "ben",
    "ból",
    "ből",
    "ért",
    "nál",
    "nél",
    "ot",
    "et",
    "at",
    "öt",
    "ba",
    "be",
    "on",
    "en",
    "ön",
    "ra",
    "re",
    "ig",
    "t",
    "é",
)
_GERMANIC = ("s", "es", "ens")
_GREEK = ("ου", "ς", "η", "α")
_ARMENIAN = ("ից", "ով", "ում", "ին", "ի", "ը", "ն", "ու")
_ARABIC_PREFIXES = ("وب", "ول", "وال", "بال", "لل", "و", "ب", "ل", "ف", "ال")
_PERSIAN_SUFFIXES = ("های", "ها", "ی")

_FAMILIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "tr": (_TURKIC_LATIN,),
    "az": (_TURKIC_LATIN,),
    "uz": (_TURKIC_LATIN,),
    "kk": (_TURKIC_CYRILLIC, _SLAVIC_CYRILLIC),
    "ky": (_TURKIC_CYRILLIC, _SLAVIC_CYRILLIC),
    "ru": (_SLAVIC_CYRILLIC,),
    "uk": (_SLAVIC_CYRILLIC,),
    "bg": (_SLAVIC_CYRILLIC,),
    "pl": (_SLAVIC_LATIN,),
    "cs": (_SLAVIC_LATIN,),
    "sk": (_SLAVIC_LATIN,),
    "sl": (_SLAVIC_LATIN,),
    "hr": (_SLAVIC_LATIN,),
    "fi": (_FINNIC,),
    "et": (_FINNIC,),
    "hu": (_HUNGARIAN,),
    "de": (_GERMANIC,),
    "sv": (_GERMANIC,),
    "nl": (_GERMANIC,),
    "da": (_GERMANIC,),
    "no": (_GERMANIC,),
    "en": (_GERMANIC,),
    "el": (_GREEK,),
    "hy": (_ARMENIAN,),
    "fa": (_PERSIAN_SUFFIXES,),
}
_ALL = tuple(dict.fromkeys(s for fams in _FAMILIES.values() for fam in fams for s in fam))

#: Elided articles and prepositions written onto a name (French, Italian, Catalan): d'Erdogan, dell'ONU.
ELISIONS = re.compile(r"^(?:d|l|qu|j|s|n|dell|all|nell|sull|dall|coll|dell|un)['’](?=\w)", re.IGNORECASE)
_SUFFIX_SEP = re.compile(r"^(.{2,}?)['’:\-‐](\w{1,6})$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def strip_elision(word: str) -> tuple[int, str]:
    """(characters removed at the start, the word without an elided article): ``d'Erdogan`` → ``(2, "Erdogan")``."""
    m = ELISIONS.match(word)
    return (m.end(), word[m.end() :]) if m else (0, word)


@lru_cache(maxsize=1 << 15)
def name_stems(word: str, lang: str | None = None) -> tuple[str, ...]:
    """Candidate stems of ``word`` under the endings of ``lang`` (every family when ``lang`` is unknown), longest
    first, each at least three letters; the word itself is not included."""
    out: list[str] = []
    sep = _SUFFIX_SEP.match(word)
    if sep:  # Tokayev'in, NATO'nun, ОДКБ-ға, Tokajev:n, Macron-nak
        out.append(sep.group(1))
        word_for_suffix = sep.group(1)
    else:
        word_for_suffix = word
    if _ARABIC.search(word):
        for p in _ARABIC_PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 3:
                out.append(word[len(p) :])
        families: tuple[tuple[str, ...], ...] = (_PERSIAN_SUFFIXES,) if lang in (None, "fa") else ()
    else:
        families = _FAMILIES.get(lang or "", (_ALL,)) if lang else (_ALL,)
    if not sep:
        cyr = bool(_CYRILLIC.search(word))
        low = word_for_suffix.lower()
        for fam in families:
            for suffix in sorted(fam, key=len, reverse=True):
                if bool(_CYRILLIC.search(suffix)) != cyr or not low.endswith(suffix):
                    continue
                stem = word_for_suffix[: -len(suffix)]
                if len(stem) < 3:
                    continue
                out.append(stem)
                if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1].isalpha():
                    out.append(stem[:-1])  # Hungarian assimilation: Tokajevvel → Tokajevv → Tokajev
    return tuple(dict.fromkeys(s for s in out if s != word))
