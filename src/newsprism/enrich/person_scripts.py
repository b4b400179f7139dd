"""People's names in scripts the capitalisation rules cannot read, and one sound key that links a name's spellings
in every script to the known actor.

* :func:`sound_key`: the consonants of a name as classes heard alike across Latin, Cyrillic, Greek, Hangul,
  katakana and Arabic script ("Karimov", "Каримов", "Καρίμοφ", "카리모프", "カリモフ", "كريموف" → ``krmb``). Vowels
  are dropped (Arabic does not write them; Korean and Japanese add their own between consonants: 프 "peu",
  フ "fu"), as are the glides y and w; the classes are labials (p b f v), dentals (t d), velars (k g q), h (kh),
  hushing and hissing sounds (s sh), affricates and voiced sibilants (z zh j dz ch ts), liquids (r l), m and n.
* :class:`SoundIndex`: the known people (:mod:`newsprism.enrich.aliases`) by the sound key of their surname; a key
  of three consonants or more that exactly one person has names that person.
* :func:`script_person_mentions`: person candidates of Korean (a Hangul word, its particle removed, that sounds like
  a known person's surname, with the given names written before it), Japanese (a katakana name, parts joined by
  ・, that does), Arabic and Persian (a word that does, once a title, a common first name or another name word
  stands next to it, since the skeleton of vowel-less script is short), and Latin-script names written inside
  Korean, Japanese, Chinese, Arabic or Persian text.

Scores are lower than a language model's (0.55 to 0.65): these are rules. Matching is for linking only; the
mention keeps the text as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .aliases import Actor, ActorTable, Mention, is_acronym
from .translit import GEORGIAN_RE, fold, georgian_to_latin

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = [
    "SCRIPT_LANGUAGES",
    "SoundIndex",
    "ends_in_a",
    "hangul_consonants",
    "kana_consonants",
    "load_sound_index",
    "resolve_by_sound",
    "script_person_mentions",
    "sound_key",
    "strip_korean_particle",
]

# -- the key ----------------------------------------------------------------------------------------------------------

#: Hangul initial consonants (in Unicode order) and final consonants, as sound classes.
_HANGUL_INITIAL = ("k", "k", "n", "t", "t", "r", "m", "b", "b", "s", "s", "", "j", "j", "j", "k", "t", "b", "h")
_HANGUL_FINAL = (
    "", "k", "k", "k", "n", "n", "n", "t", "r", "k", "m", "r", "r", "r", "b", "r", "m", "b", "b", "t", "t", "n", "t",
    "t", "k", "t", "b", "t",
)  # fmt: skip
_KANA_ROWS = {
    "k": "カキクケコガギグゲゴ",
    "s": "サシスセソ",
    "j": "ザジズゼゾツヂヅ",
    "t": "タチテトダデド",
    "n": "ナニヌネノン",
    "h": "ハヒヘホ",
    "b": "フバビブベボパピプペポヴ",
    "m": "マミムメモ",
    "r": "ラリルレロ",
}
_KANA = {ch: cls for cls, chars in _KANA_ROWS.items() for ch in chars}
#: Arabic-script letters as the same classes.
_ARABIC_CLASSES = {
    "ب": "b", "پ": "b", "ف": "b", "ڤ": "b", "ت": "t", "ط": "t", "د": "t", "ض": "j", "ث": "s", "س": "s", "ص": "s",
    "ش": "s", "ج": "j", "چ": "j", "ز": "j", "ذ": "j", "ظ": "j", "ژ": "j", "ح": "h", "خ": "h", "ه": "h", "ة": "",
    "ك": "k", "ک": "k", "ق": "k", "گ": "k", "غ": "k", "ر": "r", "ل": "r", "م": "m", "ن": "n",
}  # fmt: skip
#: Latin spellings, in order, to the classes (after diacritics that change the sound are read).
_LATIN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"tsch|tch|dzh|dsch|dj|dz|zh|ch|cz|ts|tz|zs|cs|c(?=[ei])", "J"),
        (r"sch|sh|sz|ss", "S"),
        (r"kh", "H"),
        (r"ph", "B"),
        (r"th", "T"),
        (r"ng\b", "N"),
        (r"(?<=[aeiouy])j(?=[aeiou])|(?<=[aeiou])j\b", ""),  # Tokajew, Aleksej: j is a glide
        (r"[pbfvw]", "B"),
        (r"[td]", "T"),
        (r"[kgqc]", "K"),
        (r"x", "KS"),
        (r"[zj]", "J"),
        (r"s", "S"),
        (r"h", "H"),
        (r"[rl]", "R"),
        (r"m", "M"),
        (r"n", "N"),
        (r"[^A-Z]", ""),
    )
)
_LATIN_SOUNDS = str.maketrans({"ğ": "", "ş": "sh", "ș": "sh", "ś": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh"})
#: Han characters Chinese writes foreign names with, by the consonant class each starts with (vowel-initial ones
#: and the glides add none; 尔 is the r of a syllable's end).
_HAN_ROWS = {
    "b": "巴班贝本比宾波伯布保柏邦拜鲍彼毕博帕佩皮普潘庞蓬法菲费芬弗福夫娃瓦维沃",
    "m": "马玛迈麦曼梅门蒙米敏姆穆莫默密明缪摩",
    "t": "达代丹德迪蒂丁杜多戴黛塔泰坦特提图托汤唐陶",
    "n": "纳娜奈南内尼诺努妮宁恩因安温旺",
    "r": "拉莱兰朗劳勒雷里利莉隆卢鲁伦洛罗林琳列尔",
    "k": "盖冈戈格古贡卡凯坎康柯科克肯库奎基吉加金",
    "h": "哈海汉豪赫亨霍胡惠",
    "j": "贾杰奇齐乔切琴丘扎泽詹兹卓佐若茨济",
    "s": "西希辛休谢沙舍什萨塞桑瑟森斯松索苏",
}
_HAN = {ch: cls for cls, chars in _HAN_ROWS.items() for ch in chars}
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def hangul_consonants(word: str) -> str:
    """The sound classes of a Hangul word's consonants (a ㅡ "eu" written only to carry a consonant adds none)."""
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            continue
        out.append(_HANGUL_INITIAL[code // 588])
        out.append(_HANGUL_FINAL[code % 28])
    return "".join(out)


def kana_consonants(word: str) -> str:
    """The sound classes of a katakana word's consonants (ッ, ー and small kana add none)."""
    return "".join(_KANA.get(ch, "") for ch in word)


def _latin_consonants(word: str) -> str:
    text = unicodedata.normalize("NFC", word.lower()).translate(_LATIN_SOUNDS)
    text = fold(text)
    for pattern, repl in _LATIN_RULES:
        text = pattern.sub(repl, text)
    return text.lower()


_KANA_A = frozenset("アカガサザタダナハバパマヤラワァャ")


def ends_in_a(word: str) -> bool:
    """The word ends in the vowel a, as feminine forms of Slavic and Central Asian surnames do."""
    if not word:
        return False
    last = word[-1]
    if _HANGUL.match(last):
        code = ord(last) - 0xAC00
        return code % 28 == 0 and code % 588 // 28 in (0, 2)  # ㅏ, ㅑ without a final consonant
    if _KATAKANA.match(last):
        return last in _KANA_A
    if _ARABIC.match(last):
        return last in "اةى"
    return fold(word).endswith("a")


def sound_key(word: str) -> str:
    """The sound key of one word of a name in any script (see the module's description); ``""`` when none."""
    if _HANGUL.search(word):
        raw = hangul_consonants(word)
    elif _KATAKANA.search(word):
        raw = kana_consonants(word)
    elif _HAN_RE.search(word):
        if sum(ch in _HAN or ch in "阿埃艾奥厄伊尤雅亚扬耶叶约乌" for ch in word) < 0.75 * len(word):
            return ""  # a Chinese name or word, not a transliteration
        raw = "".join(_HAN.get(ch, "") for ch in word)
    elif _ARABIC.search(word):
        raw = "".join(_ARABIC_CLASSES.get(ch, "") for ch in fold(word))
    elif GEORGIAN_RE.search(word):
        raw = _latin_consonants(georgian_to_latin(word))
    else:
        raw = _latin_consonants(word)  # Cyrillic, Greek and Armenian are romanised by fold first
    return re.sub(r"(.)\1+", r"\1", raw)


# -- the known people by sound ---------------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_][\w'’‐\-]*")


@dataclass(slots=True)
class SoundIndex:
    """Known people by the sound key of their surname (the last word of a name of two words or more, or a one-word
    alias) and by the keys of their given names."""

    surnames: dict[str, list[Actor]]
    given: dict[str, set[str]]  # actor id -> sound keys of the other words of its names

    def person(self, word: str) -> Actor | None:
        """The one known person whose surname sounds like ``word`` (a key of three consonants or more); a surname
        in its feminine form ("Karimova", "카리모바") is not a man's ("Karimov")."""
        key = sound_key(word)
        if len(key) < 3:
            return None
        hits = self.surnames.get(key, [])
        if len(hits) != 1:
            return None
        surname = fold(hits[0].name).split()[-1:] or [""]
        return None if ends_in_a(word) and not surname[0].endswith("a") else hits[0]


def build_sound_index(table: ActorTable) -> SoundIndex:
    surnames: dict[str, list[Actor]] = {}
    given: dict[str, set[str]] = {}
    for actor in table.actors.values():
        if actor.type != "person":
            continue
        for name in (actor.name, *actor.aliases):
            parts = [w for p in _WORDS.findall(name) for w in re.split(r"[‐\-]", p) if w]
            if not parts or (len(parts) == 1 and not name[:1].isupper() and not _foreign_script(name)):
                continue
            key = sound_key(parts[-1])
            if len(key) >= 3 and actor not in surnames.setdefault(key, []):
                surnames[key].append(actor)
            given.setdefault(actor.id, set()).update(sound_key(w) for w in parts[:-1] if len(sound_key(w)) >= 2)
    return SoundIndex(surnames, given)


def _foreign_script(text: str) -> bool:
    return bool(_HANGUL.search(text) or _KATAKANA.search(text) or _ARABIC.search(text))


def load_sound_index(resources: Resources, table: ActorTable) -> SoundIndex:
    """The sound index of the actor table, once per :class:`Resources`."""
    return resources.get("entities.sound_index", lambda r: build_sound_index(table))


#: Languages whose person names these rules look for (besides the capitalisation rules).
SCRIPT_LANGUAGES = frozenset({"ko", "ja", "zh", "ar", "fa", "ka"})


def _arabic_given_names() -> frozenset[str]:
    from importlib import resources as ilr

    import yaml

    data = yaml.safe_load(ilr.files("newsprism.enrich").joinpath("resources/first_names.yaml").read_text("utf-8"))
    return frozenset(str(n) for n in data.get("arabic_script", []) or [])


def resolve_by_sound(mentions: list[Mention], table: ActorTable, resources: Resources) -> None:
    """Link the person mentions the table and the article left unresolved to the one known person whose surname
    sounds like their last word ("카리모프", "Καρίμοφ", "ميرضيائيف" → Islam Karimov, Shavkat Mirziyoyev), in place.
    A lone word of unknown type links only with a key of four consonants or more, or in a script without capitals."""
    index = load_sound_index(resources, table)
    # a surname the article already joined to a full name it writes ("Набиуллина" after "Эльвира Набиуллина") is
    # that person: it follows the full name, never a sound-alike of its own (Набиуллина is not Navalny)
    heads: dict[str, Mention] = {}
    for m in mentions:
        if m.actor is None and m.entity_id and m.entity_id.startswith("name:"):
            head = heads.setdefault(m.entity_id, m)
            if len(m.text.split()) > len(head.text.split()):
                heads[m.entity_id] = m
    followers: list[tuple[Mention, Mention]] = []
    for m in mentions:
        lead = heads.get(m.entity_id or "")
        if lead is not None and m.actor is None and len(lead.text.split()) > len(m.text.split()):
            followers.append((m, lead))
            continue
        sure = m.extra.get("sound_actor")
        if sure is not None and sure in table.actors and (m.actor is None or m.actor.id != sure):
            if m.actor is None:
                _link(m, table.actors[sure], 0.65)
            continue
        if m.actor is not None or m.type not in ("person", "other"):
            continue
        words = [w for w in re.split(r"[\s‐\-]+", m.lemma or m.text) if w]
        if not words or len(words) > 4:
            continue
        last = words[-1]
        if last.startswith("ال") or (_HANGUL.search(last) and not _foreign_hangul(strip_korean_particle(last))):
            continue  # an Arabic nisba (المصري) or a native Korean word is no transcription of a foreign name
        cands = [last, *(s for s in _stems(last))]
        actor = next((a for a in (index.person(c) for c in cands) if a is not None), None)
        if actor is None:
            continue
        cased = last[:1].isupper()
        if m.type == "other" and cased and len(sound_key(last)) < 4:
            continue
        if len(words) > 1 and not _given_fits(words[:-1], actor, index):
            continue  # "Anna Karimova" is not Islam Karimov
        _link(m, actor, 0.6)
    for m, head in followers:
        if head.actor is not None:
            _link(m, head.actor, head.resolution_score or 0.6)


def _given_fits(given: list[str], actor: Actor, index: SoundIndex) -> bool:
    keys = index.given.get(actor.id, set())
    loose = {k.replace("b", "") for k in keys}  # Arabic script writes v as the vowel letter و (Shavkat, شوكت)
    return all(sound_key(w) in keys or sound_key(w).replace("b", "") in loose for w in given if len(sound_key(w)) >= 2)


def _stems(word: str) -> tuple[str, ...]:
    from .name_forms import name_stems

    if _HANGUL.search(word):
        return (strip_korean_particle(word),)
    return name_stems(word)


def _link(m: Mention, actor: Actor, score: float) -> None:
    m.actor, m.canonical, m.entity_id, m.resolution_score, m.type = actor, actor.name, actor.id, score, "person"


# -- candidates -------------------------------------------------------------------------------------------------------

#: Korean particles written onto a name (longest first): case, topic, comitative, quotative.
_KO_PARTICLES = tuple(
    sorted(
        (
            "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "으로", "에게", "에게서", "에서",
            "한테", "께서", "께", "과의", "와의", "만", "이라고", "라고", "이라는", "라는", "측", "씨", "이다", "이며",
            "처럼", "보다", "까지", "부터", "에게는", "에서는", "과는", "와는", "으로부터", "로부터",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]{2,}")
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:[・＝=][\u30a1-\u30fa\u30fc]{2,}){0,3}")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]{2,}")
_LOWER = "a-zà-ÿāăąćčďēęěğīıłńňōőřśşšţťūůűźżž'’\\-"
_LATIN_RUN = re.compile(rf"\b[A-Z][{_LOWER}]+(?:\s[A-Z][{_LOWER}]+){{0,3}}")
_ARABIC_PREFIXES = ("وب", "ول", "و", "ب", "ل", "ف")


def _foreign_hangul(word: str) -> bool:
    """A Hangul word written like a transcription of a foreign name: three syllables or more, or one with the
    vowel ㅡ that Korean adds to carry a lone consonant (푸틴 is listed; 개정 "revision" is no name)."""
    return len(word) >= 3 or any((ord(ch) - 0xAC00) % 588 // 28 == 18 for ch in word if _HANGUL.match(ch))


def strip_korean_particle(word: str) -> str:
    """A Hangul word without the particle written onto it ("푸틴은" → "푸틴"); the word itself when it has none."""
    for p in _KO_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    return word


def _name_before(
    text: str, start: int, actor: Actor, index: SoundIndex, pattern: re.Pattern[str], limit: int = 3
) -> int:
    """Start of the given names of ``actor`` written just before ``start`` (up to ``limit`` words, one space apart)."""
    keys = index.given.get(actor.id, set())
    for _ in range(limit):
        j = start - 1
        if j < 1 or text[j] not in " ·・":
            break
        words = list(pattern.finditer(text, max(0, j - 20), j))
        m = words[-1] if words else None
        if m is None or m.end() != j or sound_key(m.group()) not in keys:
            break
        start = m.start()
    return start


def script_person_mentions(
    text: str,
    lang: str,
    table: ActorTable,
    resources: Resources,
    *,
    titles: tuple[str, ...] = (),
    first_names: frozenset[str] = frozenset(),
    stopwords: frozenset[str] = frozenset(),
    is_place: Callable[[str], bool] = lambda w: False,
    after: tuple[str, ...] = (),
) -> list[Mention]:
    """Person candidates in Korean, Japanese, Arabic, Persian and Chinese text (see the module's description),
    with their actor when the sound key names one (``extra['sound_actor']``). In Korean and Japanese a lone word
    that sounds like a known person's surname is taken when its key has four consonants or more, or when one of
    ``after`` (titles written after a name: 대통령, 大統領) follows it."""
    index = load_sound_index(resources, table)
    out: list[Mention] = []
    if lang == "ko":
        from .ner_rules import ko_not_name

        for m in _HANGUL_WORD.finditer(text):
            word = strip_korean_particle(m.group())
            actor = index.person(word)
            if actor is None or is_place(word) or not _foreign_hangul(word):
                continue
            if ko_not_name(word) or not _sure_sound(
                word, text[m.end() : m.end() + 12] if word == m.group() else "", after
            ):
                continue  # 일정에, 높은, 중요성 sound like somebody's name too
            s = _name_before(text, m.start(), actor, index, _HANGUL_WORD)
            e = m.start() + len(word)
            out.append(_found(text, s, e, actor, 0.6))
    elif lang == "ja":
        for m in _KATAKANA_NAME.finditer(text):
            parts = re.split(r"[・＝=]", m.group())
            actor = index.person(parts[-1])
            if actor is None or is_place(m.group()):
                continue
            if len(parts) == 1 and not _sure_sound(m.group(), text[m.end() : m.end() + 12], after):
                continue  # ミサイル, コスト sound like somebody's name too
            out.append(_found(text, m.start(), m.end(), actor, 0.6))
    elif lang in ("ar", "fa"):
        given = first_names or resources.get("entities.arabic_given", lambda r: _arabic_given_names())
        out.extend(_arabic_people(text, index, titles, given, is_place))
        out.extend(_after_given_name(text, given, stopwords, is_place))
        if lang == "ar":
            out.extend(_after_speech_verb(text, given, stopwords, is_place))
    elif lang == "ka":
        out.extend(_georgian_people(text, index, is_place))
    if lang in ("ko", "ja", "zh", "ar", "fa", "ka"):
        out.extend(_latin_names(text, table, is_place))
    return out


_GEORGIAN_WORD = re.compile(r"[\u10d0-\u10ff]{2,}")
#: Georgian case endings and postpositions on a surname, longest first ("ტრამპმა", "კობახიძემ", "პუტინის")
_KA_CASES = ("ისთვის", "იდან", "ისგან", "სთან", "ამდე", "მა", "ის", "ით", "ად", "ში", "ზე", "თან", "ს", "მ", "ი")


def strip_georgian_case(word: str) -> str:
    """A Georgian word without its case ending ("ტრამპმა" -> "ტრამპ"); the word itself when the stem would be
    shorter than three letters."""
    for ending in _KA_CASES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _georgian_people(text: str, index: SoundIndex, is_place: Callable[[str], bool]) -> list[Mention]:
    """Georgian (no capitals): a word that, without its case ending, sounds like a known person's surname, when that
    person's given name is written before it ("დონალდ ტრამპმა"); then the lone surname elsewhere in the text."""
    found: list[tuple[int, int, Actor, bool]] = []
    for m in _GEORGIAN_WORD.finditer(text):
        word = strip_georgian_case(m.group())
        actor = index.person(word)
        if actor is None or is_place(word):
            continue
        s = _name_before(text, m.start(), actor, index, _GEORGIAN_WORD)
        found.append((s, m.start() + len(word), actor, s < m.start()))
    sure = {actor.id for _, _, actor, given in found if given}
    return [_found(text, s, e, actor, 0.6 if given else 0.55) for s, e, actor, given in found if actor.id in sure]


def _sure_sound(word: str, following: str, after: tuple[str, ...]) -> bool:
    """A Korean or Japanese word that sounds like a known surname is a name: a long key, or a title after it."""
    return len(sound_key(word)) >= 4 or any(following.lstrip().startswith(t) for t in after)


def _found(text: str, s: int, e: int, actor: Actor, score: float) -> Mention:
    return Mention(s, e, text[s:e], "person", score, extra={"label": "rules:sound", "sound_actor": actor.id})


def _arabic_people(
    text: str,
    index: SoundIndex,
    titles: tuple[str, ...],
    first_names: frozenset[str],
    is_place: Callable[[str], bool],
) -> list[Mention]:
    """Arabic script: a word that sounds like a known person's surname, with a title, a first name or the person's
    given name just before it (a bare vowel-less skeleton of three consonants is too often a common word)."""
    words = list(_ARABIC_WORD.finditer(text))
    title_words = {t.split()[-1] for t in titles}
    out: list[Mention] = []
    for i, m in enumerate(words):
        w = m.group()
        off = 0
        for p in _ARABIC_PREFIXES:
            if w.startswith(p) and len(w) - len(p) >= 4 and index.person(w[len(p) :]) is not None:
                off = len(p)
                break
        core = w[off:]
        actor = index.person(core)
        if actor is None or is_place(core) or len(core) < 4:
            continue
        s = m.start() + off
        s = _name_before(text, s, actor, index, _ARABIC_WORD)
        prev = words[i - 1].group() if i and words[i - 1].end() >= m.start() - 2 else ""
        alone = s == m.start() + off and not (
            prev in title_words or prev in first_names or _title_near(text, s, titles)
        )
        if alone and len(sound_key(core)) < 4:
            continue  # a four-consonant skeleton alone is name enough (ميرضيائيف); three are not (بوتين ~ بطن)
        out.append(_found(text, s, m.end(), actor, 0.55))
    return out


def _title_near(text: str, pos: int, titles: tuple[str, ...]) -> bool:
    before = text[max(0, pos - 40) : pos]
    return any(t in before for t in titles)


def _latin_names(text: str, table: ActorTable, is_place: Callable[[str], bool]) -> list[Mention]:
    """Capitalised Latin words inside text of another script: two to four make a person's name unless they are an
    acronym, a place or a known organisation; one alone is kept weakly (type ``other``) for the resolver."""
    out: list[Mention] = []
    for m in _LATIN_RUN.finditer(text):
        words = m.group().split()
        if any(is_acronym(w) for w in words) or is_place(m.group()):
            continue
        hit = table.lookup(m.group())
        if hit is not None and hit[0].type != "person":
            continue
        if len(words) >= 2:
            out.append(Mention(m.start(), m.end(), m.group(), "person", 0.55, extra={"label": "rules:latin"}))
        elif len(m.group()) >= 4:
            out.append(Mention(m.start(), m.end(), m.group(), "other", 0.35, extra={"label": "rules:single"}))
    return out


def _after_given_name(
    text: str, given: frozenset[str], stopwords: frozenset[str], is_place: Callable[[str], bool]
) -> list[Mention]:
    """Arabic script: a common given name and the one or two words after it ("خالد المصري", "محمد بن سلمان"), not
    a stopword, a place or a word of a title; "عبد" joins the word after it ("عبد الرحمن")."""
    words = list(_ARABIC_WORD.finditer(text))
    out: list[Mention] = []
    i = 0
    while i < len(words):
        w = words[i].group()
        off = 1 if w[:1] == "و" and w[1:] in given else 0
        if w[off:] not in given or w[off:] in stopwords:
            i += 1
            continue
        k = i + 1
        if w[off:] == "عبد" and k < len(words):
            k += 1
        name_end = words[k - 1].end()
        taken = 0
        while k < len(words) and taken < 2:
            nxt = words[k].group()
            gap = text[words[k - 1].end() : words[k].start()]
            if gap.strip() or nxt in stopwords or is_place(nxt) or (nxt in given and taken):
                break
            if nxt in ("بن", "ابن", "بنت") and k + 1 < len(words):
                k += 1
                continue
            name_end, taken, k = words[k].end(), taken + 1, k + 1
        if taken:
            s = words[i].start() + off
            out.append(Mention(s, name_end, text[s:name_end], "person", 0.5, extra={"label": "rules:given"}))
        i = max(k, i + 1)
    return out


#: Arabic verbs of saying that put their subject right after them ("وقال ميرضيائيف إن ..."), and the common nouns
#: that stand there instead of a name (an official, a source, witnesses, a statement ...).
_AR_SPEECH = frozenset({"قال", "وقال", "أعلن", "وأعلن", "أكد", "وأكد", "أضاف", "وأضاف", "صرح", "وصرح", "أوضح", "وأوضح"})
_AR_NOT_NAMES = frozenset(
    {
        "مسؤول", "مسؤولون", "مصدر", "مصادر", "شهود", "شاهد", "متحدث", "ناشط", "ناشطون", "سكان", "بيان", "تقرير",
        "إن", "ان", "أن", "في", "لـ", "له", "لها", "لهم", "مراسل", "مراسلنا", "محللون", "خبراء", "خبير", "رئيس",
        "وزير", "أحد", "عدد", "بعض", "مسؤولو", "نائب", "قائد", "زعيم", "ممثل", "مدير", "سفير", "مواطن", "مواطنون",
        "مرصد", "مركز", "معهد", "مكتب", "جهاز", "وكالة", "هيئة", "وزارة", "منظمة", "مجلس", "حزب", "جيش", "موقع",
        "تلفزيون", "صحيفة", "قناة", "فريق", "رجل", "امرأة", "طبيب", "أطباء", "متظاهرون", "محتجون", "رئيسة",
    }
)  # fmt: skip


def _after_speech_verb(
    text: str, given: frozenset[str], stopwords: frozenset[str], is_place: Callable[[str], bool]
) -> list[Mention]:
    """Arabic: the one or two words after a verb of saying, when they are no common subject noun, article word,
    stopword or place (score 0.45)."""
    words = list(_ARABIC_WORD.finditer(text))
    out: list[Mention] = []
    for i, m in enumerate(words[:-1]):
        if m.group() not in _AR_SPEECH:
            continue
        name: list[re.Match[str]] = []
        for nxt in words[i + 1 : i + 3]:
            w = nxt.group()
            prev_end = name[-1].end() if name else m.end()
            if text[prev_end : nxt.start()].strip() or w.startswith("ال") or w in _AR_NOT_NAMES:
                break
            if w in stopwords or is_place(w) or (w in _AR_SPEECH):
                break
            name.append(nxt)
        if name and name[0].group() not in given:  # a given name first is the given-name rule's
            s, e = name[0].start(), name[-1].end()
            out.append(Mention(s, e, text[s:e], "person", 0.45, extra={"label": "rules:speech"}))
    return out
