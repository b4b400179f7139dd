"""Sound keys: the consonants of a place name as classes, equal across the scripts a foreign name is written in.

A Turkish town is written "Kahramanmaraş" in its own country, "卡赫拉曼马拉什" in Chinese, "カフラマンマラシュ" in
Japanese, "카라만마라슈" in Korean, "كهرمان مرعش" in Arabic and "Кахраманмараш" in Kazakh. Each script keeps the
consonants and changes the vowels (Chinese and Japanese add one after every consonant, Arabic writes few), so the key
is the sequence of consonant classes, vowels dropped:

=====  ==============================================================================
class  sounds
=====  ==============================================================================
b      b p f v w (Korean and Arabic have no v or p: 반 is Van, بازارجيك is Pazarcık)
t      t d th
k      k g q c before a back vowel, gh
s      s z j c before e/i (any c in Turkish and Azerbaijani), ç ş sh ch zh ts dz x
r      r l (Chinese, Japanese and Korean do not tell them apart)
m, n   m; n ng
=====  ==============================================================================

h is dropped (Japanese writes it as f before u, Korean and Chinese often leave it out), and so are vowels, y and
the w of Chinese "wu" (a vowel: 乌尔法 is Urfa). Repeated classes count once.

Romanised first: Hangul by its letters (jamo), kana by a table, Chinese characters by their pinyin (``anyascii``,
with the readings transliteration uses for the few characters that have two: 什 is shi), Cyrillic letter by letter
(:func:`.translit.cyrillic_to_latin`), Arabic script letter by letter (an initial و is v/w).

The keys are for matching only, and only within a narrow set of candidates (the countries an article names, towns
near its other places): short keys are common.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .translit import arabic_fold, fold

__all__ = ["has_cjk_or_hangul", "sound_key"]

_VOWELS = "aeiouy"


def _pairs(text: str) -> dict[str, str]:
    """``"a:b c:"`` → ``{"a": "b", "c": ""}`` (tables written compactly)."""
    return dict(tuple(p.split(":", 1)) for p in text.split())  # type: ignore[misc]


#: Latin spellings, applied in order to folded lower-case text: digraphs first (to a placeholder capital), then
#: single letters.
_LATIN_DIGRAPHS = tuple(
    _pairs(
        "tsch:S tch:S dzh:S sch:S sh:S ch:S zh:S ts:S tz:S dz:S dj:S cz:S sz:S cs:S zs:S "
        "kh:H gh:K ph:B th:T ng:N ck:K qu:K"
    ).items()
)
_LATIN = _pairs("b:b p:b f:b v:b w:b d:t t:t g:k k:k q:k s:s z:s j:s x:ks l:r r:r m:m n:n B:b T:t K:k S:s N:n")
_TURKIC_C = frozenset({"TR", "AZ", "AL"})  # c is [dʒ]: Erciş, Pazarcık
#: Countries whose Latin j is the consonant y (Petrinja, Jelenia Góra, Jönköping) or a Spanish h (Juchitán): silent
#: in a key, as Korean, Japanese and Chinese write it (페트리냐, フチタン).
_J_SILENT_TEXT = """
HR RS BA SI ME MK PL CZ SK DE AT CH LI NL DK NO SE FI EE LV LT HU IS
ES MX AR CO PE VE CL EC BO PY UY GT HN SV NI CR PA CU DO
"""
_J_SILENT = frozenset(_J_SILENT_TEXT.split())
#: Countries whose g and c before e or i are [dʒ] and [tʃ] and ch is k (Perugia 페루자, Chieti, Cluj-Napoca).
_ROMANCE_G = frozenset({"IT", "SM", "VA", "RO", "MD"})
#: Countries whose kh, gh, dh, bh are aspirated stops, written so in Korean and Japanese (Gorkha 고르카).
_ASPIRATES = frozenset({"IN", "NP", "BD", "LK", "BT"})
#: Greek ντ, μπ, γκ inside a word are nd, mb, ng (Γκαζιαντέπ is Gaziantep, Κολόμπο Colombo, Άγκυρα Ankara); first
#: in a word they are d, b, g (Ντέρνα is Derna).
_GREEK_MEDIAL = re.compile(r"(?<=[\u0370-\u03ff\u1f00-\u1fff])(ντ|μπ|γκ|γγ)", re.IGNORECASE)
_GREEK_MEDIAL_LATIN = {"ντ": "nt", "μπ": "mb", "γκ": "nk", "γγ": "ng"}

#: Pinyin initials and finals (what anyascii gives for each Chinese character).
_PINYIN_INITIAL = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(.*)$")
_PINYIN_CLASS = _pairs("b:b p:b f:b m:m d:t t:t n:n l:r g:k k:k h: j:s q:s x:s zh:s ch:s sh:s r:r z:s c:s s:s y: w:b")
#: Readings of characters with two readings, as transliteration uses them.
_HANZI_READING = {"什": "shi", "茨": "ci", "都": "du", "尼": "ni", "乐": "le", "重": "chong", "长": "chang"}

#: Kana: the consonant class of each (vowels and y give nothing). Katakana; hiragana are mapped onto them.
_KANA_ROWS = {
    "k": "カキクケコガギグゲゴ",
    "s": "サシスセソザジズゼゾチツヂヅ",
    "t": "タテトダデド",
    "n": "ナニヌネノン",
    "": "アイウエオァィゥェォャュョヤユヨヲッーハヒヘホ・",
    "b": "バビブベボパピプペポワヴ",
    "m": "マミムメモ",
    "r": "ラリルレロ",
}
_KANA = {ch: cls for cls, chars in _KANA_ROWS.items() for ch in chars}
_KANA_SMALL_VOWELS = frozenset("ァィェォ")

#: Hangul letters (jamo) by position: 19 initials, 21 medials, 28 finals (the first final is none).
_HANGUL_INITIAL = ("k", "k", "n", "t", "t", "r", "m", "b", "b", "s", "s", "", "s", "s", "s", "k", "t", "b", "")
_HANGUL_W_MEDIAL = frozenset({9, 10, 11, 14, 15, 16})  # 와 왜 외 워 웨 위: w after a silent initial
_FINALS = "- k k k n n n t r rk rm rb r rt rb r m b b t t n t t k t b -"
_HANGUL_FINAL = tuple("" if x == "-" else x for x in _FINALS.split())
#: Arabic-script letters (folded first: أ إ آ → ا, ی → ي, ک → ك, ة → ه).
_ARABIC = _pairs(
    "ب:b پ:b ف:b ڤ:b ت:t ط:t د:t ض:t ث:s س:s ص:s ش:s ج:s چ:s ز:s ذ:s ظ:s ژ:s ك:k گ:k ق:k غ:k ر:r ل:r م:m ن:n"
)

_CJK_HANGUL = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_HANZI = re.compile(r"[\u3400-\u9fff]")


def has_cjk_or_hangul(text: str) -> bool:
    return bool(_CJK_HANGUL.search(text))


def _collapse(classes: str) -> str:
    return re.sub(r"(.)\1+", r"\1", classes)


def _latin(
    text: str, *, turkic_c: bool, silent_j: bool = False, romance_g: bool = False, aspirates: bool = False
) -> str:
    out = []
    for word in fold(text).split():
        if silent_j:
            word = re.sub(r"(?<![dz])j", "", word)
        if romance_g:
            word = re.sub(r"sc(?=[ei])", "s", word).replace("ch", "k").replace("gh", "g")
            word = re.sub(r"g(?=[ei])", "j", word).replace("gl", "l")
        if aspirates:
            word = re.sub(r"([kgdbt])h", r"\1", word)
        for a, b in _LATIN_DIGRAPHS:
            word = word.replace(a, b)
        word = re.sub(r"c(?=[eiy])", "s", word) if not turkic_c else word.replace("c", "s")
        word = word.replace("c", "k")
        out.append("".join(_LATIN.get(ch, "") for ch in word))
    return "".join(out)


def _hanzi(ch: str) -> str:
    reading = _HANZI_READING.get(ch)
    if reading is None:
        from anyascii import anyascii

        reading = anyascii(ch).lower()
    m = _PINYIN_INITIAL.match(reading)
    if not m or not reading.isascii() or not reading.isalpha():
        return ""
    initial, final = m.group(1) or "", m.group(2)
    cls = _PINYIN_CLASS.get(initial, "")
    if initial == "w" and final.startswith("u"):
        cls = ""  # 乌 wu is the vowel u
    if reading == "er":
        return "r"  # 尔 writes an r
    return cls + ("n" if final.endswith(("n", "ng")) else "")


def _kana(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if "\u3041" <= ch <= "\u3096":
            ch = chr(ord(ch) + 0x60)
        if ch == "フ":  # f only before a small vowel (ファ, フィ); else the h of a foreign name (カフラマン)
            out.append("b" if i + 1 < len(text) and text[i + 1] in _KANA_SMALL_VOWELS else "")
        else:
            out.append(_KANA.get(ch, ""))
    return "".join(out)


def _hangul(ch: str) -> str:
    code = ord(ch) - 0xAC00
    initial, medial, final = code // 588, (code % 588) // 28, code % 28
    head = _HANGUL_INITIAL[initial]
    if initial == 11 and medial in _HANGUL_W_MEDIAL:
        head = "b"
    return head + _HANGUL_FINAL[final]


def _arabic(text: str) -> str:
    out = []
    for word in arabic_fold(text).replace("تش", "ش").split():  # تش writes ch: أماتريتشي, Amatrice
        head = "b" if word.startswith("و") and len(word) > 2 else ""
        rest = word[1:] if head else word
        out.append(head + "".join(_ARABIC.get(ch, "") for ch in rest))
    return "".join(out)


@lru_cache(maxsize=1 << 14)
def sound_key(text: str, *, country: str | None = None) -> str:
    """The sound key of a name in any script (``"Kahramanmaraş"``, ``"卡赫拉曼马拉什"``, ``"カフラマンマラシュ"``
    → ``"krmnmrs"``; Greek is romanised by :func:`.translit.fold`). ``country``: the country of a Latin name, for how
    it reads c (Turkish "Erciş" → ``"rs"``) and j (Croatian "Petrinja", Spanish "Juchitán": silent)."""
    text = unicodedata.normalize("NFKC", text)
    if _GREEK_MEDIAL.search(text):
        text = _GREEK_MEDIAL.sub(lambda m: _GREEK_MEDIAL_LATIN[m.group().lower()], text)
    parts: list[str] = []
    latin: list[str] = []

    def flush() -> None:
        if latin:
            parts.append(
                _latin(
                    "".join(latin),
                    turkic_c=country in _TURKIC_C,
                    silent_j=country in _J_SILENT,
                    romance_g=country in _ROMANCE_G,
                    aspirates=country in _ASPIRATES,
                )
            )
            latin.clear()

    i = 0
    while i < len(text):
        ch = text[i]
        if "\uac00" <= ch <= "\ud7a3":
            flush()
            parts.append(_hangul(ch))
        elif "\u3040" <= ch <= "\u30ff":
            flush()
            j = i
            while j < len(text) and "\u3040" <= text[j] <= "\u30ff":
                j += 1
            parts.append(_kana(text[i:j]))
            i = j
            continue
        elif _HANZI.match(ch):
            flush()
            parts.append(_hanzi(ch))
        elif "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":
            flush()
            j = i
            while j < len(text) and not text[j].isascii() and not _CJK_HANGUL.match(text[j]):
                j += 1
            parts.append(_arabic(text[i:j]))
            i = j
            continue
        else:
            latin.append(ch)
        i += 1
    flush()
    return _collapse("".join(parts))
