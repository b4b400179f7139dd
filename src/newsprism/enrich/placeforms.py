"""Inflected place names back to the forms a gazetteer holds: case endings of Turkic, Finnic, Hungarian, Slavic,
Armenian and Greek ("Almatyssa", "Алматыдағы", "Kazakistan'da", "Budapesten", "Казахстане" → Almaty, Kazakhstan,
Budapest; "Turcji", "Туреччині", "Թուրքիայի" → Turkey; "Κωνσταντινούπολης" → Κωνσταντινούπολη), with Finnish
consonant gradation ("Turkin" → "Turkki").

:func:`stems` gives the candidate base forms of one word, longest first; the caller keeps the first the
gazetteer knows. The endings are the case suffixes of each grammar (a rule list, not a model), longest first; a stem
keeps at least three letters, and Slavic stems also try the nominative endings that the case ending replaced
("Москве" → "Москв" → "Москва").
"""

from __future__ import annotations

import re

__all__ = ["WATER_WORDS", "russian_water_stem", "stems", "water_forms"]

_APOSTROPHE = re.compile(r"^(?P<stem>[^\W\d_][\w-]*?)['’ʼ](?P<suffix>[^\W\d_]{1,6})$")

#: Latin-script case endings, one language group a line: Finnish and Estonian (inessive, elative, adessive, ablative,
#: allative, essive, translative, genitive, illative), Hungarian (inessive, illative, elative, sublative, delative,
#: superessive, adessive, allative, ablative …), Turkic without an apostrophe (locative, ablative, dative, genitive).
_LATIN_ENDINGS_TEXT = """
ssa ssä sta stä lla llä lta ltä lle na nä ksi n han hin iin sse st s le lt l ga
ban ben ba be ból ből ra re ról ről on en ön nál nél hoz hez höz tól től ig val vel ért i
da de ta te dan den tan ten nın nin nun nün ın in un ün ya ye a e
"""
_LATIN_ENDINGS = tuple(_LATIN_ENDINGS_TEXT.split())

#: Kazakh, Kyrgyz and Russian (Cyrillic) case endings, with Kazakh's locative-attributive "-дағы" and instrumental.
_CYRILLIC_ENDINGS_TEXT = """
ндағы ндегі дағы дегі тағы тегі ның нің дың дің тың тің ынан інен
нан нен дан ден тан тен нда нде мен бен пен да де та те ға ге
қа ке на не ны ні ды ді ты ті ом ем ой ей ою ах ях ам
ям е у ю а я ы и і ї ій ою ею ої ів
"""
_CYRILLIC_ENDINGS = tuple(_CYRILLIC_ENDINGS_TEXT.split())
_SLAVIC_NOMINATIVE = ("", "а", "я", "ь", "й", "о")

#: Polish (and Czech, Slovak) case endings and the nominative ending each replaces: "Turcji" → "Turcja", "Syrii" →
#: "Syria", "Turcję" → "Turcja", "Damaszku" → "Damaszek" (the mobile e), "Polsce" → "Polska".
_WEST_SLAVIC = (
    ("ji", "ja"),
    ("ii", "ia"),
    ("ję", "ja"),
    ("ię", "ia"),
    ("ją", "ja"),
    ("ią", "ia"),
    ("ę", "a"),
    ("ą", "a"),
    ("y", "a"),
    ("i", "a"),
    ("ce", "ka"),
    ("dze", "ga"),
    ("ku", "ek"),
    ("kiem", "ek"),
    ("u", ""),
    ("em", ""),
    ("ie", ""),
    ("iu", ""),
)

#: Armenian case endings (genitive-dative, ablative, locative, instrumental, definite article): "Թուրքիայի" → "Թուրքիա".
_ARMENIAN_ENDINGS = ("յում", "յից", "յով", "յին", "յի", "ից", "ում", "ով", "ին", "ի", "ը", "ն")
_ARMENIAN = re.compile(r"[\u0530-\u058f]")

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

#: Greek genitive and accusative endings and the nominative each replaces: "Κωνσταντινούπολης" → "Κωνσταντινούπολη",
#: "Μαλάτιας" → "Μαλάτια", "Ηρακλείου" → "Ηράκλειο" (accents are folded by the keys), "Λιβάνου" → "Λίβανος".
_GREEK_ENDINGS = (("ης", "η"), ("ας", "α"), ("ου", "ο"), ("ου", "ος"), ("ού", "ό"), ("ού", "ός"))
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def _by_length(endings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(endings), key=lambda e: (-len(e), e)))


_LATIN_SORTED = _by_length(_LATIN_ENDINGS)
_CYRILLIC_SORTED = _by_length(_CYRILLIC_ENDINGS)


