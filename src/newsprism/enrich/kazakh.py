"""Kazakh in the Arabic script (töte jazu): its letters, and the cue words of the Cyrillic lists in that script.

Kazakh is written in Cyrillic in Kazakhstan and in an Arabic-based alphabet by the Kazakhs of China and Mongolia;
the state agencies publish editions in it too (Kazinform and Egemen Qazaqstan at ``ar.`` addresses). The alphabet
writes every vowel. Front vowels are marked once per word, by a high hamza (ٴ) before it, unless the word holds
ە, ك or گ, which only front words do: so the same stem is written with the hamza alone (ٴادىل, әділ) and without
it once a suffix brings ە (ادىلەتسىز, әділетсіз). newsprism compares words without the hamza
(:func:`newsprism.enrich.lemmas.fold` drops it, and NFKC splits the letters that carry it, ٵ into ا and ٴ), so a
Cyrillic cue needs one Arabic spelling: :func:`cyrillic_to_arabic` writes ә and а as ا, ө and о as و, ү and ұ as
ۇ, і and ы as ى (the hamza being what told them apart), е and э ە, у ۋ, в ۆ, и and й ي, ц تس, я (and ия) يا,
ю (and ию) يۋ.
"""

from __future__ import annotations

__all__ = ["ARABIC_KK_LETTERS", "NOT_KAZAKH_LETTERS", "cue_forms", "cyrillic_to_arabic"]

#: letters of the Kazakh Arabic alphabet that Arabic and Persian do not use
ARABIC_KK_LETTERS = frozenset("\u06c7\u06cb\u06ad\u06d5\u0674\u0675\u0676\u0677\u0678")  # ۇ ۋ ڭ ە ٴ ٵ ٶ ٷ ٸ
#: letters of the Uyghur (ې ۈ ئ) and Sorani Kurdish (ێ ڵ ڕ) alphabets that Kazakh does not use
NOT_KAZAKH_LETTERS = frozenset("\u06d0\u06c8\u0626\u06ce\u06b5\u0695")

_LETTERS = {
    "а": "ا", "ә": "ا", "б": "ب", "в": "ۆ", "г": "گ", "ғ": "ع", "д": "د", "е": "ە", "ё": "يو", "ж": "ج",
    "з": "ز", "и": "ي", "й": "ي", "к": "ك", "қ": "ق", "л": "ل", "м": "م", "н": "ن", "ң": "ڭ", "о": "و",
    "ө": "و", "п": "پ", "р": "ر", "с": "س", "т": "ت", "у": "ۋ", "ұ": "ۇ", "ү": "ۇ", "ф": "ف", "х": "ح",
    "һ": "ھ", "ц": "تس", "ч": "چ", "ш": "ش", "щ": "ش", "ъ": "", "ы": "ى", "і": "ى", "ь": "", "э": "ە",
    "ю": "يۋ", "я": "يا",
}  # fmt: skip


def cyrillic_to_arabic(text: str) -> str:
    """Kazakh Cyrillic in the Arabic script as newsprism compares it (lower case, no hamza); characters that are
    not Kazakh Cyrillic letters (``*``, spaces, hyphens) are kept."""
    s = text.lower().replace("ия", "я").replace("ию", "ю")  # конституция: كونستيتۋتسيا, one ي
    return "".join(_LETTERS.get(ch, ch) for ch in s)


def cue_forms(term: str) -> list[str]:
    """The Arabic-script spelling of one Kazakh cue term (``re:`` patterns and terms with no Cyrillic letter have
    none)."""
    if term.startswith("re:"):
        return []
    arabic = cyrillic_to_arabic(term)
    return [arabic] if arabic != term.lower() else []
