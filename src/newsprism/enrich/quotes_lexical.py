"""Quotes without an English parse: every language's quotation marks and its cue verbs, lemmatised.

For each pair of quotation marks, the words right after the closing mark (``», заявил Токаев.``, ``», a déclaré
le ministre``, ``”，王毅说。``) and right before the opening one (``Tokayev erklärte: „...“``) are searched for a
cue of the article's language (``resources/cues.yaml``, matched on lemmas by :class:`~newsprism.enrich.lemmas.
CueMatcher`, so ``заявил``, ``заявила`` and ``заявляет`` all match ``заявить``). The speaker is who stands next to the
cue (:func:`~newsprism.enrich.speakers_lexical.speaker_in`): a person or organisation the entities stage found there,
a run of capitalised words, a role with its complement (``le ministre``, ``глава МЧС``), a pronoun or a statement
resolved to whom it stands for, or the rules of a script without capitals (Chinese, Japanese, Korean, Arabic,
Persian); a cue with no subject of its own (``«...», añadió.``) takes the one spoken of just before, and a quote that
opens its paragraph after ``Токаев заявил:`` takes that cue's speaker. A cue before the quote with words of its own
between them (``a affirmé que la situation était « sous contrôle »``) makes a ``mixed`` quote spanning those words.
A verb of calling or describing (``calling`` in ``cues.yaml``: ``bezeichnete die Proteste als „gezielte
Provokation“``, ``称其为“破坏性行动”``) attributes a quoted phrase of two words or more, never one quoted word; a
quoted word after "so-called" (``так называемые «эксперты»``, ``sogenannte``, ``cosiddetti``) is never a quote, and
an exclamation of two to five words quoted alone (``"Oh, figlio mio!"``) is one even with no cue.
A paragraph opened by a dash (``– Se oli pelottavaa, Elazigissa asuva Melahat Can kertoi.``, ``— Мы справимся, —
заявил он.``) is a quote up to the comma or dash after which the rest of its sentence is an attribution: a cue and
at most 15 words. An attribution between dashes inside the marks (``«Da quando sono segretaria – ha detto – ...»``)
attributes the quote, whose two parts are kept; a headline names its speaker by a colon (``«...»: Ребров ...``,
``Токаев: «...»``); Japanese ``と`` after the closing mark is a cue; a quote with no speaker of its own followed in
its sentence by an attributed one (``"..." et "..." n'est à déplorer, a rassuré X``) shares that attribution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Entity, Item, Quote, Span
from .lemmas import CueMatch, CueMatcher, Lemmatizer, Token, fold, lemmatizer
from .quote_marks import QuoteMark
from .speakers_lexical import (
    HEAD_FINAL,
    UNCASED,
    SpeakerWords,
    antecedent,
    demonstrative_holder,
    headline_speaker,
    load_speaker_words,
    role_holder,
    speaker_in,
)

if TYPE_CHECKING:
    from ..pipeline import Resources
    from .mentions import MentionIndex
    from .quotes import Cues

__all__ = ["cue_matcher", "lexical_quotes"]

Found = tuple[int, int, str]

COMPONENT = "quotes.rules.v1"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЄІЇҐӘҒҚҢӨҰҮҺІ\u0386\u0388-\u038f\u0391-\u03abԱ-Ֆ"  # Latin, Cyrillic, Greek, Armenian
_CAP = re.compile(
    rf"[{_UPPER}][\w’'.-]*(?:[ \u00a0-](?:(?:de|van|von|der|di|da|del|la|le|ibn|bin)[ \u00a0])?"
    rf"[{_UPPER}][\w’'.-]*){{0,3}}"
)
_SEGMENTED = {"zh", "ja"}
#: conjunctions that open a reported clause ("que", "dass", "что" ...): not words of the content
_THAT = {
    *("that", "que", "qu", "dass", "daß", "что", "чтобы", "що", "щоб", "że", "iż", "che", "ki", "diye", "dat", "att"),
    *("أن", "أنّ", "إن", "إنّ", "بأن", "بأنّ", "إنه", "أنه", "وأن", "وان", "که", "რომ"),
}
_HEAD_CHARS = 160
#: a period after a title or a one- or two-letter lower-case abbreviation ends no sentence ("Όπως είπε ο κ. Γάτσας",
#: "г. Алматы", "Dr. Weber")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[^\W\d_A-ZА-ЯΑ-Ω]{1,2}|Mr|Mrs|Ms|Dr|Prof|Sen|Gen|St|Sr|Jr|Hr|Fr|Pr)$")
#: Japanese "と" right after a quote marks what was said (「...」と語った, 「...」と頭を下げた); not a name
#: (「...」という), a reported content (「...」との見方) or a role (「...」として)
_JA_QUOTATIVE = re.compile(r"と(?!いう|いっ|いわ|の|して|した|する|され|なる|なっ|も)")
#: "Bakana göre", "Poliisin mukaan", "AFAD szerint": the source stands before the phrase
_SPEAKER_BEFORE_ACCORDING = {"tr", "ja", "ko", "fi", "hu", "kk", "ky", "uz", "az", "ka"}
_DASH_CUT = re.compile(r",[ \u00a0]*[–—][ \u00a0]+|,[ \u00a0]+|[ \u00a0]+[–—][ \u00a0]+")
_ATTRIBUTION_WORDS = 15
_AGE_AFTER = re.compile(r"\d{1,3}[ \u00a0]*,")
_AGE_BEFORE = re.compile(r",[ \u00a0]*\d{1,3}$")
#: articles that open a capitalised run but are not a name ("Le président", "Die Ministerin Anna Weber")
_DETERMINERS = {
    "the",
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "el",
    "los",
    "las",
    "il",
    "lo",
    "gli",
    "i",
    "o",
    "os",
    "a",
    "as",
    "una",
    "uno",
}
_PARTICLES = "はがもの"
_TAIL_CHARS = 120


def cue_matcher(cues: Cues, lang: str, resources: Resources | None = None) -> CueMatcher | None:
    """The cue matcher of ``lang`` (verbs and "according to" phrases), cached on ``resources``."""

    def build(_: object = None) -> CueMatcher | None:
        entry = cues.languages.get(lang)
        if lang == "en":
            words = [*cues.verbs, *cues.according, "said", "says", "told"]
            return CueMatcher([("verb", w) for w in words], "en")
        if not entry:
            return None
        pairs = [("verb", v) for v in entry.get("verbs", ())] + [("according", a) for a in entry.get("according", ())]
        pairs += [("calling", c) for c in entry.get("calling", ())]
        return CueMatcher(pairs, lang, lemmas=lemmatizer(resources))

    if resources is None:
        return build()
    return resources.get(f"quotes.cues.matcher:{lang}", build)


_OPENING_CHARS = 80


@dataclass(frozen=True, slots=True)
class Anaphors:
    """The openings of a sentence that point back at the quote before it (``anaphors`` and ``anaphors_said`` of a
    language in ``resources/cues.yaml``), by kind: ``said`` (complete attributions), ``next`` (an entry ending in
    ``+``: the cue must follow at once) and ``cue``; an entry ending in ``*`` matches a word's beginning."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    def match(self, sentence: str) -> tuple[str, int] | None:
        """The kind and length of the longest opening of ``sentence`` (matched lower-cased)."""
        low = "".join(ch.lower()[:1] for ch in sentence[:_OPENING_CHARS])  # as long as the text ("İ" -> "i")
        found = [(m.end(), kind) for kind, pattern in self.patterns if (m := pattern.match(low)) is not None]
        if not found:
            return None
        end, kind = max(found)
        return kind, end


