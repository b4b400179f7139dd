"""Peak memory and time of one ``newsprism analyze`` process per hostile input, against a normal news article.

Inputs, written to a temporary folder from sentences made up here (no real article):

* ``tiny``: one 300-character article (what a process costs whatever its input: loading models);
* ``normal``: 80 news articles of about 6,000 characters each (JSONL; the rate a normal corpus runs at);
* ``long-500k``: one article whose body is 500,000 characters of prose (JSONL);
* ``huge-10mb``: one JSONL article of 10 MB (over ``max_article_chars``, then over ``max_parse_chars``);
* ``slashes-130k``: a 130 KB body of ``a/a/a…`` (JSONL).

Each runs in its own process (``/usr/bin/time -v`` gives the peak RSS) with its own store::

    nice python benchmarks/hostile_inputs.py [--only NAME ...] [--keep DIR]

It prints one row per input: characters, wall seconds, peak RSS in MB, seconds per 100,000 characters and its
ratio to the normal articles — both after the fixed cost of a process (the ``tiny`` run) is taken off — and the
stage failures recorded.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

PEOPLE = ["Mara Ilves", "Tomas Berg", "Ana Quiroga", "Kenji Mori", "Leila Haddad", "Piotr Nowak", "Ruth Okafor"]
PLACES = ["Ostrava", "Tampere", "Valparaiso", "Nagoya", "Tangier", "Gdansk", "Lagos", "Almere", "Salta"]
BODIES = ["the city council", "the port authority", "the transport ministry", "the teachers' union", "the water board"]
TEMPLATES = [
    "{p} said on {d} that {b} in {c} would review the plan before the end of the month.",
    "About {n} people gathered outside the offices of {b} in {c}, according to local police.",
    '"We have asked for a clear answer and we are still waiting," {p} told reporters in {c}.',
    "The proposal, first published in {c} last year, would cost roughly {n} million euros.",
    "Officials from {b} declined to comment on the figures released by {p}.",
    "In {c}, {n} households were left without power after the storm, the operator said on {d}.",
    "Critics argue that {b} has ignored warnings from residents of {c} for years.",
    "{p}, who has led the campaign since {y}, called the decision a turning point.",
    "The agreement was signed in {c} on {d} after three days of talks with {b}.",
    "Prices in {c} rose by {n} percent over the past year, the statistics office reported.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def prose(chars: int, seed: int = 7) -> str:
    """Made-up news prose of about ``chars`` characters, in paragraphs of 3–6 sentences."""
    rnd = random.Random(seed)
    paras: list[str] = []
    total = 0
    while total < chars:
        sents = []
        for _ in range(rnd.randint(3, 6)):
            t = rnd.choice(TEMPLATES)
            sents.append(
                t.format(
                    p=rnd.choice(PEOPLE),
                    c=rnd.choice(PLACES),
                    b=rnd.choice(BODIES),
                    d=rnd.choice(DAYS),
                    n=rnd.randint(2, 9000),
                    y=rnd.randint(1990, 2020),
                )
            )
        para = " ".join(sents)
        paras.append(para)
        total += len(para) + 2
    return "\n\n".join(paras)[:chars]


def inputs(folder: Path) -> dict[str, Path]:
    def jsonl(name: str, body: str | list[str], title: str) -> Path:
        path = folder / f"{name}.jsonl"
        bodies = [body] if isinstance(body, str) else body
        with path.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(bodies):
                row = {"title": title, "body": text, "url": f"https://news.example/{name}/{i}", "date": "2024-03-05"}
                fh.write(json.dumps(row) + "\n")
        return path

    return {
        "tiny": jsonl("tiny", prose(300, 3), "A short note"),
        "normal": jsonl("normal", [prose(6_000, 100 + i) for i in range(80)], "Council reviews the harbour plan"),
        "long-500k": jsonl("long-500k", prose(500_000, 2), "A very long report"),
        "huge-10mb": jsonl("huge-10mb", prose(10_000_000, 3), "A ten megabyte article"),
        "slashes-130k": jsonl("slashes-130k", "a/" * 65_000, "Slashes"),
    }


def run_one(exe: str, path: Path, db: Path) -> dict[str, float | int | str]:
    cmd = ["/usr/bin/time", "-v", exe, "analyze", str(path), "--db", str(db)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", res.stderr)
    seconds = 0.0
    if wall:
        seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    con = sqlite3.connect(db)
    chars = con.execute("SELECT COALESCE(SUM(LENGTH(body)), 0) FROM articles").fetchone()[0]
    failures = [r[0] for r in con.execute("SELECT reason FROM failures WHERE resolved_at IS NULL")]
    con.close()
    return {
        "exit": res.returncode,
        "chars": int(chars),
        "seconds": seconds,
        "rss_mb": int(rss.group(1)) // 1024 if rss else -1,
        "failures": len(failures),
        "first_failure": failures[0][:110] if failures else "",
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="inputs to run (default: all)")
    ap.add_argument("--keep", type=Path, help="write inputs and stores here and keep them")
    args = ap.parse_args(argv)
    exe = str(Path(sys.executable).with_name("newsprism"))
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsprism-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        paths = inputs(folder)
        rows = {}
        for name, path in paths.items():
            if args.only and name not in args.only and name not in {"normal", "tiny"}:
                continue
            rows[name] = run_one(exe, path, folder / f"{name}.db")
        fixed = float(rows["tiny"]["seconds"])
        base = rows["normal"]
        base_rate = (float(base["seconds"]) - fixed) / max(1, int(base["chars"]))
        print(
            f"{'input':14} {'chars':>10} {'exit':>4} {'seconds':>8} {'peak MB':>8} {'s/100k':>7} {'x normal':>8}  "
            "failures"
        )
        for name, r in rows.items():
            rate = max(0.0, float(r["seconds"]) - fixed) / max(1, int(r["chars"]))
            print(
                f"{name:14} {r['chars']:>10,} {r['exit']:>4} {r['seconds']:>8.1f} {r['rss_mb']:>8} "
                f"{rate * 100_000:>7.2f} {rate / base_rate:>8.2f}  {r['failures']} {r['first_failure']}"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
