"""Rebuild the text folder of newsprism's multilingual development set, then score it.

The repository ships where each page comes from and its annotations (``newsprism/evaluate/resources/
multilingual_dev.yaml``), never the pages' text. This script fetches each page (your network; nothing else in
newsprism fetches anything), extracts its article text with newsprism's HTML loader, keeps it from its start up to
the annotated length, and writes ``OUT/<id>.txt``. A page whose text differs from the annotated one (``sha256``) is
reported: pages change and disappear, and the annotations (numbers and names as written) then score what remains.

usage: python benchmarks/devset_pages.py fetch --out PAGES_DIR [--set dev|fresh]
       python benchmarks/devset_pages.py check --out PAGES_DIR [--set dev|fresh]   # which texts are the annotated ones
       newsprism evaluate --task multilingual --data PAGES_DIR [--set fresh]     # figures, people, places, quotes
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from newsprism.evaluate.multilingual import GOLD_SETS, load_devset


def fetch(out: Path, gold_set: str = "dev") -> None:
    import httpx

    from newsprism.errors import NewsprismError
    from newsprism.ingest.html import extract_article

    out.mkdir(parents=True, exist_ok=True)
    with httpx.Client(follow_redirects=True, timeout=30.0, headers={"User-Agent": "newsprism-devset/1"}) as client:
        for page in load_devset(gold_set=gold_set):
            target = out / f"{page.id}.txt"
            if target.exists():
                continue
            if not page.url:
                print(f"{page.id}: no address in the archive; add its text by hand")
                continue
            try:
                resp = client.get(page.url)
                resp.raise_for_status()
            except httpx.HTTPError as exc:
                print(f"{page.id}: {page.url}: {exc}")
                continue
            try:
                article, _ = extract_article(resp.text, location=page.url, url=page.url)
            except NewsprismError as exc:
                print(f"{page.id}: {exc}")
                continue
            text = "\n\n".join(x for x in (article.title, article.body) if x)
            target.write_text(text + "\n", encoding="utf-8")
            print(f"{page.id}: {len(text)} characters")


def check(out: Path, gold_set: str = "dev") -> None:
    same = 0
    pages = load_devset(gold_set=gold_set)
    for page in pages:
        path = out / f"{page.id}.txt"
        if not path.exists():
            print(f"{page.id}: missing")
            continue
        digest = hashlib.sha256(path.read_text(encoding="utf-8").encode()).hexdigest()
        if digest == page.sha256:
            same += 1
        else:
            print(f"{page.id}: differs from the annotated text")
    print(f"{same}/{len(pages)} texts are the annotated ones")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("fetch", "check"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--set", dest="gold_set", choices=tuple(GOLD_SETS), default="dev", help="shipped annotations")
    args = ap.parse_args()
    fetch(args.out, args.gold_set) if args.command == "fetch" else check(args.out, args.gold_set)


if __name__ == "__main__":
    main()