@dataclass(frozen=True, slots=True)
class Openers:
    """What a language's ``resources/cues.yaml`` entry says around a quote besides its verbs: the openings of a next
    sentence that name its speaker (``anaphors``, ``anaphors_said``), the words opening a sentence with whose view
    follows (``in_view_of``: ``Para``) and the verbs by which a medium relays another's words (``relaying``)."""

    anaphors: Anaphors | None = None
    in_view_of: re.Pattern[str] | None = None
    relaying: frozenset[str] = frozenset()


def language_openers(cues: Cues, lang: str, resources: Resources | None = None) -> Openers:
    """The :class:`Openers` of ``lang``, built once and cached on ``resources``."""

    def alternatives(entries: Sequence[str]) -> re.Pattern[str]:
        out = []
        for entry in sorted(entries, key=len, reverse=True):
            word = entry.rstrip("+*")
            body = r"\s+".join(re.escape(w) for w in word.lower().split()).replace("'", "['’]")
            out.append(body + ("" if entry.endswith("*") else r"(?!\w)"))
        return re.compile("|".join(out))

    def build(_: object = None) -> Openers:
        entry = cues.languages.get(lang) or {}
        groups = [
            ("said", list(entry.get("anaphors_said", ()))),
            ("cue", [e for e in entry.get("anaphors", ()) if not e.endswith("+")]),
            ("next", [e for e in entry.get("anaphors", ()) if e.endswith("+")]),
        ]
        patterns = tuple((kind, alternatives(es)) for kind, es in groups if es)
        views = entry.get("in_view_of", ())
        return Openers(
            anaphors=Anaphors(patterns) if patterns else None,
            in_view_of=(
                re.compile(r"[ \u00a0]*(?:" + "|".join(map(re.escape, views)) + r")[ \u00a0]+", re.IGNORECASE)
                if views
                else None
            ),
            relaying=frozenset(entry.get("relaying", ())),
        )

    if resources is None:
        return build()
    return resources.get(f"quotes.cues.openers:{lang}", build)


