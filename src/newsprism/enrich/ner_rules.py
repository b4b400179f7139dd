"""People and organisations in languages without a statistical model, by rules: capitalised sequences, titles,
organisation head nouns, stopwords and a dictionary of common words.

A capitalised sequence ("Kassym-Jomart Tokajew", "Dışişleri Bakanlığı") becomes:

* an organisation when one of its words is an organisation head noun of the language ("Ministerium",
  "bakanlığı", "міністерство"); a capitalised head followed by lower-case words up to a capitalised one is taken
  with them ("Міністерство закордонних справ України");
* a person when a title stands just before it ("Präsident", "cumhurbaşkanı", "prezydent"; score 0.75), or when it
  has two words or more and its last word is neither a common word of the language (simplemma's dictionary) nor
  a place (score 0.6);
* a place when the gazetteer knows it (type ``place``: the places stage resolves it);
* nothing otherwise (a single unknown capitalised word counts only after a title, or through the actor table and
  a fuller name in the same article, which :mod:`newsprism.enrich.aliases` resolves).

A sentence's first word is dropped when it is a stopword or a common word. Scripts without capitals (Arabic,
Persian) take the words after a title; Japanese and Korean take the name written before a title (トカエフ大統領,
토카예프 대통령). The cues are data: ``resources/entity_cues.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources as pkg_resources
from typing import TYPE_CHECKING, Any

from .aliases import Mention, is_acronym
from .lemmas import SIMPLEMMA_LANGUAGES, stopwords

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["Cues", "load_cues", "rule_mentions"]

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’‘ʻ‐\-\u064b-\u065f\u0670]*[\w\u064b-\u065f])?")
_BREAK = re.compile(r"[.!?;:\n«»\"“”„()\[\]…।。！？؟]")
_SPACE = re.compile(r"^[ \u00a0]$|^[\-‐]$")
_KATAKANA_RUN = re.compile(r"[\u30a0-\u30ff・ー]{2,}$")
_HANGUL_WORD = re.compile(r"(?<![\uac00-\ud7af])([\uac00-\ud7af]{2,6})\s?$")
_JA_ORG = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fff]{1,8}?(?:省|庁|委員会)")
#: Arabic and Persian words that continue a title rather than start a name (prime minister's "وزراء", the
#: republic, the state, the government of a country).
_TITLE_OF = frozenset({"وزراء", "جمهورية", "دولة", "حكومة", "مملكة", "إمارة", "جمهوری", "کشور", "دولت", "خارجة"})
_GENITIVE_TAILS = frozenset({"uk", "ru", "bg", "pl", "kk", "ky", "uz", "az"})
_COMPOUNDING = frozenset({"de", "nl", "sv", "fi", "hu", "da", "no"})
#: languages that put a place before the noun it qualifies ("Berlin Mitte", "Ankara Valiliği", "Almaty oblysy")
_PLACE_FIRST = _COMPOUNDING | {"en", "tr", "az", "kk", "ky", "uz", "ja", "ko", "zh", "hy", "fa"}


@dataclass(slots=True)
class Cues:
    """Cue words of one language (lower case)."""

    titles: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    org_heads: tuple[str, ...] = ()
    connectors: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    #: common given names of the language (``given_names`` in ``resources/entity_cues.yaml``)
    given: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)


def _read_cues() -> dict[str, Any]:
    import yaml

    text = pkg_resources.files("newsprism.enrich").joinpath("resources/entity_cues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def load_cues(resources: Resources, lang: str) -> Cues:
    """The cues of ``lang``, once per :class:`Resources`."""

    def build(r: Resources) -> Cues:
        data = r.get("entities.cues", lambda _: _read_cues())
        stop = frozenset(w.lower() for w in stopwords(lang))

        def words(section: str) -> tuple[str, ...]:
            return tuple(
                sorted((str(w).lower() for w in data.get(section, {}).get(lang, []) or []), key=len, reverse=True)
            )

        return Cues(
            titles=words("person_titles"),
            after=words("person_after"),
            org_heads=words("org_heads"),
            connectors=frozenset(str(w) for w in data.get("connectors", [])),
            stopwords=stop,
            given=frozenset(str(w).lower() for w in (data.get("given_names", {}) or {}).get(lang, []) or []),
        )

    return resources.get(f"entities.cues:{lang}", build)


def _known_word(lang: str) -> Callable[[str], bool]:
    if lang not in SIMPLEMMA_LANGUAGES:
        return lambda w: False
    import simplemma

    def known(word: str) -> bool:
        try:
            return bool(simplemma.is_known(word.lower(), lang))
        except ValueError:
            return False

    return known


def _name_word(lang: str) -> Callable[[str], bool]:
    """For Ukrainian and Russian: pymorphy3 knows first names, surnames and patronymics (tags Name, Surn, Patr)."""
    if lang not in ("uk", "ru"):
        return lambda w: False
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang=lang)

    def is_name(word: str) -> bool:
        return any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in morph.parse(word)[:2])

    return is_name


def is_head(word: str, heads: tuple[str, ...], lang: str) -> bool:
    w = word.lower()
    for h in heads:
        if w == h or (len(h) >= 4 and w.startswith(h)) or (lang in _COMPOUNDING and len(h) >= 4 and w.endswith(h)):
            return True
    return False


def title_before(text: str, pos: int, titles: tuple[str, ...], stop: frozenset[str] = frozenset()) -> str | None:
    """The title that ends the text just before ``pos``, with up to two lower-case words between (a nationality:
    "presidente kazajo, Kasim-Yomart Tokáyev")."""
    before = text[max(0, pos - 80) : pos]
    cut = max(before.rfind(c) for c in ".!?;\n")
    words = _TOKEN.findall(before[cut + 1 :])[-5:]
    for skip in range(3):
        idx = len(words) - 1 - skip
        if idx < 0 or (skip and (words[idx + 1][:1].isupper() or words[idx + 1].lower() in stop)):
            break  # "presidente kazajo, X" names X; "presidente do Cazaquistão" does not
        for t in titles:
            parts = t.split()
            window = [w.lower() for w in words[idx - len(parts) + 1 : idx + 1]]
            if len(window) == len(parts) and all(
                w == p or (len(p) >= 4 and (w.startswith(p) or (w.endswith(p) and len(parts) == 1)))
                for w, p in zip(window, parts, strict=True)
            ):  # prezydenta, utrikeshandelsminister
                return t
    return None


def rule_mentions(text: str, lang: str, resources: Resources, *, is_place: Callable[[str], bool]) -> list[Mention]:
    """Person, organisation and place candidates of ``text`` by the rules above (``is_place`` asks the gazetteer)."""
    cues = load_cues(resources, lang)
    common = resources.get(f"entities.known_word:{lang}", lambda r: _known_word(lang))
    name_word = resources.get(f"entities.name_word:{lang}", lambda r: _name_word(lang))

    def known(word: str) -> bool:
        """A common word of the language (a first name or surname is not one, where a dictionary says so)."""
        return common(word) and not name_word(word)

    out: list[Mention] = []
    if lang in ("ja", "ko"):
        return _cjk_after_titles(text, lang, cues, is_place)
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    cased = any(t[2][:1].isupper() for t in toks[:200])
    if not cased:
        return _uncased(text, toks, cues, is_place)
    n = len(toks)
    i = 0
    while i < n:
        s, _e, w = toks[i]
        if not w[:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < n:
            gap = text[toks[j][1] : toks[j + 1][0]]
            nxt = toks[j + 1][2]
            if _SPACE.match(gap) and nxt[:1].isupper():
                j += 1
            elif (
                _SPACE.match(gap)
                and nxt in cues.connectors
                and j + 2 < n
                and toks[j + 2][2][:1].isupper()
                and _SPACE.match(text[toks[j + 1][1] : toks[j + 2][0]])
            ):
                j += 2
            else:
                break
        if is_head(toks[j][2], cues.org_heads, lang):
            j = _org_tail(text, toks, j, lang, is_place, cues.stopwords)
        seq = toks[i : j + 1]
        initial = i == 0 or bool(_BREAK.search(text[toks[i - 1][1] : s]))
        out.extend(_classify(text, seq, initial, lang, cues, known, is_place))
        i = j + 1
    return out


def _org_tail(
    text: str,
    toks: list[tuple[int, int, str]],
    i: int,
    lang: str,
    is_place: Callable[[str], bool],
    stop: frozenset[str],
) -> int:
    """Index of the last word of an organisation whose capitalised head is followed by lower-case words up to a
    capitalised one ("Міністерство закордонних справ України", "ministero degli Esteri"); ``i`` when none is.
    Outside the languages that name offices with lower-case genitives, only stopwords may stand between."""
    for k in range(i + 1, min(i + 5, len(toks))):
        if _BREAK.search(text[toks[k - 1][1] : toks[k][0]]) or "," in text[toks[k - 1][1] : toks[k][0]]:
            return i
        word = toks[k][2]
        if word[:1].islower() and lang not in _GENITIVE_TAILS and word not in stop:
            return i  # "Innenministerium prüfe den Fall": the sentence goes on
        if toks[k][2][:1].isupper():
            if is_place(toks[k][2]) or any(is_place(x) for x in _stems(toks[k][2], lang)):
                return k  # "Міністерство закордонних справ України"
            # "Міністерства внутрішніх справ" | Ігор Клименко: lower-case genitives name the office in Slavic
            # and Turkic languages; elsewhere lower-case words after a head are the sentence going on
            if lang not in _GENITIVE_TAILS:
                return k if k > i + 1 else i  # only stopwords between: "Ministero degli Esteri"
            return k - 1 if k > i + 1 else i
    return i


def _trim_suffix(text: str, seq: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The last word without an ending written after an apostrophe ("Bakanlığı'nın" → "Bakanlığı")."""
    s, _e, w = seq[-1]
    m = re.search(r"['’]([^\W\d_]{1,5})$", w)
    if m is None or m.start() < 2 or not m.group(1).islower():
        return seq
    return [*seq[:-1], (s, s + m.start(), w[: m.start()])]


