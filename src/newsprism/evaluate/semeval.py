"""The frame, genre and technique detectors scored on labelled articles with the official SemEval-2023 Task 3
figures: macro-F1 for genre, micro-F1 for frames and techniques, each beside a trivial floor.

``evaluate_dataset(ds, "frames")`` prints nothing and returns the figures; ``newsprism evaluate --task
genre|frames|techniques|all --data PATH`` prints them. Detectors run through the registered stages, so what is
measured is what the pipeline does: the lexicon
defaults, combined with trained models when they are installed (``models`` chooses a folder, ``use_models=False``
measures the defaults alone).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..learn.dataset import Dataset, LabelledArticle
from ..learn.models import TASKS, LoadedModel, load_model
from ..model import Article, Frame, Item, Technique
from ..pipeline import Resources, run_stages
from .metrics import label_lines, macro_f1, micro_prf, per_label_prf

__all__ = [
    "STAGES",
    "evaluate_dataset",
    "main",
    "multilabel_floor",
    "report_lines",
    "run_detectors",
    "single_label_floor",
]

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
        langs = [a.language for a in labelled]
        if t == "genre":
            gold_g = [a.genre or "" for a in labelled]
            pred_g = [x.genre or "" for x in arts]
            out[t] = _genre_figures(gold_g, pred_g, langs)
        elif t == "frames":
            gold = [set(a.frames or []) for a in labelled]
            pred = [{f.frame for f in items if isinstance(f, Frame) and f.family == "generic"} for items in found]
            out[t] = _multilabel_figures(gold, pred, langs)
        else:
            gold_sets: list[set[str]] = []
            pred_sets: list[set[str]] = []
            unit_langs: list[str] = []
            for a, items in zip(labelled, found, strict=True):
                lines = _paragraph_lines(a.body)
                by_line: dict[int, set[str]] = {}
                for it in items:
                    if isinstance(it, Technique) and it.paragraph is not None and it.paragraph < len(lines):
                        by_line.setdefault(lines[it.paragraph], set()).add(it.technique)
                for p in a.paragraphs or []:
                    gold_sets.append(set(p.techniques))
                    pred_sets.append(by_line.get(p.line, set()))
                    unit_langs.append(a.language)
            out[t] = _multilabel_figures(gold_sets, pred_sets, unit_langs)
    return out


def _multilabel_figures(gold: list[set[str]], pred: list[set[str]], langs: list[str]) -> dict[str, Any]:
    """micro P/R/F1 overall and per language, each beside the trivial floor; per-label P/R/F1 overall."""
    out: dict[str, Any] = dict(micro_prf(gold, pred))
    out["floor"] = multilabel_floor(gold)
    out["labels"] = per_label_prf(gold, pred)
    out["languages"] = {}
    for lang in sorted(set(langs)):
        idx = [i for i, x in enumerate(langs) if x == lang]
        g, p = [gold[i] for i in idx], [pred[i] for i in idx]
        out["languages"][lang] = {**micro_prf(g, p), "floor": multilabel_floor(g)["micro_f1"]}
    return out


def _genre_figures(gold: list[str], pred: list[str], langs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = dict(macro_f1(gold, pred))
    out["floor"] = single_label_floor(gold)
    out["labels"] = per_label_prf([{g} for g in gold], [{p} for p in pred])
    out["languages"] = {}
    for lang in sorted(set(langs)):
        idx = [i for i, x in enumerate(langs) if x == lang]
        g, p = [gold[i] for i in idx], [pred[i] for i in idx]
        m = macro_f1(g, p)
        out["languages"][lang] = {
            "macro_f1": m["macro_f1"],
            "accuracy": m["accuracy"],
            "n": m["n"],
            "floor": single_label_floor(g)["macro_f1"],
        }
    return out


def _model_note(res: Resources, task: str) -> str:
    model = res.get(f"learn.model:{task}", lambda r: load_model(task))
    if model is None:
        return "defaults (no trained model)"
    return f"trained model ({model.meta.get('train_size')} units, {model.meta.get('created')}) + defaults"


def multilabel_floor(gold: Sequence[set[str]], *, max_k: int = 6) -> dict[str, Any]:
    """The trivial floor: the best micro-F1 of a constant guess of the k most frequent gold labels (k = 1..max_k),
    computed on the evaluated data itself (so it is an optimistic floor)."""
    counts: dict[str, int] = {}
    for g in gold:
        for lab in g:
            counts[lab] = counts.get(lab, 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    best: dict[str, Any] = {"micro_f1": 0.0, "labels": []}
    for k in range(1, min(max_k, len(ranked)) + 1):
        guess = set(ranked[:k])
        score = micro_prf(gold, [guess] * len(gold))["micro_f1"]
        if score > best["micro_f1"]:
            best = {"micro_f1": score, "labels": sorted(guess)}
    return best


def single_label_floor(gold: Sequence[str]) -> dict[str, Any]:
    """The trivial floor of a single-label task: macro-F1 of always guessing the most frequent gold label."""
    if not gold:
        return {"macro_f1": 0.0, "label": None}
    top = max(sorted(set(gold)), key=lambda k: gold.count(k))
    return {"macro_f1": macro_f1(gold, [top] * len(gold))["macro_f1"], "label": top}


def report_lines(report: dict[str, Any]) -> list[str]:
    """The evaluation report as text: overall, per language beside the floor, per label."""
    lines = []
    for t, note in report["models"].items():
        r = report[t]
        if "error" in r:
            lines.append(f"{t:11} {r['error']}")
            continue
        metric = "macro_f1" if t == "genre" else "micro_f1"
        name = "macro-F1" if t == "genre" else "micro-F1"
        floor = r.get("floor", {}).get(metric, 0.0)
        if t == "genre":
            lines.append(
                f"{t:11} {name} {r[metric]:.4f}  accuracy {r['accuracy']:.4f}  n={r['n']}  "
                f"floor {floor:.4f} (always {r['floor'].get('label')})  [{note}]"
            )
        else:
            lines.append(
                f"{t:11} {name} {r[metric]:.4f}  P {r['precision']:.4f}  R {r['recall']:.4f}  n={r['n']}  "
                f"floor {floor:.4f} (always {'+'.join(r['floor'].get('labels', []))})  [{note}]"
            )
        for lang, row in r.get("languages", {}).items():
            lines.append(f"  {lang:4} {name} {row[metric]:.4f}  floor {row['floor']:.4f}  n={row['n']}")
        lines.extend(label_lines(r.get("labels", {}), 45))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """``newsprism evaluate --task genre|frames|techniques|all --data PATH [--split dev] [--no-models] [--json]``."""
    import argparse

    from ..learn.dataset import load_dataset

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.semeval", description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path, help="a SemEval-2023 Task 3 folder or a JSONL file of labelled articles")
    ap.add_argument("--task", choices=(*TASKS, "all"), default="all")
    ap.add_argument("--split", default="dev", help="SemEval split to evaluate on (default: dev)")
    ap.add_argument("--models", type=Path, default=None, help="folder of trained models")
    ap.add_argument("--no-models", action="store_true", help="measure the default (lexicon) detectors alone")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    ds = load_dataset(args.data, split=args.split)
    report = evaluate_dataset(ds, args.task, models=args.models, use_models=not args.no_models)
    if args.json:
        print(json.dumps({"split": args.split, **report}, ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"split: {args.split} ({len(ds.articles)} articles) from {report['data']}")
    for line in report_lines(report):
        print(line)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