def lexical_quotes(
    text: str,
    marks: Sequence[QuoteMark],
    *,
    cues: Cues,
    lang: str,
    entities: Sequence[Item] = (),
    mentions: MentionIndex | None = None,
    article_id: str = "",
    resources: Resources | None = None,
) -> list[Quote]:
    """Quotes of ``text`` found from its quotation marks and the cue verbs of ``lang`` (see the module docstring)."""
    matcher = cue_matcher(cues, lang, resources) or cue_matcher(cues, "en", resources)
    if matcher is None:
        return []
    lem = lemmatizer(resources)
    persons = _names(entities, mentions, _PEOPLE)
    ctx = _Context(
        text,
        lang,
        matcher,
        lem,
        _names(entities, mentions, _PEOPLE_AND_BODIES),
        persons,
        load_speaker_words(lang, resources),
        kinds={(s, e): "person" for s, e, _ in persons},
        openers=language_openers(cues, lang, resources),
    )
    out: list[Quote] = []
    prev: Quote | None = None
    for mark in marks:
        window = 6
        if mark.dash:
            cut = _cut_attribution(text, mark, matcher, lem, lang)
            if cut is mark and text[: mark.open].rstrip(" \t\u00a0")[-1:] not in ("", "\n"):
                continue  # a dash inside a paragraph opens a quote only when an attribution closes it
            mark, window = cut, _ATTRIBUTION_WORDS
        if _so_called(text, mark):
            continue  # "так называемые «эксперты»", "die sogenannten „Experten“": scare quotes, nobody speaks
        q = _attribute(text, mark, ctx, article_id, window=window)
        if q is None:
            words = len(text[mark.start : mark.end].split())
            if prev is not None and prev.speaker and _close_after(text, prev, mark):
                q = Quote(
                    article_id=article_id,
                    start=mark.start,
                    end=mark.end,
                    text=text[mark.start : mark.end],
                    score=0.5,
                    component=COMPONENT,
                    speaker=prev.speaker,
                    speaker_text=prev.speaker_text,
                    speaker_start=prev.speaker_start,
                    speaker_end=prev.speaker_end,
                    cue=prev.cue,
                )
            elif (
                words >= 6
                or (lang in _SEGMENTED and mark.end - mark.start >= 12)
                or _exclaimed(text, mark)
                or _in_title(text, mark, lang)
            ):
                q = Quote(
                    article_id=article_id,
                    start=mark.start,
                    end=mark.end,
                    text=text[mark.start : mark.end],
                    score=0.3,
                    component=COMPONENT,
                )
            else:
                continue  # a short quoted term with no cue: a label or a title, not speech
        out.append(q)
        prev = q
        if q.speaker and q.speaker_start is not None and q.speaker_end is not None:
            ctx.previous = ((q.speaker_start, q.speaker_end, q.speaker), q.end)
    _share_forward(text, out)
    _share_repeated(out)
    return out


_REPEAT_SHARE = 0.6
_REPEAT_WORDS = 3


def _share(a: Quote, b: Quote, score: float) -> None:
    """``a`` takes ``b``'s speaker, its evidence and cue, no surer than ``score``."""
    a.speaker, a.speaker_text, a.speaker_id = b.speaker, b.speaker_text, b.speaker_id
    a.speaker_start, a.speaker_end, a.cue = b.speaker_start, b.speaker_end, b.cue
    a.score = round(min(b.score, score), 3)


def _share_repeated(quotes: list[Quote]) -> None:
    """A quote with no speaker whose words another, attributed quote of the article repeats (a headline quoting the
    body: "Divanda yatmışdım, gördüm ayağıma su dəydi" ... "Gördüm, ayağıma su dəydi", qeyd edib Namiq Hüseynov)
    takes that quote's speaker: three words or more in common, and most of the shorter one's words."""
    words = [{w.casefold() for w in re.findall(r"\w+", q.text)} for q in quotes]
    for q, mine in zip(quotes, words, strict=True):
        if q.speaker is not None or len(mine) < _REPEAT_WORDS:
            continue
        for other, theirs in zip(quotes, words, strict=True):
            if other is q or other.speaker is None:
                continue
            shared = len(mine & theirs)
            if shared >= _REPEAT_WORDS and shared >= _REPEAT_SHARE * min(len(mine), len(theirs)):
                _share(q, other, 0.5)
                break


#: what may stand between two quotes of one attribution: "«...», «...», — сказал он", "”며 “", "" et ""
_CHAIN_WORDS = 3


def _share_forward(text: str, quotes: list[Quote]) -> None:
    """A quote with no speaker followed in the same sentence by an attributed quote, with at most three words
    between (``"Toutes ont regagné ..." et "aucune victime" n'est à déplorer, a rassuré ...``, ``“...”며 “...”고
    답했다``), shares that quote's attribution."""
    for a, b in zip(reversed(quotes[:-1]), reversed(quotes[1:]), strict=True):
        if a.speaker is not None or b.speaker is None or b.start < a.end:
            continue
        gap = text[a.end : b.start]
        if "\n" in gap or _SENTENCE_END.search(gap.strip(" \u00a0\"'”»」』“«„")) or len(gap.split()) > _CHAIN_WORDS:
            continue
        _share(a, b, 0.6)


def _cut_attribution(text: str, mark: QuoteMark, matcher: CueMatcher, lem: Lemmatizer, lang: str) -> QuoteMark:
    """A dash-opened paragraph up to the comma or dash that starts its attribution: the first one after which the
    rest of the sentence holds a cue within 15 words, moved on to the last comma or dash before that cue (an age
    between commas, "Liisa Koski, 47, kertoi", is no cut); the whole paragraph when no cue follows."""
    cuts = [
        c
        for c in _DASH_CUT.finditer(text, mark.start, mark.end)
        if not _AGE_AFTER.match(text, c.end()) and not _AGE_BEFORE.search(text, max(0, c.start() - 8), c.start())
    ]
    for cut in cuts:
        rest = text[cut.end() : mark.end]
        sentence = re.match(r".*?[.!?…](?=\s|$)", rest, re.S)
        if sentence is not None:
            rest = rest[: sentence.end()]
        if len(rest.split()) > _ATTRIBUTION_WORDS:
            continue
        hits = matcher.find(lem.tokenize(rest, lang), None)
        if not hits:
            continue
        cue_at = cut.end() + hits[0].start
        last = max((c for c in cuts if c.end() <= cue_at), key=lambda c: c.start(), default=cut)
        end = last.start()
        while end > mark.start and text[end - 1] in " \u00a0":
            end -= 1
        if end > mark.start:
            return QuoteMark(mark.open, end, mark.start, end, True, dash=True)
    return mark


