"""Generic news frames (the 14 SemEval-2023 Task 3 / Media Frames Corpus frames) and the cue matcher they share.

The default detector is a weighted multilingual lexicon (``resources/generic_frames.yaml``): each sentence scores
the summed weights of the cues it holds, the article scores ``1 - exp(-mass / scale)`` where ``mass`` is the summed
sentence scores damped by article length, and a frame is reported when its score reaches the frame's threshold.
Each reported frame carries the sentences that carry it (``evidence``) and points (``start``/``end``) at the
strongest one. When a classifier trained with ``newsprism train --task frames`` is in the data folder, its
article-level probabilities decide each frame at the cutoff calibrated on held-out folds, and the lexicon gives
the evidence (see ``docs/frames.md``).

This module also holds :class:`Lexicon`, the compiled cue matcher used by narrative frames and persuasion
techniques: terms (``terror*`` is a stem, spaces also match hyphens, CJK terms match without word boundaries),
written forms (``=wybory|wyborów|wyborach``: these words as written, never through their lemmas) and ``re:``
patterns, one compiled regular expression per label, matched case-insensitively. Turkish and Azerbaijani stems
also match their softened spelling (:mod:`newsprism.enrich.softening`), and in the Germanic languages that write
compounds as one word a cue also matches as a compound's head (:data:`COMPOUNDING`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources as ilr
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..enrich.hanzi import to_simplified
from ..enrich.kazakh import cue_forms as kazakh_cue_forms
from ..enrich.lemmas import Lemmatizer, Token, doc_tokens, fold
from ..enrich.nlp import regex_sentences
from ..enrich.softening import softened_forms
from ..enrich.uzbek import cue_forms as uzbek_cue_forms
from ..errors import ConfigError
from ..model import Frame, Span

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry
    from .frames_ranker import FrameRanker

__all__ = [
    "GENERIC_FRAMES",
    "Cue",
    "CueMatch",
    "Lexicon",
    "Sentence",
    "detect_generic_frames",
    "load_resource_yaml",
    "register",
    "split_sentences",
]

COMPONENT = "frames.generic.v1"

#: The 14 generic frames of SemEval-2023 Task 3 subtask 2 (from the Media Frames Corpus), in the official spelling.
GENERIC_FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
)

#: languages written in Han, kana or Hangul: their articles are read with their own cues only (事件 is an incident in
#: Japanese, an event in Chinese); an article in another language meets their cues too (恐怖分子 in an English text)
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_APOS = "['’‘`]"
_SEP = r"[\s\-‐‑–—]+"


# -- cues and their matcher ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: a term or a ``re:`` pattern, its weight, language and the labels it supports."""

    term: str
    weight: float
    lang: str
    label: str
    source: str = ""
    span: str = "match"  # match | sentence: what a hit points at (techniques)


@dataclass(frozen=True, slots=True)
class CueMatch:
    start: int
    end: int
    text: str
    cue: Cue


def is_pattern(term: str) -> bool:
    """Whether a lexicon term is matched by its regular expression only (``re:`` patterns and ``=`` written forms),
    never through the lemmas of its words."""
    return term.startswith(("re:", "="))


def term_pattern(term: str) -> str:
    """The regular expression of one lexicon term (see the module docstring for the syntax)."""
    if term.startswith("re:"):
        return term[3:].strip()
    if term.startswith("="):  # written forms: "=dług|długu|długiem", each an ordinary term (stems allowed)
        forms = [f.strip() for f in term[1:].split("|") if f.strip()]
        return "(?:" + "|".join(term_pattern(f) for f in forms if not is_pattern(f)) + ")"
    core = term.strip()
    words = [w for w in re.split(r"[\s\-]+", core) if w]
    parts = []
    for w in words:  # every word may be a stem: "цветн* революц*"
        stem = w.endswith("*") and len(w) > 1
        w = w[:-1] if stem else w
        parts.append(_APOS.join(re.escape(p) for p in re.split(_APOS, w)) + (r"\w*" if stem else ""))
    body = _SEP.join(parts)
    if _CJK.search(core):
        return body
    return r"(?<!\w)" + body + ("" if core.endswith("*") else r"(?!\w)")


