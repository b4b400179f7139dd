"""Place names written in another script that the gazetteer does not spell: found by their sound key.

GeoNames gives many towns names in Chinese, Japanese, Korean, Arabic and Russian, but not every town, not every
spelling ("ملیطه" for Malatya, "ガジアンテプ" for Gaziantep) and often in traditional characters only ("馬拉蒂亞"
for "马拉蒂亚"). A name written in such a script is compared with the Latin main names of the gazetteer by its
:func:`.soundkeys.sound_key`, and only where the article says it is a place and where it can be:

* **where it says so**: an administrative word next to it: Chinese 省 市 县 州 区 镇 村 (``马拉蒂亚省``), Japanese
  県 州 市 町 村 郡 区 (``ガジアンテプ県``), Korean 주 도 시 군 구 현 (``반주``, ``에르지스군``, after its particles
  come
  off), Arabic and Persian words before it (محافظة ولاية مدينة منطقة قضاء; استان ولایت شهر شهرستان بخش),
  Kazakh and Russian words after or before it (облысы, ауданы, қаласы, провинциясы; провинция, район, город);
  a place the language model tagged that the gazetteer lacks; weaker: a whole katakana word, a capitalised
  Cyrillic word;
* **where it can be**: in a country the article names, and then a division, a town of 15,000 people or more, or
  a town within 200 km of a place the article names (a district of the province just named: ``ガジアンテプ県
  ヌルダギ``, Nurdağı); when one of the candidates is that near, the far ones are dropped. A weak cue needs a
  longer key (four classes) and a nearby town, or a division or large town (five classes).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import GazEntry, Gazetteer
from .hanzi import to_simplified
from .lemmas import stopwords
from .placeforms import stems
from .script_words import script_words, sino_korean
from .soundkeys import sound_key
from .translit import arabic_fold as _arabic_fold

__all__ = ["KOREAN_PARTICLES", "SoundHit", "common_hanzi", "scan_sounds"]

_NEAR_KM = 200.0


def _kinds(text: str, *, chars: bool = False) -> dict[str, str]:
    """``"a,b:admin c:city"`` → ``{"a": "admin", "b": "admin", "c": "city"}``; ``chars``: each character a word."""
    out: dict[str, str] = {}
    for group in text.split():
        words, _, kind = group.rpartition(":")
        out |= dict.fromkeys(words if chars else words.split(","), kind)
    return out


#: Administrative words and the kind of place each names: province (admin), city or district.
_HANZI_SUFFIX = _kinds("省州:admin 市镇鎮村:city 县縣区區郡:district", chars=True)
_KANA_SUFFIX = _kinds("県州:admin 市町村:city 郡区:district", chars=True)
_HANGUL_SUFFIX = _kinds("주도성:admin 시:city 군구현:district", chars=True)
#: Korean particles after a name (not 도, which is also the word for a province).
_PARTICLES = (
    "에서는 에서도 에서의 에게서 에서 에는 에도 에게 으로는 으로도 으로 "
    "로는 로도 로 와의 과의 의 와 과 은 는 이 가 을 를 에 까지 부터 만 보다 처럼"
)
KOREAN_PARTICLES = tuple(_PARTICLES.split())
_KOREAN_PARTICLE = re.compile(f"(?:{'|'.join(KOREAN_PARTICLES)})$")
_ARABIC_CUE = _kinds(
    "محافظة,ولاية,إقليم,مقاطعة,استان,ولایت:admin مدينة,بلدة,قرية,شهر,روستای:city "
    "منطقة,قضاء,ناحية,شهرستان,بخش,منطقه:district"
)
#: Kazakh and Kyrgyz write the word after the name, Russian mostly before it (word stems).
_CYRILLIC_AFTER = _kinds("облыс,облус,провинци:admin аудан,район:district қала,шаар,ауыл,айыл:city")
_CYRILLIC_BEFORE = _kinds("провинци,област:admin район:district город,сел,посел:city")
_ARABIC_PROCLITIC = re.compile(r"^(?:[وف]?[بل]|[وف]|في)(?=\S{4})")
_ARABIC_WORD = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u200c]+")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_HANZI_RUN = re.compile(r"[\u3400-\u9fff]+")
_CYRILLIC_CAP = re.compile(r"\b[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")


@dataclass(frozen=True, slots=True)
class SoundHit:
    """A place found by its sound: the span and the places it may be."""

    start: int
    end: int
    entries: tuple[GazEntry, ...]


@dataclass(frozen=True, slots=True)
class _Ask:
    forms: tuple[tuple[int, int, str], ...]  # (start, end, name): the span a form of the name gives, longest first
    kind: str  # admin | city | district | any
    strong: bool


def _km(a: GazEntry, b: GazEntry) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    la, lb = math.radians(a.lat), math.radians(b.lat)
    d = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(d)))


def _free(start: int, end: int, taken: list[tuple[int, int]], inner: tuple[int, int] | None = None) -> bool:
    """No span of ``taken`` overlaps, except one strictly inside ``inner`` (the name of a longer place: "Сарполе"
    in "Сарполе-Захаб", "克尔曼" in "克尔曼沙阿")."""
    a, b = inner or (start, start)
    return not any(start < e and s < end and not (a <= s and e <= b and (s, e) != (a, b)) for s, e in taken)


#: jieba's tags of words that are never inside a transliterated name (verbs, pronouns, numbers, adverbs …).
_HANZI_NOT_NAME = re.compile(r"^(?:v|vn|vd|d|r|p|c|u|m|q|a|ad|an|f|t|s|uj|ul|ud|ug|uz|uv|y|e|o|zg|b)$")


def _hanzi_starts(window: str) -> list[int]:
    """Where a name may begin in ``window`` (the Chinese text before an administrative word): at a word boundary of
    jieba's cut, after the last word that cannot be part of a name."""
    try:
        import jieba.posseg
    except ImportError:
        return list(range(max(0, len(window) - 8), len(window) - 1))
    pos, out = 0, list[int]()
    for w in jieba.posseg.lcut(window):
        if _HANZI_NOT_NAME.match(w.flag) or not w.word.strip():
            out = []
        else:
            out.append(pos)
        pos += len(w.word)
    return [p for p in out if len(window) - p >= 2]


