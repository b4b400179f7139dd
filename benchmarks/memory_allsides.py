"""Memory over time of newsprism on the AllSides corpus (37,554 articles as published: ``content_original``).

Runs one command as a child process and samples its resident memory (``/proc/PID/status`` VmRSS, children included)
every ``--every`` seconds; prints the peak, the memory at each tenth of the run, and how flat it stays after the
first fifth (max / min of the later samples):

    nice python benchmarks/memory_allsides.py ingest            # the whole corpus into a fresh store
    nice python benchmarks/memory_allsides.py run --limit 2000  # every stage over the first 2,000 articles
    nice python benchmarks/memory_allsides.py run --skip 30000 --limit 4000  # a stretch from the last fifth

The child runs the ``newsprism`` of this interpreter with this environment: ``PYTHONPATH=src`` measures these sources.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "../shared/datasets/allsides-articles/articles.jsonl.gz"


def rss_of_tree(pid: int) -> int:
    """Resident kB of ``pid`` and its children (worker processes)."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return total


def sample(cmd: list[str], every: float, log: Path | None = None) -> tuple[int, list[tuple[float, int]], float]:
    t0 = time.monotonic()
    samples: list[tuple[float, int]] = []
    # stderr goes to a file: a long run's progress lines would fill a pipe nobody reads until the end
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err_file:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err_file, text=True)
        while proc.poll() is None:
            samples.append((time.monotonic() - t0, rss_of_tree(proc.pid)))
            if log:  # a run stopped early still leaves its curve
                with log.open("a", encoding="utf-8") as out:
                    out.write(f"{samples[-1][0]:.0f}\t{samples[-1][1]}\n")
            time.sleep(every)
        err_file.seek(0)
        err = err_file.read()
    print(err.strip().splitlines()[-1] if err.strip() else "", file=sys.stderr)
    return proc.returncode, samples, time.monotonic() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["ingest", "run", "summary"], help="summary: the figures of a --log file")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    ap.add_argument("--skip", type=int, default=0, help="start after the first N articles of the corpus")
    ap.add_argument("--every", type=float, default=2.0)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--log", type=Path, help="append each sample (seconds, kB) to this file as it is taken")
    ap.add_argument("--workers", type=int, default=1, help="`run --workers N` (0: one per core)")
    args = ap.parse_args(argv)
    if args.what == "summary":
        if args.log is None:
            ap.error("summary needs --log FILE")
        return summarize([int(line.split()[1]) for line in args.log.read_text().splitlines() if line.strip()])
    exe = str(Path(sys.executable).with_name("newsprism"))
    with tempfile.TemporaryDirectory(prefix="newsprism-mem-") as tmp:
        src = args.corpus
        if args.limit or args.skip:
            src = Path(tmp) / "sample.jsonl"
            with gzip.open(args.corpus, "rt", encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
                for i, line in enumerate(fh):
                    if args.limit and i >= args.skip + args.limit:
                        break
                    if i >= args.skip:
                        out.write(line)
        if args.what == "ingest":
            cmd = [exe, "ingest", str(src), "--db", f"{tmp}/s.db"]
        else:
            cmd = [exe, "run", "--input", str(src), "--output", f"{tmp}/out", "--workers", str(args.workers)]
        code, samples, seconds = sample(cmd, args.every, args.log)
    print(
        f"{' '.join(cmd[1:2])} of {args.limit or 'all'} articles after the first {args.skip}: exit {code}, "
        f"{seconds:.0f} s, {len(samples)} samples every {args.every:g} s"
    )
    return summarize([kb for _, kb in samples])


def summarize(samples: list[int]) -> int:
    """Print the curve of resident kB ``samples``: peak, the sample at each tenth, and, for each tenth, its peak
    and its median. Within a batch memory swings by the batch's working set, so the flat ratio is taken on the
    tenths' peaks (what the machine must hold) and medians, after the first fifth."""
    rss = [kb for kb in samples if kb]
    if not rss:
        print("no samples")
        return 1
    later = rss[len(rss) // 5 :] or rss
    tenths = [rss[min(len(rss) - 1, int(len(rss) * k / 10))] // 1024 for k in range(1, 11)]
    parts = [rss[len(rss) * k // 10 : max(len(rss) * (k + 1) // 10, len(rss) * k // 10 + 1)] for k in range(10)]
    peaks = [max(p) // 1024 for p in parts]
    medians = [sorted(p)[len(p) // 2] // 1024 for p in parts]
    print(f"peak {max(rss) // 1024} MB; at each tenth of the run (MB): {tenths}")
    print(
        f"after the first fifth: min {min(later) // 1024} MB, max {max(later) // 1024} MB, "
        f"max/min {max(later) / min(later):.2f}"
    )
    print(f"peak of each tenth (MB): {peaks}; after the first fifth max/min {max(peaks[2:]) / min(peaks[2:]):.2f}")
    print(
        f"median of each tenth (MB): {medians}; after the first fifth max/min {max(medians[2:]) / min(medians[2:]):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