#: "so-called" before a quoted word marks scare quotes (the word is the writer's, not a speaker's)
_SO_CALLED = re.compile(
    r"(?:so[- ]called|так[ \u00a0]+называем\w*|так[ \u00a0]+звані?\w*|sogenannt\w*|so[ \u00a0]+genannt\w*|"
    r"soi-disant\w*|prétendu\w*|llamad[oa]s?|supuest[oa]s?|cosiddett[oaie]|sedicent[ei]|tak[ \u00a0]+zwan\w*|"
    r"sözde|所谓(?:的)?|いわゆる)[ \u00a0]*$",
    re.IGNORECASE,
)


#: a page's title is one of its first lines, short, with no full stop at its end
_TITLE_LINES = 4
_TITLE_CHARS = 250


def _in_title(text: str, mark: QuoteMark, lang: str) -> bool:
    """A quote of two words or more (four characters in Chinese and Japanese), not all capitalised, in the page's
    title: the words a headline gives someone (``«Олай деп айтқым келген жоқ». Әкім халықтан кешірім сұрады``,
    ``대통령실, 野 박진 해임 요구에 “여당에서 답할 문제”``); a title quotes names too, of one word (``«Зенит»``)."""
    if mark.dash or text.count("\n", 0, mark.open) > 2 * _TITLE_LINES:
        return False
    line_start = text.rfind("\n", 0, mark.open) + 1
    if len([ln for ln in text[:line_start].split("\n") if ln.strip()]) >= _TITLE_LINES:
        return False
    line_end = text.find("\n", mark.close)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if len(line) > _TITLE_CHARS or (line.endswith(".") and not line[:-1].rstrip().endswith(tuple('»”"」'))):
        return False
    inner = text[mark.start : mark.end].strip()
    if lang in _SEGMENTED:
        return len(inner) >= 4
    words = inner.split()
    if lang in UNCASED:  # no capitals to tell a name: "روسيا اليوم" is a channel
        return len(words) >= 3
    return len(words) >= 2 and not all(w[:1].isupper() for w in words)


def _so_called(text: str, mark: QuoteMark) -> bool:
    return mark.open > 0 and _SO_CALLED.search(text, max(0, mark.open - 24), mark.open) is not None


def _exclaimed(text: str, mark: QuoteMark) -> bool:
    """Two to five words ending in "!" inside the marks, not all capitalised (a title such as "Mamma Mia!"): an
    exclamation quoted alone ("Oh, figlio mio!"), speech even with no cue beside it."""
    inner = text[mark.start : mark.end].rstrip()
    words = inner.split()
    if not inner.endswith("!") or not 2 <= len(words) <= 5:
        return False
    return not all(w[:1].isupper() for w in words if w[:1].isalpha())


def _close_after(text: str, prev: Quote, mark: QuoteMark) -> bool:
    gap = text[prev.end : mark.open]
    return "\n" not in gap.strip() and len(gap.split()) <= 25


def _names(entities: Sequence[Item], mentions: MentionIndex | None, kinds: frozenset[str]) -> list[Found]:
    out = [
        (e.start, e.end, e.canonical or e.text)
        for e in entities
        if isinstance(e, Entity) and e.type in kinds | ({"organization"} if "organisation" in kinds else set())
    ]
    if mentions is not None:
        out += [(s, e, name) for s, e, kind, name in mentions.mentions if kind in kinds]
    return sorted(set(out))


_SENTENCE_END = re.compile(r"[.!?։](?:\s|$)|[。！？]")
_PEOPLE_AND_BODIES = frozenset({"person", "organisation"})
_PEOPLE = frozenset({"person"})
#: languages whose cue opens the clause, the speaker after it ("وقال وزير الداخلية ...")
_VERB_FIRST = frozenset({"ar"})


