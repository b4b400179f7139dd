"""Places named in an article, resolved offline to coordinates with the gazetteer (:mod:`.gazetteer`).

Stage ``places.gazetteer.v1``. Place mentions come from

* entity mentions of type place (the language model's GPE/LOC/FAC, natasha's LOC, the actor table's regions), and
* the gazetteer itself, matched on capitalised word sequences the model missed ("foreign militants from
  Afghanistan"), on Chinese text by substring, and with fuzzy matching (rapidfuzz) for misspellings of countries,
  regions and large cities ("Kyrgistan", "Xinjian"). Demonyms ("Kazakh") are never places; names that are also
  common words ("Nice", "Reading") count only when the model tagged them as places.

Each mention is resolved among the gazetteer's candidates by a prior (countries first, then regions and
subdivisions, then cities by population) plus the article's context: countries the article names without
ambiguity, their neighbours, and context words ("Bataclan" for Paris, France).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Entity, Item, Place
from .entities import work_spans
from .gazetteer import GazEntry, Gazetteer, load_gazetteer
from .lemmas import stopwords
from .ner_zh import looks_transliterated
from .place_sounds import KOREAN_PARTICLES, common_hanzi, scan_sounds
from .placeforms import stems, water_forms
from .script_words import bracket_pairs
from .soundkeys import sound_key
from .state_codes import POSTAL, PROVINCE_CODES, state_code
from .translit import GEORGIAN_RE, fold, name_key

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = ["NAME", "extract_places", "register", "resolve_candidates"]

NAME = "places.gazetteer.v1"

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’.][^\W\d_]+)*\.?")
_HAN = re.compile(r"[\u3400-\u9fff]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")
_SUFFIX_AFTER_APOSTROPHE = re.compile(r"['’ʼ][^\W\d_]{1,6}\b")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
#: Words of scripts without capitals that separate words by spaces: Arabic script (Arabic, Persian) and Hangul.
_UNCASED_WORD = re.compile(
    r"[\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u200c]+|[\uac00-\ud7a3]+"
    r"|[\u10d0-\u10ff]+"
)
#: Georgian case endings and postpositions after a name, longest first: "თბილისში" (in Tbilisi), "ბათუმიდან" (from
#: Batumi), "საქართველოს" (Georgia's); the stem takes back the nominative "ი" of a consonant-final name.
_GEORGIAN_ENDINGS = (
    *("ისთვის", "იდან", "ამდე", "ისკენ", "ებში", "ში", "ის", "ით", "ად", "დან", "მდე", "ზე", "თან", "სა", "მა"),
    *("ს", "მ"),
)
#: Arabic proclitics (and, so, with/in, for, like) that a place name may carry: "وتركيا", "بسوريا", "بالعراق". The
#: article "ال" is not stripped: names that take it hold it ("العراق"), and "التركية" is the adjective "Turkish".
_ARABIC_PREFIX = re.compile(r"^(?:[وف]?[بلك]|[وف])(?=\S{4})")
#: Korean particles and administrative suffixes after a name: "튀르키예에서", "시리아의", "가지안테프주" (province),
#: "반시" (city), "에르지스군" (county), "경기도" (province).
_KOREAN_PARTICLE = re.compile(f"(?:{'|'.join(KOREAN_PARTICLES)}|도)$")
_KOREAN_SUFFIX = re.compile(r"(?:시|주|군|도|현|구)$")
_ADMIN2_END = re.compile(r"\s+(?:County|Parish|Borough)$")
_SOUND_SCRIPT = re.compile(r"[\u0370-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_AL = re.compile(r"^(?:al|el|ad|ar|as|at|az|ash|an) ")
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff’]")
_CURATED = frozenset({"region", "sea", "river", "landmark", "continent"})  # every name of these is a main name
_CONNECTORS = frozenset({"and", "of", "de", "du", "des", "la", "le", "upon", "on", "al", "el", "da", "do", "dos"})
_STOP_WORDS = """
    a an the this that these those it its he she they we you i his her their our my your of in on at by for with
    from to and or but if as so not no yes all any some many more most other such only also just than then there
    here when where what which who whom why how after before during under over about into through while since new
    old former first last next president minister officials government police army state city world
"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    entries: list[GazEntry]
    score: float  # recognition confidence
    source: str  # ner | scan | fuzzy | cjk
    match: float = 1.0  # string similarity of the name (1.0 exact)
    alias: bool = False  # the model's place matched only another language's or an old name of small places


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _scan(
    body: str, gaz: Gazetteer, blocked: list[tuple[int, int, str]], *, inflected: bool, common: frozenset[str]
) -> list[_Cand]:
    """Gazetteer matches on capitalised word sequences of up to five words (and inflected single words)."""
    words = list(_WORD.finditer(body))
    out: list[_Cand] = []
    lower_words = {w.group().lower() for w in words if not _is_cap(w.group())}
    i = 0
    while i < len(words):
        w = words[i].group()
        if not _is_cap(w):
            i += 1
            continue
        found = None
        for n in range(min(5, len(words) - i), 0, -1):
            last = words[i + n - 1]
            if not _is_cap(last.group()) and n > 1:
                continue
            inner = [words[j].group() for j in range(i + 1, i + n - 1)]
            if any(not _is_cap(x) and x not in _CONNECTORS for x in inner):
                continue
            gaps = [body[words[j].end() : words[j + 1].start()] for j in range(i, i + n - 1)]
            if any(g not in (" ", "-") for g in gaps):
                continue
            if n > 1 and last.group() in _COMPASS and _followed_by_name(body, words, i + n):
                continue  # "Western North Dakota": the compass word begins the next name
            start, end = words[i].start(), last.end()
            text = re.sub(r"['’]s$", "", body[start:end].rstrip("."))
            end = start + len(text)
            entries = gaz.lookup(text)
            stemmed = False
            if (
                n == 1
                and (inflected or not text.isascii())
                and not any(e.feature != "city" or name_key(e.name) == name_key(text) for e in entries)
            ):  # no name spelt so: an inflected form ("Syrii") before a village's alternate name
                found_stem = _lookup_inflected(gaz, text)
                entries, stemmed = (found_stem, True) if found_stem else (entries, False)
            if entries:
                found = (n, start, end, text, entries, stemmed)
                break
        if found is None:
            i += 1
            continue
        n, start, end, text, entries, stemmed = found
        i += n
        key = name_key(text)
        if key in gaz.not_places:
            continue
        weak = key in gaz.weak  # an abbreviation is kept where the article is about the place's country (later)
        if weak and not (text.isupper() or "." in text):
            continue
        kind = next((k for s, e, k in blocked if s <= start and end <= e), None)
        as_person = kind == "person"
        if kind and any(s == start and e == end for s, e, _ in blocked):
            kind = None  # a bare town name tagged as an organisation or a person ("Allendale" alone) is the town
        if kind and re.match(r"['’]s\s", body[end : end + 3]) and any(s == start for s, _, _ in blocked):
            kind, as_person = None, False  # "Immokalee’s Complete Streets project": the town's
        if kind == "person" or _named_storm(body, start):
            continue
        entries = [e for e in entries if _same_case(e.name, text)]
        acronym = text.isupper() and len(text) <= 4 and "." not in text and not _dateline_word(body, start, end)
        if acronym:  # acronyms: countries and curated names only ("KENT, Ohio —" is a dateline, not an acronym)
            entries = [e for e in entries if e.feature in _CURATED or e.feature == "country" or e.name == text]
        initial = start == 0 or bool(re.search(r"(?:^|[.!?:\n]\s*|[\"“‘'(]\s*)$", body[max(0, start - 3) : start]))
        keep = []
        local = []  # small towns: kept later if the article names their state or province
        latin = not _NON_LATIN.search(text)
        for e in entries:
            if stemmed:
                keep.append(e)
                continue
            if e.feature in ("admin", "admin2", "city") and latin and not _spelt(e.name, text):
                continue  # Latin text must spell the name itself ("War" is not the Var department)
            if e.feature in ("country", "admin", "region", "sea", "river", "continent", "landmark"):
                keep.append(e)
            elif e.feature == "admin2":
                if n > 1 or not latin:
                    keep.append(e)
            elif acronym:
                continue  # abbreviations are not towns
            elif e.population < 15_000:
                if not kind and _saint(name_key(e.name)) == _saint(key):
                    local.append(e)
            elif kind:  # a city named inside an organisation's name ("Toronto Raptors"): main names of big cities
                if _saint(name_key(e.name)) == _saint(key) and e.population >= 100_000:
                    keep.append(e)
            elif _saint(name_key(e.name)) == _saint(key) or (e.population >= 100_000 and not initial):
                keep.append(e)
        source = "weak" if weak else "scan"
        if as_person:  # tagged as a person: a town only where the article names its state ("Castlegar", B.C.)
            keep, local = [], [e for e in entries if e.feature == "city" and _saint(name_key(e.name)) == _saint(key)]
            if (
                _after_locative(body, start, end)
                or _listed_with_place(body, start, end, gaz)
                or _RESIDENT.match(body, end)
                or any(e.admin1 in _qualifier(body, end, gaz) for e in local)  # "Fergus Falls, MN"
            ):
                # or where the text puts someone in it ("lives in Riverdale"), or lists it with towns ("Hilversum
                # and Almelo")
                keep, local = local, []
        if not keep and local:
            keep, source = local, "local"
        elif keep and local and all(e.feature == "city" for e in keep):
            keep += local  # smaller namesakes stay candidates: the article's state chooses ("Allendale", N.J.)
        if not keep:
            continue
        if (
            n == 1
            and not text.isupper()
            and (
                text.lower() in _STOP or text.lower() in lower_words or (len(text) <= 2 and body[end : end + 1] != ".")
            )
        ):
            continue
        if (
            n == 1
            and text in common
            and all(
                (e.feature in ("city", "admin2") and e.population < 100_000)
                or (e.feature not in ("country", "admin") and key not in name_key(e.name).split())
                for e in keep
            )
        ):
            continue  # a common word written with a capital ("Valley", "Delta", "Rehab"; "Crime" is not Crimea)
        out.append(_Cand(start, end, keep, 0.4 if kind else 0.7, source))
    return out


