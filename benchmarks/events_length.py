"""Does a stage's cost grow with an article's length faster than the length? The same text 1x, 2x, 4x and 8x over.

One article whose body is the text repeated (paragraphs joined by a blank line) runs through the whole pipeline;
each stage's time is printed in ms per 1,000 characters for each length, and the last column divides the cost per
character at the longest length by the cost at the shortest: about 1.0 for a stage that is linear in the length,
well above it for one that is not. ``--stage`` profiles that stage at the longest length (cProfile, top functions).
The text is the bundled example's longest article unless ``--text`` names a file (its language is detected).

    python benchmarks/events_length.py [--text FILE] [--times 1,2,4,8] [--runs 2] [--stage events.rules.v1]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import tempfile
import time
from pathlib import Path

from newsprism.evaluate.seed import seed_articles
from newsprism.ingest import ingest
from newsprism.pipeline import Pipeline
from newsprism.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def run_once(
    pipeline: Pipeline, body: str, tmp: Path, tag: str, profile: cProfile.Profile | None = None
) -> dict[str, float]:
    src = tmp / f"{tag}.jsonl"
    src.write_text(
        json.dumps({"url": f"https://bench.invalid/{tag}", "body": body}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    store = open_store(str(tmp / f"{tag}.db"))
    try:
        ingest([src], store, resources=pipeline.resources)
        if profile is not None:
            profile.enable()
        t0 = time.perf_counter()
        report = pipeline.run(store, corpus=False)
        seconds = dict(report.stage_seconds)
        seconds["total"] = time.perf_counter() - t0
        if profile is not None:
            profile.disable()
        if report.failed:
            raise SystemExit(f"a stage failed: {report.failed[0]}")
        return seconds
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", type=Path, default=None)
    ap.add_argument("--times", default="1,2,4,8")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--stage", default=None, help="profile this stage at the longest length")
    args = ap.parse_args()
    if args.text is not None:
        text = args.text.read_text("utf-8").strip()
    else:
        text = max(seed_articles(ROOT / "examples" / "kazakhstan-2022-01-12.txt"), key=lambda a: len(a.body)).body
    times = [int(x) for x in args.times.split(",")]
    pipeline = Pipeline()
    costs: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="newsprism-length-") as tmp_name:
        tmp = Path(tmp_name)
        run_once(pipeline, text, tmp, "warmup")
        for k in times:
            body = "\n\n".join([text] * k)
            best: dict[str, float] = {}
            for i in range(args.runs):
                for stage, secs in run_once(pipeline, body, tmp, f"x{k}-{i}").items():
                    best[stage] = min(best.get(stage, secs), secs)
            costs[k] = {stage: secs / len(body) * 1e6 for stage, secs in best.items()}
        if args.stage:
            prof = cProfile.Profile()
            run_once(pipeline, "\n\n".join([text] * times[-1]), tmp, "profile", prof)
    print(
        f"text: {len(text):,} characters; ms per 1,000 characters at each length; growth = x{times[-1]} / x{times[0]}"
    )
    print(f"{'stage':26}" + "".join(f"{'x' + str(k):>8}" for k in times) + f"{'growth':>8}")
    stages = sorted(costs[times[0]], key=lambda s: (s == "total", -costs[times[-1]].get(s, 0.0)))
    for stage in stages:
        row = [costs[k].get(stage, 0.0) for k in times]
        growth = row[-1] / row[0] if row[0] > 0 else float("nan")
        print(f"{stage:26}" + "".join(f"{c:8.2f}" for c in row) + f"{growth:8.2f}")
    if args.stage:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(25)
        print(f"\nprofile of the whole run at x{times[-1]} (by own time):")
        print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


if __name__ == "__main__":
    main()
