"""GeoWebNews geoparsing benchmark: the standard figures on one part of GWN, the places stage's cost and memory.

usage: python benchmarks/geoparsing_gwn.py [GWN.xml] [--split dev|test|all] [--limit N]

Runs the real ``entities.ner.v1`` and ``places.gazetteer.v1`` stages over the GeoWebNews articles (GPL-3.0 data in
``../shared/datasets/geoparsing``, never copied into the project) and prints the evaluator's figures (recognition
P/R/F1, within 161 km, AUC), the gazetteer index's open time and the memory it adds, and the time of the places
stage against the entities stage (which holds the spaCy parse, the bulk of the pipeline's time).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from newsprism.enrich.entities import extract_entities
from newsprism.enrich.gazetteer import index_path, load_gazetteer
from newsprism.enrich.places import extract_places
from newsprism.evaluate.places import SPLITS, evaluate_gwn, gwn_split, read_gwn
from newsprism.pipeline import Doc, Resources


def shared_dir() -> Path:
    """The nearest ``shared`` folder beside the repository or one of its parents (worktrees sit deeper)."""
    root = Path(__file__).resolve().parents[1]
    for p in root.parents:
        if (p / "shared" / "datasets").is_dir():
            return p / "shared"
    return root.parent / "shared"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gwn", nargs="?", default=str(shared_dir() / "datasets/geoparsing/GWN.xml"))
    ap.add_argument("--split", choices=SPLITS, default="test")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not Path(args.gwn).exists():
        print(f"{args.gwn}: not found (GeoWebNews is in ../shared/datasets/geoparsing)")
        return 2
    before = _rss_mb()
    t0 = time.perf_counter()
    built = not index_path().exists()
    gaz = load_gazetteer()
    load_s = time.perf_counter() - t0
    size = index_path().stat().st_size / 2**20
    done = "built and opened" if built else "opened"
    print(f"gazetteer index: {done} in {load_s:.2f} s, {size:.0f} MB on disk, peak RSS +{_rss_mb() - before:.0f} MB")
    for name in ("Alexandria", "Springfield", "Rapides Parish", "Алматы"):
        gaz.lookup(name)
    print(f"peak RSS after lookups: {_rss_mb():.0f} MB (whole process, models not yet loaded)")

    split = args.split
    arts = [a for a, _ in read_gwn(args.gwn) if split == "all" or gwn_split(a.id.removeprefix("gwn-")) == split]
    arts = arts[: args.limit]
    res = Resources()
    ent_s = pl_s = 0.0
    for art in arts:
        doc = Doc(art, res)
        t = time.perf_counter()
        doc.add(extract_entities(doc))
        ent_s += time.perf_counter() - t
        t = time.perf_counter()
        extract_places(doc)
        pl_s += time.perf_counter() - t
    share = 100 * pl_s / (ent_s + pl_s) if ent_s + pl_s else 0.0
    print(f"stage time on {len(arts)} articles: entities (spaCy parse included) {ent_s:.1f} s, places {pl_s:.1f} s")
    print(f"places = {share:.1f} % of entities + places (first calls include loading the models and word lists)")
    print(f"peak RSS after both stages: {_rss_mb():.0f} MB")

    fig = evaluate_gwn(args.gwn, split=args.split, limit=args.limit)
    for line in fig.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
