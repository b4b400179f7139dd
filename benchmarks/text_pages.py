"""Split and header accuracy of the text-page loader on pages built from real articles, and its speed.

usage: python benchmarks/text_pages.py [--articles N] [--dataset ../shared/datasets/allsides-articles]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsprism.evaluate.pages import allsides_sample, evaluate_pages
from newsprism.ingest.text import read_page

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--dataset", type=Path, default=ROOT / ".." / "shared" / "datasets" / "allsides-articles")
    args = ap.parse_args()
    path = args.dataset / "articles.jsonl.gz"
    scores = evaluate_pages(path, args.articles)
    for key, value in scores.items():
        print(f"{key:24} {value:.3f}" if key != "articles" else f"{key:24} {int(value)}")
    arts = allsides_sample(path, args.articles)
    page = "\n\n".join(
        f"{d['title']}\n\n{d['authors']}\n{d['date']}\n{d['url']}\n\n{d['content_original']}" for d in arts
    )
    t0 = time.perf_counter()
    res = read_page(page, location="bench")
    secs = time.perf_counter() - t0
    mb = len(page.encode()) / 1e6
    print(
        f"speed: one page of {len(arts)} articles ({mb:.1f} MB) read in {secs:.2f} s = {mb / secs:.2f} MB/s, "
        f"{len(res.articles)} articles found"
    )


if __name__ == "__main__":
    main()
