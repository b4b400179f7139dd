"""Consonant softening of Turkish and Azerbaijani cue words.

A Turkish word ending in p, ç or k softens it before a suffix that starts with a vowel (ekip → ekibi, utanç →
utancı, ortaklık → ortaklığı, ahenk → ahengi); an Azerbaijani one softens k to y and q to ğ (təhlükəsizlik →
təhlükəsizliyi, çatışmazlıq → çatışmazlığı). A cue list names the word as a dictionary gives it, so a stem such as
``təhlükəsizlik*`` missed every inflected form that softens. :func:`softened_forms` gives the softened spelling of
a stem cue's last word, which the lexicon adds beside the cue. Words of one syllable rarely soften (top → topu, bank
→ bankı) and are left alone; so are ``re:`` patterns and written forms, and exact terms (their inflections come
through the lemmas). Turkish t → d is left to the cue lists: only some words soften it (tehdit → tehdidi, but
hükümet → hükümeti), and a generated konud* would take konuda ("on the topic").
"""

from __future__ import annotations

__all__ = ["softened_forms"]

_VOWELS = set("aeıioöuüəAEIİOÖUÜƏ")
#: language -> final consonant -> its softened spelling
_SOFT = {
    "tr": {"p": "b", "ç": "c", "k": "ğ"},
    "az": {"k": "y", "q": "ğ"},
}


def softened_forms(term: str, lang: str) -> list[str]:
    """The spelling of the stem cue ``term`` with its last word softened (``ortaklık*`` → ``ortaklığ*``), when the
    language softens and the word has two syllables or more; an empty list otherwise."""
    table = _SOFT.get(lang)
    if not table or not term.endswith("*") or term.startswith(("re:", "=")):
        return []
    core = term[:-1]
    head, _, last = core.rpartition(" ")
    if len(last) < 3 or sum(ch in _VOWELS for ch in last) < 2:
        return []
    final = last[-1].lower()
    if final not in table:
        return []
    if lang == "tr" and final == "k" and last[-2:-1].lower() == "n":  # ahenk → ahengi: nk softens to ng
        soft = last[:-1] + "g"
    else:
        soft = last[:-1] + table[final]
    return [(head + " " if head else "") + soft + "*"]