_TOKEN = re.compile(r"\w+")
_GAP_SPACE = re.compile(r"[\s\-‐‑–—]+")
_GAP_APOS = re.compile(r"['’‘`]")


def _gap(text: str) -> str:
    """The normalised separator between two words: spaces and hyphens are one, apostrophes are one."""
    if _GAP_SPACE.fullmatch(text):
        return " "
    if _GAP_APOS.fullmatch(text):
        return "'"
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[tuple[str, ...], ...]  # per word: its folded form, and its lemma when that differs
    stems: tuple[bool, ...]
    gaps: tuple[str, ...]  # normalised separators between the words
    suffix: str  # non-word characters after the last word ("the U.S.")
    cue: Cue


#: (start, end, folded word, folded lemma) of one token.
_Tok = tuple[int, int, str, str]


class Lexicon:
    """Cues of many labels, matched in one pass; ``matches(text)`` yields every hit, non-overlapping per label.

    Word terms are looked up token by token (a dictionary of first words and stem prefixes), which stays fast with
    thousands of cues; ``re:`` patterns and Chinese/Japanese terms are matched by regular expressions, one per
    label. At one position the longest hit of a label wins ("colour revolution" over "revolution").

    Lemmatised matching: built with a :class:`~newsprism.enrich.lemmas.Lemmatizer`, each cue word is also indexed
    under its lemma in the cue's language, and ``matches(text, tokens=...)`` given the article's lemma tokens
    (:func:`newsprism.enrich.lemmas.doc_tokens`) compares cue words with both the word and its lemma, and stems
    with the start of either: ``забастовки``, ``бастовали`` and ``забастовку`` reach one cue family.
    """

    def __init__(self, cues: Iterable[Cue], *, lemmas: Lemmatizer | None = None, language: str | None = None) -> None:
        by_label: dict[str, list[Cue]] = {}
        for cue in cues:
            by_label.setdefault(cue.label, []).append(cue)
        self.cues = by_label
        #: the language this lexicon was built for (:meth:`for_language`), None for a lexicon of every language
        self.language = language
        self.languages = frozenset(c.lang.lower() for items in by_label.values() for c in items)
        self._by_language: dict[str, Lexicon] = {}
        self._exact: dict[str, list[_Entry]] = {}
        self._stem: dict[str, list[_Entry]] = {}
        self._regex: dict[str, tuple[re.Pattern[str], list[Cue]]] = {}
        self._cjk: dict[str, tuple[re.Pattern[str], list[Cue]]] = {}
        self._cjk_own: dict[str, dict[str, tuple[re.Pattern[str], list[Cue]]]] = {}
        for label, items in by_label.items():
            regex_cues: list[Cue] = []
            cjk_cues: list[Cue] = []
            for cue in items:
                if _CJK.search(cue.term) and not is_pattern(cue.term):
                    cjk_cues.append(cue)
                    continue
                entry = None if is_pattern(cue.term) else _entry(cue, lemmas)
                if entry is None:
                    regex_cues.append(cue)
                elif entry.stems[0]:
                    for alt in entry.words[0]:
                        self._stem.setdefault(alt[:2], []).append(entry)
                else:
                    for alt in entry.words[0]:
                        self._exact.setdefault(alt, []).append(entry)
            for cues_, target in ((regex_cues, self._regex), (cjk_cues, self._cjk)):
                if cues_:
                    target[label] = _compile(label, cues_)

    def _heads(self, word: str, lemma: str) -> list[_Entry]:
        """One-word cues that a compound ends with (its head): an exact cue word or a stem of at least
        :data:`_HEAD` letters, after a modifier of at least as many (Bundes|regierung, Landes|parlament)."""
        out: list[_Entry] = []
        for form in dict.fromkeys((word, lemma)):
            for k in range(_HEAD, len(form) - _HEAD + 1):
                head = form[k:]
                out += [e for e in self._exact.get(head, ()) if len(e.words) == 1]
                out += [
                    e
                    for e in self._stem.get(head[:2], ())
                    if len(e.words) == 1 and any(len(a) >= _HEAD and head.startswith(a) for a in e.words[0])
                ]
            if out:
                break
        return out

    @property
    def labels(self) -> list[str]:
        return list(self.cues)

    def for_language(self, language: str, lemmas: Lemmatizer | None) -> Lexicon:
        """The cues of ``language`` (and the Chinese/Japanese/Korean ones unless ``language`` is one of these three),
        indexed under their lemmas; built on first
        use and kept on this lexicon, so only the languages articles come in pay for lemmatising their cues."""
        lang = language.lower()
        hit = self._by_language.get(lang)
        if hit is None:
            cues = [
                c
                for items in self.cues.values()
                for c in items
                if c.lang in (lang, "*", "")
                or (lang not in _CJK_LANGUAGES and _CJK.search(c.term) and not is_pattern(c.term))
            ]
            hit = self._by_language[lang] = Lexicon(cues, lemmas=lemmas, language=lang)
        return hit

    def _cjk_table(self, lang: str | None) -> dict[str, tuple[re.Pattern[str], list[Cue]]]:
        """The Chinese/Japanese/Korean cues an article of ``lang`` is read with: its own when it is in one of these
        languages (事件 is an incident in Japanese, an event in Chinese), all of them otherwise."""
        if lang not in _CJK_LANGUAGES:
            return self._cjk
        table = self._cjk_own.get(lang)
        if table is None:
            table = {}
            for label, (_, ordered) in self._cjk.items():
                own = [c for c in ordered if c.lang in (lang, "*", "")]
                if own:
                    table[label] = _compile(label, own)
            self._cjk_own[lang] = table
        return table

    def matches(
        self,
        text: str,
        *,
        labels: Iterable[str] | None = None,
        tokens: Sequence[Token] | None = None,
        language: str | None = None,
    ) -> Iterator[CueMatch]:
        """Every hit in ``text``; ``tokens`` (lemma tokens of ``text``) enable lemmatised matching; ``language``
        keeps the cues of that language (and, unless it is Chinese, Japanese or Korean, the cues of these three, which
        no other script's words can meet)."""
        wanted = set(labels) if labels is not None else None
        lang = (language or "").lower() or None
        if lang not in self.languages:
            lang = None  # a language without cues of its own is read with every language's
        found: dict[str, list[CueMatch]] = {}
        toks: list[_Tok]
        if tokens is None:
            toks = [(m.start(), m.end(), w, w) for m in _TOKEN.finditer(text) for w in (fold(m.group()),)]
        else:
            toks = [(t.start, t.end, t.folded, t.lemma) for t in tokens]
        exact, stem_index = self._exact, self._stem
        compounding = (lang or self.language) in COMPOUNDING
        for i, (start, _, word, lemma) in enumerate(toks):
            same = lemma == word
            cands = list(exact.get(word, ()))
            if not same:
                cands += exact.get(lemma, ())
            for e in stem_index.get(word[:2], ()):
                if any(word.startswith(a) or (not same and lemma.startswith(a)) for a in e.words[0]):
                    cands.append(e)
            if not same and lemma[:2] != word[:2]:
                cands += [e for e in stem_index.get(lemma[:2], ()) if any(lemma.startswith(a) for a in e.words[0])]
            if not cands and compounding and len(word) >= 2 * _HEAD:
                cands = self._heads(word, lemma)
            if not cands:
                continue
            done: set[int] = set()
            for entry in cands:
                if id(entry) in done or (wanted is not None and entry.cue.label not in wanted):
                    continue
                if lang is not None and entry.cue.lang not in (lang, "*", ""):
                    continue
                done.add(id(entry))
                end = _match_rest(text, toks, i, entry)
                if end is not None:
                    found.setdefault(entry.cue.label, []).append(CueMatch(start, end, text[start:end], entry.cue))
        has_cjk = bool(self._cjk) and bool(_CJK.search(text))
        # Chinese cues are simplified: traditional text is read as simplified, character for character
        chinese = (language or self.language or "").lower() == "zh"
        cjk_text = to_simplified(text) if has_cjk and chinese else text
        for table in (self._regex, self._cjk_table(lang)) if has_cjk else (self._regex,):
            for label, (rx, ordered) in table.items():
                if wanted is not None and label not in wanted:
                    continue
                for rm in rx.finditer(text if table is self._regex else cjk_text):
                    group = rm.lastgroup or ""
                    cue = ordered[int(group[1:])] if group.startswith("c") else ordered[0]
                    if lang is not None and table is self._regex and cue.lang not in (lang, "*", ""):
                        continue
                    if rm.end() > rm.start():
                        found.setdefault(label, []).append(
                            CueMatch(rm.start(), rm.end(), text[rm.start() : rm.end()], cue)
                        )
        for label in found:
            last_end = -1
            for hit in sorted(found[label], key=lambda h: (h.start, -(h.end - h.start))):
                if hit.start >= last_end:
                    last_end = hit.end
                    yield hit


