"""Rebuild the text folder of newsprism's local-news place check set, check it, then score it.

The repository ships where each page comes from and its annotations (``newsprism/evaluate/resources/
places_local_dev.yaml``), never the pages' text. ``fetch`` gets each page (your network; nothing else in newsprism
fetches anything), extracts its text with newsprism's HTML loader, keeps its start up to the annotated length and
writes ``OUT/<id>.txt``; ``check`` reports which texts are the annotated ones (``sha256``). Pages change and
disappear: the annotations (names as written, every stand-alone occurrence) then score what is left.

usage: python benchmarks/places_local.py fetch --out PAGES_DIR
       python benchmarks/places_local.py check --out PAGES_DIR
       python -m newsprism.evaluate.places_local PAGES_DIR --split held     # tune on --split tune only
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsprism.evaluate.page_texts import check_report, check_texts, fetch_texts
from newsprism.evaluate.places_local import load_local


def fetch(out: Path) -> None:
    for page_id, what in fetch_texts(load_local(), out):
        print(f"{page_id}: {what}")


def check(out: Path) -> None:
    print(check_report(check_texts(load_local(), out)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("fetch", "check"))
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    fetch(args.out) if args.command == "fetch" else check(args.out)


if __name__ == "__main__":
    main()
