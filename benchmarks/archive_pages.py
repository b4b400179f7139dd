"""Rebuild the texts of newsprism's check sets from excerpts of a public-pages archive saved by hand.

The check sets (genre, frames and techniques: ``genre_pages.yaml``; figures, people, places and quotes:
``multilingual_{dev,fresh,unrest}.yaml``) ship where each page comes from and what was annotated, never its text;
most of their texts were cut from the excerpts a public-pages archive stores. The archive is searched, not fetched:
whoever rebuilds a set on a new machine finds each page there by its address (the project's search tool, corpus
``pages``), saves the excerpt exactly as returned to ``RAW/<id>.txt`` and runs this script, which writes the trim of
each excerpt that is the annotated text (``newsprism.evaluate.page_texts.match_excerpt``: same SHA-256) to
``OUT/<id>.txt``. An excerpt with no such trim is reported and not written: its page is then left out of the figures,
which say how many pages they scored. Keep the texts out of the repository.

usage: python benchmarks/archive_pages.py --set genre|dev|fresh|unrest --raw RAW --out OUT
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsprism.evaluate.genre_pages import load_genre_pages
from newsprism.evaluate.multilingual import GOLD_SETS, load_devset
from newsprism.evaluate.page_texts import match_excerpt


def annotated(gold_set: str) -> dict[str, tuple[str, int]]:
    """Per page id: the annotated text's SHA-256 and length."""
    if gold_set == "genre":
        return {str(p["id"]): (str(p["sha256"]), int(p["chars"])) for p in load_genre_pages()}
    return {p.id: (str(p.sha256), int(p.chars or 0)) for p in load_devset(gold_set=gold_set) if p.sha256}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", dest="gold_set", choices=("genre", *GOLD_SETS), required=True)
    ap.add_argument("--raw", type=Path, required=True, help="folder of saved archive excerpts (<id>.txt)")
    ap.add_argument("--out", type=Path, required=True, help="folder the annotated texts are written to")
    args = ap.parse_args()
    pages = annotated(args.gold_set)
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for raw in sorted(args.raw.glob("*.txt")):
        if raw.stem not in pages:
            print(f"{raw.name}: no page of the {args.gold_set} set has this id")
            continue
        text = match_excerpt(raw.read_text(encoding="utf-8"), *pages[raw.stem])
        if text is None:
            print(f"{raw.stem}: no trim of the excerpt is the annotated text (another version of the page?)")
            continue
        (args.out / raw.name).write_text(text, encoding="utf-8")
        written += 1
    print(f"{written} of {len(pages)} annotated texts written to {args.out}")


if __name__ == "__main__":
    main()
