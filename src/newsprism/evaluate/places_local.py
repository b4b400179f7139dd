"""Place recognition and resolution on newsprism's own check set of LOCAL US news pages (issue 13).

``python -m newsprism.evaluate.places_local --data PAGES_DIR [--split tune|held|all] [--misses] [--json]`` (or
``newsprism evaluate --task places-local --data PAGES_DIR``) runs the entities and places stages over the pages of
``resources/places_local_dev.yaml`` whose texts are in ``PAGES_DIR/<id>.txt`` (rebuilt from their URLs by
``benchmarks/places_local.py``; the texts never enter the repository) and prints the standard measures of Gritta
et al. with the GeoWebNews scorer (:func:`newsprism.evaluate.places.score_article`): recognition precision, recall
and F1 on spans (one-to-one matching of overlapping spans, every prediction counted except those on ignored spans:
roads, buildings, rivers, schools), accuracy within 161 km and the AUC of the error curve on recognised toponyms.

The pages are split once, by id, before any output was seen: ``sha1("local:" + id)``, first eight hex digits, even
-> ``tune``, odd -> ``held``. Rules are tuned on ``tune`` (and GeoWebNews dev) only; ``held`` is reported. The split is
printed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.resources as ilr
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model import Article, Place
from .entities import run_seed
from .places import GoldToponym, GwnFigures, score_article

__all__ = ["LocalPage", "evaluate_local", "gold_spans", "load_local", "local_split", "main"]

SPLITS = ("tune", "held", "all")


@dataclass(frozen=True, slots=True)
class LocalPage:
    id: str
    url: str | None
    places: tuple[dict[str, Any], ...]
    ignore: tuple[str, ...]
    sha256: str | None = None
    chars: int | None = None

    @property
    def split(self) -> str:
        return local_split(self.id)


def local_split(page_id: str) -> str:
    """``tune`` or ``held``: the fixed split of the local set by page id (see the module docstring)."""
    return "tune" if int(hashlib.sha1(f"local:{page_id}".encode()).hexdigest()[:8], 16) % 2 == 0 else "held"


def load_local(path: str | Path | None = None) -> list[LocalPage]:
    """The pages and annotations of the local check set (the shipped one by default)."""
    if path is None:
        text = ilr.files("newsprism.evaluate").joinpath("resources/places_local_dev.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return [
        LocalPage(
            id=str(row["id"]),
            url=row.get("url"),
            places=tuple(row.get("places") or ()),
            ignore=tuple(str(x) for x in row.get("ignore") or ()),
            sha256=row.get("sha256"),
            chars=row.get("chars"),
        )
        for row in yaml.safe_load(text)
    ]


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of ``needle`` that is not part of a longer word (case-sensitive)."""
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def gold_spans(page: LocalPage, text: str) -> tuple[list[GoldToponym], list[tuple[int, int]]]:
    """The page's gold toponyms and ignored spans in ``text``: every stand-alone occurrence of each annotated name,
    longest names first, less ``skip`` occurrences and those inside a longer name or an ignored span."""
    ignored = [span for needle in page.ignore for span in _occurrences(text, needle)]
    taken = list(ignored)
    gold: list[GoldToponym] = []
    for row in sorted(page.places, key=lambda r: -len(str(r["text"]))):
        skip = set(row.get("skip") or ())
        for i, (start, end) in enumerate(_occurrences(text, str(row["text"]))):
            if i in skip or any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            gold.append(
                GoldToponym(start, end, str(row["text"]), "Literal", True, float(row["lat"]), float(row["lon"]))
            )
    gold.sort(key=lambda g: g.start)
    return gold, ignored


def evaluate_local(
    data_dir: str | Path, *, split: str = "held", pages: Sequence[LocalPage] | None = None
) -> tuple[GwnFigures, list[str]]:
    """Run the entities and places stages over one part of the local set and score them; also the ids missing."""
    if split not in SPLITS:
        raise ValueError(f"local split {split!r}: choose one of {', '.join(SPLITS)}")
    data_dir = Path(data_dir)
    chosen = [p for p in (pages if pages is not None else load_local()) if split == "all" or p.split == split]
    missing = [p.id for p in chosen if not (data_dir / f"{p.id}.txt").exists()]
    present = [p for p in chosen if p.id not in missing]
    texts = [(data_dir / f"{p.id}.txt").read_text(encoding="utf-8") for p in present]
    arts = [Article(id=f"local-{p.id}", title=None, body=t, language="en") for p, t in zip(present, texts, strict=True)]
    fig = GwnFigures(split=split, label="local", articles=len(arts))
    fig.chars = sum(len(a.body) for a in arts)
    t0 = time.perf_counter()
    items = run_seed(arts)
    fig.seconds = time.perf_counter() - t0
    for page, art in zip(present, arts, strict=True):
        gold, ignored = gold_spans(page, art.body)
        places = [p for p in items.get(art.id, {}).get("places", []) if isinstance(p, Place)]
        score_article(fig, art.id, gold, ignored, places)
    return fig, missing


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.places_local", description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=None, help="folder of <id>.txt page texts")
    ap.add_argument("--data", dest="data_opt", default=None, help="the same folder, as an option")
    ap.add_argument("--split", choices=SPLITS, default="held", help="part to score (tune on 'tune' only)")
    ap.add_argument("--misses", action="store_true", help="print every miss, far resolution and extra prediction")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    data = args.data_opt or args.data or "/work/places-local"
    pages = load_local()
    fig, missing = evaluate_local(data, split=args.split, pages=pages)
    if args.json:
        print(json.dumps({"dataset": "places-local", **fig.to_dict(), "missing": missing}, ensure_ascii=False))
        return 0
    print(f"split: local {args.split} ({fig.articles} pages) from {data}")
    for part in ("tune", "held"):
        print(f"local {part} pages: {' '.join(p.id for p in pages if p.split == part)}")
    if missing:
        print(f"texts missing (rebuild with benchmarks/places_local.py fetch): {' '.join(missing)}")
    if args.misses:
        print("\n".join(fig.misses))
    for line in fig.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