def _asks(body: str, unknown: list[tuple[int, int]]) -> list[_Ask]:
    """Where the text says a place is, and the forms its name may take there."""
    out = [_Ask(((s, e, body[s:e]),), "any", True) for s, e in unknown]
    for run in _HANZI_RUN.finditer(body):
        text = run.group()
        for i, ch in enumerate(text):
            kind = _HANZI_SUFFIX.get(ch)
            if kind is None or i < 2:
                continue
            end = run.start() + i
            first = max(run.start(), end - 10)
            starts = _hanzi_starts(body[first:end])
            if starts:
                out.append(_Ask(tuple((first + p, end + 1, body[first + p : end]) for p in starts), kind, True))
    for m in _KATAKANA_WORD.finditer(body):
        kind = _KANA_SUFFIX.get(body[m.end() : m.end() + 1])
        if kind:  # a katakana word alone is a word ask (:mod:`.script_words`)
            out.append(_Ask(((m.start(), m.end() + 1, m.group()),), kind, True))
    for m in _HANGUL_WORD.finditer(body):
        word = m.group()
        bare = _KOREAN_PARTICLE.sub("", word) if len(word) > 2 else word
        kind = _HANGUL_SUFFIX.get(bare[-1:]) if len(bare) >= 2 else None
        # a name of one syllable ("반", Van) only with the Chinese character after it: "반주 ( 州 )"
        one = len(bare) == 2 and not re.match(r"\s*\(\s*[\u3400-\u9fff]", body[m.start() + len(bare) :][:8])
        if kind and not one and bare[:-1] not in _korean_stopwords():
            # a stem of Sino-Korean syllables is more often a word ("가능성", possibility): only near other places
            sino = len(bare) > 2 and sino_korean(bare[:-1])
            out.append(_Ask(((m.start(), m.start() + len(bare), bare[:-1]),), "near" if sino else kind, not sino))
    words = list(_ARABIC_WORD.finditer(body))
    for i, w in enumerate(words):
        cue = _ARABIC_PROCLITIC.sub("", w.group())
        kind = _ARABIC_CUE.get(cue) or _ARABIC_CUE.get(w.group())
        if kind is None or i + 1 >= len(words):
            continue
        j = i + 1
        while j < len(words) and j <= i + 2 and _arabic_fold(words[j].group()) in _arabic_skip():
            j += 1  # "ولایت شرقی الازیغ": the eastern province of Elazığ
        nxt = words[j : j + 2]
        if not nxt:
            continue
        gap = body[w.end() : nxt[0].start()]
        if len(gap) > 3 or re.search(r"[.,،؛:!?()\n]", gap):
            continue
        spans: list[tuple[int, int, str]] = [(nxt[0].start(), nxt[0].end(), nxt[0].group())]
        if (
            len(nxt) > 1
            and body[nxt[0].end() : nxt[1].start()] == " "
            and _arabic_fold(nxt[1].group()) not in _arabic_skip()  # "ولایت هرات و …": the conjunction is no name
        ):
            spans.insert(0, (nxt[0].start(), nxt[1].end(), body[nxt[0].start() : nxt[1].end()]))
        out.append(_Ask(tuple(spans), kind, True))
    cwords = list(_CYRILLIC_WORD.finditer(body))
    for i, w in enumerate(cwords):
        if not _CYRILLIC_CAP.fullmatch(w.group()):
            continue
        after = cwords[i + 1].group().lower() if i + 1 < len(cwords) else ""
        before = cwords[i - 1].group().lower() if i > 0 else ""
        kind = next((k for stem, k in _CYRILLIC_AFTER.items() if after.startswith(stem)), None)
        kind = kind or next((k for stem, k in _CYRILLIC_BEFORE.items() if before.startswith(stem)), None)
        if kind:  # a capitalised word alone is too often a person, a party or a sentence's first word
            out.append(_Ask(tuple((w.start(), w.end(), f) for f in (w.group(), *stems(w.group()))), kind, True))
    return out


