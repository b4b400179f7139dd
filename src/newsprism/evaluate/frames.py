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
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Frame, Item, Technique
from .metrics import Report
from .seed import seed_articles
from .semeval import run_detectors

__all__ = ["SEED_STAGES", "evaluate_frames", "evaluate_seed", "format_report", "main"]

SEED_STAGES = ("genre.features.v1", "frames.generic.v1", "frames.narrative.v1", "techniques.lexicon.v1")


def _norm(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKC", s).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(s.split()).casefold()


def _prf(correct: int, n_pred: int, n_gold: int, found: int) -> dict[str, float]:
    """Precision correct/n_pred, recall found/n_gold (the gold lists are minimums: see :func:`evaluate_seed`)."""
    r = Report(correct, n_pred, found, n_gold)
    return {**r.figures(), "correct": correct, "predicted": n_pred, "gold": n_gold}


def evaluate_seed(gold: dict[str, Any], found: Sequence[Iterable[Item]]) -> dict[str, Any]:
    """P/R/F1 of generic frames, narrative frames (with evidence and holder) and techniques against the seed gold.

    ``found[i]`` holds the items produced for gold article ``i``. The gold lists are minimums ("must"), so
    precision counts a prediction as right only when it matches a gold item: an honest lower bound.
    """
    tallies = {k: [0, 0, 0, 0] for k in ("generic_frames", "narrative_frames", "narrative_holders", "techniques")}
    misses: list[str] = []
    for i, (ga, items) in enumerate(zip(gold["articles"], found, strict=True)):
        items = list(items)
        frames = [f for f in items if isinstance(f, Frame)]
        generic = {f.frame for f in frames if f.family == "generic"}
        narrative = [f for f in frames if f.family == "narrative"]
        techs = [t for t in items if isinstance(t, Technique)]
        must_g = set(ga.get("generic_frames_must", []))
        t = tallies["generic_frames"]
        t[0] += len(generic & must_g)
        t[1] += len(generic)
        t[2] += len(must_g)
        t[3] += len(generic & must_g)
        misses += [f"article {i + 1}: generic frame {g}" for g in sorted(must_g - generic)]
        names_hit: set[str] = set()
        for g in ga.get("narrative_frames_must", []):
            first = _norm(g["frame"]).split()[0]
            hit = [f for f in narrative if first in _norm(f.frame)]
            ok = bool(hit) and any(
                any(_norm(ev) in _norm(json.dumps(f.to_dict(), ensure_ascii=False)) for ev in g["evidence_any"])
                for f in hit
            )
            if ok:
                names_hit.update(f.frame for f in hit)
            tallies["narrative_frames"][3] += int(ok)
            tallies["narrative_frames"][2] += 1
            if not ok:
                misses.append(f"article {i + 1}: narrative frame {g['frame']}")
            if "attributed_to" in g:
                wanted = [_norm(x) for x in g.get("attributed_to_any", [g["attributed_to"]])]
                held = ok and any(
                    any(w in _norm(json.dumps(f.holder or "", ensure_ascii=False)) for w in wanted) for f in hit
                )
                for j in (0, 3):
                    tallies["narrative_holders"][j] += int(held)
                tallies["narrative_holders"][1] += 1
                tallies["narrative_holders"][2] += 1
                if not held:
                    misses.append(f"article {i + 1}: holder {g['attributed_to']} of {g['frame']}")
        tallies["narrative_frames"][0] += len(names_hit)
        tallies["narrative_frames"][1] += len({f.frame for f in narrative})
        must_t = {g["technique"] for g in ga.get("persuasion_techniques_must", [])}
        pred_t = {x.technique for x in techs}
        tt = tallies["techniques"]
        tt[0] += len(pred_t & must_t) if must_t else 0
        tt[1] += len(pred_t) if must_t else 0  # articles without technique gold do not count against precision
        tt[2] += len(must_t)
        tt[3] += len(pred_t & must_t)
        misses += [f"article {i + 1}: technique {g}" for g in sorted(must_t - pred_t)]
    out: dict[str, Any] = {k: _prf(*v) for k, v in tallies.items()}
    out["misses"] = misses
    return out


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
    report["genre"] = {
        "accuracy": round(sum(1 for g, p in genres if g == p) / len(genres), 4) if genres else 0.0,
        "pairs": [{"gold": g, "predicted": p} for g, p in genres],
    }
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
    """``python -m newsprism.evaluate.frames PAGE_TEXT GOLD_JSON [--json]``: 1 when a gold item is missed."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.frames", description=__doc__.split("\n")[0])
    ap.add_argument("page", help="the page text (e.g. examples/kazakhstan-2022-01-12.txt)")
    ap.add_argument("gold", help="its gold JSON (seed gold format)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    report = evaluate_frames(args.page, args.gold)
    articles = len(json.loads(Path(args.gold).read_text(encoding="utf-8"))["articles"])
    split = f"seed page ({articles} articles) from {args.page}, gold {args.gold}"
    if args.json:
        print(json.dumps({"split": split, **report}, ensure_ascii=False, indent=2))
    else:
        print(f"split: {split}")
        print(format_report(report))
    return 0 if not report["misses"] else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
