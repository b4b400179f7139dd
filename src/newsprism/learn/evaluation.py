"""Run the frame, genre and technique detectors over labelled data and score them with the official metrics.

``evaluate_dataset(ds, "frames")`` prints nothing and returns the figures; the CLI (``newsprism evaluate``) prints
them. Detectors run through the registered stages, so what is measured is what the pipeline does: the lexicon
defaults, combined with trained models when they are installed (``models`` chooses a folder, ``use_models=False``
measures the defaults alone).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..model import Article, Frame, Item, Technique
from ..pipeline import Resources, run_stages
from .dataset import Dataset, LabelledArticle
from .metrics import macro_f1, micro_prf
from .models import TASKS, LoadedModel, load_model

__all__ = ["STAGES", "evaluate_dataset", "run_detectors"]

#: The stages each task runs.
STAGES = {"genre": ("genre.features.v1",), "frames": ("frames.generic.v1",), "techniques": ("techniques.lexicon.v1",)}


def _resources(models: Path | None, use_models: bool) -> Resources:
    res = Resources()
    for task in TASKS:
        if not use_models:
            res.get(f"learn.model:{task}", _none)
        elif models is not None:
            res.get(f"learn.model:{task}", _loader(task, models))
    return res


def _none(resources: Resources) -> LoadedModel | None:
    return None


def _loader(task: str, folder: Path) -> Callable[[Resources], LoadedModel | None]:
    def load(resources: Resources) -> LoadedModel | None:
        return load_model(task, directory=folder)

    return load


def run_detectors(
    articles: Sequence[Article], stages: Sequence[str], *, resources: Resources | None = None
) -> list[list[Item]]:
    """The items each article gets from ``stages`` (article fields such as genre are set on the articles)."""
    res = resources or Resources()
    specs = res.registry.plan(list(stages))
    results = run_stages(list(articles), specs, res)
    out: list[list[Item]] = []
    for r in results:
        items: list[Item] = []
        for o in r.outputs:
            if o.error:
                from ..errors import StageError

                raise StageError(o.stage, r.article_id, o.error)
            items += o.items
        out.append(items)
    return out


def _article(a: LabelledArticle) -> Article:
    return Article(id=a.id, title=a.title or None, body=a.body, language=a.language)


def _paragraph_lines(body: str) -> list[int]:
    """1-based file line of each paragraph index (a paragraph is a non-empty line)."""
    return [n for n, line in enumerate(body.split("\n"), start=1) if line.strip()]


def evaluate_dataset(ds: Dataset, task: str, *, models: Path | None = None, use_models: bool = True) -> dict[str, Any]:
    """Official figures of ``task`` (genre: macro-F1; frames, techniques: micro-F1) on ``ds``."""
    tasks = TASKS if task == "all" else (task,)
    res = _resources(models, use_models)
    out: dict[str, Any] = {"data": ds.source, "models": {t: _model_note(res, t) for t in tasks}}
    for t in tasks:
        labelled = ds.with_task(t)
        if not labelled:
            out[t] = {"error": "no labelled articles for this task"}
            continue
        arts = [_article(a) for a in labelled]
        found = run_detectors(arts, STAGES[t], resources=res)
        if t == "genre":
            out[t] = macro_f1([a.genre or "" for a in labelled], [x.genre or "" for x in arts])
        elif t == "frames":
            gold = [set(a.frames or []) for a in labelled]
            pred = [{f.frame for f in items if isinstance(f, Frame) and f.family == "generic"} for items in found]
            out[t] = micro_prf(gold, pred)
        else:
            gold_sets: list[set[str]] = []
            pred_sets: list[set[str]] = []
            for a, items in zip(labelled, found, strict=True):
                lines = _paragraph_lines(a.body)
                by_line: dict[int, set[str]] = {}
                for it in items:
                    if isinstance(it, Technique) and it.paragraph is not None and it.paragraph < len(lines):
                        by_line.setdefault(lines[it.paragraph], set()).add(it.technique)
                for p in a.paragraphs or []:
                    gold_sets.append(set(p.techniques))
                    pred_sets.append(by_line.get(p.line, set()))
            out[t] = micro_prf(gold_sets, pred_sets)
    return out


def _model_note(res: Resources, task: str) -> str:
    model = res.get(f"learn.model:{task}", lambda r: load_model(task))
    if model is None:
        return "defaults (no trained model)"
    return f"trained model ({model.meta.get('train_size')} units, {model.meta.get('created')}) + defaults"
