"""Genre of an article — opinion, reporting, analysis or satire — from style features, or a trained classifier.

Features (``resources/genre.yaml`` holds the cue lists and weights): first- and second-person pronouns outside
quotations, rhetorical questions and exclamations outside quotations, evaluative words, hedges, analytic
connectives, attribution verbs, the share of sentences holding a quotation, section headings, footnote marks,
a wire dateline or a news agency's credit at the head of the story ("Astana. Kazinform -"), the source type named by
the outlet (think tank, opinion section, satire site), and the section label an outlet prints with a headline
("[사설]", "Opinion |", "Breaking:"), which nearly decides opinion against reporting. Each genre
scores ``bias + sum(weight * min(feature, cap))``; the best genre is set on ``article.genre`` with its softmax
probability in ``article.genre_score``. The stage also returns nothing: genre is an article field.

With a genre model trained by ``newsprism train --task genre`` installed, the model's probabilities replace the
rule scores for the genres it knows (SemEval-2023 has opinion, reporting, satire), and the rule score decides
"analysis" only when the model is unsure (best probability < 0.5).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Article, Item
from .frames import (
    Lexicon,
    Sentence,
    cues_from_mapping,
    doc_sentences,
    load_resource_yaml,
    sentence_at,
    split_sentences,
)
from .genre_style import StyleWeights, load_style_weights
from .hanzi import UNSPACED

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = [
    "GENRES",
    "GenreModel",
    "classify_genre",
    "doc_genre_rules",
    "genre_features",
    "load_genre_model",
    "register",
    "word_count",
]

COMPONENT = "genre.features.v1"
GENRES = ("opinion", "reporting", "analysis", "satire")

_NUMBER = re.compile(r"(?<!\w)\d[\d.,]*(?!\w)")
# „German“ closes with the sign English opens with; 「Japanese」 and 『Chinese』 corner brackets
_QUOTED = re.compile(r"[“\"«„][^”\"»“]{1,600}[”\"»“]|(?<!\w)‘[^’]{1,400}’(?!\w)|「[^」]{1,600}」|『[^』]{1,600}』")
#: characters of Chinese or Japanese text per word, for the rates per 100 words (segmented Chinese corpora average
#: about 1.5 characters a word)
CHARS_PER_WORD = 1.5


def word_count(text: str) -> int:
    """Words of ``text``: runs of letters or digits, and for Chinese and Japanese, which put no space between words,
    their characters / :data:`CHARS_PER_WORD` (a run of them is a clause, not a word)."""
    unspaced = len(UNSPACED.findall(text))
    spaced = len(re.findall(r"\w+", UNSPACED.sub(" ", text))) if unspaced else len(re.findall(r"\w+", text))
    return spaced + round(unspaced / CHARS_PER_WORD)


@dataclass(frozen=True, slots=True)
class GenreModel:
    genres: tuple[str, ...]
    bias: dict[str, float]
    features: dict[str, dict[str, Any]]
    lexicon: Lexicon
    sources: dict[str, list[str]]
    style: StyleWeights | None = None
    #: where the rules alone decide opinion against reporting: opinion when P(opinion) / P(opinion or reporting)
    #: reaches this (``genre.yaml`` ``opinion_threshold``)
    opinion_threshold: float = 0.5
    #: section labels printed with a headline, by the genre they announce (``genre.yaml`` ``title_labels``)
    title_labels: dict[str, re.Pattern[str]] | None = None
    #: a news agency's credit at the head of a story (``genre.yaml`` ``wire_agencies``)
    wire: re.Pattern[str] | None = None


def load_genre_model(resources: Resources | None = None, *, style: bool = True) -> GenreModel:
    """The cue lists and rule weights of ``genre.yaml``, with the learned opinion/reporting weights unless
    ``style`` is false (the rules alone)."""
    data = load_resource_yaml("genre.yaml")
    cues = []
    for name, spec in (data.get("cues") or {}).items():
        cues += cues_from_mapping(name, {"cues": spec}, source="genre.yaml")
    return GenreModel(
        tuple(data.get("genres") or GENRES),
        {k: float(v) for k, v in (data.get("bias") or {}).items()},
        dict(data.get("features") or {}),
        Lexicon(cues),
        {k: [str(x) for x in v] for k, v in (data.get("sources") or {}).items()},
        load_style_weights() if style else None,
        float(data.get("opinion_threshold", 0.5)),
        {
            genre: _title_label_pattern([str(x) for x in labels])
            for genre, labels in (data.get("title_labels") or {}).items()
        },
        _wire_pattern([str(x) for x in data.get("wire_agencies") or []]),
    )


def _alternation(words: list[str]) -> str:
    """The words as one regular-expression alternation, longest first (so "РИА Новости" wins over a prefix)."""
    return "|".join(re.escape(x) for x in sorted(set(words), key=len, reverse=True))


def _wire_pattern(agencies: list[str]) -> re.Pattern[str] | None:
    """An agency's credit: bracketed anywhere in a line, or at a line's head after a place (and date) and a
    separator, followed by a dash, colon or full stop."""
    if not agencies:
        return None
    alt = _alternation(agencies)
    bracketed = rf"[(\[（]\s*(?:{alt})\s*[)\]）]"
    credited = rf"^[^\n]{{0,60}}?[,.:/\-—–]\s*(?:{alt})(?!\w)\s*(?:[\-—–.:]|$)"
    return re.compile(rf"(?<!\w)(?:{bracketed})|{credited}", re.MULTILINE)


def _title_label_pattern(labels: list[str]) -> re.Pattern[str]:
    """A section label at the head of a title (bracketed, or before a colon, bar, slash or spaced dash) or at its
    end (after a bar, slash or spaced dash)."""
    alt = _alternation(labels)
    head = rf"^\s*(?:[\[【(（〈<«]\s*(?:{alt})\s*[\]】)）〉>»]|(?:{alt})\s*(?:[:：|｜/]|\s[\-—–]\s))"
    tail = rf"(?:[|｜/]|\s[\-—–])\s*(?:{alt})\s*$"
    return re.compile(f"{head}|{tail}", re.IGNORECASE)


def _title_label(title: str | None, model: GenreModel) -> float:
    """+1 when the title carries an opinion section label, -1 a news label ("[속보]", "Breaking:"), else 0."""
    if not title or not model.title_labels:
        return 0.0
    for genre, pattern in model.title_labels.items():
        if pattern.search(title):
            return 1.0 if genre == "opinion" else -1.0
    return 0.0


def _mask_quotes(body: str) -> str:
    """The body with quoted passages blanked (same length, so offsets hold)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), body)