def _segments(
    seq: list[tuple[int, int, str]], lang: str, cues: Cues, known: Callable[[str], bool]
) -> list[tuple[list[tuple[int, int, str]], str | None]]:
    """A capitalised run cut at titles and common words inside it ("Tokajews Sprecher Berik Uali" → "Tokajews",
    title "sprecher", "Berik Uali"); each part with the title just before it."""
    parts: list[tuple[list[tuple[int, int, str]], str | None]] = []
    cur: list[tuple[int, int, str]] = []
    title: str | None = None
    for k, tok in enumerate(seq):
        w = tok[2]
        inner = 0 < k < len(seq) - 1 or (k == len(seq) - 1 and len(seq) > 1)
        is_title = is_head(w, cues.titles, lang) and not is_head(w, cues.org_heads, lang)
        if inner and (is_title or (lang in _COMPOUNDING and known(w) and len(w) > 3)):
            if cur:
                parts.append((cur, title))
            cur, title = [], (w.lower() if is_title else None)
            continue
        cur.append(tok)
    if cur:
        parts.append((cur, title))
    return parts


def _classify(
    text: str,
    seq: list[tuple[int, int, str]],
    initial: bool,
    lang: str,
    cues: Cues,
    known: Callable[[str], bool],
    is_place: Callable[[str], bool],
) -> list[Mention]:
    title: str | None = None
    # a sentence's first word, a capitalised title, a stopword: not part of the name
    while seq:
        w = seq[0][2]
        low = w.lower()
        if is_head(w, cues.titles, lang) and len(seq) > 1 and not is_head(w, cues.org_heads, lang):
            title = low
            seq = seq[1:]
            initial = False
            continue
        if initial and (
            low in cues.stopwords or (known(w) and len(seq) > 2 and not is_place(w) and low not in cues.given)
        ):
            seq = seq[1:]
            initial = False
            continue
        if (low in cues.stopwords or len(w) == 1) and not is_acronym(w):  # "У Миколаївській", "W Polsce"
            seq = seq[1:]
            continue
        if lang == "el" and len(seq) > 1 and low.endswith(("ών", "ων")):
            seq = seq[1:]  # a genitive plural ends an office's name ("υπουργός Εξωτερικών Νίκος Δένδιας")
            continue
        break
    while seq and seq[-1][2] in cues.connectors:
        seq = seq[:-1]
    if not seq:
        return []
    seq = _trim_suffix(text, seq)
    if lang == "de" and len(seq) > 1 and known(seq[0][2]) and not is_place(seq[0][2]):
        # German capitalises every noun: "Provinz Elazig", "Staatssender TRT" (the noun before a place or an
        # acronym is no part of a name)
        tail = text[seq[1][0] : seq[-1][1]]
        if is_place(tail) or (len(seq) == 2 and is_acronym(seq[1][2])):
            seq = seq[1:]
    start, end = seq[0][0], seq[-1][1]
    words = [t[2] for t in seq]
    surface = text[start:end]
    if any(is_head(w, cues.org_heads, lang) for w in words):
        return [Mention(start, end, surface, "organisation", 0.7, extra={"label": "rules:org"})]
    parts = _segments(seq, lang, cues, known)
    if len(parts) > 1:
        out: list[Mention] = []
        for part, part_title in parts:
            found = _classify(text, part, False, lang, cues, known, is_place)
            for m in found:
                if part_title and m.type in ("person", "other"):
                    m.type, m.score, m.role = "person", 0.75, part_title
            out.extend(found)
        return out
    if len(words) == 1 and initial and known(words[0]):
        return []
    if title is None:
        title = title_before(text, start, cues.titles, cues.stopwords)
    if title is None and len(words) >= 2:
        after = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
        if after is not None and after.group()[:1].islower() and is_head(after.group(), cues.titles, lang):
            title = after.group().lower()  # Hungarian and Turkish write the title after: "Kovács Gergely szóvivő"
    if len(words) >= 2 and any(is_acronym(w) for w in words):
        return [Mention(start, end, surface, "organisation", 0.45, extra={"label": "rules:acronym"})]  # TRT Haber
    if (
        len(words) >= 3
        and title is not None
        and not is_place(words[0])
        and _place_form(words[0], lang, is_place)
        and not is_place(surface)
    ):
        # "prezydent Kazachstanu Kasym-Żomart Tokajew": a country in the genitive before the name is a place
        # (a word that is a place as written, "Ali", may be a first name)
        place = Mention(seq[0][0], seq[0][1], words[0], "place", 0.55, extra={"label": "rules:place"})
        rest = _classify(text, seq[1:], False, lang, cues, known, is_place)
        return [place, *rest]
    if title is not None and not is_place(surface) and not (len(words) == 1 and known(words[0])):
        return [Mention(start, end, surface, "person", 0.75, role=title, extra={"label": "rules:title"})]
    if len(words) >= 2 and words[0].lower() in cues.given and not is_place(surface):
        # "Miguel Ángel Osorio Chong", "Roberto Barrios": a common given name opens it, though some town bears it
        return [Mention(start, end, surface, "person", 0.6, extra={"label": "rules:given-name"})]
    if is_place(surface) or (len(words) == 1 and _place_form(words[0], lang, is_place)):
        return [Mention(start, end, surface, "place", 0.55, extra={"label": "rules:place"})]
    if len(words) == 1 and is_acronym(words[0]) and len(words[0]) >= 2:
        return [Mention(start, end, surface, "organisation", 0.45, extra={"label": "rules:acronym"})]
    if len(words) >= 2 and not all(known(w) for w in words) and not _place_form(words[0], lang, is_place):
        score = 0.6 if not known(words[-1]) else 0.5
        return [Mention(start, end, surface, "person", score, extra={"label": "rules:name"})]
    if (
        len(words) == 2
        and lang not in _PLACE_FIRST
        and not known(words[1])
        and not _place_form(words[1], lang, is_place)
        and not is_place(surface)
    ):
        # a first name that is also some town's name ("Salí Ayhan", "Pedro Ayhan"): where a place does not stand
        # before the noun it qualifies, a place followed by an unknown capitalised word is a person's name, weakly
        return [Mention(start, end, surface, "person", 0.5, extra={"label": "rules:name-place-first"})]
    if len(words) == 1 and lang == "el" and not initial and not known(words[0]) and _greek_article_before(text, start):
        # Greek writes the article before a person's name ("ο Τοκάγιεφ", "του Μιρζιγιόγιεφ"); a place the
        # gazetteer knows was taken above
        return [Mention(start, end, surface, "person", 0.45, extra={"label": "rules:article"})]
    if len(words) == 1 and not known(words[0]) and not initial:
        # a lone unknown name: kept weakly, so a fuller mention or the actor table can resolve it
        return [Mention(start, end, surface, "other", 0.35, extra={"label": "rules:single"})]
    return []


