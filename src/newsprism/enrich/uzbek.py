"""Uzbek cue words in both of Uzbek's alphabets and with each way of writing its o‘ and g‘.

Uzbek is written in Latin letters (the official alphabet since 1995) and, in much of the press, still in Cyrillic
(Sputnik, Xalq so‘zi, regional papers). The cue lists are written in Latin letters; :func:`cue_forms` adds the
Cyrillic spelling of each term (elchi* -> элчи*, o‘lgan* -> ўлган*, xavfsizlik* -> хавфсизлик*), and the spellings
of o‘/g‘ with the modifier letter ʻ, which belongs to the word (oʻlgan), besides the turned comma ‘ and the
apostrophe, which split it. Latin to Cyrillic is by the official correspondence: digraphs first (sh ш, ch ч, o‘ ў,
g‘ ғ, yo ё, yu ю, ya я, ye е), e at a word's start э, h ҳ and x х, q қ, j ж, y й; ' (tutuq belgisi) ъ; the
ц of Russian loanwords (-tsiya, -ksiya, -nsiya: ция).
"""

from __future__ import annotations

import re

__all__ = ["cue_forms", "latin_to_cyrillic"]

#: o‘ / g‘ written with a turned comma, a right quotation mark, an apostrophe or the modifier letter apostrophe
_OKINA = re.compile(r"([oOgG])[‘’'ʼ]")
_DIGRAPHS = {
    "o‘": "ў", "g‘": "ғ", "sh": "ш", "ch": "ч", "yo": "ё", "yu": "ю", "ya": "я", "ye": "е",
}  # fmt: skip
_LETTERS = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "ҳ", "i": "и", "j": "ж", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "x": "х",
    "y": "й", "z": "з", "‘": "ъ", "'": "ъ", "’": "ъ",
}  # fmt: skip


#: Russian loanwords whose ц Latin writes s or ts (sanksiya санкция, konstitutsiya конституция)
_LOANS = (("tsiya", "ция"), ("ksiya", "кция"), ("nsiya", "нция"))


def latin_to_cyrillic(text: str) -> str:
    """Uzbek Latin (lower case; o‘ and g‘ with any apostrophe) in Cyrillic letters; other characters unchanged."""
    s = _OKINA.sub(lambda m: m.group(1).lower() + "‘", text.lower())
    out: list[str] = []
    i = 0
    for latin, cyr in _LOANS:
        s = s.replace(latin, cyr)
    while i < len(s):
        pair = s[i : i + 2]
        if pair == "yo" and s[i + 2 : i + 3] == "‘":
            out.append("й")  # yo‘l is йўл: y, then o‘
            i += 1
            continue
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        ch = s[i]
        if ch == "e" and (i == 0 or not s[i - 1].isalpha()):
            out.append("э")  # e at a word's start is э (elchi -> элчи); ye is е
        else:
            out.append(_LETTERS.get(ch, ch))
        i += 1
    return "".join(out)


def cue_forms(term: str) -> list[str]:
    """The other spellings of one Uzbek cue term: with ʻ for o‘/g‘ (when it has one) and in Cyrillic letters
    (``re:`` patterns are left as they are)."""
    if term.startswith("re:"):
        return []
    out = []
    if _OKINA.search(term):
        out.append(_OKINA.sub(lambda m: m.group(1) + "\u02bb", term))
    cyrillic = latin_to_cyrillic(term)
    if cyrillic != term.lower():
        out.append(cyrillic)
    return out
