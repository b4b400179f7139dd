"""Rebuild the text folder of newsprism's multilingual development set, then score it.

The repository ships where each page comes from and its annotations (``newsprism/evaluate/resources/
multilingual_dev.yaml``), never the pages' text. This script fetches each page (your network; nothing else in
newsprism fetches anything), extracts its article text with newsprism's HTML loader, keeps it from its start up to
the annotated length, and writes ``OUT/<id>.txt``. A page whose text differs from the annotated one (``sha256``) is
reported: pages change and disappear, and the annotations (numbers and names as written) then score what remains.

usage: python benchmarks/devset_pages.py fetch --out PAGES_DIR [--set dev|fresh|unrest]
       python benchmarks/devset_pages.py check --out PAGES_DIR [--set dev|fresh|unrest]  # the annotated texts?
       newsprism evaluate --task multilingual --data PAGES_DIR [--set fresh|unrest]  # figures, people, places, quotes
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsprism.evaluate.multilingual import GOLD_SETS, load_devset
from newsprism.evaluate.page_texts import check_report, check_texts, fetch_texts


def fetch(out: Path, gold_set: str = "dev") -> None:
    for page_id, what in fetch_texts(load_devset(gold_set=gold_set), out):
        print(f"{page_id}: {what}")


def check(out: Path, gold_set: str = "dev") -> None:
    print(check_report(check_texts(load_devset(gold_set=gold_set), out)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("fetch", "check"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--set", dest="gold_set", choices=tuple(GOLD_SETS), default="dev", help="shipped annotations")
    args = ap.parse_args()
    fetch(args.out, args.gold_set) if args.command == "fetch" else check(args.out, args.gold_set)


if __name__ == "__main__":
    main()
