"""Numeric claims in every language without a parse: numbers, the noun they count, the cue words near them.

For each number mention of a sentence (:func:`newsprism.enrich.numbers.find_numbers`, read by the article's
language):

1. **The counted noun** is the first noun of a cue class among the next few words (adjectives and ``de``/``of``-like
   words may stand between; punctuation may not): ``4.300 Menschen``, ``18 Polizisten``, ``2.500 soldati
   stranieri``, ``164人``, ``2천여 명``. A unit (``30 années``, ``70 avions``, ``12 km``) makes the number no count,
   and so does a noun outside the lexicon (``225 A free daily digest``): a number becomes a claim only through a
   known counted noun or, bare, right next to a type cue (``задержаны 9900``) or after a death toll.
2. **Its subject class** comes from the noun: ``civilians``, ``protesters``, ``security_forces`` (police; soldiers
   unless a ``foreign`` word such as ``stranieri`` or ``CSTO`` is near: then ``foreign_troops``), ``foreign_troops``
   (peacekeepers), ``total`` (``Tote``, ``morts``: every death counted) or ``unspecified`` (``people``).
3. **Its type** comes from the noun when the noun carries one (``Tote`` -> killed), else from the nearest type cue of
   the sentence (``festgenommen`` -> arrested, ``uccisi`` -> killed; a cue across a comma counts as farther), else
   from the subject: soldiers and police with no harm cue are a deployment (``troops``), protesters a rally
   (``protesters``); people with no cue are no claim. Things (buildings, vehicles) are ``destroyed`` or ``other``.
4. **The hedge** is read before the number (``mehr als``, ``более``, ``超过``) or after it (``12 binden fazla``,
   ``2000余人``, ``2천여 명``) and given in canonical English (``more than``, ``at least``, ``about``, ``nearly``, ``up
   to``, ``less than``) so figures compare across languages.
5. **The claimant** is the phrase after an ``according to`` cue (``laut``, ``selon``, ``по данным``, ``据``), before a
   postposed one (``göre``, ``szerint``, ``mukaan``, ``によると``) or next to a reporting verb (``teilte die
   Regierung mit``, ``警方表示``, ``وقالت وزارة الداخلية``), as written in the text; never a pronoun or an all-caps
   dateline, and none when the text names none. Around the cue: auxiliaries (``a annoncé``, ``ha riferito``) and
   fillers (``AFAD'ın açıkladığı son verilere göre``, ``secondo le ultime notizie diffuse dall'Afad``) are passed;
   after the figures of a verb-final sentence the subject that opens it is taken (``Fuat Oktay, ... açıkladı``,
   ``대통령은 ... 밝혔다``, ``AFAD（...）は``); after a dash or an inverted verb the subject that follows it (``-
   közölte
   Recep Tayyip Erdogan``, ``a annoncé dans la nuit le vice-président Fuat Otkay``); a lower-case phrase runs on to
   the name that ends it (``l'agenzia per i disastri ... Afad``); a short name in brackets is kept (``(AFAD)``); a
   source cited by the claimant replaces it (``со ссылкой на``); a headline's source (``... — МВС``, ``Erdogan:``)
   and a quoted speaker (``Orhan Tatar, “...”``) count too. Phrases with a capital (names) rank before phrases
   without, then ``according to`` cues before reporting verbs, outlets relaying a figure (``به گزارش``) last. A
   claimant carries to the following sentences of its paragraph that have none, and to a sentence whose reporting
   verb has a pronoun for subject (``Він додав``, ``他在发布会上表示``); a figure the article repeats takes the source
   and hedge another mention of it gives. Counts are whole numbers (``magnitudo 6.8`` is none).

Cue lexicons: ``resources/claims/<lang>.yaml`` (see the README there), matched on lemmas by
:class:`newsprism.enrich.lemmas.CueMatcher`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources as ilr
from typing import TYPE_CHECKING, Any

import yaml

from ..model import Claim
from .claim_types import drop_non_arrests, part_of, split_verb_cues, without_names
from .lemmas import CueMatch, CueMatcher, Token, fold, lemmatizer
from .numbers import NumberMention, find_numbers, is_month

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = [
    "ARTICLE",
    "OWN_CLAUSE",
    "OWN_SENTENCE",
    "PARAGRAPH",
    "SUBJECTS",
    "CueLexicon",
    "cue_languages",
    "cue_matches",
    "extract_window_claims",
    "load_cues",
    "sentence_spans",
]

#: subject classes of a count (``Claim.subject``)
SUBJECTS = ("civilians", "protesters", "security_forces", "foreign_troops", "total", "unspecified")
#: ``Claim.claimant_score`` by where the claimant is named: in the figure's own sentence (at an ``according to`` cue
#: or a reporting verb of its clause), in its sentence but less surely (another clause, a lower-case phrase, a
#: relaying outlet, a headline's source), in an earlier sentence of its paragraph, or further away (another
#: paragraph: a repeated figure's other mention, "he added" after a name given before)
OWN_CLAUSE = 0.9
OWN_SENTENCE = 0.8
PARAGRAPH = 0.6
ARTICLE = 0.4
_HARM = ("killed", "wounded", "arrested", "missing", "displaced", "destroyed")
_PEOPLE = {
    "people": "unspecified",
    "civilians": "civilians",
    "protesters": "protesters",
    "security_forces": "security_forces",
    "troops": "security_forces",
    "foreign_troops": "foreign_troops",
}
_TYPE_NOUNS = {"killed", "wounded", "arrested", "displaced", "missing"}
_SEGMENTED = frozenset({"zh", "ja"})
#: cue labels a claimant never contains (police, protesters or civil defence may claim; "people" and "killed" do not)
_NOT_CLAIMANT = (
    "noun:people",
    "noun:things",
    "noun:killed",
    "noun:wounded",
    "noun:arrested",
    "noun:displaced",
    "noun:missing",
    "type:",
    "not_counted",
    "toll",
)
#: verb-final languages: a verb, not a counted noun, may follow a bare number ("саны 994-ке жетті")
_VERB_FINAL = frozenset({"tr", "az", "kk", "ky", "uz", "hu", "fa", "hy", "ja", "ko"})
_PUNCT = re.compile(r"[,.;:!?()\[\]\"«»“”„—–،؛。，、；：！？՝։（）「」『』]")
_CLAUSE = re.compile(r"[,;:()\"«»“”—–،؛，、；：՝]")
#: apostrophes inside Uzbek Latin words (o'zbek, ma'lumot) read as the letter ʻ so a word stays one token
_UZ_APOSTROPHE = re.compile(r"(?<=\w)['‘’`](?=\w)")
_SENT_END = re.compile(
    r"(?<=[.!?؟。！？…։])[\"'”’»)\]]*\s+(?![a-zà-ÿа-яё])|(?<=[。！？])|(?<=[.!؟])(?=[\u0621-\u064a])|\n"
)
#: a stop after these is an abbreviation, not a sentence end ("Selon M. Otkay", "Dr. Smith")
_ABBREV = re.compile(r"(?:^|[\s(])(?:\w|Mr|Mrs|Ms|Dr|Prof|Mme|Mgr|Gen|Sen|St|Sr|Jr|Nr|ds|ul|им)\.$")
#: an opening quotation mark (the claimant of a quoted figure is the speaker before it)
_OPEN_QUOTE = '“„«"「『‘'


def _cue_file(lang: str) -> str | None:
    path = ilr.files("newsprism.enrich").joinpath(f"resources/claims/{lang}.yaml")
    return path.read_text(encoding="utf-8") if path.is_file() else None


@lru_cache(maxsize=1)
def cue_languages() -> frozenset[str]:
    """Languages with a cue file."""
    folder = ilr.files("newsprism.enrich").joinpath("resources/claims")
    return frozenset(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml") and p.name != "numbers.yaml")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    lang: str
    matcher: CueMatcher
    hedges: tuple[tuple[str, str], ...]  # (folded form, canonical hedge), longest first
    hedges_after: tuple[tuple[str, str], ...]
    skip: frozenset[str]
    links: frozenset[str]
    articles: frozenset[str]
    stop: frozenset[str]
    pronouns: frozenset[str]
    suffixes: tuple[str, ...]  # particles glued to a claimant ("소방당국에" -> "소방당국")
    conjunctions: frozenset[str]  # "and" words: a cue across one belongs to another clause
    aux: frozenset[str]  # auxiliaries between a claimant and its reporting verb ("a annoncé", "ha riferito")
    fillers: tuple[str, ...]  # word stems between a claimant and a postposed cue ("AFAD'ın açıkladığı son verilere")
    topic: tuple[str, ...]  # topic particles ending a sentence-initial claimant ("대통령은", "AFADは")
    heads: tuple[str, ...] = ()  # stems of the nouns that end an institution's name ("bakanlığı", "министрлігі")

    @property
    def segmented(self) -> bool:
        return self.lang in _SEGMENTED


def _build(lang: str, resources: Resources | None) -> CueLexicon:
    text = _cue_file(lang)
    data: dict[str, Any] = yaml.safe_load(text) if text else {}
    cues: list[tuple[str, str]] = []
    for ctype, entries in data.get("types", {}).items():
        cues += [(f"type:{ctype}", w) for w in entries]
    for cls, entries in data.get("nouns", {}).items():
        cues += [(f"noun:{cls}", w) for w in entries]
    for key in (
        "toll",
        "foreign",
        "not_counted",
        "according",
        "according_after",
        "said",
        "outlet",
        "citing",
        "subcount",
        "rise",
        "impersonal",
        "same_source",
    ):
        cues += [(key, w) for w in data.get(key, [])]
    if lang == "uz":
        cues = [(label, _UZ_APOSTROPHE.sub("\u02bb", w)) for label, w in cues]

    def hedge_table(spec: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
        # one class per form, the first listed (file order), longest forms first: the same on every run, whatever
        # PYTHONHASHSEED (a set here once let a form listed under two classes change class from run to run)
        first: dict[str, str] = {}
        for canon, forms in (spec or {}).items():
            for f in forms:
                first.setdefault(fold(f), canon)
        return tuple(sorted(first.items(), key=lambda p: len(p[0]), reverse=True))

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data.get(key, []))

    return CueLexicon(
        lang=lang,
        matcher=CueMatcher(cues, lang, lemmas=lemmatizer(resources)),
        hedges=hedge_table(data.get("hedges", {})),
        hedges_after=hedge_table(data.get("hedges_after", {})),
        skip=words("skip"),
        links=words("links"),
        articles=words("articles"),
        stop=words("stop"),
        pronouns=words("pronouns"),
        suffixes=tuple(sorted(data.get("suffixes", []), key=len, reverse=True)),
        conjunctions=frozenset(fold(w) for w in _number_words().get(lang, {}).get("and", [])) | {"and"},
        aux=words("aux"),
        fillers=tuple(fold(w) for w in data.get("fillers", [])),
        topic=tuple(data.get("topic", [])),
        heads=tuple(fold(w) for w in data.get("heads", [])),
    )


@lru_cache(maxsize=1)
def _number_words() -> dict[str, Any]:
    text = ilr.files("newsprism.enrich").joinpath("resources/claims/numbers.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def load_cues(lang: str | None, resources: Resources | None = None) -> CueLexicon:
    """The cue lexicon of ``lang`` (English for a language without a file), cached on ``resources`` when given."""
    code = (lang or "en").lower()
    if code not in cue_languages():
        code = "en"
    if resources is None:
        return _build(code, None)
    return resources.get(f"claims.cues:{code}", lambda r: _build(code, r))


def cue_matches(lex: CueLexicon, tokens: Sequence[Token], text: str) -> list[CueMatch]:
    """The cue matches of ``text``; an impersonal report cue only as written ("сообщается", "podano", "bildirildi"),
    not through its lemma, which it shares with the personal forms that do name a source ("сообщил", "podał")."""
    out = []
    for m in lex.matcher.find(tokens, text):
        if m.label == "impersonal" and not _written(text[m.start : m.end], m.cue):
            continue
        out.append(m)
    return out


def _written(found: str, cue: str) -> bool:
    a, b = " ".join(fold(found).split()), " ".join(fold(cue).split())
    return a == b or (b.endswith("*") and a.startswith(b[:-1]))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences in any script: a stop (``.``, ``؟``, ``。``) and space before anything but a lower-case letter, or a
    line break."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if _ABBREV.search(text, max(0, m.start() - 6), m.start()):
            continue
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


# ---------------------------------------------------------------------------------------------------- one article
@dataclass(slots=True)
class _Article:
    text: str
    lex: CueLexicon
    tokens: Sequence[Token]
    matches: list[CueMatch]
    by_start: dict[int, list[CueMatch]]
    numbers: list[NumberMention]

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def labels_at(self, start: int, prefix: str) -> list[CueMatch]:
        return [m for m in self.by_start.get(start, ()) if m.label.startswith(prefix)]


def _hedge_before(art: _Article, n: NumberMention, s0: int) -> str | None:
    lo = max(s0, n.start - 40)
    before = fold(art.text[lo : n.start]).rstrip()
    for form, canon in art.lex.hedges:
        if before.endswith(form):
            k = len(before) - len(form)
            if k == 0 or not before[k - 1].isalnum() or art.lex.segmented:
                if canon == "up to" and _rise_before(art, lo + k, s0):
                    return None  # "is opgelopen tot 2.122": the toll rose to the figure, no "up to"
                return canon
    return None


def _rise_before(art: _Article, pos: int, s0: int) -> bool:
    """A verb of rising ends right before ``pos`` ("opgelopen", "ascendió", "salito")."""
    return any(
        m.label == "rise" and s0 <= m.start and m.end <= pos and not art.text[m.end : pos].strip()
        for m in art.matches
        if m.end <= pos
    )


def _subcount_before(art: _Article, n: NumberMention, s0: int) -> int | None:
    """The end of a sub-count cue shortly before the number ("dont 721", "van wie 1220", "بينهم 1404", "among the
    wounded 51"), with no number and no stop between; None if there is none."""
    for m in art.matches:
        if m.label != "subcount" or m.start < s0 or m.end > n.start or n.start - m.end > 40:
            continue
        if not re.search(r"[\d.;:!?()。；：]", art.text[m.end : n.start]):
            return m.end
    return None


def _hedge_after(art: _Article, pos: int) -> tuple[str, int] | None:
    after = art.text[pos : pos + 24]
    stripped = after.lstrip()
    folded = fold(stripped)
    for form, canon in art.lex.hedges_after:
        if folded.startswith(form):
            k = len(form)
            if k < len(folded) and folded[k].isalnum() and not art.lex.segmented and art.lex.lang not in {"ko"}:
                continue
            return canon, pos + (len(after) - len(stripped)) + k
    return None


@dataclass(slots=True)
class _Noun:
    cls: str  # a key of the lexicon's nouns, or "not_counted"
    start: int
    end: int


def _counted_noun(art: _Article, pos: int, s1: int) -> _Noun | None:
    """The counted noun after ``pos`` (the number's end, past a hedge), or None."""
    lex = art.lex
    if lex.segmented:
        window_end = min(s1, pos + 6)
        best: _Noun | None = None
        for m in art.matches:
            if m.start < pos or m.start > window_end or not (m.label.startswith("noun:") or m.label == "not_counted"):
                continue
            if _PUNCT.search(art.text, pos, m.start):
                continue
            cls = m.label.split(":", 1)[-1]
            if m.label == "not_counted" and m.start == pos:
                return _Noun(cls, m.start, m.end)
            cand = _Noun(cls, m.start, m.end)
            if best is None or (best.cls == "people" and cls != "people" and m.start <= best.end + 1):
                best = cand
        return best
    i = art.token_index(pos)
    unknown = 0
    prev_end = pos
    while i < len(art.tokens) and unknown <= 2:
        tok = art.tokens[i]
        if (
            tok.start >= s1
            or _PUNCT.search(art.text, prev_end, tok.start)
            or any(ch.isdigit() for ch in art.text[prev_end : tok.start])
        ):
            return None
        found = art.labels_at(tok.start, "noun:") + art.labels_at(tok.start, "not_counted")
        if found and lex.lang == "ar" and tok.text.startswith("وال"):
            return None  # "20 والمصابين إلى 1015": "and the wounded" is the next clause's
        if found:
            m = max(found, key=lambda x: (x.end - x.start, x.label != "noun:people"))
            if (
                m.label == "noun:people"
                and i + 1 < len(art.tokens)
                and not _PUNCT.search(art.text, m.end, art.tokens[i + 1].start)
            ):  # a classifier before the noun: "2천여 명의 시위대", "2000 человек протестующих"
                nxt = [x for x in art.labels_at(art.tokens[i + 1].start, "noun:") if x.label != "noun:people"]
                if nxt:
                    m = max(nxt, key=lambda x: x.end - x.start)
            return _Noun(m.label.split(":", 1)[-1], m.start, m.end)
        if any(ch.isdigit() for ch in tok.text):
            return None
        if tok.lemma not in lex.skip and tok.folded not in lex.skip:
            if art.labels_at(tok.start, "type:") and not _noun_follows(art, i):
                return None  # "9900 задержаны": a bare number and its verb ("2,8 tys. zniszczonych budynków" goes on)
            if {tok.folded, tok.lemma} & (lex.stop | lex.conjunctions):
                return None  # "in 2013 and the proximity of protesters": another phrase
            unknown += 1
        prev_end = tok.end
        i += 1
    return None


def _noun_follows(art: _Article, i: int) -> bool:
    """Whether the token after token ``i`` is a counted noun, with no punctuation between."""
    if i + 1 >= len(art.tokens) or _PUNCT.search(art.text, art.tokens[i].end, art.tokens[i + 1].start):
        return False
    return bool(art.labels_at(art.tokens[i + 1].start, "noun:"))


def _harm_after(art: _Article, n: NumberMention, s1: int) -> str | None:
    """The type of a harm cue within two words after a number, no punctuation between ("1.449 resultaron heridas",
    "1284 zostało rannych")."""
    i = art.token_index(n.end)
    for j in range(i, min(i + 3, len(art.tokens))):
        tok = art.tokens[j]
        if tok.start >= s1 or _PUNCT.search(art.text, n.end, tok.start):
            return None
        cues = [m for m in art.labels_at(tok.start, "type:") if m.label[5:] in _HARM and m.label != "type:destroyed"]
        if cues and art.lex.lang == "ar" and tok.text.startswith("و"):
            return None  # "20 والمصابين": "and the wounded" opens the next clause
        if cues:
            return cues[0].label[5:]
    return None


def _nearest_type(
    art: _Article, n: NumberMention, s0: int, s1: int, noun: _Noun | None, *, harm: bool
) -> tuple[str, int] | None:
    """(type, distance) of the nearest type cue of the sentence (of harm: killed ... destroyed, or else of deployment
    and protest), a cue across a comma counting as farther."""
    best: tuple[str, int] | None = None
    limit = 40 if art.lex.segmented else 90
    tolls = [t for t in art.matches if t.label == "toll" and t.start < s1 and t.end > s0]
    for m in art.matches:
        if m.start < s0 or m.end > s1 or not m.label.startswith("type:") or (m.label[5:] in _HARM) != harm:
            continue
        if noun is not None and m.start < noun.end and m.end > noun.start:
            continue
        if m.label[5:] != "killed" and any(t.start <= m.start and m.end <= t.end for t in tolls):
            continue  # "can kaybı" (the death toll) is no "kayıp" (missing)
        if m.start >= n.end:
            a, b = (noun.end if noun is not None and noun.end <= m.start else n.end), m.start
        else:
            a, b = m.end, n.start
        if b < a:
            continue
        dist = b - a
        gap = art.text[a:b]
        if art.lex.segmented:
            dist += 8 * len(_CLAUSE.findall(gap))
        elif _CLAUSE.search(gap):
            dist += 40
        if _conjoined(art, gap, m, after=m.start >= n.end):
            dist += 30  # "seis personas han muerto y 79 están heridas": "muerto" is the other clause's
        if m.start < n.start:
            dist += 2  # a cue after the number and noun wins a tie ("225 people were killed")
        if dist <= limit and (best is None or dist < best[1]):
            best = (m.label[5:], dist)
    return best


def _conjoined(art: _Article, gap: str, cue: CueMatch, *, after: bool) -> bool:
    """Whether an "and" stands between the number and the cue, or (Arabic) is glued to a cue after the number."""
    if any(fold(w) in art.lex.conjunctions for w in re.findall(r"\w+", gap)):
        return True
    return after and art.lex.lang == "ar" and art.text[cue.start : cue.start + 1] == "و"


def _is_bare(art: _Article, pos: int, s1: int) -> bool:
    """The number stands alone: punctuation, the sentence end, a function word or a verb cue follows it."""
    lex = art.lex
    i = art.token_index(pos)
    if i >= len(art.tokens) or art.tokens[i].start >= s1 or _PUNCT.search(art.text, pos, art.tokens[i].start):
        return True
    tok = art.tokens[i]
    if {tok.folded, tok.lemma} & (lex.stop | lex.skip | lex.links | lex.articles | lex.conjunctions):
        return True
    return bool(
        art.labels_at(tok.start, "type:") or art.labels_at(tok.start, "according") or art.labels_at(tok.start, "said")
    )


def _harm_before(art: _Article, n: NumberMention, s0: int) -> tuple[str, int] | None:
    """(type, end) of a harm cue shortly before a bare number, in its clause and with no number between: a verb or
    adjective ("ранените са най-малко 672") or a noun that carries the type ("Μεταξύ των τραυματιών 51")."""
    best: tuple[int, str] | None = None
    for m in art.matches:
        kind = m.label.split(":", 1)[-1]
        if not m.label.startswith(("type:", "noun:")) or kind not in _HARM or m.start < s0 or m.end > n.start:
            continue
        gap = art.text[m.end : n.start]
        if len(gap) > 70 or re.search(r"[;:!?()\[\]。；：]|\d", gap) or _conjoined(art, gap, m, after=False):
            continue
        if best is None or m.end > best[0]:
            best = (m.end, kind)
    return (best[1], best[0]) if best is not None else None


def _toll_before(art: _Article, n: NumberMention, s0: int) -> bool:
    """A death toll is named shortly before the number, with no other number between ("число погибших возросло до
    1121", "can kaybı 1014'e yükseldi")."""
    return any(
        m.label == "toll"
        and s0 <= m.start
        and m.end <= n.start
        and n.start - m.end <= 60
        and not re.search(r"\d", art.text[m.end : n.start])
        for m in art.matches
    )


def _foreign_near(art: _Article, noun: _Noun, s0: int, s1: int) -> bool:
    lo, hi = max(s0, noun.start - 40), min(s1, noun.end + 40)
    return any(m.label == "foreign" and lo <= m.start and m.end <= hi for m in art.matches)


# -------------------------------------------------------------------------------------------------- claimants
def _is_word_start(tok: Token, lex: CueLexicon) -> bool:
    return tok.folded not in lex.stop and tok.lemma not in lex.stop


def _phrase(art: _Article, idx: list[int]) -> tuple[int, int] | None:
    """Trim a run of token indexes to a claimant phrase: articles and links off the ends, trailing lower-case words
    off when the phrase has a capitalised word (German nouns, names)."""
    lex = art.lex
    toks = [art.tokens[i] for i in idx]
    while toks and (toks[0].folded in lex.articles or toks[0].folded in lex.links):
        toks.pop(0)
    while toks and (toks[-1].folded in lex.articles or toks[-1].folded in lex.links):
        toks.pop()
    cased = [t for t in toks if t.text[:1].isupper()]
    if lex.lang == "de" and cased and len(toks) > 1:  # German capitalises nouns: lower-case words at the end are not
        while toks and not toks[-1].text[:1].isupper() and toks[-1].folded not in lex.links:
            toks.pop()
    if not toks:
        return None
    start = toks[0].start
    if lex.lang == "ar" and toks[0].text.startswith("لل") and len(toks[0].text) > 4:
        start += 2  # "للخوذ البيضاء": the preposition and the article's lam are glued on
    end = toks[-1].end
    for suffix in lex.suffixes:
        if toks[-1].text.endswith(suffix) and len(toks[-1].text) > len(suffix) + 1:
            end -= len(suffix)
            break
    return start, end


def _stops_at(art: _Article, tok: Token) -> bool:
    lex = art.lex
    if tok.folded in lex.stop or tok.lemma in lex.stop or any(ch.isdigit() for ch in tok.text):
        return True
    ahead = fold(art.text[tok.start : tok.start + 30])
    if any(ahead.startswith(form) and not ahead[len(form) : len(form) + 1].isalnum() for form, _ in lex.hedges):
        return True  # "według policji co najmniej 40": the hedge ends the claimant
    return any(
        m.label.startswith(("type:", "said", "according", "outlet", "citing")) for m in art.by_start.get(tok.start, ())
    )


def _forward(art: _Article, pos: int, s1: int) -> tuple[int, int] | None:
    i = art.token_index(pos)
    idx: list[int] = []
    prev = pos
    after_filler = False  # a word that names no one was passed ("último balance"): its complements may be too
    while i < len(art.tokens) and len(idx) < 7:
        tok = art.tokens[i]
        gap = art.text[prev : tok.start]
        if gap == ":" and idx and art.text[prev - 1 : prev].isalpha() and tok.text[:1].isalpha():
            gap = ""  # "USA:s geologiska myndighet USGS"
        elif re.fullmatch(r"\.\s?", gap) and idx and _ABBREV.search(art.text, max(0, prev - 6), prev + 1):
            gap = ""  # "Selon M. Oktay"
        skipped_comma = not idx and prev != pos and re.fullmatch(r",\s*", gap) is not None
        if tok.start >= s1 or (
            _PUNCT.search(gap) and (idx or (prev != pos and not skipped_comma) or re.search(r"[:\"«“„「『]", gap))
        ):
            break  # a comma may follow a word that names no one ("σύμφωνα με νεότερο, επίσημο απολογισμό του ...")
        report_words = (
            after_filler
            and (  # "según el último balance | de víctimas ofrecido por | la agencia ..."
                tok.folded in art.lex.links
                or tok.folded in art.lex.aux
                or any(
                    m.label[5:] in _HARM for m in art.labels_at(tok.start, "noun:") + art.labels_at(tok.start, "type:")
                )
            )
        )
        if not idx and (
            (
                (_is_filler(art, tok) or tok.folded in art.lex.articles or _is_date_word(tok.text))
                and tok.folded not in art.lex.aux
            )
            or report_words
        ):
            after_filler = after_filler or _is_filler(art, tok)
            prev = tok.end  # "secondo le ultime notizie confermate dall'Afad": past the words that name no one
            i += 1
            continue
        if _stops_at(art, tok):
            break
        idx.append(i)
        prev = tok.end
        i += 1
    span = _phrase(art, idx) if idx else None
    if span is not None and _cased(art.text[span[0] : span[1]]) is False:
        span = _to_name(art, span[0], s1) or span
    if span is not None:
        appos = re.match(
            r"\s*[,،]\s*([^,،;:()\d\s][^,،;:()\d]{1,38}?)\s*[,،]", art.text[span[1] : min(s1, span[1] + 44)]
        )
        if (
            appos is not None
            and len(appos.group(1).split()) <= 4
            and _cased(appos.group(1)) is not False
            and fold(appos.group(1).split()[0]) not in art.lex.stop | art.lex.links
        ):
            span = span[0], span[1] + appos.end(1)  # "el gobernador, Ali Ihsan Su,", "نائب الرئيس التركي، فؤاد أوقطاي،"
        acronym = re.match(r"\s?\([^()\d,;]{2,30}\)", art.text[span[1] : min(s1, span[1] + 34)])
        if acronym is not None:  # "إدارة الكوارث والطوارئ التركية (آفاد)", "l'Agence ... (AFAD)"
            span = span[0], span[1] + acronym.end()
    return span


def _is_date_word(word: str) -> bool:
    """A day number or a month name ("6", "февраля", "janvier"): a date between a verb and its subject."""
    return (word.isdigit() and len(word) <= 2) or is_month(word)


def _cased(phrase: str) -> bool | None:
    """Whether a phrase has a capital letter (None: a script without case)."""
    letters = [ch for ch in phrase if ch.isalpha()]
    if not letters or not any(ch.lower() != ch.upper() for ch in letters):
        return None
    return any(ch.isupper() for ch in letters)


def _to_name(art: _Article, start: int, s1: int) -> tuple[int, int] | None:
    """A claimant phrase in lower case ("l'agenzia per i disastri", "генерального директора отдела") run on to the
    name that ends it in its clause ("... e le emergenze turca Afad", "... по ЧС Орхана Татара"); when that is long,
    the name alone."""
    m = re.compile(r"[,;:!?\"«»“”—–،؛，、；：]|\s-\s|\.\s(?![a-zà-ÿа-яёąćęłńśźż])").search(art.text, start, s1)
    end = m.start() if m else s1
    toks = [t for t in art.tokens[art.token_index(start) :] if t.end <= end]
    if any(any(ch.isdigit() for ch in t.text) or art.labels_at(t.start, "type:") for t in toks[:16]):
        toks = toks[
            : next(
                k for k, t in enumerate(toks) if any(ch.isdigit() for ch in t.text) or art.labels_at(t.start, "type:")
            )
        ]
    toks = toks[:16]
    caps = [k for k, t in enumerate(toks) if t.text[:1].isupper()]
    if not caps:
        return None
    last = caps[-1]
    first = last
    while first > 0 and toks[first - 1].text[:1].isupper():
        first -= 1
    stop = toks[last].end
    if stop < len(art.text) and art.text[stop : stop + 1] == ")" and "(" in art.text[start:stop]:
        stop += 1
    if stop - start <= 70:
        return start, stop
    return toks[first].start, toks[last].end


def _is_filler(art: _Article, tok: Token) -> bool:
    lex = art.lex
    return tok.folded in lex.aux or any(tok.folded.startswith(f) or tok.lemma.startswith(f) for f in lex.fillers)


def _skip_back(art: _Article, pos: int, s0: int, *, said: bool) -> int:
    """``pos`` moved back over the auxiliaries before a reporting verb ("le ministère a | annoncé") or the fillers
    and participles before a postposed cue ("AFAD'ın | açıkladığı son verilere göre")."""
    i = art.token_index(pos) - 1
    while i >= 0 and art.tokens[i].start >= s0 and not _PUNCT.search(art.text, art.tokens[i].end, pos):
        tok = art.tokens[i]
        if (
            _is_filler(art, tok)
            or (
                art.lex.segmented
                and re.fullmatch(r"(?:[\d日月号號早晚晨夜凌间間當当天今昨]|上午|下午|中午)+", tok.text)
            )
            or (not said and any(m.label == "said" for m in art.by_start.get(tok.start, ())))
        ):
            pos = tok.start
            i -= 1
            continue
        break
    return pos


def _backward(art: _Article, pos: int, s0: int) -> tuple[int, int] | None:
    paren = re.search(r"\(([^()\d]{2,40})\)\s*$", art.text[max(s0, pos - 44) : pos])
    if paren is not None:  # "... ترکیه(آفاد) اعلام کرد", "agencja ... (AFAD) podała": the short name in brackets
        a = max(s0, pos - 44) + paren.start(1)
        return a, a + len(paren.group(1))
    for _ in range(3 if art.lex.lang == "zh" else 0):  # "奥克塔伊2月6日在发布会上表示": speaker, date, place
        loc = re.search(r"在[^，。,、\d]{1,12}[上中时]\s*$", art.text[max(s0, pos - 16) : pos])
        if loc is not None:
            pos = max(s0, pos - 16) + loc.start()
        pos = _skip_back(art, pos, s0, said=True)
    i = art.token_index(pos) - 1
    idx: list[int] = []
    nxt = pos
    while i >= 0 and len(idx) < 5:
        tok = art.tokens[i]
        if tok.end <= s0 or _PUNCT.search(art.text, tok.end, nxt) or _stops_at(art, tok) or _in_type_cue(art, tok):
            break
        idx.insert(0, i)
        nxt = tok.start
        i -= 1
    return _phrase(art, idx) if idx else None


def _in_type_cue(art: _Article, tok: Token) -> bool:
    """Whether ``tok`` ends a multi-word type cue ("hayatını | kaybettiği AFAD tarafından"): a claimant starts after
    it."""
    return any(m.label.startswith("type:") and m.start < tok.start < m.end for m in art.matches)


def _valid_claimant(art: _Article, span: tuple[int, int]) -> bool:
    s, e = span
    phrase = art.text[s:e]
    if not phrase.strip() or len(phrase) > 80 or any(ch.isdigit() or ch in '"«»“”„「」『』' for ch in phrase):
        return False  # a number or a quotation mark: a piece of the quoted figure ("... Tartous\"")
    words = [fold(w) for w in re.findall(r"\w+", phrase)]
    if fold(phrase) in art.lex.pronouns or (words and words[0] in art.lex.pronouns):
        return False
    if len(words) <= 3 and any(w in art.lex.pronouns for w in words):
        return False  # "Про це", "Об этом": "this was reported by ..." names the claimant after the verb
    if words and all(any(w.startswith(f) for f in art.lex.fillers) for w in words):
        return False  # "provisional", "잠정 보고", "Məlumata": words of the report, not its source
    letters = [ch for ch in phrase if ch.isalpha()]
    if len(letters) < 2 or any(
        m.start < e and m.end > s and m.label.startswith(_NOT_CLAIMANT) for m in art.matches if m.start < e
    ):
        return False  # "osób", "명으로", "M": a fragment of the count, not who claims it
    line_start = art.text.rfind("\n", 0, s) + 1
    # a dateline ("MOSCOW, Jan 6 -", "АЛМАТЫ, 6 января"): all capitals at the start of a line
    return not (len(letters) > 4 and all(ch.isupper() for ch in letters) and not art.text[line_start:s].strip())


def _claimant(art: _Article, s0: int, s1: int, *, said_only: bool = False) -> tuple[int, int] | None:
    found = _sourced(art, s0, s1, said_only=said_only)
    return found[0] if found is not None else None


def _sourced(art: _Article, s0: int, s1: int, *, said_only: bool = False) -> tuple[tuple[int, int], float] | None:
    """The claimant the sentence ``s0:s1`` names and how sure that is (:data:`OWN_CLAUSE` for a name at an
    ``according to`` cue or a reporting verb, :data:`OWN_SENTENCE` for a lower-case phrase, a relaying outlet, a
    headline's source or a quoted speaker)."""
    found: list[tuple[int, int, int, tuple[int, int]]] = []
    impersonal = [m for m in art.matches if m.label == "impersonal" and s0 <= m.start < s1]
    for m in art.matches:
        if m.start < s0 or m.end > s1 or (said_only and m.label != "said"):
            continue
        if any(i.start <= m.start and m.end <= i.end and i is not m for i in impersonal):
            continue  # "сообщается", "据报道", "se informó": a report with no one named
        if any(
            o.label == m.label and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
            for o in art.by_start.get(m.start, ())
        ):
            continue  # "stando a" inside "stando a quanto riferito dal": the longer cue says where the name starts
        span: tuple[int, int] | None = None
        if m.label == "according":
            span = _forward(art, m.end, s1)
            rank = 1
        elif m.label == "according_after":
            span = _backward(art, _skip_back(art, m.start, s0, said=False), s0)
            rank = 1
        elif m.label == "outlet":  # "به گزارش خبرگزاری ...", "come riporta Anadolu", "Metbuat.az xəbər verir"
            span = _forward(art, m.end, s1)
            if span is None or not _valid_claimant(art, span) or _cased(art.text[span[0] : span[1]]) is False:
                span = _backward(art, _skip_back(art, m.start, s0, said=True), s0) or span
            rank = 3  # the outlet that relays the figure, unless its source is named
        elif m.label == "said":
            if any(o.label == "according" for o in art.by_start.get(m.start, ())):
                continue  # "selon" is both: the claimant follows it ("..., selon un bilan de l'agence Map")
            span = None
            if art.lex.lang in _VERB_FINAL and re.search(r"\d", art.text[s0 : m.start]):
                span = _topic(art, s0, s1)  # "Fuat Oktay, 14 bin 351 kişinin ... açıkladı"
            if (span is None or not _valid_claimant(art, span)) and re.search(
                r"\s[-–—]\s*$", art.text[max(s0, m.start - 4) : m.start]
            ):
                span = _forward(art, m.end, s1)  # "... 1014 osób - poinformowała agencja (AFAD)"
            if span is None or not _valid_claimant(art, span):
                span = _backward(art, _skip_back(art, m.start, s0, said=True), s0)
            if span is None or not _valid_claimant(art, span):
                span = _appositive(art, _skip_back(art, m.start, s0, said=True), s0)
            if span is None or not _valid_claimant(art, span) or _cased(art.text[span[0] : span[1]]) is False:
                after = _forward(art, m.end, s1)  # "Про це повідомив X", "varslade myndigheten USGS": X after the verb
                if (
                    after is not None
                    and _valid_claimant(art, after)
                    and (span is None or not _valid_claimant(art, span) or _cased(art.text[after[0] : after[1]]))
                ):
                    span = after
            if span is None or not _valid_claimant(art, span):  # "a annoncé dans la nuit le vice-président X"
                span = _inverted(art, m.end, s1)
            rank = 0  # the one who says it ("X ha señalado que ..., según la agencia Y": Y relays X)
        else:
            continue
        if span is not None and _valid_claimant(art, span):
            cited = _citing(art, span, s1) or _cited_by(art, span, s0)
            span = cited if cited is not None else span
            found.append((int(_cased(art.text[span[0] : span[1]]) is False), rank, m.start, span))
    if not found and not said_only:
        for span in (_quote_speaker(art, s0, s1), _headline_source(art, s0, s1)):
            if span is not None and _valid_claimant(art, span):
                return span, OWN_SENTENCE
    if not found and any(m.label == "said" and s0 <= m.start < s1 for m in art.matches):
        span = _topic(art, s0, s1)
        if span is not None and _valid_claimant(art, span):
            return span, OWN_CLAUSE
    if not found:
        return None
    _, rank, _, span = min(found)
    return span, OWN_CLAUSE if rank < 3 else OWN_SENTENCE


_RELATIVES = frozenset(
    [
        "que",
        "qui",
        "che",
        "quale",
        "who",
        "which",
        "welcher",
        "welche",
        "som",
        "joka",
        "jotka",
        "aki",
        "amely",
        "который",
        "которая",
        "которые",
        "которое",
        "який",
        "яка",
        "які",
        "który",
        "która",
        "którzy",
        "οποίος",
        "οποία",
        "που",
    ]
)


def _appositive(art: _Article, pos: int, s0: int) -> tuple[int, int] | None:
    """The subject of a reporting verb set off by commas: a name in apposition ("El gobernador de Malatya, Hulusi
    Sahin, ha señalado") or the word before a relative pronoun ("el gobernador de Sanliufa, Salí Ayhan, que ha
    indicado")."""
    before = art.text[s0:pos]
    rel = re.search(r"[,،]\s*(\w+)\s*$", before)
    if rel is not None and rel.group(1).casefold() in _RELATIVES:
        before = before[: rel.start() + 1]
    m = re.search(r"[,،]\s*([^,،;:()\d]{2,40}?)\s*[,،]\s*$", before)
    if m is None:
        return None
    return s0 + m.start(1), s0 + m.end(1)


def _citing(art: _Article, claimant: tuple[int, int], s1: int) -> tuple[int, int] | None:
    """The claimant and the source it cites right after it, as one phrase ("РИА Новости со ссылкой на ... Орхана
    Татара", "state television citing the interior ministry"): who relays the figure and whose it is."""
    pos = claimant[1]
    for m in art.matches:
        if (
            m.label == "citing"
            and pos <= m.start <= pos + 3
            and m.end < s1
            and not _PUNCT.search(art.text, pos, m.start)
        ):
            span = _forward(art, m.end, s1)
            if span is not None and _valid_claimant(art, span):
                return claimant[0], span[1]
    return None


def _cited_by(art: _Article, cited: tuple[int, int], s0: int) -> tuple[int, int] | None:
    """The relaying source and the ``cited`` one as one phrase when the cited source was found first ("Государственное
    телевидение со ссылкой на МВД | сообщило")."""
    for m in art.matches:
        if m.label == "citing" and s0 <= m.start and m.end <= cited[0] <= m.end + 2:
            relay = _backward(art, m.start, s0)
            if relay is not None and _valid_claimant(art, relay):
                return relay[0], cited[1]
    return None


def _inverted(art: _Article, pos: int, s1: int) -> tuple[int, int] | None:
    """The subject after a reporting verb and a time phrase ("a annoncé dans la nuit de lundi à mardi le
    vice-président turc Fuat Otkay"): the first article that follows a word of the time phrase."""
    if not art.lex.articles:
        return None
    m = _CLAUSE.search(art.text, pos, s1)
    end = m.start() if m else s1
    i = art.token_index(pos)
    prev: Token | None = None
    while i < len(art.tokens) and art.tokens[i].start < end:
        tok = art.tokens[i]
        if (
            tok.folded in art.lex.articles
            and prev is not None
            and prev.folded not in art.lex.stop | art.lex.links | art.lex.articles
        ):
            return _forward(art, tok.start, end)
        prev = tok
        i += 1
    return None


def _headline_source(art: _Article, s0: int, s1: int) -> tuple[int, int] | None:
    """The source a one-line headline names: after a final dash ("... зросла до 18 — МВС") or, in capitals, before
    an opening colon ("Erdogan: legkevesebb 912 halottjuk ...")."""
    line_end = art.text.find("\n", s0)
    if line_end < 0 or line_end > s1 + 1 or art.text[s0:s1].rstrip()[-1:] in ".!?。":
        return None  # a headline is a line of its own with no full stop
    tail = re.search(r"\s[-–—]\s+([^-–—\d\n]{2,40})$", art.text[s0:s1].rstrip())
    if tail is not None and len(tail.group(1).split()) <= 4:
        a = s0 + tail.start(1)
        return a, a + len(tail.group(1).rstrip())
    head = re.match(r"\s*([^:\d\n]{2,40}):\s", art.text[s0:s1])
    if head is not None:
        words = head.group(1).split()
        if len(words) <= 4 and all(w[:1].isupper() for w in words) and _cased(head.group(1)):
            return s0 + head.start(1), s0 + head.end(1)
    return None


def _quote_speaker(art: _Article, s0: int, s1: int) -> tuple[int, int] | None:
    """The speaker named before a quotation that opens the sentence ("Orhan Tatar, “... 1651 ...” dedi", "Erdogan:
    «...»"): the words before the opening mark, a comma or colon between."""
    k = next((i for i in range(s0, min(s1, s0 + 90)) if art.text[i] in _OPEN_QUOTE), -1)
    if k < 0:
        return None
    head = art.text[s0:k]
    if any(x.label == "said" and s0 <= x.start < k for x in art.matches):
        return None  # "他在发布会上表示：“...”": the verb's subject is the speaker, not the whole lead
    m = re.search(r"[,:]\s*$", head)
    if m is None or re.search(r"[\d.;!?]", head[: m.start()]) or len(head[: m.start()].split()) > 10:
        return None
    a = s0 + len(head) - len(head.lstrip(" -–—"))
    return (a, s0 + m.start()) if s0 + m.start() > a else None


def _topic(art: _Article, s0: int, s1: int) -> tuple[int, int] | None:
    """The sentence-initial subject of a verb-final sentence whose reporting verb ends it ("Fuat Oktay, ... açıkladı",
    "에르도안 대통령은 ... 밝혔다", "AFAD（...）は ... 発表した"): up to a topic particle or the first comma."""
    lex = art.lex
    if lex.lang not in _VERB_FINAL:
        return None
    head = art.text[s0:s1]
    lead = len(head) - len(head.lstrip(" \t\"'«“„「『"))
    if lex.segmented:  # Japanese: the phrase before は (or が), with no number in it
        m = re.search(r"[はが]", head)
        if m is None or m.start() - lead > 40 or re.search(r"[\d、，。]", head[: m.start()]):
            return None
        return s0 + lead, s0 + m.start()
    if lex.topic:  # Korean: the words before the first topic particle ("에르도안 대통령은", "관리청(AFAD)은")
        alt = "|".join(re.escape(t) for t in lex.topic)
        km = re.match(rf"([^\d,.;:!?\n]{{2,40}}?)(?:{alt})\s", head[lead:])
        return (s0 + lead, s0 + lead + len(km.group(1))) if km is not None else None
    i = art.token_index(s0 + lead)
    idx: list[int] = []
    prev = s0 + lead
    while i < len(art.tokens) and len(idx) < 6:
        tok = art.tokens[i]
        if tok.start >= s1 or _PUNCT.search(art.text, prev, tok.start) or _stops_at(art, tok):
            break
        idx.append(i)
        if lex.topic and tok.text.endswith(lex.topic):
            phrase = _phrase(art, idx)
            return phrase
        prev = tok.end
        i += 1
    if lex.topic or not idx:
        return None  # Korean: no topic particle, no claimant
    nxt = art.tokens[idx[-1] + 1].start if idx[-1] + 1 < len(art.tokens) else s1
    if not re.match(r"\s*[,،՝]", art.text[art.tokens[idx[-1]].end : nxt + 1]):
        return _headed(art, idx, s0, s1)  # the subject is set off by a comma: "Sağlık Bakanı Fahrettin Koca, ..."
    return _phrase(art, idx)


def _headed(art: _Article, idx: list[int], s0: int, s1: int) -> tuple[int, int] | None:
    """The sentence-initial institution with no comma after it, when a reporting verb ends the sentence ("Səhiyyə
    Nazirliyi ... 14 nəfərin öldüyünü açıqlayıb", "Денсаулық сақтау министрлігі ... хабарлады"): the words up to the
    first head noun of an institution's name."""
    if not art.lex.heads or not any(
        m.label == "said" and s0 <= m.start and not re.search(r"\w", art.text[m.end : s1]) for m in art.matches
    ):
        return None
    for j, i in enumerate(idx):
        if art.tokens[i].folded.startswith(art.lex.heads):
            return _phrase(art, idx[: j + 1])
    return None


# ------------------------------------------------------------------------------------------------------ claims
def _claim_for(art: _Article, n: NumberMention, s0: int, s1: int, prev: Claim | None) -> Claim | None:
    if n.shape not in {"count", "year"}:
        return None
    if n.value is not None and n.value != int(n.value):
        return None  # "magnitudo 6.8", "6,7": a count of people or buildings is whole
    if n.shape == "year" and n.value is not None and not 1900 <= n.value <= 2035:
        n = replace(n, shape="count")  # "1121", "1762": no year a crisis report names
    hedge = _hedge_before(art, n, s0)
    pos = n.end
    after = _hedge_after(art, pos)
    if after is not None:
        hedge = hedge or after[0]
        pos = after[1]
    noun = _counted_noun(art, pos, s1)
    if noun is not None and noun.cls == "not_counted":
        return None
    if noun is not None:
        later = _hedge_after(art, noun.end)  # "2000人以上", "2천 명 이상"
        if later is not None and hedge is None:
            hedge = later[0]
    after_harm = _harm_after(art, n, s1) if noun is None else None
    if n.shape == "year" and (
        noun is None or noun.cls == "things" or re.search(r"\w\W+\w", art.text[pos : noun.start].strip() + " x")
    ):
        prev_tok = art.tokens[art.token_index(n.start) - 1] if art.token_index(n.start) > 0 else None
        after_preposition = prev_tok is not None and prev_tok.folded in art.lex.stop - art.lex.conjunctions
        if (noun is not None or after_harm is None or after_preposition) and not (
            noun is None and _toll_before(art, n, s0)
        ):
            return None  # "in 2022", unless it counts people ("2000 Soldaten", "2000人", "a 1284 zostało rannych")
    inherited: str | None = None
    near = _nearest_type(art, n, s0, s1, noun, harm=True)
    harm = near[0] if near is not None else None
    other = _nearest_type(art, n, s0, s1, noun, harm=False)
    subject: str | None = None
    subcount = _subcount_before(art, n, s0)
    if noun is None:
        bare = _is_bare(art, pos, s1) or after_harm is not None or subcount is not None
        if not bare and art.lex.lang not in _VERB_FINAL:
            return None  # "70 avions", "225 A free daily digest": a noun outside the lexicon
        before = _harm_before(art, n, s0)
        tolls = [
            m.end
            for m in art.matches
            if m.label == "toll"
            and ((s0 <= m.start < n.start and n.start - m.end <= 90) or (pos <= m.start <= pos + 20 and m.end <= s1))
        ]
        if after_harm is not None:
            ctype, subject = after_harm, "unspecified"
        elif harm is not None and harm != "destroyed" and near is not None and near[1] <= 12:
            ctype, subject = harm, "unspecified"
        elif before is not None and (not tolls or before[1] > max((t for t in tolls if t <= n.start), default=n.end)):
            # the nearer of a harm word and a toll ("жертвите са 1037 души, а ранените са най-малко 672")
            ctype, subject = before[0], "total" if before[0] == "killed" else "unspecified"
        elif subcount is not None and prev is not None and n.start - prev.end <= 120:
            ctype, subject = prev.type, prev.subject  # "1204 blessés, dont 721": a part of the previous count
        elif tolls:
            ctype, subject = "killed", "total"
        elif before is not None:  # "οι νεκροί ανέρχονται σε 2300", "yaralı sayısı 11 bin 119"
            ctype, subject = before[0], "total" if before[0] == "killed" else "unspecified"
        elif (
            bare
            and prev is not None
            and n.start - prev.end <= 80
            and not re.search(r"[.;!?。]", art.text[prev.end : n.start])
        ):
            # an elliptic list: "21 pessoas desaparecidas: 4 em Roca Sales, 8 em Candelária"
            ctype, subject, inherited = prev.type, prev.subject, prev.object
        else:
            return None
    elif noun.cls in _TYPE_NOUNS:
        ctype = noun.cls
        subject = "total" if ctype == "killed" else "unspecified"
    elif noun.cls in _PEOPLE:
        subject = _PEOPLE[noun.cls]
        if noun.cls == "troops" and _foreign_near(art, noun, s0, s1):
            subject = "foreign_troops"
        if harm is not None and harm != "destroyed":
            ctype = harm
        elif subject in {"security_forces", "foreign_troops"}:
            ctype = "troops"
        elif subject == "protesters" or (other is not None and other[0] == "protested"):
            ctype = "protesters"
        elif subcount is not None and prev is not None and n.start - prev.end <= 120:
            ctype = prev.type  # "1832 mensen gewond, van wie 1220 mensen ...": a part of the previous count
        else:
            return None
    elif noun.cls == "things":
        ctype = "destroyed" if harm == "destroyed" else "other"
        if ctype == "other" and (n.value or 0) <= 2:
            return None
    else:
        return None
    end = noun.end if noun is not None else n.end
    score = 0.7 if noun is not None else 0.55
    if n.value is None:
        score -= 0.15
    return Claim(
        article_id="",
        start=n.start,
        end=end,
        text=art.text[n.start : end],
        score=round(score, 3),
        component="",
        type=ctype,
        number=n.value,
        number_low=n.low,
        number_high=n.high,
        number_text=n.text,
        object=art.text[noun.start : noun.end] if noun is not None else inherited,
        hedge=hedge,
        subject=subject,
    )


def extract_window_claims(
    text: str,
    lang: str | None,
    *,
    tokens: Sequence[Token] | None = None,
    lexicon: CueLexicon | None = None,
    resources: Resources | None = None,
    article_id: str = "",
    component: str = "",
) -> list[Claim]:
    """Numeric claims of ``text`` in ``lang`` by window rules (see the module docstring)."""
    lex = lexicon or load_cues(lang, resources)
    if lex.lang == "uz" and _UZ_APOSTROPHE.search(text):
        text = _UZ_APOSTROPHE.sub("\u02bb", text)  # same length: offsets hold
        tokens = None
    toks = tokens if tokens is not None else lemmatizer(resources).tokenize(text, lex.lang)
    matches = cue_matches(lex, toks, text)
    by_start: dict[int, list[CueMatch]] = {}
    for m in matches:
        by_start.setdefault(m.start, []).append(m)
    for m in split_verb_cues(text, lex.lang):  # "nahm ... fest": the particle of a split verb is a type cue
        matches.append(m)
        by_start.setdefault(m.start, []).append(m)
    art = _Article(
        text, lex, toks, matches, by_start, without_names(find_numbers(text, lang or lex.lang), text, lex.lang)
    )
    out: list[Claim] = []
    carried: tuple[str, int] | None = None  # (claimant, paragraph start) for the paragraph's later figures
    last: tuple[str, int] | None = None  # the last claimant named in the article, and its paragraph
    k = 0
    unsourced: list[Claim] = []  # the paragraph's claims so far with no claimant of their own
    pending: tuple[str, int, int] | None = None  # claimant of a sentence with no figures, sentences left, paragraph
    for s0, s1 in sentence_spans(text):
        para = text.rfind("\n", 0, s0) + 1
        if carried is not None and carried[1] != para:
            carried = None
        while k < len(art.numbers) and art.numbers[k].start < s0:
            k += 1
        nums = []
        while k < len(art.numbers) and art.numbers[k].start < s1:
            nums.append(art.numbers[k])
            k += 1
        sent_claims: list[Claim] = []
        for n in nums:
            c = part_of(text, n, lex.lang, sent_claims[-1] if sent_claims else (out[-1] if out else None))
            c = c or _claim_for(art, n, s0, s1, sent_claims[-1] if sent_claims else None)
            if c is not None:
                sent_claims.append(c)
        impersonal = any(m.label == "impersonal" and s0 <= m.start < s1 for m in art.matches)
        if not sent_claims:
            if unsourced and s1 - s0 <= 200:  # "... 18 people died. This was reported by the minister X."
                span = _claimant(art, s0, s1, said_only=True) or _next_source(art, s0, s1)
                if span is not None:
                    last = (text[span[0] : span[1]], para)
                    for c in unsourced:
                        c.claimant = last[0]
                        c.claimant_score = PARAGRAPH if text.rfind("\n", 0, c.start) + 1 == para else ARTICLE
            elif not unsourced:  # "Bu barədə AFAD məlumat yayıb. Bildirilib ki, ... 1762 nəfərdir."
                span = _claimant(art, s0, s1)
                if span is not None:
                    pending = (text[span[0] : span[1]], 2, para)
                    if carried is not None and carried[0] != pending[0]:
                        carried = None  # another source spoke since: the earlier one is not carried past it
                elif impersonal:
                    carried = None
            unsourced = []
            if pending is not None:
                pending = (pending[0], pending[1] - 1, pending[2]) if pending[1] > 1 else None
            continue
        found = _sourced(art, s0, s1)
        span = found[0] if found is not None else None
        name: str | None = None
        score: float | None = None
        if span is not None and _same_source(art, span):
            span = None  # "selon la même source": the source named before, if any
            if last is not None:
                name, score = last[0], PARAGRAPH if last[1] == para else ARTICLE
        elif span is not None:
            name, score = text[span[0] : span[1]], found[1] if found is not None else None
        elif impersonal and pending is None:
            carried = None  # "Сообщается, что ...": a report that names no one, not the last figure's source
        elif last is not None and _pronoun_said(art, s0, s1):
            name = last[0]  # "Він додав, що ...": the speaker named before, across paragraphs too
            score = PARAGRAPH if last[1] == para else ARTICLE
        elif carried is not None and not impersonal:
            name, score = carried[0], PARAGRAPH
        elif pending is not None and (pending[2] == para or impersonal):
            # "AFAD put out figures. | Bildirilib ki, ... 1762 nəfərdir.": into a later paragraph only as the source of
            # an impersonal report; a new paragraph telling what someone did ("警方逮捕了15名抗議者" after a quoted
            # minister) names no source
            name = pending[0]
            score = PARAGRAPH if pending[2] == para else ARTICLE
            carried = (name, para)
        pending = None
        if span is not None:
            carried = (text[span[0] : span[1]], para)
            last = carried
        same_para = bool(unsourced) and text.rfind("\n", 0, unsourced[-1].start) + 1 == para
        unsourced = [] if name is not None else (unsourced if same_para else []) + sent_claims
        for c in sent_claims:
            c.claimant = name
            c.claimant_score = score
            if span is not None and score == OWN_CLAUSE and _other_clause(text, span, c):
                c.claimant_score = OWN_SENTENCE
            c.article_id = article_id
            c.component = component
            out.append(c)
    _share_sources(out)
    return drop_non_arrests(out, text, lex.lang, matches)


def _share_sources(claims: list[Claim]) -> None:
    """A figure the article repeats (the headline's "1014 vittime", the body's "ammontano a 1014 ... lo rende noto
    l'Afad") is one claim: its unsourced mentions take the source another mention gives (a hedge stays the
    mention's own)."""
    by_figure: dict[tuple[str, float], list[Claim]] = {}
    for c in claims:
        if c.number is not None:
            by_figure.setdefault((c.type, float(c.number)), []).append(c)
    for same in by_figure.values():
        claimant = next((c.claimant for c in same if c.claimant), None)
        for c in same:
            if c.claimant is None and claimant is not None:
                c.claimant, c.claimant_score = claimant, ARTICLE


def _same_source(art: _Article, span: tuple[int, int]) -> bool:
    """Whether a claimant phrase refers back to the source named before ("la même source", "тот же источник")."""
    return any(m.label == "same_source" and m.start < span[1] and span[0] < m.end for m in art.matches)


def _other_clause(text: str, span: tuple[int, int], claim: Claim) -> bool:
    """Whether a ``;`` parts the claimant from the figure ("X said 19 died; 500 were hurt in the next town")."""
    lo, hi = (span[1], claim.start) if span[1] <= claim.start else (claim.end, span[0])
    return re.search(r"[;；؛]", text[lo:hi]) is not None


def _pronoun_said(art: _Article, s0: int, s1: int) -> bool:
    """Whether a reporting verb of the sentence has a pronoun for subject ("Він додав", "他在发布会上表示")."""
    for m in art.matches:
        if m.label != "said" or not s0 <= m.start < s1:
            continue
        pos = _skip_back(art, m.start, s0, said=True)
        if art.lex.lang == "zh":
            loc = re.search(r"在[^，。,、\d]{1,12}[上中时]\s*$", art.text[max(s0, pos - 16) : pos])
            pos = max(s0, pos - 16) + loc.start() if loc is not None else pos
        i = art.token_index(pos) - 1
        if i >= 0 and art.tokens[i].end > s0 and art.tokens[i].folded in art.lex.pronouns:
            return True
        if art.lex.segmented and any(art.text[max(s0, pos - len(w)) : pos] == w for w in art.lex.pronouns):
            return True
    return False


def _refers_back(art: _Article, s0: int, s1: int) -> bool:
    """Whether the sentence opens with a word pointing back at the one before ("Dies", "Об этом", "This", "Bunu",
    "Cela", "Así lo"): a sentence of the source alone, whose figures came before."""
    i = art.token_index(s0)
    head = [t.folded for t in art.tokens[i : i + 2] if t.start < s1]
    return bool(head) and (
        head[0] in art.lex.pronouns or (head[0] in art.lex.stop and head[1:2] != [] and head[1] in art.lex.pronouns)
    )


def _next_source(art: _Article, s0: int, s1: int) -> tuple[int, int] | None:
    """The source a figure-less sentence names for the figures before it when it points back at them ("This was
    reported by the ministry.", "Об этом сообщили в МВД.", "Dies berichten Augenzeugen."): its ``according`` cue, or
    the agent after a passive report, or the subject after an inverted reporting verb."""
    if not _refers_back(art, s0, s1):
        return None
    span = _claimant(art, s0, s1)
    if span is not None:
        return span
    for m in art.matches:
        if m.label in {"impersonal", "said"} and s0 <= m.start < s1:
            pos = m.end
            i = art.token_index(pos)
            if i < len(art.tokens) and art.tokens[i].start < s1 and art.tokens[i].folded in art.lex.stop:
                pos = art.tokens[i].end  # "reported | by the ministry", "сообщили | в МВД"
            after = _forward(art, pos, s1) or _inverted(art, m.end, s1)
            if after is not None and _valid_claimant(art, after):
                return after
    return None
