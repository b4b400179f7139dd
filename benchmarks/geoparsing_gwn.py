"""GeoWebNews geoparsing benchmark: toponym recognition P/R/F1, resolution within 161 km, exact GeoNames ids, speed.

usage: python benchmarks/geoparsing_gwn.py [GWN.xml] [--limit N]

Runs the real ``entities.ner.v1`` and ``places.gazetteer.v1`` stages over the GeoWebNews articles (GPL-3.0 data in
``../shared/datasets/geoparsing``, never copied into the project) and prints the figures, the gazetteer load time
and the throughput.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsprism.enrich.gazetteer import load_gazetteer
from newsprism.evaluate.entities import shared_dir
from newsprism.evaluate.places import evaluate_gwn


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gwn", nargs="?", default=str(shared_dir() / "datasets/geoparsing/GWN.xml"))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not Path(args.gwn).exists():
        print(f"{args.gwn}: not found (GeoWebNews is in ../shared/datasets/geoparsing)")
        return 2
    t0 = time.perf_counter()
    load_gazetteer()
    print(f"gazetteer load (cached index): {time.perf_counter() - t0:.2f} s")
    fig = evaluate_gwn(args.gwn, limit=args.limit)
    for line in fig.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
