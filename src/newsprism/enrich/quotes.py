"""Who is quoted, saying what: direct quotes (in quotation marks) and indirect ones (``X said that ...``).

How it works (``quotes.rules.v1``):

1. :func:`find_quote_marks` pairs quotation marks one paragraph at a time: curly and straight, double and single.
   An apostrophe (``Kazakhstan's``, ``don’t``) is never taken for a closing single quote, and a mark that finds no
   partner is dropped locally, so an odd number of marks never swallows the rest of the article. A quote left open
   at a paragraph's end runs to that end only when the next paragraph opens with a quotation mark (the newspaper
   convention for a quote over several paragraphs).
2. Each quote is attributed from the spaCy parse of its sentence: the nearest cue (a reporting verb from
   ``resources/cues.yaml``, ``made it clear``, ``according to``) outside the quote, preferring one whose syntactic
   subtree holds the quote; the speaker is the cue's subject (or the object of ``according to``).
3. The speaker is named: an entity from the ``entities`` stage overlapping the speaker phrase (its canonical
   name), else a PERSON/ORG from the parse, widened to the fullest form of that name in the article; ``he``/``she``
   resolves to the most recent person mentioned before.
4. A quote with no cue of its own that follows an attributed one (``“...,” he said. “...”``, or a paragraph that is
   only a quote right after an attributed quote) inherits its speaker with a lower score. A short quoted noun
   phrase that is a label (``accused ‘terrorists’ of``, ``the words ‘our home’``) is not speech and is skipped.

Without a parse (languages with no spaCy model) a regex fallback attributes ``“...,” said X`` / ``X said: “...”``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources as ilr
from typing import TYPE_CHECKING, Any

import yaml

from ..model import Item, Quote
from . import nlp
from .mentions import MentionIndex, doc_mentions, np_bounds, strip_determiner, token_at

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = [
    "COMPONENT",
    "Cues",
    "QuoteMark",
    "extract_quotes",
    "find_quote_marks",
    "load_cues",
    "register",
]

COMPONENT = "quotes.rules.v1"

_OPEN_DOUBLE = '“„«"'
_CLOSE_DOUBLE = {"“": '”"', "„": '“”"', "«": "»", '"': '"”'}
_OPEN_SINGLE = "‘‹'"
_CLOSE_SINGLE = {"‘": "’'", "‹": "›", "'": "'’"}
_OPEN_CONTEXT = " \t\u00a0([{—–-/:;,\x00"  # what may stand right before an opening mark
PRONOUNS_PERSON = {"he", "she", "him", "her"}


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """A pair of quotation marks: ``open`` and ``close`` are the indices of the marks (``close`` may be the end of
    a paragraph for a quote that continues in the next one), ``start``/``end`` the content between them."""

    open: int
    close: int
    start: int
    end: int
    double: bool


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: frozenset[str]
    phrases: dict[str, tuple[str, ...]]
    nouns: frozenset[str]
    according: tuple[str, ...]
    label_verbs: frozenset[str]
    weak: frozenset[str]
    ru_verbs: tuple[str, ...]
    ru_according: tuple[str, ...]


def _cue_data() -> dict[str, Any]:
    text = ilr.files("newsprism.enrich").joinpath("resources/cues.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def load_cues(resources: Resources | None = None) -> Cues:
    """The cue lexicon from ``resources/cues.yaml`` (cached on ``resources`` when given)."""

    def build(_: Any = None) -> Cues:
        data = _cue_data()
        en, ru = data["en"], data.get("ru", {})
        return Cues(
            verbs=frozenset(en["verbs"]),
            phrases={k: tuple(v) for k, v in en.get("phrases", {}).items()},
            nouns=frozenset(en.get("nouns", [])),
            according=tuple(en.get("according", [])),
            label_verbs=frozenset(en.get("label_verbs", [])),
            weak=frozenset(en.get("weak", [])),
            ru_verbs=tuple(ru.get("verbs", [])),
            ru_according=tuple(ru.get("according", [])),
        )

    return resources.get("quotes.cues", build) if resources is not None else build()


# ---------------------------------------------------------------------------------------------- quotation marks
def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in re.finditer(r"\n", text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _is_open(text: str, i: int, lo: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() or after == "\n":
        return False
    ch = text[i]
    if ch in "\"'":  # straight marks open only after a space or an opening bracket/dash
        return before.isspace() or before in _OPEN_CONTEXT or i == lo
    return before.isspace() or before in _OPEN_CONTEXT or before in _OPEN_DOUBLE + _OPEN_SINGLE or i == lo


def _is_close(text: str, i: int, hi: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before.isspace():
        return False
    # an apostrophe (Kazakhstan’s, don’t, rock'n'roll) is no closing mark
    return not (text[i] in "’'" and (after.isalpha() or after.isdigit()))


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Pairs of quotation marks in ``text``, found paragraph by paragraph (see the module docstring)."""
    work = text.replace("\x00", " ").replace("''", '\x00"')  # two apostrophes stand for a double mark (NYT)
    paras = list(_paragraphs(work))
    out: list[QuoteMark] = []
    for n, (lo, hi) in enumerate(paras):
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        out.extend(_marks_in(work, lo, hi, nxt))
    return out