#: languages that write compounds as one word, whose last part names what it is (Bundesregierung is a Regierung,
#: handelsoorlog an oorlog): a cue word also matches as the head of a compound that no cue matched as a whole
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "nb", "no"})
#: the shortest head and modifier of a compound read that way
_HEAD = 5


def _starts(word: str, lemma: str, stems: tuple[str, ...]) -> bool:
    return any(word.startswith(s) or lemma.startswith(s) for s in stems)


def _entry(cue: Cue, lemmas: Lemmatizer | None = None) -> _Entry | None:
    term = cue.term.strip()
    parts = list(re.finditer(r"\w+\*?", term))
    if not parts:
        return None
    raw = [p.group().rstrip("*") for p in parts]
    stems = tuple(p.group().endswith("*") for p in parts)
    words: list[tuple[str, ...]] = []
    for w, stem in zip(raw, stems, strict=True):
        folded = fold(w)
        alts = [folded]
        if lemmas is not None and not stem and cue.lang not in {"", "en", "*"}:
            lemma = lemmas.lemma(w, cue.lang)
            if lemma and lemma != folded:
                alts.append(lemma)
        words.append(tuple(alts))
    gaps = tuple(_gap(term[a.end() : b.start()]) for a, b in pairwise(parts))
    if term[: parts[0].start()].strip() or any(not w for w in raw):
        return None  # leading punctuation: leave it to a regular expression
    return _Entry(tuple(words), stems, gaps, fold(term[parts[-1].end() :]), cue)


