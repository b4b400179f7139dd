"""How well the text-page loader splits pages and reads headers, on pages built from real articles.

Pages of 1-6 AllSides articles (``../shared/datasets/allsides-articles``) are laid out in four header layouts
(title / author / date / URL; title / date / OUTLET / author; "By" bylines; "Source:" fields) with page chrome
between them; the loader must find each article and its fields again. ``newsprism evaluate --task pages [--data
ALLSIDES_FOLDER] [--articles N] [--json]`` and ``benchmarks/text_pages.py`` print the figures;
``tests/test_ingest_text.py`` pins floors.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from ..ingest.text import read_page
from ..ingest.text_headers import LineReader, load_lexicon, normalise
from ..model import Article
from .metrics import Report

__all__ = ["allsides_sample", "evaluate_pages", "main"]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def allsides_sample(path: Path, limit: int) -> list[dict[str, str]]:
    """Every 11th AllSides article with a title, authors, an ISO date and 300-6,000 characters of text."""
    out: list[dict[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 11:
                continue
            d = json.loads(line)
            body = d["content_original"].strip()
            iso = re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["date"] or "")
            if d["title"].strip() and d["authors"].strip() and iso and 300 <= len(body) <= 6000:
                out.append(d)
            if len(out) >= limit:
                break
    return out


def _header(d: dict[str, str], style: int, rng: random.Random) -> list[str]:
    y, m, day = (int(x) for x in d["date"].split("-"))
    date = rng.choice(
        [f"{day} {_MONTHS[m - 1]} {y}", f"{_MONTHS[m - 1]} {day}, {y}", d["date"], f"{day:02d}.{m:02d}.{y}"]
    )
    outlet = d["source"].split(" - ")[0].split(" (")[0]
    if style == 0:  # the seed's first layout: title / author / date / URL
        return [d["title"], "", "", d["authors"], date, d["url"]]
    if style == 1:  # the seed's second layout: title / date / OUTLET / author
        return [d["title"], "", date, outlet.upper(), d["authors"]]
    if style == 2:
        return [d["title"], f"By {d['authors']}", date, d["url"]]
    return [d["title"], f"Source: {outlet}", f"Date: {date}", f"Author: {d['authors']}"]


def _ends_with_gold(article: Article, gold_body: str) -> bool:
    """The gold body's last paragraph of running text (not a copyright line) ends the body, or is the bio."""
    paras = [p for p in gold_body.split("\n") if len(p.split()) >= 8 and "copyright" not in p.casefold()]
    if not paras:
        return True
    tail = normalise(paras[-1])[-60:]
    return tail in normalise(article.body)[-400:] or tail in normalise(article.author_bio or "")


def evaluate_pages(path: Path, n_articles: int = 400, *, seed: int = 7) -> dict[str, float]:
    """Pages of 1-6 real articles in four header layouts with page chrome; scores the split and each field."""
    rng = random.Random(seed)
    reader = LineReader(load_lexicon())
    arts = allsides_sample(path, n_articles)
    found = gold_n = pred_n = 0
    hits = {"authors": 0, "published": 0, "url": 0, "outlet": 0, "body_start": 0, "body_end": 0}
    asked = dict.fromkeys(hits, 0)
    i = 0
    while i < len(arts):
        group = arts[i : i + rng.randint(1, 6)]
        i += len(group)
        lines = ["Wednesday, January 12, 2022", ""]
        styles = []
        for d in group:
            style = rng.randrange(4)
            styles.append(style)
            lines += [*_header(d, style, rng), "", d["content_original"].strip(), "", "No comments:", ""]
        res = read_page("\n".join(lines), location="synthetic", reader=reader)
        gold_n += len(group)
        pred_n += len(res.articles)
        by_title = {a.title: a for a in res.articles}
        for d, style in zip(group, styles, strict=True):
            a = by_title.get(d["title"].strip())
            if a is None:
                continue
            found += 1
            names = [x.strip() for x in d["authors"].replace(" and ", ",").split(",") if x.strip()]
            checks = {
                "authors": [normalise(x) for x in a.authors] == [normalise(x) for x in names],
                "published": a.published == d["date"],
                "body_start": normalise(a.body).startswith(normalise(d["content_original"])[:60]),
                "body_end": _ends_with_gold(a, d["content_original"]),
            }
            if style in (0, 2):
                checks["url"] = a.url == d["url"]
            if style in (1, 3):
                checks["outlet"] = normalise(a.outlet or "") == normalise(d["source"].split(" - ")[0].split(" (")[0])
            for key, ok in checks.items():
                asked[key] += 1
                hits[key] += int(ok)
    split = Report.matched(found, pred_n, gold_n)
    scores = {
        "articles": float(gold_n),
        "split_precision": split.precision,
        "split_recall": split.recall,
        "split_f1": split.f1,
    }
    scores.update({f"{k}_accuracy": hits[k] / asked[k] for k in hits if asked[k]})
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsprism.evaluate.pages [ALLSIDES_FOLDER] [--articles N] [--json]``."""
    import argparse

    from .seed import shared_dir

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.pages", description=__doc__.split("\n")[0])
    ap.add_argument(
        "data",
        nargs="?",
        default=str(shared_dir() / "datasets" / "allsides-articles"),
        help="the AllSides article folder (default: ../shared/datasets/allsides-articles)",
    )
    ap.add_argument("--articles", type=int, default=1000, help="articles laid out in pages")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    path = Path(args.data)
    path = path / "articles.jsonl.gz" if path.is_dir() else path
    scores = evaluate_pages(path, args.articles)
    split = f"every 11th AllSides article ({int(scores['articles'])} articles) from {path}"
    if args.json:
        print(json.dumps({"split": split, **scores}, indent=2))
        return 0
    print(f"split: {split}")
    for key, value in scores.items():
        print(f"{key:24} {value:.3f}" if key != "articles" else f"{key:24} {int(value)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