def genre_features(article: Article, model: GenreModel, sentences: list[Sentence] | None = None) -> dict[str, float]:
    body = article.body
    sents = sentences if sentences is not None else split_sentences(body)
    n_sent = max(1, len(sents))
    words = max(1, word_count(body))
    masked = _mask_quotes(body)
    counts: dict[str, int] = {}
    for m in model.lexicon.matches(masked, language=article.language):
        # dateline patterns are anchored to the body's start
        if m.cue.label == "dateline" and m.start > 0 and body.count("\n", 0, m.start) > 1:
            continue
        if m.cue.weight <= 0 or _not_a_cue(m.cue.label, masked, m.start, m.end):
            continue  # weight 0: a blocker (zh 我国 "our country" is no first person)
        counts[m.cue.label] = counts.get(m.cue.label, 0) + 1
    questions = sum(1 for s in sents if _question(masked[s.start : s.end], article.language))
    exclaims = sum(1 for s in sents if masked[s.start : s.end].rstrip().endswith(("!", "！")))
    quoted = _quoted_sentences(body, sents, article.language)
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    headings = sum(
        1
        for ln in lines[1:]
        if len(ln) < 100 and not ln.endswith((".", "!", "?", "。", ":", "”", "’", '"')) and len(ln.split()) >= 2
    )
    outlet = " ".join(x for x in (article.outlet, article.outlet_id) if x)
    named = " ".join(x for x in (outlet, article.title) if x)

    def source(kind: str, where: str) -> float:
        return float(
            any(
                re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", where, re.IGNORECASE)
                for n in model.sources.get(kind, [])
            )
        )

    per100 = 100.0 / words
    return {
        "first_person": counts.get("first_person", 0) * per100,
        "second_person": counts.get("second_person", 0) * per100,
        "rhetorical_questions": questions / n_sent,
        "exclamations": exclaims / n_sent,
        "evaluative": counts.get("evaluative", 0) * per100,
        "hedges": counts.get("hedges", 0) * per100,
        "analytic": counts.get("analytic", 0) * per100,
        "attribution": counts.get("attribution", 0) * per100,
        "quote_density": quoted / n_sent,
        "headings": float(headings),
        "footnotes": float(len(re.findall(r"\[\d{1,2}\]", body))),
        "dateline": float(min(1, counts.get("dateline", 0)) or _wire_credit(body, model)),
        "source_think_tank": source("think_tank", named),
        "source_opinion": source("opinion", outlet),  # in a title only as a section label (title_label)
        "source_satire": source("satire", named),
        "satire_markers": float(counts.get("satire_markers", 0)),
        # language-neutral shares and headline cues (the learned opinion/reporting weights use these too)
        "quoted_share": sum(len(m.group()) for m in _QUOTED.finditer(body)) / max(1, len(body)),
        "numbers": len(_NUMBER.findall(masked)) * per100,
        "weekdays": counts.get("weekdays", 0) * per100,
        "modals": counts.get("modals", 0) * per100,
        "contrast": counts.get("contrast", 0) * per100,
        "paragraph_length": min(200.0, words / max(1, len(lines))),
        "sentence_length": min(80.0, words / n_sent),
        "log_words": math.log10(words),
        **_headline_features(article, model),
    }


