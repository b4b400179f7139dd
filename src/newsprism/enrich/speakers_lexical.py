"""Who says a quote outside English: the speaker phrase beside a cue, found from the words of each language.

:mod:`newsprism.enrich.quotes_lexical` finds a quote's cue (``заявил``, ``dedi``, ``a déclaré``, ``表示``, ``라고``);
:func:`speaker_in` names who is next to it, in a stretch of text on one side of the cue:

* a person or organisation the entities stage found there, a run of capitalised words (``Präsident Tokajew``,
  ``İçişleri Bakanı Süleyman Soylu``; "capitalised" by the letter's own case, so Turkish ``şunları`` is no name), or a
  role (``resources/speaker_words.yaml``: ``le ministre``, ``глава МЧС``, ``Түркия басшысы``, ``the governor``) with
  the words that make it precise (a title's name, a complement ``del Interior``, in head-final languages the words
  before it); adjacent ones join (``landets president Erdogan``);
* after the cue the first of them, before it the last (the one next to the cue);
* a pronoun (``он``, ``er``, ``他``) or a statement (``йдеться в повідомленні``) is resolved by :func:`antecedent`:
  the person the entities stage found who opens one of the two sentences before it (the subject), else the nearest
  one, unless the speaker of the nearest cue before (``Про це повідомив міністр ... Ігор Клименко.``) or of the
  previous quote is named later; with no person, that cue's speaker, else the nearest name or role before it (in
  Japanese the topic of the sentence before); the pronoun stays the evidence span, the name is the speaker;
* a role (``der Minister``) is named by the person the article introduced with it (:func:`role_holder`), a Korean
  ``이 관계자`` by the phrase before that ends in the role (:func:`demonstrative_holder`); a name right after a
  preposition (``con el programa Minuto 1``) is an object, never the subject of a cue;
* languages without capitals have rules of their own: Chinese takes the words between the sentence start and the cue
  cut before a time, a place or a preposition (``土耳其副總統奧克塔伊12日凌晨表示`` -> ``土耳其副總統奧克塔伊``);
  Japanese the words before the topic or subject particle (``エルドアン大統領は``); Korean the words before
  ``은/는/이/가`` (``에르도안 대통령은``) and a headline's ``이름 직함 "..."``; Arabic the words after the cue up
  to a preposition or ``إن`` (``وقال وزير الداخلية التركي سليمان صويلو لقناة``); Persian the subject that opens the
  clause before a final ``گفت``; Georgian the subject in the ergative (``დონალდ ტრამპმა განაცხადა``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as ilr
from typing import TYPE_CHECKING, Any

import yaml

from .lemmas import fold, stopwords

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = [
    "HEAD_FINAL",
    "UNCASED",
    "SpeakerWords",
    "antecedent",
    "capitalised_runs",
    "demonstrative_holder",
    "load_speaker_words",
    "role_holder",
    "role_phrases",
    "speaker_in",
]

#: (start, end, name): a speaker span and what names it
Found = tuple[int, int, str]

#: languages whose noun phrases end in their head ("Türkiye basşısı", "AFAD Başkanı", "Elazigin asukas")
HEAD_FINAL = frozenset({"tr", "az", "kk", "ky", "uz", "hu", "fi", "hy", "ja", "ko"})
_SEGMENTED = frozenset({"zh", "ja"})
#: scripts without capital letters: a speaker is a known name or found by the script's own rules
UNCASED = frozenset({"zh", "ja", "ko", "ar", "fa", "ka"})
_WORD = re.compile(r"[^\W\d_][\w’'.\-]*|\d[\w’'.\-]*")
#: small words inside a name or a role's complement ("Jean de La Fontaine", "ministro del Interior")
_LINKS = frozenset(
    {
        "de",
        "del",
        "della",
        "dello",
        "delle",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "des",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "of",
        "the",
        "ibn",
        "bin",
        "al",
        "el",
        "y",
    }
)
_DETERMINERS = frozenset(
    {"the", "le", "la", "les", "l", "un", "une", "der", "die", "das", "ein", "eine", "el", "los", "las", "il"}
    | {"lo", "gli", "i", "o", "os", "a", "as", "una", "uno", "de", "het", "een", "ο", "η", "οι", "το", "ένας", "μια"}
)
#: languages that write a role inside a compound word ("Innenminister", "räddningsledaren")
_COMPOUNDING = frozenset({"de", "nl", "sv", "fi", "hu"})
#: languages whose roles take a complement in the genitive before the name ("министр иностранных дел Сергей Лавров")
_GENITIVE_COMPLEMENTS = frozenset({"ru", "uk", "bg", "pl"})
#: languages that capitalise every noun: a capitalised word alone is no name there
_NOUNS_CAPITALISED = frozenset({"de", "lb"})
_GAP = re.compile(r"[ \u00a0\t]+|[ \u00a0]*-[ \u00a0]*")
_WINDOW_BACK = 700  # characters before a pronoun searched for whom it stands for


@dataclass(frozen=True, slots=True)
class SpeakerWords:
    """Roles, pronouns and statement words of one language (see ``resources/speaker_words.yaml``)."""

    roles: tuple[str, ...] = ()
    pronouns: frozenset[str] = frozenset()
    statements: tuple[str, ...] = ()


def load_speaker_words(lang: str, resources: Resources | None = None) -> SpeakerWords:
    """The speaker words of ``lang`` (none for a language the file does not list), cached on ``resources``."""

    def build(_: object = None) -> dict[str, SpeakerWords]:
        text = ilr.files("newsprism.enrich").joinpath("resources/speaker_words.yaml").read_text(encoding="utf-8")
        data: dict[str, Any] = yaml.safe_load(text)
        return {
            code: SpeakerWords(
                roles=tuple(fold(str(x)) for x in entry.get("roles") or ()),
                pronouns=frozenset(fold(str(x)) for x in entry.get("pronouns") or ()),
                statements=tuple(fold(str(x)) for x in entry.get("statements") or ()),
            )
            for code, entry in data.items()
        }

    table = resources.get("quotes.speaker_words", build) if resources is not None else build()
    return table.get(lang, SpeakerWords())


# ---------------------------------------------------------------------------------------------- words and runs
def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _WORD.finditer(text, lo, hi):
        w = m.group().rstrip(".-’'")
        if w:
            out.append((m.start(), m.start() + len(w), w))
    return out


def _joined(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return _GAP.fullmatch(text[a[1] : b[0]]) is not None


def _upper(word: str) -> bool:
    return word[:1].isupper()


def capitalised_runs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Runs of up to four capitalised words (with the small words of names between them) in ``text[lo:hi]``,
    without a leading article (``Le président`` keeps its noun: ``président``... is lower case, so the run is
    ``Le`` alone and is dropped)."""
    words = _words(text, lo, hi)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not _upper(words[i][2]):
            i += 1
            continue
        j = i
        last = i
        while j + 1 < len(words) and _joined(text, words[j], words[j + 1]) and last - i < 5:
            nxt = words[j + 1][2]
            if _upper(nxt):
                j += 1
                last = j
            elif fold(nxt) in _LINKS and j + 2 < len(words) and _upper(words[j + 2][2]):
                j += 1
            else:
                break
        k = i
        while k < last and fold(words[k][2]).strip("'’") in _DETERMINERS:
            k += 1
        if not (k == last and fold(words[k][2]).strip("'’") in _DETERMINERS):
            out.append((words[k][0], words[last][1]))
        i = last + 1
    return out