def _match_rest(text: str, tokens: list[_Tok], i: int, entry: _Entry) -> int | None:
    """End offset of ``entry`` matched from token ``i`` on (its first word already matched), or None."""
    j = i
    for k in range(1, len(entry.words)):
        j += 1
        if j >= len(tokens) or _gap(text[tokens[j - 1][1] : tokens[j][0]]) != entry.gaps[k - 1]:
            return None
        word, lemma = tokens[j][2], tokens[j][3]
        alts = entry.words[k]
        if not (_starts(word, lemma, alts) if entry.stems[k] else (word in alts or lemma in alts)):
            return None
    end = tokens[j][1]
    if entry.suffix:
        if fold(text[end : end + len(entry.suffix)]) != entry.suffix:
            return None
        end += len(entry.suffix)
    return end


def _compile(label: str, cues: list[Cue]) -> tuple[re.Pattern[str], list[Cue]]:
    ordered = sorted(cues, key=lambda c: -len(c.term))
    alts = []
    for i, cue in enumerate(ordered):
        pat = term_pattern(cue.term)
        try:
            re.compile(pat)
        except re.error as exc:
            raise ConfigError(f"{cue.source or 'lexicon'}: label {label!r}: bad pattern {cue.term!r}: {exc}") from None
        alts.append(f"(?P<c{i}>{pat})")
    return re.compile("|".join(alts), re.IGNORECASE), ordered


