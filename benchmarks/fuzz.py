"""A longer fuzz run than the test suite's: every loader, the row reader, decoding and the stages over mutated and
hostile inputs (``tests/fuzz_inputs.py``), with a fixed seed so a finding can be replayed.

    nice python benchmarks/fuzz.py --minutes 10 [--seed 7] [--stage-share 0.3]

Prints inputs tried, recorded failures (with the exception types stages raised, which the pipeline recorded),
uncaught exceptions and inputs over their bounds, and exits 1 when any is uncaught or over bounds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzz_inputs import FuzzReport, fuzz_loaders, fuzz_stages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stage-share", type=float, default=0.3, help="part of the time spent on the stages")
    args = ap.parse_args(argv)
    budget = args.minutes * 60
    t0 = time.perf_counter()
    loaders, stages = FuzzReport(), FuzzReport()
    fuzz_loaders(loaders, seed=args.seed, budget=budget * (1 - args.stage_share))
    loaders.seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    fuzz_stages(stages, seed=args.seed, budget=budget * args.stage_share)
    stages.seconds = time.perf_counter() - t1
    print(f"seed {args.seed}")
    print(f"loaders, row reader, decoding: {loaders.summary()}")
    print(f"stages (4 articles per input): {stages.summary()}")
    for line in (*loaders.uncaught, *stages.uncaught, *loaders.over_bounds, *stages.over_bounds)[:40]:
        print("  " + line)
    bad = loaders.uncaught or stages.uncaught or loaders.over_bounds or stages.over_bounds
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