def _role_at(folded: str, roles: Sequence[str], lang: str = "") -> bool:
    if lang in _COMPOUNDING:  # "Innenminister", "räddningsledaren", "kaupunginjohtaja"
        return any(r in folded for r in roles if " " not in r and len(r) >= 4)
    return any(folded.startswith(r) for r in roles if " " not in r)


def role_phrases(text: str, lo: int, hi: int, lang: str, words: SpeakerWords) -> list[tuple[int, int]]:
    """Roles in ``text[lo:hi]`` with the words that make them precise: a name or a capitalised complement after
    them (``president Erdogan``, ``глава МЧС``, ``ministro del Interior``), in head-final languages the
    capitalised words before them (``İçişleri Bakanı``, ``Түркия басшысы``)."""
    if not words.roles:
        return []
    ws = _words(text, lo, hi)
    out: list[tuple[int, int]] = []
    for i, (s, _e, w) in enumerate(ws):
        f = fold(w)
        multi = next((r for r in words.roles if " " in r and fold(text[s : s + len(r)]) == r), None)
        if multi is None and not _role_at(f, words.roles, lang):
            continue
        first, last = i, i
        if multi is not None:
            while last + 1 < len(ws) and ws[last + 1][1] <= s + len(multi):
                last += 1
        k = last
        while k + 1 < len(ws) and _joined(text, ws[k], ws[k + 1]) and k - last < 4:
            nxt = ws[k + 1][2]
            if _upper(nxt) or (
                fold(nxt) in _LINKS and k + 2 < len(ws) and _joined(text, ws[k + 1], ws[k + 2]) and _upper(ws[k + 2][2])
            ):
                k += 1
                continue
            break
        if k > last and fold(ws[k][2]) not in _LINKS:
            last = k
        elif lang in _GENITIVE_COMPLEMENTS:  # "міністр внутрішніх справ Ігор Клименко": a name after a complement
            k = last
            while k + 1 < len(ws) and k - last < 3 and _joined(text, ws[k], ws[k + 1]) and ws[k + 1][2].islower():
                k += 1
            if k > last and k + 1 < len(ws) and _joined(text, ws[k], ws[k + 1]) and _upper(ws[k + 1][2]):
                run = next((r for r in capitalised_runs(text, ws[k + 1][0], hi) if r[0] == ws[k + 1][0]), None)
                if run is not None and not text[run[0] : run[1]].isupper():
                    last = max(j for j, w in enumerate(ws) if w[1] <= run[1])
        if lang in HEAD_FINAL:
            while first > 0 and first > i - 3 and _joined(text, ws[first - 1], ws[first]) and _upper(ws[first - 1][2]):
                first -= 1
        start = ws[first][0]
        if first == i and i > 0 and _joined(text, ws[i - 1], ws[i]) and fold(ws[i - 1][2]) in _DETERMINERS:
            start = ws[i - 1][0]  # "le ministre", "el alcalde": the article comes along, as written
        out.append((start, ws[last][1]))
    return out