def _marks_in(text: str, lo: int, hi: int, nxt: tuple[int, int] | None) -> list[QuoteMark]:
    out: list[QuoteMark] = []
    i = lo
    while i < hi:
        ch = text[i]
        double = ch in _OPEN_DOUBLE
        if (double or ch in _OPEN_SINGLE) and _is_open(text, i, lo):
            closers = _CLOSE_DOUBLE[ch] if double else _CLOSE_SINGLE[ch]
            j = i + 1
            close = -1
            while j < hi:
                c = text[j]
                if c in closers and _is_close(text, j, hi):
                    close = j
                    break
                if double and c in _OPEN_DOUBLE and c not in closers and _is_open(text, j, lo):
                    break  # a new opening double mark before this one closed: this one was stray
                j += 1
            if close < 0:
                continues = nxt is not None and text[nxt[0]] in (_OPEN_DOUBLE if double else _OPEN_SINGLE)
                if continues and double:
                    out.append(_mark(text, i, hi, double))
                    return out
                i += 1  # a stray mark: drop it and scan on
                continue
            if close > i + 1:
                out.append(_mark(text, i, close, double))
            i = close + 1
            continue
        i += 1
    return out


def _mark(text: str, open_: int, close: int, double: bool) -> QuoteMark:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "\x00"):
        end -= 1
    if open_ > 0 and text[open_ - 1] == "\x00":
        open_ -= 1
    return QuoteMark(open_, close, start, end, double)


# ---------------------------------------------------------------------------------------------- attribution
@dataclass(slots=True)
class _Attribution:
    cue: str
    cue_i: int
    speaker_start: int
    speaker_end: int
    linked: bool
    name_span: tuple[int, int] | None = None  # what names the speaker when the phrase is "who" (its antecedent)


def _subject(verb: Any) -> Any:
    """The subject of ``verb``, climbing through xcomp/conj/advcl/relcl heads when the verb has none."""
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                if child.lower_ in {"who", "that", "which", "what", "whom"}:
                    return child if tok.dep_ == "relcl" else None
                if child.ent_type_ in {"TIME", "DATE", "CARDINAL", "MONEY", "PERCENT"} or child.pos_ == "NUM":
                    return None
                return child
        if tok.dep_ in {"xcomp", "conj", "advcl", "ccomp", "acl", "pcomp"} and tok.head is not tok:
            if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"}:
                if tok.head.pos_ == "PROPN" and tok.tag_ == "VBG":  # "footage of Hillary Clinton asking, ..."
                    return tok.head
                for child in tok.head.children:
                    if child.dep_ == "poss":
                        return child
            tok = tok.head
            continue
        if tok.dep_ == "relcl":
            return tok.head
        break
    return None


def _antecedent(subj: Any) -> tuple[int, int] | None:
    """For a relative pronoun subject (``McConnell, who said``), the phrase it stands for."""
    if subj.lower_ in {"who", "that", "which"} and subj.head.dep_ == "relcl":
        return np_bounds(subj.head.head)
    return None


_SPEAKER_PRONOUNS = {"he", "she", "they", "i", "we"}