def _dateline_word(body: str, start: int, end: int) -> bool:
    """A word in capitals that begins a line and is followed by a comma and a capital, a dash or a bracket: the town
    of a dateline ("KENT, Ohio —", "LYND — A California man"), not an acronym."""
    line_start = start == 0 or body[start - 1] == "\n" or (body[:start].strip() == "")
    return line_start and bool(re.match(r"(?:,\s*[A-Z]|\s+[—–-]|\s*\()", body[end : end + 4]))


_COMPASS = frozenset({"North", "South", "East", "West", "Central"})


def _followed_by_name(body: str, words: list[re.Match[str]], j: int) -> bool:
    """A capitalised word right after word ``j - 1``, with a space between."""
    return j < len(words) and _is_cap(words[j].group()) and body[words[j - 1].end() : words[j].start()] == " "


def _lookup_inflected(gaz: Gazetteer, word: str) -> list[GazEntry]:
    """Entries for an inflected word ("Almatyssa", "Алматыдағы", "Kazakistan'da"): the first stem the gazetteer
    knows, keeping countries, divisions, regions and towns of 10,000 people or more."""
    for stem in stems(word):
        found = [e for e in gaz.lookup(stem) if e.feature != "city" or e.population >= 10_000]
        if found:
            return found
    return []


def _scan_cjk(body: str, gaz: Gazetteer) -> list[_Cand]:
    """Longest gazetteer matches inside runs of Chinese characters and Japanese kana; a match in katakana (foreign
    names: "トルコ", "シリア") must be a whole katakana word ("インド" is not inside "インドネシア")."""
    out: list[_Cand] = []
    for run in _CJK_RUN.finditer(body):
        text = run.group()
        i = 0
        while i < len(text):
            hit = None
            for n in range(min(12, len(text) - i), 1, -1):
                piece = text[i : i + n]
                if _KATAKANA.match(piece[0]) and i > 0 and _KATAKANA.match(text[i - 1]):
                    continue
                if _KATAKANA.match(piece[-1]) and i + n < len(text) and _KATAKANA.match(text[i + n]):
                    continue
                entries = [e for e in gaz.lookup(piece) if e.feature != "city" or e.population >= 100_000]
                if entries:
                    hit = (n, entries)
                    break
            if hit is None:
                i += 1
                continue
            out.append(_Cand(run.start() + i, run.start() + i + hit[0], hit[1], 0.7, "cjk"))
            i += hit[0]
    return out


def _uncased_forms(word: str, *, first: bool, last: bool) -> list[str]:
    """Forms of a word of Arabic script, Hangul or Georgian a name may take: the word, without an Arabic proclitic
    (on the first word of a name), without Korean particles and an administrative suffix or a Georgian case ending
    (on the last)."""
    forms = [word]
    if last and GEORGIAN_RE.match(word):
        for ending in _GEORGIAN_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: -len(ending)]
                forms += [stem, stem + "ი"]
    if first:
        forms += [word[m.end() :] for m in (_ARABIC_PREFIX.match(word),) if m]
    if last and "\uac00" <= word[:1] <= "\ud7a3":
        bare = _KOREAN_PARTICLE.sub("", word) if len(word) > 2 else word
        forms.append(bare)
        if len(bare) > 2:
            forms.append(_KOREAN_SUFFIX.sub("", bare))
    out: list[str] = []
    for f in forms:
        if len(f) >= 2 and f not in out:
            out.append(f)
    return out


#: Georgian function words (stopwords-iso has no Georgian list): romanised, "რომ" (that) is "rom", Rome in German
_GEORGIAN_FUNCTION_WORDS = """
    და რომ არის იყო ეს ის ამ იმ როგორც მაგრამ თუ ან კი არ ვერ უნდა მას მის მისი ამის ასევე ყველა სხვა მხოლოდ ახლა
    უკვე როცა სადაც რაც ვინც რა ვინ მე შენ ჩვენ თქვენ ისინი მათ მათი წლის დღეს შემდეგ მერე ხოლო ანუ თან კიდევ
    სულ ძალიან ერთი ორი სამი ამიტომ რადგან თითქოს აქ იქ ასე ისე რომელიც რომლის რომელმაც
"""


@lru_cache(maxsize=1)
def _uncased_stopwords() -> frozenset[str]:
    """Function words of Arabic, Persian and Korean (stopwords-iso) and Georgian, folded: never a place alone
    ("وأن", "and that", folds to the Arabic name of Van)."""
    words = [w for lang in ("ar", "fa", "ko") for w in stopwords(lang)] + _GEORGIAN_FUNCTION_WORDS.split()
    return frozenset(fold(w) for w in words)


def _scan_uncased(body: str, gaz: Gazetteer) -> list[_Cand]:
    """Gazetteer matches in scripts without capitals that write spaces (Arabic, Persian, Korean): the longest run of
    up to three words whose forms (:func:`_uncased_forms`) the gazetteer knows. Kept: countries, and divisions,
    regions and towns of 100,000 people or more in a country the article names or where a town it names twice is
    (GeoNames gives many towns alternate names that are common words: "خبر", "news", is Khobar)."""
    words = list(_UNCASED_WORD.finditer(body))
    found: list[tuple[int, int, str, list[GazEntry]]] = []
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(3, len(words) - i), 0, -1):
            if n == 1 and fold(words[i].group()) in _uncased_stopwords():
                continue
            if any(body[words[j].end() : words[j + 1].start()] != " " for j in range(i, i + n - 1)):
                continue
            head = [w.group() for w in words[i : i + n]]
            for first in _uncased_forms(head[0], first=True, last=n == 1):
                lasts = _uncased_forms(head[-1], first=False, last=True) if n > 1 else [first]
                for lastf in lasts:
                    text = " ".join([first, *head[1:-1], lastf]) if n > 1 else first
                    entries = [e for e in gaz.lookup(text) if e.feature != "city" or e.population >= 15_000]
                    if entries:
                        hit = (n, name_key(text), entries, first, lastf)
                        break
                if hit:
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        n, key, entries, first, lastf = hit  # the span leaves out proclitics and particles
        if first not in words[i].group():
            first = first[:-1]  # a Georgian stem that gave back its nominative ending: "თბილის" of "თბილისში"
        if lastf not in words[i + n - 1].group():
            lastf = lastf[:-1]
        start = words[i].start() + max(0, words[i].group().find(first))
        last = words[i + n - 1]
        end = last.start() + max(0, last.group().find(lastf)) + len(lastf) if n > 1 else start + len(first)
        found.append((start, end, key, entries))
        i += n
    named = Counter(key for _, _, key, _ in found)
    countries = {e.country for _, _, _, entries in found for e in entries if e.feature == "country"}
    countries |= {  # a place named twice names its country too
        e.country
        for _, _, key, entries in found
        if named[key] > 1 and len({x.country for x in entries}) == 1
        for e in entries
        if e.feature == "city" and e.population >= 100_000
    }
    out: list[_Cand] = []
    for start, end, key, entries in found:
        georgian = GEORGIAN_RE.match(body[start:end]) is not None
        keep = [
            e
            for e in entries
            if e.feature == "country"
            or (
                (e.feature != "city" or e.population >= 100_000)
                and (e.country in countries or (named[key] > 1 and e.feature == "city"))
            )
            or (e.feature == "city" and e.population >= 15_000 and e.country in countries and len(entries) == 1)
            # Georgian names in GeoNames are the places' own, not common words that happen to be alternate names
            or (georgian and (e.feature != "city" or e.population >= 50_000))
        ]
        if keep and key not in gaz.not_places:
            out.append(_Cand(start, end, keep, 0.7, "scan"))
    return out