_GREEK_ARTICLE = re.compile(r"(?:^|\s)(?:ο|η|του|της|τον|την|τη)\s+$", re.IGNORECASE)


def _greek_article_before(text: str, pos: int) -> bool:
    return _GREEK_ARTICLE.search(text[max(0, pos - 6) : pos]) is not None


def _place_form(word: str, lang: str, is_place: Callable[[str], bool]) -> bool:
    """``word`` is a place name as written or under a case ending ("Түркиянын", "Сирияда", "Kazakistan'da")."""
    return is_place(word) or any(is_place(x) for x in _stems(word, lang))


def _stems(word: str, lang: str) -> tuple[str, ...]:
    from .name_forms import name_stems

    return name_stems(word, lang)


def _uncased(text: str, toks: list[tuple[int, int, str]], cues: Cues, is_place: Callable[[str], bool]) -> list[Mention]:
    """Arabic and Persian: up to three words after a title, skipping adjectives with the article (ال...)."""
    out: list[Mention] = []
    i = 0
    n = len(toks)
    while i < n:
        hit = None
        for t in cues.titles:
            parts = t.split()
            if [x[2] for x in toks[i : i + len(parts)]] == parts:
                hit = len(parts)
                break
        if hit is None:
            i += 1
            continue
        k = i + hit
        while (
            k < n
            and k - (i + hit) < 3
            and (toks[k][2].startswith("ال") or toks[k][2] in _TITLE_OF or is_place(toks[k][2]))
        ):
            k += 1  # "رئيس وزراء كازاخستان X", "رئيس جمهورية أوزبكستان X": the office's words, then the name
        name: list[tuple[int, int, str]] = []
        while k < n and len(name) < 3:
            w = toks[k][2]
            gap = text[(name[-1][1] if name else toks[k - 1][1]) : toks[k][0]]
            if (
                w in cues.stopwords
                or w.startswith("ال")
                or _BREAK.search(gap)
                or ("،" in gap and name)
                or len(w) < 2
                or is_place(w)
            ):
                break
            name.append(toks[k])
            k += 1
        if name:
            s, e = name[0][0], name[-1][1]
            out.append(
                Mention(
                    s,
                    e,
                    text[s:e],
                    "person",
                    0.5,
                    role=" ".join(x[2] for x in toks[i : i + hit]),
                    extra={"label": "rules:title"},
                )
            )
        i = max(k, i + 1)
    lasts = {m.text.split()[-1] for m in out}
    taken = {(m.start, m.end) for m in out}
    for s, e, w in toks:  # the surname again later, bare or with a prefix (وتوكاييف)
        bare = w[1:] if w[:1] in "وبلف" and w[1:] in lasts else w
        if bare in lasts and not any(a <= s < b for a, b in taken):
            off = len(w) - len(bare)
            out.append(Mention(s + off, e, bare, "person", 0.45, extra={"label": "rules:repeat"}))
    return out