def _merge(spans: Sequence[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or _GAP.fullmatch(text[out[-1][1] : s]) is not None):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _strip_article(text: str, s: int, e: int) -> tuple[int, int]:
    """``le ministre`` names the minister: the article stays out of the name (not out of the evidence)."""
    m = re.match(r"(\w+)['’ \u00a0]+", text[s:e])
    if m and fold(m.group(1)) in _DETERMINERS and m.end() < e - s:
        return s + m.end(), e
    return s, e


# ---------------------------------------------------------------------------------------------- one side of a cue
#: sentence-opening conjunctions of languages stopwordsiso does not list ("Ammo otaxon «yo‘q», dedi")
_MORE_FUNCTION_WORDS = {
    "uz": ("ammo", "lekin", "biroq", "va", "shu", "bu", "u", "men", "endi", "keyin"),
    "kk": ("бірақ", "алайда", "және", "бұл", "ол", "мен", "енді", "сонда"),
    "ky": ("бирок", "жана", "бул", "ал", "мен", "эми"),
    "az": ("amma", "lakin", "və", "bu", "o", "mən", "indi", "sonra"),
}


@lru_cache(maxsize=64)
def function_words(lang: str) -> frozenset[str]:
    """The language's function words (stopwordsiso, folded, and the few above; compared by :func:`function_key`):
    a capitalised run made of them alone opens a sentence (``Но``, ``Sin``, ``Ammo``, ``Όπως``) and names no one."""
    return frozenset(function_key(w) for w in (*_MORE_FUNCTION_WORDS.get(lang, ()), *stopwords(lang)))


def function_key(word: str) -> str:
    """How a word is compared with the function words: folded, and for Greek without accents and with one sigma
    (stopwords-iso writes Greek ``οπωσ`` for ``όπως``)."""
    f = fold(word)
    if re.search(r"[\u0370-\u03ff\u1f00-\u1fff]", f):
        f = "".join(c for c in unicodedata.normalize("NFD", f) if not unicodedata.combining(c)).replace("ς", "σ")
    return f


#: prepositions of the languages that write them before a noun: a name right after one (through an article) is
#: an object, not the subject of a cue ("dijo en diálogo con el programa Minuto 1", "прокоментував нічию з Англією")
_PREPOSITIONS = {
    "es": "en con de del a al para por sobre desde ante tras entre hacia sin",
    "pt": "em no na nos nas com de do da dos das ao à para por pelo pela sobre desde entre sem",
    "it": "in nel nella con di del della a al alla da dal dalla per su sul sulla tra fra durante",
    "fr": "à au aux dans avec de du des en sur pour par chez sans entre lors",
    "de": "in im mit bei beim auf von vom für gegenüber über zu zum zur an am aus nach vor unter",
    "nl": "in met bij op van voor tegen tegenover over aan naar uit",
    "sv": "i på med hos för till från om",
    "ru": "в во на с со по у из для перед при о об к от",
    "uk": "в у на з із зі по для перед при про до від",
    "pl": "w we na z ze do dla po przy o od u przed",
    "bg": "в във на с със по за при от до пред",
    "el": "σε στο στη στην στον με από για προς",
}


#: words that open a clause of its own after a cue: a name after one is not the cue's subject
_CLAUSE_WORD_LIST = """
    que qui che cui which who that który która które którego который которого которая которые що який яка які
    dass daß wo où donde onde cuando quando когда коли kiedy gdzie где де
"""
_CLAUSE_WORDS = frozenset(_CLAUSE_WORD_LIST.split())


@lru_cache(maxsize=32)
def _prepositions(lang: str) -> frozenset[str]:
    return frozenset(_PREPOSITIONS.get(lang, "").split())


def _after_preposition(text: str, lo: int, s: int, lang: str, statements: tuple[str, ...] = ()) -> bool:
    """The span at ``s`` is governed by a preposition of ``lang`` inside ``text[lo:s]``: right after it, or after
    it and an article with at most two lower-case words between (``con el programa Minuto 1``, ``à l'AFP``; not
    ``sur franceinfo le lieutenant-colonel``, where the article opens a new phrase after a noun), unless a
    statement word stands before the preposition (``el comunicado del Ministerio``: the issuer)."""
    preps = _prepositions(lang)
    if not preps:
        return False
    raw = [w for _, _, w in _words(text, lo, s)]
    ws = [fold(w).strip("'’") for w in raw]
    articles = _DETERMINERS | {"l", "d"}
    k = len(ws) - 1
    if not (ws and ws[-1] in preps):
        while k >= 0 and len(ws) - 1 - k < 2 and raw[k][:1].islower() and ws[k] not in articles:
            k -= 1  # the lower-case words of the phrase ("programa")
        if not (k > 0 and ws[k] in articles and ws[k - 1] in preps):
            return False
        k -= 1
    # "el comunicado del Ministerio", "в заявлении МИД": a statement's issuer is no object
    before = [w for w in ws[:k] if w not in articles]
    return not (before and before[-1].startswith(statements)) if statements else True


def _function_run(run: str, stop: frozenset[str]) -> bool:
    """A capitalised run of function words only: ``Но``, ``Sin``, or elided ones, ``C'est``, ``Qu'il``."""
    key = function_key(run)
    if key in stop:
        return True
    parts = [x for x in re.split(r"['’]", key) if x]
    return len(parts) > 1 and all(x in stop for x in parts)


def speaker_in(
    text: str,
    lo: int,
    hi: int,
    lang: str,
    words: SpeakerWords,
    names: Sequence[Found],
    *,
    last: bool,
    resolve: Callable[[int], Found | None] | None = None,
    kinds: dict[tuple[int, int], str] | None = None,
    subject: bool = False,
    within: int | None = None,
) -> tuple[int, int, str] | None:
    """The speaker in ``text[lo:hi]`` (``last``: the one nearest the end, for a stretch before the cue; else the
    first): a known name, a capitalised run or a role, joined when adjacent (named as :func:`_name_of` says, ``kinds``
    giving the kind of each known name by its span); a pronoun or statement word there is
    resolved with ``resolve`` (its span stays the evidence). ``subject``: the speaker is a cue verb's subject, so a
    name after a preposition is passed over; ``within``: only a speaker that starts within that many words of
    ``lo``."""
    if hi <= lo:
        return None
    if lang in UNCASED:  # no capitals: a known name first, else the script's rules
        named = [n for n in names if lo <= n[0] and n[1] <= hi]
        if named:
            return named[-1] if last else named[0]
        if lang == "ka":
            return _georgian_speaker(text, lo, hi, words, last=last, resolve=resolve)
        script_speaker = _arabic_script_speaker if lang in {"ar", "fa"} else _cjk_speaker
        return script_speaker(text, lo, hi, lang, words, last=last, resolve=resolve)
    known = [(s, e) for s, e, _ in names if lo <= s and e <= hi]
    stop = function_words(lang)
    runs = [(s, e) for s, e in capitalised_runs(text, lo, hi) if (s, e) in known or not _function_run(text[s:e], stop)]
    spans = _merge([*known, *runs, *role_phrases(text, lo, hi, lang, words)], text)
    pron = _pronouns(text, lo, hi, words)
    spans = [(s, e) for s, e in spans if (s, e) not in pron]  # "Он заявил": a capital that opens a sentence
    if spans:  # "Bakan Koca, açıklamasında": a statement word beside a name is not the speaker
        pron = [(s, e) for s, e in pron if fold(text[s:e]) in words.pronouns]
    cands: list[tuple[int, int, str]] = [(s, e, "span") for s, e in spans] + [(s, e, "pronoun") for s, e in pron]
    if subject:
        cands = [c for c in cands if c[2] != "span" or not _after_preposition(text, lo, c[0], lang, words.statements)]
        if not last:  # "dijo en el programa Minuto 1, que transmite C5N": a name in a clause of its own
            cands = [c for c in cands if not any(fold(w) in _CLAUSE_WORDS for _, _, w in _words(text, lo, c[0]))]
    if within is not None:
        cands = [c for c in cands if len(_words(text, lo, c[0])) <= within]
    if not cands:
        return None
    cands.sort()
    s, e, kind = cands[-1] if last else cands[0]
    if kind == "pronoun":
        if resolve is None:
            return s, e, text[s:e]
        ante = resolve(s)
        return (s, e, ante[2]) if ante is not None else (s, e, text[s:e])
    return s, e, _name_of(text, s, e, names, kinds)


def _name_of(text: str, s: int, e: int, names: Sequence[Found], kinds: dict[tuple[int, int], str] | None = None) -> str:
    """What names a speaker phrase: a person the entities stage found inside it (``kinds``: the kind of each known
    name by its span) or a known name that is the whole phrase, else the name that ends it after a title (``borgmästaren
    Eva Lind`` -> ``Eva Lind``; not an acronym, ``глава МЧС``, nor a complement, ``ministro del Interior``), else the
    phrase without its article (``le ministre`` -> ``ministre``; ``Le président`` as written when it opens a
    sentence)."""
    kinds = kinds or {}
    inside = [n for n in names if s <= n[0] and n[1] <= e]
    whole = [n for n in inside if (n[0], n[1]) == (s, e) or kinds.get((n[0], n[1])) == "person"]
    if whole:  # a person the entities stage found, or a name that is the whole phrase ("Türkiye" in "Türkiye basşısı"
        return max(whole, key=lambda n: n[1] - n[0])[2]  # names the head of state, not the country)
    runs = [r for r in capitalised_runs(text, s, e) if r[1] == e]
    if runs:
        rs, re_ = runs[-1]
        prev = _words(text, max(s, rs - 12), rs)
        name = text[rs:re_]
        linked = bool(prev) and fold(prev[-1][2]) in _LINKS and prev[-1][0] >= s
        if rs > s and not name.isupper() and not linked:
            return name
    a, b = _strip_article(text, s, e)
    if a > s and text[s].isupper() and text[a : a + 1].islower():
        return text[s:b]
    return text[a:b]


#: characters before a person's mention searched for the role that introduces it ("Außenminister Dmytro Kuleba")
_ROLE_BEFORE = 60


#: what may stand between a role and the name set beside it: the rest of the role, then a comma
_APPOSED = re.compile(r"[^,.;:!?\n«»“”„\"]{0,60},[ \u00a0]*")


def role_holder(text: str, sp: Found, lang: str, words: SpeakerWords, persons: Sequence[Found]) -> Found:
    """A role spoken as a speaker (``der Minister``, ``el fiscal``, ``ukraiński prezydent``) named by the person
    the article introduced with that role before (``Außenminister Dmytro Kuleba``, ``prezydent Ukrainy Wołodymyr
    Zełenski``): the nearest such person before it; the role stays the evidence span. Unchanged when the phrase
    holds a person or a capitalised name of its own, or no person before carries the role."""
    s, e, _ = sp
    if not words.roles or any(s <= p[0] and p[1] <= e for p in persons):
        return sp
    phrase = [w for _, _, w in _words(text, s, e)]
    said = [fold(w) for w in phrase]
    roles = [r for r in words.roles if " " not in r and len(r) >= 4 and any(_role_word(w, r, lang) for w in said)]
    if not roles:
        return sp
    for p in persons:  # "Franck Bizet, délégué CGT": the role set beside the name before it
        if p[1] <= s and re.fullmatch(r",[ \u00a0]*", text[p[1] : s]):
            return p[0], e, p[2]
    for p in persons:  # "o secretário de Polícia Civil do Rio, Felipe Curi": the name set beside the role
        if p[0] >= e and _APPOSED.fullmatch(text, e, p[0]):
            return s, p[1], p[2]
    named = [
        w
        for w, f in zip(phrase[1:], said[1:], strict=True)
        if _upper(w) and not any(_role_word(f, r, lang) for r in roles)
    ]
    if named:
        return sp  # "Burmistrz Prudnika Grzegorz Zawiślak": a name of its own
    for p in sorted((p for p in persons if p[1] <= s), key=lambda p: p[0], reverse=True):
        intro = [fold(w) for _, _, w in _words(text, max(0, p[0] - _ROLE_BEFORE), p[0])][-4:]
        after = [fold(w) for _, _, w in _words(text, p[1], min(len(text), p[1] + _ROLE_BEFORE))][:4]
        apposed = text[p[1] : p[1] + 2].startswith(",")
        if any(_role_word(w, r, lang) for r in roles for w in [*intro, *(after if apposed else ())]):
            return s, e, p[2]
    return sp


#: Korean demonstratives before a role: "이 관계자" (this official) is the one named before
_KO_DEMONSTRATIVE = re.compile(r"(?:이|그|해당|同)[ \u00a0]+(\S+)")


def demonstrative_holder(text: str, sp: Found, lang: str) -> Found:
    """A Korean speaker written as a demonstrative and a role (``이 관계자``, "this official") named by the
    nearest phrase before it that ends in the same role (``대통령실 관계자``); the demonstrative stays the
    evidence. Unchanged otherwise."""
    s, e, _ = sp
    m = _KO_DEMONSTRATIVE.fullmatch(text[s:e]) if lang == "ko" else None
    if m is None:
        return sp
    role = m.group(1)
    for found in reversed(list(re.finditer(rf"(\S+)[ \u00a0]+{re.escape(role)}", text[:s]))):
        if _KO_DEMONSTRATIVE.fullmatch(found.group(0)) is None:
            return s, e, found.group(0)
    return sp


def _role_word(word: str, role: str, lang: str) -> bool:
    return role in word if lang in _COMPOUNDING else word.startswith(role)


def _pronouns(text: str, lo: int, hi: int, words: SpeakerWords) -> list[tuple[int, int]]:
    found = []
    for s, _e, w in _words(text, lo, hi):
        for part in re.finditer(r"[^-]+", w):  # "a-t-il déclaré", "raconte-t-elle": the pronoun after the hyphen
            f = fold(part.group())
            if f in words.pronouns or f.startswith(words.statements):
                found.append((s + part.start(), s + part.end()))
    return found


# ------------------------------------------------------------------------------------- Chinese, Japanese, Korean
_ZH_CUT = re.compile(r"[0-9０-９]|[在于於对對向就据據今昨当當周週曾也则則还還又再都并並已将將正]|[，,。；：:、（(]")
_JA_TOPIC = re.compile(r"([\u3400-\u9fff\u30a0-\u30ffー・A-Za-zＡ-Ｚ]+(?:さん|氏|ちゃん|くん)?)(?:は|が|も)")
#: a Japanese speaker ends in a noun (kanji, katakana, Latin letters) or an honorific
_JA_NOUN_END = re.compile(r"(?:[\u3400-\u9fff\u30a0-\u30ffーA-Za-zＡ-Ｚ]|さん|氏|ら)$")
#: words before は/が/も that are adverbs or demonstratives, not a speaker (何度も, 今回は, 一方で)
_JA_NOT_TOPIC = re.compile(r"何|誰|今|一方|現在|当時|同日|当日|最後|最初|本当|全員")
_KO_SUBJECT = re.compile(r"(\S+?)(?:은|는|이|가)(?=\s|$)")
_KO_PARTICLE_END = re.compile(r"(?:의|에|에서|를|을|로|으로|와|과|도|만|에게|께서|다|고|며|면|서)$")
_KO_TOPIC_END = re.compile(r"(?:은|는|께서는|께서)$")
#: a question or a request answered by the quote after it (질문에는 "...", 물음에): its clause's subject asks
_KO_QUESTION = re.compile(r"(?:질문|물음|요청|요구|지적)에")
#: words _KO_SUBJECT takes for a subject that name no one: demonstratives and adverbs (이같이 답했다), a quotative
#: after the closing mark (”라는 입장), a verb ending before a connective (했는데)
_KO_NOT_SPEAKER = re.compile(r"(?:이같|그같|이렇|그렇|이와|이라|라|다|것|등)|.*(?:했는|했던|하는|한다는|된다는|라는)")
_CJK_STRIP = ' \u3000，,：:。、「」『』“”"…·'


def _ja_topic_before(text: str, at: int) -> Found | None:
    """The last topic (``Xは``, ``Xさんは``) of the two Japanese sentences before ``at``, outside quotation marks."""
    lo = max(0, at - _WINDOW_BACK)
    ends = [m.end() for m in re.finditer(r"[。！？\n]", text[lo:at])]
    start = lo + (ends[-3] if len(ends) >= 3 else 0)
    seg = re.sub(r"「[^「」]*」|『[^『』]*』", lambda m: "\u3000" * len(m.group()), text[start:at])
    found = [m for m in _JA_TOPIC.finditer(seg) if m.group(0).endswith("は") and not _JA_NOT_TOPIC.match(m.group(1))]
    if not found:
        return None
    m = found[-1]
    return start + m.start(1), start + m.end(1), m.group(1)


def _cjk_speaker(
    text: str,
    lo: int,
    hi: int,
    lang: str,
    words: SpeakerWords,
    *,
    last: bool,
    resolve: Callable[[int], Found | None] | None,
) -> tuple[int, int, str] | None:
    seg = text[lo:hi]
    if lang == "ko":
        return _ko_speaker(text, lo, hi, words, resolve)
    if lang == "ja":
        m = next((m for m in _JA_TOPIC.finditer(seg) if not _JA_NOT_TOPIC.match(m.group(1))), None)
        if m is not None:
            s, e = lo + m.start(1), lo + m.end(1)
            return _cjk_pronoun(text, s, e, words, resolve)
    # Chinese (and Japanese with no particle): the words up to the first time, place or preposition word
    a = lo + len(seg) - len(seg.lstrip(_CJK_STRIP))
    if last:  # before the cue: from the last sentence or clause start
        clause = re.split(r"[。！？；\s]", seg)[-1]
        a = hi - len(clause)
        a += len(text[a:hi]) - len(text[a:hi].lstrip(_CJK_STRIP))
    head = text[a:hi]
    cut = _ZH_CUT.search(head, 1)
    if cut is not None:
        head = head[: cut.start()]
    head = head.rstrip(_CJK_STRIP).rstrip("はがもの").lstrip("とって")
    if lang == "ja" and not _JA_NOUN_END.search(head):
        return None  # an object or a place (詰め掛けた報道陣に) or a verb (頭を下げ), not who speaks
    if lang == "zh":  # "外交部发表声明称", "外交部声明称": the issuer, not its statement
        issued = re.search(r"发表|發表|发布|發布|" + "|".join(map(re.escape, words.statements or ("声明",))), head)
        if issued is not None and issued.start() > 0:
            head = head[: issued.start()]
    if not head or len(head) > 16 or re.fullmatch(r"[\u3040-\u309f]+", head) or re.search(r"\s", head):
        return None
    s = text.index(head, a)
    return _cjk_pronoun(text, s, s + len(head), words, resolve)


def _cjk_pronoun(
    text: str, s: int, e: int, words: SpeakerWords, resolve: Callable[[int], Found | None] | None
) -> tuple[int, int, str]:
    seg = text[s:e]
    pron = next((p for p in sorted(words.pronouns, key=len, reverse=True) if seg.startswith(p)), None)
    if pron is not None and resolve is not None:
        ante = resolve(s)
        if ante is not None:
            return s, s + len(pron), ante[2]
    return s, e, seg


def _ko_past(word: str) -> bool:
    """A syllable closed by ㅆ, the mark of a past or future verb (들어갔는지, 했는데, 왔던): never a name."""
    return any("\uac00" <= ch <= "\ud7a3" and (ord(ch) - 0xAC00) % 28 == 20 for ch in word)


def _ko_speaker(
    text: str, lo: int, hi: int, words: SpeakerWords, resolve: Callable[[int], Found | None] | None
) -> tuple[int, int, str] | None:
    """Korean: the words before the first subject or topic particle (``에르도안 대통령은``)."""
    seg = text[lo:hi]
    question = _KO_QUESTION.search(seg)
    for m in _KO_SUBJECT.finditer(seg):
        word = m.group(1)
        if len(word) < 1 or _KO_PARTICLE_END.search(word) or _KO_NOT_SPEAKER.fullmatch(word) or _ko_past(word):
            continue
        # "미국 측이 … 묻는 질문에는 “…”고 덧붙였다": the subject (이/가) of the question clause asks, and a verb
        # right before 질문 (묻는) is no one; the topic (은/는) of the sentence answers
        if (
            question is not None
            and m.end() <= question.start()
            and (not _KO_TOPIC_END.search(m.group()) or not seg[m.end() : question.start()].strip())
        ):
            continue
        s, e = lo + m.start(1), lo + m.end(1)
        if s > 0 and text[s - 1] in "”\"’'」』":  # “...”라는: the quotative, not a subject
            continue
        if fold(text[s:e]) in words.pronouns or text[s:e] == "그":
            ante = resolve(s) if resolve is not None else None
            return (s, e, ante[2]) if ante is not None else (s, e, text[s:e])
        # the name before a title: up to two words before it with no particle of their own
        before = list(re.finditer(r"\S+", text[lo:s]))
        for w in reversed(before[-2:]):
            if _KO_PARTICLE_END.search(w.group()) or not re.search(r"[\uac00-\ud7af]", w.group()):
                break
            s = lo + w.start()
        return s, e, text[s:e]
    return None


def headline_speaker(text: str, open_: int, lang: str) -> tuple[int, int, str] | None:
    """A Korean or Japanese headline's speaker: ``에르도안 대통령 "..."``, ``エルドアン大統領「...」`` (the words
    right before the quotation mark, from the line start or a ``…``/``·``/``,``, with no particle of their own)."""
    line_start = text.rfind("\n", 0, open_) + 1
    before = text[line_start:open_]
    cut = max(before.rfind(c) for c in "…·,，:：.。")
    seg = before[cut + 1 :]
    stripped = seg.strip()
    if not stripped or (lang == "ko" and not before.endswith((" ", "\u3000"))):
        return None
    if lang == "ko":
        ws = stripped.split()
        if not 1 <= len(ws) <= 3 or any(_KO_PARTICLE_END.search(w) for w in ws):
            return None
        topic = _KO_TOPIC_END.search(stripped)  # "김민수 대표는 “...”며": the speaker without its topic particle
        if topic is not None and topic.start() >= 2:
            seg, stripped = seg[: len(seg.rstrip()) - len(topic.group())], stripped[: topic.start()]
    elif len(stripped) > 12 or re.search(r"[\u3040-\u309f]", stripped):
        return None
    s = line_start + cut + 1 + (len(seg) - len(seg.lstrip()))
    return s, s + len(stripped), stripped


# ---------------------------------------------------------------------------------------------- Arabic, Persian
_AR_STOP = frozenset(
    {
        "إن",
        "إنّ",
        "أن",
        "أنّ",
        "إنه",
        "إنها",
        "أنه",
        "في",
        "على",
        "من",
        "عن",
        "خلال",
        "إلى",
        "مع",
        "بعد",
        "قبل",
        "يوم",
        "اليوم",
        "أمس",
        "حيث",
        "كما",
        "وقد",
        "قد",
        "بأن",
        "بأنّ",
    }
)
_FA_STOP = frozenset(
    {"در", "به", "با", "از", "روز", "که", "امروز", "این", "را", "برای", "پس", "بعد", "نیز", "هم", "دیروز", "طی"}
)


def _arabic_script_speaker(
    text: str,
    lo: int,
    hi: int,
    lang: str,
    words: SpeakerWords,
    *,
    last: bool,
    resolve: Callable[[int], Found | None] | None,
) -> tuple[int, int, str] | None:
    ws = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s،,.:؛«»\"“”()]+", text[lo:hi])]
    ws = [(lo + s, lo + e, w) for s, e, w in ws]
    if not ws:
        return None
    if lang == "fa" and last:
        # the subject that opens the clause before a final verb: from the clause start up to a stop word
        clause_start = max(text.rfind(c, lo, hi) for c in '.؛:\n«»"')
        ws = [w for w in ws if w[0] > clause_start]
        while ws and ws[0][2] in {"و", "اما", "همچنین"}:
            ws = ws[1:]
    picked: list[tuple[int, int, str]] = []
    for s, e, w in ws:
        bare = w[1:] if w.startswith("و") and len(w) > 3 and lang == "ar" else w
        if bare in _AR_STOP or bare in _FA_STOP or (lang == "ar" and bare.startswith("ل") and len(bare) > 3 and picked):
            break
        if picked and not re.fullmatch(r"[ \u00a0\u200c]+", text[picked[-1][1] : s]):
            break
        picked.append((s, e, w))
        if len(picked) == 6:
            break
    if not picked:
        return None
    s, e = picked[0][0], picked[-1][1]
    if len(picked) == 1 and (fold(picked[0][2]) in words.pronouns) and resolve is not None:
        ante = resolve(s)
        return (s, e, ante[2]) if ante is not None else (s, e, text[s:e])
    return s, e, text[s:e]


