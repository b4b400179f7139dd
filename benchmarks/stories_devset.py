"""Stories on the multilingual development set: pages of one event joined across languages, look-alike events kept
apart (see ``newsprism.evaluate.story_devset``).

Prints, per order and as min / median / max over the orders: for each gold story of at least 5 pages how many of
its pages are in its largest cluster and how many look-alike pages that cluster holds; pairwise and BCubed
P/R/F1 on all pages, on the tuning split (Turkish earthquakes) and on the held-out split (the other crises),
and on the split by page id (held = ids ending -01).

usage: python benchmarks/stories_devset.py --pages DIR [--set dev|fresh|unrest | --gold FILE] [--orders N] [--feed]
       [--seed S] [--threshold T] [--show]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsprism.evaluate.multilingual import GOLD_SETS
from newsprism.evaluate.story_devset import (
    cluster_orders,
    load_story_pages,
    score_assignment,
    story_rows,
    summarise_orders,
)
from newsprism.stories.cluster import ClusterOptions


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=Path, required=True, help="folder of <id>.txt page texts")
    ap.add_argument("--orders", type=int, default=1, help="arrival orders to try (1 = the pipeline's own)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--feed", action="store_true", help="orders after the first: one page at a time (a live feed)")
    ap.add_argument("--threshold", type=float, default=None, help="story threshold (default: the setting's)")
    ap.add_argument("--show", action="store_true", help="print each page's gold story and cluster (order 1)")
    ap.add_argument("--set", dest="gold_set", choices=tuple(GOLD_SETS), default="dev", help="shipped annotations")
    ap.add_argument("--gold", type=Path, default=None, help="an annotation file instead of a shipped set")
    args = ap.parse_args()
    pages = load_story_pages(args.gold, gold_set=args.gold_set)
    set_name = f"annotations {args.gold}" if args.gold else GOLD_SETS[args.gold_set][1]
    opts = ClusterOptions(threshold=args.threshold) if args.threshold is not None else None
    t0 = time.perf_counter()
    preds, missing = cluster_orders(pages, args.pages, orders=args.orders, seed=args.seed, options=opts, feed=args.feed)
    secs = time.perf_counter() - t0
    scored = [p for p in pages if p.id not in missing]
    gold = {p.id: p.story for p in scored}
    splits = {
        "all": gold,
        "tuning (turkey-earthquakes)": {p.id: p.story for p in scored if p.split == "tuning"},
        "held-out (other crises)": {p.id: p.story for p in scored if p.split == "held-out"},
        # the split by page id used elsewhere in the project: pages whose id ends in -01 are held out
        "pages tune (ids not ending -01)": {p.id: p.story for p in scored if not p.id.endswith("-01")},
        "pages held (ids ending -01)": {p.id: p.story for p in scored if p.id.endswith("-01")},
    }
    print(f"{set_name}: {len(scored)} pages with text, {len(set(gold.values()))} stories; missing: {missing or 'none'}")
    if args.gold is None and args.gold_set != "dev":
        print(f"split: the whole {args.gold_set} set is held out (no option was tuned on it); 'all' = 'held-out'")
    else:
        print(
            "split: tuning = Turkish earthquakes (Kahramanmaras 2023, Elazig 2020, Izmir 2020, Van 2011); "
            "held-out = Derna 2023, Rio Grande do Sul 2024, Kakhovka 2023; also by page id: held = ids ending -01 "
            "(every language's first page), tune = the others"
        )
    rest = "one page at a time" if args.feed else "every page at once in a random order"
    print(f"orders: {len(preds)} (order 1 = the pipeline's batch; others = {rest}, seed {args.seed})")
    per_story: dict[str, list[tuple[int, int, int]]] = {}
    metrics: dict[str, list[tuple[float, ...]]] = {}
    for k, pred in enumerate(preds, 1):
        for row in story_rows(pred, gold):
            per_story.setdefault(f"{row['story']} ({row['pages']} pages)", []).append(
                (row["in_largest"], row["lookalikes"], row["clusters"])
            )
            print(
                f"order {k}: {row['story']}: {row['in_largest']}/{row['pages']} pages in its largest cluster, "
                f"{row['lookalikes']} look-alike pages in it, spread over {row['clusters']} clusters"
            )
        for name, g in splits.items():
            if not g:
                continue
            res = score_assignment(pred, g)
            pw, bc = res["pairwise"], res["bcubed"]
            metrics.setdefault(name, []).append(
                (pw["precision"], pw["recall"], pw["f1"], bc["precision"], bc["recall"], bc["f1"])
            )
            print(
                f"order {k}: {name}: {res['articles']} pages, {res['gold_stories']} gold / "
                f"{res['predicted_stories']} predicted stories; pairwise P/R/F1 "
                f"{pw['precision']:.3f}/{pw['recall']:.3f}/{pw['f1']:.3f}; BCubed P/R/F1 "
                f"{bc['precision']:.3f}/{bc['recall']:.3f}/{bc['f1']:.3f}"
            )
    print(f"--- min / median / max over {len(preds)} orders")
    for story, vals in per_story.items():
        joined = summarise_orders([v[0] for v in vals])
        look = summarise_orders([v[1] for v in vals])
        print(
            f"{story}: in largest cluster {joined['min']:g} / {joined['median']:g} / {joined['max']:g}; "
            f"look-alikes in it {look['min']:g} / {look['median']:g} / {look['max']:g}"
        )
    names = ("pairwise P", "pairwise R", "pairwise F1", "BCubed P", "BCubed R", "BCubed F1")
    for split, rows in metrics.items():
        parts = []
        for i, n in enumerate(names):
            s = summarise_orders([r[i] for r in rows])
            parts.append(f"{n} {s['min']:.3f}/{s['median']:.3f}/{s['max']:.3f}")
        print(f"{split}: " + "; ".join(parts))
    print(f"{secs:.1f} s (pipeline and every order)")
    if args.show:
        for p in sorted(scored, key=lambda p: (p.story, p.id)):
            print(f"{p.id:12} {p.story:24} {preds[0].get(p.id, '-')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