def stems(word: str, *, min_stem: int = 3) -> list[str]:
    """Base forms ``word`` may be an inflection of, longest first (never ``word`` itself)."""
    out: list[str] = []
    m = _APOSTROPHE.match(word)
    if m:  # Turkish and Azerbaijani write the case ending after an apostrophe: "Kazakistan'da", "Almatı'nın"
        out.append(m.group("stem"))
        return out
    if _GREEK.search(word):
        out.extend(
            word[: -len(e)] + n for e, n in _GREEK_ENDINGS if word.endswith(e) and len(word) - len(e) >= min_stem
        )
        return _unique(out, word)
    if _ARMENIAN.search(word):
        out.extend(word[: -len(e)] for e in _ARMENIAN_ENDINGS if word.endswith(e) and len(word) - len(e) >= min_stem)
        return _unique(out, word)
    cyrillic = bool(_CYRILLIC.search(word))
    if cyrillic and word.endswith(("щини", "щині", "щину", "щиною")):  # Ukrainian regions: Херсонщина, Херсонська
        stem = word[: word.rindex("щин")]
        out.extend((stem + "ська", stem))
    if not cyrillic:
        for ending, nominative in _WEST_SLAVIC:
            if word.endswith(ending) and len(word) - len(ending) >= min_stem:
                out.append(word[: -len(ending)] + nominative)
    for ending in _CYRILLIC_SORTED if cyrillic else _LATIN_SORTED:
        if not word.endswith(ending) or len(word) - len(ending) < min_stem:
            continue
        stem = word[: -len(ending)]
        if cyrillic:
            out.extend(stem + e for e in _SLAVIC_NOMINATIVE)
        else:
            out.append(stem)
            if stem.endswith("i") and len(stem) > min_stem + 1:  # Finnish adds -i- after a consonant: Kazakstanissa
                out.append(stem[:-1])
            if stem[-1:] in ("á", "é"):  # Hungarian lengthens a final vowel before an ending: Szíriából
                out.append(stem[:-1] + {"á": "a", "é": "e"}[stem[-1]])
            weak = _FINNISH_WEAK.match(stem)
            if weak:  # Finnish consonant gradation: the genitive "Turkin" has the weak grade of "Turkki"
                out.append(weak.group(1) + weak.group(2) * 2 + weak.group(3))
    return _unique(out, word)


#: A Finnish stem whose last syllable may be in the weak grade (one k, p or t where the base form has two).
_FINNISH_WEAK = re.compile(r"^(.*[aeiouyäölnr])([kpt])([aeiouyäö])$")


def _unique(out: list[str], word: str) -> list[str]:
    unique: list[str] = []
    for s in out:
        if s != word and s not in unique:
            unique.append(s)
    return sorted(unique, key=len, reverse=True)  # strip as little as needed: "Budapesten" is Budapest, not Budapes


#: Kazakh and Kyrgyz words for seas, lakes, oceans and gulfs, in the form a name takes them ("Каспий теңізі"), with
#: the stem their case forms share ("теңізінің", "теңізінде") and the Russian noun each renders.
_WATER_TEXT = "теңіз:теңізі:море деңиз:деңизи:море көл:көлі:озеро мұхит:мұхиты:океан шығана:шығанағы:залив"
WATER_WORDS = tuple(tuple(w.split(":")) for w in _WATER_TEXT.split())
_WATER = re.compile(
    r"\b([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)\s+(" + "|".join(stem for stem, _, _ in WATER_WORDS) + r")[а-яёәғқңөұүһі]*"
)
_RUSSIAN_WATER = re.compile(r"^([А-ЯЁ][а-яё]+?)(?:ийское|ское|ое|ий|ая)\s+(море|озеро|океан|залив)$")


def water_forms(text: str) -> list[tuple[int, int, str]]:
    """Seas, lakes, oceans and gulfs named in Kazakh or Kyrgyz ("Эгей теңізінің", of the Aegean Sea): the span and
    the name in the form a gazetteer holds ("Эгей теңізі")."""
    out = []
    for m in _WATER.finditer(text):
        form = next(form for stem, form, _ in WATER_WORDS if stem == m.group(2))
        out.append((m.start(), m.end(), f"{m.group(1)} {form}"))
    return out


def russian_water_stem(name: str) -> tuple[str, str] | None:
    """The stem of a Russian sea's or lake's adjective and its noun ("Эгейское море" → ("Эгей", "море"),
    "Каспийское море" → ("Каспий", "море")): how Kazakh and Kyrgyz name it ("Эгей теңізі")."""
    m = _RUSSIAN_WATER.match(name)
    if not m:
        return None
    stem = m.group(1) + ("ий" if name[len(m.group(1)) :].startswith("ийское") else "")
    return stem.removesuffix("ь"), m.group(2)
