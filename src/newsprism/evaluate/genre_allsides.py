"""The genre detector scored on AllSides articles (Apache-2.0) labelled by how their outlet published them.

AllSides (Baly et al. 2020) has no genre labels; they are derived by distant supervision from the source name and
the URL path, never from the text:

* **opinion** — a directory of the URL path is an opinion section (``opinion``, ``opinions``, ``op-ed``,
  ``commentary``, ``editorial(s)``, ``column(s)``, ``columnists`` …) or the source name says so (``New York
  Times - Opinion``, ``CNN - Editorial``, ``Cato Institute (blog)``);
* **reporting** — the source is a news desk (a name ending ``- News``, ``(Web News)`` or ``Online News``, or a
  wire: Reuters, Associated Press, AFP) and the URL has no opinion or blog directory;
* everything else is left out, and so are pieces whose URL has a ``blog`` directory but whose source is no
  opinion source (news desks run blogs too: NPR's The Two-Way, The Hill's Briefing Room) — they are counted
  as ambiguous.

The detector sees the title and the body only (no outlet, no URL), as a user's pages would reach it. The report
holds macro-F1 over the two genres, per-genre precision/recall/F1 and two trivial floors on the same articles:
always the majority genre and always "opinion". Only ``train`` and ``valid`` of ``splits/random`` may be read;
the test split is refused.

``newsprism evaluate --task genre-allsides --data ALLSIDES_FOLDER [--split valid|train] [--limit N] [--json]``.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import ConfigError
from ..model import Article
from .metrics import label_lines, macro_f1, per_label_prf

__all__ = [
    "SPLITS",
    "GenreSet",
    "allsides_genre_set",
    "distant_genre",
    "evaluate_genre_set",
    "genre_report",
    "main",
    "report_lines",
]

#: The splits of ``splits/random`` this module reads (never the test split).
SPLITS = ("train", "valid")

_OPINION_DIR = re.compile(
    r"^(?:opinions?|op-?eds?|commentary|commentaries|editorials?|columns?|columnists?|our-columnists|"
    r"global-opinions|political-commentary|pundits-blog|congress-blog)$",
    re.IGNORECASE,
)
_BLOG_DIR = re.compile(r"blog", re.IGNORECASE)
_OPINION_SOURCE = re.compile(r"opinion|op-ed|commentary|editorial|column|\bblog\b", re.IGNORECASE)
_NEWS_SOURCE = re.compile(r"(?:\s-\sNews|\(Web News\)|Online News)\s*$")
_WIRES = frozenset({"reuters", "associated press", "afp", "agence france-presse"})


def distant_genre(source: str, url: str) -> tuple[str | None, str]:
    """(genre or None, the rule that decided) of an AllSides article from its source name and URL."""
    dirs = [d for d in urlparse(url or "").path.split("/")[:-1] if d]
    if any(_OPINION_DIR.match(d) for d in dirs):
        return "opinion", "url"
    if _OPINION_SOURCE.search(source or ""):
        return "opinion", "source"
    if any(_BLOG_DIR.search(d) for d in dirs):
        return None, "blog"
    name = (source or "").strip()
    if _NEWS_SOURCE.search(name) or name.casefold() in _WIRES:
        return "reporting", "news desk"
    return None, "other"


@dataclass(slots=True)
class GenreSet:
    """Labelled articles of one split, and how many of the split's articles each rule kept or left out."""

    split: str
    articles: list[Article] = field(default_factory=list)
    gold: list[str] = field(default_factory=list)
    rules: dict[str, int] = field(default_factory=dict)
    #: each article's site (``source_url`` without ``www.``), kept beside the article, which never sees it
    sites: list[str] = field(default_factory=list)

    @property
    def left_out(self) -> int:
        return self.rules.get("blog", 0) + self.rules.get("other", 0)


def _split_ids(folder: Path, split: str) -> list[str]:
    if split not in SPLITS:
        raise ConfigError(f"AllSides split {split!r} is not readable here; valid: {', '.join(SPLITS)}")
    path = folder / "splits" / "random" / f"{split}.tsv"
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return [row["ID"] for row in csv.DictReader(fh, delimiter="\t")]
    except OSError as exc:
        raise ConfigError(f"cannot read the AllSides split {path}: {exc}") from None