# ---------------------------------------------------------------------------------------------- Georgian
_KA_WORD = re.compile(r"[\u10a0-\u10ff]+(?:-[\u10a0-\u10ff]+)*")
#: the ergative case, the subject of a verb in the aorist ("ტრამპმა განაცხადა", "კობახიძემ თქვა")
_KA_ERGATIVE = re.compile(r".{2,}(?:მა|[ეოუ]მ)")
#: the genitive ("აშშ-ის პრეზიდენტმა", "საქართველოს პრემიერმა") or a bare name stem ("დონალდ ტრამპმა")
_KA_GENITIVE = re.compile(r".{2,}(?:ის|ს)")
_KA_MODIFIER = re.compile(rf"{_KA_GENITIVE.pattern}|.*[ბგდვზთკლმნპჟრსტფქღყშჩცძწჭხჯჰ]")
_KA_SPEAKER_WORDS = 4


def _georgian_speaker(
    text: str,
    lo: int,
    hi: int,
    words: SpeakerWords,
    *,
    last: bool,
    resolve: Callable[[int], Found | None] | None,
) -> tuple[int, int, str] | None:
    """Georgian: the subject in the ergative next to the cue (before it: the last one; after it: the first within
    four words), with the genitives and the first name before it (``აშშ-ის პრეზიდენტმა, დონალდ ტრამპმა``); a
    pronoun (``მან``) is resolved."""
    ws = [(m.start(), m.end(), m.group()) for m in _KA_WORD.finditer(text, lo, hi)]
    if not last:
        ws = ws[:_KA_SPEAKER_WORDS]
    order = range(len(ws) - 1, -1, -1) if last else range(len(ws))
    for i in order:
        s, e, w = ws[i]
        if w in words.pronouns:
            ante = resolve(s) if resolve is not None else None
            return (s, e, ante[2]) if ante is not None else (s, e, w)
        if not _KA_ERGATIVE.fullmatch(w):
            if last and len(ws) - i > _KA_SPEAKER_WORDS:
                return None
            continue
        first = i
        while first > 0 and i - first < 4:
            _, pe, pw = ws[first - 1]
            gap = text[pe : ws[first][0]]
            if gap.strip(" \u00a0") == "" and (_KA_ERGATIVE.fullmatch(pw) or _KA_MODIFIER.fullmatch(pw)):
                first -= 1
            elif gap.strip(" \u00a0") == "," and _KA_ERGATIVE.fullmatch(pw):
                first -= 1  # an apposition: "პრეზიდენტმა, დონალდ ტრამპმა"
            else:
                break
        end = i
        while end + 1 < len(ws) and text[ws[end][1] : ws[end + 1][0]].strip(" \u00a0") == "":
            if _KA_ERGATIVE.fullmatch(ws[end + 1][2]):
                end += 1  # "პრემიერ-მინისტრმა ირაკლი კობახიძემ": the name after the title
            elif end + 2 < len(ws) and _KA_ERGATIVE.fullmatch(ws[end + 2][2]) and ws[end + 2][0] - ws[end + 1][1] <= 1:
                end += 2
            else:
                break
        s0 = ws[first][0]
        return s0, ws[end][1], text[s0 : ws[end][1]]
    if last and ws and _KA_GENITIVE.fullmatch(ws[-1][2]) and not text[ws[-1][1] : hi].strip():
        first = len(ws) - 1  # "მინისტრის თქმით" (according to the minister): the genitive before the phrase
        while first > 0 and len(ws) - first < 3 and not text[ws[first - 1][1] : ws[first][0]].strip():
            if not _KA_MODIFIER.fullmatch(ws[first - 1][2]):
                break
            first -= 1
        return ws[first][0], ws[-1][1], text[ws[first][0] : ws[-1][1]]
    return None