def _speaker_like(tok: Any) -> bool:
    """A subject that can speak: a name, a personal pronoun, or a noun naming people or an organisation."""
    if tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in _SPEAKER_PRONOUNS
    return tok.pos_ == "NOUN" and any(c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" for c in tok.children)


class _Attributor:
    def __init__(self, text: str, parsed: Any, cues: Cues, marks: Sequence[QuoteMark]) -> None:
        self.text = text
        self.parsed = parsed
        self.cues = cues
        self.inside = [False] * len(parsed)
        for m in marks:
            for i in range(token_at(parsed, m.open), len(parsed)):
                if parsed[i].idx >= m.close + 1:
                    break
                self.inside[i] = True

    def is_cue(self, tok: Any) -> str | None:
        lemma = tok.lemma_.lower()
        if tok.lower_ in {"said", "says"}:
            return str(tok.text)
        if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
            if lemma in self.cues.phrases:
                for t in tok.doc[tok.i + 1 : tok.i + 4]:
                    if t.lower_ in self.cues.phrases[lemma]:
                        return f"{tok.text} {t.text}" if t.i == tok.i + 1 else f"{tok.text} ... {t.text}"
            if lemma in self.cues.verbs:
                return str(tok.text)
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return "according to"
        return None

    def window(self, mark: QuoteMark) -> tuple[int, int]:
        """Token range around the quote: back to the previous sentence end, on to the next, inside the paragraph."""
        text = self.text
        p_lo = text.rfind("\n", 0, mark.open) + 1
        p_hi = text.find("\n", mark.close)
        p_hi = len(text) if p_hi < 0 else p_hi
        lo = token_at(self.parsed, p_lo)
        hi = token_at(self.parsed, p_hi)
        qi = token_at(self.parsed, mark.open)
        qj = token_at(self.parsed, max(mark.close, mark.open + 1))
        left = qi
        while left > lo:
            t = self.parsed[left - 1]
            if not self.inside[left - 1] and t.text in {".", "!", "?"} and left - 1 < qi - 1:
                break
            left -= 1
        right = qj + 1
        while right < hi:
            t = self.parsed[right]
            right += 1
            if t.text in {".", "!", "?"} and not self.inside[t.i]:
                break
        return left, right

    def attribute(self, mark: QuoteMark) -> _Attribution | None:
        parsed = self.parsed
        left, right = self.window(mark)
        qi = token_at(parsed, mark.start)
        qj = token_at(parsed, max(mark.end - 1, mark.start))
        quote_toks = set(range(qi, qj + 1))
        best: tuple[tuple[int, int, int], _Attribution] | None = None
        for i in range(left, right):
            if i in quote_toks or self.inside[i]:
                continue
            tok = parsed[i]
            cue = self.is_cue(tok)
            if cue is None:
                continue
            if cue == "according to":
                obj = next((c for c in parsed[i + 1].children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                s, e = np_bounds(obj)
                attr = _Attribution(cue, i, s, e, True)
                rank = (0, 0, abs(i - qi))
            else:
                subj = _subject(tok)
                if subj is None or subj.i in quote_toks or self.inside[subj.i]:
                    span = self.adjacent_np(i, qj)
                    if span is None:
                        continue
                    s, e = span
                    name_span = None
                else:
                    s, e = np_bounds(subj)
                    name_span = _antecedent(subj)
                if any(s <= parsed[k].idx < e for k in (qi, qj)):
                    continue
                linked = any(t.i in quote_toks for t in tok.subtree) or tok.head.i in quote_toks
                dist = qi - i if i < qi else i - qj
                attr = _Attribution(cue, i, s, e, linked, name_span)
                weak = tok.lemma_.lower() in self.cues.weak
                rank = (0 if linked else 1, int(weak), dist)
            if best is None or rank < best[0]:
                best = (rank, attr)
        if best is None:
            return self.governing_subject(qi, qj, left, right)
        return best[1]

    def governing_subject(self, qi: int, qj: int, left: int, right: int) -> _Attribution | None:
        """No cue: the subject of the verb whose clause holds the quote (``Reid has gone after Trump as a “...”``)."""
        parsed = self.parsed
        roots = [t for t in parsed[qi : qj + 1] if not (qi <= t.head.i <= qj)]
        tok = roots[0].head if roots else None
        for _ in range(6):
            if tok is None or not (left <= tok.i < right) or self.inside[tok.i]:
                return None
            if tok.pos_ in {"VERB", "AUX"}:
                subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and not self.inside[subj.i] and _speaker_like(subj):
                    s, e = np_bounds(subj)
                    return _Attribution(str(tok.text), tok.i, s, e, False)
            if tok.head is tok:
                return None
            tok = tok.head
        return None

    def adjacent_np(self, cue_i: int, qj: int) -> tuple[int, int] | None:
        """``“...,” Tulsa police Chief Chuck Jordan said`` / ``“...,” said Jordan``: the words between the quote's
        end and the cue (or right after a cue that follows the quote) when they form a short name phrase."""
        parsed = self.parsed
        if cue_i <= qj:
            return None
        between = [t for t in parsed[qj + 1 : cue_i] if not t.is_punct and not self.inside[t.i]]
        if not between:
            after = []
            for t in parsed[cue_i + 1 : cue_i + 8]:
                if t.is_punct or t.pos_ in {"VERB", "AUX", "ADP", "SCONJ"}:
                    break
                after.append(t)
            between = after
        if not between or len(between) > 8 or any(t.pos_ in {"VERB", "AUX"} and not t.is_title for t in between):
            return None
        if not any(t.pos_ in {"PROPN", "NOUN", "PRON"} or t.is_title for t in between):
            return None
        return between[0].idx, between[-1].idx + len(between[-1].text)

    def attribute_intro(self, mark: QuoteMark) -> _Attribution | None:
        """A quote that opens its paragraph after a paragraph ending in a colon (``The Times reports:``)."""
        text = self.text
        para_start = text.rfind("\n", 0, mark.open) + 1
        if text[para_start : mark.open].strip():
            return None
        prev_end = para_start
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end == 0 or text[prev_end - 1] != ":":
            return None
        prev_start = text.rfind("\n", 0, prev_end) + 1
        lo, hi = token_at(self.parsed, prev_start), token_at(self.parsed, prev_end - 1)
        for i in range(hi, lo - 1, -1):
            tok = self.parsed[i]
            if self.inside[i]:
                break
            if tok.text in {".", "!", "?"} and i < hi:
                break
            cue = self.is_cue(tok)
            if cue is not None and cue != "according to":
                subj = _subject(tok)
                if subj is not None and not self.inside[subj.i]:
                    s, e = np_bounds(subj)
                    return _Attribution(cue, i, s, e, True)
        return None

    def is_label(self, mark: QuoteMark, attr: _Attribution | None) -> bool:
        """A short quoted noun phrase used as a name (scare quotes), not as speech."""
        parsed = self.parsed
        qi = token_at(parsed, mark.start)
        qj = token_at(parsed, max(mark.end - 1, mark.start))
        toks = [t for t in parsed[qi : qj + 1] if not t.is_punct]
        if not toks or len(toks) > 3:
            return False
        if not any(t.pos_ in {"NOUN", "PROPN", "NUM"} for t in toks):
            return False  # a label is a quoted noun phrase
        root = next((t for t in toks if not (qi <= t.head.i <= qj) or t.head is t), toks[-1])
        if root.pos_ in {"VERB", "AUX", "ADJ", "INTJ"} and root.dep_ not in {"amod", "compound"}:
            return False
        if attr is None or not attr.linked:
            return True
        if attr.cue_i < 0:
            return False
        cue_tok = parsed[attr.cue_i]
        as_phrase = root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.i == cue_tok.i
        named = any(
            t.pos_ == "PROPN"
            for t in parsed[token_at(parsed, attr.speaker_start) : token_at(parsed, attr.speaker_end - 1) + 1]
        )
        if named and ((root.dep_ in {"oprd", "attr"} and root.head.i == cue_tok.i) or as_phrase):
            return False  # a named speaker's words for something: "Clinton described the law as a “crazy system”"
        if cue_tok.lemma_.lower() in self.cues.label_verbs:
            return True
        return root.dep_ in {"dobj", "pobj", "oprd", "compound", "amod", "poss", "appos", "nsubj", "nsubjpass"}


def extract_quotes(
    text: str,
    *,
    parsed: Any = None,
    entities: Sequence[Item] = (),
    mentions: MentionIndex | None = None,
    article_id: str = "",
    cues: Cues | None = None,
    indirect: bool = True,
) -> list[Quote]:
    """Quotes in ``text`` with their speakers (see the module docstring). ``parsed`` is the spaCy parse of
    ``text`` (``None``: regex fallback); ``entities`` are items of the entities stage for canonical names."""
    cues = cues or load_cues()
    marks = find_quote_marks(text)
    if parsed is None or len(parsed) == 0:
        return _regex_quotes(text, marks, cues=cues, article_id=article_id)
    if mentions is None:
        mentions = MentionIndex(text, entities=entities, parsed=parsed)
    att = _Attributor(text, parsed, cues, marks)
    out: list[Quote] = []
    prev: Quote | None = None
    for mark in marks:
        attr = _layout_speaker(text, mark) or att.attribute(mark) or att.attribute_intro(mark)
        if att.is_label(mark, attr):
            continue
        words = len(text[mark.start : mark.end].split())
        if attr is not None:
            q = _make(text, mark, attr, mentions, article_id, score=0.9 if attr.linked else 0.75)
        elif prev is not None and _continues(text, prev, mark):
            q = Quote(article_id=article_id, start=mark.start, end=mark.end, text=text[mark.start : mark.end],
                      score=0.6, component=COMPONENT, speaker=prev.speaker, speaker_text=prev.speaker_text,
                      speaker_start=prev.speaker_start, speaker_end=prev.speaker_end, cue=prev.cue, kind="direct")  # fmt: skip
        elif words >= 6:
            q = Quote(article_id=article_id, start=mark.start, end=mark.end, text=text[mark.start : mark.end],
                      score=0.3, component=COMPONENT, kind="direct")  # fmt: skip
        else:
            continue
        out.append(q)
        prev = q
    if indirect:
        out.extend(_indirect(text, parsed, att, mentions, article_id, marks))
    out.sort(key=lambda q: (q.start, q.end))
    return out


_DASH_AFTER = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*){0,4})")
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.’' -]{1,40}[A-Z]):\s")


def _layout_speaker(text: str, mark: QuoteMark) -> _Attribution | None:
    """Speakers shown by layout, not syntax: ``“...” ― Name`` and transcripts ``“PENCE: ...``."""
    m = _DASH_AFTER.match(text, mark.close + 1)
    if m:
        return _Attribution("―", -1, m.start(1), m.end(1), True)
    m = _TRANSCRIPT.match(text, mark.start)
    if m:
        return _Attribution(":", -1, m.start(1), m.end(1), True)
    return None


def _continues(text: str, prev: Quote, mark: QuoteMark) -> bool:
    """The quote follows an attributed quote closely: in the same paragraph with a short attribution between, or
    as a paragraph that opens with a quote right after a paragraph ending in an attributed quote."""
    if prev.speaker is None and prev.speaker_text is None:
        return False
    gap = text[prev.end : mark.open]
    if "\n" not in gap:
        return len(gap.split()) <= 40
    lines = [ln for ln in gap.split("\n") if ln.strip()]
    para_start = text.rfind("\n", 0, mark.open) + 1
    return len(lines) <= 2 and len(gap) < 400 and len(text[para_start : mark.open].split()) <= 3


def _make(
    text: str, mark: QuoteMark, attr: _Attribution, mentions: MentionIndex, article_id: str, *, score: float
) -> Quote:
    speaker_text = text[attr.speaker_start : attr.speaker_end]
    speaker: str | None
    if attr.name_span is not None:
        ns, ne = attr.name_span
        speaker = mentions.name_at(ns, ne) or strip_determiner(text[ns:ne])
    else:
        speaker = _name(speaker_text, attr.speaker_start, attr.speaker_end, mentions)
    if speaker is None:
        score *= 0.8
    return Quote(
        article_id=article_id, start=mark.start, end=mark.end, text=text[mark.start : mark.end], score=round(score, 3),
        component=COMPONENT, speaker=speaker or strip_determiner(speaker_text), speaker_text=speaker_text,
        speaker_id=mentions.ids.get(speaker or ""),
        speaker_start=attr.speaker_start, speaker_end=attr.speaker_end, cue=attr.cue, kind="direct",
    )  # fmt: skip


def _name(surface: str, start: int, end: int, mentions: MentionIndex) -> str | None:
    if surface.strip().lower() in PRONOUNS_PERSON:
        hit = mentions.person_before(start)
        return hit[0] if hit else None
    if surface.strip().lower() == "it":
        hit = mentions.person_before(start, window=600, kind="organisation")
        return hit[0] if hit else None
    return mentions.name_at(start, end)


def _indirect(
    text: str, parsed: Any, att: _Attributor, mentions: MentionIndex, article_id: str, marks: Sequence[QuoteMark]
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
        first, last = toks[0], toks[-1]
        if first.lower_ == "that" and first.dep_ == "mark":
            first = parsed[first.i + 1]
        while last.i > first.i and last.is_punct:
            last = parsed[last.i - 1]
        start, end = first.idx, last.idx + len(last.text)
        if any(m.open < end and m.close >= start for m in marks) or len(text[start:end].split()) < 4:
            continue
        s, e = np_bounds(subj)
        attr = _Attribution(tok.text, tok.i, s, e, True, _antecedent(subj))
        mark = QuoteMark(start, end, start, end, False)
        q = _make(text, mark, attr, mentions, article_id, score=0.6)
        q.kind = "indirect"
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------------- no parse
_NAME = r"((?:[A-ZА-ЯЁ][\w’'.-]+)(?:\s+[A-ZА-ЯЁ][\w’'.-]+){0,3})"


def _regex_quotes(text: str, marks: Sequence[QuoteMark], *, cues: Cues, article_id: str) -> list[Quote]:
    forms = {v[:-3] if len(v) > 6 else v for v in (*cues.verbs, *cues.ru_verbs)} | {"said", "says", "told"}
    verb = "(?i:" + "|".join(re.escape(s) for s in sorted(forms, key=len, reverse=True)) + r")\w*"
    after = re.compile(r"^[\s,.:;—–-]*" + verb + r"\s+" + _NAME + r"|^[\s,.:;—–-]*" + _NAME + r"\s+" + verb)
    before = re.compile(_NAME + r"\s+" + verb + r"\s*(?i:that|что)?[\s:,]*$")
    out: list[Quote] = []
    for mark in marks:
        tail = text[mark.close + 1 : mark.close + 80].split("\n")[0]
        head = text[max(0, mark.open - 80) : mark.open].split("\n")[-1]
        m = after.match(tail)
        s = e = None
        if m:
            g = 1 if m.group(1) else 2
            s, e = mark.close + 1 + m.start(g), mark.close + 1 + m.end(g)
        else:
            m2 = before.search(head)
            if m2:
                base = mark.open - len(head)
                s, e = base + m2.start(1), base + m2.end(1)
        while s is not None and e is not None and e > s and text[e - 1] in ".,":
            e -= 1
        if s is None or e is None:
            if len(text[mark.start : mark.end].split()) < 6:
                continue
            out.append(Quote(article_id=article_id, start=mark.start, end=mark.end, text=text[mark.start : mark.end],
                             score=0.3, component=COMPONENT))  # fmt: skip
            continue
        out.append(Quote(article_id=article_id, start=mark.start, end=mark.end, text=text[mark.start : mark.end],
                         score=0.6, component=COMPONENT, speaker=text[s:e], speaker_text=text[s:e],
                         speaker_start=s, speaker_end=e, kind="direct"))  # fmt: skip
    return out


# ---------------------------------------------------------------------------------------------- stage
class QuoteStage:
    """The ``quotes.rules.v1`` stage: quotes of one article from its shared parse and entities."""

    def __init__(self, *, resources: Resources) -> None:
        self.resources = resources

    def prepare(self, docs: Sequence[Doc]) -> None:
        nlp.prepare_parses(docs)

    def __call__(self, doc: Doc) -> list[Item]:
        parsed = nlp.parse(doc)
        quotes = extract_quotes(
            doc.article.body, parsed=parsed, entities=doc.items("entities"), mentions=doc_mentions(doc), article_id=doc.article.id,
            cues=load_cues(self.resources),
        )  # fmt: skip
        return list(quotes)


def register(registry: Registry) -> None:
    registry.register(
        COMPONENT, "stage", requires=("entities?", "parse"), produces=("quotes",), order=60,
        description="direct and indirect quotes with speaker, cue and span (rules over the spaCy parse)",
    )(QuoteStage)  # fmt: skip
