"""Paragraph-level probabilities of the most common persuasion techniques from style, for the default detector.

The cue lexicon of :mod:`newsprism.enrich.techniques` finds a technique where a known word or pattern says so, and
stays silent elsewhere: precise, but on real pages it finds few of the paragraphs annotators label (recall 0.02 on
the tune part of newsprism's technique check set). Annotators label loaded language, attacks on reputation, name
calling and exaggeration mostly in long paragraphs of opinion pieces, with evaluative words, questions and
exclamations. This module scores each paragraph (a non-empty line) with one small logistic model per technique
over language-neutral features — the article's probability of being opinion (the genre detector), the paragraph's
length, its evaluative words and first/second person (the genre cue lists of its language), questions,
exclamations, quoted share, numbers, and its position — and reports a technique where the probability reaches
that technique's cutoff, with the paragraph as its evidence, the probability as its score (calibrated: no class
weights, so a guess from style reads as one, mostly 0.1–0.5, where a lexicon hit scores 0.8–0.9) and the component
``techniques.style-prior.v1``. Where a lexicon cue found the same technique in the paragraph, the hit keeps the
lexicon's component and its score is raised. Comparisons of outlets count cue-bearing hits only
(:func:`is_style_guess`).

``resources/technique_paragraphs.json`` holds the weights, fitted by ``benchmarks/technique_prior_fit.py`` on the
tune part of ``evaluate/resources/techniques_pages.yaml`` (our own annotations; no text), and names its source.
A trained technique model (``newsprism train --task techniques``) replaces it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..model import STYLE_GUESS_COMPONENT, Article, is_style_guess
from .genre import ARMENIAN_QUESTION, QUESTION_MARKS
from .hanzi import UNSPACED

if TYPE_CHECKING:
    from .genre import GenreModel

__all__ = [
    "FEATURES",
    "PRIOR_COMPONENT",
    "ParagraphPrior",
    "is_style_guess",
    "load_paragraph_prior",
    "paragraph_rows",
    "paragraph_spans",
    "prior_from",
]

#: The component of a technique found by this prior alone (a lexicon hit in the same paragraph keeps the lexicon's).
PRIOR_COMPONENT = STYLE_GUESS_COMPONENT

FEATURES = (
    "opinion",
    "log_chars",
    "evaluative",
    "person",
    "question",
    "exclamation",
    "quoted",
    "numbers",
    "headline",
    "position",
)
_NUMBER = re.compile(r"(?<!\w)\d[\d.,]*(?!\w)")
# double quotation marks only (not genre.py's fuller pattern): the shipped weights were fitted with this feature
_QUOTED = re.compile(r"[“\"«„][^”\"»“]{1,600}[”\"»“]")


def paragraph_spans(body: str) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of every non-empty line (the SemEval paragraph)."""
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            spans.append((len(spans), pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def opinion_probability(article: Article, genre: GenreModel, probs: Mapping[str, float] | None = None) -> float:
    """P(opinion) against reporting of the whole article, by the genre detector's rules (``probs``: its genre
    probabilities when already computed, see :func:`newsprism.enrich.genre.doc_genre_rules`)."""
    if probs is None:
        from .genre import classify_genre

        _, _, probs = classify_genre(article, model=genre)
    both = probs.get("opinion", 0.0) + probs.get("reporting", 0.0)
    return probs.get("opinion", 0.0) / both if both else 0.5


def paragraph_rows(
    article: Article, genre: GenreModel, genre_probs: Mapping[str, float] | None = None
) -> list[tuple[int, int, int, list[float]]]:
    """(paragraph index, start, end, values of :data:`FEATURES`) of every paragraph of ``article``."""
    body = article.body
    spans = paragraph_spans(body)
    if not spans:
        return []
    p_op = opinion_probability(article, genre, genre_probs)
    rows = []
    for idx, start, end in spans:
        text = body[start:end]
        labels = [m.cue.label for m in genre.lexicon.matches(text, language=article.language)]
        quoted = sum(len(m.group()) for m in _QUOTED.finditer(text))
        rows.append(
            (
                idx,
                start,
                end,
                [
                    p_op,
                    # a Han or kana character is about 1/1.5 of a word, a Latin letter about 1/6: it counts as four
                    math.log1p(len(text) + 3 * len(UNSPACED.findall(text))),
                    float(min(3, labels.count("evaluative"))),
                    float(min(3, labels.count("first_person") + labels.count("second_person"))),
                    float(any(q in text for q in QUESTION_MARKS) or ARMENIAN_QUESTION in text),
                    float("!" in text or "！" in text),
                    quoted / max(1, len(text)),
                    float(min(5, len(_NUMBER.findall(text)))),
                    float(idx == 0),
                    idx / max(1, len(spans) - 1),
                ],
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class ParagraphPrior:
    means: tuple[float, ...]
    scales: tuple[float, ...]
    #: per technique: (weights of the standardised features, intercept)
    models: Mapping[str, tuple[tuple[float, ...], float]]
    cutoffs: Mapping[str, float]
    source: str = ""

    def probabilities(self, values: Sequence[float]) -> dict[str, float]:
        z = [(v - m) / s for v, m, s in zip(values, self.means, self.scales, strict=True)]
        out = {}
        for label, (weights, intercept) in self.models.items():
            t = intercept + sum(w * x for w, x in zip(weights, z, strict=True))
            out[label] = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, t))))
        return out

    def paragraph_probs(
        self, article: Article, genre: GenreModel, genre_probs: Mapping[str, float] | None = None
    ) -> list[tuple[int, int, int, dict[str, float]]]:
        """What the technique detector takes as ``paragraph_probs``."""
        return [(i, s, e, self.probabilities(v)) for i, s, e, v in paragraph_rows(article, genre, genre_probs)]


def prior_from(data: Mapping[str, Any], *, where: str = "technique_paragraphs.json") -> ParagraphPrior:
    try:
        names = tuple(data["features"])
        if names != FEATURES:
            raise ConfigError(f"{where}: features {names} are not {FEATURES}")
        return ParagraphPrior(
            tuple(float(x) for x in data["means"]),
            tuple(float(x) or 1.0 for x in data["scales"]),
            {
                str(k): (tuple(float(w) for w in v["weights"]), float(v["intercept"]))
                for k, v in data["techniques"].items()
            },
            {str(k): float(v["cutoff"]) for k, v in data["techniques"].items()},
            str(data.get("source", "")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: not a paragraph prior file ({exc!r})") from None


def load_paragraph_prior(resources: object | None = None) -> ParagraphPrior:
    """The weights shipped in ``newsprism/enrich/resources/technique_paragraphs.json``."""
    from .frames import load_resource_json

    return prior_from(load_resource_json("technique_paragraphs.json"))
