"""Quotes over real articles: failures by stage, quotes by kind, and the stage's cost against the spaCy parse.

usage: python benchmarks/quotes_allsides.py [ARTICLES_JSONL_GZ] [--limit N] [--start LINE] [--every K]

Reads the AllSides articles (``content_original``; default ../shared/datasets/allsides-articles/articles.jsonl.gz
beside the repository), parses them with spaCy in batches and runs ``extract_quotes`` with the shipped quote model on
each, catching every error. Prints one JSON object: articles read, failures by stage (``parse``, ``quotes``) with the
first few line numbers and errors, quotes by kind, parse and quote seconds, and the quotes stage's share of the two.
Line numbers are the file's (1-based), so a failure can be looked up.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsprism.enrich.nlp import load_nlp
from newsprism.enrich.quote_model import load_quote_model
from newsprism.enrich.quotes import extract_quotes, load_cues
from newsprism.pipeline import Resources

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "datasets" / "allsides-articles" / "articles.jsonl.gz"


def articles(path: Path, *, start: int, every: int, limit: int | None) -> Iterator[tuple[int, str]]:
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if line_no < start or (line_no - start) % every:
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            body = json.loads(line).get("content_original") or ""
            yield line_no, str(body)[:200_000]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--batch", type=int, default=32)
    args = ap.parse_args()
    resources = Resources()
    nlp = load_nlp(resources, "en")
    cues = load_cues(resources)
    model = load_quote_model(resources)
    failures: dict[str, list[dict[str, Any]]] = {"parse": [], "quotes": []}
    kinds: Counter[str] = Counter()
    parse_s = quotes_s = 0.0
    count = 0
    batch: list[tuple[int, str]] = []

    def run(batch: list[tuple[int, str]]) -> None:
        nonlocal parse_s, quotes_s, count
        t0 = time.perf_counter()
        try:
            parses = list(nlp.pipe([b for _, b in batch], batch_size=args.batch))
        except Exception as exc:
            failures["parse"].append({"lines": [n for n, _ in batch], "error": repr(exc)[:300]})
            return
        parse_s += time.perf_counter() - t0
        for (line_no, body), parsed in zip(batch, parses, strict=True):
            count += 1
            t1 = time.perf_counter()
            try:
                found = extract_quotes(body, parsed=parsed, cues=cues, model=model, language="en")
                kinds.update(q.kind for q in found)
            except Exception as exc:
                failures["quotes"].append({"line": line_no, "error": repr(exc)[:300]})
            quotes_s += time.perf_counter() - t1

    for item in articles(Path(args.path), start=args.start, every=args.every, limit=args.limit):
        batch.append(item)
        if len(batch) >= args.batch:
            run(batch)
            batch = []
    if batch:
        run(batch)
    out = {
        "articles": count,
        "failures_by_stage": {k: len(v) for k, v in failures.items()},
        "failures": {k: v[:10] for k, v in failures.items() if v},
        "quotes_by_kind": dict(kinds),
        "parse_seconds": round(parse_s, 2),
        "quotes_seconds": round(quotes_s, 2),
        "quotes_share_of_parse_plus_quotes": round(quotes_s / (parse_s + quotes_s), 4) if parse_s + quotes_s else 0,
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
