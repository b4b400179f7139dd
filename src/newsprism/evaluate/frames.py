"""Evaluation of the default frame, genre and technique detectors against the seed page's gold.

``evaluate_frames(text, gold)`` cuts the gold's articles out of the page text by their first and last sentences
(``body_starts_with``/``body_ends_with``), runs the genre, generic-frame, narrative-frame and technique stages, and
returns precision/recall/F1 of generic frames, narrative frames (frame found with its evidence), their holders and
persuasion techniques, plus genre accuracy. The gold lists are minimums, so precision is a lower bound.

Command line: ``newsprism evaluate --task seed --data examples/kazakhstan-2022-01-12.txt --gold GOLD.json``
or ``python -m newsprism.evaluate.frames TEXT GOLD``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..learn.evaluation import run_detectors
from ..learn.seed import evaluate_seed
from .seed import seed_articles

__all__ = ["SEED_STAGES", "evaluate_frames", "format_report", "main"]

SEED_STAGES = ("genre.features.v1", "frames.generic.v1", "frames.narrative.v1", "techniques.lexicon.v1")


def evaluate_frames(text_path: str | Path, gold_path: str | Path) -> dict[str, Any]:
    """P/R/F1 of the default detectors on the page ``text_path`` against ``gold_path`` (seed gold format)."""
    gold_p = Path(gold_path)
    try:
        gold = json.loads(gold_p.read_text(encoding="utf-8"))
        text = Path(text_path).read_text(encoding="utf-8")
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(gold_p if isinstance(exc, json.JSONDecodeError) else text_path), str(exc)) from None
    by_title = {a.title: a for a in seed_articles(text_path)}
    missing = [g["title"] for g in gold["articles"] if g["title"] not in by_title]
    if missing or not text:
        raise InputError(str(text_path), f"articles of the gold not found in the page: {missing}")
    articles = [by_title[g["title"]] for g in gold["articles"]]
    found = run_detectors(articles, SEED_STAGES)
    report = evaluate_seed(gold, found)
    genres = [(g.get("genre"), a.genre) for g, a in zip(gold["articles"], articles, strict=True) if g.get("genre")]
    report["genre"] = {"accuracy": round(sum(1 for g, p in genres if g == p) / len(genres), 4) if genres else 0.0,
                       "pairs": [{"gold": g, "predicted": p} for g, p in genres]}  # fmt: skip
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{'':20} {'P':>6} {'R':>6} {'F1':>6}"]
    for key in ("generic_frames", "narrative_frames", "narrative_holders", "techniques"):
        r = report[key]
        lines.append(f"{key:20} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
    lines.append(f"{'genre accuracy':20} {report['genre']['accuracy']:6.3f}")
    lines += [f"missing: {m}" for m in report["misses"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m newsprism.evaluate.frames PAGE_TEXT GOLD_JSON", file=sys.stderr)
        return 2
    report = evaluate_frames(args[0], args[1])
    print(format_report(report))
    return 0 if not report["misses"] else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