@dataclass(slots=True)
class _Context:
    """What the speaker search of one article needs: its text and language, the cue matcher, the names the entities
    stage found, the language's speaker words."""

    text: str
    lang: str
    matcher: CueMatcher
    lem: Lemmatizer
    names: list[Found]
    persons: list[Found]
    words: SpeakerWords

    #: the kind of each name the entities stage found, by its span
    kinds: dict[tuple[int, int], str] = field(default_factory=dict)
    #: where the quote being attributed opens: whom a pronoun stands for is sought before it, never inside it
    opens: int = 0
    #: the speaker of the last attributed quote before it and where that quote ends (for pronouns after it)
    previous: tuple[Found, int] | None = None
    #: the language's next-sentence anaphors, "in the view of" openers and relaying verbs (:class:`Openers`)
    openers: Openers = field(default_factory=Openers)

    def resolve(self, at: int) -> Found | None:
        """Whom a pronoun, a statement or a verb without a subject at ``at`` stands for."""
        at = min(at, self.opens)
        previous = self.previous if self.previous is not None and self.previous[1] <= at else None
        return antecedent(self.text, at, self.lang, self.words, self.persons, self.cue_speaker_before, previous)

    def cue_hits(self, lo: int, hi: int) -> list[CueMatch]:
        """The cues of the language in ``text[lo:hi]``, at their places in the text."""
        if self.lang in _SEGMENTED:
            return [CueMatch(h.label, h.start + lo, h.end + lo, h.cue) for h in self.matcher.find([], self.text[lo:hi])]
        toks = self.lem.tokenize(self.text[lo:hi], self.lang)
        return self.matcher.find([Token(t.start + lo, t.end + lo, t.text, t.lemma) for t in toks], None)

    def cue_speaker_before(self, at: int) -> Found | None:
        """The speaker of the nearest cue in the two sentences before ``at`` (not a pronoun)."""
        text, lang = self.text, self.lang
        lo = max(0, at - 400)
        ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, at)]
        if len(ends) >= 3:
            lo = ends[-3]
        for cue in reversed(self.cue_hits(lo, at)):
            s_lo = max([lo, *(e for e in ends if e <= cue.start)])
            s_hi = min([at, *(e for e in ends if e > cue.end)])
            # "заявил министр ...:" names the speaker right after the cue; "Сергій Ребров прокоментував нічию з
            # Англією ...:" before it (a name further after the cue is an object)
            sides = [(cue.end, s_hi, False, 3), (s_lo, cue.start, True, None), (cue.end, s_hi, False, None)]
            if lang in HEAD_FINAL or lang in _SEGMENTED or lang == "fa":
                sides = [(s_lo, cue.start, True, None), (cue.end, s_hi, False, None)]
            for a, b, last, within in sides:
                sp = speaker_in(
                    text,
                    a,
                    b,
                    lang,
                    self.words,
                    self.names,
                    last=last,
                    kinds=self.kinds,
                    subject=cue.label == "verb",
                    within=within,
                )
                said = fold(text[sp[0] : sp[1]]) if sp is not None else ""
                if sp is not None and said not in self.words.pronouns and not said.startswith(self.words.statements):
                    return role_holder(text, sp, lang, self.words, self.persons)
        return None

    def stands_for(self, sp: Found) -> bool:
        """The speaker span is a pronoun or a statement named by whom it stands for (less sure than a name)."""
        said = fold(self.text[sp[0] : sp[1]])
        return said in self.words.pronouns or said.startswith(self.words.statements) or said == "그"

    def near(
        self, spans: Sequence[tuple[int, int, bool]], *, subject: bool = True, within: int | None = None
    ) -> Found | None:
        """The first speaker found in ``spans`` (each: start, end, whether the speaker is the last one there);
        ``subject``: a cue verb's subject (not an "according to" phrase's name), never after a preposition;
        ``within``: only a speaker within that many words of a span's start."""
        for lo, hi, last in spans:
            sp = speaker_in(
                self.text,
                lo,
                hi,
                self.lang,
                self.words,
                self.names,
                last=last,
                resolve=self.resolve,
                kinds=self.kinds,
                subject=subject,
                within=within,
            )
            if sp is not None:
                sp = demonstrative_holder(self.text, sp, self.lang)
                return role_holder(self.text, sp, self.lang, self.words, self.persons)
        return None