# ---------------------------------------------------------------------------------------------- antecedents
def antecedent(
    text: str,
    at: int,
    lang: str,
    words: SpeakerWords,
    persons: Sequence[Found],
    previous_cue_speaker: Callable[[int], Found | None] | None = None,
    previous: tuple[Found, int] | None = None,
) -> Found | None:
    """Whom a pronoun or a statement at ``at`` stands for: the most salient person the entities stage found within
    700 characters before it (:func:`_salient`), else the speaker of the nearest cue before it, else the nearest
    capitalised run of two words or more, or a role, before it; ``previous`` (the speaker of the quote before and
    where that quote ends) wins when that quote ends after the mention found and in the same or the previous
    paragraph ("... one resident said. ... he added")."""
    found, weak = _spoken_of(text, at, lang, words, persons, previous_cue_speaker)
    if previous is not None:
        speaker, ended = previous
        gap = text[ended:at]
        if (found is None or weak or ended > found[1]) and gap.count("\n\n") + (gap.count("\n") > 2) <= 1:
            return speaker
    return found


def _spoken_of(
    text: str,
    at: int,
    lang: str,
    words: SpeakerWords,
    persons: Sequence[Found],
    previous_cue_speaker: Callable[[int], Found | None] | None = None,
) -> tuple[Found | None, bool]:
    """What :func:`antecedent` finds before ``at`` without the previous quote, and whether it is only a single
    capitalised word (a place or a channel as often as a person: "... que transmite C5N")."""
    lo = max(0, at - _WINDOW_BACK)
    before = [p for p in persons if lo <= p[0] and p[1] <= at]
    hit = previous_cue_speaker(at) if previous_cue_speaker is not None else None
    if before:
        person = _salient(text, at, before, lang, words)
        # "Sua vizinha Roseli ..., disse que ... «...», diz": who spoke just before, when later than the person (in
        # German, where every noun is capitalised, a name of two words: "Er forderte die Bürger auf" names no one)
        if hit is not None and lang in _NOUNS_CAPITALISED and len(text[hit[0] : hit[1]].split()) < 2:
            hit = None
        return (hit if hit is not None and hit[0] > person[1] else person), False
    if hit is not None:
        return hit, False
    if lang == "ja":  # the topic carries over: "岸本さんは、…招集。「…」と"
        return _ja_topic_before(text, at), False
    if lang in UNCASED:
        return None, False
    runs = [r for r in capitalised_runs(text, lo, at) if fold(text[r[0] : r[1]]) not in words.pronouns]
    # a name of two words or more, or a role, is a person spoken of; a single capitalised word (a place, a month)
    # only when there is none (never in German, where every noun has a capital)
    full = [(s, e) for s, e in runs if len(text[s:e].split()) >= 2]
    if lang in _NOUNS_CAPITALISED:
        full = [(s, e) for s, e in full if not _sentence_start(text, s)]
    spans = _merge([*full, *role_phrases(text, lo, at, lang, words)], text)
    weak = False
    if not spans and lang not in _NOUNS_CAPITALISED:
        spans, weak = [(s, e) for s, e in runs if not _sentence_start(text, s)], True
    if not spans:
        return None, False
    s, e = spans[-1]
    return (s, e, _name_of(text, s, e, persons, {(p[0], p[1]): "person" for p in persons})), weak


