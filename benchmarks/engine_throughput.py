"""Engine throughput: articles per second, peak memory and per-stage cost, against spaCy parsing alone.

Corpus: the AllSides article set (``../shared/datasets/allsides-articles/articles.jsonl.gz``, 37,554 real US news
articles; ``--dataset`` for another JSONL(.gz) with ``content_original``/``body``). Every configuration runs in a fresh
subprocess so its peak RSS (``resource.getrusage``: the process itself, and the largest worker process) is its own:

* ``spacy``    — the floor: ``nlp.pipe`` over the same bodies, one process, no newsprism;
* ``local:N``  — ``newsprism run --engine local`` with N worker processes (files in, Parquet datasets out);
* ``spark:N``  — the same on Spark local mode ``local[N]`` (session start-up reported apart).

Stages: every default stage registered (``--stages`` to choose). When none is registered (a bare checkout),
``bench.parse.v1`` — a stage that only parses — is used, so the figures measure the engine's own overhead.

    python benchmarks/engine_throughput.py --limit 300                      # quick
    python benchmarks/engine_throughput.py --limit 1000,37554 --runs spacy,local:1,local:2,spark:2

Targets (all stages landed): full pipeline ≤ 1.5 × spaCy alone; local:2 ≥ 1.8 × local:1; peak memory flat from
1,000 to 37,554 articles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# the repository's sibling folder ``shared`` (a worktree may sit deeper: the nearest one up the tree)
DATASET = next(
    (
        p / "shared" / "datasets" / "allsides-articles" / "articles.jsonl.gz"
        for p in ROOT.parents
        if (p / "shared" / "datasets").is_dir()
    ),
    ROOT.parent / "shared" / "datasets" / "allsides-articles" / "articles.jsonl.gz",
)
PARSE_STAGE = "bench.parse.v1"


# -- the fallback stage (importable by name, so worker processes and Spark executors find it) --------------------------
class _ParseOnly:
    def prepare(self, docs: Sequence[Any]) -> None:
        from newsprism.enrich.nlp import prepare_parses

        prepare_parses(docs)

    def __call__(self, doc: Any) -> list[Any]:
        return []


def make_parse(*, resources: Any) -> Callable[[Any], list[Any]]:
    return _ParseOnly()


def make_registry() -> Any:
    from newsprism.registry import Registry

    reg = Registry()
    reg.register(PARSE_STAGE, "stage", requires=("parse",), description="parse only (benchmark)")(make_parse)
    reg.factory_ref = "engine_throughput:make_registry"
    return reg


# -- corpus ------------------------------------------------------------------------------------------------------------
def iter_rows(dataset: Path, limit: int) -> Iterator[dict[str, Any]]:
    opener: Any = gzip.open if dataset.suffix == ".gz" else open
    n = 0
    with opener(dataset, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            body = rec.get("content_original") or rec.get("body") or ""
            if not body.strip():
                continue
            yield {
                "title": rec.get("title"),
                "body": body,
                "published": rec.get("date") or rec.get("published"),
                "outlet": rec.get("source") or rec.get("outlet"),
                "url": rec.get("url"),
                "language": "en",
            }
            n += 1
            if n >= limit:
                return


def write_corpus(dataset: Path, limit: int, out: Path) -> tuple[int, int]:
    n = words = 0
    with out.open("w", encoding="utf-8") as fh:
        for row in iter_rows(dataset, limit):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
            words += len(row["body"].split())
    return n, words


# -- one configuration, in its own process -----------------------------------------------------------------------------
def _peaks() -> dict[str, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(me, 1), "peak_worker_rss_mb": round(kids, 1)}


def run_one(kind: str, corpus: Path, out: Path, stages: list[str] | None, batch_size: int) -> dict[str, Any]:
    from newsprism.config import Settings
    from newsprism.engine.files import process_files
    from newsprism.pipeline import Resources

    settings = Settings(batch_size=batch_size)
    name, _, n = kind.partition(":")
    workers = int(n or 1)
    if name == "spacy":
        from newsprism.enrich.nlp import load_nlp

        nlp = load_nlp(Resources(settings), "en")
        bodies = [json.loads(line)["body"] for line in corpus.open(encoding="utf-8")]
        t0 = time.perf_counter()
        for _ in nlp.pipe(bodies, batch_size=32):
            pass
        return {"seconds": time.perf_counter() - t0, "articles": len(bodies), **_peaks()}
    import engine_throughput as bench  # by name, not __main__: workers and executors import it the same way

    registry = None
    if stages is None:
        from newsprism.registry import default_registry

        if not default_registry().plan(None):
            registry, stages = bench.make_registry(), [PARSE_STAGE]
    else:
        registry = bench.make_registry() if PARSE_STAGE in stages else None
    extra: dict[str, Any] = {}
    startup = 0.0
    if name == "spark":
        from newsprism.engine.spark import spark_session

        t0 = time.perf_counter()
        spark_session(
            master=f"local[{workers}]",
            conf={
                "spark.ui.enabled": "false",
                "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
            },
        )
        startup = time.perf_counter() - t0
        extra["py_files"] = [__file__]
    else:
        extra["workers"] = workers
    t0 = time.perf_counter()
    rep = process_files(corpus, out, engine=name, stages=stages, registry=registry, settings=settings, **extra)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "startup_seconds": round(startup, 2),
        "articles": rep.articles,
        "stages": rep.stages,
        "stage_seconds": {k: round(v, 2) for k, v in rep.stage_seconds.items()},
        "counts": rep.counts,
        "failed": len(rep.failed),
        **_peaks(),
    }


def measure(kind: str, corpus: Path, stages: list[str] | None, batch_size: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as tmp:
        cmd = [
            sys.executable,
            __file__,
            "--one",
            kind,
            "--corpus",
            str(corpus),
            "--out",
            tmp,
            "--batch-size",
            str(batch_size),
        ]
        if stages:
            cmd += ["--stages", ",".join(stages)]
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]),
        }
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        peak = 0
        while proc.poll() is None:  # the whole process tree's resident memory (workers, JVM), sampled
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.25)
        out, err = proc.communicate()
        if proc.returncode != 0:
            return {"error": err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}"}
        result = dict(json.loads(out.strip().splitlines()[-1]))
        result["peak_tree_rss_mb"] = round(peak / 1024, 1)
        return result


def _tree_rss(pid: int) -> int:
    """Resident kB of ``pid`` and every descendant (Linux /proc; 0 elsewhere)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", default="300", help="articles, or a comma list of corpus sizes (300,1000,37554)")
    ap.add_argument("--runs", default="spacy,local:1,local:2,spark:2", help="configurations to measure")
    ap.add_argument("--stages", default=None, help="comma list of stages (default: every registered default stage)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--dataset", type=Path, default=DATASET)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    stages = args.stages.split(",") if args.stages else None
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, args.out, stages, args.batch_size)))
        return
    if not args.dataset.exists():
        sys.exit(f"dataset not found: {args.dataset} (pass --dataset)")
    figures: list[dict[str, Any]] = []
    for limit in (int(x) for x in args.limit.split(",")):
        with tempfile.TemporaryDirectory(prefix="newsprism-corpus-") as tmp:
            corpus = Path(tmp) / "corpus.jsonl"
            n, words = write_corpus(args.dataset, limit, corpus)
            print(f"\n== {n} articles, {words:,} words ({args.dataset.name})")
            base: dict[str, float] = {}
            for kind in args.runs.split(","):
                r = measure(kind, corpus, stages, args.batch_size)
                r.update({"run": kind, "limit": n, "words": words})
                figures.append(r)
                if "error" in r:
                    print(f"{kind:9} error: {r['error']}")
                    continue
                aps = r["articles"] / r["seconds"] if r["seconds"] else 0.0
                r["articles_per_second"] = round(aps, 2)
                r["words_per_second"] = round(words / r["seconds"], 1) if r["seconds"] else 0.0
                base[kind] = r["seconds"]
                notes = []
                if kind != "spacy" and "spacy" in base:
                    r["cost_vs_spacy"] = round(r["seconds"] / base["spacy"], 2)
                    notes.append(f"{r['cost_vs_spacy']}x spaCy")
                if kind.startswith("local:") and kind != "local:1" and "local:1" in base:
                    r["speedup_vs_local1"] = round(base["local:1"] / r["seconds"], 2)
                    notes.append(f"{r['speedup_vs_local1']}x local:1")
                if r.get("startup_seconds"):
                    notes.append(f"+{r['startup_seconds']}s session start")
                print(
                    f"{kind:9} {r['seconds']:8.1f}s {aps:8.1f} art/s {r['words_per_second']:9.0f} words/s  "
                    f"peak RSS {r['peak_tree_rss_mb']:7.1f} MB (all processes)  {'; '.join(notes)}"
                )
                if r.get("stage_seconds"):
                    parts = ", ".join(f"{k} {v:.1f}s" for k, v in r["stage_seconds"].items())
                    # run_stages times each stage's per-article call; batch work in prepare (nlp.pipe) is the rest
                    rest = r["seconds"] * (int(kind.partition(":")[2] or 1)) - sum(r["stage_seconds"].values())
                    print(f"{'':9} stage seconds (summed over workers): {parts}; batch prepare + engine ~{rest:.1f}s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