#: Directions and other words between an Arabic or Persian administrative word and the name.
_ARABIC_SKIP = "شرقی غربی شمالی جنوبی مرکزی شرق غرب شمال جنوب الشرقية الغربية الشمالية الجنوبية الوسطى التركية السورية"


@lru_cache(maxsize=1)
def _arabic_skip() -> frozenset[str]:
    return frozenset(_arabic_fold(w) for w in (*_ARABIC_SKIP.split(), *stopwords("ar"), *stopwords("fa")))


@lru_cache(maxsize=1)
def _korean_stopwords() -> frozenset[str]:
    return stopwords("ko")


@lru_cache(maxsize=1)
def _jieba_freq() -> dict[str, int]:
    try:
        import jieba
    except ImportError:
        return {}
    jieba.dt.check_initialized()
    freq: dict[str, int] = jieba.dt.FREQ
    return freq


def common_hanzi(name: str) -> bool:
    """A Chinese word common in running text (jieba's dictionary counts it 50 times or more: 马拉松, marathon, 伊斯兰,
    Islam; 太陽 as 太阳): a word of the language, not a name the gazetteer lacks."""
    return bool(_HANZI_RUN.fullmatch(name)) and _jieba_freq().get(to_simplified(name), 0) >= 50


def _one_place(entries: list[GazEntry]) -> bool:
    """All ``entries`` within 50 km of each other: one place (Derna the district and Darnah its town)."""
    points = [e for e in entries if e.lat is not None and e.lon is not None]
    return all(_km(a, b) <= 50.0 for a in points for b in points)