#: sentences before a pronoun searched for a person who opens one (the subject)
_SUBJECT_SENTENCES = 2
_SUBJECT_WORDS = 4
_SENTENCE_STOP = re.compile(r"[.!?։。！？](?=[\s»”\"]|$)|\n")


def _salient(text: str, at: int, before: Sequence[Found], lang: str = "", words: SpeakerWords | None = None) -> Found:
    """The person a pronoun at ``at`` most likely stands for: the last person that opens one of the two sentences
    before it (within its first four words: the subject, "Selenskyj hatte ... mit Putin gesucht. ... sagte er"; or
    after a title alone, :func:`_title_before`: "El juez de Esquel Jorge Criado, quien ..., manifestó"), else the
    nearest person."""
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, max(0, at - _WINDOW_BACK), at)]
    starts = [max(0, at - _WINDOW_BACK), *stops]
    window_lo = starts[-_SUBJECT_SENTENCES - 1] if len(starts) > _SUBJECT_SENTENCES else starts[0]
    pick: Found | None = None
    for p in reversed(before):
        if p[0] < window_lo:
            break
        opens = max(s for s in starts if s <= p[0])
        if len(text[opens : p[0]].split()) < _SUBJECT_WORDS or _title_before(text, opens, p[0], lang, words):
            pick = p
            break
    return pick if pick is not None else before[-1]


#: at most so many words of a title before a name that opens a sentence ("El juez de Esquel Jorge Criado")
_TITLE_WORDS = 8


def _title_before(text: str, lo: int, hi: int, lang: str, words: SpeakerWords | None) -> bool:
    """``text[lo:hi]`` is only a title: a role word of the language, then capitalised and function words, at most
    one other word, no comma."""
    if words is None or not words.roles or "," in text[lo:hi]:
        return False
    ws = [w for _, _, w in _words(text, lo, hi)]
    if not ws or len(ws) > _TITLE_WORDS:
        return False
    stop = function_words(lang)
    folded = [fold(w) for w in ws]
    roles = [any(_role_word(f, r, lang) for r in words.roles if len(r) >= 4) for f in folded]
    if not any(roles):
        return False
    others = sum(
        1 for w, f, r in zip(ws, folded, roles, strict=True) if not (r or _upper(w) or function_key(w) in stop)
    )
    return others <= 1


def _sentence_start(text: str, s: int) -> bool:
    before = text[max(0, s - 3) : s].rstrip(" \u00a0\t«“„\"'–—-")
    return not before or before[-1] in ".!?\n:"
