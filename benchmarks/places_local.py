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
import hashlib
from pathlib import Path

from newsprism.evaluate.places_local import load_local


def fetch(out: Path) -> None:
    import httpx

    from newsprism.errors import NewsprismError
    from newsprism.ingest.html import extract_article

    out.mkdir(parents=True, exist_ok=True)
    with httpx.Client(follow_redirects=True, timeout=30.0, headers={"User-Agent": "newsprism-devset/1"}) as client:
        for page in load_local():
            target = out / f"{page.id}.txt"
            if target.exists() or not page.url:
                continue
            try:
                resp = client.get(page.url)
                resp.raise_for_status()
                article, _ = extract_article(resp.text, location=page.url, url=page.url)
            except (httpx.HTTPError, NewsprismError) as exc:
                print(f"{page.id}: {page.url}: {exc}")
                continue
            text = "\n\n".join(x for x in (article.title, article.body) if x)
            if page.chars:
                text = text[: page.chars]
            target.write_text(text, encoding="utf-8")
            print(f"{page.id}: {len(text)} characters")


def check(out: Path) -> None:
    pages = load_local()
    same = 0
    for page in pages:
        path = out / f"{page.id}.txt"
        if not path.exists():
            print(f"{page.id}: missing")
        elif hashlib.sha256(path.read_text(encoding="utf-8").encode()).hexdigest() == page.sha256:
            same += 1
        else:
            print(f"{page.id}: differs from the annotated text")
    print(f"{same}/{len(pages)} texts are the annotated ones")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("fetch", "check"))
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    fetch(args.out) if args.command == "fetch" else check(args.out)


if __name__ == "__main__":
    main()