#: the most common Korean family names (one syllable) and the two-syllable ones
_KO_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도"
    "소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"
)
_KO_DOUBLE_SURNAMES = ("남궁", "선우", "제갈", "황보", "독고", "사공", "서문")
#: endings of Korean words for institutions (법무부, 검찰청, 민주당, 조선일보), no one's name
_KO_NOT_NAME = re.compile(r"(?:부|청|원|처|실|국|당|군|회|단|위|소|사|관|성|행|보|공개|시장)$")
#: endings of Korean words for bodies that never end a personal name (민주당, 검찰청, 대통령실 but not 박지원)
_KO_BODY = re.compile(r"(?:당|청|처|회|단|공사)$")
#: words that may stand between a Korean name and its title besides an institution or a country (전 former, 국무)
_KO_BETWEEN = frozenset({"전", "현", "前", "국무", "북한", "미국", "중국", "일본", "한국"})
#: words that stand before a Japanese title and name nobody (所属議員, 担当大臣, 地元市長)
_JA_NOT_PERSON = frozenset({"所属", "担当", "関係", "地元", "年頭", "現職", "歴代", "与野党", "出身"})
_KANJI_NAME = re.compile(r"(?<![\u4e00-\u9fff々])([\u4e00-\u9fff々]{2,5}(?:[\u30a0-\u30ff]{2,6})?)$")
#: a kanji run ending so is an institution, not a person (日本政府, 自民党, 防衛省)
_JA_NOT_NAME = re.compile(r"(?:政府|党|省|庁|府|局|会|部|院|軍|社|国|県|市|町|村|都|派|側|団|署|所|隊)$")
_KO_VERB_ENDS = ("고", "다", "며", "서", "면", "지", "는", "은", "을", "한", "진", "된", "던", "인", "데")
#: the past and future tense marks of a verb (했는데 "did, but", 됐다, 였고, 하겠다): never inside a name
_KO_TENSE = re.compile(r"[했됐였겠]")
_KO_NOT_PERSON = frozenset(
    {"지난달", "지난해", "다음달", "이번달", "이날", "전날", "올해", "내년", "작년", "이번주", "지난주"}
)


