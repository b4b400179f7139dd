"""The pipeline's cost per language: milliseconds per 1,000 characters, each stage apart, against English.

Input: the folder of page texts of newsprism's multilingual development set (``benchmarks/devset_pages.py fetch``
rebuilds it), grouped by their annotated language. One :class:`~newsprism.pipeline.Pipeline` serves every run, so
models load once (a first pass over all pages warms them up and is not counted); each language then runs ``--runs``
times on a fresh SQLite store and the fastest run counts. Target (issue: every language of the crisis): every
language within 1.5x of English per character.

    python benchmarks/languages_speed.py --pages PAGES_DIR [--runs 3] [--lang en,de,zh]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from newsprism.evaluate.multilingual import load_devset
from newsprism.ingest import ingest
from newsprism.pipeline import Pipeline
from newsprism.store import open_store


def run_language(pipeline: Pipeline, rows: list[dict[str, str]], tmp: Path, tag: str) -> tuple[float, dict[str, float]]:
    src = tmp / f"{tag}.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    store = open_store(str(tmp / f"{tag}.db"))
    try:
        ingest([src], store, resources=pipeline.resources)
        t0 = time.perf_counter()
        report = pipeline.run(store)
        return time.perf_counter() - t0, dict(report.stage_seconds)
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lang", default=None)
    args = ap.parse_args()
    wanted = set(args.lang.split(",")) if args.lang else None
    by_lang: dict[str, list[dict[str, str]]] = defaultdict(list)
    for page in load_devset():
        path = args.pages / f"{page.id}.txt"
        if path.exists() and (wanted is None or page.lang in wanted):
            by_lang[page.lang].append({"url": f"https://bench.invalid/{page.id}", "body": path.read_text("utf-8")})
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory(prefix="newsprism-langspeed-") as tmp_name:
        tmp = Path(tmp_name)
        run_language(pipeline, [r for rows in by_lang.values() for r in rows], tmp, "warmup")
        results = {}
        for lang, rows in sorted(by_lang.items()):
            chars = sum(len(r["body"]) for r in rows)
            best: tuple[float, dict[str, float]] | None = None
            for i in range(args.runs):
                secs, stages = run_language(pipeline, rows, tmp, f"{lang}-{i}")
                if best is None or secs < best[0]:
                    best = (secs, stages)
            assert best is not None
            results[lang] = (chars, best[0], best[1])
    base = results.get("en")
    base_cost = base[1] / base[0] * 1000 * 1000 if base else None
    print(f"{'lang':5} {'pages':>5} {'chars':>7} {'ms/1k chars':>12} {'vs en':>6}  slowest stages (ms/1k chars)")
    for lang, (chars, secs, stages) in results.items():
        cost = secs / chars * 1000 * 1000
        ratio = f"{cost / base_cost:6.2f}" if base_cost else "     -"
        top = sorted(stages.items(), key=lambda kv: -kv[1])[:3]
        parts = ", ".join(f"{k} {v / chars * 1e6:.1f}" for k, v in top)
        print(f"{lang:5} {len(by_lang[lang]):5} {chars:7} {cost:12.1f} {ratio}  {parts}")


if __name__ == "__main__":
    main()