def cues_from_mapping(label: str, data: Mapping[str, Any], *, source: str, default_span: str = "match") -> list[Cue]:
    """Cues of one label from its ``cues:`` mapping ``{lang: [term | {term|pattern, weight, span}]}``."""
    out: list[Cue] = []
    cues = data.get("cues") or {}
    if not isinstance(cues, Mapping):
        raise ConfigError(f"{source}: {label}: 'cues' must map language codes to lists of terms")
    for lang, entries in cues.items():
        for entry in entries or []:
            if isinstance(entry, str):
                cue = Cue(entry, 1.0, str(lang), label, source, default_span)
            elif isinstance(entry, Mapping) and ("term" in entry or "pattern" in entry):
                term = str(entry["term"]) if "term" in entry else "re:" + str(entry["pattern"])
                weight = float(entry.get("weight", 1.0))
                cue = Cue(term, weight, str(lang), label, source, str(entry.get("span", default_span)))
            else:
                raise ConfigError(f"{source}: {label}: cue {entry!r} is neither a term nor {{term|pattern, weight}}")
            out.append(cue)
            if cue.lang == "uz":  # Uzbek is also written in Cyrillic, and its o‘ with ʻ
                out += [replace(cue, term=form) for form in uzbek_cue_forms(cue.term)]
            elif cue.lang == "kk":  # Kazakh is also written in the Arabic script
                out += [replace(cue, term=form) for form in kazakh_cue_forms(cue.term)]
            elif cue.lang in ("tr", "az"):  # ortaklık* also as ortaklığ*: consonant softening
                out += [replace(cue, term=form) for form in softened_forms(cue.term, cue.lang)]
    return out


