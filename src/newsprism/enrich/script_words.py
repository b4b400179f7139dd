"""Words of Hangul, katakana, Greek, Arabic-script and Chinese text that may be a foreign place name, with the forms
to look up by sound (:mod:`.place_sounds`), when no administrative word says so.

Each script writes a foreign town's name by its sound, and the gazetteer holds such spellings only for large places
("이스탄불", "Κωνσταντινούπολη"); a smaller town ("마라케시", "アマトリーチェ", "Ντέρνα", "درنة", "阿马特里切") is
found by its sound key among the places of the countries an article names. The words tried:

* **Korean**: a word of three syllables or more once its particles come off ("데르나에서" → "데르나"; "도", also,
  is a particle here), not a verb or an adjective (a tense or a verbal ending) and not a stopword;
* **Japanese**: a katakana word of three letters or more, also with its parts joined by ・ ("アル・ハウズ");
* **Greek**: a capitalised word (or two) that is not a common word of Greek (simplemma's dictionary), also without
  its case ending ("Ντέρνας" → "Ντέρνα");
* **Arabic and Persian**: a word (or two) that is neither a stopword nor a common word (simplemma's Arabic and
  Persian dictionaries), also without a proclitic ("وسيساك" → "سيساك");
* **Chinese**: a run of three characters or more of those transliteration uses (阿 马 特 里 切 …), outside the
  names already found.

A word in brackets next to a name in Latin letters ("마라케시(Marrakech)") is the same place: :func:`bracket_pairs`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lemmas import stopwords
from .placeforms import stems
from .translit import arabic_fold

__all__ = ["bracket_pairs", "script_words", "sino_korean"]

#: Korean particles a noun may carry (longest first when matched), "도" (also) among them.
_KO_PARTICLES_TEXT = """
에서는 에서도 에서의 에서만 에서부터 에게서 에서 에는 에도 에게 에선 엔 으로는 으로도 으로의 으로
로는 로도 로의 로 와의 과의 와는 과는 의 와 과 은 는 이 가 을 를 에 까지 부터 만 보다 처럼 도
이나 나 이며 며 이라는 라는 이란 란 인근 일대 지역 지방 주변 현지
"""
_KO_PARTICLES = sorted(_KO_PARTICLES_TEXT.split(), key=len, reverse=True)
_KO_PARTICLE = re.compile(f"(?:{'|'.join(_KO_PARTICLES)})$")
#: Syllables of tense and verbal endings: a word holding one is a verb or an adjective ("발생했다", "무너졌다").
_KO_VERBAL = re.compile(
    r"[했됐였었았겠렸혔졌왔갔셨봤줬웠]|(?:하다|한다|된다|있다|없다|이다|라고|다고|하며|되며|하고|되고|하는|되는|하여|되어|"
    r"해서|하면|되면|하자|하던|되던|하기|되기|하게|되게|하지|되지|해|돼|한|된|할|될|함|됨|습니다|니다)$"
)
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+(?:・[\u30a1-\u30fa\u30fc]+)*")
_GREEK_WORD = re.compile(r"[Α-ΩΆΈΉΊΌΎΏΪΫ][α-ωάέήίόύώϊϋΐΰς]+")
_ARABIC_WORD = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u200c]+")
_ARABIC_PROCLITIC = re.compile(r"^(?:[وف]?[بلك]|[وف]|في)(?=\S{3})")
_HANZI_RUN = re.compile(r"[\u3400-\u9fff]+")

#: Characters of Chinese transliteration (simplified and traditional): the names of foreign towns are written with
#: them, and few of the words of running text are.
_TRANSLIT_HANZI = frozenset(
    "阿埃艾安昂奥澳巴拜班邦鲍贝本比彼毕宾波伯博布查察达戴丹道德登迪蒂丁杜敦多厄恩尔法范菲费芬丰弗伏福富盖甘冈戈格根"
    "贡古瓜圭哈海汉豪赫亨洪胡怀霍基吉加贾嘉杰捷金喀卡凯坎康考柯科克肯库夸奎昆拉腊莱兰朗劳勒雷里利莉林琳隆卢鲁路伦罗"
    "洛吕马玛迈麦曼芒梅门蒙孟米密敏莫默姆穆纳娜奈南瑙内尼宁纽努诺帕派潘庞佩彭蓬皮珀坡普奇齐恰乔切钦琴琼丘萨塞赛桑瑟"
    "森沙莎尚绍舍什施斯松苏索塔泰坦汤唐陶特提廷图托瓦万旺威韦维温沃乌武西希锡夏谢辛休雅亚扬耶伊因英尤约扎泽詹朱兹"
    "祖佐卓茨廓尕罕贝奎纳鲍乍热瑞茹若撒瑙蓬"
    "愛奧貝畢賓馬瑪邁麥蒙爾納娜蘭藍倫羅洛魯盧薩塞賽維韋烏薩達蒂頓亞雅伊斯紐諾帕龐佩喬欽瓊蘇塔泰湯圖華懷賈傑凱庫誇"
    "萊勞雷裏裡聖錫謝詹澤茲卓廓"
)


@lru_cache(maxsize=4)
def _dictionary(lang: str) -> frozenset[str]:
    """Word forms of a language (simplemma's dictionary), lower case; empty where simplemma is missing."""
    try:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        return frozenset(DefaultDictionaryFactory().get_dictionary(lang))
    except (ImportError, OSError, ValueError, KeyError):
        return frozenset()


@lru_cache(maxsize=4)
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(arabic_fold(w) if lang in ("ar", "fa") else w for w in stopwords(lang))


#: Arabic pronoun suffixes ("مركزه", its centre) and the article: a word of the dictionary with them is a word.
_ARABIC_SUFFIX = re.compile(r"(?:هما|كما|ها|هم|كم|نا|ه)$")
#: Persian infinitives ("ریختن", to pour): verbs, not names.
_PERSIAN_VERB = re.compile(r"(?:ختن|شتن|فتن|یدن|ادن|ودن|ردن|ندن|شدن)$")


def _common_arabic(word: str) -> bool:
    folded = arabic_fold(word)
    if folded in _stopwords("ar") or folded in _stopwords("fa") or len(folded) < 3 or _PERSIAN_VERB.search(word):
        return True
    forms = {word, _ARABIC_SUFFIX.sub("", word)}
    forms |= {f[2:] for f in forms if f.startswith("ال") and len(f) > 4}  # "الإنقاذ": the rescue
    return any(f in _dictionary("ar") or f in _dictionary("fa") for f in forms)


Form = tuple[int, int, str]

#: Jamo (by index in a Hangul syllable) that Sino-Korean readings never have: double initials and ㅋ; finals other
#: than ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ.
_NOT_SINO_INITIAL = frozenset({1, 4, 8, 10, 13, 15})
_SINO_FINAL = frozenset({0, 1, 4, 8, 16, 17, 21})


def _sino_syllable(ch: str) -> bool:
    code = ord(ch) - 0xAC00
    initial, medial, final = code // 588, (code % 588) // 28, code % 28
    if initial in _NOT_SINO_INITIAL or final not in _SINO_FINAL:
        return False
    if final == 0 and (
        medial in (14, 18)  # 워, 르 스 트: only in loanwords
        or (medial == 4 and initial in (2, 3, 5, 6, 7, 16, 17))  # 너 더 러 머 버 터 퍼
        or (medial == 2 and initial != 11)  # 샤 냐
        or (medial == 20 and initial in (3, 16))  # 디 티
    ):
        return False
    return not (medial == 5 and initial not in (9, 12, 14))  # 케 데 레 베: only 세 제 체 are Sino-Korean


def sino_korean(word: str) -> bool:
    """True when every syllable of a Hangul word can be the reading of a Chinese character ("가능성", "지질조사국"):
    likely a word of the language, where a transliterated name has syllables no character reads ("마라케시": 케,
    "데르나": 르)."""
    syllables = [ch for ch in word if "\uac00" <= ch <= "\ud7a3"]
    return bool(syllables) and all(_sino_syllable(ch) for ch in syllables)


def _korean(body: str) -> list[tuple[Form, ...]]:
    out = []
    for m in _HANGUL_WORD.finditer(body):
        word = m.group()
        if _KO_VERBAL.search(word) or word in _stopwords("ko"):
            continue
        names = [word]
        while len(names) < 3 and (bare := _KO_PARTICLE.sub("", names[-1])) != names[-1]:
            names.append(bare)  # "데르나에서도": two particles
        if len(names) > 1:  # the word as written only without a particle ("진동이" is 진동, vibration, and 이)
            names = names[1:]
        forms = [(m.start(), m.start() + len(n), n) for n in reversed(names)]  # the barest first
        forms = [f for f in forms if len(f[2]) >= 3 and f[2] not in _stopwords("ko")]
        if forms:
            out.append(tuple(forms))
    return out


def _katakana(body: str) -> list[tuple[Form, ...]]:
    out: list[tuple[Form, ...]] = []
    for m in _KATAKANA_WORD.finditer(body):
        if "・" in m.group():  # "アル・ハウズ": the whole name first, then its parts alone (next asks)
            out.append(((m.start(), m.end(), m.group()),))
            for part in re.finditer(r"[^・]+", m.group()):
                if len(part.group()) >= 3:
                    out.append(((m.start() + part.start(), m.start() + part.end(), part.group()),))
        elif len(m.group()) >= 3:
            out.append(((m.start(), m.end(), m.group()),))
    return out


def _plain_greek(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _greek_words() -> frozenset[str]:
    """Greek word forms (simplemma's dictionary), lower case and without accents."""
    return frozenset(_plain_greek(w) for w in _dictionary("el"))


def _greek(body: str) -> list[tuple[Form, ...]]:
    words_el = _greek_words()

    def common(word: str) -> bool:  # "Αυγούστου": of August (αύγουστος)
        return _plain_greek(word) in words_el or any(_plain_greek(x) in words_el for x in stems(word))

    out = []
    caps = list(_GREEK_WORD.finditer(body))
    for i, m in enumerate(caps):
        word = m.group()
        if common(word):
            continue
        forms: list[Form] = []
        nxt = caps[i + 1] if i + 1 < len(caps) else None
        if nxt and body[m.end() : nxt.start()] in (" ", "-") and not common(nxt.group()):  # "Αλ Χαούζ"
            forms.append((m.start(), nxt.end(), body[m.start() : nxt.end()]))
        forms.append((m.start(), m.end(), word))
        forms += [(m.start(), m.end(), s) for s in stems(word)]  # "Ντέρνας" → "Ντέρνα"
        out.append(tuple(forms))
    return out


def _arabic(body: str) -> list[tuple[Form, ...]]:
    words = list(_ARABIC_WORD.finditer(body))
    out = []
    for i, w in enumerate(words):
        word = w.group().strip("\u200c")
        bare = _ARABIC_PROCLITIC.sub("", word)
        if _common_arabic(word) or _common_arabic(bare):
            continue
        start = w.start() + len(word) - len(bare)
        forms: list[Form] = []
        if i + 1 < len(words) and body[w.end() : words[i + 1].start()] == " ":
            nxt = words[i + 1].group()
            if not _common_arabic(nxt) and not _ARABIC_PROCLITIC.match(nxt):
                forms.append((start, words[i + 1].end(), body[start : words[i + 1].end()]))
        # the article stays: names hold it ("البندقية", Venice); ب ل ك may begin a name (بترينيا, Petrinja)
        if bare != word and word[0] in "بلك":
            forms.append((w.start(), w.end(), word))
        forms.append((start, w.end(), bare))
        out.append(tuple(forms))
    return out


def _chinese(body: str, taken: list[tuple[int, int]]) -> list[tuple[Form, ...]]:
    out = []
    for run in _HANZI_RUN.finditer(body):
        i = run.start()
        while i < run.end():
            if body[i] not in _TRANSLIT_HANZI or any(s <= i < e for s, e in taken):
                i += 1
                continue
            j = i
            while j < run.end() and body[j] in _TRANSLIT_HANZI and not any(s <= j < e for s, e in taken):
                j += 1
            if j - i >= 3:
                forms = [(i, j, body[i:j])]
                if j - i >= 4:
                    forms += [(i, j - 1, body[i : j - 1]), (i + 1, j, body[i + 1 : j])]
                out.append(tuple(forms))
            i = j
    return out


def script_words(body: str, taken: list[tuple[int, int]]) -> list[tuple[Form, ...]]:
    """Words of ``body`` that may be foreign place names, each with its forms (start, end, text), longest first."""
    out: list[tuple[Form, ...]] = []
    if _HANGUL_WORD.search(body):
        out += _korean(body)
    if _KATAKANA_WORD.search(body):
        out += _katakana(body)
    if re.search(r"[\u0370-\u03ff]", body):
        out += _greek(body)
    if _ARABIC_WORD.search(body):
        out += _arabic(body)
    if _HANZI_RUN.search(body):
        out += _chinese(body, taken)
    return out


_NATIVE = r"[\uac00-\ud7a3\u30a1-\u30fa\u30fc・\u3400-\u9fff\u0370-\u03ff\u1f00-\u1fff\u0620-\u06ff\u200c]"
_LATIN_NAME = r"[A-Z][A-Za-z'’.-]+(?: [A-Za-z'’.-]+){0,3}"
_NATIVE_THEN_LATIN = re.compile(rf"({_NATIVE}+(?: {_NATIVE}+)?)\s?[(（]\s*({_LATIN_NAME})\s*[)）]")
_LATIN_THEN_NATIVE = re.compile(rf"({_LATIN_NAME})\s?[(（]\s*({_NATIVE}+(?: {_NATIVE}+)?)\s*[)）]")


def bracket_pairs(body: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """A name and its Latin spelling in brackets next to it ("마라케시(Marrakech)", "アル・ハウズ（Al Haouz）",
    "Norcia (نورشيا)"): the native span and the Latin span, each (start, end)."""
    out = []
    for m in _NATIVE_THEN_LATIN.finditer(body):
        out.append(((m.start(1), m.end(1)), (m.start(2), m.end(2))))
    for m in _LATIN_THEN_NATIVE.finditer(body):
        out.append(((m.start(2), m.end(2)), (m.start(1), m.end(1))))
    return out