#: a Japanese question often ends with か and a full stop, not a question mark (改憲は国民の声なのか。)
_JA_QUESTION = re.compile(r"(?:のか|ないか|だろうか|でしょうか|ますか|ですか)[。．]?$")


#: question marks of every script: Latin, full-width, Arabic (؟, also Persian and Urdu)
QUESTION_MARKS = ("?", "？", "؟")
#: the Armenian question mark sits on the stressed vowel of the asking word (ո՞վ, ինչո՞ւ), not at the sentence's end
ARMENIAN_QUESTION = "\u055e"


def _question(sentence: str, language: str | None) -> bool:
    text = sentence.rstrip()
    if text.endswith(QUESTION_MARKS) or ARMENIAN_QUESTION in text:
        return True
    if language == "el":  # the Greek question mark is written as a semicolon (or U+037E)
        return text.endswith((";", "\u037e"))
    return language == "ja" and _JA_QUESTION.search(text) is not None


#: Chinese and Japanese mark terms, titles and scare quotes with the same marks as speech (“有事”, 「死刑釋憲案」): a
#: quotation counts as speech when it holds a clause's punctuation or at least this many characters
_CJK_TERM_CHARS = 8
_CLAUSE_PUNCT = re.compile(r"[，。！？；：,.!?;:]")


def _quoted_sentences(body: str, sents: list[Sentence], language: str | None) -> int:
    """How many sentences quote someone (for the quote density). Chinese and Japanese: the sentences where a
    quotation of speech starts, found in the whole text (their sentences end at the 。 inside “…。”, which leaves
    the closing mark to no sentence), short quoted terms left out; elsewhere, the sentences holding a quotation."""
    if language not in ("zh", "ja"):
        return sum(1 for s in sents if _QUOTED.search(body[s.start : s.end]))
    starts = {
        sentence_at(sents, m.start())
        for m in _QUOTED.finditer(body)
        if len(m.group()) - 2 >= _CJK_TERM_CHARS or _CLAUSE_PUNCT.search(m.group()[1:-1])
    }
    return len(starts) if sents else 0


def _wire_credit(body: str, model: GenreModel) -> float:
    """1.0 when a news agency is credited in the first two lines of the body (``model.wire``)."""
    if model.wire is None:
        return 0.0
    head = "\n".join(body.lstrip().split("\n", 2)[:2])
    return float(model.wire.search(head) is not None)


def _not_a_cue(label: str, text: str, start: int, end: int) -> bool:
    """A lexicon hit that is a name, not the cue: "US" (the country) as "us", "May" (the month) as "may"."""
    word = text[start:end]
    if label == "first_person":
        return word.isupper() and len(word) == 2  # US
    if label == "hedges" and word == "May":
        return bool(re.match(r"\s+\d", text[end : end + 3]) or re.search(r"\d\s+$", text[max(0, start - 3) : start]))
    return False


def _headline_features(article: Article, model: GenreModel) -> dict[str, float]:
    """Question or exclamation mark, colon, quotation and first/second person in the headline."""
    title = (article.title or "").strip()
    labels = {m.cue.label for m in model.lexicon.matches(title, language=article.language)} if title else set()
    return {
        "title_question": float(
            any(q in title[-3:] for q in QUESTION_MARKS) or title.endswith("¿") or ARMENIAN_QUESTION in title
        ),
        "title_exclamation": float("!" in title or "！" in title),
        "title_colon": float(":" in title or "：" in title),
        "title_quote": float(bool(re.search(r"[“\"«„‘]|(?<!\w)'", title))),
        "title_person": float(bool(labels & {"first_person", "second_person"})),
        "title_label": _title_label(title, model),
    }


