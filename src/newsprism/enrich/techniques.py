"""Persuasion techniques (the 23 SemEval-2023 Task 3 labels) at the span level, with the paragraph they sit in.

The default detector matches the cue lexicon of ``resources/techniques.yaml`` (multilingual; conservative, since
precision matters): a technique is reported in a paragraph when the summed weights of its cues there reach its
threshold, one :class:`~newsprism.model.Technique` per hit, pointing at the matched words or, for question and
claim patterns, at the whole sentence. Repetition is computed (anaphora: three or more consecutive sentences of one
paragraph
opening with the same two words). When a paragraph classifier trained with ``newsprism train --task techniques`` is
installed, paragraphs it labels with probability >= the label's calibrated cutoff (per language where the training
data allowed, see :mod:`newsprism.learn.calibration`) add a Technique spanning the paragraph (``cue`` is
None), unless the lexicon already found that technique there, whose score is then raised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..model import Technique
from .frames import Cue, Lexicon, Sentence, cues_from_mapping, doc_sentences, load_resource_yaml, sentence_at
from .lemmas import Lemmatizer, Token, doc_tokens, lemmatizer

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = ["TECHNIQUES", "TechniqueModel", "detect_techniques", "load_technique_model", "register"]

COMPONENT = "techniques.lexicon.v1"

#: The 23 persuasion techniques of SemEval-2023 Task 3 subtask 3, in the official spelling.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_Popularity",
    "Appeal_to_Values",
    "Appeal_to_Fear-Prejudice",
    "Flag_Waving",
    "Causal_Oversimplification",
    "False_Dilemma-No_Choice",
    "Consequential_Oversimplification",
    "Straw_Man",
    "Red_Herring",
    "Whataboutism",
    "Slogans",
    "Appeal_to_Time",
    "Conversation_Killer",
    "Loaded_Language",
    "Repetition",
    "Exaggeration-Minimisation",
    "Obfuscation-Vagueness-Confusion",
    "Name_Calling-Labeling",
    "Doubt",
    "Guilt_by_Association",
    "Appeal_to_Hypocrisy",
    "Questioning_the_Reputation",
)


@dataclass(frozen=True, slots=True)
class TechniqueModel:
    lexicon: Lexicon
    thresholds: dict[str, float]
    score: float
    lemmas: Lemmatizer | None = None


def load_technique_model(resources: Resources | None = None) -> TechniqueModel:
    data = load_resource_yaml("techniques.yaml")
    settings = data.get("settings", {})
    specs: Mapping[str, Any] = data.get("techniques") or {}
    own: dict[str, list[Cue]] = {}
    thresholds: dict[str, float] = {}
    for name, spec in specs.items():
        if name not in TECHNIQUES:
            raise ConfigError(f"techniques.yaml: unknown technique {name!r}; valid: {', '.join(TECHNIQUES)}")
        own[name] = cues_from_mapping(name, spec, source="techniques.yaml")
        thresholds[name] = float(spec.get("threshold", settings.get("threshold", 0.5)))
    cues: list[Cue] = []
    for name, spec in specs.items():
        cues += own[name]
        for other in spec.get("include") or []:
            if other not in own:
                raise ConfigError(f"techniques.yaml: {name} includes unknown technique {other!r}")
            cues += [Cue(c.term, c.weight, c.lang, name, c.source, c.span) for c in own[other]]
    return TechniqueModel(Lexicon(cues), thresholds, float(settings.get("score", 0.9)), lemmatizer(resources))


def _anaphora(body: str, sents: list[Sentence], article_id: str) -> list[Technique]:
    out: list[Technique] = []
    heads = [tuple(re.findall(r"\w+", body[s.start : s.end].casefold())[:2]) for s in sents]
    i = 0
    while i < len(sents):
        j = i
        while (
            j + 1 < len(sents)
            and len(heads[i]) == 2
            and heads[j + 1] == heads[i]
            and sents[j + 1].paragraph == sents[i].paragraph
        ):
            j += 1
        if j - i + 1 >= 3:
            start, end = sents[i].start, sents[j].end
            out.append(
                Technique(
                    article_id,
                    start,
                    end,
                    body[start:end],
                    0.6,
                    COMPONENT,
                    technique="Repetition",
                    paragraph=sents[i].paragraph,
                    cue=" ".join(heads[i]),
                )
            )
        i = j + 1
    return out


def detect_techniques(
    article_id: str,
    body: str,
    *,
    model: TechniqueModel,
    sentences: list[Sentence],
    paragraph_probs: list[tuple[int, int, int, dict[str, float]]] | None = None,
    threshold: float = 0.5,
    cutoffs: Mapping[str, float] | None = None,
    tokens: Sequence[Token] | None = None,
    language: str | None = None,
    paragraph_component: str = COMPONENT,
) -> list[Technique]:
    """Technique hits of one text (lexicon + anaphora, plus a trained paragraph classifier's labels when given).

    With ``language`` (one the lexicon has cues for), only that language's cues (and Chinese ones) are matched,
    compared with the words of ``tokens`` and their lemmas."""
    by_para: dict[tuple[str, int], list[tuple[int, int, str, float]]] = {}
    lexicon = model.lexicon
    if language and language.lower() in lexicon.languages:
        lexicon = lexicon.for_language(language, model.lemmas)
    for m in lexicon.matches(body, tokens=tokens if lexicon is not model.lexicon else None):
        si = sentence_at(sentences, m.start) if sentences else 0
        para = sentences[si].paragraph if sentences else 0
        if m.cue.span == "sentence" and sentences:
            start, end = sentences[si].start, sentences[si].end
        else:
            start, end = m.start, m.end
        by_para.setdefault((m.cue.label, para), []).append((start, end, m.text, m.cue.weight))
    out: list[Technique] = []
    for (label, para), hits in by_para.items():
        if sum(w for *_, w in hits) < model.thresholds.get(label, 0.5):
            continue
        seen: set[tuple[int, int]] = set()
        for start, end, text, weight in hits:
            if (start, end) in seen:
                continue
            seen.add((start, end))
            out.append(
                Technique(
                    article_id,
                    start,
                    end,
                    body[start:end],
                    round(min(1.0, weight * model.score), 4),
                    COMPONENT,
                    technique=label,
                    paragraph=para,
                    cue=text,
                )
            )
    out += _anaphora(body, sentences, article_id)
    if paragraph_probs:
        have = {(t.technique, t.paragraph) for t in out}
        for para, start, end, probs in paragraph_probs:
            for label, p in probs.items():
                if p < (cutoffs or {}).get(label, threshold):
                    continue
                if (label, para) in have:
                    for t in out:
                        if t.technique == label and t.paragraph == para:
                            t.score = round(min(1.0, 0.5 * t.score + 0.5 * p + 0.1), 4)
                    continue
                out.append(
                    Technique(
                        article_id,
                        start,
                        end,
                        body[start:end],
                        round(p, 4),
                        paragraph_component,
                        technique=label,
                        paragraph=para,
                        cue=None,
                    )
                )
    out.sort(key=lambda t: (t.start, t.technique))
    return out


class TechniqueStage:
    """Stage: persuasion techniques (lexicon + patterns; a trained paragraph classifier when installed)."""

    def __init__(self, *, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> list[Technique]:
        from ..learn.models import load_model, predict_paragraphs
        from .genre import doc_genre_rules, load_genre_model
        from .technique_prior import PRIOR_COMPONENT, load_paragraph_prior

        model = self.resources.get("techniques.lexicon", load_technique_model)
        probs = predict_paragraphs(self.resources, doc.article)
        trained = self.resources.get("learn.model:techniques", lambda r: load_model("techniques"))
        threshold = float(trained.meta.get("threshold", 0.5)) if trained is not None else 0.5
        lang = doc.article.language
        cutoffs = {k: trained.threshold(k, lang) for k in trained.labels} if trained is not None else None
        component = COMPONENT
        if probs is None:  # no trained model: the shipped paragraph prior (None when switched off)
            prior = self.resources.get("techniques.prior", load_paragraph_prior)
            if prior is not None:
                genre = self.resources.get("genre.features", load_genre_model)
                # the genre stage's rule probabilities, computed once per article
                probs = prior.paragraph_probs(doc.article, genre, doc_genre_rules(doc, genre)[2])
                cutoffs, component = dict(prior.cutoffs), PRIOR_COMPONENT
        return detect_techniques(
            doc.article.id,
            doc.article.body,
            model=model,
            sentences=doc_sentences(doc),
            paragraph_probs=probs,
            threshold=threshold,
            cutoffs=cutoffs,
            tokens=doc_tokens(doc),
            language=lang,
            paragraph_component=component,
        )


def register(registry: Registry) -> None:
    registry.register(
        COMPONENT,
        "stage",
        produces=("techniques",),
        description=(
            "persuasion techniques (23 SemEval-2023 labels): multilingual cue lexicon, trained model if present"
        ),
        order=62,
    )(TechniqueStage)
