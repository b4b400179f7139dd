"""Who is quoted, saying what: direct, mixed and indirect quotes with their speakers (``quotes.rules.v1``).

Every quote has a ``kind``: ``direct`` (all of it inside quotation marks), ``mixed`` (a paraphrase holding a quoted
part: the quote is the whole content, ``that the election is “rigged”``), or ``indirect`` (no marks). How it works:

1. :func:`~newsprism.enrich.quote_marks.find_quote_marks` pairs quotation marks of every script one paragraph at a
   time (``“ ”``, ``« »``, ``„ “``, ``‚ ‘``, ``「 」``, ``『 』``, ``‹ ›`` ...).
2. English (a spaCy parse): each quote is attributed by :class:`~newsprism.enrich.speakers.Attributor` (the cue
   verb and its subject, ``according to X``, the name after the quote, layout). The content is the cue's complement
   that holds the quote: when it holds more than the quote, the quote is ``mixed`` and spans the whole complement.
   Marks whose contents fall in one complement make one quote.
3. A quote interrupted by its attribution (``“...,” he said, “...”``) is one quote with two ``parts``.
4. Quoted words nobody says (scare quotes, titles such as ``“Meet the Press”``, names in quote marks) are dropped:
   a short quoted noun phrase with no cue of its own, or one the trained quote model
   (:mod:`newsprism.enrich.quote_model`) scores as no quote.
5. Indirect quotes: ``X said (that) <clause>`` with no marks.
6. Other languages (no English parse): :mod:`newsprism.enrich.quotes_lexical` finds the cue verbs of the language
   (lemmatised, ``resources/cues.yaml``) beside each quote, and :mod:`newsprism.enrich.speakers_lexical` the speaker
   next to them (names, roles of ``resources/speaker_words.yaml``, pronouns resolved, scripts without capitals).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources as ilr
from typing import TYPE_CHECKING, Any

import yaml

from ..model import Item, Quote, Span
from . import nlp
from .mentions import MentionIndex, doc_mentions, np_bounds, strip_determiner, token_at
from .quote_marks import DASH_LANGUAGES, QuoteMark, find_quote_marks
from .speakers import Attribution, Attributor, _antecedent, _subject, layout_speaker, speaker_name

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry
    from .quote_model import QuoteModel

__all__ = [
    "COMPONENT",
    "Candidate",
    "Cues",
    "QuoteMark",
    "extract_quotes",
    "find_quote_marks",
    "load_cues",
    "quote_candidates",
    "register",
]

COMPONENT = "quotes.rules.v1"

#: dependency labels of a cue verb's children that hold what was said
_COMPLEMENTS = {
    "ccomp",
    "xcomp",
    "dobj",
    "obj",
    "oprd",
    "attr",
    "acomp",
    "dative",
    "parataxis",
    "advcl",
    "prep",
    "npadvmod",
    "dep",
    "conj",
    "pcomp",
    "csubj",
    "nsubjpass",
    "advmod",
}
_OUTSIDE_WORDS = {"that", "whether", "if", "to", "as", ",", ":", "—", "–", "-", "and", "but"}


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: frozenset[str]
    phrases: dict[str, tuple[str, ...]]
    nouns: frozenset[str]
    according: tuple[str, ...]
    label_verbs: frozenset[str]
    weak: frozenset[str]
    #: per language (not English): verb lemmas and "according to" phrases, matched with enrich.lemmas.CueMatcher
    languages: dict[str, dict[str, tuple[str, ...]]]

    @property
    def ru_verbs(self) -> tuple[str, ...]:
        return self.languages.get("ru", {}).get("verbs", ())


def _cue_data() -> dict[str, Any]:
    text = ilr.files("newsprism.enrich").joinpath("resources/cues.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def load_cues(resources: Resources | None = None) -> Cues:
    """The cue lexicon from ``resources/cues.yaml`` (cached on ``resources`` when given)."""

    def build(_: Any = None) -> Cues:
        data = _cue_data()
        en = data["en"]
        langs = {
            code: {k: tuple(str(x) for x in v) for k, v in (entry or {}).items() if isinstance(v, list)}
            for code, entry in data.items()
            if code != "en"
        }
        return Cues(
            verbs=frozenset(en["verbs"]),
            phrases={k: tuple(v) for k, v in en.get("phrases", {}).items()},
            nouns=frozenset(en.get("nouns", [])),
            according=tuple(en.get("according", [])),
            label_verbs=frozenset(en.get("label_verbs", [])),
            weak=frozenset(en.get("weak", [])),
            languages=langs,
        )

    return resources.get("quotes.cues", build) if resources is not None else build()


# ---------------------------------------------------------------------------------------------- candidates
@dataclass(slots=True)
class Candidate:
    """One quotation (before the model's say): its marks, content span, kind and attribution."""

    marks: list[QuoteMark]
    start: int
    end: int
    kind: str
    attr: Attribution | None
    label: bool = False  # looks like a scare quote / title
    inherited: Quote | None = None
    parts: list[tuple[int, int]] | None = None
    score: float = 0.0


def _content(att: Attributor, mark: QuoteMark, attr: Attribution | None) -> tuple[int, int, str]:
    """The content span of a quote and its kind: the cue's complement holding it (``mixed`` when it holds more than
    the quote), else the quote itself (``direct``)."""
    parsed = att.parsed
    base = (mark.start, mark.end, "direct")
    if attr is None or attr.cue_i < 0:
        return base
    qi = token_at(parsed, mark.start)
    qj = token_at(parsed, max(mark.end - 1, mark.start))
    cue = parsed[attr.cue_i]
    if attr.cue == "according to":
        head = cue.head
        if head.i == cue.i:
            return base
        toks = [t for t in head.subtree if not (cue.left_edge.i <= t.i <= cue.right_edge.i)]
    else:
        if attr.cue.split()[-1].lower() in att.cues.nouns and cue.lemma_.lower() not in att.cues.verbs:
            return base  # "X issued a statement: “...”": the statement is the quote
        if qi <= cue.head.i <= qj and cue.dep_ in {"parataxis", "advcl", "conj", "ccomp", "dep"}:
            return base  # "“...,” he said": the cue hangs off the quote
        side = [c for c in cue.children if c.dep_ in _COMPLEMENTS and (c.i > cue.i) == (qi > cue.i)]
        holder = [c for c in side if c.left_edge.i <= qj and qi <= c.right_edge.i]
        if not holder:
            return base
        if qi > cue.i:  # complements between the cue and the one holding the quote come along ("called X “Y”")
            first = min(holder, key=lambda c: c.i)
            keep = [c for c in side if c.i <= first.i and c.dep_ in {"dobj", "obj", "dative", "ccomp", "xcomp"}]
            holder = sorted({*holder, *keep}, key=lambda c: c.i)
        toks = [t for c in holder for t in c.subtree]
    if not toks:
        return base
    sentence_lo = token_at(parsed, mark.open)
    while sentence_lo > 0 and not parsed[sentence_lo].is_sent_start:
        sentence_lo -= 1
    particles = set(att.cues.phrases.get(cue.lemma_.lower(), ())) | {"it"}
    toks = sorted(
        {t.i: t for t in toks if t.i != attr.cue_i and not (t.head.i == cue.i and t.lower_ in particles)}.values(),
        key=lambda t: t.i,
    )
    if not toks:
        return base
    lo, hi = toks[0].i, toks[-1].i
    while (
        lo < hi
        and (parsed[lo].is_punct or parsed[lo].is_space or parsed[lo].lower_ in _OUTSIDE_WORDS | particles)
        and not att.inside[lo]
    ):
        lo += 1
    while hi > lo and (parsed[hi].is_punct or parsed[hi].is_space) and not att.inside[hi]:
        hi -= 1
    start = min(parsed[lo].idx, mark.start)
    end = max(parsed[hi].idx + len(parsed[hi].text), mark.end)
    if start >= mark.start:
        start = mark.open  # a paraphrase that opens or ends with the quoted words keeps the mark
    if end <= mark.end and mark.close < len(att.text):
        end = mark.close + 1
    if start >= mark.start and end <= mark.end + 1:
        return base
    outside = [
        t
        for t in parsed[token_at(parsed, start) : token_at(parsed, max(start, end - 1)) + 1]
        if not att.inside[t.i]
        and not t.is_punct
        and not t.is_space
        and t.lower_ not in _OUTSIDE_WORDS
        and not (qi <= t.i <= qj)
    ]
    if not outside:
        return base
    if attr.speaker_start < end and start < attr.speaker_end:
        return base  # the complement swallowed the speaker: the parse went astray
    if "\n" in text_of(att, start, end).strip():
        return base
    return start, end, "mixed"


def text_of(att: Attributor, start: int, end: int) -> str:
    return str(att.text[start:end])


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """Candidates whose spans overlap are one quote (two quoted fragments of one paraphrase)."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if out and c.start < out[-1].end:
            prev = out[-1]
            prev.end = max(prev.end, c.end)
            prev.marks.extend(c.marks)
            if prev.kind == "direct" and (c.kind == "mixed" or len(prev.marks) > 1):
                prev.kind = "mixed"
            prev.label = prev.label and c.label
            if prev.attr is None:
                prev.attr = c.attr
            continue
        out.append(c)
    return out


def interrupted(text: str, a: Candidate, b: Candidate) -> bool:
    """``“...,” he said, “...”``: two direct quotes of one speaker split by their attribution."""
    if a.kind != "direct" or b.kind != "direct" or a.attr is None:
        return False
    if b.attr is not None and (b.attr.speaker_start, b.attr.cue_i) != (a.attr.speaker_start, a.attr.cue_i):
        return False  # the second part has a speaker of its own
    gap = text[a.marks[-1].close + 1 : b.marks[0].open]
    if "\n" in gap or not gap.strip() or len(gap.split()) > 12:
        return False
    if not (a.attr.speaker_start >= a.end and a.attr.speaker_end <= b.start):
        return False
    tail = text[a.marks[-1].start : a.marks[-1].end].rstrip()
    gap_end = gap.rstrip()
    return tail[-1:] in {",", "—", "–", "-"} or (tail[-1:].isalnum() and gap_end[-1:] in {",", ":"})


def extract_quotes(
    text: str,
    *,
    parsed: Any = None,
    entities: Sequence[Item] = (),
    mentions: MentionIndex | None = None,
    article_id: str = "",
    cues: Cues | None = None,
    indirect: bool = True,
    language: str | None = None,
    model: QuoteModel | None = None,
    resources: Resources | None = None,
) -> list[Quote]:
    """Quotes in ``text`` with their speakers (see the module docstring). ``parsed`` is the spaCy parse of an
    English ``text`` (``None`` or another language: the lexical path); ``entities`` are items of the entities stage
    for canonical names; ``model`` the trained quote model (``None``: rules alone)."""
    cues = cues or load_cues(resources)
    lang = (language or "en").lower()
    marks = find_quote_marks(text, dash=lang in DASH_LANGUAGES)
    if parsed is None or len(parsed) == 0 or lang != "en":
        from .quotes_lexical import lexical_quotes

        return lexical_quotes(
            text,
            marks,
            cues=cues,
            lang=lang,
            entities=entities,
            mentions=mentions,
            article_id=article_id,
            resources=resources,
        )
    if mentions is None:
        mentions = MentionIndex(text, entities=entities, parsed=parsed)
    att, cands = quote_candidates(text, parsed, cues, marks)
    out: list[Quote] = []
    prev: Candidate | None = None
    prev_q: Quote | None = None
    last: Candidate | None = None
    for c in cands:
        if model is not None:
            answer, c.score = model.decide(text, parsed, att, c, last)
            last = c
            keep = answer != "none" or _sure(parsed, c)
            if answer == "marks":
                c.start, c.end = c.marks[0].start, c.marks[-1].end
                c.kind = "direct" if len(c.marks) == 1 else "mixed"
        else:
            keep = not c.label and (c.attr is not None or _continues(text, prev_q, c) or _words(text, c) >= 6)
        if not keep:
            continue
        if prev is not None and prev_q is not None and interrupted(text, prev, c):
            prev_q.parts = [
                *(prev_q.parts or [Span(article_id, prev_q.start, prev_q.end, prev_q.text)]),
                Span(article_id, c.start, c.end, text[c.start : c.end]),
            ]
            prev_q.end = c.end
            prev_q.text = text[prev_q.start : prev_q.end]
            prev.marks.extend(c.marks)
            prev.end = c.end
            continue
        q = _quote(text, c, prev_q, mentions, article_id, att)
        out.append(q)
        prev, prev_q = c, q
    if indirect:
        out.extend(_indirect(text, parsed, att, mentions, article_id, marks))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def quote_candidates(
    text: str, parsed: Any, cues: Cues, marks: Sequence[QuoteMark] | None = None
) -> tuple[Attributor, list[Candidate]]:
    """The quotations the rules propose in a parsed English text, in order, before any is kept or dropped."""
    marks = find_quote_marks(text) if marks is None else marks
    att = Attributor(text, parsed, cues, marks)
    cands: list[Candidate] = []
    for mark in marks:
        attr = layout_speaker(text, mark) or att.attribute(mark) or att.attribute_intro(mark) or att.colon_intro(mark)
        attr = attr or att.paragraph_subject(mark)
        start, end, kind = _content(att, mark, attr)
        label = att.is_label(mark, attr) if kind == "direct" else False
        cands.append(Candidate([mark], start, end, kind, attr, label))
    return att, _merge(cands)


def _sure(parsed: Any, c: Candidate) -> bool:
    """The rules are sure of a quote the model doubts: a reporting verb whose that-clause holds the quoted words."""
    a = c.attr
    if a is None or not a.linked or a.cue_i < 0 or c.kind != "mixed":
        return False
    cue = parsed[a.cue_i]
    return any(ch.dep_ == "ccomp" for ch in cue.children)


def _words(text: str, c: Candidate) -> int:
    return len(text[c.start : c.end].split())


def _quote(
    text: str, c: Candidate, prev: Quote | None, mentions: MentionIndex, article_id: str, att: Attributor
) -> Quote:
    model_score = c.score or None
    attr = att.refined(c.marks[0], c.attr) or att.sentence_subject(c.marks[0])
    if attr is not None:
        attr = att.shaped(attr)
    if attr is not None:
        q = _make(text, c.start, c.end, attr, mentions, article_id, score=0.9 if attr.linked else 0.75)
    elif prev is not None and _continues(text, prev, c):
        q = Quote(
            article_id=article_id,
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            score=0.6,
            component=COMPONENT,
            speaker=prev.speaker,
            speaker_text=prev.speaker_text,
            speaker_id=prev.speaker_id,
            speaker_start=prev.speaker_start,
            speaker_end=prev.speaker_end,
            cue=prev.cue,
        )
    else:
        q = Quote(
            article_id=article_id, start=c.start, end=c.end, text=text[c.start : c.end], score=0.3, component=COMPONENT
        )
    q.kind = c.kind
    if model_score is not None:
        q.score = round(min(q.score, 0.5 + model_score / 2), 3)
    return q


def _continues(text: str, prev: Quote | None, c: Candidate) -> bool:
    """The quote follows an attributed quote closely: in the same paragraph with a short attribution between, or
    as a paragraph that opens with a quote right after a paragraph ending in an attributed quote."""
    if prev is None or (prev.speaker is None and prev.speaker_text is None):
        return False
    mark = c.marks[0]
    gap = text[prev.end : mark.open]
    if "\n" not in gap:
        return len(gap.split()) <= 40
    lines = [ln for ln in gap.split("\n") if ln.strip()]
    para_start = text.rfind("\n", 0, mark.open) + 1
    return len(lines) <= 2 and len(gap) < 400 and len(text[para_start : mark.open].split()) <= 3


def _make(
    text: str, start: int, end: int, attr: Attribution, mentions: MentionIndex, article_id: str, *, score: float
) -> Quote:
    attr.speaker_end = _widen(text, attr.speaker_start, attr.speaker_end, mentions)
    speaker_text = text[attr.speaker_start : attr.speaker_end]
    headline = speaker_text.isupper() and (len(speaker_text.split()) >= 2 or len(speaker_text) > 12)
    if _NOT_A_SPEAKER.search(speaker_text) or headline:
        q = Quote(
            article_id=article_id,
            start=start,
            end=end,
            text=text[start:end],
            score=round(score * 0.5, 3),
            component=COMPONENT,
            cue=attr.cue,
            kind="direct",
        )
        return q  # markup (``tweet id=...``), an address or a headline in capitals is never a speaker
    speaker: str | None
    if attr.name_span is not None:
        ns, ne = attr.name_span
        speaker = mentions.name_at(ns, ne) or strip_determiner(text[ns:ne])
    else:
        speaker = speaker_name(speaker_text, attr.speaker_start, attr.speaker_end, mentions)
    if speaker is None:
        score *= 0.8
    return Quote(
        article_id=article_id,
        start=start,
        end=end,
        text=text[start:end],
        score=round(score, 3),
        component=COMPONENT,
        speaker=speaker or strip_determiner(speaker_text),
        speaker_text=speaker_text,
        speaker_id=mentions.ids.get(speaker or ""),
        speaker_start=attr.speaker_start,
        speaker_end=attr.speaker_end,
        cue=attr.cue,
        kind="direct",
    )


_NOT_A_SPEAKER = re.compile(r"[<>={}\[\]|@#]|https?:|www\.|\.(?:com|org|net)\b")


def _widen(text: str, start: int, end: int, mentions: MentionIndex) -> int:
    """``his nephew`` + `` Michery el Soheil``: a description followed right away by a person's name takes it in."""
    if not text[start:end] or text[start:end].strip().lower() in PRONOUNS:
        return end
    for s, e, kind, _ in mentions.mentions:
        if s > end + 2:
            break
        if kind == "person" and end < s <= end + 2 and not text[end:s].strip():
            return e
        if kind == "person" and _TITLE_GAP.fullmatch(text[end:s]):
            return e  # "Navy Capt. Jeff Davis", "Air Force 1st Lt. Tyler Livingston": a rank cut off at its period
    return end


_TITLE_GAP = re.compile(r"(?:\.|\s+[A-Z][a-z]{1,4}\.)\s+")


PRONOUNS = {"he", "she", "they", "i", "we", "it", "who", "that", "which", "him", "her", "his"}


def _indirect(
    text: str, parsed: Any, att: Attributor, mentions: MentionIndex, article_id: str, marks: Sequence[QuoteMark]
) -> list[Quote]:
    """``X said (that) <clause>`` with no quotation marks: the clause is the quote, kind ``indirect``."""
    out: list[Quote] = []
    for tok in parsed:
        if att.inside[tok.i] or tok.lemma_.lower() not in att.cues.verbs or tok.pos_ not in {"VERB"}:
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        subj = _subject(tok)
        if comp is None or subj is None:
            continue
        toks = [t for t in comp.subtree if not t.is_punct or t.i not in (comp.left_edge.i,)]
        if not toks:
            continue  # a complement made of one punctuation mark (a stray dash): nothing was said
        first, last = toks[0], toks[-1]
        if first.lower_ == "that" and first.dep_ == "mark" and first.i + 1 <= last.i:
            first = parsed[first.i + 1]
        while last.i > first.i and last.is_punct:
            last = parsed[last.i - 1]
        start, end = first.idx, last.idx + len(last.text)
        if end <= start or any(m.open < end and m.close >= start for m in marks) or len(text[start:end].split()) < 4:
            continue
        s, e = np_bounds(subj)
        attr = Attribution(tok.text, tok.i, s, e, True, _antecedent(subj))
        q = _make(text, start, end, attr, mentions, article_id, score=0.6)
        q.kind = "indirect"
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------------- stage
class QuoteStage:
    """The ``quotes.rules.v1`` stage: quotes of one article from its shared parse and entities."""

    def __init__(self, *, resources: Resources) -> None:
        self.resources = resources

    def prepare(self, docs: Sequence[Doc]) -> None:
        nlp.prepare_parses([d for d in docs if (d.article.language or "en").lower() == "en"])

    def __call__(self, doc: Doc) -> list[Item]:
        from .quote_model import load_quote_model

        lang = (doc.article.language or "en").lower()
        parsed = nlp.parse(doc) if lang == "en" else None
        quotes = extract_quotes(
            doc.article.body,
            parsed=parsed,
            entities=doc.items("entities"),
            mentions=doc_mentions(doc),
            article_id=doc.article.id,
            cues=load_cues(self.resources),
            language=lang,
            model=load_quote_model(self.resources) if lang == "en" else None,
            resources=self.resources,
        )
        return list(quotes)


def register(registry: Registry) -> None:
    registry.register(
        COMPONENT,
        "stage",
        requires=("entities?", "parse"),
        produces=("quotes",),
        order=60,
        description="direct, mixed and indirect quotes with speaker, cue and span (rules over the spaCy parse, "
        "a trained quote model, cue verbs and speaker words of 25 languages)",
    )(QuoteStage)