def _narrow(
    entries: list[GazEntry], ask: _Ask, klen: int, countries: set[str], anchors: list[tuple[int, GazEntry]]
) -> list[GazEntry]:
    """The entries a name with this cue and key length may be (see the module docstring). Near the place named
    just before it (within 80 characters: "Малатья провинциясынын Ешилюрт районунда") first, else near any."""
    entries = [e for e in entries if e.country in countries and e.feature in ("admin", "admin2", "city", "region")]
    if ask.kind not in ("any", "word", "near"):
        wanted = {"admin": ("admin", "region"), "city": ("city",), "district": ("admin2", "city")}[ask.kind]
        entries = [e for e in entries if e.feature in wanted] or entries
    start = ask.forms[0][0]
    before = [(p, a) for p, a in anchors if start - 80 <= p < start]
    last = [a for p, a in before if p == max(p for p, _ in before)] if before else []
    near = [e for e in entries if any(_km(e, a) <= _NEAR_KM for a in last)]
    near = near or [e for e in entries if any(_km(e, a) <= _NEAR_KM for _, a in anchors)]
    if ask.kind == "near":  # a word that looks like one of the language: one or two places near the article's
        return near if klen >= 4 and len(near) <= 2 else []
    if ask.kind == "word":  # a word alone: three classes near the article's places, four a division or a large town
        if klen < 3:
            return []
        if klen == 3:  # short keys are common: near and unique, or one large place (a division and its seat)
            near = [e for e in near if e.feature != "city" or e.population >= 15_000]
            big = [e for e in entries if e.feature in ("admin", "region") or e.population >= 100_000]
            return near if near and len(near) <= 2 else big if len(big) <= 2 and _one_place(big) else []
        floor = 50_000 if klen == 4 else 15_000
        big = [e for e in entries if e.feature in ("admin", "region") or e.population >= floor]
        return near or big
    big = [e for e in entries if e.feature != "city" or e.population >= (15_000 if ask.strong else 100_000)]
    if ask.strong:
        if klen < 2:
            return []
        if klen == 2:  # "반" (Van): a division, a city of 100,000, or a town of 50,000 near the article's places
            big = [e for e in big if e.feature == "admin" or e.population >= 100_000]
            near = [e for e in near if e.feature != "city" or e.population >= 50_000]
        return near or big
    if klen < 4:
        return []
    return near or (big if klen >= 5 else [])


def scan_sounds(
    body: str,
    gaz: Gazetteer,
    *,
    taken: list[tuple[int, int]],
    unknown: list[tuple[int, int]],
    countries: set[str],
    anchors: list[tuple[int, GazEntry]],
    names: Sequence[tuple[int, int]] = (),
) -> list[SoundHit]:
    """Places in ``body`` outside the spans ``taken`` found by sound (the module docstring says where).
    ``unknown``: spans the language model tagged as places that the gazetteer does not spell; ``countries``: the
    countries the article names; ``anchors``: the places it names, with where (each hit becomes one); ``names``:
    the spans of people's and organisations' names (no word inside one is tried alone)."""
    if not countries:
        return []
    anchors = list(anchors)
    out: list[SoundHit] = []
    spans = list(taken)
    asks = _asks(body, unknown) + [
        _Ask(forms, "word", False)
        for forms in script_words(body, taken)
        if not sino_korean(forms[0][2])  # a word of Chinese characters' readings is a word of Korean
        and not any(forms[0][0] < e and s < forms[0][1] for s, e in names)  # a person's or organisation's name
    ]
    for ask in sorted(asks, key=lambda a: (not a.strong, a.forms[0][0])):
        for start, end, name in ask.forms:
            at = (
                body.find(name, start, end) if ask.kind not in ("word", "near") else -1
            )  # a word alone holds no other name
            if not _free(start, end, spans, (at, at + len(name)) if at >= 0 else None):
                continue
            if common_hanzi(name):
                continue
            key = sound_key(name)
            found = _narrow(gaz.by_sound(key), ask, len(key), countries, anchors)
            if found:
                out.append(SoundHit(start, end, tuple(found)))
                spans.append((start, end))
                anchors.extend((start, e) for e in found if e.feature in ("city", "admin", "admin2"))
                break
    return sorted(out, key=lambda h: h.start)