#: Words that end the name of a building, road or institution: a place name before them is part of that name.
_FACILITY = re.compile(
    r"^[ -]+(?:[A-Z][\w.'’-]*\s+){0,3}(?:University|College|Academy|School|Hospital|Clinic|Centre|Center|Theatre|"
    r"Theater|Stadium|Arena|Avenue|Street|Road|Boulevard|Highway|Bridge|Airport|Station|Mall|Hotel|Court|Church|"
    r"Cathedral|Museum|Library|Park|Hall|Prison|Tower|Building|Institute|Club|Restaurant|Market)\b"
)
_FACILITY_LIST = (
    "university college academy school hospital clinic centre center theatre theater stadium arena avenue street "
    "road boulevard highway bridge airport station mall hotel court church cathedral museum library hall prison "
    "tower building institute club restaurant market square plaza terminal port harbour harbor pier embassy "
    "base camp barracks mosque temple synagogue palace racecourse estate courthouse"
)
_FACILITY_WORDS = frozenset(_FACILITY_LIST.split())
_BUILDING_END = re.compile(
    r"\s(?:Hospital|Stadium|Arena|Theatre|Theater|Hotel|Airport|Prison|Cathedral|Church|Mosque|Temple|Museum|"
    r"Courthouse|Court|Hall|Park|Square|Street|Avenue|Road|Bridge|Mall|Market|Racecourse|Estate)$"
)


_INSTITUTION = re.compile(r"\s(?:of|and|for)\s")

_CAMPUS_END = re.compile(r"\s(?:University|College)$")


def _names_division(text: str, gaz: Gazetteer) -> bool:
    """True when a word of ``text`` names a country, division or region, or a town of 100,000 people or more."""
    words = [w for w in re.findall(r"[A-Z][\w.'’-]+", text) if w not in ("University", "College", "State")]
    return any(
        e.feature in ("country", "admin", "admin2", "region") or e.population >= 100_000
        for w in words
        for e in gaz.lookup(w, strict=True)
    )


def _common_words(resources: Resources, lang: str = "en") -> frozenset[str]:
    """Capitalised forms of English (or Greek) words that are common nouns, never names (simplemma's English
    dictionary holds "valley" but not "Valley"; "Αρχές", the authorities, is not the Spanish town of Argés), cached on
    the resources."""

    def load(_r: Resources) -> frozenset[str]:
        try:
            from simplemma.strategies.dictionaries import DefaultDictionaryFactory

            d = DefaultDictionaryFactory().get_dictionary(lang)
        except (ImportError, OSError, ValueError):
            return frozenset()
        if lang == "el":  # Greek capitalises days and months ("Κυριακή"): both forms are words
            return frozenset(w.capitalize() for w in d if w.isalpha() and w.islower())
        return frozenset(w.capitalize() for w in d if w.isalpha() and w.islower() and w.capitalize() not in d)

    return resources.get("places.common_words" + ("" if lang == "en" else f":{lang}"), load)


def _lines_of(e: Entity) -> list[Entity]:
    """An entity the model ran across a line break ("Wauseon\\n\\nArchbold", a headline into a dateline) is one
    entity a line."""
    if "\n" not in e.text:
        return [e]
    out = []
    for m in re.finditer(r"[^\n]+", e.text):
        part = m.group().strip()
        if part:
            start = e.start + m.start() + m.group().index(part)
            out.append(dataclasses.replace(e, start=start, end=start + len(part), text=part, canonical=part))
    return out


def _two_towns(text: str, gaz: Gazetteer) -> bool:
    """ "Burke and Diboll": two single-word names joined by "and", each the main name of a town."""
    m = re.fullmatch(r"([A-Z][a-z]+) and ([A-Z][a-z]+)", text)
    return bool(m) and all(
        any(e.feature == "city" and name_key(e.name) == name_key(w) for e in gaz.lookup(w, strict=True))
        for w in m.groups()  # type: ignore[union-attr]
    )