def korean_native_name(word: str) -> bool:
    """A Korean personal name: a family name and two syllables (추미애), or a double family name and one or two."""
    if not all("\uac00" <= ch <= "\ud7af" for ch in word):
        return False
    if word in _KO_NOT_PERSON:
        return False
    if word[:2] in _KO_DOUBLE_SURNAMES:
        return 3 <= len(word) <= 4
    return len(word) == 3 and word[0] in _KO_SURNAMES


def ko_not_name(word: str) -> bool:
    """A Hangul word that is no one's name: an institution's word (법무부, 조선일보), a verb (급락하고, 했는데), a
    time word."""
    return (
        bool(_KO_NOT_NAME.search(word) or _KO_TENSE.search(word))
        or word in _KO_NOT_PERSON
        or word.endswith(_KO_VERB_ENDS)
    )


def _ko_transcription(word: str) -> bool:
    """A Hangul word written like a foreign name before a title: three syllables or more (옥타이; 푸틴 is found by
    its sound, :mod:`.person_scripts`); not an institution's word, a verb or a time word."""
    return len(word) >= 3 and not ko_not_name(word)


def _ko_name_before(text: str, end: int, is_place: Callable[[str], bool]) -> tuple[int, str] | None:
    """(start, name) of the name written before a Korean title at ``end``: the word just before, or one of the two
    before that (an institution or a country between: 추미애 법무부 장관, 김정은 북한 국무위원장), when it is a
    name."""
    from .person_scripts import strip_korean_particle

    for _ in range(3):
        before = text[max(0, end - 20) : end]
        m = _HANGUL_WORD.search(before)
        if m is None:
            return None
        start = end - len(before) + m.start(1)
        for word in dict.fromkeys((m.group(1), strip_korean_particle(m.group(1)))):  # 옥타이 is no 옥타 + 이
            place = is_place(word)
            if not place and not _KO_BODY.search(word) and (korean_native_name(word) or _ko_transcription(word)):
                return start, word  # 임오경 민주당 대변인: 민주당 has a family name's first syllable, and is a party
        if not (place or _KO_NOT_NAME.search(word) or word in _KO_BETWEEN):
            return None  # only an institution, a country or a rank stands between a name and its title
        end = start
    return None