def _attribute(
    text: str,
    mark: QuoteMark,
    ctx: _Context,
    article_id: str,
    *,
    window: int = 6,
) -> Quote | None:
    matcher, lem, lang = ctx.matcher, ctx.lem, ctx.lang
    ctx.opens = mark.open
    line_end = text.find("\n", mark.close)
    line_end = len(text) if line_end < 0 else line_end
    t_lo, t_hi = min(mark.close + 1, len(text)), min(line_end, mark.close + 1 + _TAIL_CHARS)
    tail = text[t_lo:t_hi]
    stop = re.search(r"[.!?。！？։](?:\s|$)|[«“„「『\"]", tail)
    if stop:
        tail = tail[: stop.start() + 1]
    contrast = _CONTRAST.search(tail)
    if contrast:  # "Ганьба!" і "Пропускай", а правоохоронці закликали ...: the cue after "а" is another subject's
        tail = tail[: contrast.start()]
    line_start = text.rfind("\n", 0, mark.open) + 1
    h_lo = max(line_start, mark.open - _HEAD_CHARS)
    head = text[h_lo : mark.open]
    stop_h = [
        m
        for m in re.finditer(r"[.!?。！？»”」』\"։]\s+|[.!?。！？」』]|(?<=[.!?。！？…])[»”\"]", head)
        if not (m.group().startswith(".") and _ABBREVIATION.search(head, 0, m.start()))
    ]
    if stop_h:
        h_lo += stop_h[-1].end()
        head = text[h_lo : mark.open]
    # after the quote: "», заявил Токаев" / "», Токаев заявил" / "”，王毅说"
    tail_toks = [Token(t.start + t_lo, t.end + t_lo, t.text, t.lemma) for t in lem.tokenize(tail, lang)]
    if lang in _SEGMENTED:
        hits = [CueMatch(h.label, h.start + t_lo, h.end + t_lo, h.cue) for h in matcher.find([], tail)]
        hits = [h for h in hits if h.start - t_lo <= 12]
    else:
        opening = ctx.openers.anaphors.match(tail.lstrip(" \u00a0,-–—")) if ctx.openers.anaphors is not None else None
        if opening is not None and opening[0] != "said":  # «...», — об этом в среду заявил ...
            window = max(window, _ANAPHOR_CUE_WORDS + 3)
        hits = matcher.find(tail_toks[:window], None)
    if (
        hits
        and hits[0].cue in ctx.openers.relaying
        and any(h.label == "verb" and h.cue not in ctx.openers.relaying for h in ctx.cue_hits(h_lo, mark.open))
    ):
        hits = []  # закликали "...", пише Громадське: the medium relays the words of the one named before the quote
    if not hits and lang == "ja" and _JA_QUOTATIVE.match(tail):
        hits = [CueMatch("verb", t_lo, t_lo + 1, "と")]  # 「ありがとうございます」と頭を下げ: the quotative particle
    if hits:
        cue = hits[0]
        if cue.label == "calling" and _one_word(text, mark, lang):
            return None  # "nannte den Plan einen „Neustart“": a single word called so is a scare quote
        if cue.label == "according":
            spans = (
                [(h_lo, mark.open, True)] if lang in _SPEAKER_BEFORE_ACCORDING else [(cue.end, t_lo + len(tail), False)]
            )
        elif lang == "ja":  # verb-final: who speaks stands before the verb, never after it
            spans = [(t_lo, cue.start, True), (h_lo, mark.open, True)]
        else:
            spans = [(t_lo, cue.start, True), (cue.end, t_lo + len(tail), False), (h_lo, mark.open, True)]
        sp = ctx.near(spans, subject=cue.label != "according")
        if sp is not None:
            score = 0.65 if ctx.stands_for(sp) else 0.8
            return _quote(text, mark.start, mark.end, "direct", sp, cue, article_id, score)
        sp = ctx.resolve(mark.open) if cue.label != "according" else None
        if sp is not None:  # "«...», añadió.": the verb's subject is the one spoken of just before
            return _quote(text, mark.start, mark.end, "direct", sp, cue, article_id, 0.6)
    # before the quote: "Токаев заявил: «...»" / "le président a affirmé que ... « ... »"
    head_toks = [Token(t.start + h_lo, t.end + h_lo, t.text, t.lemma) for t in lem.tokenize(head, lang)]
    if lang in _SEGMENTED:
        hits = [CueMatch(h.label, h.start + h_lo, h.end + h_lo, h.cue) for h in matcher.find([], head)]
    else:
        hits = matcher.find(head_toks, None)
    if hits:
        cue = hits[-1]
        if cue.label == "calling" and _one_word(text, mark, lang):
            return None
        if cue.label == "according":
            before = lang in _SPEAKER_BEFORE_ACCORDING
            spans = [(h_lo, cue.start, True)] if before else [(cue.end, mark.open, False)]
        else:
            spans = [(h_lo, cue.start, True), (cue.end, mark.open, False)]
            if lang in _VERB_FIRST:
                spans.reverse()
        sp = ctx.near(spans, subject=cue.label != "according")
        score = 0.65 if sp is not None and ctx.stands_for(sp) else 0.8
        if sp is None and cue.label != "according":
            sp, score = ctx.resolve(cue.start), 0.6
        if sp is not None and cue.end <= sp[0] and _label_after(text, sp, mark):
            return None  # "وقال الوزير لقناة "خبر ترك"": a short name quoted after the speaker's own words
        if _name_after_cue(text, cue, mark, lang):
            return None  # пишет «Диапазон»: the outlet that writes, a name, not words it says
        if sp is not None:
            between = [t for t in head_toks if t.start >= cue.end and t.folded not in _THAT]
            if lang in _SEGMENTED:
                between_chars = text[cue.end : mark.open].strip(" ：:，,")
                mixed = len(between_chars) >= 4
            else:
                mixed = len(between) >= 2 and not _speaker_in(sp, cue.end, mark.open)
            if mixed:
                first = next(t for t in head_toks if t.start >= cue.end and t.folded not in _THAT)
                if lang in _SEGMENTED:
                    start = cue.end + (
                        len(text[cue.end : mark.open]) - len(text[cue.end : mark.open].lstrip(" ：:，,"))
                    )
                else:
                    start = first.start
                return _quote(text, start, mark.close + 1, "mixed", sp, cue, article_id, score - 0.1)
            return _quote(text, mark.start, mark.end, "direct", sp, cue, article_id, score)
    view = ctx.openers.in_view_of.match(head) if ctx.openers.in_view_of is not None else None
    if view is not None:  # Para el estratega, “...” / Per la procura "..." / Pour Macron, « ... »
        sp = ctx.near([(h_lo + view.end(), mark.open, False)], subject=False, within=1)
        if sp is not None and not ctx.stands_for(sp):
            return _quote(text, mark.start, mark.end, "direct", sp, None, article_id, 0.6)
    byline = _byline(text, mark, ctx, line_start, line_end)
    if byline is not None:  # "..." - ვოლოდიმირ ზელენსკი / «...» — Владимир Путин
        return _quote(text, mark.start, mark.end, "direct", byline, None, article_id, 0.7)
    label = _headline_label(text, mark, ctx, line_start, line_end)
    if label is not None:  # «Я вважаю, що всі задоволені грою»: Ребров підбив підсумки / Токаев: «...»
        return _quote(text, mark.start, mark.end, "direct", label, None, article_id, 0.6)
    inside = None if mark.dash else _interruption(text, mark, ctx)
    if inside is not None:  # «Da quando sono segretaria – ha detto – solo due regioni ...»
        sp, cue, score, (a, b) = inside
        q = _quote(text, mark.start, mark.end, "direct", sp, cue, article_id, score)
        a = len(text[:a].rstrip(" \u00a0,"))
        b += len(text[b : mark.end]) - len(text[b : mark.end].lstrip(" \u00a0"))
        q.parts = [
            Span(article_id, mark.start, a, text[mark.start : a]),
            Span(article_id, b, mark.end, text[b : mark.end]),
        ]
        return q
    if lang in _SEGMENTED and head.rstrip(" \u00a0")[-1:] in (":", "："):  # 外援马尚也只丢下一句话：“Bad game.”
        sp = ctx.near([(h_lo, mark.open, False)])
        if sp is not None and not ctx.stands_for(sp):
            return _quote(text, mark.start, mark.end, "direct", sp, None, article_id, 0.6)
    after = _next_sentence_speaker(text, mark, ctx, line_end)
    if after is not None:  # «...». Об этом заявил министр ... / "...". Das sagte Faeser / «...». Ne è convinta ...
        return _quote(text, mark.start, mark.end, "direct", after[0], after[1], article_id, after[2])
    if not text[line_start : mark.open].strip():  # "Токаев заявил:" closing the paragraph before the quote's own
        prev_end = len(text[:line_start].rstrip())
        if prev_end > 0 and text[prev_end - 1] in ":：":
            sp = ctx.cue_speaker_before(prev_end)
            if sp is not None:
                return _quote(text, mark.start, mark.end, "direct", sp, None, article_id, 0.7)
    if lang in {"ko", "ja"}:  # a headline: 에르도안 대통령 "..."
        sp = headline_speaker(text, mark.open, lang)
        if sp is not None and _KO_PRONOUN.fullmatch(text, sp[0], sp[1]):  # 그는 "...": whom the pronoun stands for
            ante = ctx.resolve(sp[0])
            sp = (sp[0], sp[1], ante[2]) if ante is not None else None
        if sp is not None:
            return _quote(text, mark.start, mark.end, "direct", sp, None, article_id, 0.6)
    return None


