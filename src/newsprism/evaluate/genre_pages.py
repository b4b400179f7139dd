"""Genre on newsprism's check set of real pages in eight languages (``resources/genre_pages.yaml``).

Each page is labelled opinion or reporting by how its outlet published it (the ``evidence`` of each entry), never by
its style. The texts are not shipped: ``DIR/<id>.txt`` holds each page's text (title first), as ``chars`` and
``sha256`` identify it. Prints macro-F1 per language and overall beside the floors of
:func:`~newsprism.evaluate.genre_allsides.genre_report` (always one label, on the same pages):

    newsprism evaluate --task genre-pages --data DIR [--part tune|check|all] [--json]

Parts are fixed by id (:func:`page_part`: the first 8 hex digits of the SHA-1 of the id, even = ``tune``, odd =
``check``; 184 and 201 pages, 69 and 84 of them in the first round's eight languages). Cue lists were adjusted
looking at the first round's tune part only; the check part is the figure to quote, and the second round's
languages (nl, sv, fi, hu, tr, uk, pt, ar) were never tuned on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

__all__ = ["evaluate_genre_pages", "load_genre_pages", "page_part"]

PARTS = ("tune", "check", "all")


def page_part(page_id: str) -> str:
    """``tune`` or ``check``, fixed by the page's id."""
    return "tune" if int(hashlib.sha1(page_id.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "check"


def load_genre_pages() -> list[dict[str, Any]]:
    """The set's entries: id, language, label, evidence, url, title, outlet, chars, sha256."""
    text = files("newsprism.evaluate").joinpath("resources/genre_pages.yaml").read_text(encoding="utf-8")
    return list(yaml.safe_load(text)["pages"])


def evaluate_genre_pages(folder: Path | str, *, part: str = "all") -> dict[str, Any]:
    """Classify every page of ``part`` whose text is in ``folder``; the report per language and over all pages,
    and the ids whose text is missing."""
    from ..enrich.genre import classify_genre, load_genre_model
    from ..model import Article
    from .genre_allsides import genre_report

    model = load_genre_model()
    gold: dict[str, list[str]] = {}
    pred: dict[str, list[str]] = {}
    missing: list[str] = []
    for page in load_genre_pages():
        if part != "all" and page_part(page["id"]) != part:
            continue
        path = Path(folder) / f"{page['id']}.txt"
        if not path.exists():
            missing.append(page["id"])
            continue
        text = path.read_text(encoding="utf-8")
        title = page.get("title") or None
        body = text[len(title) :].lstrip() if title and text.startswith(title) else text
        article = Article(id=page["id"], title=title, body=body, language=page["language"])
        gold.setdefault(page["language"], []).append(page["label"])
        pred.setdefault(page["language"], []).append(classify_genre(article, model=model)[0])
    every_gold = [g for lang in sorted(gold) for g in gold[lang]]
    every_pred = [p for lang in sorted(pred) for p in pred[lang]]
    return {
        "languages": {lang: genre_report(gold[lang], pred[lang]) for lang in sorted(gold)},
        "all": genre_report(every_gold, every_pred) if every_gold else {},
        "part": part,
        "missing": missing,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsprism.evaluate.genre_pages DIR [--json]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.genre_pages", description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path, help="the folder of page texts (<id>.txt)")
    ap.add_argument("--part", choices=PARTS, default="check", help="which part of the set (default: check)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    report = evaluate_genre_pages(args.data, part=args.part)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    missing = len(report["missing"])
    print(f"split: genre_pages.yaml part {args.part}, every page whose text is in {args.data} ({missing} missing)")
    rows = [*report["languages"].items(), ("all", report["all"])] if report["all"] else []
    for lang, r in rows:
        floor = max(r["floors"].values())
        margin = r["macro_f1"] - floor
        print(f"{lang:4} n={r['n']:3}  macro-F1 {r['macro_f1']:.3f}  floor {floor:.3f}  margin {margin:+.3f}")
    return 0 if rows else 1
