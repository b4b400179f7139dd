"""Trained classifiers: fit, store in the data folder with metadata, load safely, predict for the pipeline.

Each task has one model file ``<models_dir>/<task>.joblib`` and a metadata file ``<task>.json``::

    {"producer": "newsprism", "format": 1, "task": "frames", "unit": "article", "labels": [...],
     "train_size": 812, "languages": ["en", "ru"], "created": "2026-...Z", "sklearn_version": "1.9.1",
     "newsprism_version": "0.1.0", "sha256": "<hash of the .joblib file>", "threshold": 0.5, "source": "<data>"}

The classifier is TF-IDF word 1-2-grams + character 2-5-grams (``char_wb``) feeding a logistic regression
(one-vs-rest for multi-label tasks), class weights balanced. Pickle-based files can run code when loaded, so
:func:`load_model` only opens a ``.joblib`` file whose metadata says newsprism wrote it and whose SHA-256 matches the
hash recorded at training time, and whose scikit-learn major.minor version equals the installed one; anything else
is skipped with a log message (the lexicon detectors then work alone). Only load model folders you trust.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import data_dir
from ..errors import ConfigError
from .dataset import Dataset, LabelledArticle

if TYPE_CHECKING:
    from ..model import Article
    from ..pipeline import Resources

__all__ = ["TASKS", "LoadedModel", "load_model", "models_dir", "predict_paragraphs", "predict_proba_for", "train"]

log = logging.getLogger(__name__)

TASKS = ("genre", "frames", "techniques")
_UNIT = {"genre": "article", "frames": "article", "techniques": "paragraph"}
FORMAT = 1


def models_dir(base: Path | None = None) -> Path:
    """Where trained models live: ``<data_dir>/models`` (``$NEWSPRISM_HOME`` moves it)."""
    return (base if base is not None else data_dir()) / "models"


@dataclass(slots=True)
class LoadedModel:
    task: str
    estimator: Any
    labels: list[str]
    meta: dict[str, Any]
    binarizer: Any = None

    @property
    def multilabel(self) -> bool:
        return self.task != "genre"

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        """Label probabilities of each text (genre: with the calibrated per-genre offsets, renormalised)."""
        probs = self.estimator.predict_proba(texts)
        classes = list(self.binarizer.classes_) if self.multilabel else list(self.estimator.classes_)
        rows = [{str(c): float(p) for c, p in zip(classes, row, strict=True)} for row in probs]
        bias = self.meta.get("class_bias")
        if self.multilabel or not isinstance(bias, dict):
            return rows
        out = []
        for row in rows:
            adj = {k: p * math.exp(float(bias.get(k, 0.0))) for k, p in row.items()}
            total = sum(adj.values()) or 1.0
            out.append({k: v / total for k, v in adj.items()})
        return out

    def threshold(self, label: str, language: str | None = None) -> float:
        """The decision cutoff of ``label`` (calibrated per language when the data allowed, else per label)."""
        table = self.meta.get("thresholds")
        if isinstance(table, dict):
            for key in (language or "", "*"):
                row = table.get(key)
                if isinstance(row, dict) and label in row:
                    return float(row[label])
        return float(self.meta.get("threshold", 0.5))

    def decide(self, probs: dict[str, float], language: str | None = None) -> dict[str, float]:
        """The labels whose probability reaches their cutoff, with the probability."""
        return {k: p for k, p in probs.items() if p >= self.threshold(k, language)}


def _features() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_features=200_000),
            ),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1, max_features=300_000
                ),
            ),
        ]
    )


def _units(task: str, articles: list[LabelledArticle]) -> tuple[list[str], list[Any], list[str], list[str]]:
    """Texts, targets, the article of each unit (``lang:id``, its fold group) and its language."""
    texts: list[str] = []
    targets: list[Any] = []
    groups: list[str] = []
    langs: list[str] = []
    for a in articles:
        units: list[tuple[str, Any]]
        if task == "genre" and a.genre:
            units = [(a.body, a.genre)]
        elif task == "frames" and a.frames is not None:
            units = [(a.body, list(a.frames))]
        elif task == "techniques" and a.paragraphs:
            units = [(a.body[p.start : p.end], list(p.techniques)) for p in a.paragraphs]
        else:
            units = []
        for text, target in units:
            texts.append(text)
            targets.append(target)
            groups.append(f"{a.language}:{a.id}")
            langs.append(a.language)
    return texts, targets, groups, langs


def _calibrate(
    task: str,
    texts: list[str],
    targets: list[Any],
    groups: list[str],
    langs: list[str],
    labels: list[str],
    *,
    folds: int,
    c: float,
) -> dict[str, Any]:
    """Calibration metadata: ``thresholds`` (frames, techniques) or ``class_bias`` (genre), and held-out figures."""
    from .calibration import calibrate_labels, fit_class_bias, out_of_fold

    if folds < 2 or len(set(groups)) < 2 * folds:
        return {"calibrated": False}
    multilabel = task != "genre"
    probs = out_of_fold(
        texts, targets, groups, folds=folds, features=_features, c=c, classes=labels, multilabel=multilabel
    )
    if multilabel:
        cal = calibrate_labels(probs, targets, langs, labels)
        return {"calibrated": True, "folds": folds, "thresholds": cal["thresholds"], "held_out": cal["held_out"]}
    return {"calibrated": True, "folds": folds, "class_bias": fit_class_bias(probs, targets, labels)}


def train(
    data: Dataset, task: str, *, out_dir: Path | None = None, c: float = 4.0, threshold: float = 0.5, folds: int = 3
) -> dict[str, Any]:
    """Fit the ``task`` classifier on ``data`` and store it in ``out_dir`` (default :func:`models_dir`).

    With ``folds`` >= 2 (and enough articles), decision thresholds are calibrated on held-out folds first
    (:mod:`.calibration`): per label and language for frames and techniques, one offset per genre for genre;
    ``threshold`` is the cutoff used when they cannot be. Returns the metadata written. Raises
    :class:`ConfigError` when the data holds too few labelled units.
    """
    if task not in TASKS:
        raise ConfigError(f"unknown task {task!r}; valid: {', '.join(TASKS)}")
    import joblib
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import MultiLabelBinarizer

    articles = data.with_task(task)
    texts, targets, groups, langs = _units(task, articles)
    binarizer = None
    if task == "genre":
        labels = sorted(set(targets))
        if len(texts) < 2 or len(labels) < 2:
            raise ConfigError(f"{data.source}: task genre needs at least 2 labelled articles and 2 genres")
        est = Pipeline(
            [("features", _features()), ("clf", LogisticRegression(C=c, max_iter=2000, class_weight="balanced"))]
        )
        est.fit(texts, targets)
    else:
        counts: dict[str, int] = {}
        for t in targets:
            for lab in t:
                counts[lab] = counts.get(lab, 0) + 1
        # a label on every unit or on none cannot be learnt: keep labels seen on some units but not all
        labels = sorted(lab for lab, k in counts.items() if 0 < k < len(targets))
        if len(texts) < 2 or not labels:
            raise ConfigError(f"{data.source}: task {task} needs units with and without each label; found none")
        binarizer = MultiLabelBinarizer(classes=labels)
        y = binarizer.fit_transform([[lab for lab in t if lab in labels] for t in targets])
        est = Pipeline(
            [
                ("features", _features()),
                ("clf", OneVsRestClassifier(LogisticRegression(C=c, max_iter=2000, class_weight="balanced"))),
            ]
        )
        est.fit(texts, y)
    calibration = _calibrate(task, texts, targets, groups, langs, labels, folds=folds, c=c)
    out = out_dir if out_dir is not None else models_dir()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{task}.joblib"
    tmp = path.with_suffix(".joblib.part")
    joblib.dump({"estimator": est, "binarizer": binarizer}, tmp)
    tmp.replace(path)
    meta = {
        "producer": "newsprism",
        "format": FORMAT,
        "task": task,
        "unit": _UNIT[task],
        "labels": labels,
        "train_size": len(texts),
        "articles": len(articles),
        "languages": sorted({a.language for a in articles}),
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sklearn_version": sklearn.__version__,
        "newsprism_version": _version(),
        "sha256": _sha256(path),
        "threshold": threshold,
        "source": data.source,
        **calibration,
    }
    (out / f"{task}.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    return meta


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsprism")
    except PackageNotFoundError:  # pragma: no cover
        return "0"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_model(task: str, *, directory: Path | None = None) -> LoadedModel | None:
    """The stored ``task`` model, or None when there is none or it fails the safety checks (logged)."""
    folder = directory if directory is not None else models_dir()
    meta_path, path = folder / f"{task}.json", folder / f"{task}.joblib"
    if not meta_path.exists() or not path.exists():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        log.warning("%s: unreadable model metadata (%s); model skipped", meta_path, exc)
        return None
    if not isinstance(meta, dict) or meta.get("producer") != "newsprism" or meta.get("task") != task:
        log.warning("%s: not a newsprism %s model; skipped", meta_path, task)
        return None
    if meta.get("sha256") != _sha256(path):
        log.warning("%s: file changed since newsprism wrote it (hash mismatch); skipped", path)
        return None
    import sklearn

    if str(meta.get("sklearn_version", "")).split(".")[:2] != sklearn.__version__.split(".")[:2]:
        log.warning(
            "%s: trained with scikit-learn %s, %s installed; retrain with 'newsprism train'; skipped",
            path,
            meta.get("sklearn_version"),
            sklearn.__version__,
        )
        return None
    import joblib

    blob = joblib.load(path)
    return LoadedModel(task, blob["estimator"], list(meta.get("labels", [])), meta, blob.get("binarizer"))


def _cached(resources: Resources, task: str) -> LoadedModel | None:
    return resources.get(f"learn.model:{task}", lambda r: load_model(task))


def predict_proba_for(resources: Resources, task: str, article: Article) -> dict[str, float] | None:
    """Article-level label probabilities from the stored ``task`` model, or None when no model is installed."""
    model = _cached(resources, task)
    if model is None:
        return None
    return model.predict_proba([article.body])[0]


def predict_paragraphs(resources: Resources, article: Article) -> list[tuple[int, int, int, dict[str, float]]] | None:
    """(paragraph index, start, end, technique probabilities) of every non-empty line, or None without a model."""
    model = _cached(resources, "techniques")
    if model is None:
        return None
    from ..enrich.technique_prior import paragraph_spans

    spans = paragraph_spans(article.body)
    if not spans:
        return []
    probs = model.predict_proba([article.body[s:e] for _, s, e in spans])
    return [(i, s, e, p) for (i, s, e), p in zip(spans, probs, strict=True)]