#: a Korean personal pronoun with its particle (그는, 그녀가, 그들은)
_KO_PRONOUN = re.compile(r"(?:그|그녀|그들)(?:은|는|이|가)?")


#: an attribution set between dashes inside the quotation marks: «Da quando sono segretaria – ha detto – solo ...»,
#: «Мы справимся, — сказал он, — и ...»
_INSIDE_DASHES = re.compile(
    r"[ \u00a0]*(?:[–—]|(?<=[ \u00a0])-(?=[ \u00a0]))[ \u00a0]*([^–—«»“”„\"\n]{2,80}?)[ \u00a0]+(?:[–—]|-(?=[ \u00a0]))"
)


def _interruption(text: str, mark: QuoteMark, ctx: _Context) -> tuple[Found, CueMatch, float, tuple[int, int]] | None:
    """The attribution that interrupts a quote between two dashes (within its first 25 words): the speaker named
    there, else the one spoken of just before the quote (``– ha detto –``), its cue, score and where the
    interruption stands."""
    head = text[mark.start : mark.end]
    for m in _INSIDE_DASHES.finditer(head):
        if len(head[: m.start()].split()) > 25 or m.start() == 0:
            break
        lo, hi = mark.start + m.start(1), mark.start + m.end(1)
        if len(text[lo:hi].split()) > 8:
            continue
        hits = [h for h in ctx.cue_hits(lo, hi) if h.label == "verb"]
        if not hits:
            continue
        cue = hits[0]
        where = (mark.start + m.start(), mark.start + m.end())
        sp = ctx.near([(cue.end, hi, False), (lo, cue.start, True)])
        if sp is not None:
            return sp, cue, 0.65 if ctx.stands_for(sp) else 0.8, where
        sp = ctx.resolve(mark.open)
        if sp is not None:
            return sp, cue, 0.6, where
    return None


#: a comma and a conjunction of contrast after a quote open a clause with a subject of its own
_CONTRAST = re.compile(
    r",[ \u00a0]+(?:а|но|але|однако|but|whereas|while|mais|alors que|tandis que|pero|mientras|ma|mentre|"
    r"aber|während|ale|natomiast|maar|terwijl|mas|enquanto|ενώ|αλλά)[ \u00a0]",
    re.IGNORECASE,
)
#: words between an anaphor opening the next sentence and its cue (``Об этом в среду заявил``)
_ANAPHOR_CUE_WORDS = 12
#: where a sentence ends right after a quote's closing mark: «...». Об этом ... / "Wir sind bereit." Das sagte ...
_ENDS_AFTER = re.compile(r"[ \u00a0]*[.!?…](?=[ \u00a0]+\S)")


def _next_sentence_speaker(
    text: str, mark: QuoteMark, ctx: _Context, line_end: int
) -> tuple[Found, CueMatch | None, float] | None:
    """The speaker of a quote that is a sentence of its own, named by the next sentence of its paragraph when that
    sentence opens with words pointing back at it (the language's ``anaphors`` in ``resources/cues.yaml``: ``Об
    этом``, ``Das``, ``Así lo``) and holds a cue verb (``Об этом заявил министр ...``), or opens with an attribution
    complete in itself (``anaphors_said``: ``Ne è convinta la segretaria ...``, ``A dirlo è ...``)."""
    anaphors = ctx.openers.anaphors
    if anaphors is None or mark.dash:
        return None
    after = text[mark.close + 1 : line_end]
    ended = _ENDS_AFTER.match(after)
    if ended is not None:
        lo = mark.close + 1 + ended.end()
    elif text[mark.start : mark.end].rstrip()[-1:] in (".", "!", "?", "…") and after[:1] in (" ", "\u00a0"):
        lo = mark.close + 1
    else:
        return None
    lo += len(text[lo:line_end]) - len(text[lo:line_end].lstrip(" \u00a0"))
    end = _SENTENCE_END.search(text, lo, line_end)
    hi = end.start() if end is not None else line_end
    opening = anaphors.match(text[lo:hi])
    if opening is None or text[lo + opening[1] : hi].lstrip(" \u00a0")[:1] == ",":
        return None  # "Так, по данным МВД, ...": an adverb, not "so said"
    kind, a_end = opening[0], lo + opening[1]
    if kind == "said":
        sp = ctx.near([(a_end, hi, False)], within=_LABEL_WORDS + 2)
        return (sp, None, 0.65) if sp is not None and not ctx.stands_for(sp) else None
    cues = [h for h in ctx.cue_hits(a_end, hi) if h.label == "verb"]
    if not cues:
        return None
    cue = cues[0]
    gap = len(re.findall(r"\w+", text[a_end : cue.start]))
    if gap > (0 if kind == "next" else _ANAPHOR_CUE_WORDS):
        return None  # "Das Ministerium erklärte ...": an article, not "that is what"
    sp = ctx.near([(a_end, cue.start, ctx.lang not in HEAD_FINAL)])
    if sp is None and ctx.lang not in HEAD_FINAL:
        sp = ctx.near([(cue.end, hi, False)], within=4)
    if sp is None or ctx.stands_for(sp):
        return None
    return sp, cue, 0.7


