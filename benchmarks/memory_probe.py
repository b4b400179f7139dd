"""What grows while ``newsprism run`` works through the AllSides corpus: the same path as ``newsprism run --workers 1``
(``engine.files.run_files`` on the local engine), in this process, with a look inside every ``--every`` articles:

- ``rss``: resident MB; ``heap``/``free``: MB the C heap (glibc ``mallinfo2``) has in use and holds free (free
  growing while in-use stays flat is fragmentation); ``blocks``: Python objects' allocated blocks
  (``sys.getallocatedblocks``);
- ``strings``/``lexemes``: entries of each loaded spaCy pipeline's string store and vocab;
- ``lru``: entries of every ``functools.lru_cache`` in newsprism's modules (the largest named);
- ``res``: entries of the per-process resources that are containers (the largest named).

    nice python benchmarks/memory_probe.py --limit 2000 --every 200
    nice python benchmarks/memory_probe.py --skip 25000 --limit 2000        # a later stretch of the corpus
    nice python benchmarks/memory_probe.py --limit 500 --repeat 4           # the same 500 articles four times
"""

from __future__ import annotations

import argparse
import ctypes
import gzip
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "../shared/datasets/allsides-articles/articles.jsonl.gz"


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _libc() -> Any:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        return libc
    except (OSError, AttributeError):
        return None


def write_subset(corpus: Path, out: Path, skip: int, limit: int, repeat: int) -> int:
    lines = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            if limit and len(lines) >= limit:
                break
            lines.append(line)
    with out.open("w", encoding="utf-8") as fh:
        for _ in range(max(1, repeat)):
            fh.writelines(lines)
    return len(lines) * max(1, repeat)


def rss_mb() -> float:
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def lru_sizes() -> dict[str, int]:
    out: dict[str, int] = {}
    for name, mod in list(sys.modules.items()):
        if not name.startswith("newsprism") or mod is None:
            continue
        for attr, obj in list(vars(mod).items()):
            info = getattr(obj, "cache_info", None)
            if callable(info):
                out[f"{name.rsplit('.', 1)[-1]}.{attr}"] = info().currsize
    return out


def resource_sizes(resources: Any) -> dict[str, int]:
    """Entries of each resource that is a container, and of the containers a resource object holds."""
    out: dict[str, int] = {}
    for key in resources.loaded():
        obj = resources.peek(key)
        if isinstance(obj, (dict, list, set, frozenset, tuple)):
            out[key] = len(obj)
            continue
        names = list(getattr(obj, "__dict__", {})) + list(getattr(type(obj), "__slots__", ()))
        for name in names:
            value = getattr(obj, name, None)
            if isinstance(value, (dict, list, set)):
                out[f"{key}.{name}"] = len(value)
    return out


def snapshot(resources: Any, libc: Any, done: int, t0: float) -> str:
    parts = [f"{done:6d} art {time.perf_counter() - t0:6.0f}s rss {rss_mb():7.1f}"]
    if libc is not None:
        mi = libc.mallinfo2()
        parts.append(f"heap {(mi.uordblks + mi.hblkhd) / 2**20:6.1f} free {mi.fordblks / 2**20:6.1f}")
    parts.append(f"blocks {sys.getallocatedblocks() // 1000}k")
    for key in resources.loaded():
        nlp = resources.peek(key) if key.startswith("nlp:") else None
        if nlp is not None:
            parts.append(f"{key} strings {len(nlp.vocab.strings)} lexemes {sum(1 for _ in nlp.vocab)}")
    lru = lru_sizes()
    top = sorted(lru.items(), key=lambda kv: -kv[1])[:3]
    parts.append(f"lru {sum(lru.values())} ({', '.join(f'{k}={v}' for k, v in top)})")
    res = resource_sizes(resources)
    top = sorted(res.items(), key=lambda kv: -kv[1])[:6]
    parts.append(f"res ({', '.join(f'{k}={v}' for k, v in top)})")
    return " | ".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip", type=int, default=0, help="start after the first N articles")
    ap.add_argument("--limit", type=int, default=2000, help="this many articles (0: to the end)")
    ap.add_argument("--repeat", type=int, default=1, help="run the same articles this many times over")
    ap.add_argument("--every", type=int, default=200, help="look inside every N articles")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)

    from newsprism.engine.files import _with_language, run_files
    from newsprism.pipeline import Pipeline

    libc = _libc()
    with tempfile.TemporaryDirectory(prefix="newsprism-probe-") as tmp:
        src = Path(tmp) / "subset.jsonl"
        n = write_subset(args.corpus, src, args.skip, args.limit, args.repeat)
        print(f"articles {args.skip}..{args.skip + n // max(1, args.repeat)} x{args.repeat} = {n}", flush=True)
        pipeline = Pipeline()
        engine = pipeline.registry.engine("local", settings=pipeline.settings, workers=1)
        specs = _with_language(pipeline.specs, pipeline.registry)
        t0 = time.perf_counter()
        last = [0]

        def progress(done: int, total: int) -> None:
            if done - last[0] >= args.every or done == total:
                last[0] = done
                print(snapshot(pipeline.resources, libc, done, t0), flush=True)

        rep = run_files(
            src,
            Path(tmp) / "out",
            engine=engine,
            specs=specs,
            resources=pipeline.resources,
            batch_size=int(pipeline.settings.batch_size),
            progress=progress,
        )
        lru = {k: v for k, v in lru_sizes().items() if v}
        print("lru caches:", ", ".join(f"{k}={v}" for k, v in sorted(lru.items(), key=lambda kv: -kv[1])))
        print(f"done: {rep.articles} articles in {rep.seconds:.0f} s, failures {len(rep.failed)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