def _candidates(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    body = doc.article.body
    ents = [part for it in doc.items("entities") if isinstance(it, Entity) for part in _lines_of(it)]
    # a "person" of four words or more joined by "of" or "and" is an institution the model misread ("Glenfoo Chamber
    # of Commerce and Industry"): the place in its name counts as in an organisation's
    misread = {id(e) for e in ents if e.type == "person" and _INSTITUTION.search(e.text) and len(e.text.split()) >= 4}
    ents = [e if id(e) not in misread else dataclasses.replace(e, type="organisation") for e in ents]
    # "the cities of Burke and Diboll" the model read as one organisation: two towns
    ents = [e for e in ents if not (e.type == "organisation" and _two_towns(e.text, gaz))]
    # words of people's names: "Smith" after "John Smith", "Paul" after "Paul Ryan" are the people, not towns
    people = [e.text.split() for e in ents if e.type == "person"]
    surnames = {w for words in people if len(words) > 1 for w in words[1:]} | {
        w for e in ents if e.type == "person" for w in re.findall(r"[^\W\d_]{3,}", e.canonical or e.text)[1:]
    }
    # given names too, unless the name is also a large town or a division ("Paul" is a man, "Seattle" a city)
    surnames |= {
        words[0]
        for words in people
        if 2 <= len(words) <= 3
        and not any(x.feature != "city" or x.population >= 100_000 for x in gaz.lookup(words[0], strict=True))
    }
    if (doc.article.language or "en") != "en":  # rule-tagged names outside English: a country is not a surname
        surnames = {w for w in surnames if not any(x.feature == "country" for x in gaz.lookup(w, strict=True))}
    inflected = (doc.article.language or "en") not in ("en", "fr", "de", "es", "it", "pt", "nl")
    lang = doc.article.language or "en"
    common = _common_words(doc.resources, lang) if lang in ("en", "el") else frozenset()
    cands: list[_Cand] = []
    unknown: list[_Cand] = []  # model places the gazetteer does not know: after the scan, which may split them
    foreign: list[tuple[int, int]] = []
    words: list[tuple[int, int, str]] = []  # common words the rules tagged as places: nothing inside is a town
    for e in ents:
        if e.type != "place" or _named_storm(body, e.start):
            continue
        if len(e.text.strip()) <= 2 and not e.text.isupper() and e.text.isascii() and body[e.end : e.end + 1] != ".":
            continue  # "Li", "Wu": a two-letter name in Latin letters is a surname, not a town
        entries, bare = gaz.lookup_bare(e.text)
        match = 1.0
        if (
            inflected
            and " " not in e.text.strip()
            and not any(x.feature != "city" or name_key(x.name) == name_key(e.text) for x in entries)
        ):  # an inflected name the model tagged ("Сирії"), before a village's alternate name
            entries = _lookup_inflected(gaz, e.text) or entries
        if not entries and e.canonical and e.canonical != e.text and not _has_facility_word(e.text):
            entries, _ = gaz.lookup_bare(e.canonical)
        if entries and e.text.isupper() and len(e.text) <= 4 and "." not in e.text:  # acronyms: not towns
            entries = [x for x in entries if x.feature in _CURATED or x.feature == "country" or x.name == e.text]
            if not entries:
                continue
        entries = [x for x in entries if _same_case(x.name, e.text)]
        if any(_spelt(x.name, e.text) for x in entries) and not _NON_LATIN.search(e.text):
            # a division matched only by another spelling yields to a place spelt so ("Smith" is not Smith's Parish)
            entries = [x for x in entries if x.feature not in ("admin", "admin2") or _spelt(x.name, e.text)]
        if not entries and e.text[:1].isupper() and not _has_facility_word(e.text):
            fz = gaz.fuzzy(bare, cutoff=90.0, cities=bare == e.text)
            if fz is not None:
                entries, match = [fz[0]], fz[1]
        key = name_key(e.text)
        if key in gaz.not_places:
            continue
        if e.text in surnames and not _qualified(body, e.end):
            continue
        if not entries and _NON_LATIN.search(e.text) and not e.text[:1].isupper():
            if _HAN.search(e.text) and not looks_transliterated(e.text):
                continue  # 治國, 宜蘭蘇澳: a Chinese word or name the gazetteer lacks is no foreign name to sound out
            foreign.append((e.start, e.end))  # a place the model tagged in a script without capitals: by its sound
            continue
        if not entries and not _place_like(e.text):
            continue  # acronyms, lower-case words and codes the model tagged ("MoD", "GT3", "south city")
        end = e.end
        if inflected and (m := _SUFFIX_AFTER_APOSTROPHE.match(body, end)):
            end = m.end()  # the case ending after an apostrophe is part of the mention: "Almatı'ya"
        alias = bool(entries) and (doc.article.language or "en") == "en" and _alias_only(entries, e.text)
        if entries and lang == "el" and e.text in common and all(_small(x) for x in entries):
            continue  # "Αρχές" (the authorities) is not Argés, "Κυριακή" (Sunday) not Kyriáki
        if entries and all(_small(x) for x in entries) and _short_opener(body, e.start, e.text):
            continue  # Kazakh "Бұл" (this), "Онда" (there), "Бұған" opening a sentence: no Böel, Onda, Bugaan
        if entries and all(_small(x) for x in entries) and common_hanzi(e.text):
            words.append((e.start, e.end, "word"))  # nor is 阿拉 (Arrah, India) inside it
            continue  # 马拉松 (marathon) is not Marathon, 阿拉伯 (Arab) not Arab, Alabama
        (cands if entries else unknown).append(_Cand(e.start, end, entries, e.score, "ner", match, alias))
    # buildings the model called organisations ("Alder Hey Children's Hospital", "Ramor Theatre") are places; so is
    # a university whose name holds no place ("Cornell University"; "Colorado State University" is Colorado's)
    buildings = [
        e
        for e in ents
        if e.type == "organisation"
        and _place_like(e.text)
        and (_BUILDING_END.search(e.text) or (_CAMPUS_END.search(e.text) and not _names_division(e.text, gaz)))
    ]
    unknown += [_Cand(e.start, e.end, [], 0.5 * e.score, "building") for e in buildings]
    ents = [e for e in ents if e not in buildings]
    blocked = [(e.start, e.end, e.type) for e in ents if e.type != "place"]
    scanned = _scan(body, gaz, blocked, inflected=inflected, common=common)
    scanned = [
        c
        for c in scanned
        if body[c.start : c.end] not in surnames or _qualified(body, c.end) or _after_locative(body, c.start, c.end)
    ]
    unspaced: list[_Cand] = []
    if _CJK_RUN.search(body):
        unspaced += _scan_cjk(body, gaz)
    if _UNCASED_WORD.search(body):
        unspaced += _scan_uncased(body, gaz)
    # a town read inside a person's or an organisation's name ("联合" in 联合国, "ایدن" in "جو بایدن") is not one
    scanned += [
        c
        for c in unspaced
        if not any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e, _ in blocked + words)
        or any(x.feature != "city" for x in c.entries)
    ]
    waters = [  # "Эгей теңізінің": of the Aegean Sea; "Балқаш көлінің": of the lake, not the town
        _Cand(start, end, found, 0.7, "scan")
        for start, end, name in water_forms(body)
        if (found := [x for x in gaz.lookup(name) if x.feature in ("sea", "river")])
    ]
    scanned += waters
    # fuzzy matching of capitalised words the gazetteer does not know (misspelt countries and regions)
    taken = [(c.start, c.end) for c in cands + scanned]
    for m in re.finditer(r"\b([A-Z][a-z]{5,})(?:\s+(?:Autonomous Region|Region|Province|Oblast))?\b", body):
        ms, me = m.start(), m.end()
        if any(ms < te and ts < me for ts, te in taken) or any(bs <= ms and me <= be for bs, be, _ in blocked):
            continue
        word = m.group(1)
        if word.lower() in _STOP or gaz.is_demonym(word) or gaz.has(word) or word in common:
            continue
        fz = gaz.fuzzy(word, cutoff=88.0, cities=False)
        if fz is not None:
            scanned.append(_Cand(ms, me, [fz[0]], 0.6 * fz[1], "fuzzy", fz[1]))
    names = [(s, e) for s, e, kind in blocked if kind in ("person", "organisation")]
    sounded = _by_sound(body, gaz, cands + scanned, foreign, names)
    cands = [o for o in cands if not any(_inside(o, c) for c in sounded + waters)]  # "萨尔" in "萨尔波勒扎哈卜县"
    scanned += sounded
    works = work_spans(body)  # "author of Empires at War: A Short History of Modern Asia" names no place
    scanned = [
        c
        for c in scanned
        if not any(ws <= c.start and c.end <= we for ws, we in works) or not _title_cased(body, c.start)
    ]
    # a road or building the model tagged as a whole ("Northumberland Avenue", "Hampton Avenue") is not the place
    # whose name it holds: it goes before the scan's matches inside it
    for c in unknown:  # "Harare’s Third Street": the town, then the street
        m = re.match(r"(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*['’]s\s+(?=[A-Z])", body[c.start : c.end])
        if m and gaz.has(body[c.start : c.start + m.end()].rstrip().removesuffix("s")[:-1]):
            c.start += m.end()
    roads = [c for c in unknown if _has_facility_word(body[c.start : c.end])]
    unknown = [c for c in unknown if c not in roads]
    # a longer name spelt exactly ("Boa Vista", "New York") wins over the model's places inside it ("Vista")
    longer = [c for c in scanned if _spelt_whole(body, c) and any(_inside(o, c) for o in cands)]
    cands = [o for o in cands if not any(c.start <= o.start and o.end <= c.end for c in longer)]
    out = [*cands, *roads, *longer]
    for c in [*sorted(scanned, key=lambda c: c.start - c.end), *unknown]:
        if c in longer:
            continue
        if any(c.start < o.end and o.start < c.end for o in out):
            continue
        out.append(c)
    out = [c for c in out if not _in_facility(body, c)]
    out = _local_forms(body, gaz, out + _repeated(body, out, blocked, surnames))
    out += _bare_divisions(body, gaz, out)
    out = [c for c in out if not _TITLED_NAME.search(body, max(0, c.start - 60), c.start)]
    out = _unnamed_common(body, out, common, ner=lang == "el")
    out = [c for c in out if not _speaker_only(body, c)]
    out = _bracketed(body, gaz, out)
    return _district_of_columbia(body, sorted(out, key=lambda c: c.start))


def _bracketed(body: str, gaz: Gazetteer, out: list[_Cand]) -> list[_Cand]:
    """A name with its Latin spelling in brackets ("마라케시(Marrakech)", "アル・ハウズ（Al Haouz）", "Norcia
    (نورشيا)") is one place: the reading of the form the gazetteer knows goes to the other, when their sound keys
    are alike (the last word of the native form, or its last two)."""
    from rapidfuzz import fuzz

    extra: list[_Cand] = []
    named = {e.country for c in out for e in c.entries if e.feature == "country"}
    for native, latin in bracket_pairs(body):
        known = next((c for c in out if c.entries and c.start < latin[1] and latin[0] < c.end), None)
        if known is None:  # a town too small for the scan, in a country the article names: "诺尔恰（Norcia）"
            found = [e for e in gaz.lookup(body[latin[0] : latin[1]], strict=True) if e.country in named]
            if not found or any(c.start < latin[1] and latin[0] < c.end for c in out):
                continue
            known = _Cand(latin[0], latin[1], found, 0.6, "scan")
            extra.append(known)
        country = next((e.country for e in known.entries if e.country), None)
        key = sound_key(body[latin[0] : latin[1]], country=country)
        words = list(re.finditer(r"\S+", body[native[0] : native[1]]))
        forms = [(native[0] + words[-1].start(), native[1])]
        if len(words) > 1:
            forms.append((native[0] + words[-2].start(), native[1]))
        if _CJK_RUN.fullmatch(body[forms[0][0] : forms[0][1]]):  # no spaces: the end of the run ("中部诺尔恰")
            forms = [(native[1] - n, native[1]) for n in range(2, min(10, native[1] - forms[0][0]) + 1)]
        best = max(forms, key=lambda f: (fuzz.ratio(sound_key(body[f[0] : f[1]]), key), f[0]))
        if len(key) < 2 or fuzz.ratio(sound_key(body[best[0] : best[1]]), key) < 60:
            continue
        same = [c for c in out + extra if c.start < best[1] and best[0] < c.end]
        if not same:
            extra.append(_Cand(best[0], best[1], list(known.entries), 0.6, "sound"))
        elif len(same) == 1 and not same[0].entries:  # a place the model tagged that the gazetteer lacks
            same[0].entries = list(known.entries)
    return out + extra


_SPEAKS = re.compile(r"\s+(?:said|says|told|added|agreed|argued|noted|explained|asked|wrote|insisted)\b")


def _bare_divisions(body: str, gaz: Gazetteer, out: list[_Cand]) -> list[_Cand]:
    """A county or parish the article names in full is the county where its name stands alone ("Otter Tail County
    ... Otter Tail commissioners"), unless the bare name is also a country, a division or a town of 15,000 people or
    more ("Washington County ... Washington")."""
    extra: list[_Cand] = []
    spans = [(c.start, c.end) for c in out]
    seen: set[str] = set()
    for c in out:
        text = body[c.start : c.end]
        m = _ADMIN2_END.search(text)
        divisions = [e for e in c.entries if e.feature == "admin2"]
        if m is None or not divisions or text[: m.start()] in seen:
            continue
        bare = text[: m.start()]
        seen.add(bare)
        if any(
            e.feature in ("country", "admin", "region") or (e.feature == "city" and e.population >= 15_000)
            for e in gaz.lookup(bare, strict=True)
        ):
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(bare)}(?![\w-])(?!\s+(?:County|Parish|Borough)\b)", body):
            if not any(hit.start() < e and s < hit.end() for s, e in spans):
                extra.append(_Cand(hit.start(), hit.end(), divisions, 0.5, c.source))
                spans.append((hit.start(), hit.end()))
    return extra