def load_resource_json(name: str) -> Any:
    """A JSON file shipped in ``newsprism/enrich/resources`` (learned weights); a file that cannot be read or
    parsed is a :class:`~newsprism.errors.ConfigError` naming it."""
    import json

    path = ilr.files("newsprism.enrich").joinpath("resources", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{name}: cannot read: {exc}") from None


def load_resource_yaml(name: str) -> Any:
    """A YAML file shipped in ``newsprism/enrich/resources``."""
    path = ilr.files("newsprism.enrich").joinpath("resources", name)
    return load_yaml(Path(str(path)))


def load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read YAML: {str(exc).splitlines()[0]}") from None


# -- sentences and paragraphs --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def split_sentences(body: str) -> list[Sentence]:
    """Sentences with their paragraph index (a paragraph is a non-empty line, as in SemEval files)."""
    out: list[Sentence] = []
    para = -1
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            para += 1
            for s, e in regex_sentences(line):
                out.append(Sentence(pos + s, pos + e, para))
        pos += len(line) + 1
    return out


def doc_sentences(doc: Doc) -> list[Sentence]:
    return doc.shared("frames.sentences", lambda d: split_sentences(d.article.body))


def sentence_at(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the nearest one before it when between sentences)."""
    lo, hi = 0, len(sentences) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid].start <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return best


# -- generic frames ------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GenericFrameModel:
    lexicon: Lexicon
    thresholds: dict[str, float]
    scale: float
    max_evidence: int
    max_frames: int
    min_frames: int = 0
    min_score: float = 1.0
    lemmas: Lemmatizer | None = None
    ranker: FrameRanker | None = None  # calibrated ranking (frames_ranker.py); None: the thresholds decide


def load_generic_model(resources: Resources | None = None, *, ranker: bool = True) -> GenericFrameModel:
    """The lexicon of ``generic_frames.yaml`` and, with ``ranker``, the shipped calibrated ranker (if any)."""
    data = load_resource_yaml("generic_frames.yaml")
    settings = data.get("settings", {})
    cues: list[Cue] = []
    thresholds: dict[str, float] = {}
    for name, spec in (data.get("frames") or {}).items():
        if name not in GENERIC_FRAMES:
            raise ConfigError(f"generic_frames.yaml: unknown frame {name!r}; valid: {', '.join(GENERIC_FRAMES)}")
        cues += cues_from_mapping(name, spec, source="generic_frames.yaml")
        thresholds[name] = float(spec.get("threshold", settings.get("threshold", 0.5)))
    from .frames_ranker import load_frame_ranker
    from .lemmas import lemmatizer

    return GenericFrameModel(
        Lexicon(cues),
        thresholds,
        scale=float(settings.get("scale", 3.0)),
        max_evidence=int(settings.get("max_evidence", 5)),
        max_frames=int(settings.get("max_frames", 6)),
        min_frames=int(settings.get("min_frames", 0)),
        min_score=float(settings.get("min_score", 1.0)),
        lemmas=lemmatizer(resources),
        ranker=load_frame_ranker() if ranker else None,
    )


def generic_frame_scores(
    body: str,
    sentences: list[Sentence],
    model: GenericFrameModel,
    tokens: Sequence[Token] | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """Per frame: article score, cue mass, and (sentence index, sentence score, cue texts) of the sentences that
    carry it."""
    out: dict[str, Any] = {}
    damp = math.sqrt(max(1.0, len(sentences) / 12.0))
    by_label: dict[str, list[CueMatch]] = {}
    known = bool(language) and (language or "").lower() in model.lexicon.languages
    lexicon = model.lexicon.for_language(language or "", model.lemmas) if known else model.lexicon
    for m in lexicon.matches(body, tokens=tokens):
        by_label.setdefault(m.cue.label, []).append(m)
    for label, hits in by_label.items():
        per_sent: dict[int, dict[str, float]] = {}
        seen: dict[str, int] = {}
        for m in hits:
            if m.cue.weight <= 0:  # a blocker: a name that holds a cue word (Prawo i Sprawiedliwość) counts nothing
                continue
            key = m.text.casefold()
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 3:  # a term repeated many times counts three times at most
                continue
            si = sentence_at(sentences, m.start) if sentences else 0
            cues = per_sent.setdefault(si, {})
            cues[m.text] = max(cues.get(m.text, 0.0), m.cue.weight)
        if not per_sent:
            continue
        sent_scores = {i: sum(c.values()) for i, c in per_sent.items()}
        mass = sum(sent_scores.values()) / damp
        score = 1.0 - math.exp(-mass / model.scale)
        ranked = sorted(sent_scores.items(), key=lambda kv: (-kv[1], kv[0]))
        out[label] = {"score": score, "mass": mass, "sentences": ranked, "cues": per_sent}
    return out


def detect_generic_frames(
    article_id: str,
    body: str,
    *,
    model: GenericFrameModel,
    sentences: list[Sentence] | None = None,
    trained: Mapping[str, float] | None = None,
    cutoffs: Mapping[str, float] | None = None,
    tokens: Sequence[Token] | None = None,
    language: str | None = None,
) -> list[Frame]:
    """Generic frames of one text.

    With the model's calibrated ranker (the default, ``frames_ranker.py``): the frames whose probability from the
    lexicon's evidence reaches the ranker's threshold, or the most probable one when none does and it has
    evidence; the score is that probability. Lexicon alone (no ranker): a frame is reported when its score
    reaches its threshold; when fewer than ``min_frames`` are, the best-scored frames with at least ``min_score``
    follow (an article has several frames; the lexicon's evidence for the strongest ones is reported rather than
    nothing). With ``trained`` probabilities (a model
    from ``newsprism train``), the model decides each label it knows at its calibrated cutoff (``cutoffs``), and
    the lexicon gives the evidence sentences.
    """
    sents = sentences if sentences is not None else split_sentences(body)
    scored = generic_frame_scores(body, sents, model, tokens, language)
    frames: list[Frame] = []
    extra: list[tuple[float, str]] = []
    chosen: dict[str, float] = {}
    ranked = trained is None and model.ranker is not None
    if ranked and model.ranker is not None:
        from .frames_ranker import frame_features

        probs = model.ranker.probabilities(frame_features(scored, len(sents), GENERIC_FRAMES))
        mass = {k: float(v["mass"]) for k, v in scored.items()}
        chosen = {k: probs[k] for k in model.ranker.choose(probs, mass)}
    for label in () if ranked else GENERIC_FRAMES:
        info = scored.get(label)
        lex = float(info["score"]) if info else 0.0
        if trained is not None and label in trained:
            if float(trained[label]) >= (cutoffs or {}).get(label, 0.5):
                chosen[label] = float(trained[label])
        elif lex >= model.thresholds.get(label, 0.5):
            chosen[label] = lex
        elif info is not None and lex >= model.min_score:
            extra.append((lex, label))
    if len(chosen) < model.min_frames and not ranked:
        for lex, label in sorted(extra, reverse=True)[: model.min_frames - len(chosen)]:
            chosen[label] = lex
    for label in GENERIC_FRAMES:
        if label not in chosen:
            continue
        info = scored.get(label)
        score = chosen[label]
        evidence: list[Span] = []
        terms: list[str] = []
        if info:
            for si, _ in info["sentences"][: model.max_evidence]:
                s = sents[si]
                evidence.append(Span(article_id, s.start, s.end, body[s.start : s.end]))
                for t in info["cues"][si]:
                    if t not in terms:
                        terms.append(t)
        if evidence:
            start, end = evidence[0].start, evidence[0].end
        else:  # a trained classifier's frame with no lexicon sentence: the whole first paragraph is the pointer
            first = sents[0] if sents else Sentence(0, len(body), 0)
            start, end = first.start, first.end
        frames.append(
            Frame(
                article_id,
                start,
                end,
                body[start:end],
                round(min(1.0, score), 4),
                COMPONENT,
                frame=label,
                family="generic",
                evidence=evidence,
                terms=terms,
            )
        )
    frames.sort(key=lambda f: -f.score)
    return frames if ranked else frames[: model.max_frames]  # the ranker has chosen at most its own cap


class GenericFrameStage:
    """Stage: the 14 generic frames of each article (lexicon, plus a trained classifier when one is installed)."""

    def __init__(self, *, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> list[Frame]:
        model = self.resources.get("frames.generic.lexicon", load_generic_model)
        from ..learn.models import load_model, predict_proba_for

        trained = predict_proba_for(self.resources, "frames", doc.article)
        cutoffs = None
        if trained is not None:
            loaded = self.resources.get("learn.model:frames", lambda r: load_model("frames"))
            lang = doc.article.language
            cutoffs = {k: loaded.threshold(k, lang) for k in trained} if loaded is not None else None
        return detect_generic_frames(
            doc.article.id,
            doc.article.body,
            model=model,
            sentences=doc_sentences(doc),
            trained=trained,
            cutoffs=cutoffs,
            tokens=doc_tokens(doc),
            language=doc.article.language,
        )


def register(registry: Registry) -> None:
    registry.register(
        COMPONENT,
        "stage",
        produces=("frames",),
        description="generic frames (14 SemEval-2023/MFC frames): multilingual lexicon, trained classifier if present",
        order=60,
    )(GenericFrameStage)