_LABEL_WORDS = 4


def _headline_label(text: str, mark: QuoteMark, ctx: _Context, line_start: int, line_end: int) -> Found | None:
    """A headline's speaker: a quote that opens its line followed by a colon and a name (``«...»: Ребров підбив
    підсумки``), or a line that opens with a name of at most four words and a colon (``Токаев: «...»``)."""
    if ctx.lang in _SEGMENTED or ctx.lang in {"ko", "ar", "fa", "ka"} or mark.dash:
        return None
    if not text[line_start : mark.open].strip():
        after = re.match(r"[ \u00a0]*:[ \u00a0]*", text[mark.close + 1 : line_end])
        if after is None and _in_title(text, mark, ctx.lang):  # «...». Әкім халықтан кешірім сұрады
            after = re.match(r"[ \u00a0]*[.!?][ \u00a0]+", text[mark.close + 1 : line_end])
        if after is not None:
            lo = mark.close + 1 + after.end()
            sp = speaker_in(text, lo, line_end, ctx.lang, ctx.words, ctx.names, last=False, kinds=ctx.kinds, within=0)
            if sp is not None and not ctx.stands_for(sp):
                return sp
        return None
    head = text[line_start : mark.open].rstrip(" \u00a0")
    if head.endswith(":") and 1 <= len(head[:-1].split()) <= _LABEL_WORDS:
        end = line_start + len(head[:-1].rstrip())
        sp = speaker_in(text, line_start, end, ctx.lang, ctx.words, ctx.names, last=True)
        whole = sp is not None and sp[0] == line_start + len(head) - len(head.lstrip()) and sp[1] == end
        if sp is not None and whole and not ctx.stands_for(sp):
            return sp  # the whole label is the name
    return None


def _byline(text: str, mark: QuoteMark, ctx: _Context, line_start: int, line_end: int) -> Found | None:
    """A quote that opens its line and is followed by a dash and a name closing the line (an epigraph's byline:
    ``"..." - ვოლოდიმირ ზელენსკი``, ``«...» — Владимир Путин``): that name, of at most four words."""
    if mark.dash or text[line_start : mark.open].strip():
        return None
    after = re.fullmatch(r"[ \u00a0]*[-–—][ \u00a0]*(\S[^\n]*?)[ \u00a0.]*", text[mark.close + 1 : line_end])
    if after is None or len(after.group(1).split()) > _LABEL_WORDS:
        return None
    lo, hi = mark.close + 1 + after.start(1), mark.close + 1 + after.end(1)
    sp = speaker_in(text, lo, hi, ctx.lang, ctx.words, ctx.names, last=False, kinds=ctx.kinds, within=0)
    return sp if sp is not None and not ctx.stands_for(sp) else None


def _one_word(text: str, mark: QuoteMark, lang: str) -> bool:
    inner = text[mark.start : mark.end].strip()
    return len(inner) < 3 if lang in _SEGMENTED else len(inner.split()) < 2


def _name_after_cue(text: str, cue: CueMatch, mark: QuoteMark, lang: str) -> bool:
    """One or two quoted words, each capitalised, right after a cue with nothing but a space between (``пишет
    «Диапазон»``, ``berichtet „Bild“``): a name; after a colon or a comma (``сказал: «Нет»``), or ending in "!" or
    "?" (``кричали "Ганьба!"``), it is speech."""
    if lang in _SEGMENTED or text[cue.end : mark.open].strip():
        return False
    inner = text[mark.start : mark.end].strip()
    words = inner.split()
    if inner[-1:] in "!?.…":
        return False  # кричали "Ганьба!": a cry, not a name
    return 1 <= len(words) <= 2 and all(w[:1].isupper() for w in words)


def _label_after(text: str, sp: Found, mark: QuoteMark) -> bool:
    """A quote of three words or fewer with words of their own between its speaker and it: a quoted name."""
    words = [fold(w) for w in re.findall(r"\w+", text[sp[1] : mark.open])]
    if any(w in _THAT for w in words):
        return False  # "وأضاف الناصري أن التظاهر "أمر عادي"": a reported clause quotes a phrase of the speaker's
    return len(text[mark.start : mark.end].split()) <= 3 and bool(words)


def _speaker_in(sp: tuple[int, int, str], lo: int, hi: int) -> bool:
    return lo <= sp[0] < hi


def _quote(
    text: str,
    start: int,
    end: int,
    kind: str,
    sp: tuple[int, int, str],
    cue: CueMatch | None,
    article_id: str,
    score: float,
) -> Quote:
    s, e, name = sp
    return Quote(
        article_id=article_id,
        start=start,
        end=end,
        text=text[start:end],
        score=score,
        component=COMPONENT,
        speaker=name,
        speaker_text=text[s:e],
        speaker_start=s,
        speaker_end=e,
        cue=text[cue.start : cue.end] if cue is not None else None,
        kind=kind,
    )
