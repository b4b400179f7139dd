"""The trained quote model: where the rules stop, it decides whether quoted words are a quote, and how much of them.

For each quotation the rules propose (:class:`~newsprism.enrich.quotes.Candidate`: the marks, the content span,
kind and attribution), the model chooses one of three answers: ``none`` (a scare quote, a title, a name in quote
marks, a quoted term nobody says), ``rules`` (keep the quote as the rules made it), ``marks`` (a ``mixed`` quote the
rules widened to the cue's complement is only its quoted words). It is a multinomial logistic regression over
sparse features of the quote (length, capitals, end punctuation, what stands before and after the marks, the parse
of its first words), of the attribution (the cue's lemma, how it was found, whether its subtree holds the quote) and
of the widening. Trained by :mod:`newsprism.learn.quotes` on PolNeAR train (``newsprism train --task quotes``);
the shipped weights are ``resources/quote_model.json`` (plain JSON: feature -> weight per answer, no pickle). A model
a user trained goes to ``<data folder>/models/quotes.json`` and is used instead when present.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources as ilr
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .mentions import token_at

if TYPE_CHECKING:
    from ..pipeline import Resources
    from .quotes import Candidate
    from .speakers import Attributor

__all__ = ["ANSWERS", "QuoteModel", "candidate_features", "load_quote_model", "user_model_path"]

ANSWERS = ("none", "rules", "marks")
FORMAT = 1


def _bucket(n: int) -> str:
    for lim, name in ((1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (9, "6-9"), (19, "10-19"), (39, "20-39")):
        if n <= lim:
            return name
    return "40+"


def candidate_features(
    text: str, parsed: Any, att: Attributor, c: Candidate, prev: Candidate | None
) -> dict[str, float]:
    """Sparse features of one candidate quotation (see the module docstring)."""
    first, last = c.marks[0], c.marks[-1]
    inner = text[first.start : last.end]
    words = inner.split()
    f: dict[str, float] = {"bias": 1.0}
    f["words=" + _bucket(len(words))] = 1.0
    f["log_words"] = math.log1p(len(words))
    f["kind=" + c.kind] = 1.0
    f["marks=" + _bucket(len(c.marks))] = 1.0
    f["label"] = float(c.label)
    if words:
        f["upper_first"] = float(words[0][:1].isupper())
        caps = sum(w[:1].isupper() for w in words)
        f["title_case"] = float(caps == len(words) and len(words) <= 6)
        f["all_caps"] = float(inner.isupper())
    f["end=" + (inner.rstrip()[-1:] if inner.rstrip()[-1:] in ".,!?;:—…" else "other")] = 1.0
    before = text[max(0, first.open - 2) : first.open].strip()
    f["before_char=" + (before[-1:] if before else "^")] = 1.0
    after = text[last.close + 1 : last.close + 3].strip()
    f["after_char=" + (after[:1] if after else "$")] = 1.0
    para_start = text.rfind("\n", 0, first.open) + 1
    f["para_start"] = float(not text[para_start : first.open].strip())
    line_end = text.find("\n", last.close)
    f["para_end"] = float(not text[last.close + 1 : line_end if line_end >= 0 else len(text)].strip(" .”\"’'"))
    qi = token_at(parsed, first.start)
    qj = token_at(parsed, max(last.end - 1, first.start))
    if qi > 0:
        prev_tok = parsed[qi - 1]
        if prev_tok.is_punct and qi > 1:
            prev_tok = parsed[qi - 2]
        f["prev_word=" + prev_tok.lower_] = 1.0
        f["prev_pos=" + prev_tok.pos_] = 1.0
    if qj + 1 < len(parsed):
        nxt = parsed[qj + 1]
        if nxt.is_punct and qj + 2 < len(parsed):
            nxt = parsed[qj + 2]
        f["next_word=" + nxt.lower_] = 1.0
        f["next_pos=" + nxt.pos_] = 1.0
    toks = [t for t in parsed[qi : qj + 1] if not t.is_punct]
    if toks:
        root = next((t for t in toks if not (qi <= t.head.i <= qj) or t.head is t), toks[0])
        f["root_pos=" + root.pos_] = 1.0
        f["root_dep=" + root.dep_] = 1.0
        f["head_lemma=" + root.head.lemma_.lower()] = 1.0
        f["has_verb"] = float(any(t.pos_ in {"VERB", "AUX"} for t in toks))
        f["has_pron"] = float(any(t.pos_ == "PRON" and t.lower_ in {"i", "we", "you", "my", "our"} for t in toks))
        f["first_pos=" + toks[0].pos_] = 1.0
        f["propn_share"] = sum(t.pos_ == "PROPN" for t in toks) / len(toks)
    a = c.attr
    if a is None:
        f["attr=none"] = 1.0
    else:
        how = {"according to": "according", "―": "dash", ":": "colon", "": "paragraph"}.get(a.cue, "cue")
        f["attr=" + how] = 1.0
        f["linked"] = float(a.linked)
        if a.cue_i >= 0:
            f["cue=" + parsed[a.cue_i].lemma_.lower()] = 1.0
            f["cue_side=" + ("before" if a.cue_i < qi else "after")] = 1.0
        f["speaker_words=" + _bucket(len(text[a.speaker_start : a.speaker_end].split()))] = 1.0
    if c.kind == "mixed":
        span_words = len(text[c.start : c.end].split())
        f["widen=" + _bucket(max(0, span_words - len(words)))] = 1.0
        f["widen_ratio"] = min(5.0, span_words / max(1, len(words)))
    if prev is not None:
        gap = text[prev.end : first.open]
        f["prev_gap=" + ("nl" if "\n" in gap else _bucket(len(gap.split())))] = 1.0
        f["prev_attr"] = float(prev.attr is not None)
    return f


@dataclass(slots=True)
class QuoteModel:
    """Weights of the quote model: ``weights[answer][feature]`` and a bias per answer."""

    weights: dict[str, dict[str, float]]
    meta: dict[str, Any] = field(default_factory=dict)
    threshold: float = 0.5

    def probabilities(self, feats: dict[str, float]) -> dict[str, float]:
        scores = {a: sum(w.get(k, 0.0) * v for k, v in feats.items()) for a, w in self.weights.items()}
        top = max(scores.values())
        exp = {a: math.exp(s - top) for a, s in scores.items()}
        total = sum(exp.values())
        return {a: e / total for a, e in exp.items()}

    def decide(
        self, text: str, parsed: Any, att: Attributor, c: Candidate, prev: Candidate | None
    ) -> tuple[str, float]:
        """The answer for one candidate and the probability that it is a quote at all."""
        p = self.probabilities(candidate_features(text, parsed, att, c, prev))
        if c.kind != "mixed":
            p["rules"] = p.get("rules", 0.0) + p.pop("marks", 0.0)
        quote = 1.0 - p.get("none", 0.0)
        if quote < self.threshold:
            return "none", quote
        best = max((a for a in p if a != "none"), key=lambda a: p[a])
        return best, quote

    def to_json(self) -> str:
        return json.dumps(
            {"format": FORMAT, "threshold": self.threshold, "meta": self.meta, "weights": self.weights},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str, *, source: str = "") -> QuoteModel:
        from ..errors import ConfigError

        try:
            data = json.loads(text)
            weights = {str(a): {str(k): float(v) for k, v in w.items()} for a, w in data["weights"].items()}
            if data.get("format") != FORMAT or set(weights) - set(ANSWERS) or "none" not in weights:
                raise ValueError(f"format {data.get('format')!r}, answers {sorted(weights)}")
            return cls(weights, dict(data.get("meta", {})), float(data.get("threshold", 0.5)))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{source or 'quote model'}: not a newsprism quote model ({exc})") from exc


def user_model_path(base: Path | None = None) -> Path:
    """Where ``newsprism train --task quotes`` writes a model: ``<data folder>/models/quotes.json``."""
    from ..learn.models import models_dir

    return models_dir(base) / "quotes.json"


def load_quote_model(resources: Resources | None = None, *, path: Path | None = None) -> QuoteModel | None:
    """The user's trained quote model when present, else the shipped one (cached on ``resources``)."""

    def build(_: Any = None) -> QuoteModel | None:
        user = path or user_model_path()
        if user.is_file():
            return QuoteModel.from_json(user.read_text(encoding="utf-8"), source=str(user))
        shipped = ilr.files("newsprism.enrich").joinpath("resources/quote_model.json")
        if not shipped.is_file():
            return None
        return QuoteModel.from_json(shipped.read_text(encoding="utf-8"), source="resources/quote_model.json")

    if resources is None:
        return build()
    return resources.get("quotes.model", build)
