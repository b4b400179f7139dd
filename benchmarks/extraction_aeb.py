"""Body-text quality of the HTML loader on the Article Extraction Benchmark (scrapinghub, 181 pages).

Prints precision, recall and F1 for newsprism's HTMLLoader and, side by side, for trafilatura called the way the
benchmark's own runner calls it (``extract(html, include_comments=False)``) and with its plain defaults.

The benchmark's metric: tokens are ``\\w+`` matches, a text is the multiset of its 4-token shingles; for each page
true positives, false positives and false negatives are counted over shingles and normalised by their sum; precision
is averaged over pages with a prediction, recall over pages with gold text, and F1 is the harmonic mean of the two
averages. Published figure for trafilatura 2.0: F1 0.958.

    python benchmarks/extraction_aeb.py [--dataset PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from newsprism.evaluate.metrics import Report

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATASET = ROOT / "../shared/datasets/extraction-aeb"
_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles (a text shorter than n tokens is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(gold: str, predicted: str) -> Counts:
    """(tp, fp, fn) over shingles of one page, normalised so that every page weighs the same."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(pages: Iterable[Counts]) -> dict[str, float]:
    """Precision and recall averaged over pages, and the F1 of the two averages."""
    precisions: list[float] = []
    recalls: list[float] = []
    for tp, fp, fn in pages:
        page = Report.from_counts(tp, fp, fn)
        if tp + fp > 0:
            precisions.append(page.precision)
        if tp + fn > 0:
            recalls.append(page.recall)
    mean = Report(sum(precisions), len(precisions), sum(recalls), len(recalls))  # the per-page shares averaged
    return {"precision": mean.precision, "recall": mean.recall, "f1": mean.f1, "pages": float(len(recalls))}


def load_pages(dataset: Path, limit: int | None = None) -> list[tuple[str, str, str, str]]:
    """(id, url, gold body, html) for each page, sorted by id; the first ``limit`` pages when given."""
    truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth)[:limit]:
        with gzip.open(dataset / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as fh:
            html = fh.read()
        out.append((key, truth[key].get("url") or "", truth[key].get("articleBody") or "", html))
    return out


def newsprism_body(html: str, url: str) -> str:
    """The body the HTMLLoader stores for a page fetched from ``url`` ("" when it finds no article)."""
    from newsprism.config import Settings
    from newsprism.errors import InputError
    from newsprism.ingest.base import RawInput
    from newsprism.ingest.html import HTMLLoader

    raw = RawInput(url, html.encode("utf-8"), origin="url", url=url, content_type="text/html; charset=utf-8")
    try:
        return HTMLLoader().load(raw, Settings(env={})).articles[0].body
    except InputError:
        return ""


def trafilatura_benchmark_call(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def trafilatura_defaults(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "newsprism HTMLLoader": newsprism_body,
    "trafilatura (benchmark call)": trafilatura_benchmark_call,
    "trafilatura (defaults)": trafilatura_defaults,
}


def evaluate(
    pages: list[tuple[str, str, str, str]], extractor: Callable[[str, str], str]
) -> tuple[dict[str, float], float]:
    start = time.perf_counter()
    counts = [page_counts(gold, extractor(html, url)) for _, url, gold, html in pages]
    return scores(counts), time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    args = parser.parse_args(argv)
    if not (args.dataset / "ground-truth.json").exists():
        print(f"dataset not found: {args.dataset}", file=sys.stderr)
        return 2
    pages = load_pages(args.dataset, args.limit)
    import trafilatura

    print(f"Article Extraction Benchmark: {len(pages)} pages; trafilatura {trafilatura.__version__}")
    print(f"{'extractor':32} {'precision':>9} {'recall':>9} {'F1':>9} {'s/page':>8}")
    for name, fn in EXTRACTORS.items():
        s, secs = evaluate(pages, fn)
        print(f"{name:32} {s['precision']:9.4f} {s['recall']:9.4f} {s['f1']:9.4f} {secs / len(pages):8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