def _speaker_only(body: str, c: _Cand) -> bool:
    """ "Smith said": a one-word name before a verb of saying is a speaker unless it names a country, a region, a
    division or a town of 100,000 people or more spelt so ("Moscow said", "Texas said" speak for governments)."""
    text = body[c.start : c.end]
    if " " in text or not c.entries or not _SPEAKS.match(body, c.end):
        return False
    return not any(
        e.feature not in ("admin", "admin2", "city")  # a country, continent, region or sea
        or (
            e.feature in ("admin", "city")
            and _spelt(e.name, text)
            and (e.feature == "admin" or e.population >= 100_000)
        )
        for e in c.entries
    )


def _unnamed_common(body: str, out: list[_Cand], common: frozenset[str], *, ner: bool = False) -> list[_Cand]:
    """A capitalised common word the scan read as a division or town of a country no other name of the article can
    be in ("City Planners Pool Together": not the Pool department of Congo) is no place; ``ner``: nor one the rules
    tagged (Greek, where every noun of a title is capitalised: "Οι Αρχές ανακοίνωσαν")."""
    countries = {e.country for c in out if body[c.start : c.end] not in common for e in c.entries}
    return [
        c
        for c in out
        if not (
            (c.source in ("scan", "local") or (ner and c.source == "ner"))
            and body[c.start : c.end] in common
            and c.entries
            and all(e.feature in ("admin", "admin2", "city") and e.country not in countries for e in c.entries)
        )
    ]


#: "Town, ST" and "TOWN, La -": a state code after a comma, not followed by a letter or a digit.
_STATE_AFTER = re.compile(r",[ \t]*([A-Z][A-Za-z]{1,4}\.?)(?![\w])")
#: a line that begins with a place and its state code, then a dash or a bracket: a dateline ("Rothsay, MN - ").
_DATELINE_CODE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3}$")
#: "Barnes, Benson, ... and Williams Counties", "Clark and Greene counties": a list of counties or parishes.
_NAME_WORD = r"[A-Z][a-z]*(?:[A-Z][a-z]+)?"  # "Barnes", "McKenzie", "DeKalb"
_LIST_ITEM = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD})?")
_DIVISIONS_WORD = re.compile(r"\s(Counties|counties|Parishes|parishes)\b")
_LIST_SEP = re.compile(r"(?:,\s+(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+)$")
#: "Rep. Adam Mathews, R-Lebanon": a legislator's party and home town.
_PARTY_TOWN = re.compile(r"(?<=,\s)[RDI]-([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w-])")
#: "Fargo-Moorhead", "Fargo–Moorhead": twin towns joined by a hyphen or a dash.
_TWIN_AFTER = re.compile(r"[-–]([A-Z][a-z]+)(?![\w-])")


#: "Councilman Reddex Washington", "Sheriff Mark Wood": a title and a given name before a word make it a surname.
_TITLED_NAME = re.compile(
    r"\b(?:Council(?:man|woman|member)|Mayor|Sheriff|Senator|Sen\.|Rep\.|Gov\.|Governor|Judge|Deputy|Officer|"
    r"Commissioner|Trooper|Sgt\.|Lt\.|Capt\.|Coach|Mr\.|Mrs\.|Ms\.|Dr\.)\s+[A-Z][a-z]+\s+$"
)
_STATE_NAMES = {name: code for code, name in POSTAL.items()}


def _state_qualifier(body: str, start: int, end: int) -> str | None:
    """The US state named right after a place ("Ogden, Arkansas", "Waterford, OH", "Alexandria, La."), or None."""
    m = re.match(r",\s+([A-Z][\w.]*(?: [A-Z][a-z]+)?)(,?\s+(?:and|or)\s+[A-Z])?", body[end : end + 40])
    if not m or m.group(2) or re.search(r",\s*$", body[max(0, start - 3) : start]):
        return None  # a list ("Miami, West Palm Beach, New York, and Detroit"), not a town and its state
    name = m.group(1).rstrip(".")
    return state_code(m.group(1)) or _STATE_NAMES.get(name) or _STATE_NAMES.get(name.split()[0].rstrip("."))


def _division_list(body: str) -> list[tuple[int, int, str]]:
    """The names of a list of counties or parishes ("Barnes, Benson, McKenzie and Ward Counties", "Clark and Greene
    counties") with the ending each stands for, read back from the plural word (at most 30 names)."""
    out: list[tuple[int, int, str]] = []
    for m in _DIVISIONS_WORD.finditer(body):
        ending = " Parish" if m.group(1).lower() == "parishes" else " County"
        end, joined = m.start(), False
        items: list[tuple[int, int, str]] = []
        while len(items) < 30:
            item = re.search(rf"(?<![\w-]){_LIST_ITEM.pattern}$", body[max(0, end - 40) : end])
            if item is None:
                break
            start = end - len(item.group())
            items.append((start, end, ending))
            sep = _LIST_SEP.search(body[max(0, start - 8) : start])
            if sep is None:
                break
            joined = joined or bool(re.search(r"\b(?:and|or)\b", sep.group()))
            end = start - len(sep.group())
        if len(items) >= 2 and joined:
            out += items
    return out


def _us_state(gaz: Gazetteer, code: str) -> list[GazEntry]:
    return [e for e in gaz.lookup(POSTAL[code]) if e.feature == "admin" and e.country == "US" and e.admin1 == code]


def _local_forms(body: str, gaz: Gazetteer, out: list[_Cand]) -> list[_Cand]:
    """The ways local news names places that the model and the scan miss: state codes after a town ("Fergus Falls,
    MN"; "Alexandria, La -"), lists of counties ("Barnes, Benson and Ward Counties"), a legislator's home town
    ("R-Lebanon": a town of the United States) and the second of twin towns ("Fargo-Moorhead"). Each is a
    candidate only with entries the gazetteer has: an unknown name stays unknown."""
    added: list[_Cand] = []
    ends = {c.end: c for c in out}
    for m in _STATE_AFTER.finditer(body):
        code = state_code(m.group(1))
        if code is None:
            continue
        before = ends.get(m.start())
        known = before is not None and any(e.country == "US" and e.admin1 == code for e in before.entries)
        dateline = (
            m.group(1).rstrip(".").isupper()
            and bool(_DATELINE_CODE.search(body[max(0, m.start() - 60) : m.start()]))
            and bool(re.match(r"[ \t]*(?:[-—–(]|\n)", body[m.end() : m.end() + 3]))
        )
        if (known or dateline) and (found := _us_state(gaz, code)):
            added.append(_Cand(m.start(1), m.end(1), found, 0.7, "scan"))
    for start, end, ending in _division_list(body):
        found = [e for e in gaz.lookup(body[start:end] + ending) if e.feature == "admin2"]
        if found:
            added.append(_Cand(start, end, found, 0.7, "scan"))
    for m in _PARTY_TOWN.finditer(body):
        found = [e for e in gaz.lookup(m.group(1), strict=True) if e.country == "US" and e.feature == "city"]
        if found:
            added.append(_Cand(m.start(1), m.end(1), found, 0.6, "scan"))
    for c in out:
        twin = _TWIN_AFTER.match(body, c.end)
        points = [(e.lat, e.lon) for e in c.entries if e.feature == "city" and e.lat is not None and e.lon is not None]
        if twin is None or not points:
            continue
        found = [
            e
            for e in gaz.lookup(twin.group(1), strict=True)
            if e.feature == "city"
            and e.lat is not None
            and e.lon is not None
            and any(abs(e.lat - a) + abs(e.lon - b) < 1.0 for a, b in points)
        ]
        if found:
            added.append(_Cand(twin.start(1), twin.end(1), found, 0.6, "scan"))
    chosen: list[_Cand] = []
    for a in sorted(added, key=lambda c: (c.start, c.start - c.end)):
        if not any(a.start < b.end and b.start < a.end for b in chosen):
            chosen.append(a)
    # the new reading replaces what overlaps it ("Barnes" the London district, "Lebanon" the country)
    return [c for c in out if not any(c.start < a.end and a.start < c.end for a in chosen)] + chosen


#: "... Hospital in Rome", "... Stadium, in Harare": the town a building is in.
_IN_TOWN = re.compile(r",?\s+(?:in|at|near)\s+(?:the\s+)?(?=[A-Z])")
_TOWNISH = frozenset({"city", "admin2"})