def _ja_name_before(text: str, end: int, is_place: Callable[[str], bool]) -> tuple[int, str] | None:
    """(start, name) of a katakana name (プーチン) or a name in kanji (岸田文雄, 玉城デニー) written before a
    Japanese title at ``end``; not a place or an institution (北朝鮮外相, 日本政府報道官)."""
    before = text[max(0, end - 20) : end]
    m = _KATAKANA_RUN.search(before)
    if m is not None:
        return end - len(before) + m.start(), m.group()
    k = _KANJI_NAME.search(before)
    if k is None:
        return None
    name = k.group(1)
    if end - len(before) + k.start(1) > 0 and _KATAKANA_RUN.search(text[: end - len(before) + k.start(1)]):
        return None  # ロス商務長官: the kanji are the office, the katakana before them the name
    if name in _JA_NOT_PERSON or is_place(name) or _JA_NOT_NAME.search(name):
        return None  # many family names are also towns (小野寺, 岸田): only the whole word is looked up
    return end - len(before) + k.start(1), name


def _cjk_after_titles(text: str, lang: str, cues: Cues, is_place: Callable[[str], bool]) -> list[Mention]:
    """Japanese: a katakana name, or a name in kanji (安倍晋三首相, 小野寺五典防衛相), written just before a title;
    Korean: a name before a title — a transcription, or a Korean name (a family name and two syllables: 추미애 법무부
    장관, 정세균 국무총리) with at most one word between them — or before the country between them ("푸아트 옥타이
    튀르키예 부통령"). A title inside a longer one (长官 in 官房長官) is read as the longer one."""
    out: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for t in sorted(cues.after, key=len, reverse=True):
        pos = text.find(t)
        while pos > 0:
            if any(a <= pos and pos + len(t) <= b for a, b in covered):
                pos = text.find(t, pos + len(t))
                continue
            covered.append((pos, pos + len(t)))
            found = _ko_name_before(text, pos, is_place) if lang == "ko" else _ja_name_before(text, pos, is_place)
            if found is not None:
                s, name = found
                out.append(Mention(s, s + len(name), name, "person", 0.7, role=t, extra={"label": "rules:title"}))
            pos = text.find(t, pos + len(t))
    if lang == "ja":
        for m in _JA_ORG.finditer(text):
            out.append(Mention(m.start(), m.end(), m.group(), "organisation", 0.5, extra={"label": "rules:org"}))
    return out