def classify_genre(
    article: Article,
    *,
    model: GenreModel,
    sentences: list[Sentence] | None = None,
    trained: dict[str, float] | None = None,
) -> tuple[str, float, dict[str, float]]:
    """(genre, probability, all genre probabilities) of one article."""
    feats = genre_features(article, model, sentences)
    scores = {g: model.bias.get(g, 0.0) for g in model.genres}
    for name, spec in model.features.items():
        value = min(float(feats.get(name, 0.0)), float(spec.get("cap", 1e9)))
        for g, w in (spec.get("weights") or {}).items():
            if g in scores:
                scores[g] += float(w) * value
    top = max(scores.values())
    exp = {g: math.exp(s - top) for g, s in scores.items()}
    total = sum(exp.values())
    probs = {g: v / total for g, v in exp.items()}
    if model.style is not None and not trained:
        label_weight = float(model.features.get("title_label", {}).get("weights", {}).get("opinion", 0.0))
        wire_weight = float(model.features.get("dateline", {}).get("weights", {}).get("reporting", 0.0))
        return _style_decision(
            probs, feats, model.style, article.language, model.opinion_threshold, label_weight, wire_weight
        )
    if trained:
        best_t = max(trained, key=lambda g: trained[g])
        if trained[best_t] >= 0.5 or "analysis" not in probs or max(probs, key=lambda g: probs[g]) != "analysis":
            probs = {**{g: 0.0 for g in probs}, **trained}
    genre = max(probs, key=lambda g: (probs[g], -model.genres.index(g) if g in model.genres else 0))
    return genre, round(probs[genre], 4), {g: round(p, 4) for g, p in probs.items()}


def _style_decision(
    rule_probs: dict[str, float],
    feats: dict[str, float],
    style: StyleWeights,
    language: str | None,
    rule_threshold: float = 0.5,
    label_weight: float = 0.0,
    wire_weight: float = 0.0,
) -> tuple[str, float, dict[str, float]]:
    """Satire when the rules say so (its cues); analysis when the rules say so and a think-tank source or
    footnotes back it; otherwise opinion or reporting — by the learned weights in the languages they were fitted
    and measured on, by the rules elsewhere — sharing the mass of opinion, reporting and analysis."""
    rule_top = max(rule_probs, key=lambda g: rule_probs[g])
    backed = feats.get("source_think_tank", 0) > 0 or feats.get("footnotes", 0) > 0
    if rule_top == "satire" or (rule_top == "analysis" and backed):
        return rule_top, round(rule_probs[rule_top], 4), {g: round(p, 4) for g, p in rule_probs.items()}
    if (language or "en") in style.languages:
        p_op = style.opinion_probability(feats)
        # the outlet's section label, which the learned weights do not read, or else a news agency's credit, which
        # they read weakly (few of their training articles had one): the rules' log-odds for each
        shift = label_weight * feats.get("title_label", 0.0) or -wire_weight * float(feats.get("dateline", 0.0) > 0)
        if shift:
            logit = shift + math.log(max(p_op, 1e-9) / max(1 - p_op, 1e-9))
            p_op = 1 / (1 + math.exp(-logit))
        opinion = p_op >= style.threshold
    else:
        both = rule_probs.get("opinion", 0.0) + rule_probs.get("reporting", 0.0)
        p_op = rule_probs.get("opinion", 0.0) / both if both else 0.5
        opinion = p_op >= rule_threshold
    mass = sum(p for g, p in rule_probs.items() if g in ("opinion", "reporting", "analysis"))
    probs = {g: (0.0 if g == "analysis" else p) for g, p in rule_probs.items()}
    probs["opinion"], probs["reporting"] = mass * p_op, mass * (1 - p_op)
    genre = "opinion" if opinion else "reporting"
    return genre, round(probs[genre], 4), {g: round(p, 4) for g, p in probs.items()}


def doc_genre_rules(doc: Doc, model: GenreModel) -> tuple[str, float, dict[str, float]]:
    """:func:`classify_genre` of the article by the rules and shipped weights alone (no trained model), computed
    once per article: the genre stage's answer when no model is installed, and what the techniques' paragraph
    prior reads."""
    return doc.shared("genre.rules", lambda d: classify_genre(d.article, model=model, sentences=doc_sentences(d)))


class GenreStage:
    """Stage: sets ``article.genre`` and ``article.genre_score`` (style features; a trained model when present)."""

    def __init__(self, *, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> list[Item]:
        from ..learn.models import predict_proba_for

        model = self.resources.get("genre.features", load_genre_model)
        trained = predict_proba_for(self.resources, "genre", doc.article)
        if trained:
            genre, score, _ = classify_genre(doc.article, model=model, sentences=doc_sentences(doc), trained=trained)
        else:
            genre, score, _ = doc_genre_rules(doc, model)
        doc.article.genre = genre
        doc.article.genre_score = score
        return []


def register(registry: Registry) -> None:
    registry.register(
        COMPONENT,
        "stage",
        produces=("article.genre", "article.genre_score"),
        description="genre (opinion, reporting, analysis, satire) from style features, trained model if present",
        order=59,
    )(GenreStage)