def _district_of_columbia(body: str, cands: list[_Cand]) -> list[_Cand]:
    """ "Washington, D.C." is one name (the city), not a town and a qualifier: one mention, whose reading does not
    pass to a bare "Washington" (the state, in an article about Seattle)."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and body[prev.start : prev.end] == "Washington"
            and re.fullmatch(r",\s*", body[prev.end : c.start])
            and body[c.start : c.end].rstrip(".") in ("D.C", "DC")
        ):
            prev.end = c.end + (1 if body[c.end : c.end + 1] == "." and body[c.end - 1] != "." else 0)
            prev.entries = [e for e in prev.entries + c.entries if e.admin1 == "DC"] or c.entries
            continue
        out.append(c)
    return out


def _repeated(body: str, out: list[_Cand], blocked: list[tuple[int, int, str]], surnames: set[str]) -> list[_Cand]:
    """One reading per name: a name the article reads as a place is a place where else it stands alone ("Douma is
    surrounded", after "in Douma"), unless inside a longer name of a person or organisation."""
    names: dict[str, _Cand] = {}
    for c in out:
        text = body[c.start : c.end]
        if c.entries and c.source in ("ner", "scan", "local") and len(text) >= 4 and text[:1].isupper():
            names.setdefault(text, c)
            if text.isupper() and len(text) > 4:  # "BUCYRUS --" in a dateline, then "the Bucyrus Post"
                names.setdefault(text.title(), c)
    spans = [(c.start, c.end) for c in out]
    extra: list[_Cand] = []
    for text, c in names.items():
        if text in surnames:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", body):
            a, b = m.start(), m.end()
            if any(a < e and s < b for s, e in spans) or any(
                s <= a and b <= e and (s, e) != (a, b) and kind == "person" for s, e, kind in blocked
            ):
                continue
            extra.append(_Cand(a, b, c.entries, 0.5, c.source, c.match, c.alias))
            spans.append((a, b))
    return extra


def _by_sound(
    body: str, gaz: Gazetteer, found: list[_Cand], foreign: list[tuple[int, int]], names: list[tuple[int, int]]
) -> list[_Cand]:
    """Places written in another script that the gazetteer does not spell, by their sound (:mod:`.place_sounds`),
    in the countries the other places name and near them."""
    if not _SOUND_SCRIPT.search(body):
        return []
    countries: set[str] = set()
    for c in found:
        cc = {e.country for e in c.entries if e.country}
        if len(cc) == 1 and (len(c.entries) == 1 or any(e.feature == "country" for e in c.entries)):
            countries |= cc
    anchors = [
        (c.start, max(c.entries, key=lambda e: (e.country in countries, e.prior, e.population)))
        for c in found
        if c.entries and not any(e.feature in ("country", "continent", "sea") for e in c.entries)
    ]
    anchors = [(p, e) for p, e in anchors if e.country in countries]
    # a match may be the start of a longer name ("克尔曼" Kerman in "克尔曼沙阿省", "Сарполе" in "Сарполе-Захаб"): the
    # sound match of the whole name may hold it, and goes before it (the longest match wins below)
    taken = [(c.start, c.end) for c in found]
    hits = scan_sounds(body, gaz, taken=taken, unknown=foreign, countries=countries, anchors=anchors, names=names)
    return [_Cand(h.start, h.end, list(h.entries), 0.6, "sound") for h in hits]


def _city_not_country(body: str, cands: list[_Cand]) -> None:
    """A name in another script that is a country's old or other name and one of its cities' ("مراكش": Marrakesh,
    and Morocco in older Arabic), where the article names that country by a name that is only the country's
    ("المغرب"), is the city."""
    named = {
        (e.country, body[c.start : c.end])
        for c in cands
        if c.entries and all(e.feature == "country" for e in c.entries)
        for e in c.entries
    }
    for c in cands:
        countries = {e.country for e in c.entries if e.feature == "country"}
        text = body[c.start : c.end]
        if (
            countries
            and _NON_LATIN.search(text)  # in Latin letters a capital named as its country is the country's
            and all(any(cc == n and t != text for n, t in named) for cc in countries)
            and any(e.feature == "city" and e.country in countries and e.population >= 100_000 for e in c.entries)
        ):
            c.entries = [e for e in c.entries if e.feature != "country"]


def _short_opener(body: str, start: int, text: str) -> bool:
    """A word of five letters or fewer in a script other than Latin opening a sentence: more often a pronoun or an
    adverb there than a small foreign town's alternate name (a town's name in its own script is no single word)."""
    return (
        len(text) <= 5
        and text.isalpha()
        and bool(_NON_LATIN.search(text))
        and bool(re.search(r"(?:^|[.!?:\n]\s*)$", body[max(0, start - 3) : start]))
    )


def _small(e: GazEntry) -> bool:
    return e.feature in ("city", "admin2") and e.population < 100_000


def _alias_only(entries: list[GazEntry], text: str) -> bool:
    """True when no candidate is spelt ``text`` by its main name and none is a country, region, sea or city of a
    million: "Mauro" is an alternate spelling of Majuro, "Aniya" of Ioánnina, "Lewis" of Lévis, more often a person."""
    key = _saint(fold(_plain(text)))
    return not any(
        _saint(fold(_plain(e.name))) == key
        or e.feature in ("country", "region", "sea", "river", "continent", "landmark")
        or e.population >= 1_000_000
        for e in entries
    )


def _saint(key: str) -> str:
    """A name key with the abbreviations of "Saint", "Mount" and "Fort" written out ("st petersburg")."""
    return re.sub(r"\b(?:st|ste|mt|ft)\b", lambda m: _ABBREV[m.group()], key)


_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_LOCATIVE = re.compile(r"(?:^|\s)(?:in|near|outside)\s+$")


def _after_locative(body: str, start: int, end: int) -> bool:
    """A name right after "in", "near" or "outside" and not a possessive ("lives in Riverdale", not "in Smith's
    view"): the text puts something in it, so it is a place even where the model read a person."""
    return bool(_LOCATIVE.search(body[max(0, start - 9) : start])) and not re.match(r"['’]s\b", body[end : end + 2])


_LIST_BEFORE = re.compile(r"([A-Z][\w’'-]+)(?:,\s+|\s+and\s+)$")
_LIST_AFTER = re.compile(r"(?:,\s+|\s+and\s+)([A-Z][\w’'-]+)")


def _listed_with_place(body: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """A name listed with a town of 15,000 people or more, a division or a country ("Hilversum and Almelo",
    "Hamburg, Brasoc and Mannheim")."""
    neighbours = [m.group(1) for m in (_LIST_BEFORE.search(body[max(0, start - 40) : start]),) if m]
    neighbours += [m.group(1) for m in (_LIST_AFTER.match(body, end),) if m]
    return any(
        e.feature in ("country", "admin") or (e.feature == "city" and e.population >= 15_000)
        for w in neighbours
        if not gaz.is_demonym(w)
        for e in gaz.lookup(w, strict=True)
    )


#: "a DeRidder man", "two Pelican Rapids men", "a Wooster resident": the word after a town's name.
_RESIDENT = re.compile(
    r"\s+(?:[Mm][ae]n|[Ww]om[ae]n|[Rr]esidents?|[Bb]oys?|[Gg]irls?|[Tt]eens?|[Tt]eenagers?|[Cc]ouples?|[Nn]atives?"
    r"|[Yy]ouths?|[Dd]rivers?|[Ff]amil(?:y|ies)|[Ss]tudents?)\b"
)


def _title_cased(body: str, start: int) -> bool:
    """True when the words before ``start`` are written in title case ("A Short History of Modern Asia"), as in
    the title of a work, and not in running text ("intervention of Nigeria", "a show in Lagos")."""
    before = re.findall(r"[^\W\d_][\w'’-]*", body[max(0, start - 60) : start])[-2:]
    words = [w for w in before if w.lower() not in _CONNECTORS]
    return bool(words) and all(_is_cap(w) for w in words)


def _named_storm(body: str, start: int) -> bool:
    """ "Hurricane Harvey", "Typhoon Haiyan": a storm, not a town."""
    return bool(re.search(r"(?:Hurricane|Storm|Typhoon|Cyclone|Tropical Storm)\s+$", body[max(0, start - 16) : start]))


def _plain(name: str) -> str:
    """A name without its punctuation ("‘Afrīn" → "Afrīn"), for comparing spellings."""
    return re.sub(r"[^\w\s-]", "", name).strip()


def _spelt(name: str, text: str) -> bool:
    """``text`` spells ``name``, up to diacritics and an Arabic article ("Qamishli" is "Al Qāmishlī")."""
    a, b = fold(_plain(name)), fold(_plain(text))
    return (
        a == b
        or _AL.sub("", a) == b
        or a == f"{b} city"  # "Paranaque" is "Paranaque City"
        or a.replace(" ", "") == b.replace(" ", "")  # "DeSoto Parish" is "De Soto Parish"
        or _saint(a) == _saint(b)  # "St. Paul" is "Saint Paul"
    )


def _same_case(name: str, text: str) -> bool:
    """False when the gazetteer spells the name with inner capitals the text does not have ("NoMa" is not "Noma")."""
    name = _plain(name)
    return name[1:] == name[1:].lower() or text[1:] != text[1:].lower() or fold(name) != fold(text)


def _place_like(text: str) -> bool:
    """A name that may be a place the gazetteer lacks: capitalised words, no digits, not an acronym."""
    if not text[:1].isupper() or any(ch.isdigit() for ch in text):
        return False
    return " " in text.strip() or sum(ch.isupper() for ch in text) <= 1 or not text.isascii()


def _spelt_whole(body: str, c: _Cand) -> bool:
    """A name of several words the gazetteer spells exactly ("Boa Vista")."""
    text = body[c.start : c.end]
    return " " in text.strip() and any(fold(_plain(e.name)) == fold(_plain(text)) for e in c.entries)


def _inside(inner: _Cand, outer: _Cand) -> bool:
    return (
        outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end)
    )


def _has_facility_word(text: str) -> bool:
    return any(w.lower().strip(".,") in _FACILITY_WORDS for w in text.split()[1:])


def _in_facility(body: str, c: _Cand) -> bool:
    """A division, country or sea named as the first word of a building's or institution's name ("Florida Atlantic
    University", "Washington University"): the name is the building's, and the building is not there."""
    m = _FACILITY.match(body[c.end : c.end + 60])
    if not c.entries or not m or not re.search(r"(?:University|College|Academy)$", m.group()):
        return False
    return not any(e.feature in ("city", "admin2") for e in c.entries)


def _qualified(body: str, end: int) -> bool:
    """A comma and a capitalised word right after a name ("Smith, Texas")."""
    return bool(re.match(r",\s+[A-Z]", body[end : end + 4]))


def resolve_candidates(
    entries: list[GazEntry],
    *,
    context: Counter[str],
    neighbours: dict[str, tuple[str, ...]],
    body: str,
    key: str = "",
    qualifier: frozenset[str | None] = frozenset(),
    admins: Counter[tuple[str, str]] | None = None,
    focus: tuple[str | None, str | None] = (None, None),
    among_divisions: bool = False,
) -> tuple[GazEntry, float]:
    """The most likely entry and a resolution score in [0, 1].

    The value of each candidate is its prior (feature class and population) plus the article's evidence: the name
    spelt as the main name, a qualifier ("X, Louisiana"), the countries and states of the other places the article
    names, the dateline's country and state (``focus``), and context words."""
    total = sum(context.values()) or 1

    def value(e: GazEntry) -> float:
        v = e.prior
        if key and (_saint(name_key(e.name)) == _saint(key) or e.feature in _CURATED):
            v += 0.5 if e.feature in _CURATED else 0.3
        if e.feature in ("country", "admin"):
            v += 0.15
        small = e.feature in ("city", "admin2") and e.population < 500_000
        if e.country and context.get(e.country):
            v += 0.1 + 0.2 * context[e.country] / total if small else 0.3
        elif e.country and any(context.get(n) for n in neighbours.get(e.country, ())):
            v += 0.1
        if e.context and any(w in body for w in e.context):
            v += 0.5
        if qualifier and (e.country in qualifier or e.admin1 in qualifier):
            v += 1.0
        if admins and e.country and e.admin1 and admins.get((e.country, e.admin1)):
            v += 0.15 + 0.15 * admins[(e.country, e.admin1)] / max(admins.values())  # the state named most first
        if focus[0] and e.country == focus[0]:
            v += 0.2 + (0.3 if focus[1] and e.admin1 == focus[1] else 0.0)
        if among_divisions and e.feature == "admin":  # "states such as California or Washington"
            v += 0.5
        return v + min(e.population, 10**8) * 1e-10

    ranked = sorted(entries, key=value, reverse=True)
    best = ranked[0]
    if best.lat is not None and best.lon is not None:  # candidates at the same point do not make it doubtful
        ranked = [best] + [
            e
            for e in ranked[1:]
            if e.lat is None or e.lon is None or abs(e.lat - best.lat) + abs(e.lon - best.lon) > 0.5
        ]
    if len(ranked) == 1:
        return best, min(0.99, 0.6 + 0.4 * best.prior)
    margin = value(best) - value(ranked[1])
    return best, round(min(0.99, 0.5 + 0.5 * (1 - math.exp(-3 * margin))), 3)


def _qualifier(body: str, end: int, gaz: Gazetteer) -> frozenset[str | None]:
    """Countries and subdivision codes named right after a place ("Springfield, Illinois", "Paris, France",
    "Alexandria, La.")."""
    m = re.match(r",\s+([A-Z][\w.]*)(\s[A-Z][\w.]*)?", body[end : end + 40])
    if not m:
        return frozenset()
    out: set[str | None] = set()
    code = state_code(m.group(1))
    if code and not m.group(2):
        out.add(code)  # "Fergus Falls, MN", "Alexandria, La -"
    if m.group(1) in PROVINCE_CODES and not m.group(2):
        out.add(PROVINCE_CODES[m.group(1)][1])  # "Nelson, BC", "Newcastle, NSW"
    found = gaz.lookup(m.group(1) + m.group(2)) if m.group(2) else []
    for e in found or gaz.lookup(m.group(1)):
        if e.feature == "country":
            out.add(e.country)
        elif e.feature == "admin" or (e.feature == "city" and e.population >= 500_000):
            out.add(e.admin1)
    return frozenset(out)


_DATELINE = re.compile(r"^\s*([A-Z][\w.'’ -]{1,40}?)(?:,\s*([A-Z][\w. ]{1,25}?))?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")


def _named_elsewhere(e: GazEntry, admins: Counter[tuple[str, str]]) -> bool:
    """True when the article names the state or province of ``e`` (or a place in it) through another mention."""
    return bool(e.country and e.admin1 and admins.get((e.country, e.admin1)))


def _outlet_country(doc: Doc) -> str | None:
    """The country of the article's outlet, when the outlet registry knows it."""
    if not doc.article.outlet_id:
        return None
    try:
        from ..outlets.registry import registry_for

        outlet = registry_for(doc.resources).get(doc.article.outlet_id)
    except (ImportError, OSError, ValueError):
        return None
    return outlet.country if outlet is not None else None


def _dateline(body: str, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """Country and state of a dateline ("ALEXANDRIA, La. —", "MOSCOW (Reuters) -")."""
    m = _DATELINE.match(body[:100])
    if not m:
        return None, None
    qual = _qualifier(body, m.end(1), gaz) if m.group(2) else frozenset()
    found = gaz.lookup(m.group(1).title() if m.group(1).isupper() else m.group(1), strict=True)
    if qual:
        found = [e for e in found if e.country in qual or e.admin1 in qual] or found
    found = [e for e in found if e.feature in ("city", "admin", "country")]
    if not found and m.group(2):  # a town the gazetteer lacks, with its state or country: "CAMP MURRAY, Wash. -"
        found = [e for e in gaz.lookup(m.group(2).strip(), strict=True) if e.feature in ("admin", "country")]
    if not found:
        return None, None
    best = max(found, key=lambda e: (e.prior, e.population))
    if (
        not qual
        and best.feature == "city"
        and best.population < 100_000
        and len({(e.country, e.admin1) for e in found if e.country == best.country}) > 1
    ):
        return best.country, None  # "MARSHALL —": the state is the one the article names, not the largest town's
    return best.country, best.admin1


def extract_places(doc: Doc) -> list[Place]:
    """The :class:`Place` items of one article."""
    gaz = load_gazetteer(doc.resources)
    art = doc.article
    body = art.body
    cands = _candidates(doc, gaz)
    focus = _dateline(body, gaz)
    context: Counter[str] = Counter()
    for c in cands:
        countries = {e.country for e in c.entries if e.country}
        if (
            c.source != "weak"
            and len(countries) == 1
            and (len(c.entries) == 1 or any(e.feature == "country" for e in c.entries))
        ):
            context[next(iter(countries))] += 1
        elif (
            c.source != "weak"
            and len(named := {e.country or "" for e in c.entries if e.feature == "country"} - {""}) == 1
            and all(e.feature == "country" or (e.feature == "city" and e.population < 100_000) for e in c.entries)
        ):
            context[next(iter(named))] += 1  # "Russia" is the country, though a town in Ohio has the name too
    if focus[0]:
        context[focus[0]] += 2
    demonym_countries = {gaz.demonym_country.get(fold(m.group()), "") for m in _CAPITALISED.finditer(body)}
    for cc in sorted(demonym_countries - {""}):
        context[cc] += 1  # "a British soldier": the article is about Britain too (one count per country)
    home = _outlet_country(doc)
    if home and not focus[0]:
        focus = (home, None)  # a local outlet writes about its own country unless the dateline says otherwise
    # a name that is also a common word or abbreviation ("BC", "Jordan", "Mobile") counts where the article names
    # other places of its country, and then only as that country's place
    for c in cands:
        if c.source == "weak":
            c.entries = [e for e in c.entries if e.country and context.get(e.country)]
    cands = [c for c in cands if c.source != "weak" or c.entries]
    for c in cands:  # an alternate spelling of small places counts only in a country the article names
        if c.alias:
            c.entries = [e for e in c.entries if e.country and context.get(e.country)]
    cands = [c for c in cands if not c.alias or c.entries]
    _city_not_country(body, cands)
    quals = [_qualifier(body, c.end, gaz) for c in cands]
    unknown: set[str] = set()
    for c in cands:  # "Ogden, Arkansas" when the gazetteer knows Ogden only in Utah: unresolved, no other town's point
        state = _state_qualifier(body, c.start, c.end)
        if (
            state
            and any(e.feature == "city" for e in c.entries)
            and not any(e.country == "US" and e.feature in ("country", "admin", "region") for e in c.entries)
        ):
            c.entries = [e for e in c.entries if e.country == "US" and e.admin1 == state]
            if not c.entries:
                unknown.add(name_key(body[c.start : c.end]))
    keys = [name_key(body[c.start : c.end]) for c in cands]
    for c, k in zip(cands, keys, strict=True):  # one reading per name: "LEWIS, Kan." unknown, so is "Lewis" after it
        if k in unknown:
            c.entries = []
    # states and provinces the article names without doubt, with the mentions that name them (a first pass)
    admin_of: list[tuple[str, str] | None] = []
    first: list[GazEntry | None] = []
    for c, q, k in zip(cands, quals, keys, strict=True):
        if not c.entries or c.source == "local":  # small towns the model did not tag are no evidence
            admin_of.append(None)
            first.append(None)
            continue
        best, res = resolve_candidates(
            c.entries, context=context, neighbours=gaz.neighbours, body=body, key=k, qualifier=q, focus=focus
        )
        first.append(best if res >= 0.6 else None)
        sure = res >= 0.8 or bool(q) or (len(c.entries) == 1 and bool(_ADMIN2_END.search(body[c.start : c.end])))
        admin_of.append((best.country, best.admin1) if best.country and best.admin1 and sure else None)
    admins: Counter[tuple[str, str]] = Counter(a for a in admin_of if a)
    if focus[0] and focus[1]:
        admins[(focus[0], focus[1])] += 2
    # a small town the model did not tag counts when the article names its state or province by another place
    for c in cands:
        if c.source == "local":
            c.entries = [e for e in c.entries if _named_elsewhere(e, admins)]
    listed = [_among_divisions(body, cands, first, i) for i in range(len(cands))]
    kept = [i for i, c in enumerate(cands) if c.source != "local" or c.entries]
    listed = [listed[i] for i in kept]
    cands = [cands[i] for i in kept]
    quals = [quals[i] for i in kept]
    keys = [keys[i] for i in kept]
    admin_of = [admin_of[i] for i in kept]
    # one reading per name per article: the reading of the mention with the strongest evidence; a second pass reads
    # again with the countries of the first pass's confident readings ("Colchester" among English towns)
    readings: dict[str, tuple[float, GazEntry, float]] = {}
    added: dict[str, str] = {}  # the country each name's first reading added: not evidence for that name itself
    for _pass in range(2):
        if readings:
            for key, (_, best, res) in readings.items():
                if best.country and res >= 0.6 and best.feature in ("city", "admin", "admin2"):
                    context[best.country] += 1
                    added[key] = best.country
        readings = {}
        for i, c in enumerate(cands):
            if not c.entries:
                continue
            own = admin_of[i]
            others = Counter({k: v - (1 if k == own else 0) for k, v in admins.items()})
            contexts = [context]
            if keys[i] in added:  # "Canterbury" read first as New Zealand's does not make the article New Zealand's
                contexts.append(+Counter({k: v - (1 if k == added[keys[i]] else 0) for k, v in context.items()}))
            found = [
                resolve_candidates(
                    c.entries,
                    context=ctx,
                    neighbours=gaz.neighbours,
                    body=body,
                    key=keys[i],
                    qualifier=quals[i],
                    admins=+others,
                    focus=focus,
                    among_divisions=listed[i],
                )
                for ctx in contexts
            ]
            best, res = found[-1] if found[-1][0] != found[0][0] else found[0]  # the score of the full context
            strength = res + (1.0 if quals[i] else 0.0) + (0.5 if len(c.entries) == 1 else 0.0)
            if keys[i] not in readings or strength > readings[keys[i]][0]:
                readings[keys[i]] = (strength, best, res)
    # "Suffolk" in an article about Suffolk County is the county
    for k, (strength, best, res) in list(readings.items()):
        bare = name_key(_ADMIN2_END.sub("", best.name)) if best.feature == "admin2" else ""
        if bare and bare != k and bare in readings and readings[bare][0] < 1.5 and res >= 0.7:  # not qualified
            readings[bare] = (strength, best, res)
    out: list[Place] = []
    for c, k in zip(cands, keys, strict=True):
        text = body[c.start : c.end]
        if not c.entries:  # a place the gazetteer does not know stays unresolved: no borrowed point
            out.append(
                Place(
                    article_id=art.id,
                    start=c.start,
                    end=c.end,
                    text=text,
                    score=round(0.5 * c.score, 3),
                    component=NAME,
                    name=text,
                )
            )
            continue
        _, best, res = readings[k]  # (the unresolved get their locality below)
        if best not in c.entries and best.feature != "admin2" and _saint(name_key(best.name)) != _saint(k):
            best = max(c.entries, key=lambda e: (e == best, e.prior))  # the name read through another mention
        out.append(
            Place(
                article_id=art.id,
                start=c.start,
                end=c.end,
                text=text,
                score=round(min(1.0, c.score), 3),
                component=NAME,
                name=best.name,
                country=best.country,
                admin1=best.admin1,
                lat=None if best.lat is None else round(best.lat, 5),
                lon=None if best.lon is None else round(best.lon, 5),
                geonames_id=best.geonames_id,
                feature=best.feature,
                resolution_score=round(res * c.match, 3),
            )
        )
    _locate_facilities(out, body)
    return out


_LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _among_divisions(body: str, cands: list[_Cand], first: list[GazEntry | None], i: int) -> bool:
    """True when mention ``i`` may be a first-level division and is listed next to one ("California or
    Washington", "Washington and Oregon"): it is read as a division too."""
    if not any(e.feature == "admin" for e in cands[i].entries):
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(cands) or first[j] is None or first[j].feature != "admin":  # type: ignore[union-attr]
            continue
        a, b = (cands[j], cands[i]) if j < i else (cands[i], cands[j])
        if _LIST_GAP.fullmatch(body[a.end : b.start]):
            return True
    return False


def _locate_facilities(out: list[Place], body: str) -> None:
    """A building, road or square the gazetteer does not know ("Third Street", "City Hall", "KCOM Stadium") is in
    the town the text puts it in ("the Bambino Gesu Hospital in Rome"), else in the town the article is about: it
    gets that town's point, marked ``feature="vicinity"`` with a low resolution score. Only names that say they are a
    building or a road; an unknown town or region stays unresolved."""
    for p in out:
        if p.lat is not None or p.feature is not None or not _has_facility_word(p.text):
            continue
        m = _IN_TOWN.match(body, p.end)
        town = next((q for q in out if m and q.start == m.end() and q.lat is not None and q.feature in _TOWNISH), None)
        if town is not None:
            p.country, p.admin1, p.lat, p.lon, p.feature, p.resolution_score = (
                town.country,
                town.admin1,
                town.lat,
                town.lon,
                "vicinity",
                0.2,
            )
    towns = [
        (p.name, p.country, p.admin1, p.lat, p.lon)
        for p in out
        if p.feature == "city" and p.lat is not None and (p.resolution_score or 0) >= 0.6
    ]
    if not towns:
        return
    counts = Counter(towns)
    # the town named most; among equals, the one named first (the dateline's or the lead's)
    _, country, admin1, lat, lon = max(counts, key=lambda t: (counts[t], -towns.index(t)))
    for p in out:
        if p.lat is None and p.feature is None and _has_facility_word(p.text):
            p.country, p.admin1, p.lat, p.lon, p.feature, p.resolution_score = (
                country,
                admin1,
                lat,
                lon,
                "vicinity",
                0.2,
            )


class PlaceStage:
    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> list[Item]:
        return list(extract_places(doc))


def register(registry: Registry) -> None:
    @registry.register(
        NAME,
        "stage",
        requires=("entities",),
        produces=("places",),
        order=25,
        description="places resolved to coordinates with an offline gazetteer (GeoNames towns, divisions, extras)",
    )
    def places_stage(*, resources: Resources) -> PlaceStage:
        return PlaceStage(resources)