def _records(folder: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(folder / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def allsides_genre_set(folder: str | Path, *, split: str = "valid", limit: int | None = None) -> GenreSet:
    """The articles of ``split`` with a distant genre label, in split order; ``limit`` keeps every k-th labelled
    article so that about ``limit`` remain (both genres keep their share)."""
    folder = Path(folder)
    order = {aid: i for i, aid in enumerate(_split_ids(folder, split))}
    found: dict[str, tuple[Article, str, str]] = {}
    out = GenreSet(split)
    for rec in _records(folder):
        if rec.get("ID") not in order:
            continue
        genre, rule = distant_genre(rec.get("source") or "", rec.get("url") or "")
        out.rules[rule] = out.rules.get(rule, 0) + 1
        body = (rec.get("content_original") or "").strip()
        if genre is None or not body:
            continue
        art = Article(id=rec["ID"], title=(rec.get("title") or "").strip() or None, body=body, language="en")
        found[rec["ID"]] = (art, genre, str(rec.get("source_url") or "").removeprefix("www."))
    ranked = sorted(found, key=lambda k: order[k])
    step = max(1, len(ranked) // limit) if limit else 1
    for aid in ranked[::step][: limit or None]:
        out.articles.append(found[aid][0])
        out.gold.append(found[aid][1])
        out.sites.append(found[aid][2])
    return out


def genre_report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """macro-F1 over the gold genres, per-genre P/R/F1, and the floors (always majority, always "opinion")."""
    labels = sorted(set(gold))
    majority = max(labels, key=lambda k: (gold.count(k), k)) if labels else ""
    out: dict[str, Any] = dict(macro_f1(gold, pred))
    out["labels"] = per_label_prf([{g} for g in gold], [{p} for p in pred])
    out["gold_counts"] = {k: gold.count(k) for k in labels}
    out["floors"] = {
        f"always {majority}": macro_f1(gold, [majority] * len(gold))["macro_f1"],
        "always opinion": macro_f1(gold, ["opinion"] * len(gold))["macro_f1"],
    }
    return out


def evaluate_genre_set(data: GenreSet, *, rules_only: bool = False) -> dict[str, Any]:
    """Classify the articles with the default detector (``rules_only``: without the learned opinion/reporting
    weights, as before they existed); the report of :func:`genre_report` and the predicted counts."""
    from ..enrich.genre import classify_genre, load_genre_model

    model = load_genre_model(style=not rules_only)
    pred = [classify_genre(a, model=model)[0] for a in data.articles]
    report = genre_report(data.gold, pred)
    report["predicted_counts"] = {k: pred.count(k) for k in sorted(set(pred))}
    report["detector"] = "genre.yaml rules alone" if rules_only else "genre.yaml rules + genre_style.json weights"
    return report


def report_lines(report: dict[str, Any]) -> list[str]:
    """The report as text: macro-F1 beside the floors, what was predicted, per-genre P/R/F1."""
    floors = "  ".join(f"floor {v:.4f} ({k})" for k, v in report["floors"].items())
    lines = [
        f"genre macro-F1 {report['macro_f1']:.4f}  accuracy {report['accuracy']:.4f}  n={report['n']}  {floors}"
        f"  [{report['detector']}]",
        "  predicted: " + ", ".join(f"{k} {v}" for k, v in report["predicted_counts"].items()),
    ]
    lines.extend(label_lines(report["labels"], 10))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsprism.evaluate.genre_allsides [FOLDER] [--split valid|train] [--limit N] [--json]``."""
    import argparse

    from .seed import shared_dir

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.genre_allsides", description=__doc__.split("\n")[0])
    ap.add_argument(
        "data",
        nargs="?",
        type=Path,
        default=shared_dir() / "datasets" / "allsides-articles",
        help="the AllSides article folder (default: ../shared/datasets/allsides-articles)",
    )
    ap.add_argument("--split", default="valid", help="valid (default) or train; 'dev' means valid")
    ap.add_argument("--limit", type=int, default=None, help="score about N labelled articles (every k-th)")
    ap.add_argument("--rules-only", action="store_true", help="without the learned weights (the old default)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    split = "valid" if args.split == "dev" else args.split
    data = allsides_genre_set(args.data, split=split, limit=args.limit)
    report = evaluate_genre_set(data, rules_only=args.rules_only)
    r = data.rules
    line = (
        f"AllSides splits/random/{split}.tsv ({sum(r.values())} articles): {len(data.articles)} with a distant "
        f"genre label ({', '.join(f'{k} {v}' for k, v in report['gold_counts'].items())}; opinion by URL "
        f"{r.get('url', 0)}, by source {r.get('source', 0)}; reporting from news desks {r.get('news desk', 0)}); "
        f"left out: {r.get('blog', 0)} ambiguous (blog URL), {r.get('other', 0)} neither opinion nor news desk"
        + (f"; every k-th for --limit {args.limit}" if args.limit else "")
    )
    if args.json:
        print(json.dumps({"split": line, **report}, ensure_ascii=False, indent=2))
        return 0
    print(f"split: {line} from {args.data}")
    for text in report_lines(report):
        print(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
